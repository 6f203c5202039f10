import Markdown

/// Builds what a template sees for one page: plain dictionaries, since Mustache is logic-less
/// and renders them about three times faster than reflected structs (swift-deps.md §3.2).
/// Everything that depends only on a section is built once and shared by its pages.
final class ViewBuilder: @unchecked Sendable {
    let index: SiteIndex
    let config: SiteConfig
    let links: LinkResolver
    let siteView: [String: Any]
    let stringsByLanguage: [String: [String: Any]]
    /// The same strings as JSON, for the theme's scripts (no UI text is hard-coded in them).
    let stringsJSONByLanguage: [String: String]
    private let cache = ViewCache()
    private let partialCache = PartialCache()
    private let templates: TemplateSet

    init(index: SiteIndex, config: SiteConfig, links: LinkResolver, data: DataFiles, templates: TemplateSet) {
        self.templates = templates
        self.index = index
        self.config = config
        self.links = links
        var site: [String: Any] = [
            "title": config.title,
            "organisation": config.organisation,
            "language": config.language,
            "data": data.templateValue,
        ]
        if let params = config.params { site["params"] = params.templateValue }
        siteView = site
        var strings: [String: [String: Any]] = [:]
        let fallback = templates.strings[config.language]?.templateValue as? [String: Any] ?? [:]
        for (language, node) in templates.strings {
            var merged = fallback
            for (key, value) in node.templateValue as? [String: Any] ?? [:] { merged[key] = value }
            strings[language] = merged
        }
        strings[config.language] = fallback
        stringsByLanguage = strings
        var json: [String: String] = [:]
        for (language, values) in strings {
            let entries = values.compactMap { key, value in (value as? String).map { (key: key, node: DataNode(.string($0))) } }
            json[language] = DataNode(.map(entries.sorted { $0.key < $1.key })).json
        }
        stringsJSONByLanguage = json
    }

    func language(of page: Int) -> String { index.pages[page].meta.lang ?? config.language }

    /// The language switcher: every other language, to this page's translation or else that language's home.
    private func translations(of pageIndex: Int, language: String) -> [[String: Any]] {
        let original = index.pages[pageIndex].loaded.source.originalPath
        return config.languages.compactMap { other -> [String: Any]? in
            let names = stringsByLanguage[other] ?? [:]
            let name = names["language_name"] as? String ?? other.uppercased()
            if other == language {
                return ["lang": other, "name": name, "current": true, "url": links.href(to: pageIndex, from: pageIndex)]
            }
            if let translated = index.translations[original]?[other] {
                return ["lang": other, "name": name, "current": false, "is_translation": true, "url": links.href(to: translated, from: pageIndex)]
            }
            guard let home = index.homes[other] else { return nil }
            return ["lang": other, "name": name, "current": false, "is_translation": false, "url": links.href(to: home, from: pageIndex)]
        }
    }

    func strings(for page: Int) -> [String: Any] { stringsByLanguage[language(of: page)] ?? stringsByLanguage[config.language] ?? [:] }

    func stringsJSON(for page: Int) -> String {
        stringsJSONByLanguage[language(of: page)] ?? stringsJSONByLanguage[config.language] ?? "{}"
    }

