import CByteScan

/// Renders nodes into one growing buffer of UTF-8: every piece appended is valid UTF-8 (template text,
/// String values, HTML already rendered), so the page is written as it is, with no String made of it
/// and no second pass to check it (a String's append and that check were 5 % of a 10,000-page build).
struct TemplateRenderer {
    let templates: [String: Template]
    /// Lent by `TemplateOutput.bytes` for one rendering.
    private let out: UnsafeMutablePointer<TemplateOutput>
    private let stack: ContextStack
    /// Put before each line a partial or block renders, after its first (standalone partials and blocks).
    private var indentation = ""
    /// The `{{$block}}` overrides of the `{{<parent}}` tags being rendered; the outermost wins.
    private var overrides: [String: [Node]] = [:]

    init(templates: [String: Template], value: TemplateValue, output: UnsafeMutablePointer<TemplateOutput>) {
        self.templates = templates
        stack = ContextStack(value)
        out = output
    }

    mutating func render(_ nodes: [Node]) {
        if indentation.isEmpty {
            for node in nodes { render(node) }
            return
        }
        // Each node that starts a line gets the indentation when it writes anything (as swift-mustache did).
        let start = out.pointee.count
        for node in nodes {
            let nodeStart = out.pointee.count
            let startsLine =
                nodeStart > start && out.pointee[nodeStart - 1] == 0x0A
                && !(nodeStart - 2 >= start && out.pointee[nodeStart - 2] == 0x0D)
            render(node)
            if startsLine, out.pointee.count > nodeStart {
                var indentation = indentation
                indentation.withUTF8 { out.pointee.insert($0, at: nodeStart) }
            }
        }
    }

    private mutating func render(_ node: Node) {
        switch node {
        case .text(let text):
            out.pointee.append(text.bytes)
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
                writeRaw(intrinsic)
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

    private mutating func renderSection(_ value: TemplateValue?, _ body: [Node]) {
        guard let value else { return }
        switch value {
        case .flag(let flag): if flag { render(body) }
        case .string, .dictionary, .object, .int: renderPushing(value, body)
        case .objects(let objects): for object in objects { renderPushing(.object(object), body) }
        case .html(let html): if !html.isNull { renderPushing(value, body) }
        case .any(let value):
            switch Shape(value) {
            case .flag(let flag): if flag { render(body) }
            case .dictionary(let dictionary): renderPushing(.dictionary(dictionary), body)
            case .dictionaries(let dictionaries): for dictionary in dictionaries { renderPushing(.dictionary(dictionary), body) }
            case .string: renderPushing(.any(value), body)
            case .strings(let strings): for string in strings { renderPushing(.string(string), body) }
            case .list(let list): for item in list { renderPushing(TemplateValue(item), body) }
            case .other:
                if let html = value as? any TemplateHTML {
                    if !html.isNull { renderPushing(.any(value), body) }
                } else if !Values.isNothing(value) {
                    renderPushing(TemplateValue(value), body)
                }
            }
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ body: [Node]) {
        guard let value else { return render(body) }
        switch value {
        case .flag(let flag): if !flag { render(body) }
        case .objects(let objects): if objects.isEmpty { renderPushing(value, body) }
        case .html(let html): if html.isNull { render(body) }
        case .string, .dictionary, .object, .int: return
        case .any(let value):
            switch Shape(value) {
            case .flag(let flag): if !flag { render(body) }
            case .dictionaries(let dictionaries): if dictionaries.isEmpty { renderPushing(.any(value), body) }
            case .strings(let strings): if strings.isEmpty { renderPushing(.any(value), body) }
            case .list(let list): if list.isEmpty { renderPushing(.any(value), body) }
            case .dictionary, .string: return
            case .other:
                if let html = value as? any TemplateHTML {
                    if html.isNull { render(body) }
                } else if Values.isNothing(value) {
                    render(body)
                }
            }
        }
    }

    private mutating func renderPushing(_ frame: TemplateValue, _ body: [Node]) {
        stack.push(frame)
        render(body)
        stack.pop()
    }

    // MARK: Values

    private func lookUp(_ path: Path) -> TemplateValue? {
        let names = path.names
        var value: TemplateValue
        var index = 0
        switch path.start {
        case .top, .anchored:
            value = stack.top
        case .stack:
            guard let first = stack.first(named: names[0]) else { return nil }
            value = first
            index = 1
        }
        while index < names.count {
            guard let child = Values.child(named: names[index], of: value) else { return nil }
            value = child
            index += 1
        }
        for transform in path.transforms {
            if Values.isNothing(value) { return nil }
            guard let transformed = Values.apply(transform, to: value.asAny) else { return nil }
            value = TemplateValue(transformed)
        }
        return value
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let string): escaped ? writeEscaped(string) : writeRaw(string)
        case .html(let html): escaped ? writeEscaped(html.html) : html.appendHTML(to: &out.pointee)
        case .int(let number): writeRaw(String(number))
        case .flag(let flag): writeRaw(flag ? "true" : "false")
        case .object, .objects, .dictionary: write(describing: value.asAny, escaped: escaped)
        case .any(let value):
            if let string = value as? String {
                escaped ? writeEscaped(string) : writeRaw(string)
            } else if let number = value as? Int {
                writeRaw(String(number))
            } else if let flag = value as? Bool {
                writeRaw(flag ? "true" : "false")
            } else if let number = value as? Double {
                writeRaw(number.description)
            } else if let html = value as? any TemplateHTML {
                if escaped { writeEscaped(html.html) } else { html.appendHTML(to: &out.pointee) }
            } else if !Values.isNothing(value) {
                write(describing: value, escaped: escaped)
            }
        }
    }

    private mutating func write(describing value: Any, escaped: Bool) {
        let text = String(describing: value)
        escaped ? writeEscaped(text) : writeRaw(text)
    }

    private mutating func writeRaw(_ string: String) { out.pointee.append(string) }

    /// `& < > " '` as entities, the bytes Mengvorm's HTMLEscaping gives; the runs between them are
    /// copied whole.
    private mutating func writeEscaped(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ writeEscaped(bytes: $0) }) == nil {
            var string = string
            string.withUTF8 { writeEscaped(bytes: $0) }
        }
    }

    private mutating func writeEscaped(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        // The next byte that needs an entity, found sixteen bytes at a time (most values have none).
        var index = mengvorm_html_care(base, count, 0)
        while index < count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: entity = "&#39;"
            }
            if runStart < index { out.pointee.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            entity.withUTF8Buffer { out.pointee.append($0) }
            runStart = index + 1
            index = mengvorm_html_care(base, count, runStart)
        }
        if runStart < count { out.pointee.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }
}

