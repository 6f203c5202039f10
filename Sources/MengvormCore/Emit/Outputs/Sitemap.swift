/// `sitemap.xml`: every published page with its last change, for intranet crawlers. Needs `base_url`.
struct Sitemap: SiteOutput {
    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var result = OutputResult()
        guard let baseURL = site.config.baseURL else { return result }
        result.write(Self.xml(site.index, baseURL: baseURL), to: "sitemap.xml", with: writer)
        return result
    }

    static func xml(_ index: SiteIndex, baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in index.pages where !page.meta.hidden {
            xml += "<url><loc>\(XML.escape(baseURL + percentEncode(page.url)))</loc>"
            if let day = page.meta.updated ?? page.meta.date { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
