import CCmark

/// The HTML of a table: a scrolling, labelled wrapper, header and body rows, and each cell's inline
/// Markdown parsed by cmark and moved into the page's tree.
extension TableBuilder {
    mutating func makeTable(header: [Cell], alignments: [Alignment], rows: [[Cell]]) -> CmarkNode {
        // Every body row has as many cells as the header: missing ones are empty, extra ones dropped.
        let body = rows.map { row in
            (0..<header.count).map { index in index < row.count ? row[index] : Cell(text: "", line: 0, column: 0) }
        }
        var all = header
        for row in body { all.append(contentsOf: row) }
        let contents = parseCells(all)
        // The label names the first columns as a reader sees them (`**Bedrag**` is "Bedrag").
        let names = contents.prefix(min(3, header.count)).map { nodes in
            var bytes: [UInt8] = []
            for node in nodes { node.appendPlainText(to: &bytes) }
            return String(decoding: bytes, as: UTF8.self).trimmingSpaces
        }.filter { !$0.isEmpty }.joined(separator: ", ")
        let accessibleName = escapeHTML(names.isEmpty ? label : "\(label): \(names)")
        let table = CmarkNode.custom(
            CMARK_NODE_CUSTOM_BLOCK,
            enter: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(accessibleName)\">\n<table>",
            exit: "</table>\n</div>")
        for index in all.indices {
            let column = index % header.count
            let rowIndex = index / header.count
            let isHeader = rowIndex == 0
            var enter = ""
            var exit = isHeader ? "</th>\n" : "</td>\n"
            if column == 0 {
                if rowIndex == 0 { enter += "<thead>\n" }
                if rowIndex == 1 { enter += "<tbody>\n" }
                enter += "<tr>\n"
            }
            let align = alignments[column]
            let alignClass = align == .none ? "" : " class=\"align-\(align)\""
            enter += isHeader ? "<th scope=\"col\"\(alignClass)>" : "<td\(alignClass)>"
            if column == header.count - 1 {
                exit += "</tr>\n"
                if rowIndex == 0 { exit += "</thead>\n" }
                if rowIndex == body.count, rowIndex > 0 { exit += "</tbody>\n" }
            }
            let node = CmarkNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: enter, exit: exit)
            for inline in contents[index] {
                node.append(inline)
            }
            table.append(node)
        }
        return table
    }

    /// Parses every cell's text in one cmark document (a paragraph per cell, then the page's link reference
    /// definitions, so `[tekst][naam]` works in a cell) and returns each cell's inline nodes, unlinked.
    private mutating func parseCells(_ cells: [Cell]) -> [[CmarkNode]] {
        var text = ""
        var startLines: [Int] = []
        var line = 1
        for cell in cells {
            startLines.append(line)
            text += inlineOnly(cell.text) + "\n\n"
            line += 2
        }
        if cells.contains(where: { $0.text.utf8.contains(UInt8(ascii: "]")) }) {
            if references == nil { references = lines.referenceDefinitions.joined(separator: "\n") }
            text += references ?? ""
        }
        var result = Array(repeating: [CmarkNode](), count: cells.count)
        guard let fragment = parse(text) else { return result }
        defer { cmark_node_free(fragment) }
        var cellByLine: [Int: Int] = [:]
        for (index, start) in startLines.enumerated() { cellByLine[start] = index }
        for block in CmarkNode(fragment).children {
            guard block.type == CMARK_NODE_PARAGRAPH, let index = cellByLine[block.startLine] else { continue }
            let cell = cells[index]
            for inline in collectNodes(in: block) where inline.type == CMARK_NODE_LINK || inline.type == CMARK_NODE_IMAGE {
                positions[inline.pointer] = (cell.line, cell.column + max(inline.startColumn, 1) - 1)
            }
            while let child = block.firstChild {
                cmark_node_unlink(child.pointer)
                result[index].append(child)
            }
        }
        return result
    }

    func parse(_ text: String) -> OpaquePointer? {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
    }

    /// A cell holds inline Markdown only: escapes the first character when the text would otherwise
    /// start a block (`# `, `> `, `- `, `1. `, a rule, a code fence) in the paragraph it is parsed as.
    private func inlineOnly(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return text }
        func followedBySpace(_ index: Int) -> Bool {
            index >= bytes.count || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
        }
        var escape = false
        switch first {
        case UInt8(ascii: ">"):
            escape = true
        case UInt8(ascii: "#"):
            var hashes = 0
            while hashes < bytes.count, bytes[hashes] == UInt8(ascii: "#") { hashes += 1 }
            escape = hashes <= 6 && followedBySpace(hashes)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "_"):
            let marks = bytes.filter { $0 == first }.count
            let isRule =
                first != UInt8(ascii: "+") && marks >= 3
                && bytes.allSatisfy { $0 == first || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            escape = isRule || (first != UInt8(ascii: "_") && followedBySpace(1))
        case UInt8(ascii: "`"), UInt8(ascii: "~"):
            escape = bytes.count >= 3 && bytes[1] == first && bytes[2] == first
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            var digits = 0
            while digits < bytes.count, digits < 10, bytes[digits] >= 0x30, bytes[digits] <= 0x39 { digits += 1 }
            if digits <= 9, digits < bytes.count, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"),
                followedBySpace(digits + 1)
            {
                return String(decoding: bytes[..<digits], as: UTF8.self) + "\\" + String(decoding: bytes[digits...], as: UTF8.self)
            }
        default:
            break
        }
        return escape ? "\\" + text : text
    }
}
