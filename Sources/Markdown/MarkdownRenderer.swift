import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// Turns one Markdown body into HTML with libcmark, applying the site's transforms on the
/// syntax tree: GFM tables, callouts, autolinks and strikethrough, heading ids, task lists, link
/// rewriting, images and components.
public struct MarkdownRenderer {
    /// Raw HTML and `javascript:` links are dropped unless this is set (libcmark's safe mode).
    public var allowsUnsafeHTML: Bool
    /// Decides what happens to each link and image destination.
    public var resolveLink: (LinkReference) -> LinkDecision
    /// Decides whether a fenced block is a component and renders it.
    public var renderComponent: (ComponentBlock) -> ComponentDecision
    /// Whether `MarkdownDocument.plainText` is wanted (for search); skipping it saves a walk.
    public var collectsText = true
    /// What ends a paragraph or heading in `plainText`: a line break, or a space for text kept on one
    /// line (the search index, whose quoting stopped at every line break: 100 times a page).
    public var textBlockBreak = UInt8(ascii: "\n")
    /// The visible titles of callouts (`> [!NOTE]`) in the page's language; English when missing.
    public var calloutLabels: [CalloutKind: String] = [:]
    /// The accessible name of a table's scrolling wrapper, followed by its first column headers.
    public var tableLabel = "Table"
    /// The width and height of a local image, by its destination as written; nil when unknown.
    public var imageSize: (LinkReference) -> ImageSize? = { _ in nil }
    /// Images in the first this many top-level blocks load at once; later ones get `loading="lazy"`.
    public var eagerImageBlocks = 2

    public init(
        allowsUnsafeHTML: Bool = false,
        resolveLink: @escaping (LinkReference) -> LinkDecision = { _ in .keep },
        renderComponent: @escaping (ComponentBlock) -> ComponentDecision = { _ in .codeBlock }
    ) {
        self.allowsUnsafeHTML = allowsUnsafeHTML
        self.resolveLink = resolveLink
        self.renderComponent = renderComponent
    }

    /// Renders `source`; positions in the result are 1-based lines of `source` plus `lineOffset`.
    public func render(_ source: String, lineOffset: Int = 0) -> MarkdownDocument {
        let options = allowsUnsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var text = source
        let parsed = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let documentPointer = parsed else {
            return MarkdownDocument()
        }
        defer { cmark_node_free(documentPointer) }
        let document = CmarkNode(documentPointer)

        // GFM extensions first, so the transforms below see their links, images and headings. Each walks
        // the tree only when the text has its marker: most pages have none of them.
        var positions: [OpaquePointer: (line: Int, column: Int)] = [:]
        let markers = ExtensionMarkers(text)
        if markers.pipe {
            var tables = TableBuilder(lines: SourceLines(source), options: options, label: tableLabel)
            tables.run(on: document)
            positions = tables.positions
        }
        let hasCallout = markers.callout
        let hasInlineExtension = markers.tildes || markers.address
        if hasCallout || hasInlineExtension {
            // cmark splits text at `[`, `!` and entities; the checks below read whole runs of text.
            cmark_consolidate_text_nodes(documentPointer)
        }
        if hasCallout { CalloutBuilder(labels: calloutLabels).run(on: document) }
        if hasInlineExtension { InlineExtensions.run(on: document) }

        var pass = TransformPass(renderer: self, lineOffset: lineOffset, positions: positions)
        pass.run(on: collectNodes(in: document))

        let plain = collectsText ? readableText(of: document, blockBreak: textBlockBreak) : []
        // Kept as bytes: the input was valid UTF-8, and so is what cmark writes from it.
        let htmlPointer = cmark_render_html(documentPointer, options)
        let html = htmlPointer.map { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) } ?? []
        free(htmlPointer)
        return MarkdownDocument(
            htmlBytes: html,
            headings: pass.headings,
            taskCount: pass.taskCount,
            plainTextBytes: plain,
            issues: pass.issues
        )
    }
}

