import CCmark

/// GFM's extended autolinks (a bare `https://…`, `http://…` or `www.…` becomes a link) and
/// `~~strikethrough~~`, applied to the text nodes of cmark's tree: code spans and code blocks are not
/// text nodes, and text inside links and images is left alone.
enum InlineExtensions {
    static func run(on document: CmarkNode) {
        let texts = collectNodes(in: document).filter { $0.type == CMARK_NODE_TEXT }
        var parents: [CmarkNode] = []
        var seen = Set<OpaquePointer>()
        for text in texts {
            if let parent = text.parent, seen.insert(parent.pointer).inserted { parents.append(parent) }
            if !isInsideLink(text) { linkify(text) }
        }
        for parent in parents { strikethrough(in: parent) }
    }

    private static func isInsideLink(_ node: CmarkNode) -> Bool {
        var ancestor = node.parent
        while let current = ancestor {
            if current.type == CMARK_NODE_LINK || current.type == CMARK_NODE_IMAGE { return true }
            if current.type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue { return false }
            ancestor = current.parent
        }
        return false
    }

    // MARK: Autolinks

    private static func linkify(_ text: CmarkNode) {
        guard let literal = text.literal, literal.containsBytes("www.") || literal.containsBytes("http") else { return }
        let bytes = Array(literal.utf8)
        var pieces: [(range: Range<Int>, isLink: Bool)] = []
        var plainStart = 0
        var index = 0
        while index < bytes.count {
            if let end = autolinkEnd(bytes, at: index) {
                if plainStart < index { pieces.append((plainStart..<index, false)) }
                pieces.append((index..<end, true))
                index = end
                plainStart = end
            } else {
                index += 1
            }
        }
        guard pieces.contains(where: \.isLink) else { return }
        if plainStart < bytes.count { pieces.append((plainStart..<bytes.count, false)) }
        for piece in pieces {
            let string = String(decoding: bytes[piece.range], as: UTF8.self)
            let node = CmarkNode.make(CMARK_NODE_TEXT)
            node.literal = string
            if piece.isLink {
                let link = CmarkNode.make(CMARK_NODE_LINK)
                link.url = string.hasPrefix("www.") ? "http://" + string : string
                link.append(node)
                text.insertBefore(link)
            } else {
                text.insertBefore(node)
            }
        }
        cmark_node_unlink(text.pointer)
        cmark_node_free(text.pointer)
    }

