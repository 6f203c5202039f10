import Foundation
import Templates

/// `{{{cached.menu}}}` in a template renders the partial `menu` once for every group of pages that
/// share a parent section (and so a folder depth and a main-menu state), instead of once per page.
/// This is Hugo's `partialCached` for Mustache: a section of 200 pages renders its page list once,
/// not 200 times. A cached partial may only use what those pages share (`site`, `t`, `root`,
/// `menu`, `siblings`, `section`); in the cached `siblings` no entry is `current`, and the link to
/// the page itself gets `aria-current="page"` afterwards unless it already has an `aria-current`.
final class PartialCache: @unchecked Sendable {
    private let scopes = LockedCache<String, Scope>()

    /// The partials of one group of pages, found once per page: each lookup of a partial is then a
    /// short name in a small table, not a key made and hashed from the name and the scope (with
    /// the marking of the page's link, those were 1.5 % of a default-theme build).
    func scope(_ key: String) -> Scope { scopes.value(for: key) { Scope() } }

    final class Scope: Sendable {
        private let rendered = LockedCache<String, RenderedPartial>()

        /// The partial as rendered once for this scope, with the link to the page marked as the current
        /// page (`ownHref` HTML-escaped, as the partial's links are).
        func html(partial: String, escapedOwnHref: String, render: () -> String) -> RawHTML {
            rendered.value(for: partial) { RenderedPartial(render()) }.marking(escapedOwnHref: escapedOwnHref)
        }
    }
}

/// A cached partial's HTML with, for each link target, where its first `href="…"` ends. Found once
/// per scope, so marking the page's own link is a lookup, not a search through a section's list of
/// 200 links on each of its 200 pages (3 % of a 10,000-page build).
final class RenderedPartial: Sendable {
    let html: String
    /// Escaped href value → the offset just after its closing quote, and whether `aria-current` follows.
    private let linkEnds: [String: (end: Int, marked: Bool)]
    private static let marker = Array(" aria-current".utf8)

    init(_ html: String) {
        self.html = html
        var text = html
        var ends: [String: (end: Int, marked: Bool)] = [:]
        text.withUTF8 { bytes in
            let opening = Array("href=\"".utf8)
            var index = 0
            while index + opening.count <= bytes.count {
                guard bytes[index] == opening[0], bytes[index..<(index + opening.count)].elementsEqual(opening) else {
                    index += 1
                    continue
                }
                let valueStart = index + opening.count
                guard let close = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<close]), as: UTF8.self)
                if ends[value] == nil {
                    let end = close + 1
                    let marked =
                        bytes.count >= end + Self.marker.count && bytes[end..<(end + Self.marker.count)].elementsEqual(Self.marker)
                    ends[value] = (end, marked)
                }
                index = close + 1
            }
        }
        linkEnds = ends
    }

    /// The partial for the page whose link is `escapedOwnHref`: that link marked, unless marked already.
    func marking(escapedOwnHref: String) -> RawHTML {
        guard let link = linkEnds[escapedOwnHref], !link.marked else { return RawHTML(html) }
        return RawHTML(html, markingAt: link.end)
    }
}

/// What `cached` is in a page's view: each name renders that partial through the cache when looked up.
final class CachedPartials: TemplateObject, @unchecked Sendable {
    let names: Set<String>
    let renderPartial: @Sendable (String) -> RawHTML

    init(names: Set<String>, renderPartial: @escaping @Sendable (String) -> RawHTML) {
        self.names = names
        self.renderPartial = renderPartial
    }

    override func value(named name: TemplateName) -> TemplateValue? {
        guard names.contains(name.string) else { return nil }
        return .html(renderPartial(name.string))
    }
}

/// HTML that is already rendered (a page body, a cached partial): `{{{x}}}` inserts it as it is.
final class RawHTML: TemplateHTMLObject, @unchecked Sendable {
    private enum Storage {
        case text(String)
        /// A page body as libcmark wrote it.
        case bytes([UInt8])
        /// A cached partial with ` aria-current="page"` put in at a byte offset (the page's own link).
        case marked(String, at: Int)
    }
    private let storage: Storage

    init(_ html: String) { storage = .text(html) }
    init(bytes: [UInt8]) { storage = .bytes(bytes) }
    init(_ html: String, markingAt offset: Int) { storage = .marked(html, at: offset) }

    static let currentPage = Array(" aria-current=\"page\"".utf8)

    override var html: String {
        switch storage {
        case .text(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .marked(var text, let offset):
            return text.withUTF8 { bytes in
                String(decoding: Array(bytes[..<offset]) + Self.currentPage + Array(bytes[offset...]), as: UTF8.self)
            }
        }
    }

    override var isNull: Bool {
        switch storage {
        case .text(let text): return text.isEmpty
        case .bytes(let bytes): return bytes.isEmpty
        case .marked: return false
        }
    }

    override func appendHTML(to output: inout TemplateOutput) {
        switch storage {
        case .text(let text):
            output.append(text)
        case .bytes(let bytes):
            output.append(bytes)
        case .marked(var text, let offset):
            text.withUTF8 { bytes in
                output.append(UnsafeBufferPointer(rebasing: bytes[..<offset]))
                output.append(Self.currentPage)
                output.append(UnsafeBufferPointer(rebasing: bytes[offset...]))
            }
        }
    }
}
