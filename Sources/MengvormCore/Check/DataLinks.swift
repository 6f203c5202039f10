/// Page references in data files (`link: vergoedingen/rekenhulp.md`) must name pages, even in a data
/// file no page uses yet.
enum DataLinks {
    static func check(_ site: RenderedSite) -> [Diagnostic] {
        guard let home = site.index.home else { return [] }
        let collector = Collector()
        for file in site.data.files.values.sorted(by: { $0.name < $1.name }) {
            _ = site.renderer.resolveDataLinks(file.root, dataPath: file.displayPath, from: home, into: collector)
        }
        return collector.diagnostics
    }
}
