import Markdown

/// Pages made from a data file, as Hugo's content adapters and Eleventy's pagination make them: a
/// section's `_index.md` says which list of which data file becomes its pages, and every entry becomes
/// a page in that section, in the menus, lists, search, sitemap and review overview like any page,
/// linkable as `SECTION/SLUG.md`. Every problem is reported at the entry in the data file.
///
///     pages_from:
///       data: teams          # Content/_data/teams.yml
///       list: teams          # the list in that file (leave out when the file is the list itself)
///       title: name          # the field that is each page's title
///       slug: slug           # the field that is each page's URL segment (default: made from the title)
///       layout: team         # the layout (default: the section's page_layout, else `page`)
///       text: about          # optional: a field with Markdown shown as the page's text
///
/// An entry's `description`, `owner`, `review_by`, `tags` and `keywords` fields are the page's; a page
/// without `owner` or `review_by` takes its section's. The whole entry reaches the layout as `page.entry`.
enum DataPages {
    static func expand(_ pages: [LoadedPage], data: DataFiles) -> (pages: [LoadedPage], diagnostics: [Diagnostic]) {
        var made: [LoadedPage] = []
        var diagnostics: [Diagnostic] = []
        for section in pages where section.meta.pagesFrom != nil && (section.source.kind == .section || section.source.kind == .home) {
            var expansion = Expansion(section: section, data: data)
            expansion.run()
            made += expansion.pages
            diagnostics += expansion.diagnostics
        }
        return (pages + made, diagnostics)
    }

    private struct Expansion {
        let section: LoadedPage
        let data: DataFiles
        var pages: [LoadedPage] = []
        var diagnostics: [Diagnostic] = []

        init(section: LoadedPage, data: DataFiles) {
            self.section = section
            self.data = data
        }

        /// Front matter starts on line 2 of the section's file.
        private func sectionLocation(_ node: DataNode) -> SourceLocation {
            SourceLocation(path: section.source.displayPath, line: node.line + 1, column: node.column)
        }

        private mutating func settingsError(_ message: String, _ node: DataNode) {
            diagnostics.append(.error(message, at: sectionLocation(node)))
        }

        mutating func run() {
            guard let settings = section.meta.pagesFrom else { return }
            guard settings.entries != nil else {
                return settingsError(
                    "`pages_from` must be settings such as `data: teams` and `title: name` on lines of their own", settings)
            }
            guard let dataNode = settings["data"], let name = dataNode.string else {
                return settingsError(
                    "`pages_from` needs `data:`, the data file whose entries become pages, such as `data: teams`", settings)
            }
            guard let file = data[name] else {
                let hint = Suggest.closest(to: name, in: data.files.keys).map { "; did you mean `\($0)`?" } ?? ""
                return settingsError("no data file `\(name)` in Content/_data/\(hint)", dataNode)
            }
            var list = file.root
            if let listNode = settings["list"] {
                guard let key = listNode.string, let found = file.root[key] else {
                    let keys = file.root.entries?.map(\.key) ?? []
                    let hint = Suggest.closest(to: listNode.string ?? "", in: keys).map { "; did you mean `\($0)`?" } ?? ""
                    return settingsError("\(file.displayPath) has no list `\(listNode.string ?? "")`\(hint)", listNode)
                }
                list = found
            }
            guard let entries = list.list else {
                diagnostics.append(
                    .error(
                        "`pages_from` needs a list here: one entry (`- name: …`) per page, not \(list.kindName)",
                        at: SourceLocation(path: file.displayPath, line: max(list.line, 1), column: max(list.column, 1))))
                return
            }
            let titleField = settings["title"]?.string ?? "title"
            let slugField = settings["slug"]?.string
            let textField = settings["text"]?.string
            let layout = settings["layout"]?.string
            var taken: [String: DataNode] = [:]
            for (position, entry) in entries.enumerated() {
                let at = SourceLocation(path: file.displayPath, line: entry.line, column: entry.column)
                guard entry.entries != nil else {
                    diagnostics.append(
                        .error(
                            "each entry must be settings such as `\(titleField): …` and `\(slugField ?? "slug"): …`, not \(entry.kindName)",
                            at: at))
                    continue
                }
                guard let title = entry[titleField]?.string, !title.isEmpty else {
                    diagnostics.append(
                        .error(
                            "this entry has no `\(titleField)`, which is its page's title: add a line such as `\(titleField): …`", at: at))
                    continue
                }
                var slug = HeadingID.slug(title)
                var slugLine = entry.line
                if let slugField, let slugNode = entry[slugField] {
                    guard let given = slugNode.string, PageLoader.isSafeSlug(given) else {
                        diagnostics.append(
                            .error(
                                "`\(slugField)` may only contain lowercase letters, digits and hyphens, like `team-hr-beleid`; it names one page",
                                at: SourceLocation(path: file.displayPath, line: slugNode.line, column: slugNode.column)))
                        continue
                    }
                    slug = given
                    slugLine = slugNode.line
                }
                if let earlier = taken[slug] {
                    diagnostics.append(
                        .error(
                            "this entry and the one on line \(earlier.line) would both be the page `\(slug)`; give one another `\(slugField ?? titleField)`",
                            at: at))
                    continue
                }
                taken[slug] = entry
                pages.append(
                    page(
                        entry, title: title, slug: slug, slugLine: slugLine, position: position, layout: layout,
                        textField: textField, file: file, list: entries))
            }
        }

        private mutating func page(
            _ entry: DataNode, title: String, slug: String, slugLine: Int, position: Int, layout: String?,
            textField: String?, file: DataFiles.File, list: [DataNode]
        ) -> LoadedPage {
            var fields = FieldReader(map: entry, path: file.displayPath)
            var meta = PageMeta(title: title)
            meta.description = fields.string("description")
            meta.owner = fields.string("owner") ?? section.meta.owner
            meta.reviewBy = fields.day("review_by") ?? section.meta.reviewBy
            meta.lines.reviewBy = entry["review_by"]?.line ?? entry.line
            meta.tags = fields.strings("tags") ?? []
            meta.keywords = fields.strings("keywords") ?? []
            meta.layout = layout
            // The order of the data file is the order of the pages.
            meta.weight = position + 1
            meta.slug = slug
            meta.lines.slug = slugLine
            meta.lines.layout = entry.line
            meta.lang = section.meta.lang
            diagnostics += fields.diagnostics
            let folder = section.source.folder
            // A translated section's pages are translations too: `teams/hr.en.md` beside `teams/hr.md`.
            let language = section.source.language
            var source = SourceFile(
                kind: .page, contentPath: (folder.isEmpty ? "" : folder + "/") + slug + (language.map { ".\($0)" } ?? "") + ".md",
                language: language)
            source.origin = file.displayPath
            let textNode = textField.flatMap { entry[$0] }
            let body = textNode?.string ?? ""
            return LoadedPage(
                source: source, meta: meta, body: body, bodyLine: max(textNode?.line ?? entry.line, 1),
                frontMatterHash: ContentHash.of(entry.outline), bodyHash: ContentHash.of(body), entry: entry)
        }
    }
}