/// The context stack, read in place: a lookup walks it from the top without copying a frame (a copy
/// retains the frame's value; an array's elements are copied out when read). Each frame says how a
/// lookup reads it: a view through a reference that is not retained (the frame holds it), and a frame
/// without children (a text, a flag, a list) is passed over without being read (copying frames out to
/// ask them was a fifth of the lookups of a default-theme page).
private final class ContextStack {
    private struct Frame {
        enum Reader {
            case object(Unmanaged<TemplateObject>)
            case other
            case childless
        }
        let value: TemplateValue
        let reader: Reader

        init(_ value: TemplateValue) {
            self.value = value
            switch value {
            case .object(let object): reader = .object(Unmanaged.passUnretained(object))
            case .dictionary, .any: reader = .other
            case .string, .flag, .int, .objects, .html: reader = .childless
            }
        }
    }
    private var frames: UnsafeMutablePointer<Frame>
    private var capacity = 16
    private var count = 0

    init(_ root: TemplateValue) {
        frames = .allocate(capacity: capacity)
        push(root)
    }

    deinit {
        frames.deinitialize(count: count)
        frames.deallocate()
    }

    var top: TemplateValue { frames[count - 1].value }

    func push(_ value: TemplateValue) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Frame>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: frames, count: count)
            frames.deallocate()
            frames = larger
            capacity *= 2
        }
        (frames + count).initialize(to: Frame(value))
        count += 1
    }

    func pop() {
        count -= 1
        (frames + count).deinitialize(count: 1)
    }

    /// The child `name` of the first frame from the top that has it.
    func first(named name: TemplateName) -> TemplateValue? {
        var index = count - 1
        while index >= 0 {
            switch frames[index].reader {
            case .object(let object):
                // The frame keeps the view alive while it is on the stack.
                if let child = object._withUnsafeGuaranteedRef({ $0.value(named: name) }) { return child }
            case .other:
                if let child = Values.child(named: name, of: frames[index].value) { return child }
            case .childless:
                break
            }
            index -= 1
        }
        return nil
    }
}
