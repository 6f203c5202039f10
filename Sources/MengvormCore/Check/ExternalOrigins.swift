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

    /// Every absolute address in HTML or CSS that the browser would load by itself, with its 1-based line:
    /// `src`, `srcset`, `poster`, `data` and `action` attributes, `href` of a `<link>` (but not
    /// `alternate` or `canonical`), CSS `url()` and `@import`. Links (`<a href>`) only load when followed.
    /// Finds each `://` first, so a page without absolute addresses costs one pass over its bytes.
    static func loadedResources(in text: String) -> [(url: String, line: Int)] {
        var text = text
        return text.withUTF8 { buffer in
            guard buffer.count > 3, let base = buffer.baseAddress else { return [] }
            var found: [(String, Int)] = []
            let colon = UInt8(ascii: ":")
            var index = 0
            // memchr finds each "/" at C speed; the byte loop only runs around "//".
            while index + 1 < buffer.count, let hit = memchr(base + index, Int32(UInt8(ascii: "/")), buffer.count - index) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                index = position + 1
                guard position > 0, position + 1 < buffer.count, buffer[position + 1] == UInt8(ascii: "/") else { continue }
                index = position + 2
                let before = buffer[position - 1]
                // `scheme://host` or a protocol-relative `"//host` right after a quote or parenthesis.
                let schemeSlashes = before == colon
                let relativeSlashes = before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") || before == UInt8(ascii: "(")
                guard schemeSlashes || relativeSlashes else { continue }
                var start = schemeSlashes ? position - 1 : position
                while start > 0, !isDelimiter(buffer[start - 1]) { start -= 1 }
                var end = position + 2
                while end < buffer.count, !isDelimiter(buffer[end]) { end += 1 }
                if loads(buffer, before: start) {
                    let url = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
                    let line = 1 + buffer[..<start].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                    found.append((url, line))
                }
                index = end
            }
            return found
        }
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

    /// Whether the address starting at `start` stands where the browser loads it.
    private static func loads(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var cursor = start
        // Skip the quote or parenthesis and spaces before the address.
        while cursor > 0, bytes[cursor - 1] == UInt8(ascii: "\"") || bytes[cursor - 1] == UInt8(ascii: "'") || bytes[cursor - 1] == UInt8(ascii: " ") { cursor -= 1 }
        if cursor > 0, bytes[cursor - 1] == UInt8(ascii: "(") {
            return word(before: cursor - 1, in: bytes).lowercased() == "url"
        }
        if cursor > 0, bytes[cursor - 1] == UInt8(ascii: "=") {
            let name = word(before: cursor - 1, in: bytes).lowercased()
            if ["src", "srcset", "poster", "data", "action", "formaction", "background"].contains(name) { return true }
            if name == "href" {
                // Find the tag this attribute belongs to.
                var open = cursor
                while open > 0, bytes[open] != UInt8(ascii: "<") { open -= 1 }
                var close = cursor
                while close < bytes.count, bytes[close] != UInt8(ascii: ">") { close += 1 }
                let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[open..<close]), as: UTF8.self).lowercased()
                return tag.hasPrefix("<link") && !tag.contains("alternate") && !tag.contains("canonical")
            }
            return false
        }
        return word(before: cursor, in: bytes).lowercased() == "@import"
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
        var diagnostics: [Diagnostic] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for quote in ["\"http", "'http", "`http", "\"//", "'//"] {
                guard let range = line.range(of: quote) else { continue }
                let url = line[line.index(after: range.lowerBound)...].prefix { !"\"'` ".contains($0) }
                if let origin = origin(of: String(url)), allowed.contains(origin) { continue }
                diagnostics.append(.error("this script names another site (\(url)); scripts of the theme may only use files of the site itself",
                                          at: SourceLocation(path: path, line: number + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)))
            }
        }
        return diagnostics
    }

    /// Diagnostics for every external resource in a written file.
    static func check(_ text: String, path: String, allowed: Set<String>) -> [Diagnostic] {
        loadedResources(in: text).compactMap { resource in
            guard let origin = origin(of: resource.url), !allowed.contains(origin) else { return nil }
            return .error("\(resource.url) would be loaded from \(origin), another site: the browser would tell that site who reads this page; ship the file with the site or allow the origin with `allow_external` in site.yml",
                          at: SourceLocation(path: path, line: resource.line))
        }
    }
}

import Foundation
