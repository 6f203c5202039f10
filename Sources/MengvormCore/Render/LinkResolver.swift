import Foundation
import Markdown

/// Turns links as editors write them (`../grenzen/_index.md#pauzes`) into relative URLs from one page.
struct LinkResolver: Sendable {
    let index: SiteIndex
    let linkStyle: SiteConfig.LinkStyle
    /// Every page by its published URL (`planning/je-week/`), for links written as a site-root path
    /// (`/planning/je-week/`, as sites moving from Hugo or Jekyll write them).
    let pageByURL: [String: Int]

    init(index: SiteIndex, linkStyle: SiteConfig.LinkStyle) {
        self.index = index
        self.linkStyle = linkStyle
        var byURL: [String: Int] = [:]
        byURL.reserveCapacity(index.pages.count)
        // By position: copying each page out of the index to read its URL cost more than the lookups.
        for position in index.pages.indices where byURL[index.pages[position].url] == nil {
            byURL[index.pages[position].url] = position
        }
        pageByURL = byURL
    }

    /// A link to a heading of another page, checked once every page is rendered.
    struct AnchorReference: Sendable {
        var target: Int
        var fragment: String
        var location: SourceLocation
    }

    /// `../../` for a page two folders deep: every link the build writes is relative.
    func rootPrefix(from page: Int) -> String {
        String(repeating: "../", count: index.pages[page].depth)
    }

    /// A relative link from `page` to a URL path of the site.
    func href(toURL url: String, from page: Int) -> String {
        href(toURL: url, depth: index.pages[page].depth)
    }

    /// A relative link from a file `depth` folders below the site root.
    func href(toURL url: String, depth: Int) -> String {
        var href = String(repeating: "../", count: depth) + url
        if linkStyle == .files, url.isEmpty || url.hasSuffix("/") { href += "index.html" }
        return href.isEmpty ? "./" : href
    }

    func href(to target: Int, from page: Int) -> String {
        href(toURL: index.pages[target].url, from: page)
    }

