/// Renders nodes into one growing UTF-8 buffer.
struct TemplateRenderer {
    let templates: [String: Template]
    private(set) var output: [UInt8] = []
    private var stack: [Frame]
    /// Put before each line a partial or block renders, after its first (standalone partials and blocks).
    private var indentation: [UInt8] = []
    /// The `{{$block}}` overrides of the `{{<parent}}` tags being rendered; the outermost wins.
    private var overrides: [String: [Node]] = [:]

    init(templates: [String: Template], value: Any, capacity: Int) {
        self.templates = templates
        stack = [Frame(value)]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [Node]) {
        if indentation.isEmpty {
            for node in nodes { render(node) }
            return
        }
        // Each node that starts a line gets the indentation when it writes anything (as swift-mustache did).
        let start = output.count
        for node in nodes {
            let nodeStart = output.count
            let startsLine =
                nodeStart > start && output[nodeStart - 1] == 0x0A && !(nodeStart - 2 >= start && output[nodeStart - 2] == 0x0D)
            render(node)
            if startsLine, output.count > nodeStart { output.insert(contentsOf: indentation, at: nodeStart) }
        }
    }

    private mutating func render(_ node: Node) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let path, let escaped):
            if let value = lookUp(path) { write(value, escaped: escaped) }
        case .section(let path, let inverted, let body):
            if inverted { renderInverted(lookUp(path), body) } else { renderSection(lookUp(path), body) }
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            let (savedIndentation, savedOverrides) = (self.indentation, self.overrides)
            if let indentation { self.indentation += indentation }
            if let overrides, !overrides.isEmpty { self.overrides.merge(overrides) { outer, _ in outer } }
            render(template.nodes)
            (self.indentation, self.overrides) = (savedIndentation, savedOverrides)
        case .block(let name, let defaultBody, let indentation, let intrinsic):
            let saved = self.indentation
            if let override = overrides[name] {
                // A block alone on its line whose default is indented indents its override as much.
                output.append(contentsOf: intrinsic)
                self.indentation += indentation + intrinsic
                render(override)
            } else {
                self.indentation += indentation
                render(defaultBody)
            }
            self.indentation = saved
        case .blockOverride:
            break
        }
    }

    // MARK: Sections

    private mutating func renderSection(_ value: Any?, _ body: [Node]) {
        guard let value else { return }
        if let dictionaries = value as? [[String: Any]] {
            for dictionary in dictionaries { renderPushing(.dictionary(dictionary), body) }
        } else if let flag = value as? Bool {
            if flag { render(body) }
        } else if let dictionary = value as? [String: Any] {
            renderPushing(.dictionary(dictionary), body)
        } else if value is String {
            renderPushing(.value(value), body)
        } else if let list = value as? [Any] {
            for item in list { renderPushing(Frame(item), body) }
        } else if let html = value as? any TemplateHTML {
            if !html.isNull { renderPushing(.value(value), body) }
        } else if !Values.isNothing(value) {
            renderPushing(Frame(value), body)
        }
    }

    private mutating func renderInverted(_ value: Any?, _ body: [Node]) {
        guard let value else { return render(body) }
        if let flag = value as? Bool {
            if !flag { render(body) }
        } else if let dictionaries = value as? [[String: Any]] {
            if dictionaries.isEmpty { renderPushing(.value(value), body) }
        } else if value is [String: Any] || value is String {
            return
        } else if let list = value as? [Any] {
            if list.isEmpty { renderPushing(.value(value), body) }
        } else if let html = value as? any TemplateHTML {
            if html.isNull { render(body) }
        } else if Values.isNothing(value) {
            render(body)
        }
    }

    private mutating func renderPushing(_ frame: Frame, _ body: [Node]) {
        stack.append(frame)
        render(body)
        stack.removeLast()
    }

    // MARK: Values

    private func lookUp(_ path: Path) -> Any? {
        var value: Any
        switch path.start {
        case .top:
            value = stack[stack.count - 1].value
        case .anchored:
            value = stack[stack.count - 1].value
            for name in path.names {
                guard let child = Values.child(named: name, of: value) else { return nil }
                value = child
            }
        case .stack:
            let names = path.names
            var found: Any?
            for index in stack.indices.reversed() {
                if let child = stack[index].child(named: names[0]) {
                    found = child
                    break
                }
            }
            guard let first = found else { return nil }
            value = first
            var index = 1
            while index < names.count {
                guard let child = Values.child(named: names[index], of: value) else { return nil }
                value = child
                index += 1
            }
        }
        for transform in path.transforms {
            if Values.isNothing(value) { return nil }
            guard let transformed = Values.apply(transform, to: value) else { return nil }
            value = transformed
        }
        return value
    }

    private mutating func write(_ value: Any, escaped: Bool) {
        if let string = value as? String {
            escaped ? writeEscaped(string) : writeRaw(string)
        } else if let number = value as? Int {
            writeRaw(String(number))
        } else if let flag = value as? Bool {
            writeRaw(flag ? "true" : "false")
        } else if let number = value as? Double {
            writeRaw(number.description)
        } else if let html = value as? any TemplateHTML {
            escaped ? writeEscaped(html.html) : writeRaw(html.html)
        } else if !Values.isNothing(value) {
            let text = String(describing: value)
            escaped ? writeEscaped(text) : writeRaw(text)
        }
    }

    private mutating func writeRaw(_ string: String) {
        if let done = string.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) { return done }
        output.append(contentsOf: Array(string.utf8))
    }

    /// `& < > " '` as entities, byte by byte (the bytes Mengvorm's HTMLEscaping gives).
    private mutating func writeEscaped(_ string: String) {
        let utf8 = string.utf8
        guard utf8.contains(where: needsEscape) else { return writeRaw(string) }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "&"): output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "\""): output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case UInt8(ascii: "'"): output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: output.append(byte)
            }
        }
    }
}

@inline(__always)
private func needsEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
        || byte == UInt8(ascii: "'")
}
