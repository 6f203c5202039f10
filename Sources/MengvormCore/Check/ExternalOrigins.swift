import Foundation
import Markdown

/// Privacy: nothing a page loads may come from another site, unless `allow_external` lists it.
/// Links that a reader follows are fine; images, scripts, stylesheets, frames and fonts are not.
enum ExternalOrigins {
    /// `https://cdn.example:8443/x.png` → `https://cdn.example:8443`; nil for relative addresses.
    static func origin(of url: String) -> String? {
        var text = Substring(url.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("//") { text = "https:" + text }
        guard let schemeEnd = text.range(of: "://") else { return nil }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" || scheme == "ws" || scheme == "wss" || scheme == "ftp" else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return scheme + "://" + host.lowercased()
    }

    /// `javascript:`, `vbscript:` and `data:text/html` addresses run code when opened.
    static func isScript(_ text: String) -> Bool {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("data:text/html")
    }

    /// Every absolute address in HTML or CSS that the browser would load by itself, with its 1-based line
    /// and column: `src`, `srcset`, `poster`, `data` and `action` attributes, `href` of a `<link>` (but not
    /// `alternate` or `canonical`), CSS `url()` and `@import`. Links (`<a href>`) only load when followed.
    /// In HTML (`isHTML`) an attribute only counts inside a tag and CSS only inside a tag or a `<style>`
    /// element, so text (a code block showing `<img src='https://…'>` or `@import url(…)`) is never a load.
    /// Finds each `://` first, so a page without absolute addresses costs one pass over its bytes.
    static func loadedResources(in text: String, isHTML: Bool = false) -> [(url: String, line: Int, column: Int)] {
        var text = text
        return text.withUTF8 { loadedResources(inUTF8: $0, isHTML: isHTML) }
    }

    /// The same for UTF-8 bytes (a page as its template wrote it).
    static func loadedResources(inUTF8 buffer: UnsafeBufferPointer<UInt8>, isHTML: Bool = false) -> [(url: String, line: Int, column: Int)]
    {
        guard buffer.count > 3 else { return [] }
        var found: [(String, Int, Int)] = []
        let colon = UInt8(ascii: ":")
        var index = 0
        var styles: [Range<Int>]?
        var tags: [Range<Int>]?
        while let position = nextDoubleSlash(in: buffer, from: index) {
            index = position + 2
            guard position > 0 else { continue }
            let before = buffer[position - 1]
            // `scheme://host` or a protocol-relative `"//host` right after a quote or parenthesis.
            let schemeSlashes = before == colon
            let relativeSlashes = before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") || before == UInt8(ascii: "(")
            guard schemeSlashes || relativeSlashes else { continue }
            var start = schemeSlashes ? position - 1 : position
            while start > 0, !isDelimiter(buffer[start - 1]) { start -= 1 }
            // The address ends at a quote, a space or a bracket; `=` belongs to its query (`?a=1`).
            var end = position + 2
            while end < buffer.count, !isDelimiter(buffer[end]) || buffer[end] == UInt8(ascii: "=") { end += 1 }
            if let kind = loads(buffer, before: start) {
                var counts = true
                if isHTML {
                    if tags == nil { tags = tagInteriors(buffer) }
                    let tag = contains(tags!, start)
                    if kind == .attribute {
                        counts = tag
                    } else {
                        if styles == nil { styles = styleElements(buffer) }
                        counts = tag || contains(styles!, start)
                    }
                }
                if counts {
                    let url = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
                    var lineStart = start
                    while lineStart > 0, buffer[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
                    let line = 1 + buffer[..<lineStart].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                    let column = 1 + String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<start]), as: UTF8.self).count
                    found.append((url, line, column))
                }
            }
            index = end
        }
        return found
    }

    /// Where the next `//` starts at or after `start` (a page has hundreds of single slashes, in closing
    /// tags and relative links: stopping at each with memchr was 2 % of a build).
    static func nextDoubleSlash(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        BytePairs.first(("/", "/"), or: ("/", "/"), in: buffer, from: start)
    }

