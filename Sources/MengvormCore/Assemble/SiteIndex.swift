import Markdown

/// Every page of the site with its URL, section and order; built once, read by all later stages.
public struct SiteIndex: Sendable {
    public private(set) var pages: [Page] = []
    /// `planning/je-week.md` → page index (only pages that are published in this build).
    public private(set) var byContentPath: [String: Int] = [:]
    /// Content folder → its section page (or home for "").
    public private(set) var sectionByFolder: [String: Int] = [:]
    /// Content path of a copied file → its path in the output.
    public private(set) var assets: [String: String] = [:]
    /// Content paths of pages left out of this build (drafts, scheduled), so links to them get a clear message.
    public private(set) var unpublished: [String: String] = [:]
    /// The home page of each language.
    public private(set) var homes: [String: Int] = [:]
    /// For translations: language → content folder → that language's section page.
    public private(set) var translatedSections: [String: [String: Int]] = [:]
    /// Original content path (`start-hier/_index.md`) → language → page, for the language switcher.
    public private(set) var translations: [String: [String: Int]] = [:]
    public private(set) var defaultLanguage = "nl"
    public var home: Int? { sectionByFolder[""] }

    public struct Options: Sendable {
        public var includeDrafts = false
        public var today = Day.today
        /// The default language first.
        public var languages = ["nl"]
        public init() {}
    }

    static func assemble(
        loaded: [LoadedPage], assetFiles: [SourceFile], options: Options, diagnostics: inout Diagnostics
    ) -> SiteIndex {
        var index = SiteIndex()
        var published: [LoadedPage] = []
        for page in loaded {
            let meta = page.meta
            let reason: String?
            if meta.draft && !options.includeDrafts {
                reason = "it is a draft (`draft: true`); build with --drafts to include it"
            } else if let from = meta.publishFrom, from > options.today {
                reason = "it is published from \(from) (`publish_from`)"
            } else if let until = meta.publishUntil, until < options.today {
                reason = "it was published until \(until) (`publish_until`)"
            } else {
                reason = nil
            }
            if let reason, page.source.kind != .home {
                index.unpublished[page.source.contentPath] = reason
            } else {
                published.append(page)
            }
        }
        index.defaultLanguage = options.languages.first ?? "nl"
        // Sized once: growing them page by page rehashed 10,000 paths a dozen times.
        index.pages.reserveCapacity(published.count + 64)
        index.byContentPath.reserveCapacity(published.count)
        index.outputOwners.reserveCapacity(published.count + 64)
        index.translations.reserveCapacity(published.count)
        let originals = published.filter { $0.source.language == nil }
        index.placeSections(originals, diagnostics: &diagnostics)
        index.placePages(originals, diagnostics: &diagnostics)
        index.homes[index.defaultLanguage] = index.home
        for language in options.languages.dropFirst() {
            let translated = published.filter { $0.source.language == language }
            if !translated.isEmpty { index.placeTranslations(translated, language: language, diagnostics: &diagnostics) }
        }
        for position in index.pages.indices where !index.pages[position].isImplicit {
            let source = index.pages[position].loaded.source
            index.translations[source.originalPath, default: [:]][source.language ?? index.defaultLanguage] = position
        }
        index.placeAssets(assetFiles, diagnostics: &diagnostics)
        index.orderChildren()
        index.resolveLayouts()
        return index
    }

    // MARK: Sections