    func view(for pageIndex: Int, document: MarkdownDocument) -> [String: Any] {
        let page = index.pages[pageIndex]
        let language = language(of: pageIndex)
        var view: [String: Any] = [
            "site": siteView,
            "lang": language,
            "root": links.rootPrefix(from: pageIndex),
            "home_url": (index.homes[language] ?? index.home).map { links.href(to: $0, from: pageIndex) } ?? "./",
            "t": strings(for: pageIndex),
            "t_json": stringsJSONByLanguage[language] ?? stringsJSONByLanguage[config.language] ?? "{}",
            "content": RawHTML(document.html),
            "page": pageSummary(pageIndex, document: document, language: language),
            "menu": menu(for: pageIndex),
        ]
        if config.languages.count > 1 {
            let switcher = translations(of: pageIndex, language: language)
            if switcher.count > 1 {
                view["translations"] = switcher
                view["has_translations"] = true
            }
        }
        let breadcrumbs = index.ancestors(of: pageIndex).map { link(to: $0, from: pageIndex) }
        if !breadcrumbs.isEmpty {
            view["breadcrumbs"] = breadcrumbs
            view["has_breadcrumbs"] = true
        }
        if !page.children.isEmpty {
            view["children"] = page.children.map { entry(for: $0, depth: page.depth, language: language) }
            view["has_children"] = true
        }
        if page.kind == .page, let parent = page.parent {
            let siblings = cache.siblings(of: parent) {
                index.pages[parent].children.filter { index.pages[$0].kind == .page }
            }
            if let position = siblings.firstIndex(of: pageIndex) {
                let entries = cache.siblingEntries(of: parent) {
                    siblings.map { entry(for: $0, depth: page.depth, language: language) }
                }
                var marked = entries
                marked[position]["current"] = true
                view["siblings"] = marked
                view["has_siblings"] = true
                if position > 0 { view["prev"] = entries[position - 1] }
                if position + 1 < siblings.count { view["next"] = entries[position + 1] }
            }
            view["section"] = link(to: parent, from: pageIndex)
        }
        view["cached"] = cachedPartials(for: pageIndex, view: view)
        return view
    }

    /// The view of a page the build makes itself (tag lists, the review overview) at `url`.
    func generatedView(url: String, title: String, kind: String) -> [String: Any] {
        let depth = url.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        let language = config.language
        let page: [String: Any] = ["title": title, "kind": kind, "is_\(kind)": true, "is_generated": true,
                                   "url": links.href(toURL: url, depth: depth), "path": url]
        return [
            "site": siteView,
            "lang": language,
            "root": String(repeating: "../", count: depth),
            "home_url": links.href(toURL: "", depth: depth),
            "t": stringsByLanguage[language] ?? [:],
            "t_json": stringsJSONByLanguage[language] ?? "{}",
            "page": page,
            "menu": index.menu.map { ["title": index.pages[$0].meta.title, "url": links.href(toURL: index.pages[$0].url, depth: depth), "current": false] },
        ]
    }

    /// A list entry for `target` as seen from a page `depth` folders deep (pages and generated pages alike).
    func entry(for target: Int, depth: Int, language: String? = nil) -> [String: Any] {
        let meta = index.pages[target].meta
        // `current` is always present so templates find it in the entry, not by climbing the context stack.
        var entry: [String: Any] = ["title": meta.title, "url": links.href(toURL: index.pages[target].url, depth: depth), "current": false]
        if let description = meta.description { entry["description"] = description }
        if let date = meta.date {
            entry["date"] = date.description
            entry["date_long"] = date.long(language: language ?? config.language)
        }
        if index.pages[target].kind == .section { entry["is_section"] = true }
        return entry
    }

    /// Partials rendered once per parent section; see `PartialCache`.
    private func cachedPartials(for pageIndex: Int, view: [String: Any]) -> CachedPartials {
        let page = index.pages[pageIndex]
        let scope = "\(page.parent ?? -1)/\(index.topSection(of: pageIndex) ?? -1)/\(language(of: pageIndex))"
        let ownHref = links.href(to: pageIndex, from: pageIndex)
        let sharedView = SendableView(value: view)
        return CachedPartials(names: templates.partials) { [partialCache, templates] name in
            let html = partialCache.html(partial: name, scope: scope) {
                var shared = sharedView.value
                if var siblings = shared["siblings"] as? [[String: Any]] {
                    for i in siblings.indices { siblings[i]["current"] = false }
                    shared["siblings"] = siblings
                }
                return templates.render(shared, layout: name)
            }
            return PartialCache.markCurrent(html, ownHref: ownHref)
        }
    }

