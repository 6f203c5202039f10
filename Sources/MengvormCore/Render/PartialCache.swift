import Foundation
import Templates

/// `{{{cached.menu}}}` in a template renders the partial `menu` once for every group of pages that
/// share a parent section (and so a folder depth and a main-menu state), instead of once per page.
/// This is Hugo's `partialCached` for Mustache: a section of 200 pages renders its page list once,
/// not 200 times. A cached partial may only use what those pages share (`site`, `t`, `root`,
/// `menu`, `siblings`, `section`); in the cached `siblings` no entry is `current`, and the link to
/// the page itself gets `aria-current="page"` afterwards unless it already has an `aria-current`.
final class PartialCache: @unchecked Sendable {
    private let rendered = LockedCache<String, String>()

    func html(partial: String, scope: String, render: () -> String) -> String {
        rendered.value(for: partial + "@" + scope, make: render)
    }

    /// Marks the first link to `ownHref` as the current page. Byte search: this runs once per page
    /// and cached partial, and Foundation's `range(of:)` converts the whole text to UTF-16 each time.
    static func markCurrent(_ html: String, ownHref: String) -> String {
        let needle = Array(("href=\"" + HTMLEscaping.escape(ownHref) + "\"").utf8)
        let marker = Array(" aria-current".utf8)
        var text = html
        return text.withUTF8 { bytes -> String in
            guard bytes.count >= needle.count, let base = bytes.baseAddress else { return html }
            // memchr to each `h`, memcmp for the rest ("h" is everywhere in HTML; a generic slice
            // comparison at each one cost more than the search).
            var index = 0
            let last = bytes.count - needle.count
            var found: Int?
            while index <= last, found == nil {
                guard let hit = memchr(base + index, Int32(needle[0]), last - index + 1) else { break }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if needle.withUnsafeBytes({ memcmp(base + index, $0.baseAddress!, needle.count) }) == 0 { found = index }
                index += 1
            }
            guard let found else { return html }
            let end = found + needle.count
            if bytes.count >= end + marker.count, bytes[end..<(end + marker.count)].elementsEqual(marker) { return html }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 24)
            out.append(contentsOf: bytes[..<end])
            out.append(contentsOf: " aria-current=\"page\"".utf8)
            out.append(contentsOf: bytes[end...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// What `cached` is in a page's view: each name renders that partial through the cache when looked up.
struct CachedPartials: TemplateParent {
    let names: Set<String>
    let renderPartial: @Sendable (String) -> String

    func child(named name: String) -> Any? {
        guard names.contains(name) else { return nil }
        return RawHTML(renderPartial(name))
    }
}

/// HTML that is already rendered (a page body, a cached partial): `{{{x}}}` inserts it as it is.
struct RawHTML: TemplateHTML {
    let html: String
    var isNull: Bool { html.isEmpty }

    init(_ html: String) { self.html = html }
}
