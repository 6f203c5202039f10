import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// A borrowed handle to a node of a cmark tree. Valid while the tree's document is alive.
struct CmarkNode: Equatable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// A new, unattached node; it belongs to whatever tree it is inserted into.
    static func make(_ type: cmark_node_type) -> CmarkNode {
        CmarkNode(cmark_node_new(type)!)
    }

    /// A custom node that emits trusted HTML around its children, even in safe mode.
    static func custom(_ type: cmark_node_type, enter: String, exit: String = "") -> CmarkNode {
        let node = make(type)
        cmark_node_set_on_enter(node.pointer, enter)
        cmark_node_set_on_exit(node.pointer, exit)
        return node
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
    var previous: CmarkNode? { cmark_node_previous(pointer).map(CmarkNode.init) }
    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    var title: String? { cmark_node_get_title(pointer).map { String(cString: $0) } }

    var fenceInfo: String {
        cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? ""
    }

    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    /// The text a reader sees inside this node (text, code spans, line breaks as spaces).
    var plainText: String {
        var bytes: [UInt8] = []
        appendPlainText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Walks with cmark's iterator rather than recursion: documents may nest thousands of levels deep.
    /// Appends the C strings' bytes directly; a Swift String per text node cost more than cmark's parse.
    func appendPlainText(to bytes: inout [UInt8]) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let raw = cmark_iter_get_node(iterator) else { continue }
            CmarkNode(raw).appendOwnText(to: &bytes)
        }
    }

    /// The literal of a text-like node, or a space for a line break.
    func appendOwnText(to bytes: inout [UInt8]) {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
            guard let literal = cmark_node_get_literal(pointer) else { return }
            // As typed bytes: appending a raw buffer took the generic path, byte by byte.
            let count = strlen(literal)
            literal.withMemoryRebound(to: UInt8.self, capacity: count) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
            }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            bytes.append(UInt8(ascii: " "))
        default:
            break
        }
    }

    func insertBefore(_ sibling: CmarkNode) { cmark_node_insert_before(pointer, sibling.pointer) }
    func insertAfter(_ sibling: CmarkNode) { cmark_node_insert_after(pointer, sibling.pointer) }
    func append(_ child: CmarkNode) { cmark_node_append_child(pointer, child.pointer) }

    /// Puts `replacement` where this node was and moves this node's children into it.
    func replace(with replacement: CmarkNode, keepingChildren: Bool) {
        if keepingChildren {
            while let child = firstChild {
                cmark_node_unlink(child.pointer)
                replacement.append(child)
            }
        }
        cmark_node_replace(pointer, replacement.pointer)
        cmark_node_free(pointer)
    }
}

/// Every node of a tree in document order, collected before any change
/// (cmark's iterator must not walk a tree that is being changed).
func collectNodes(in root: CmarkNode) -> [CmarkNode] {
    var nodes: [CmarkNode] = []
    guard let iterator = cmark_iter_new(root.pointer) else { return nodes }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
            nodes.append(CmarkNode(node))
        }
    }
    return nodes
}
