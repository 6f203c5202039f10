/// The lines of a Markdown body as bytes, numbered the way cmark numbers them (1-based; a line ends
/// at LF, CR LF or a lone CR), so block positions from the tree can be looked up in the source.
struct SourceLines {
    private let bytes: [UInt8]
    /// Start and end (exclusive, without the line ending) of every line.
    private var ranges: [Range<Int>] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                ranges.append(start..<index)
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
    }

    var count: Int { ranges.count }

    /// Line `number` (1-based) without its line ending; empty outside the text.
    subscript(number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= ranges.count else { return [] }
        return bytes[ranges[number - 1]]
    }

    /// Single-line link reference definitions (`[naam]: https://…`), which cells parsed apart need to see.
    var referenceDefinitions: [String] {
        var result: [String] = []
        for range in ranges {
            var line = bytes[range]
            var indent = 0
            while indent < 3, line.first == UInt8(ascii: " ") {
                line = line.dropFirst()
                indent += 1
            }
            guard line.first == UInt8(ascii: "["), let close = line.firstIndex(of: UInt8(ascii: "]")),
                close + 1 < line.endIndex, line[close + 1] == UInt8(ascii: ":")
            else { continue }
            result.append(String(decoding: line, as: UTF8.self))
        }
        return result
    }
}
