import Markdown
import Templates

/// `tags/` with every tag, and `tags/NAME/` with the pages of each (unless `tag_pages: false`).
struct TagPages: SiteOutput {
    static let folder = "tags"
    var reservedFolders: [String] { [Self.folder] }

    /// The URL of a tag's page from the site root: `tags/thuiswerken/`.
    static func url(_ tag: String) -> String {
        let slug = HeadingID.slug(tag)
        return folder + "/" + (slug.isEmpty ? "tag" : slug) + "/"
    }

    /// Each tag with its pages, tags sorted by name. Tags that differ only in case or accents are one
    /// tag, named as first written.
    private static func tags(of index: SiteIndex) -> (tags: [String], pagesByTag: [String: [Int]]) {
        var pagesByTag: [String: [Int]] = [:]
        var nameBySlug: [String: String] = [:]
        var urlOf: [String: String] = [:]
        for page in index.pages where !page.meta.hidden {
            for tag in page.meta.tags {
                // Each spelling's URL once (the slug folds accents), not twice for every page it is on.
                let url = urlOf[tag] ?? Self.url(tag)
                urlOf[tag] = url
                let name = nameBySlug[url, default: tag]
                nameBySlug[url] = name
                if pagesByTag[name]?.last != page.index { pagesByTag[name, default: []].append(page.index) }
            }
        }
        return (pagesByTag.keys.sorted { SortKey.title($0) < SortKey.title($1) }, pagesByTag)
    }

    /// Titles, dates, descriptions and tags are settings: no page's text is on a tag page.
    func siteKeyFiles(_ site: RenderedSite) -> [String]? {
        guard site.config.tagPages else { return [] }
        let tags = Self.tags(of: site.index).tags
        return tags.isEmpty ? [] : [Self.folder + "/index.html"] + tags.map { Self.url($0) + "index.html" }
    }

    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        guard site.config.tagPages else { return OutputResult() }
        let index = site.index
        let views = site.views
        let templates = site.templates
        let (tags, pagesByTag) = Self.tags(of: index)
        guard !tags.isEmpty else { return OutputResult() }
        let layout = templates.layouts.contains("tags") ? "tags" : "section"
        let title = views.strings(language: views.config.language)["tags"] ?? "Tags"
        var all = views.generatedView(url: Self.folder + "/", title: title, kind: "tags")
        all.children = tags.map { tag in
            var entry = ListEntry(
                title: tag,
                url: String(Self.url(tag).dropFirst(Self.folder.count + 1)) + (views.config.linkStyle == .files ? "index.html" : ""))
            entry.count = pagesByTag[tag]!.count
            return entry.mustache
        }
        var result = OutputResult()
        result.write(
            bytes: templates.renderBytes(views.context(forGenerated: all), layout: layout), to: Self.folder + "/index.html", with: writer)
        // Each tagged page's sort key once: a page with three tags is on three tag pages.
        let tagged = Array(Set(pagesByTag.values.joined())).sorted()
        let keys = parallelMap(tagged.count) { SortKey.title(index.pages[tagged[$0]].meta.title) }
        let keyOf = Dictionary(uniqueKeysWithValues: zip(tagged, keys))
        let ordered = tags.map { tag in pagesByTag[tag]!.map { (key: keyOf[$0]!, page: $0) }.sorted { $0.key < $1.key }.map(\.page) }
        // One page per tag, each on its own core (a tag of a large site lists thousands of pages). Each
        // makes its own entries: entries shared by the pages that two cores render at once had their
        // reference counts bounced between the cores on every lookup (a quarter of the tag pages' time).
        let written = parallelMap(tags.count) { position -> Int in
            let tag = tags[position]
            let url = Self.url(tag)
            var view = views.generatedView(url: url, title: tag, kind: "tag")
            view.children = ordered[position].map { views.entry(for: $0, depth: 2).mustache }
            view.breadcrumbs = [Link(title: title, url: views.links.href(toURL: Self.folder + "/", depth: 2))]
            var one = OutputResult()
            one.write(bytes: templates.renderBytes(views.context(forGenerated: view), layout: layout), to: url + "index.html", with: writer)
            return one.files
        }
        result.files += written.reduce(0, +)
        return result
    }
}
