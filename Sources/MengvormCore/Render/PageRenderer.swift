import Foundation
import Markdown

/// What rendering one page produced, besides the file it wrote.
struct RenderedPage: Sendable {
    var diagnostics: [Diagnostic] = []
    var anchors: [LinkResolver.AnchorReference] = []
    var headingIDs: Set<String> = []
    /// The page's entry in the search index (a JSON object), made while its text is at hand; for a page
    /// reused from the build cache file, the entry the previous build wrote into the `search-index.js`
    /// beside that file (see `PersistentCache`). Nil for a page the index leaves out.
    var searchEntry: ByteSlice?
    /// The component blocks of the page with the data files they name.
    var components: [ComponentUse] = []
}

/// Markdown → HTML body → layout, for one page at a time; shared by all render threads.
struct PageRenderer: @unchecked Sendable {
    let index: SiteIndex
    let config: SiteConfig
    let templates: TemplateSet
    let data: DataFiles
    let links: LinkResolver
    let views: ViewBuilder
    /// `Content/` on disk, for the `width` and `height` of local images; nil leaves images without a size.
    var contentRoot: String? = nil
    let imageSizes = ImageSizeCache()
    let pageSizes = PageSizes()

    /// `text`: the page read again when its load kept no text (see `LoadedPage.withoutText`); only its
    /// text is used, the settings are the index's.
    func render(_ pageIndex: Int, text: LoadedPage? = nil) -> (html: [UInt8], result: RenderedPage) {
        let page = index.pages[pageIndex]
        let loaded = text ?? page.loaded
        let path = page.displayPath
        let folder = page.loaded.source.folder
        var result = RenderedPage()
        var components = ComponentRenderer(
            templates: templates, data: data, strings: { views.strings(for: pageIndex, components: [$0]) },
            root: links.rootPrefix(from: pageIndex), lang: views.language(of: pageIndex))
        components.pagePath = path
        components.resolveFile = { text in
            // A file of the site: beside the page, or from Content/ with a leading `/`; never another site.
            guard !text.contains(":"), !text.hasPrefix("//"), !text.lowercased().hasSuffix(".md") else { return nil }
            if case (.rewrite(let href), _, _) = links.resolve(text, from: pageIndex, base: folder) { return href }
            if case (.rewrite(let href), _, _) = links.resolve("/" + text, from: pageIndex, base: folder) { return href }
            return nil
        }
        let collector = Collector()

        var markdown = MarkdownRenderer(
            allowsUnsafeHTML: config.unsafeHTML,
            resolveLink: { link in
                if link.isImage, let origin = ExternalOrigins.origin(of: link.destination), !config.allowedOrigins.contains(origin) {
                    return .blocked(
                        "the image \(link.destination) would be loaded from \(origin), another site; copy it into Content/ (or allow the origin with `allow_external` in site.yml)"
                    )
                }
                // A page often links to the same page more than once: each destination is resolved once.
                let resolved =
                    collector.resolved[link.destination]
                    ?? {
                        let made = links.resolve(link.destination, from: pageIndex, base: folder)
                        collector.resolved[link.destination] = made
                        return made
                    }()
                let (decision, target, fragment) = resolved
                if let target, let fragment, !fragment.isEmpty {
                    collector.anchors.append(
                        .init(
                            target: target, fragment: fragment,
                            location: SourceLocation(path: path, line: link.line, column: link.column)))
                }
                return decision
            },
            renderComponent: { block in
                components.render(block) { node, dataPath in
                    resolveDataLinks(node, dataPath: dataPath, from: pageIndex, into: collector)
                }
            })
        markdown.collectsText = config.searchIndex
        // The index keeps each page's text on one line (`SearchIndex.appendText`).
        markdown.textBlockBreak = UInt8(ascii: " ")
        let strings = views.strings(for: pageIndex)
        for kind in CalloutKind.allCases {
            if let label = strings["callout_" + kind.rawValue] { markdown.calloutLabels[kind] = label }
        }
        if let label = strings["table_label"] { markdown.tableLabel = label }
        if let contentRoot {
            markdown.imageSize = { [imageSizes, index] image in
                ImageSizeCache.contentPath(of: image.destination, folder: folder, assets: index.assets)
                    .flatMap { imageSizes.size(ofFileAt: contentRoot + "/" + $0) }
            }
        }
        let document = markdown.render(loaded.body, lineOffset: loaded.bodyLine - 1)

        for issue in document.issues {
            let location = SourceLocation(path: path, line: issue.line, column: issue.column)
            result.diagnostics.append(Diagnostic(issue.severity == .error ? .error : .warning, issue.message, at: location))
        }
        // Anchors are checked once every page is rendered and all heading ids are known.
        result.anchors = collector.anchors
        result.diagnostics.append(contentsOf: collector.diagnostics)
        result.components = components.uses
        result.diagnostics += components.diagnostics
        result.headingIDs = Set(document.headings.map(\.id))
        if config.searchIndex, SearchIndex.lists(page) {
            // Made here, on the page's render thread: the index output then only puts the entries
            // side by side (making them there held up the end of the build, and held each text twice).
            result.searchEntry = SearchIndex.entry(
                for: page, text: document.plainTextBytes, headings: document.headings, index: index, links: links)
        }

        guard templates.layouts.contains(page.layout) else {
            let hint = Suggest.closest(to: page.layout, in: templates.layouts).map { "; did you mean `\($0)`?" } ?? ""
            let line = page.meta.lines.layout
            result.diagnostics.append(
                .error(
                    "no layout `\(page.layout)` in the theme\(hint)",
                    at: SourceLocation(path: path, line: max(line, 1), column: 1)))
            return ([], result)
        }
        let view = views.view(for: pageIndex, document: document, components: components.names)
        let html = templates.renderBytes(
            views.context(for: view, page: pageIndex), layout: page.layout,
            capacity: pageSizes.capacity(layout: page.layout, body: document.htmlBytes.count))
        pageSizes.record(html.count - document.htmlBytes.count, layout: page.layout)
        // Privacy: no page may make the browser contact another site.
        result.diagnostics += privacyDiagnostics(
            html: html, body: document.htmlBytes, page: page, loaded: loaded, components: result.components)
        return (html, result)
    }