    /// The end of an extended autolink starting at `start`, if one does.
    private static func autolinkEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        // Only at the start of the text, after a space, or after `*`, `_`, `~` or `(`.
        if start > 0 {
            let before = bytes[start - 1]
            guard
                isSpace(before) || before == UInt8(ascii: "*") || before == UInt8(ascii: "_")
                    || before == UInt8(ascii: "~") || before == UInt8(ascii: "(")
            else { return nil }
        }
        var index: Int
        if hasPrefix(bytes, "www.", at: start) {
            index = start
        } else if hasPrefix(bytes, "https://", at: start) {
            index = start + 8
        } else if hasPrefix(bytes, "http://", at: start) {
            index = start + 7
        } else {
            return nil
        }
        // A valid domain: segments of letters, digits, `_` and `-` with at least one period,
        // and no underscore in the last two segments.
        var segments: [(hasUnderscore: Bool, length: Int)] = [(false, 0)]
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if index + 1 < bytes.count, isDomainByte(bytes[index + 1]) {
                    segments.append((false, 0))
                    index += 1
                    continue
                }
                break
            }
            guard isDomainByte(byte) else { break }
            segments[segments.count - 1].length += 1
            if byte == UInt8(ascii: "_") { segments[segments.count - 1].hasUnderscore = true }
            index += 1
        }
        guard segments.count >= 2, segments.allSatisfy({ $0.length > 0 }),
            !segments.suffix(2).contains(where: \.hasUnderscore)
        else { return nil }
        // The path: anything up to a space or `<`.
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "<") { index += 1 }
        return trimTrailing(bytes, start: start, end: index)
    }

    /// Drops trailing punctuation, an unmatched `)` and an entity-like `&name;` from the end of a link.
    private static func trimTrailing(_ bytes: [UInt8], start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opens = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closes = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                guard closes > opens else { break }
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var ampersand = end - 2
                while ampersand > start, isAlphanumeric(bytes[ampersand]) { ampersand -= 1 }
                guard ampersand > start, bytes[ampersand] == UInt8(ascii: "&"), ampersand < end - 2 else { break }
                end = ampersand
            } else {
                break
            }
        }
        return end
    }

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: String, at start: Int) -> Bool {
        let prefixBytes = Array(prefix.utf8)
        guard start + prefixBytes.count <= bytes.count else { return false }
        return bytes[start..<(start + prefixBytes.count)].elementsEqual(prefixBytes)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte >= 0x80
    }

    // MARK: Strikethrough

    private struct Delimiter {
        var node: CmarkNode
        /// Byte offset of the `~~` in the node's text.
        var offset: Int
        var canOpen: Bool
        var canClose: Bool
    }

    /// Pairs `~~` runs among the inline children of `parent` (a run of one or of three or more tildes is
    /// text) and wraps what lies between a pair in `<del>`.
    private static func strikethrough(in parent: CmarkNode) {
        var delimiters: [Delimiter] = []
        for child in parent.children where child.type == CMARK_NODE_TEXT {
            guard let literal = child.literal, literal.containsBytes("~~") else { continue }
            let bytes = Array(literal.utf8)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "~") else {
                    index += 1
                    continue
                }
                var run = index
                while run < bytes.count, bytes[run] == UInt8(ascii: "~") { run += 1 }
                if run - index == 2 {
                    let before: UInt8? =
                        index > 0 ? bytes[index - 1] : (child.previous.map { isBreak($0) ? UInt8(ascii: " ") : UInt8(ascii: "x") })
                    let after: UInt8? =
                        run < bytes.count ? bytes[run] : (child.next.map { isBreak($0) ? UInt8(ascii: " ") : UInt8(ascii: "x") })
                    let canOpen = after.map { !isSpace($0) } ?? false
                    let canClose = before.map { !isSpace($0) } ?? false
                    if canOpen || canClose {
                        delimiters.append(Delimiter(node: child, offset: index, canOpen: canOpen, canClose: canClose))
                    }
                }
                index = run
            }
        }
        guard delimiters.count >= 2 else { return }
        var stack: [Int] = []
        var pairs: [(open: Int, close: Int)] = []
        for (index, delimiter) in delimiters.enumerated() {
            if delimiter.canClose, let open = stack.popLast() {
                pairs.append((open, index))
            } else if delimiter.canOpen {
                stack.append(index)
            }
        }
        guard !pairs.isEmpty else { return }
        // Split the text nodes so every paired run is a node of its own.
        var markers: [Int: CmarkNode] = [:]
        let paired = Set(pairs.flatMap { [$0.open, $0.close] })
        var byNode: [OpaquePointer: [Int]] = [:]
        var order: [CmarkNode] = []
        for index in paired.sorted() {
            let node = delimiters[index].node
            if byNode[node.pointer] == nil { order.append(node) }
            byNode[node.pointer, default: []].append(index)
        }
        for node in order {
            let bytes = Array((node.literal ?? "").utf8)
            var cursor = 0
            for index in byNode[node.pointer] ?? [] {
                let offset = delimiters[index].offset
                if cursor < offset { node.insertBefore(textNode(bytes[cursor..<offset])) }
                let marker = textNode(bytes[offset..<(offset + 2)])
                node.insertBefore(marker)
                markers[index] = marker
                cursor = offset + 2
            }
            if cursor < bytes.count { node.insertBefore(textNode(bytes[cursor...])) }
            cmark_node_unlink(node.pointer)
            cmark_node_free(node.pointer)
        }
        // Inner pairs close first, so their `<del>` is moved whole into an outer one.
        for pair in pairs {
            guard let open = markers[pair.open], let close = markers[pair.close] else { continue }
            let del = CmarkNode.custom(CMARK_NODE_CUSTOM_INLINE, enter: "<del>", exit: "</del>")
            open.insertBefore(del)
            while let sibling = open.next, sibling != close {
                cmark_node_unlink(sibling.pointer)
                del.append(sibling)
            }
            cmark_node_unlink(open.pointer)
            cmark_node_free(open.pointer)
            cmark_node_unlink(close.pointer)
            cmark_node_free(close.pointer)
        }
    }

    private static func isBreak(_ node: CmarkNode) -> Bool {
        node.type == CMARK_NODE_SOFTBREAK || node.type == CMARK_NODE_LINEBREAK
    }

    private static func textNode(_ bytes: ArraySlice<UInt8>) -> CmarkNode {
        let node = CmarkNode.make(CMARK_NODE_TEXT)
        node.literal = String(decoding: bytes, as: UTF8.self)
        return node
    }
}
