import CCmark

/// GFM pipe tables (libcmark has no table extension): a paragraph whose first line is a header row and
/// whose second line is a delimiter row (`| --- | :-: |`) is read again from the source lines and
/// replaced by a table. Cells are parsed by cmark as inline Markdown and moved into the tree, so links
/// and images in cells go through the same transforms as any other.
struct TableBuilder {
    enum Alignment { case none, left, center, right }

    let lines: SourceLines
    let options: Int32
    /// The accessible name of the scrolling wrapper, before the header texts ("Tabel: Jaar, Bedrag").
    let label: String
    /// Positions in the source of the link and image nodes moved in from cells (cmark's are relative to the cell).
    var positions: [OpaquePointer: (line: Int, column: Int)] = [:]
    /// The page's link reference definitions, read once for the cells that need them.
    var references: String?

    init(lines: SourceLines, options: Int32, label: String) {
        self.lines = lines
        self.options = options
        self.label = label
    }

    /// A line of a block with its container markers (`> `, list indentation) removed.
    struct Line {
        var text: ArraySlice<UInt8>
        var number: Int
        /// 1-based column of `text`'s first byte in the source line.
        var column: Int
    }

    struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    mutating func run(on document: CmarkNode) {
        // Only paragraphs and headings, none inside another: replacing one frees its inlines, not a candidate.
        let candidates = collectNodes(in: document).filter { $0.type == CMARK_NODE_PARAGRAPH || $0.type == CMARK_NODE_HEADING }
        for node in candidates {
            switch node.type {
            case CMARK_NODE_PARAGRAPH:
                tryTable(node, setextUnderline: nil)
            case CMARK_NODE_HEADING where node.endLine > node.startLine:
                // A setext heading (`===` or `---` under the text) that starts with a table: cmark-gfm ends the
                // table's rows at `---` (a thematic break) and keeps `===` as a row.
                guard let last = strippedLine(node.endLine, of: node, first: false) else { continue }
                let underline = last.text.first(where: { $0 != UInt8(ascii: " ") })
                tryTable(node, setextUnderline: underline)
            default:
                break
            }
        }
    }

    private mutating func tryTable(_ node: CmarkNode, setextUnderline: UInt8?) {
        var start = node.startLine
        let end = node.endLine
        guard start > 0, end > start else { return }
        // A table right under a callout's `[!NOTE]` line: the marker stays a paragraph of its own.
        var marker: ArraySlice<UInt8>?
        if node.parent?.type == CMARK_NODE_BLOCK_QUOTE, node.previous == nil, let first = strippedLine(start, of: node, first: true),
            isCalloutMarker(first.text)
        {
            marker = first.text
            start += 1
            guard end > start else { return }
        }
        guard lines[start].contains(UInt8(ascii: "|")) || lines[start + 1].contains(UInt8(ascii: "|")) else { return }
        guard let header = strippedLine(start, of: node, first: marker == nil),
            let delimiterLine = strippedLine(start + 1, of: node, first: false),
            let alignments = delimiterRow(delimiterLine.text)
        else { return }
        let headerCells = cells(of: header)
        guard headerCells.count == alignments.count, !headerCells.isEmpty else { return }

        // Rows run to the end of the block, or to the first line that would start another block after a
        // table row (but not after a paragraph line, so cmark kept it in the paragraph).
        let lastRowLine = setextUnderline == UInt8(ascii: "-") ? end - 1 : end
        var rows: [[Cell]] = []
        var remainder: [Line] = []
        var number = start + 2
        while number <= lastRowLine {
            guard let line = strippedLine(number, of: node, first: false) else { break }
            if !remainder.isEmpty || startsBlockAfterTable(line.text) {
                remainder.append(line)
            } else {
                rows.append(cells(of: line))
            }
            number += 1
        }
        // A lazy line (without the quote's `>`) ends the table: tables do not benefit from laziness.
        while number <= lastRowLine {
            remainder.append(strippedLine(number, of: node, first: false) ?? Line(text: lines[number], number: number, column: 1))
            number += 1
        }

        let table = makeTable(header: headerCells, alignments: alignments, rows: rows)
        node.insertBefore(table)
        if let marker {
            let paragraph = CmarkNode.make(CMARK_NODE_PARAGRAPH)
            let text = CmarkNode.make(CMARK_NODE_TEXT)
            text.literal = String(decoding: marker, as: UTF8.self)
            paragraph.append(text)
            table.insertBefore(paragraph)
        }
        var after = table
        if !remainder.isEmpty, let fragment = parse(remainder.map { String(decoding: $0.text, as: UTF8.self) }.joined(separator: "\n")) {
            let blocks = CmarkNode(fragment)
            for inline in collectNodes(in: blocks) where inline.type == CMARK_NODE_LINK || inline.type == CMARK_NODE_IMAGE {
                let index = min(max(inline.startLine - 1, 0), remainder.count - 1)
                positions[inline.pointer] = (remainder[index].number, remainder[index].column + max(inline.startColumn, 1) - 1)
            }
            while let child = blocks.firstChild {
                cmark_node_unlink(child.pointer)
                after.insertAfter(child)
                after = child
            }
            cmark_node_free(fragment)
        }
        if setextUnderline == UInt8(ascii: "-") { after.insertAfter(.make(CMARK_NODE_THEMATIC_BREAK)) }
        cmark_node_unlink(node.pointer)
        cmark_node_free(node.pointer)
    }

    // MARK: Reading rows