/// Readable text with `blockBreak` (a line break) after each block, so words of adjacent blocks stay
/// apart. Iterative, like every walk here: a list may nest ten thousand levels deep.
private func readableText(of root: CmarkNode, blockBreak: UInt8) -> [UInt8] {
    var bytes: [UInt8] = []
    guard let iterator = cmark_iter_new(root.pointer) else { return [] }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard let raw = cmark_iter_get_node(iterator) else { continue }
        let node = CmarkNode(raw)
        if event == CMARK_EVENT_ENTER {
            node.appendOwnText(to: &bytes)
        } else if node.type == CMARK_NODE_CUSTOM_INLINE, node.parent?.type == CMARK_NODE_CUSTOM_BLOCK {
            // A table cell: keep the words of neighbouring cells apart.
            bytes.append(UInt8(ascii: " "))
        } else if node.type == CMARK_NODE_PARAGRAPH || node.type == CMARK_NODE_HEADING {
            bytes.append(blockBreak)
        } else if node.type == CMARK_NODE_CUSTOM_BLOCK, (node.firstChild?.type.rawValue ?? 0) >= CMARK_NODE_FIRST_INLINE.rawValue {
            // A heading wrapped for its id.
            bytes.append(blockBreak)
        }
    }
    return bytes
}

/// One walk over a parsed tree; collects first, then changes the tree.
private struct TransformPass {
    let renderer: MarkdownRenderer
    let lineOffset: Int
    /// Source positions of nodes cmark parsed apart (table cells), by node.
    let positions: [OpaquePointer: (line: Int, column: Int)]
    var headings: [Heading] = []
    var issues: [MarkdownIssue] = []
    var taskCount = 0
    private var headingIDs = HeadingID.Allocator()
    private var taskIDs = HeadingID.Allocator()

    init(renderer: MarkdownRenderer, lineOffset: Int, positions: [OpaquePointer: (line: Int, column: Int)] = [:]) {
        self.renderer = renderer
        self.lineOffset = lineOffset
        self.positions = positions
    }

    mutating func run(on nodes: [CmarkNode]) {
        var headingNodes: [CmarkNode] = []
        var codeBlocks: [CmarkNode] = []
        var taskItems: [(item: CmarkNode, text: CmarkNode, checked: Bool)] = []
        var images: [(node: CmarkNode, reference: LinkReference, block: Int)] = []
        var lastBlockLine = 1
        var topLevelBlock = -1
        for node in nodes {
            let known = positions.isEmpty ? nil : positions[node.pointer]
            let line = known?.line ?? node.startLine
            if line > 0 { lastBlockLine = line }
            if node.parent?.type == CMARK_NODE_DOCUMENT { topLevelBlock += 1 }
            switch node.type {
            case CMARK_NODE_HEADING:
                headingNodes.append(node)
            case CMARK_NODE_IMAGE:
                let reference = LinkReference(
                    destination: node.url ?? "", line: (line > 0 ? line : lastBlockLine) + lineOffset,
                    column: known?.column ?? max(node.startColumn, 1), isImage: true)
                rewriteDestination(of: node, line: line > 0 ? line : lastBlockLine, column: reference.column)
                images.append((node, reference, topLevelBlock))
            case CMARK_NODE_LINK:
                rewriteDestination(of: node, line: line > 0 ? line : lastBlockLine, column: known?.column ?? max(node.startColumn, 1))
            case CMARK_NODE_CODE_BLOCK:
                codeBlocks.append(node)
            case CMARK_NODE_ITEM:
                if let task = taskMarker(of: node) { taskItems.append((node, task.text, task.checked)) }
            default:
                break
            }
        }
        // Headings first, so components get ids that differ from every heading's.
        headingIDs.reserveCapacity(headingNodes.count)
        taskIDs.reserveCapacity(taskItems.count)
        for node in headingNodes { addID(to: node) }
        for node in codeBlocks { replaceComponent(node) }
        makeChecklists(taskItems)
        // An image inside another image's description is part of that one's alternative text, and goes
        // with it when the outer one is replaced (found by fuzzing: replacing both used a freed node).
        for image in images where !Self.isInsideImage(image.node) {
            replaceImage(image.node, reference: image.reference, block: image.block)
        }
    }

    // MARK: Images