    /// Every resource of the page's HTML from another site, each at the place to change: the line and
    /// column in the Markdown (raw HTML, components) when the address is written there, else in the theme's
    /// template, else the page's first line. Code blocks and code spans are text and never load anything.
    func privacyDiagnostics(
        html: [UInt8], body: [UInt8], page: Page, loaded: LoadedPage? = nil, components: [ComponentUse] = []
    ) -> [Diagnostic] {
        let loaded = loaded ?? page.loaded
        let allowed = config.allowedOrigins
        let all = ExternalOrigins.blocked(in: html, allowed: allowed, isHTML: true)
        guard !all.isEmpty else { return [] }
        let path = page.displayPath
        var diagnostics: [Diagnostic] = []
        // The body's resources are the Markdown's: find each in the page's source, in order.
        var fromBody: [String: Int] = [:]
        var searchFrom: [String: String.Index] = [:]
        let source = loaded.body
        for resource in ExternalOrigins.blocked(in: body, allowed: allowed, isHTML: true) {
            fromBody[resource.url, default: 0] += 1
            let written = resource.url.replacingOccurrences(of: "&amp;", with: "&")
            var location = SourceLocation(path: path, line: loaded.bodyLine, column: 1)
            if let range = source.range(of: written, range: (searchFrom[written] ?? source.startIndex)..<source.endIndex) {
                searchFrom[written] = range.upperBound
                location = Self.position(of: range.lowerBound, in: source, path: path, firstLine: loaded.bodyLine)
            } else if let found = components.lazy.compactMap({ data[$0.data] }).compactMap({ file in
                Self.node(containing: written, in: file.root).map {
                    SourceLocation(path: file.displayPath, line: $0.line, column: $0.column)
                }
            }).first {
                // Written in a data file a component shows.
                location = found
            }
            diagnostics.append(.error(ExternalOrigins.message(resource.url, resource.origin), at: location))
        }
        // The rest comes from the layout and its partials.
        for resource in all {
            if let count = fromBody[resource.url], count > 0 {
                fromBody[resource.url] = count - 1
                continue
            }
            var location = SourceLocation(path: path, line: 1, column: 1)
            for (_, template) in templates.sources.sorted(by: { $0.key < $1.key }) {
                if let range = template.text.range(of: resource.url) {
                    location = Self.position(of: range.lowerBound, in: template.text, path: template.display, firstLine: 1)
                    break
                }
            }
            diagnostics.append(.error(ExternalOrigins.message(resource.url, resource.origin), at: location))
        }
        return diagnostics
    }

