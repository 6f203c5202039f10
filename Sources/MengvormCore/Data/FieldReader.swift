import Foundation

/// Reads typed fields from a YAML map and reports each wrong one at its own line.
struct FieldReader {
    let map: DataNode
    let path: String
    /// Added to YAML line numbers: front matter starts on line 2 of its file.
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []
    private(set) var used: Set<String> = []

    init(map: DataNode, path: String, lineOffset: Int = 0) {
        self.map = map
        self.path = path
        self.lineOffset = lineOffset
        used.reserveCapacity(map.entries?.count ?? 0)
    }

    func location(of node: DataNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line > 0 ? node.line + lineOffset : 0, column: node.column)
    }

    var mapLocation: SourceLocation {
        SourceLocation(path: path, line: max(map.line, 1) + lineOffset, column: 1)
    }

    mutating func node(_ key: String) -> DataNode? {
        // Only keys the map has are remembered: `unusedEntries` asks about those alone, and the reader of
        // a page asks for every known key (a set that grew to twenty keys per page was 1 % of a build).
        guard let node = map[key] else { return nil }
        used.insert(key)
        guard !node.isNull else { return nil }
        return node
    }

    mutating func fail(_ message: String, _ node: DataNode) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    mutating func string(_ key: String, required: Bool = false, example: String = "some text") -> String? {
        guard let node = node(key) else {
            if required {
                diagnostics.append(.error("missing `\(key)`: add a line such as `\(key): \(example)`", at: mapLocation))
            }
            return nil
        }
        switch node.value {
        case .string(let s):
            // Stops at the first letter, where trimming copied every title (8 % of loading a large site).
            if required && s.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                fail("`\(key)` is empty: write a value such as `\(key): \(example)`", node)
                return nil
            }
            return s
        case .int, .double, .bool: return node.string
        default:
            fail("`\(key)` must be text, not \(node.kindName)", node)
            return nil
        }
    }

    mutating func day(_ key: String) -> Day? {
        guard let node = node(key) else { return nil }
        if let text = node.string, let day = Day(text) { return day }
        if let text = node.string, let meant = Day.fromOtherOrder(text) {
            fail("`\(key)` must be written year-month-day: `\(key): \(meant)` (not `\(text)`, which is day-month-year)", node)
            return nil
        }
        fail("`\(key)` must be a date like 2027-03-01 (year-month-day), not `\(node.string ?? node.kindName)`", node)
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        if case .bool(let value) = node.value { return value }
        fail("`\(key)` must be true or false", node)
        return nil
    }

    mutating func int(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        if case .int(let value) = node.value { return value }
        fail("`\(key)` must be a whole number such as 10", node)
        return nil
    }

    /// A list of strings; a single string is accepted as a list of one.
    mutating func strings(_ key: String) -> [String]? {
        guard let node = node(key) else { return nil }
        if let items = node.list {
            var result: [String] = []
            for item in items {
                guard let text = item.string else {
                    fail("`\(key)` must be a list of words, like `\(key): [thuiswerken, arbo]`", item)
                    continue
                }
                result.append(text)
            }
            return result
        }
        if let text = node.string { return [text] }
        fail("`\(key)` must be a list, like `\(key): [thuiswerken, arbo]`", node)
        return nil
    }

    /// Entries whose key was not read by name.
    var unusedEntries: [(key: String, node: DataNode)] {
        (map.entries ?? []).filter { !used.contains($0.key) }
    }
}
