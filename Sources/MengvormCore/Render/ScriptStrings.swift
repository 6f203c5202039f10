import Foundation

/// Which UI strings a page's scripts need. Every string on every page was 15 KB of JSON on each page
/// of the default theme; a page now carries the keys its scripts name in quotes, found once per build.
/// A script `assets/js/components/NAME.js` (or `NAME-….js`) belongs to component NAME, and its keys go
/// only to pages with that component; the keys of every other script go to every page. A quoted
/// prefix ending in `_` (`"review_status_"`) stands for every key that starts with it.
struct ScriptStrings: Sendable {
    private(set) var everyPage: Set<String> = []
    private(set) var byComponent: [String: Set<String>] = [:]

    init(templates: TemplateSet, keys: Set<String>) {
        for (relative, path) in templates.assets where relative.hasPrefix("assets/") && relative.hasSuffix(".js") {
            guard case .success(let text) = FileReader.readText(at: path) else { continue }
            let named = Self.keys(named: text, among: keys)
            let file = String(relative.split(separator: "/").last ?? "")
            if relative.hasPrefix("assets/js/components/") {
                let stem = String(file.dropLast(3))
                let component = templates.componentNames.filter { stem == $0 || stem.hasPrefix($0 + "-") }.max { $0.count < $1.count }
                if let component {
                    byComponent[component, default: []].formUnion(named)
                    continue
                }
            }
            everyPage.formUnion(named)
        }
    }

    func keys(for components: Set<String>) -> Set<String> {
        components.reduce(everyPage) { $0.union(byComponent[$1] ?? []) }
    }

    /// The keys quoted in a script: `"search_none"`, `'calc_year'`, or a quoted prefix `"review_status_"`.
    static func keys(named text: String, among keys: Set<String>) -> Set<String> {
        var found = Set<String>()
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == quote, end > index + 1 {
                let literal = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                if keys.contains(literal) {
                    found.insert(literal)
                } else if literal.hasSuffix("_") {
                    found.formUnion(keys.filter { $0.hasPrefix(literal) })
                }
                index = end + 1
            } else {
                index += 1
            }
        }
        return found
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