    /// What to do with a destination written in the Markdown (or a data file) of `page`.
    /// `base` is the content folder relative links start from.
    func resolve(_ destination: String, from page: Int, base: String) -> (LinkDecision, target: Int?, fragment: String?) {
        if hasScheme(destination) || destination.hasPrefix("//") { return (.keep, nil, nil) }
        // One pass over the bytes for the fragment's `#`, the query's `?` (`?tab=2` stays on the rewritten
        // link, before the fragment) and a `%` before them: searching a Substring's UTF-8 view for each
        // was 1 % of a build.
        var text = destination
        let (hashOffset, questionOffset, hasPercent) = text.withUTF8 { bytes -> (Int?, Int?, Bool) in
            var question: Int?
            var percent = false
            for offset in 0..<bytes.count {
                switch bytes[offset] {
                case UInt8(ascii: "#"): return (offset, question, percent)
                case UInt8(ascii: "?") where question == nil: question = offset
                case UInt8(ascii: "%") where question == nil: percent = true
                default: break
                }
            }
            return (nil, question, percent)
        }
        let utf8 = destination.utf8
        func position(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let end = hashOffset.map(position) ?? destination.endIndex
        let fragment = hashOffset.map { destination[position($0 + 1)...] }
        let restEnd = questionOffset.map(position) ?? end
        let rest = destination[..<restEnd]
        let query = destination[restEnd..<end]
        if rest.isEmpty { return (.keep, page, fragment.map(String.init)) }
        let decoded = hasPercent ? (rest.removingPercentEncoding ?? String(rest)) : String(rest)
        let start = decoded.hasPrefix("/") ? "" : base
        guard let contentPath = normalize(start, decoded) else {
            return (.broken("the link `\(destination)` points outside Content/; link to a page or file inside the site"), nil, nil)
        }
        let suffix = query + (fragment.map { "#" + $0 } ?? "")
        if Self.hasMarkdownExtension(contentPath) {
            // A reader of a translation goes to the translation of the linked page when there is one.
            if let language = index.pages[page].loaded.source.language,
                let translated = index.translations[contentPath]?[language]
            {
                return (.rewrite(href(to: translated, from: page) + suffix), translated, fragment.map(String.init))
            }
            if let target = index.byContentPath[contentPath] {
                return (.rewrite(href(to: target, from: page) + suffix), target, fragment.map(String.init))
            }
            if let reason = index.unpublished[contentPath] {
                return (.broken("the link `\(destination)` goes to Content/\(contentPath), which is not published: \(reason)"), nil, nil)
            }
            return (.broken(missingPageMessage(destination, contentPath)), nil, nil)
        }
        let folder = contentPath.hasSuffix("/") ? String(contentPath.dropLast()) : contentPath
        if let section = index.sectionByFolder[folder] {
            return (.rewrite(href(to: section, from: page) + suffix), section, fragment.map(String.init))
        }
        if let output = index.assets[contentPath] {
            return (.rewrite(rootPrefix(from: page) + percentEncode(output) + suffix), nil, nil)
        }
        if decoded.hasPrefix("/") {
            // A published path: `/planning/je-week/`, `/planning/je-week/index.html`, `/planning/je-week`.
            var url = contentPath
            if url.hasSuffix("index.html") { url = String(url.dropLast("index.html".count)) }
            if !url.isEmpty, !url.hasSuffix("/") { url += "/" }
            if let target = pageByURL[url] ?? pageByURL[url.lowercased()] {
                return (.rewrite(href(to: target, from: page) + suffix), target, fragment.map(String.init))
            }
            var message =
                "the link `\(destination)` goes to Content/\(contentPath), which does not exist, and no page is published at /\(url)"
            if let near = Suggest.closest(to: url.lowercased(), in: pageByURL.keys), let target = pageByURL[near] {
                message += "; did you mean Content/\(index.pages[target].loaded.source.contentPath)?"
            }
            return (.broken(message), nil, nil)
        }
        return (.broken("the link `\(destination)` goes to Content/\(contentPath), which does not exist"), nil, nil)
    }

    private func missingPageMessage(_ destination: String, _ contentPath: String) -> String {
        let folder = contentPath.split(separator: "/").dropLast().joined(separator: "/")
        let name = contentPath.split(separator: "/").last.map(String.init) ?? contentPath
        let siblings = index.byContentPath.keys.filter { path in
            path.split(separator: "/").dropLast().joined(separator: "/") == folder
        }.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        var message = "no page Content/\(contentPath) for the link `\(destination)`"
        if let suggestion = Suggest.closest(to: name, in: siblings) {
            message += "; did you mean `\(suggestion)`?"
        } else if let anywhere = Suggest.closest(to: contentPath, in: index.byContentPath.keys) {
            message += "; did you mean Content/\(anywhere)?"
        }
        return message
    }

    /// Joins `base` and `path` and removes `.` and `..`; nil when the result leaves the root.
    /// Works on bytes: it runs for every link of every page.
    private func normalize(_ base: String, _ path: String) -> String? {
        // One pass over both strings into one buffer; `starts` holds where each kept segment begins.
        var out: [UInt8] = []
        out.reserveCapacity(base.utf8.count + path.utf8.count + 1)
        var starts: [Int] = []
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        func close() -> Bool {
            guard let start = starts.last else { return true }
            let length = out.count - start
            let isDot = length == 1 && out[start] == dot
            let isDotDot = length == 2 && out[start] == dot && out[start + 1] == dot
            guard length == 0 || isDot || isDotDot else { return true }
            drop()
            if isDotDot {
                guard !starts.isEmpty else { return false }
                drop()
            }
            return true
        }
        func drop() {
            let start = starts.removeLast()
            out.removeSubrange((starts.isEmpty ? start : start - 1)...)
        }
        func add(_ text: String) -> Bool {
            var open = false
            for byte in text.utf8 {
                if byte == slash {
                    if open { guard close() else { return false } }
                    open = false
                    continue
                }
                if !open {
                    if !starts.isEmpty { out.append(slash) }
                    starts.append(out.count)
                    open = true
                }
                out.append(byte)
            }
            return open ? close() : true
        }
        guard add(base), add(path) else { return nil }
        if path.utf8.last == slash && !out.isEmpty { out.append(slash) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Ends in `.md` in any case (`.MD`), read from the last three bytes.
    private static func hasMarkdownExtension(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.count >= 3 else { return false }
        var last = bytes.index(bytes.endIndex, offsetBy: -3)
        guard bytes[last] == UInt8(ascii: ".") else { return false }
        last = bytes.index(after: last)
        guard bytes[last] | 0x20 == UInt8(ascii: "m") else { return false }
        return bytes[bytes.index(after: last)] | 0x20 == UInt8(ascii: "d")
    }

    private func hasScheme(_ text: String) -> Bool {
        var sawLetter = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return sawLetter
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if !sawLetter { return false }
            default: return false
            }
        }
        return false
    }
}

/// Percent-encodes a path for an `href`, keeping `/` and the characters URLs allow as they are.
func percentEncode(_ path: String) -> String {
    func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }
    // Most paths are slugs already: returned as they are (the sitemap encodes every page's path).
    if path.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(isUnreserved) }) ?? path.utf8.allSatisfy(isUnreserved) {
        return path
    }
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(path.utf8.count * 3)
    for byte in path.utf8 {
        if isUnreserved(byte) {
            out.append(byte)
        } else {
            out.append(UInt8(ascii: "%"))
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
    }
    return String(decoding: out, as: UTF8.self)
}