    /// The interiors of the document's tags (from `<` to the `>` that closes it, quotes respected, so
    /// `alt="a > b"` does not end the tag), in order. Text is escaped in HTML, so a `<` followed by a
    /// letter or `/` opens a tag; comments are skipped.
    private static func tagInteriors(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!"), index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                // A comment ends at `-->`.
                var end = index + 4
                while end + 2 < count,
                    !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-") && bytes[end + 2] == UInt8(ascii: ">"))
                { end += 1 }
                index = end + 3
                continue
            }
            let letter = next | 0x20
            guard (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z")) || next == UInt8(ascii: "/") else {
                index += 1
                continue
            }
            var end = index + 1
            var quote: UInt8 = 0
            while end < count {
                let byte = bytes[end]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            ranges.append(index..<end)
            index = end + 1
        }
        return ranges
    }

    /// Whether one of the sorted, disjoint `ranges` holds `position` (binary search).
    private static func contains(_ ranges: [Range<Int>], _ position: Int) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound <= position {
                low = middle + 1
            } else if ranges[middle].lowerBound > position {
                high = middle
            } else {
                return true
            }
        }
        return false
    }

    /// The byte ranges of the contents of `<style>` elements (CSS the browser applies).
    private static func styleElements(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let lower = String(decoding: bytes, as: UTF8.self).lowercased().utf8
        guard lower.count == bytes.count else { return [0..<bytes.count] }
        let text = Array(lower)
        var ranges: [Range<Int>] = []
        var cursor = 0
        func find(_ needle: String, from: Int) -> Int? {
            let pattern = Array(needle.utf8)
            var at = from
            while at + pattern.count <= text.count {
                if text[at] == pattern[0], Array(text[at..<at + pattern.count]) == pattern { return at }
                at += 1
            }
            return nil
        }
        while let open = find("<style", from: cursor) {
            let bodyStart = open + 6
            let close = find("</style", from: bodyStart) ?? text.count
            ranges.append(bodyStart..<close)
            cursor = close
        }
        return ranges
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: " "),
            UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    private enum LoadKind { case attribute, css }

    /// Whether the address starting at `start` stands where the browser loads it: in an attribute or in CSS.
    private static func loads(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> LoadKind? {
        var cursor = start
        // Skip the quote or parenthesis and spaces before the address.
        while cursor > 0,
            bytes[cursor - 1] == UInt8(ascii: "\"") || bytes[cursor - 1] == UInt8(ascii: "'") || bytes[cursor - 1] == UInt8(ascii: " ")
        { cursor -= 1 }
        if cursor > 0, bytes[cursor - 1] == UInt8(ascii: "(") {
            return word(before: cursor - 1, in: bytes).lowercased() == "url" ? .css : nil
        }
        if cursor > 0, bytes[cursor - 1] == UInt8(ascii: "=") {
            let name = word(before: cursor - 1, in: bytes).lowercased()
            if ["src", "srcset", "poster", "data", "action", "formaction", "background"].contains(name) { return .attribute }
            if name == "href" {
                // Find the tag this attribute belongs to.
                var open = cursor
                while open > 0, bytes[open] != UInt8(ascii: "<") { open -= 1 }
                var close = cursor
                while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
                let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[open..<close]), as: UTF8.self).lowercased()
                return tag.hasPrefix("<link") && !tag.contains("alternate") && !tag.contains("canonical") ? .attribute : nil
            }
            return nil
        }
        return word(before: cursor, in: bytes).lowercased() == "@import" ? .css : nil
    }

    private static func word(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = end
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") { start -= 1 }
        let wordEnd = start
        while start > 0, bytes[start - 1] >= 0x40 || bytes[start - 1] == UInt8(ascii: "-") { start -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]), as: UTF8.self)
    }

    /// Scripts: any absolute address in a string literal could be fetched.
    static func checkScript(_ text: String, path: String, allowed: Set<String>) -> [Diagnostic] {
        // The quotes that start an address, each reported once per line at its first place, in this order.
        let starts: [(quote: UInt8, rest: [UInt8])] = [
            (UInt8(ascii: "\""), Array("http".utf8)), (UInt8(ascii: "'"), Array("http".utf8)), (UInt8(ascii: "`"), Array("http".utf8)),
            (UInt8(ascii: "\""), Array("//".utf8)), (UInt8(ascii: "'"), Array("//".utf8)),
        ]
        var diagnostics: [Diagnostic] = []
        var text = text
        text.withUTF8 { bytes in
            var lineStart = 0
            var number = 0
            while lineStart <= bytes.count {
                let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                number += 1
                // Byte by byte (the theme's scripts are 200 KB; five string searches per line took 16 ms).
                var found = [Int?](repeating: nil, count: starts.count)
                var index = lineStart
                while index < lineEnd {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`") {
                        for (kind, start) in starts.enumerated() where found[kind] == nil && start.quote == byte {
                            let end = index + 1 + start.rest.count
                            if end <= lineEnd, bytes[(index + 1)..<end].elementsEqual(start.rest) { found[kind] = index }
                        }
                    }
                    index += 1
                }
                for case let offset? in found {
                    var urlEnd = offset + 1
                    while urlEnd < lineEnd,
                        ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: " ")].contains(bytes[urlEnd])
                    {
                        urlEnd += 1
                    }
                    let url = String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<urlEnd]), as: UTF8.self)
                    if let origin = origin(of: url), allowed.contains(origin) { continue }
                    let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), as: UTF8.self).count + 1
                    diagnostics.append(
                        .error(
                            "this script names another site (\(url)); scripts of the theme may only use files of the site itself",
                            at: SourceLocation(path: path, line: number, column: column)))
                }
                lineStart = lineEnd + 1
            }
        }
        return diagnostics
    }

    /// Diagnostics for every external resource in a written file (CSS, or HTML with `isHTML`).
    static func check(_ text: String, path: String, allowed: Set<String>, isHTML: Bool = false) -> [Diagnostic] {
        blocked(in: text, allowed: allowed, isHTML: isHTML).map { resource in
            .error(message(resource.url, resource.origin), at: SourceLocation(path: path, line: resource.line, column: resource.column))
        }
    }

    /// The resources of `text` from origins that are not allowed.
    static func blocked(in text: String, allowed: Set<String>, isHTML: Bool) -> [(url: String, origin: String, line: Int, column: Int)] {
        var text = text
        return text.withUTF8 { blocked(inUTF8: $0, allowed: allowed, isHTML: isHTML) }
    }

    static func blocked(in bytes: [UInt8], allowed: Set<String>, isHTML: Bool) -> [(url: String, origin: String, line: Int, column: Int)] {
        bytes.withUnsafeBufferPointer { blocked(inUTF8: $0, allowed: allowed, isHTML: isHTML) }
    }

    private static func blocked(
        inUTF8 buffer: UnsafeBufferPointer<UInt8>, allowed: Set<String>, isHTML: Bool
    ) -> [(url: String, origin: String, line: Int, column: Int)] {
        loadedResources(inUTF8: buffer, isHTML: isHTML).compactMap { resource in
            guard let origin = origin(of: resource.url), !allowed.contains(origin) else { return nil }
            return (resource.url, origin, resource.line, resource.column)
        }
    }

    static func message(_ url: String, _ origin: String) -> String {
        "\(url) would be loaded from \(origin), another site: the browser would tell that site who reads this page; ship the file with the site or allow the origin with `allow_external` in site.yml"
    }
}
