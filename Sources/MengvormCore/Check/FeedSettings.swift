/// A section with `feed: true` gets an Atom feed only when `base_url` is set (feeds need absolute links).
enum FeedSettings {
    static func check(_ site: RenderedSite) -> [Diagnostic] {
        guard site.config.baseURL == nil else { return [] }
        return site.index.pages.filter(\.meta.feed).map { page in
            .warning(
                "a feed needs absolute links: set `base_url` in site.yml, such as `base_url: https://intranet.example/hybride/`",
                at: SourceLocation(path: page.displayPath, line: page.meta.lines.feed, column: 1))
        }
    }
}