    private func pageSummary(_ pageIndex: Int, document: MarkdownDocument, language: String) -> [String: Any] {
        let page = index.pages[pageIndex]
        let meta = page.meta
        var summary: [String: Any] = [
            "title": meta.title,
            "kind": page.kind.rawValue,
            "is_\(page.kind.rawValue)": true,
            "url": links.href(to: pageIndex, from: pageIndex),
            "path": page.url,
            "source": page.displayPath,
            "task_count": document.taskCount,
        ]
        if let description = meta.description { summary["description"] = description }
        if let owner = meta.owner { summary["owner"] = owner }
        for (key, day) in [("date", meta.date), ("updated", meta.updated ?? meta.date), ("review_by", meta.reviewBy)] {
            if let day {
                summary[key] = day.description
                summary[key + "_long"] = day.long(language: language)
            }
        }
        if !meta.tags.isEmpty {
            summary["tags"] = meta.tags
            summary["has_tags"] = true
            let depth = page.depth
            summary["tag_links"] = meta.tags.map { tag in
                ["name": tag, "url": links.href(toURL: TagPages.url(tag), depth: depth)]
            }
        }
        if meta.feed, config.baseURL != nil { summary["feed_url"] = links.rootPrefix(from: pageIndex) + page.url + "feed.xml" }
        if !meta.params.isEmpty {
            var params: [String: Any] = [:]
            for (key, node) in meta.params { params[key] = node.templateValue }
            summary["params"] = params
        }
        let toc = tableOfContents(document.headings)
        // Mustache cannot test an array's length, so lists a template wraps in a box come with a flag.
        if document.headings.count >= 3, !toc.isEmpty {
            summary["toc"] = toc
            summary["has_toc"] = true
        }
        return summary
    }

    /// Level-2 headings with their level-3 headings beneath (`subitems`).
    private func tableOfContents(_ headings: [Heading]) -> [[String: Any]] {
        var toc: [[String: Any]] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let item: [String: Any] = ["id": heading.id, "text": heading.text]
            if heading.level == 3, !toc.isEmpty {
                var last = toc.removeLast()
                var children = last["subitems"] as? [[String: Any]] ?? []
                children.append(item)
                last["subitems"] = children
                last["has_subitems"] = true
                toc.append(last)
            } else {
                toc.append(item)
            }
        }
        return toc
    }

    private func link(to target: Int, from page: Int) -> [String: Any] {
        ["title": index.pages[target].meta.title, "url": links.href(to: target, from: page)]
    }

    /// The main menu: top-level sections, the current one marked. Shared by pages at the same depth and section.
    private func menu(for pageIndex: Int) -> [[String: Any]] {
        let current = index.topSection(of: pageIndex)
        let language = language(of: pageIndex)
        let key = "\(index.pages[pageIndex].depth)/\(current ?? -1)/\(language)"
        return cache.menu(key) {
            index.menu(for: language).map { section in
                var item = link(to: section, from: pageIndex)
                item["current"] = section == current
                return item
            }
        }
    }
}

/// A page view handed to a cached partial render; read-only once built.
private struct SendableView: @unchecked Sendable {
    let value: [String: Any]
}

/// Views shared between pages, filled on first use from any render thread.
private final class ViewCache: @unchecked Sendable {
    private let menus = LockedCache<String, [[String: Any]]>()
    private let siblingIndices = LockedCache<Int, [Int]>()
    private let siblingViews = LockedCache<Int, [[String: Any]]>()

    func menu(_ key: String, make: () -> [[String: Any]]) -> [[String: Any]] {
        menus.value(for: key, make: make)
    }

    func siblings(of section: Int, make: () -> [Int]) -> [Int] {
        siblingIndices.value(for: section, make: make)
    }

    /// Pages of one section share a folder depth, so the relative links are the same for each of them.
    func siblingEntries(of section: Int, make: () -> [[String: Any]]) -> [[String: Any]] {
        siblingViews.value(for: section, make: make)
    }
}

/// A dictionary that threads fill and read under a lock. The value is made outside the lock
/// (two threads may both make it; the first stored wins), and the dictionary is only ever
/// touched inside it: ThreadSanitizer found the earlier `inout` version racing.
final class LockedCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var store: [Key: Value] = [:]

    func value(for key: Key, make: () -> Value) -> Value {
        lock.lock()
        let existing = store[key]
        lock.unlock()
        if let existing { return existing }
        let made = make()
        lock.lock()
        defer { lock.unlock() }
        if let stored = store[key] { return stored }
        store[key] = made
        return made
    }
}

import Foundation
