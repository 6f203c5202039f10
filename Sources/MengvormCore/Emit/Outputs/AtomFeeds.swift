/// An Atom feed `feed.xml` for every section with `feed: true`. Feeds need absolute links, so without
/// `base_url` none is written (the check stage warns about it, at the `feed:` line).
struct AtomFeeds: SiteOutput {
    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var result = OutputResult()
        guard let baseURL = site.config.baseURL else { return result }
        for page in site.index.pages where page.meta.feed {
            let xml = Self.atom(section: page.index, site.index, baseURL: baseURL, siteTitle: site.config.title, today: site.today)
            result.write(xml, to: page.url + "feed.xml", with: writer)
        }
        return result
    }

    /// An Atom feed of a section's pages, newest first.
    static func atom(section: Int, _ index: SiteIndex, baseURL: String, siteTitle: String, today: Day) -> String {
        let page = index.pages[section]
        let entries = page.children.map { index.pages[$0] }.filter { $0.kind == .page && !$0.meta.hidden }
            .sorted { ($0.meta.updated ?? $0.meta.date ?? today) > ($1.meta.updated ?? $1.meta.date ?? today) }
        let newest = entries.first.flatMap { $0.meta.updated ?? $0.meta.date } ?? today
        let sectionURL = baseURL + percentEncode(page.url)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(XML.escape(page.meta.title)) · \(XML.escape(siteTitle))</title>
            <id>\(XML.escape(sectionURL))</id>
            <link rel="alternate" type="text/html" href="\(XML.escape(sectionURL))"/>
            <link rel="self" type="application/atom+xml" href="\(XML.escape(sectionURL + "feed.xml"))"/>
            <updated>\(newest)T00:00:00Z</updated>

            """
        for entry in entries {
            let url = baseURL + percentEncode(entry.url)
            let published = entry.meta.date ?? newest
            xml += "<entry>\n<title>\(XML.escape(entry.meta.title))</title>\n<id>\(XML.escape(url))</id>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(url))\"/>\n"
            xml += "<published>\(published)T00:00:00Z</published>\n<updated>\(entry.meta.updated ?? published)T00:00:00Z</updated>\n"
            xml += "<author><name>\(XML.escape(entry.meta.owner ?? siteTitle))</name></author>\n"
            if let summary = entry.meta.description { xml += "<summary>\(XML.escape(summary))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}

enum XML {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
