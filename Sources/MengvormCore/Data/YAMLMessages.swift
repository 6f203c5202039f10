/// The YAML mistakes HR editors make most, said in plain words at the line where they were made.
/// libyaml often notices a mistake a line later and in its own terms ("mapping values are not allowed
/// in this context"); these checks read the text itself. libyaml's words follow on a second line.
enum YAMLMessages {
    struct Finding: Equatable {
        var message: String
        /// 1-based, in the YAML text given.
        var line: Int
        var column: Int
    }

    /// The explanation of a libyaml error: a recognised mistake at or before the line libyaml stopped on,
    /// else libyaml's own words. Lines are relative to `text`.
    static func explain(
        problem: String, context: (text: String, line: Int, column: Int)?, line: Int, column: Int,
        in text: String, lineOffset: Int
    ) -> YAMLReader.Failure {
        var libyaml = "invalid YAML: \(problem)"
        if let context { libyaml += " (\(context.text) at line \(context.line + lineOffset))" }
        let lines = YAMLLines(text)
        var candidates: [Finding] = []
        if let found = lines.firstMistake(upTo: line) { candidates.append(found) }
        if let context, let found = lines.unclosed(context: context.text, line: context.line, column: context.column) {
            candidates.append(found)
        }
        if let found = lines.unclosedOnItsLine(upTo: line) { candidates.append(found) }
        if let found = lines.quoteInsideQuotes(upTo: line) { candidates.append(found) }
        if let found = lines.listUnderValue(upTo: line) { candidates.append(found) }
        guard let first = candidates.min(by: { ($0.line, $0.column) < ($1.line, $1.column) }) else {
            return YAMLReader.Failure(message: libyaml, line: line, column: column)
        }
        return YAMLReader.Failure(message: first.message + "\n    (" + libyaml + ")", line: first.line, column: first.column)
    }

    /// Mistakes libyaml accepts without a word but that are never what the editor meant: a whole front matter
    /// read as one text (`title:Geen spatie`), or a list item that became part of the value above it.
    static func mistakeInValidYAML(_ text: String, result: DataNode?) -> Finding? {
        let lines = YAMLLines(text)
        if let result, case .string = result.value, let found = lines.firstMistake(upTo: lines.count) { return found }
        return lines.listUnderValue()
    }
}

/// The lines of a YAML text as characters (libyaml counts columns in code points), with the lines of
/// block scalars (`|` and `>`) marked, since anything may be written there.
struct YAMLLines {
    private var lines: [[Unicode.Scalar]] = []
    private var isBlockText: [Bool] = []