    /// The first text in a data file that holds `text`.
    private static func node(containing text: String, in node: DataNode) -> DataNode? {
        switch node.value {
        case .string(let value): return value.contains(text) ? node : nil
        case .list(let items): return items.lazy.compactMap { Self.node(containing: text, in: $0) }.first
        case .map(let entries): return entries.lazy.compactMap { Self.node(containing: text, in: $0.node) }.first
        default: return nil
        }
    }

    private static func position(of index: String.Index, in text: String, path: String, firstLine: Int) -> SourceLocation {
        let before = text[..<index]
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let line = firstLine + before.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return SourceLocation(path: path, line: line, column: text[lineStart..<index].count + 1)
    }

    /// Strings in data files that name a page (`vergoedingen/arbovoorzieningen.md`) become links from this page.
    func resolveDataLinks(_ node: DataNode, dataPath: String, from page: Int, into collector: Collector) -> DataNode {
        switch node.value {
        case .string(let text) where ExternalOrigins.isScript(text):
            collector.diagnostics.append(
                .error(
                    "a `javascript:` or other script address is not allowed in data files",
                    at: SourceLocation(path: dataPath, line: node.line, column: node.column)))
            return DataNode(.string(""), line: node.line, column: node.column)
        case .string(let text) where looksLikePageReference(text):
            let (decision, _, _) = links.resolve(text, from: page, base: "")
            switch decision {
            case .rewrite(let href): return DataNode(.string(href), line: node.line, column: node.column)
            case .broken(let message), .blocked(let message), .warn(let message):
                collector.diagnostics.append(.error(message, at: SourceLocation(path: dataPath, line: node.line, column: node.column)))
                return node
            case .keep: return node
            }
        case .list(let items):
            return DataNode(
                .list(items.map { resolveDataLinks($0, dataPath: dataPath, from: page, into: collector) }), line: node.line,
                column: node.column)
        case .map(let entries):
            return DataNode(
                .map(entries.map { ($0.key, resolveDataLinks($0.node, dataPath: dataPath, from: page, into: collector)) }),
                line: node.line, column: node.column)
        default:
            return node
        }
    }

    private func looksLikePageReference(_ text: String) -> Bool {
        guard !text.contains(" "), !text.contains(":") else { return false }
        // `vergoedingen/rekenhulp.md`, also with `#kop` or `?tab=2` after it.
        let path = text.split(separator: "#", maxSplits: 1).first?.split(separator: "?", maxSplits: 1).first ?? ""
        return path.hasSuffix(".md")
    }
}

/// Gathers what the Markdown callbacks find during one page render.
final class Collector {
    var anchors: [LinkResolver.AnchorReference] = []
    /// Link destinations of the page as resolved, by destination as written.
    var resolved: [String: (LinkDecision, target: Int?, fragment: String?)] = [:]
    var diagnostics: [Diagnostic] = []
}

/// How many bytes a layout adds around a page's body, the most seen so far, so that a page's buffer is
/// reserved once at its size: at 16 KB to start with, a 40 KB page was copied twice as it grew.
final class PageSizes: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [String: Int] = [:]

    func capacity(layout: String, body: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        // A quarter more than the largest frame so far: pages of one layout differ in their lists.
        return body + max(16_384, (frames[layout] ?? 0) * 5 / 4)
    }

    func record(_ frame: Int, layout: String) {
        lock.lock()
        defer { lock.unlock() }
        if frame > frames[layout] ?? 0 { frames[layout] = min(frame, 4 << 20) }
    }
}
