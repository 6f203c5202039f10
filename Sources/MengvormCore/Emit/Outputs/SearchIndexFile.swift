/// `search-index.js`, the offline search index (unless `search_index: false`). A script rather than
/// JSON, so it also loads from `file://`, where fetch cannot.
struct SearchIndexFile: SiteOutput {
    static let fileName = "search-index.js"

    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var result = OutputResult()
        guard site.config.searchIndex else { return result }
        result.write(Self.script(index: site.index, rendered: site.pages, views: site.views), to: Self.fileName, with: writer)
        return result
    }

    /// The search index as a script (so it also loads from `file://`, where fetch cannot):
    /// per page its title, URL from the site root, description, headings and the start of its text.
    static let textLimit = 1_500

    /// The start of a page's text for the index: one line, at most `textLimit` bytes, cut at a space.
    /// Taken at render time, so a 10,000-page build does not keep every page's full text in memory.
    static func excerpt(_ text: String) -> String {
        var bytes = Array(text.utf8.prefix(textLimit + 1))
        let cut = bytes.count > textLimit
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\t") {
            bytes[index] = UInt8(ascii: " ")
        }
        if cut, let space = bytes.lastIndex(of: UInt8(ascii: " ")) { bytes.removeSubrange(space...) }
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        while bytes.first == UInt8(ascii: " ") { bytes.removeFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func script(index: SiteIndex, rendered: [RenderedPage], views: ViewBuilder) -> String {
        var entries: [DataNode] = []
        for page in index.pages where !page.meta.hidden && !page.isImplicit {
            let result = rendered[page.index]
            let text = result.plainText
            let url = views.links.href(toURL: page.url, depth: 0)
            var fields: [(key: String, node: DataNode)] = [
                ("t", DataNode(.string(page.meta.title))),
                ("u", DataNode(.string(url))),
                ("h", DataNode(.string(result.headingTexts.joined(separator: " · ")))),
                ("x", DataNode(.string(text))),
            ]
            if let description = page.meta.description { fields.append(("d", DataNode(.string(description)))) }
            if let section = page.parent.flatMap({ index.topSection(of: $0) }) ?? index.topSection(of: page.index), section != page.index {
                fields.append(("s", DataNode(.string(index.pages[section].meta.title))))
            }
            if let lang = page.meta.lang { fields.append(("l", DataNode(.string(lang)))) }
            entries.append(DataNode(.map(fields)))
        }
        return "window.MENGVORM_SEARCH_INDEX = " + DataNode(.list(entries)).json + ";\n"
    }
}
