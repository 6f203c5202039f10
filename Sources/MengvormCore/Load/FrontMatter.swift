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
        guard utf8.starts(with: "---".utf8) else {
            var split = Split(yaml: "", body: Substring(text), bodyLine: 1, hasFrontMatter: false)
            let firstLine = utf8.prefix(while: { $0 != UInt8(ascii: "\n") })
            split.isTOML = isLine(firstLine, "+++")
            return split
        }
        // The opening line must be exactly `---` (allowing trailing spaces and CR).
        var index = utf8.index(utf8.startIndex, offsetBy: 3)
        while index < utf8.endIndex, utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: "\r") {
            index = utf8.index(after: index)
        }
        guard index == utf8.endIndex || utf8[index] == UInt8(ascii: "\n") else {
            return Split(yaml: "", body: Substring(text), bodyLine: 1, hasFrontMatter: false)
        }
        let yamlStart = index == utf8.endIndex ? index : utf8.index(after: index)
        var lineStart = yamlStart
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isClosingLine(utf8[lineStart..<lineEnd]) {
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return Split(yaml: text[yamlStart..<lineStart], body: text[bodyStart...], bodyLine: line + 1, hasFrontMatter: true)
            }
            line += 1
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return Split(yaml: text[yamlStart...], body: "", bodyLine: line, hasFrontMatter: true, unclosed: true)
    }

    /// Where the body starts in a file's bytes: after the line that closes a front matter opened on
    /// the first line, as `split` finds it; nil when there is no closed front matter (or it ends the
    /// file without a newline), which `split` then explains.
    static func bodyStart(in bytes: [UInt8]) -> Int? {
        guard bytes.starts(with: "---".utf8) else { return nil }
        var index = 3
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\r") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\n") else { return nil }
        var lineStart = index + 1
        while lineStart < bytes.count {
            guard let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            if isLine(bytes[lineStart..<lineEnd], "---") || isLine(bytes[lineStart..<lineEnd], "...") { return lineEnd + 1 }
            lineStart = lineEnd + 1
        }
        return nil
    }

    private static func isClosingLine(_ line: Substring.UTF8View) -> Bool {
        isLine(line, "---") || isLine(line, "...")
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