    private mutating func placeSections(_ loaded: [LoadedPage], diagnostics: inout Diagnostics) {
        var sectionPages: [String: LoadedPage] = [:]
        var folders = Set<String>([""])
        for page in loaded {
            switch page.source.kind {
            case .home, .section: sectionPages[page.source.folder] = page
            default: break
            }
            // Every folder on the way to a page is a section (a folder seen before has its parents in already).
            var folder = page.source.folder
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = parentFolder(of: folder)
            }
        }
        var urlByFolder: [String: String] = ["": ""]
        // Parents before children: sorting by path puts "a" before "a/b".
        for folder in folders.sorted() {
            var loadedPage: LoadedPage
            var implicit = false
            if let page = sectionPages[folder] {
                loadedPage = page
            } else {
                implicit = true
                let name = folder.split(separator: "/").last.map(String.init) ?? ""
                let path = folder.isEmpty ? "_index.md" : folder + "/_index.md"
                let title = folder.isEmpty ? "Home" : name.replacingOccurrences(of: "-", with: " ").capitalizedFirst
                loadedPage = LoadedPage(
                    source: SourceFile(kind: folder.isEmpty ? .home : .section, contentPath: path),
                    meta: PageMeta(title: title), body: "", bodyLine: 1)
                if !folder.isEmpty {
                    diagnostics.warning(
                        "the folder `\(folder)` has no _index.md; add one with a title and description for its section page",
                        at: SourceLocation(path: "Content/" + folder))
                }
            }
            let url: String
            if folder.isEmpty {
                url = ""
            } else {
                let parentURL = urlByFolder[parentFolder(of: folder)] ?? ""
                let segment = loadedPage.meta.slug ?? HeadingID.slug(folder.split(separator: "/").last.map(String.init) ?? "")
                url = parentURL + (segment.isEmpty ? "sectie" : segment) + "/"
            }
            urlByFolder[folder] = url
            let parent = folder.isEmpty ? nil : sectionByFolder[parentFolder(of: folder)]
            var page = Page(
                index: pages.count, kind: folder.isEmpty ? .home : .section, loaded: loadedPage, url: url,
                outputPath: url + "index.html", parent: parent, layout: "")
            page.isImplicit = implicit
            sectionByFolder[folder] = page.index
            if !implicit { byContentPath[loadedPage.source.contentPath] = page.index }
            pages.append(page)
        }
        checkCollisions(from: 0, diagnostics: &diagnostics)
    }

    private mutating func placePages(_ loaded: [LoadedPage], diagnostics: inout Diagnostics) {
        let first = pages.count
        for page in loaded where page.source.kind == .page {
            guard let sectionIndex = sectionByFolder[page.source.folder] else { continue }
            let stem = page.source.stem
            var segment = page.meta.slug ?? HeadingID.slug(stem)
            if segment.isEmpty { segment = "pagina" }
            let url = pages[sectionIndex].url + segment + "/"
            let placed = Page(
                index: pages.count, kind: .page, loaded: page, url: url, outputPath: url + "index.html",
                parent: sectionIndex, layout: "")
            byContentPath[page.source.contentPath] = placed.index
            pages.append(placed)
        }
        checkCollisions(from: first, diagnostics: &diagnostics)
    }

    // MARK: Translations

    /// Places `je-week.en.md` at `en/` + the URL of `je-week.md`, under the nearest translated section.
    private mutating func placeTranslations(_ loaded: [LoadedPage], language: String, diagnostics: inout Diagnostics) {
        let first = pages.count
        let prefix = language + "/"
        var sections: [String: Int] = [:]
        let homePage =
            loaded.first { $0.source.kind == .home }
            ?? LoadedPage(
                source: SourceFile(kind: .home, contentPath: "_index.\(language).md", language: language),
                meta: {
                    var meta = PageMeta(title: language.uppercased())
                    meta.lang = language
                    return meta
                }(),
                body: "", bodyLine: 1)
        var home = Page(
            index: pages.count, kind: .home, loaded: homePage, url: prefix, outputPath: prefix + "index.html", parent: nil, layout: "")
        home.isImplicit = !loaded.contains { $0.source.kind == .home }
        sections[""] = home.index
        pages.append(home)
        homes[language] = home.index
        // Sections, parents before children.
        for page in loaded.filter({ $0.source.kind == .section }).sorted(by: { $0.source.folder < $1.source.folder }) {
            let folder = page.source.folder
            let url = prefix + translatedFolderURL(folder)
            let placed = Page(
                index: pages.count, kind: .section, loaded: page, url: url, outputPath: url + "index.html",
                parent: nearestSection(of: parentFolder(of: folder), in: sections), layout: "")
            sections[folder] = placed.index
            pages.append(placed)
        }
        for page in loaded where page.source.kind == .page {
            let folder = page.source.folder
            var segment = page.meta.slug ?? HeadingID.slug(page.source.stem)
            if segment.isEmpty { segment = "page" }
            let url = prefix + translatedFolderURL(folder) + segment + "/"
            pages.append(
                Page(
                    index: pages.count, kind: .page, loaded: page, url: url, outputPath: url + "index.html",
                    parent: nearestSection(of: folder, in: sections), layout: ""))
        }
        for page in pages[first...] where !page.isImplicit { byContentPath[page.loaded.source.contentPath] = page.index }
        translatedSections[language] = sections
        checkCollisions(from: first, diagnostics: &diagnostics)
    }

    /// The folder's URL in the default language, so a translation mirrors the original's address.
    private func translatedFolderURL(_ folder: String) -> String {
        if folder.isEmpty { return "" }
        if let section = sectionByFolder[folder] { return pages[section].url }
        return folder.split(separator: "/").map { HeadingID.slug(String($0)) + "/" }.joined()
    }

    private func nearestSection(of folder: String, in sections: [String: Int]) -> Int? {
        var current = folder
        while true {
            if let section = sections[current] { return section }
            if current.isEmpty { return nil }
            current = parentFolder(of: current)
        }
    }

    private var outputOwners: [String: Int] = [:]

    private mutating func checkCollisions(from start: Int, diagnostics: inout Diagnostics) {
        for position in start..<pages.count {
            if let other = outputOwners[pages[position].outputPath] {
                let page = pages[position]
                let line = page.meta.lines.slug
                // A folder without _index.md has a section page made up by Mengvorm: name the folder, not a file that does not exist.
                let message: String
                if pages[other].isImplicit {
                    let folder = pages[other].loaded.source.folder
                    message =
                        "this page and the folder Content/\(folder)/ would both be written to `\(page.outputPath)`; to make this page the folder's page, move it to Content/\(folder)/_index.md, else change its file name or `slug`"
                } else {
                    message =
                        "this page and \(pages[other].displayPath) would both be written to `\(page.outputPath)`; change the file name or `slug` of one"
                }
                diagnostics.error(message, at: SourceLocation(path: page.displayPath, line: max(line, 1), column: 1))
            } else {
                outputOwners[pages[position].outputPath] = position
            }
        }
    }

    // MARK: Files copied as they are

    private mutating func placeAssets(_ files: [SourceFile], diagnostics: inout Diagnostics) {
        for file in files where file.kind == .asset {
            // A file sits beside the pages of its folder's section.
            let folderURL = sectionByFolder[file.folder].map { pages[$0].url } ?? (file.folder.isEmpty ? "" : file.folder + "/")
            let output = folderURL + file.fileName
            if let owner = outputOwners[output] {
                diagnostics.error(
                    "this file and \(pages[owner].displayPath) would both be written to `\(output)`; rename the file",
                    at: SourceLocation(path: file.displayPath))
                continue
            }
            assets[file.contentPath] = output
        }
    }

    // MARK: Order and layouts

    private mutating func orderChildren() {
        var childrenBySection: [Int: [Int]] = [:]
        for position in pages.indices {
            if let parent = pages[position].parent { childrenBySection[parent, default: []].append(position) }
        }
        // Sort keys are taken once per page, not once per comparison (copying a page's settings
        // twice per comparison was most of the sort).
        let titleKeys = pages.map { SortKey.title($0.meta.title) }
        let oldest = Day(year: 1900, month: 1, day: 1)!
        let dates = pages.map { $0.meta.date }
        let weights = pages.map { $0.meta.weight }
        for (section, children) in childrenBySection {
            let byDate = pages[section].meta.sortBy == "date"
            let byTitle = pages[section].meta.sortBy == "title"
            pages[section].children = children.sorted { a, b in
                if byDate, dates[a] != dates[b] { return (dates[a] ?? oldest) > (dates[b] ?? oldest) }
                if !byTitle, !byDate, weights[a] != weights[b] { return (weights[a] ?? Int.max) < (weights[b] ?? Int.max) }
                return titleKeys[a] < titleKeys[b]
            }
        }
    }

    private mutating func resolveLayouts() {
        for index in pages.indices {
            let page = pages[index]
            if let layout = page.meta.layout {
                pages[index].layout = layout
                continue
            }
            // A section's `page_layout` applies to the pages below it, nearest section first.
            var inherited: String?
            if page.kind == .page {
                var parent = page.parent
                while let current = parent, inherited == nil {
                    inherited = pages[current].meta.pageLayout
                    parent = pages[current].parent
                }
            }
            pages[index].layout = inherited ?? page.kind.rawValue
        }
    }

    private func parentFolder(of folder: String) -> String {
        guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(folder[..<slash])
    }

    // MARK: Rebuilds

    /// Puts the new text of an edited page in place (its settings are unchanged, so nothing else moves).
    mutating func replaceText(with loaded: LoadedPage) {
        guard let index = byContentPath[loaded.source.contentPath] else { return }
        pages[index].loaded = loaded
    }

    // MARK: Queries

    /// The section pages under the home page, in menu order.
    public var menu: [Int] { menu(for: defaultLanguage) }

    /// The section pages under a language's home page, in menu order.
    public func menu(for language: String) -> [Int] {
        guard let home = homes[language] else { return [] }
        return pages[home].children.filter { pages[$0].kind == .section }
    }

    public func language(of page: Int) -> String { pages[page].meta.lang ?? defaultLanguage }

    /// From the home page down to `page`'s parent.
    public func ancestors(of page: Int) -> [Int] {
        var chain: [Int] = []
        var current = pages[page].parent
        while let index = current {
            chain.append(index)
            current = pages[index].parent
        }
        return chain.reversed()
    }

    /// The top-level section that contains `page` (itself when it is one).
    public func topSection(of page: Int) -> Int? {
        var current = page
        while let parent = pages[current].parent {
            if pages[parent].kind == .home { return current }
            current = parent
        }
        return nil
    }
}

enum SortKey {
    /// Titles compare without case or diacritics, so "Één" sorts with "E".
    static func title(_ title: String) -> String { HeadingID.fold(title) }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
