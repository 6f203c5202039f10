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
        var out = ""
        appendJSON(to: &out)
        return out
    }

    private func appendJSON(to out: inout String) {
        switch value {
        case .string(let s): out += JSONText.quote(s)
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.appendJSON(to: &out)
            }
            out += "]"
        case .map(let entries):
            out += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { out += "," }
                out += JSONText.quote(entry.key) + ":"
                entry.node.appendJSON(to: &out)
            }
            out += "}"
        }
    }
}

enum JSONText {
    /// A JSON string literal that is also safe inside an HTML `<script>` element.
    /// Works on bytes: the search index quotes the text of every page.
    static func quote(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in older JavaScript.
                pending = [byte]
                if let second = utf8.next() { pending.append(second) }
                if let third = utf8.next() { pending.append(third) }
                if pending.count == 3, pending[1] == 0x80, pending[2] == 0xA8 || pending[2] == 0xA9 {
                    out += Array((pending[2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    out += pending
                }
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
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