    init(_ text: String) {
        var blockIndent: Int?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var scalars = Array(raw.unicodeScalars)
            if scalars.last == "\r" { scalars.removeLast() }
            let indent = scalars.prefix(while: { $0 == " " }).count
            let blank = scalars.allSatisfy { $0 == " " || $0 == "\t" }
            if let block = blockIndent, blank || indent > block {
                lines.append(scalars)
                isBlockText.append(true)
                continue
            }
            blockIndent = nil
            lines.append(scalars)
            isBlockText.append(false)
            if let last = scalars.lastIndex(where: { $0 != " " }),
                ["|", ">"].contains(scalars[last])
                    || (last > 0 && ["|", ">"].contains(scalars[last - 1]) && ["-", "+"].contains(scalars[last]))
            {
                blockIndent = indent
            }
        }
    }

    var count: Int { lines.count }

    /// The first tab used for indentation or key without a space after its colon, on lines 1...`limit`.
    func firstMistake(upTo limit: Int) -> YAMLMessages.Finding? {
        for (index, line) in lines.enumerated() where index < limit && !isBlockText[index] {
            let number = index + 1
            if let tab = leadingTab(line) {
                return .init(
                    message:
                        "this line is indented with a tab; YAML only allows spaces there: replace the tab by spaces (two for each level)",
                    line: number, column: tab + 1)
            }
            if let colon = colonWithoutSpace(line) {
                let key = String(String.UnicodeScalarView(line[keyStart(line)..<colon]))
                let value = String(String.UnicodeScalarView(line[(colon + 1)...]))
                return .init(
                    message:
                        "put a space after the colon: `\(key): \(value)`; without it YAML reads `\(key):\(value)` as one piece of text, not as a setting",
                    line: number, column: colon + 2)
            }
        }
        return nil
    }

    /// An unclosed quote, `[` or `{`, from libyaml's context ("while scanning a quoted scalar" and so on),
    /// when the line it starts on has no closing one.
    func unclosed(context: String, line: Int, column: Int) -> YAMLMessages.Finding? {
        guard line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1]
        let start = column - 1
        guard start >= 0, start < text.count else { return nil }
        let opener = text[start]
        let rest = text[(start + 1)...]
        switch (context, opener) {
        case ("while scanning a quoted scalar", "\""), ("while scanning a quoted scalar", "'"):
            guard !rest.contains(opener) else { return nil }
            return .init(
                message:
                    "the text that starts with `\(opener)` here is not closed: end it with `\(opener)` on the same line, like `title: \(opener)Je week plannen\(opener)`",
                line: line, column: column)
        case ("while parsing a flow sequence", "["):
            guard !rest.contains("]") else { return nil }
            return .init(
                message:
                    "the list that starts with `[` here is not closed: end it with `]` on the same line, like `tags: [thuiswerken, arbo]`",
                line: line, column: column)
        case ("while parsing a flow mapping", "{"):
            guard !rest.contains("}") else { return nil }
            return .init(
                message: "the `{` here is not closed: end it with `}` on the same line, like `contact: {naam: Jan, team: HR}`",
                line: line, column: column)
        default:
            return nil
        }
    }

    /// A value that opens a quote, `[` or `{` and does not close it on its line (libyaml's context does not
    /// always point there: `title: [` alone is "did not find expected node content" at the end).
    func unclosedOnItsLine(upTo limit: Int) -> YAMLMessages.Finding? {
        for (index, line) in lines.enumerated() where index < limit && !isBlockText[index] {
            let start = keyColon(line).map { $0 + 1 } ?? keyStart(line)
            guard let valueStart = line[start...].firstIndex(where: { $0 != " " }),
                ["\"", "'", "[", "{"].contains(line[valueStart])
            else { continue }
            let contextName: String
            switch line[valueStart] {
            case "[": contextName = "while parsing a flow sequence"
            case "{": contextName = "while parsing a flow mapping"
            default: contextName = "while scanning a quoted scalar"
            }
            if let found = unclosed(context: contextName, line: index + 1, column: valueStart + 1) { return found }
        }
        return nil
    }

    /// `title: 'Auto's'`: an apostrophe inside single-quoted text ends it (and a `"` inside double quotes).
    func quoteInsideQuotes(upTo limit: Int) -> YAMLMessages.Finding? {
        for (index, line) in lines.enumerated() where index < limit && !isBlockText[index] {
            guard let colon = keyColon(line), let valueStart = line[(colon + 1)...].firstIndex(where: { $0 != " " }) else { continue }
            let quote = line[valueStart]
            guard quote == "'" || quote == "\"" else { continue }
            var position = valueStart + 1
            while position < line.count {
                if quote == "\"", line[position] == "\\" {
                    position += 2
                    continue
                }
                if line[position] == quote {
                    if quote == "'", position + 1 < line.count, line[position + 1] == "'" {
                        position += 2
                        continue
                    }
                    let after = line[(position + 1)...].drop(while: { $0 == " " })
                    guard let next = after.first, next != "#" else { break }
                    let fix =
                        quote == "'"
                        ? "write the apostrophe twice (`''`), or leave out the quotes around the text"
                        : "write it as `\\\"`, or put the text between single quotes"
                    return .init(
                        message: "the `\(quote)` here ends the text that started with `\(quote)`; to keep it in the text, \(fix)",
                        line: index + 1, column: position + 1)
                }
                position += 1
            }
        }
        return nil
    }

    /// `tags: thuiswerk` followed by `  - arbo`: a key with a value on its line and list items under it.
    func listUnderValue(upTo limit: Int = .max) -> YAMLMessages.Finding? {
        var previous: (index: Int, colon: Int, indent: Int)?
        for (index, line) in lines.enumerated() where index < limit && !isBlockText[index] {
            let indent = line.prefix(while: { $0 == " " }).count
            let content = line[indent...]
            if content.isEmpty || content.first == "#" { continue }
            if content.first == "-", content.count == 1 || content[content.startIndex + 1] == " ",
                let key = previous, indent >= key.indent
            {
                let keyLine = lines[key.index]
                let valueStart = keyLine[(key.colon + 1)...].firstIndex(where: { $0 != " " }) ?? key.colon + 1
                let name = String(String.UnicodeScalarView(keyLine[keyStart(keyLine)..<key.colon]))
                let value = String(String.UnicodeScalarView(keyLine[valueStart...]))
                return .init(
                    message:
                        "`\(name)` has a value on this line and also a list under it: move `\(value)` into the list as `- \(value)` and leave `\(name):` alone on its line, or write the list on one line: `\(name): [\(value), …]`",
                    line: key.index + 1, column: valueStart + 1)
            }
            previous = nil
            if let colon = keyColon(line), let valueStart = line[(colon + 1)...].firstIndex(where: { $0 != " " }),
                !["|", ">", "&", "#", "[", "{", "*"].contains(line[valueStart])
            {
                // The key's own column: under `- naam: Jan` a next `- naam: Piet` is a sibling, not a mistake.
                previous = (index, colon, keyStart(line))
            }
        }
        return nil
    }

    // MARK: Pieces of a line

    private func leadingTab(_ line: [Unicode.Scalar]) -> Int? {
        for (index, scalar) in line.enumerated() {
            if scalar == "\t" { return line[index...].contains(where: { $0 != " " && $0 != "\t" }) ? index : nil }
            if scalar != " " { return nil }
        }
        return nil
    }

    /// Where a key starts: after the indentation and a list dash.
    private func keyStart(_ line: [Unicode.Scalar]) -> Int {
        var index = line.prefix(while: { $0 == " " }).count
        if index + 1 < line.count, line[index] == "-", line[index + 1] == " " {
            index += 2
            while index < line.count, line[index] == " " { index += 1 }
        }
        return index
    }

    /// The colon after a key written as a plain word (`title`, `review_by`, `- naam`), if the line has one.
    private func keyEnd(_ line: [Unicode.Scalar]) -> Int? {
        let start = keyStart(line)
        var index = start
        while index < line.count,
            line[index].properties.isAlphabetic || ("0"..."9").contains(line[index]) || line[index] == "_" || line[index] == "-"
        {
            index += 1
        }
        guard index > start, index < line.count, line[index] == ":", line[start] != "-" else { return nil }
        return index
    }

    /// The colon of `key: value` or `key:` at the end of the line.
    private func keyColon(_ line: [Unicode.Scalar]) -> Int? {
        guard let colon = keyEnd(line), colon + 1 == line.count || line[colon + 1] == " " else { return nil }
        return colon
    }

    /// The colon of `key:value`, where a space is missing (not `http://`, not `key::`).
    private func colonWithoutSpace(_ line: [Unicode.Scalar]) -> Int? {
        guard let colon = keyEnd(line), colon + 1 < line.count else { return nil }
        let next = line[colon + 1]
        guard next != " ", next != "\t", next != "/", next != ":" else { return nil }
        return colon
    }
}