    private static func isInsideImage(_ node: CmarkNode) -> Bool {
        var parent = node.parent
        while let current = parent {
            if current.type == CMARK_NODE_IMAGE { return true }
            parent = current.parent
        }
        return false
    }

    /// Writes the `img` element itself (cmark's has no size or loading attributes) and warns about a
    /// missing alternative text.
    private mutating func replaceImage(_ node: CmarkNode, reference: LinkReference, block: Int) {
        let alt = node.plainText.trimmingSpaces
        if alt.isEmpty {
            let name = reference.destination.split(separator: "/").last.map(String.init) ?? reference.destination
            issues.append(
                MarkdownIssue(
                    .warning, line: reference.line, column: reference.column,
                    "the image `\(name)` has no alternative text (WCAG 1.1.1): write what it shows between the brackets, "
                        + "like `![Een bureau bij het raam met een laptop op een standaard](\(reference.destination))`"))
        }
        var url = node.url ?? ""
        if !renderer.allowsUnsafeHTML, isDangerous(url) { url = "" }
        var html = "<img src=\"\(escapeHref(url))\" alt=\"\(escapeHTML(node.plainText))\""
        if let title = node.title, !title.isEmpty { html += " title=\"\(escapeHTML(title))\"" }
        if !reference.destination.isEmpty, let size = renderer.imageSize(reference) {
            html += " width=\"\(size.width)\" height=\"\(size.height)\""
        }
        if block >= renderer.eagerImageBlocks { html += " loading=\"lazy\"" }
        html += " />"
        node.replace(with: .custom(CMARK_NODE_CUSTOM_INLINE, enter: html), keepingChildren: false)
    }

    // MARK: Links

    private mutating func rewriteDestination(of node: CmarkNode, line: Int, column: Int) {
        guard let url = node.url, !url.isEmpty else { return }
        switch renderer.resolveLink(
            LinkReference(destination: url, line: line + lineOffset, column: column, isImage: node.type == CMARK_NODE_IMAGE))
        {
        case .keep: break
        case .rewrite(let newURL): node.url = newURL
        case .broken(let message): issues.append(MarkdownIssue(.error, line: line + lineOffset, column: column, message))
        case .blocked(let message):
            node.url = ""
            issues.append(MarkdownIssue(.error, line: line + lineOffset, column: column, message))
        case .warn(let message): issues.append(MarkdownIssue(.warning, line: line + lineOffset, column: column, message))
        }
    }

    // MARK: Components

    private mutating func replaceComponent(_ node: CmarkNode) {
        let info = node.fenceInfo.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        guard !info.isEmpty else { return }
        let block = ComponentBlock(
            name: info, body: node.literal ?? "",
            line: node.startLine + lineOffset, column: max(node.startColumn, 1),
            takenIDs: headings.map(\.id))
        switch renderer.renderComponent(block) {
        case .codeBlock:
            return
        case .html(let html):
            node.replace(with: .custom(CMARK_NODE_CUSTOM_BLOCK, enter: html), keepingChildren: false)
        case .error(let message, let offset, let column):
            issues.append(MarkdownIssue(.error, line: block.line + offset, column: column ?? block.column, message))
            node.replace(with: .custom(CMARK_NODE_CUSTOM_BLOCK, enter: ""), keepingChildren: false)
        }
    }

    // MARK: Headings