    /// Line `number` of `node` without the markers of the quotes and list items around it; nil for a lazy
    /// continuation line, which lacks them.
    private func strippedLine(_ number: Int, of node: CmarkNode, first: Bool) -> Line? {
        let raw = lines[number]
        if first {
            let skip = min(max(node.startColumn - 1, 0), raw.count)
            return Line(text: raw.dropFirst(skip), number: number, column: skip + 1)
        }
        var containers: [CmarkNode] = []
        var ancestor = node.parent
        while let current = ancestor, current.type != CMARK_NODE_DOCUMENT {
            containers.append(current)
            ancestor = current.parent
        }
        var position = raw.startIndex
        for container in containers.reversed() {
            switch container.type {
            case CMARK_NODE_BLOCK_QUOTE:
                var spaces = 0
                while spaces < 3, position < raw.endIndex, raw[position] == UInt8(ascii: " ") {
                    position += 1
                    spaces += 1
                }
                guard position < raw.endIndex, raw[position] == UInt8(ascii: ">") else { return nil }
                position += 1
                if position < raw.endIndex, raw[position] == UInt8(ascii: " ") { position += 1 }
            case CMARK_NODE_ITEM:
                let contentColumn = container.firstChild?.startColumn ?? 1
                while position - raw.startIndex < contentColumn - 1 {
                    guard position < raw.endIndex, raw[position] == UInt8(ascii: " ") else { return nil }
                    position += 1
                }
            default:
                break
            }
        }
        return Line(text: raw[position...], number: number, column: position - raw.startIndex + 1)
    }

    /// `[!NOTE]` and the like, alone on the line.
    private func isCalloutMarker(_ text: ArraySlice<UInt8>) -> Bool {
        var trimmed = text
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed = trimmed.dropLast() }
        guard trimmed.starts(with: "[!".utf8), trimmed.last == UInt8(ascii: "]") else { return false }
        let name = String(decoding: trimmed.dropFirst(2).dropLast(), as: UTF8.self).lowercased()
        return CalloutKind(rawValue: name) != nil
    }

    /// The alignment of each column, or nil when the line is not a delimiter row.
    private func delimiterRow(_ text: ArraySlice<UInt8>) -> [Alignment]? {
        let parts = split(text)
        guard !parts.isEmpty else { return nil }
        var result: [Alignment] = []
        for part in parts {
            let cell = part.text
            guard let first = cell.first, let last = cell.last else { return nil }
            let inner = cell.dropFirst(first == UInt8(ascii: ":") ? 1 : 0).dropLast(last == UInt8(ascii: ":") && cell.count > 1 ? 1 : 0)
            guard !inner.isEmpty, inner.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            switch (first == UInt8(ascii: ":"), last == UInt8(ascii: ":") && cell.count > 1) {
            case (true, true): result.append(.center)
            case (true, false): result.append(.left)
            case (false, true): result.append(.right)
            case (false, false): result.append(.none)
            }
        }
        return result
    }

    private func cells(of line: Line) -> [Cell] {
        split(line.text).map { part in
            Cell(text: String(decoding: unescapePipes(part.text), as: UTF8.self), line: line.number, column: line.column + part.offset)
        }
    }

    /// Splits a row at its unescaped pipes (a pipe after a backslash is text, even in a code span),
    /// dropping one leading and one trailing pipe; cells are trimmed. Offsets are from `text`'s start.
    private func split(_ text: ArraySlice<UInt8>) -> [(text: ArraySlice<UInt8>, offset: Int)] {
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = text.startIndex
        var end = text.endIndex
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        guard start < end else { return [] }
        if text[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, text[end - 1] == UInt8(ascii: "|"), end - 2 < start || text[end - 2] != UInt8(ascii: "\\") { end -= 1 }
        var parts: [(ArraySlice<UInt8>, Int)] = []
        var cellStart = start
        var index = start
        func close(at cellEnd: Int) {
            var a = cellStart
            var b = cellEnd
            while a < b, isSpace(text[a]) { a += 1 }
            while b > a, isSpace(text[b - 1]) { b -= 1 }
            parts.append((text[a..<b], a - text.startIndex))
        }
        while index < end {
            if text[index] == UInt8(ascii: "\\"), index + 1 < end, text[index + 1] == UInt8(ascii: "|") {
                index += 2
                continue
            }
            if text[index] == UInt8(ascii: "|") {
                close(at: index)
                cellStart = index + 1
            }
            index += 1
        }
        close(at: end)
        return parts
    }

    private func unescapePipes(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "\\"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "|") {
                index += 1
                continue
            }
            out.append(text[index])
            index += 1
        }
        return out
    }

    /// Lines that cmark keeps in a paragraph but that start a block after a table row: an ordered list
    /// item not numbered 1, an empty list item, or text indented four spaces (code).
    private func startsBlockAfterTable(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        var spaces = 0
        while index < text.endIndex, text[index] == UInt8(ascii: " ") {
            index += 1
            spaces += 1
        }
        if spaces >= 4 { return true }
        guard index < text.endIndex else { return false }
        let rest = text[index...]
        if rest.count == 1, [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*")].contains(rest[index]) { return true }
        var digits = index
        while digits < text.endIndex, digits - index < 9, text[digits] >= 0x30, text[digits] <= 0x39 { digits += 1 }
        if digits > index, digits < text.endIndex, text[digits] == UInt8(ascii: ".") || text[digits] == UInt8(ascii: ")") {
            let atEnd = digits + 1 == text.endIndex
            if atEnd || text[digits + 1] == UInt8(ascii: " ") { return true }
        }
        return false
    }
}

extension TableBuilder.Alignment: CustomStringConvertible {
    var description: String {
        switch self {
        case .none: return ""
        case .left: return "left"
        case .center: return "center"
        case .right: return "right"
        }
    }
}
