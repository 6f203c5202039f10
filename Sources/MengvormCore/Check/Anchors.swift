/// A link to `page.md#kopje` must name a heading (or checklist item) of that page. Checked once every
/// page is rendered and all heading ids are known.
enum Anchors {
    static func check(_ site: RenderedSite) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let rendered = site.pages
        for result in rendered {
            for anchor in result.anchors where !rendered[anchor.target].headingIDs.contains(anchor.fragment) {
                let known = rendered[anchor.target].headingIDs
                let hint = Suggest.closest(to: anchor.fragment, in: known).map { "; did you mean `#\($0)`?" } ?? ""
                diagnostics.append(
                    .warning(
                        "\(site.index.pages[anchor.target].displayPath) has no heading with the id `#\(anchor.fragment)`\(hint)",
                        at: anchor.location))
            }
        }
        return diagnostics
    }
}