    private mutating func addID(to node: CmarkNode) {
        let level = node.headingLevel
        let text = node.plainText.trimmingSpaces
        let id = headingIDs.unique(for: text)
        headings.append(Heading(level: level, text: text, id: id, line: node.startLine + lineOffset))
        let wrapper = CmarkNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<h\(level) id=\"\(id)\">", exit: "</h\(level)>\n")
        node.replace(with: wrapper, keepingChildren: true)
    }

    // MARK: Task lists

    /// The text node holding a `[ ] ` or `[x] ` marker at the start of an item, if any.
    private func taskMarker(of item: CmarkNode) -> (text: CmarkNode, checked: Bool)? {
        guard let paragraph = item.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
            let text = paragraph.firstChild, text.type == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(text.pointer)
        else { return nil }
        // The C string's first bytes, read in place: every list item of every page is asked.
        let bytes = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        guard bytes[0] == UInt8(ascii: "["), bytes[1] != 0, bytes[2] == UInt8(ascii: "]") else { return nil }
        let mark = bytes[1]
        guard mark == UInt8(ascii: " ") || mark == UInt8(ascii: "x") || mark == UInt8(ascii: "X") else { return nil }
        // "[ ]" must be followed by a space, or end the text node with more inlines after it.
        if bytes[3] != 0 {
            guard bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "\t") else { return nil }
        } else if text.next == nil {
            return nil
        }
        return (text, mark != UInt8(ascii: " "))
    }

    private mutating func makeChecklists(_ items: [(item: CmarkNode, text: CmarkNode, checked: Bool)]) {
        var wrappedLists: [CmarkNode] = []
        for (item, text, checked) in items {
            // The marker is three bytes and a space, or three bytes that end the text (see `taskMarker`).
            // Copied first: cmark frees the old literal while it sets the new one.
            if let literal = cmark_node_get_literal(text.pointer), let rest = strdup(literal + min(4, strlen(literal))) {
                cmark_node_set_literal(text.pointer, rest)
                free(rest)
            }
            guard let paragraph = item.firstChild else { continue }
            // The key comes from the item's own text, so ticks survive edits to other items.
            let key = taskIDs.unique(slug: HeadingID.slug(paragraph.plainText, maxLength: 60), fallback: "taak")
            taskCount += 1
            let checkedAttribute = checked ? " checked" : ""
            let box = CmarkNode.custom(
                CMARK_NODE_CUSTOM_INLINE,
                enter: "<input type=\"checkbox\" id=\"taak-\(key)\" data-task=\"\(key)\"\(checkedAttribute)> <label for=\"taak-\(key)\">",
                exit: "</label>")
            // Move the item's inline content into the label.
            paragraph.firstChild?.insertBefore(box)
            while let sibling = box.next {
                cmark_node_unlink(sibling.pointer)
                box.append(sibling)
            }
            if let list = item.parent, !wrappedLists.contains(list), !hasChecklistAncestor(list, wrappedLists) {
                wrappedLists.append(list)
            }
        }
        for list in wrappedLists {
            let wrapper = CmarkNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: "<div class=\"checklist\">\n", exit: "</div>\n")
            list.insertBefore(wrapper)
            cmark_node_unlink(list.pointer)
            wrapper.append(list)
        }
    }

    private func hasChecklistAncestor(_ list: CmarkNode, _ wrapped: [CmarkNode]) -> Bool {
        var node = list.parent
        while let current = node {
            if wrapped.contains(current) { return true }
            node = current.parent
        }
        return false
    }
}

extension String {
    var trimmingSpaces: String {
        // Most headings start and end with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) { return self }
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

/// Which extension markers a body holds: most pages have none, and then the extensions do not walk
/// the tree at all. Each marker is found with memchr (vectorised in libc); one pass with a
/// switch per byte cost 4 % of a 10,000-page build.
struct ExtensionMarkers {
    var pipe = false
    var callout = false
    var tildes = false
    var address = false

    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            let count = bytes.count
            // memchr to each first byte, memcmp for the rest (Glibc's Swift module has no memmem).
            func has(_ needle: StaticString) -> Bool {
                needle.withUTF8Buffer { needle in
                    let length = needle.count
                    var start = 0
                    while count - start >= length {
                        guard let hit = memchr(base + start, Int32(needle[0]), count - start - length + 1) else { return false }
                        let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if memcmp(hit, needle.baseAddress!, length) == 0 { return true }
                        start = offset + 1
                    }
                    return false
                }
            }
            pipe = memchr(base, Int32(UInt8(ascii: "|")), count) != nil
            callout = has("[!")
            tildes = has("~~")
            // An autolink needs `www.` or `http://` / `https://`, so `ww` or `:/`: rare in prose, unlike the
            // `h` and `w` that memchr stopped at (1.5 % of a 10,000-page build).
            address = BytePairs.first(("w", "w"), or: (":", "/"), in: bytes) != nil && (has("www.") || has("http"))
        }
    }
}
