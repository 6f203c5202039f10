import Foundation
import Markdown

/// Builds the views of the theme contract (`Views.swift`) for pages and generated pages. Everything
/// that depends only on a section (menu, sibling list) is built and turned into dictionaries once and
/// shared by its pages.
final class ViewBuilder: @unchecked Sendable {
    let index: SiteIndex
    let config: SiteConfig
    let links: LinkResolver
    let siteView: [String: Any]
    let stringsByLanguage: [String: [String: Any]]
    /// Which strings the theme's scripts use, by component (see `ScriptStrings`).
    private let scriptStrings: ScriptStrings
    /// The strings a page's scripts need as JSON (no UI text is hard-coded in them), by language and components.
    private let stringsJSON = LockedCache<String, String>()
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
        scriptStrings = ScriptStrings(templates: templates, keys: Set(strings.values.flatMap(\.keys)))
    }

    func language(of page: Int) -> String { index.pages[page].meta.lang ?? config.language }

    /// The language switcher: every language, to this page's translation or else that language's home.
    private func translations(of pageIndex: Int, language: String) -> [LanguageLink] {
        let original = index.pages[pageIndex].loaded.source.originalPath
        return config.languages.compactMap { other -> LanguageLink? in
            let name = stringsByLanguage[other]?["language_name"] as? String ?? other.uppercased()
            if other == language {
                return LanguageLink(
                    lang: other, name: name, url: links.href(to: pageIndex, from: pageIndex), current: true, isTranslation: false)
            }
            if let translated = index.translations[original]?[other] {
                return LanguageLink(
                    lang: other, name: name, url: links.href(to: translated, from: pageIndex), current: false, isTranslation: true)
            }
            guard let home = index.homes[other] else { return nil }
            return LanguageLink(lang: other, name: name, url: links.href(to: home, from: pageIndex), current: false, isTranslation: false)
        }
    }

    func strings(for page: Int, components: Set<String> = []) -> UIStrings { strings(language: language(of: page), components: components) }

    /// The UI strings of `language`; as JSON only those the scripts of the page (with these components) use.
    func strings(language: String, components: Set<String> = []) -> UIStrings {
        let values = stringsByLanguage[language] ?? stringsByLanguage[config.language] ?? [:]
        let key = language + "|" + components.sorted().joined(separator: ",")
        let json = stringsJSON.value(for: key) {
            let wanted = scriptStrings.keys(for: components)
            let entries = values.compactMap { key, value in
                wanted.contains(key) ? (value as? String).map { (key: key, node: DataNode(.string($0))) } : nil
            }
            return DataNode(.map(entries.sorted { $0.key < $1.key })).json
        }
        return UIStrings(values: values, json: json)
    }

    /// The view of a page; its context (`context(for:page:)`) is what the layout renders.
    /// `components`: those on the page, whose scripts' strings the page carries.
    func view(for pageIndex: Int, document: MarkdownDocument, components: Set<String> = []) -> PageView {
        let page = index.pages[pageIndex]
        let language = language(of: pageIndex)
        var view = PageView(
            site: siteView, lang: language, root: links.rootPrefix(from: pageIndex),
            homeURL: (index.homes[language] ?? index.home).map { links.href(to: $0, from: pageIndex) } ?? "./",
            strings: strings(language: language, components: components), content: RawHTML(bytes: document.htmlBytes),
            page: pageSummary(pageIndex, document: document, language: language), menu: menu(for: pageIndex))
        if config.languages.count > 1 { view.translations = translations(of: pageIndex, language: language) }
        view.breadcrumbs = index.ancestors(of: pageIndex).map { link(to: $0, from: pageIndex) }
        view.children = page.children.map { entry(for: $0, depth: page.depth, language: language).mustache }
        if page.kind == .page, let parent = page.parent {
            let siblings = cache.siblings(of: parent) {
                index.pages[parent].children.filter { index.pages[$0].kind == .page }
            }
            if let position = siblings.firstIndex(of: pageIndex) {
                let entries = cache.siblingEntries(of: parent) {
                    siblings.map { ListEntryContext(entry(for: $0, depth: page.depth, language: language)) }
                }
                view.siblings = entries
                view.siblingPosition = position
                if position > 0 { view.prev = entries[position - 1] }
                if position + 1 < siblings.count { view.next = entries[position + 1] }
            }
            view.section = link(to: parent, from: pageIndex)
        }
        return view
    }

    /// What the layout of a page renders: its view, and `cached` for the partials it shares with its section.
    func context(for view: PageView, page pageIndex: Int) -> PageContext {
        let context = PageContext(view)
        context.cached = cachedPartials(for: pageIndex, view: view)
        return context
    }

    /// What the layout of a generated page renders: its view, and `cached` rendering each partial for
    /// it alone (a generated page shares no section with other pages), so it has the main menu too.
    func context(forGenerated view: PageView) -> PageContext {
        let context = PageContext(view)
        let shared = SendableContext(value: PageContext(view, marksCurrentSibling: false))
        context.cached = CachedPartials(names: templates.partials) { [templates] name in
            RawHTML(templates.render(shared.value, layout: name))
        }
        return context
    }

    /// The view of a page the build makes itself (tag lists, the review overview) at `url`.
    func generatedView(url: String, title: String, kind: String) -> PageView {
        let depth = url.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        var page = PageSummary(title: title, kind: kind, url: links.href(toURL: url, depth: depth), path: url)
        page.isGenerated = true
        return PageView(
            site: siteView, lang: config.language, root: String(repeating: "../", count: depth),
            homeURL: links.href(toURL: "", depth: depth), strings: strings(language: config.language), content: nil, page: page,
            menu: index.menu.map {
                MenuItem(title: index.pages[$0].meta.title, url: links.href(toURL: index.pages[$0].url, depth: depth), current: false)
                    .mustache
            })
    }

    /// A list entry for `target` as seen from a page `depth` folders deep (pages and generated pages alike).
    func entry(for target: Int, depth: Int, language: String? = nil) -> ListEntry {
        // Field by field: a copy of the page's settings first retained each of them (a tag page lists thousands).
        var entry = ListEntry(title: index.pages[target].meta.title, url: links.href(toURL: index.pages[target].url, depth: depth))
        entry.description = index.pages[target].meta.description
        if let date = index.pages[target].meta.date {
            entry.date = date
            entry.dateLong = date.long(language: language ?? config.language)
        }
        entry.isSection = index.pages[target].kind == .section
        return entry
    }

    /// Partials rendered once per parent section; see `PartialCache`.
    private func cachedPartials(for pageIndex: Int, view: PageView) -> CachedPartials {
        let page = index.pages[pageIndex]
        // With the root: the 404 page shares the home page's group but links from `/`. With the kind: a
        // subsection has the parent and depth of the pages beside it, but no siblings (only pages have).
        let scope =
            "\(page.parent ?? -1)/\(index.topSection(of: pageIndex) ?? -1)/\(language(of: pageIndex))/\(view.root)/\(page.kind == .page ? "p" : "s")"
        let ownHref = HTMLEscaping.escape(links.href(to: pageIndex, from: pageIndex))
        let shared = SendableContext(value: PageContext(view, marksCurrentSibling: false))
        let partials = partialCache.scope(scope)
        return CachedPartials(names: templates.partials) { [templates] name in
            partials.html(partial: name, escapedOwnHref: ownHref) { templates.render(shared.value, layout: name) }
        }
    }

    private func pageSummary(_ pageIndex: Int, document: MarkdownDocument, language: String) -> PageSummary {
        let page = index.pages[pageIndex]
        let meta = page.meta
        var summary = PageSummary(
            title: meta.title, kind: page.kind.rawValue, url: links.href(to: pageIndex, from: pageIndex),
            path: page.url, source: page.displayPath, taskCount: document.taskCount)
        summary.description = meta.description
        summary.owner = meta.owner
        func dated(_ day: Day?) -> PageDate? { day.map { PageDate(day: $0, long: $0.long(language: language)) } }
        summary.date = dated(meta.date)
        summary.updated = meta.updated == nil ? summary.date : dated(meta.updated)
        summary.reviewBy = dated(meta.reviewBy)
        summary.tags = meta.tags
        summary.tagLinks = meta.tags.map { Link(title: $0, url: links.href(toURL: TagPages.url($0), depth: page.depth)) }
        if meta.feed, config.baseURL != nil { summary.feedURL = links.rootPrefix(from: pageIndex) + page.url + "feed.xml" }
        for (key, node) in meta.params { summary.params[key] = node.templateValue }
        summary.entry = page.loaded.entry?.templateValue
        // The file an editor changes: the page's Markdown, or the data file a generated page comes from.
        if let edit = config.editURL, !page.isImplicit {
            summary.editURL = edit.replacingOccurrences(of: "{path}", with: percentEncode(page.displayPath))
        }
        if document.headings.count >= 3 { summary.toc = tableOfContents(document.headings) }
        return summary
    }

    /// Level-2 headings with their level-3 headings beneath.
    private func tableOfContents(_ headings: [Heading]) -> [TOCItem] {
        var toc: [TOCItem] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let item = TOCItem(id: heading.id, text: heading.text)
            if heading.level == 3, !toc.isEmpty {
                toc[toc.count - 1].subitems.append(item)
            } else {
                toc.append(item)
            }
        }
        return toc
    }

    private func link(to target: Int, from page: Int) -> Link {
        Link(title: index.pages[target].meta.title, url: links.href(to: target, from: page))
    }

    /// The main menu: top-level sections, the current one marked. Shared by pages at the same depth and section.
    private func menu(for pageIndex: Int) -> [[String: Any]] {
        let current = index.topSection(of: pageIndex)
        let language = language(of: pageIndex)
        let key = "\(index.pages[pageIndex].depth)/\(current ?? -1)/\(language)"
        return cache.menu(key) {
            index.menu(for: language).map { section in
                let link = link(to: section, from: pageIndex)
                return MenuItem(title: link.title, url: link.url, current: section == current).mustache
            }
        }
    }
}

/// A page's context handed to a cached partial render, on the thread that renders the page.
private struct SendableContext: @unchecked Sendable {
    let value: PageContext
}

/// Views shared between pages, filled on first use from any render thread.
private final class ViewCache: @unchecked Sendable {
    private let menus = LockedCache<String, [[String: Any]]>()
    private let siblingIndices = LockedCache<Int, [Int]>()
    private let siblingViews = LockedCache<Int, [ListEntryContext]>()

    func menu(_ key: String, make: () -> [[String: Any]]) -> [[String: Any]] {
        menus.value(for: key, make: make)
    }

    func siblings(of section: Int, make: () -> [Int]) -> [Int] {
        siblingIndices.value(for: section, make: make)
    }

    /// Pages of one section share a folder depth, so the relative links are the same for each of them.
    func siblingEntries(of section: Int, make: () -> [ListEntryContext]) -> [ListEntryContext] {
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
