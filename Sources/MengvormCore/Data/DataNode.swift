import CByteScan

/// A YAML or JSON value that remembers where it was written, so later checks can point at it.
public struct DataNode: Sendable {
    public indirect enum Value: Sendable {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
        case list([DataNode])
        case map([(key: String, node: DataNode)])
    }

    public var value: Value
    /// 1-based line and column in the file (0 when unknown).
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    public subscript(key: String) -> DataNode? {
        guard case .map(let entries) = value else { return nil }
        return entries.first { $0.key == key }?.node
    }

    public var string: String? {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var list: [DataNode]? {
        if case .list(let items) = value { return items }
        return nil
    }

    public var entries: [(key: String, node: DataNode)]? {
        if case .map(let entries) = value { return entries }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// A short name of the kind of value, for messages ("a list", "text").
    public var kindName: String {
        switch value {
        case .string: return "text"
        case .int, .double: return "a number"
        case .bool: return "true or false"
        case .null: return "empty"
        case .list: return "a list"
        case .map: return "a map of keys"
        }
    }

    /// The value as Mustache sees it: strings, numbers, booleans, arrays and dictionaries.
    public var templateValue: Any {
        switch value {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .null: return ""
        case .list(let items): return items.map(\.templateValue)
        case .map(let entries):
            var dictionary: [String: Any] = [:]
            for entry in entries { dictionary[entry.key] = entry.node.templateValue }
            return dictionary
        }
    }

    /// The value as JSON text, for data handed to the theme's scripts.
    public var json: String {
        var out: [UInt8] = []
        appendJSON(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func appendJSON(to out: inout [UInt8]) {
        switch value {
        case .string(let s): JSONText.appendQuoted(s, to: &out)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let entries):
            out.append(UInt8(ascii: "{"))
            for (index, entry) in entries.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(entry.key, to: &out)
                out.append(UInt8(ascii: ":"))
                entry.node.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

enum JSONText {
    /// A JSON string literal that is also safe inside an HTML `<script>` element.
    static func quote(_ text: String) -> String {
        var out = [UInt8]()
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal. Works on runs of bytes: the search index quotes the
    /// text of every page (75 MB at 10,000 pages), and byte-by-byte appends were most of its cost.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendQuoted(bytes: $0, to: &out) }
    }

    /// `breaksAsSpaces`: a line break or tab becomes a space instead of an escape (the search index keeps
    /// each page's text as one line).
    static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], breaksAsSpaces: Bool = false) {
        out.reserveCapacity(out.count + bytes.count + 2)
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Most bytes are text: the scan finds the next one that needs care (quotes, backslash, `<`,
            // `>`, `&`, controls and 0xE2 of U+2028/9) sixteen bytes at a time (the search index quotes
            // 75 MB at 10,000 pages; a table lookup per byte was 2 % of a build).
            index = mengvorm_json_care(bytes.baseAddress!, count, index)
            guard index < count else { break }
            let byte = bytes[index]
            let escape: StaticString?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = breaksAsSpaces ? " " : "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = breaksAsSpaces ? " " : "\\t"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case UInt8(ascii: ">"): escape = "\\u003e"
            case UInt8(ascii: "&"): escape = "\\u0026"
            case 0..<0x20: escape = nil
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                // U+2028 and U+2029 end a line in older JavaScript.
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            if let escape {
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
            } else {
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
            index += width
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(UInt8(ascii: "\""))
    }
}

extension DataNode {
    /// Every value with its kind and position, one string: two readers of the same text must agree on it.
    var outline: String {
        let place = "@\(line):\(column)"
        switch value {
        case .string(let text): return "s\(place)\(text.debugDescription)"
        case .int(let number): return "i\(place)\(number)"
        case .double(let number): return "d\(place)\(number)"
        case .bool(let flag): return "b\(place)\(flag)"
        case .null: return "n\(place)"
        case .list(let items): return "[\(place)" + items.map(\.outline).joined(separator: ",") + "]"
        case .map(let entries):
            return "{\(place)" + entries.map { "\($0.key.debugDescription):\($0.node.outline)" }.joined(separator: ",") + "}"
        }
    }
}
