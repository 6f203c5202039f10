/// Splits a Markdown file into its YAML front matter and its body.
enum FrontMatter {
    struct Split {
        /// The YAML between the `---` lines ("" when there is none).
        var yaml: Substring
        /// The Markdown after the closing line.
        var body: Substring
        /// 1-based line of the file on which the body starts.
        var bodyLine: Int
        var hasFrontMatter: Bool
        /// The closing `---` was missing.
        var unclosed = false
        /// The file starts with `+++`: TOML front matter, as Hugo and Zola write it.
        var isTOML = false
    }

    /// What to tell an editor whose page has no YAML front matter.
    static func missingMessage(_ split: Split) -> String {
        guard split.isTOML else {
            return "missing front matter: start the file with a line `---`, then `title: …`, then `---`"
        }
        return "this page starts with `+++`, TOML front matter, which Mengvorm does not read: write it as YAML between `---` lines, "
            + "with `key: value` instead of `key = value` (`title = \"Je week\"` becomes `title: Je week`, `tags = [\"a\", \"b\"]` becomes `tags: [a, b]`)"
    }

    static func split(_ text: String) -> Split {
        let utf8 = text.utf8
        guard let found = bounds(in: utf8) else {
            var split = Split(yaml: "", body: Substring(text), bodyLine: 1, hasFrontMatter: false)
            split.isTOML = isLine(utf8.prefix(while: { $0 != UInt8(ascii: "\n") }), "+++")
            return split
        }
        guard let closing = found.closing else {
            return Split(yaml: text[found.yamlStart...], body: "", bodyLine: found.lines, hasFrontMatter: true, unclosed: true)
        }
        return Split(
            yaml: text[found.yamlStart..<closing.start], body: text[closing.bodyStart...], bodyLine: closing.bodyLine, hasFrontMatter: true)
    }

    /// Where the body starts in a file's bytes: after the line that closes the front matter, as `split`
    /// finds it; nil when there is no closed front matter, which `split` then explains.
    static func bodyStart(in bytes: [UInt8]) -> Int? {
        bounds(in: bytes)?.closing?.bodyStart
    }

    /// A front matter opened by a first line `---` (trailing spaces and a CR allowed): where its YAML
    /// starts and, when a line `---` or `...` closes it, where that line starts, where the body starts
    /// and the body's 1-based line; else the number of lines plus one. nil without an opening line.
    /// One scan for the text (`split`) and for the bytes of a file (`bodyStart`).
    private static func bounds<Bytes: BidirectionalCollection>(in bytes: Bytes) -> (
        yamlStart: Bytes.Index, closing: (start: Bytes.Index, bodyStart: Bytes.Index, bodyLine: Int)?, lines: Int
    )? where Bytes.Element == UInt8 {
        guard bytes.starts(with: "---".utf8) else { return nil }
        var index = bytes.index(bytes.startIndex, offsetBy: 3)
        while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\r") {
            index = bytes.index(after: index)
        }
        guard index == bytes.endIndex || bytes[index] == UInt8(ascii: "\n") else { return nil }
        let yamlStart = index == bytes.endIndex ? index : bytes.index(after: index)
        var lineStart = yamlStart
        var line = 2
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let next = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
            let content = bytes[lineStart..<lineEnd]
            if isLine(content, "---") || isLine(content, "...") {
                return (yamlStart, (lineStart, next, line + 1), line)
            }
            line += 1
            lineStart = next
        }
        return (yamlStart, nil, line)
    }

    /// `line` is `marker`, allowing trailing spaces and a CR.
    private static func isLine<Bytes: BidirectionalCollection>(_ line: Bytes, _ marker: String) -> Bool where Bytes.Element == UInt8 {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == UInt8(ascii: " ") || line[before] == UInt8(ascii: "\r") else { break }
            end = before
        }
        return line[line.startIndex..<end].elementsEqual(marker.utf8)
    }
}
