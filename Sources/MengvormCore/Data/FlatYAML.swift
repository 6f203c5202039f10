/// A fast reader for the YAML most front matter is: one `key: value` per line, where a value is a
/// plain word or sentence, a double-quoted text without escapes, or a flow list of plain words
/// (`tags: [thuiswerk, arbo]`). Anything else (nesting, block lists, quotes with escapes, anchors,
/// tabs, a repeated key...) returns nil and goes to libyaml through Yams, which is the reference:
/// the fuzzer checks that both give the same nodes at the same positions.
/// Loading pages spent more time in Yams than in reading the files (the profile of 10,000 pages).
enum FlatYAML {
    static func read(_ text: String) -> DataNode? {
        var text = text
        return text.withUTF8 { read(bytes: $0) }
    }

    private static func read(bytes: UnsafeBufferPointer<UInt8>) -> DataNode? {
        var entries: [(key: String, node: DataNode)] = []
        var keys = Set<String>(minimumCapacity: 16)
        var mapLine = 0
        var line = 0
        var start = 0
        // A key with nothing after it, and the `- item` lines below it so far.
        var list: (key: String, items: [DataNode], indent: Int, line: Int, column: Int)?
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            defer { start = end + 1 }
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
            // Other line breaks YAML knows (a lone CR, NEL, LS, PS) and characters it refuses, even in a comment.
            // (A tab is also a control character here: libyaml allows it in fewer places than a space.)
            if needsLibYAML(lineBytes) { return nil }
            if let open = list {
                if let (item, indent, column) = listItem(lineBytes, line: line), open.items.isEmpty || indent == open.indent {
                    list!.items.append(item)
                    if open.items.isEmpty { (list!.indent, list!.line, list!.column) = (indent, line, column) }
                    continue
                }
                // Any other line ends the list (a key without a value and without items is null: libyaml's).
                guard !open.items.isEmpty else { return nil }
                entries.append((open.key, DataNode(.list(open.items), line: open.line, column: open.column)))
                list = nil
            }
            if isBlankOrComment(lineBytes) { continue }
            if let key = keyWithoutValue(lineBytes) {
                guard keys.insert(key).inserted else { return nil }
                if mapLine == 0 { mapLine = line }
                list = (key, [], 0, 0, 0)
                continue
            }
            guard let (key, node) = entry(lineBytes, line: line), keys.insert(key).inserted else { return nil }
            if mapLine == 0 { mapLine = line }
            entries.append((key, node))
        }
        if let open = list {
            guard !open.items.isEmpty else { return nil }
            entries.append((open.key, DataNode(.list(open.items), line: open.line, column: open.column)))
        }
        guard !entries.isEmpty else { return nil }
        return DataNode(.map(entries), line: mapLine, column: 1)
    }

    /// `key:` starting in column 1 with nothing after it: a block list may follow (`tags:` then `  - thuiswerk`).
    private static func keyWithoutValue(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard let colon = keyEnd(line), line[(colon + 1)...].allSatisfy({ $0 == UInt8(ascii: " ") }) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
    }

    /// Where the `:` after a key starting in column 1 stands; nil when the line does not start with one.
    private static func keyEnd(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < line.count, isKeyByte(line[index], first: index == 0) { index += 1 }
        return index > 0 && index < line.count && line[index] == UInt8(ascii: ":") ? index : nil
    }

    /// `  - item` of a block list: the item (a plain or simply quoted text), the indent of the `-` and
    /// its column. The list node is placed at its first `-`, each item where its text starts, as libyaml does.
    private static func listItem(_ line: UnsafeBufferPointer<UInt8>, line number: Int) -> (DataNode, Int, Int)? {
        var indent = 0
        while indent < line.count, line[indent] == UInt8(ascii: " ") { indent += 1 }
        guard indent + 2 < line.count, line[indent] == UInt8(ascii: "-"), line[indent + 1] == UInt8(ascii: " ") else { return nil }
        guard let (value, column) = value(of: line, from: indent + 2), let scalar = scalar(value) else { return nil }
        return (DataNode(scalar, line: number, column: column), indent, indent + 1)
    }

    /// The value from `start` on without the spaces around it, and the column it starts at (columns count
    /// characters, code points, as libyaml's do, not bytes); nil when there is none.
    private static func value(of line: UnsafeBufferPointer<UInt8>, from start: Int) -> (UnsafeBufferPointer<UInt8>, Int)? {
        var valueStart = start
        while valueStart < line.count, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        var valueEnd = line.count
        while valueEnd > valueStart, line[valueEnd - 1] == UInt8(ascii: " ") { valueEnd -= 1 }
        guard valueStart < valueEnd else { return nil }
        let column = characters(in: UnsafeBufferPointer(rebasing: line[..<valueStart])) + 1
        return (UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd]), column)
    }

    /// A double-quoted text without escapes, or a plain scalar; nil for anything libyaml must read.
    private static func scalar(_ value: UnsafeBufferPointer<UInt8>) -> DataNode.Value? {
        if value[0] == UInt8(ascii: "\"") {
            guard value.count >= 2, value[value.count - 1] == UInt8(ascii: "\""),
                !value.dropFirst().dropLast().contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 })
            else { return nil }
            return .string(String(decoding: UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)]), as: UTF8.self))
        }
        guard isPlain(value) else { return nil }
        return YAMLReader.plainValue(String(decoding: value, as: UTF8.self))
    }

    private static func isBlankOrComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = line.first(where: { $0 != UInt8(ascii: " ") }) else { return true }
        // A comment must start the line: an indented one could belong to a nested block.
        return first == UInt8(ascii: "#") && line.first == UInt8(ascii: "#")
    }

    /// `key: value` starting in column 1.
    private static func entry(_ line: UnsafeBufferPointer<UInt8>, line number: Int) -> (String, DataNode)? {
        guard let index = keyEnd(line), index + 1 < line.count, line[index + 1] == UInt8(ascii: " ") else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: line[..<index]), as: UTF8.self)
        guard let (value, column) = value(of: line, from: index + 1) else { return nil }
        if value[0] == UInt8(ascii: "[") {
            guard value.count >= 2, value[value.count - 1] == UInt8(ascii: "]") else { return nil }
            guard let items = flowItems(UnsafeBufferPointer(rebasing: value[1..<(value.count - 1)]), line: number, column: column + 1)
            else { return nil }
            return (key, DataNode(.list(items), line: number, column: column))
        }
        guard let scalar = scalar(value) else { return nil }
        return (key, DataNode(scalar, line: number, column: column))
    }

    /// `a, b, c` between the brackets of a flow list; `column` is that of the first character.
    private static func flowItems(_ inner: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> [DataNode]? {
        var items: [DataNode] = []
        var index = 0
        if inner.allSatisfy({ $0 == UInt8(ascii: " ") }) { return [] }
        while index <= inner.count {
            var end = index
            while end < inner.count, inner[end] != UInt8(ascii: ",") { end += 1 }
            var first = index
            var last = end
            while first < last, inner[first] == UInt8(ascii: " ") { first += 1 }
            while last > first, inner[last - 1] == UInt8(ascii: " ") { last -= 1 }
            let item = UnsafeBufferPointer(rebasing: inner[first..<last])
            guard !item.isEmpty, isPlain(item, inFlow: true) else { return nil }
            items.append(
                DataNode(
                    YAMLReader.plainValue(String(decoding: item, as: UTF8.self)), line: line,
                    column: column + characters(in: UnsafeBufferPointer(rebasing: inner[..<first]))))
            index = end + 1
        }
        return items
    }

    /// Code points in UTF-8 bytes: every byte that does not continue a sequence starts one.
    private static func characters(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): return !first
        default: return false
        }
    }

    /// A plain scalar that starts with a letter or digit, has single spaces only, and no `:` or `#`
    /// anywhere (so no comment and no nested key); in a flow list also no quotes, commas or brackets.
    private static func isPlain(_ value: UnsafeBufferPointer<UInt8>, inFlow: Bool = false) -> Bool {
        guard let first = value.first else { return false }
        let startsWell =
            (first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z"))
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first >= 0xC2
        guard startsWell else { return false }
        var previousSpace = false
        for byte in value {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ";"), UInt8(ascii: "="):
                previousSpace = false
            case UInt8(ascii: ","), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "'"),
                UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "$"), UInt8(ascii: "^"):
                // Indicators only where a scalar starts; inside a block value they are text.
                if inFlow { return false }
                previousSpace = false
            case UInt8(ascii: " "):
                if previousSpace { return false }
                previousSpace = true
            case 0x80...0xFF:
                // Bytes of UTF-8 letters; U+0085 and U+2028/2029 (line breaks to YAML) and U+FEFF are not.
                previousSpace = false
            default:
                return false
            }
        }
        return true
    }

    /// What libyaml reads differently from a plain character or refuses: control characters, C1
    /// controls (C2 80–9F, among them NEL), U+00A0, U+2028/U+2029, U+FEFF and U+FFFE/U+FFFF.
    private static func needsLibYAML(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < value.count {
            let a = value[index]
            if a < 0x20 || a == 0x7F { return true }
            if index + 1 < value.count {
                let b = value[index + 1]
                if a == 0xC2 && (b <= 0x9F || b == 0xA0) { return true }
                if index + 2 < value.count {
                    let c = value[index + 2]
                    if a == 0xE2 && b == 0x80 && (c == 0xA8 || c == 0xA9) { return true }
                    if a == 0xEF && b == 0xBB && c == 0xBF { return true }
                    if a == 0xEF && b == 0xBF && (c == 0xBE || c == 0xBF) { return true }
                }
            }
            index += 1
        }
        return false
    }
}
