import Foundation
import Markdown

/// The site's offline search, as far as the build is concerned: the index script (`search-index.js`),
/// the synonyms HR keeps in `Content/_data/search.yml` (checked here), and the full results page of
/// each language. Matching itself (stemming, compounds, typos) happens in the theme's `search.js`, so
/// the index side and the query side run the very same code.
enum SearchIndex {
    static let file = "search-index.js"
    /// `Content/_data/search.yml`: words employees type, and the words the pages use for them.
    static let synonymsData = "search"
    /// The theme layout of the full results page; without it no results page is written (not `search`: that name is the header partial).
    static let resultsLayout = "search-results"

    /// Text of one page kept for search, in UTF-8 bytes. The longest page of the shipped toolkit has 6,000
    /// bytes of text and the longest generated benchmark page about 10,000, so today every page is indexed
    /// whole; the cap keeps one very long page (a pasted policy) from growing the index for everyone.
    static let textBudget = 16_000

    // MARK: Text

    /// Appends a page's text for the index to `out` as a JSON string: one line (breaks and tabs become
    /// spaces), at most `textBudget` bytes, cut at a space. One pass over the text, in the quoting
    /// itself (a cleaned copy first, then the quoting, was 2.6 % of a default-theme build).
    static func appendText(_ plain: [UInt8], to out: inout [UInt8]) {
        plain.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[..<min(all.count, textBudget + 1)])
            func isSpace(_ byte: UInt8) -> Bool {
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            }
            var end = bytes.count
            if all.count > textBudget {
                // Cut at the last space (or break) within the budget.
                while end > 0, !isSpace(bytes[end - 1]) { end -= 1 }
            }
            while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
            var start = 0
            while start < end, isSpace(bytes[start]) { start += 1 }
            JSONText.appendQuoted(bytes: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), to: &out, breaksAsSpaces: true)
        }
    }

    // MARK: Writing

    /// Writes the index and the results pages (unless `search_index: false`).
    struct Output: SiteOutput {
        func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
            var result = OutputResult()
            guard site.config.searchIndex else { return result }
            let pages = resultsPages(index: site.index, views: site.views, templates: site.templates, config: site.config)
            let (parts, entries) = script(
                index: site.index, rendered: site.pages, views: site.views, config: site.config, resultsPages: pages)
            // Written from the entries where they are: at 10,000 pages, joining them first was 75 MB more
            // memory to fault in and to copy.
            let buffers = parts.map(\.buffer)
            let hash = ContentHash.of(parts: buffers)
            if writer.write(parts: buffers, to: file, hash: hash) { result.files += 1 }
            withExtendedLifetime(parts) {}
            // Where each page's entry is, for the next build's cache file: it keeps no text of its own.
            site.cache?.remember(searchIndex: hash, entries: entries)
            return result
        }
    }

    /// The full results page of each language (its no-script list of every page, and the form).
    struct ResultsPages: SiteOutput {
        func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
            var result = OutputResult()
            guard site.config.searchIndex else { return result }
            for (language, url) in resultsPages(index: site.index, views: site.views, templates: site.templates, config: site.config) {
                let view = resultsView(language: language, url: url, index: site.index, views: site.views, config: site.config)
                // As bytes: the list of every page is 3 MB at 10,000 pages, and a String of it is checked again.
                result.write(
                    bytes: site.templates.renderBytes(site.views.context(forGenerated: view), layout: resultsLayout),
                    to: url + "index.html", with: writer)
            }
            return result
        }

        /// Titles, links and sections: settings and file names, no page's text.
        func siteKeyFiles(_ site: RenderedSite) -> [String]? {
            guard site.config.searchIndex else { return [] }
            return resultsPages(index: site.index, views: site.views, templates: site.templates, config: site.config).map {
                $0.url + "index.html"
            }
        }
    }

    /// Whether `page` has an entry in the index: every page but hidden ones and the sections made up
    /// for folders without an `_index.md`.
    static func lists(_ page: Page) -> Bool { !page.meta.hidden && !page.isImplicit }

    /// The entry of one page: its title, URL from the site root, section, description, headings, tags,
    /// keywords and text (`plain`, cut to `textBudget`), and its language when it has its own.
    static func entry(for page: Page, text plain: [UInt8], headings: [Heading], index: SiteIndex, links: LinkResolver)
        -> ByteSlice
    {
        // Written field by field: through a DataNode map first, the fields were a third of making an entry.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(plain.count, textBudget) + 512)
        func field(_ key: StaticString, _ text: String) {
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            JSONText.appendQuoted(text, to: &bytes)
        }
        func field(_ key: StaticString, _ texts: [String]) {
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "["))
            for (position, text) in texts.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(text, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        field("{\"t\":", page.meta.title)
        field(",\"u\":", links.href(toURL: page.url, depth: 0))
        if let section = page.parent.flatMap({ index.topSection(of: $0) }) ?? index.topSection(of: page.index), section != page.index {
            field(",\"s\":", index.pages[section].meta.title)
        }
        if let description = page.meta.description { field(",\"d\":", description) }
        if !headings.isEmpty { field(",\"h\":", headings.map(\.text)) }
        if !page.meta.tags.isEmpty { field(",\"g\":", page.meta.tags) }
        if !page.meta.keywords.isEmpty { field(",\"k\":", page.meta.keywords) }
        // The text is most of the entry: quoted straight from its bytes, after the fields before it.
        bytes.append(contentsOf: ",\"x\":".utf8)
        appendText(plain, to: &bytes)
        if let lang = page.meta.lang {
            bytes.append(contentsOf: ",\"l\":".utf8)
            JSONText.appendQuoted(lang, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return OwnedBytes(copying: bytes).all
    }

    /// The index as a script (so it also loads from `file://`, where fetch cannot): the entry of each
    /// page (see `entry`), the synonyms per language, and where each language's results page is; as the
    /// parts of the file in order (the opening, the entries with commas between them, the end). Also
    /// where each page's entry is in the file, by page position.
    static func script(
        index: SiteIndex, rendered: [RenderedPage], views: ViewBuilder, config: SiteConfig,
        resultsPages: [(language: String, url: String)] = []
    ) -> (parts: [ByteSlice], entries: [Int: Range<Int>]) {
        // Each entry was made when its page was rendered, or comes from the cache file (a slice of the
        // earlier index, not a copy: at 10,000 pages a copy was 75 MB more to hold).
        let listed = index.pages.filter(lists)
        // A page without one (none is known) still gets a valid entry, without its text.
        let entries = listed.map {
            rendered[$0.index].searchEntry ?? entry(for: $0, text: [], headings: [], index: index, links: views.links)
        }
        var root: [(key: String, node: DataNode)] = []
        let synonyms = synonymsByLanguage(views: views, config: config)
        if !synonyms.isEmpty {
            root.append(
                (
                    "synonyms",
                    DataNode(
                        .map(
                            synonyms.map { language, groups in
                                (
                                    language,
                                    DataNode(.list(groups.map { DataNode(.map([("w", strings($0.typed)), ("f", strings($0.find))])) }))
                                )
                            }))
                ))
        }
        if !resultsPages.isEmpty {
            root.append(
                (
                    "results",
                    DataNode(.map(resultsPages.map { ($0.language, DataNode(.string(views.links.href(toURL: $0.url, depth: 0)))) }))
                ))
        }
        var parts = [OwnedBytes(copying: "window.MENGVORM_SEARCH_INDEX = {\"pages\":[".utf8).all]
        parts.reserveCapacity(entries.count * 2 + 1)
        var ranges: [Int: Range<Int>] = [:]
        ranges.reserveCapacity(entries.count)
        var length = parts[0].count
        let comma = OwnedBytes(copying: ",".utf8).all
        for (position, entry) in entries.enumerated() {
            if position > 0 {
                parts.append(comma)
                length += 1
            }
            parts.append(entry)
            ranges[listed[position].index] = length..<length + entry.count
            length += entry.count
        }
        var tail: [UInt8] = [UInt8(ascii: "]")]
        for (key, node) in root {
            tail.append(UInt8(ascii: ","))
            JSONText.appendQuoted(key, to: &tail)
            tail.append(UInt8(ascii: ":"))
            node.appendJSON(to: &tail)
        }
        tail.append(contentsOf: "};\n".utf8)
        parts.append(OwnedBytes(copying: tail).all)
        return (parts, ranges)
    }

    private static func strings(_ values: [String]) -> DataNode { DataNode(.list(values.map { DataNode(.string($0)) })) }

    // MARK: Synonyms

    struct Synonym {
        var typed: [String]
        var find: [String]
    }

    /// The synonym groups of each language, in file order, read from the (already checked) data file.
    static func synonymsByLanguage(views: ViewBuilder, config: SiteConfig) -> [(String, [Synonym])] {
        guard let file = (views.siteView["data"] as? [String: Any])?[synonymsData] as? [String: Any],
            let groups = file["synonyms"] as? [Any]
        else { return [] }
        var byLanguage: [String: [Synonym]] = [:]
        for case let group as [String: Any] in groups {
            let typed = textList(group["typed"])
            let find = textList(group["find"])
            guard !typed.isEmpty, !find.isEmpty else { continue }
            byLanguage[(group["lang"] as? String) ?? config.language, default: []].append(Synonym(typed: typed, find: find))
        }
        return config.languages.compactMap { language in byLanguage[language].map { (language, $0) } }
    }

    private static func textList(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        return (value as? [Any] ?? []).compactMap { ($0 as? String) ?? ($0 as? Int).map(String.init) }
    }

    /// Checks `search.yml` against `Themes/default/search.schema.yml` (by hand until the general schema
    /// checker reads that file): a list `synonyms`, each entry with `typed` (one word, or a list of words)
    /// and `find` (words or short phrases), and an optional `lang` that is one of the site's languages.
    static func check(_ data: DataFiles, config: SiteConfig) -> [Diagnostic] {
        guard let file = data[synonymsData] else { return [] }
        var problems: [Diagnostic] = []
        func fail(_ message: String, _ node: DataNode) {
            problems.append(
                .error(message, at: SourceLocation(path: file.displayPath, line: max(node.line, 1), column: max(node.column, 1))))
        }
        guard let groups = file.root["synonyms"]?.list else {
            fail(
                "`\(synonymsData)` needs a list `synonyms:`, each entry like `- typed: rugpijn` with `find: [rug, stoel]` below it",
                file.root)
            return problems
        }
        var seen: [String: Int] = [:]
        for group in groups {
            guard group.entries != nil else {
                fail("each synonym is a few lines like `- typed: rugpijn` and `find: [rug, stoel]`, not \(group.kindName)", group)
                continue
            }
            for (key, node) in group.entries! where !["typed", "find", "lang"].contains(key) {
                let hint = Suggest.closest(to: key, in: ["typed", "find", "lang"]).map { "; did you mean `\($0)`?" } ?? ""
                fail("unknown field `\(key)` in a synonym\(hint)", node)
            }
            let language = group["lang"]?.string ?? config.language
            if let lang = group["lang"], !config.languages.contains(lang.string ?? "") {
                fail(
                    "`lang` must be one of the site's languages (\(config.languages.joined(separator: ", "))), not `\(lang.string ?? lang.kindName)`",
                    lang)
            }
            for (key, example) in [("typed", "rugpijn"), ("find", "[rug, stoel]")] {
                guard let node = group[key], !node.isNull else {
                    fail("missing `\(key)`: write for example `\(key): \(example)`", group)
                    continue
                }
                let items = node.list ?? [node]
                if items.isEmpty { fail("`\(key)` is empty: write at least one word, for example `\(key): \(example)`", node) }
                for item in items {
                    guard case .string(let text) = item.value, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                        fail("`\(key)` must be words, like `\(key): \(example)`, not \(item.kindName)", item)
                        continue
                    }
                    guard key == "typed" else { continue }
                    if text.contains(" ") {
                        fail(
                            "`typed` takes single words (what someone types in the search field): split `\(text)` into separate words", item
                        )
                    }
                    let folded = text.lowercased()
                    if let line = seen[language + ":" + folded] {
                        fail("`\(text)` is already a `typed` word on line \(line); put its `find` words together in one entry", item)
                    } else {
                        seen[language + ":" + folded] = item.line
                    }
                }
            }
        }
        return problems
    }

    // MARK: Results page

    /// Where each language's results page goes: the folder the theme names in its `search_page` string
    /// (`zoeken`, `search`), under that language's home. None when the theme has no `search` layout, and
    /// none for a language whose folder is taken by a page of the site.
    static func resultsPages(index: SiteIndex, views: ViewBuilder, templates: TemplateSet, config: SiteConfig) -> [(
        language: String, url: String
    )] {
        guard templates.layouts.contains(resultsLayout) else { return [] }
        let taken = Set(index.pages.map(\.url))
        return config.languages.compactMap { language in
            guard let folder = views.strings(language: language)["search_page"], !folder.isEmpty,
                let home = index.homes[language]
            else { return nil }
            let url = index.pages[home].url + folder + "/"
            return taken.contains(url) ? nil : (language, url)
        }
    }

    /// The view of a results page: a generated page in its own language, listing every page of that language
    /// (what a reader without JavaScript gets; the theme's script replaces it with the results of the query).
    static func resultsView(language: String, url: String, index: SiteIndex, views: ViewBuilder, config: SiteConfig) -> PageView {
        let strings = views.strings(language: language)
        var view = views.generatedView(url: url, title: strings["search_title"] ?? "Search", kind: "search")
        let depth = url.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        view.lang = language
        view.strings = strings
        if let home = index.homes[language] {
            view.homeURL = views.links.href(toURL: index.pages[home].url, depth: depth)
            view.menu = index.menu(for: language).map {
                MenuItem(title: index.pages[$0].meta.title, url: views.links.href(toURL: index.pages[$0].url, depth: depth), current: false)
                    .mustache
            }
        }
        let listed = index.pages.filter { !$0.meta.hidden && !$0.isImplicit && index.language(of: $0.index) == language }
        view.children = listed.map { views.entry(for: $0.index, depth: depth, language: language).mustache }
        return view
    }
}
