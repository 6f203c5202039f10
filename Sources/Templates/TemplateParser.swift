/// Template text → nodes, byte by byte. The whitespace rules are those of the Mustache spec and of
/// swift-mustache, which Mengvorm used before: a section, comment, partial, parent, block or
/// delimiter tag alone on its line takes the line's indentation and line end with it.
struct TemplateParser {
    struct Failure: Error {
        let kind: TemplateError.Kind
        let position: Int
    }

    private let bytes: [UInt8]
    private var position = 0

    /// `firstLineAfterTag`: parse the first line as if a tag stood before its text, so no tag on it is
    /// alone on its line and a blank first line is dropped (what a `{{% … }}` tag in front did).
    static func parse(_ text: String, firstLineAfterTag: Bool = false) throws(TemplateError) -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8))
        do {
            var state = State()
            if firstLineAfterTag { state.newLine = parser.lineFinished() }
            return Template(nodes: try parser.parse(state))
        } catch {
            let (line, column) = parser.lineAndColumn(of: error.position)
            throw TemplateError(kind: error.kind, line: line, column: column)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct State {
        /// The open section and its transforms, as written, to match its closing tag.
        var sectionName: String?
        var sectionTransforms: [String] = []
        /// Nothing but indentation stands before the parser on this line.
        var newLine = true
        /// Inside `{{<parent}}`: at its top level (only blocks) or inside one of its blocks.
        var isParentDefinition = false
        var isParentTopLevel = false
        /// The indentation of a block override's first line, taken off each of its lines.
        var overrideIndent: Int?
        var start: [UInt8] = [0x7B, 0x7B]
        var end: [UInt8] = [0x7D, 0x7D]

        func opening(_ name: String, standalone: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isParentTopLevel = false
            if !standalone { state.newLine = false }
            return state
        }

        func openingParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isParentDefinition = true
            state.isParentTopLevel = true
            return state
        }
    }

    private mutating func parse(_ initial: State) throws(Failure) -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whitespaceBefore: [UInt8] = []
        while position < bytes.count {
            if state.newLine {
                let whitespace = read(while: isSpaceOrTab)
                if state.isParentDefinition, !state.isParentTopLevel {
                    if let indent = state.overrideIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent))
                    } else {
                        state.overrideIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = Array(whitespace)
                }
            }
            let text = try readText(state)
            if let length = newlineLength(at: position) {
                nodes.append(.bytes(whitespaceBefore + text + bytes[position..<(position + length)]))
                state.newLine = true
                position += length
                continue
            }
            if !text.isEmpty {
                nodes.append(.bytes(whitespaceBefore + text))
                whitespaceBefore = []
                state.newLine = false
            }
            if position >= bytes.count { break }
            var standalone = false
            let tagStart = position - state.start.count
            let kind = bytes[position]
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let (name, transforms) = try readName(state)
                let path = try makePath(name, transforms, tagStart)
                if isStandalone(state) {
                    standalone = true
                } else if !whitespaceBefore.isEmpty {
                    nodes.append(.bytes(whitespaceBefore))
                    whitespaceBefore = []
                }
                let body = try parse(state.opening(name, standalone: standalone, transforms: transforms))
                nodes.append(.section(path, inverted: kind == UInt8(ascii: "^"), body: body))

            case UInt8(ascii: "/"):
                position += 1
                let namePosition = position
                let (name, transforms) = try readName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    let written = transforms.reversed().reduce(name) { "\($1)(\($0))" }
                    let open = state.sectionName.map { name in state.sectionTransforms.reversed().reduce(name) { "\($1)(\($0))" } }
                    throw Failure(kind: .closeDoesNotMatch(open: open, found: written), position: namePosition)
                }
                if !isStandalone(state), !whitespaceBefore.isEmpty {
                    nodes.append(.bytes(whitespaceBefore))
                }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                if !whitespaceBefore.isEmpty {
                    nodes.append(.bytes(whitespaceBefore))
                    whitespaceBefore = []
                }
                position += 1
                let (name, transforms) = try readName(state)
                if kind == UInt8(ascii: "{") {
                    guard position < bytes.count else { throw Failure(kind: .endsInsideTag, position: position) }
                    guard bytes[position] == UInt8(ascii: "}") else { throw Failure(kind: .unfinishedTag, position: position) }
                    position += 1
                }
                nodes.append(.variable(try makePath(name, transforms, tagStart), escaped: false))

            case UInt8(ascii: ">"):
                position += 1
                _ = read(while: isWhitespace)
                let name = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.bytes(whitespaceBefore)) }
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name: name, indentation: String(decoding: whitespaceBefore, as: UTF8.self), overrides: nil))
                } else {
                    nodes.append(.partial(name: name, indentation: nil, overrides: nil))
                }
                whitespaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                _ = read(while: isWhitespace)
                let name = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.bytes(whitespaceBefore)) }
                standalone = isStandalone(state)
                var overrides: [String: [Node]] = [:]
                for node in try parse(state.openingParent(name)) {
                    switch node {
                    case .blockOverride(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw Failure(kind: .tagInsideParent, position: position)
                    }
                }
                nodes.append(.partial(name: name, indentation: String(decoding: whitespaceBefore, as: UTF8.self), overrides: overrides))
                whitespaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let (name, transforms) = try readName(state)
                guard transforms.isEmpty else { throw Failure(kind: .transformOnBlock, position: position) }
                if state.isParentTopLevel {
                    standalone = isStandalone(state)
                    nodes.append(.blockOverride(name: name, body: try parse(state.opening(name, standalone: standalone))))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.bytes(whitespaceBefore)) }
                    standalone = isStandalone(state)
                    let body = try parse(state.opening(name, standalone: standalone))
                    var intrinsic = ""
                    if standalone, case .text(let first)? = body.first {
                        intrinsic = String(decoding: first.bytes.prefix(while: isSpaceOrTab), as: UTF8.self)
                    }
                    let indentation = String(decoding: whitespaceBefore, as: UTF8.self)
                    nodes.append(.block(name: name, defaultBody: body, indentation: indentation, intrinsic: intrinsic))
                    whitespaceBefore = []
                }

            case UInt8(ascii: "="):
                position += 1
                state = try setDelimiters(state)
                standalone = isStandalone(state)

            case UInt8(ascii: "%"):
                position += 1
                try readSetting(state)

            default:
                if !whitespaceBefore.isEmpty {
                    nodes.append(.bytes(whitespaceBefore))
                    whitespaceBefore = []
                }
                let (name, transforms) = try readName(state)
                nodes.append(.variable(try makePath(name, transforms, tagStart), escaped: true))
            }
            state.newLine = standalone
        }
        if let open = state.sectionName {
            throw Failure(kind: .sectionNotClosed(name: open), position: position)
        }
        return nodes
    }

    // MARK: Reading

    /// Text up to a line end (left in place) or past the next opening delimiter.
    private mutating func readText(_ state: State) throws(Failure) -> ArraySlice<UInt8> {
        let start = position
        let first = state.start[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A { return bytes[start..<position] }
            if byte == first, hasPrefix(state.start, at: position) {
                let text = bytes[start..<position]
                position += state.start.count
                return text
            }
            position += 1
        }
        return bytes[start..<position]
    }

    /// A tag's name and transforms, `first(list)` → ("list", ["first"]), and the closing delimiter.
    private mutating func readName(_ state: State) throws(Failure) -> (String, [String]) {
        _ = read(while: isWhitespace)
        let text = read(while: isNameCharacter)
        _ = read(while: isWhitespace)
        try expect(state.end)
        guard let open = text.firstIndex(of: UInt8(ascii: "(")) else {
            guard !text.contains(UInt8(ascii: ")")) else { throw Failure(kind: .unfinishedTag, position: position) }
            return (String(decoding: text, as: UTF8.self), [])
        }
        // name(name(…(value))): every name before a `(`, then as many `)` as there were `(`.
        var transforms = [String(decoding: text[text.startIndex..<open], as: UTF8.self)]
        var index = open + 1
        while true {
            let nameEnd = text[index...].firstIndex { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") } ?? text.endIndex
            let name = String(decoding: text[index..<nameEnd], as: UTF8.self)
            guard nameEnd < text.endIndex else { throw Failure(kind: .unfinishedTag, position: position) }
            if text[nameEnd] == UInt8(ascii: "(") {
                transforms.append(name)
                index = nameEnd + 1
                continue
            }
            let closing = text[nameEnd...].prefix { $0 == UInt8(ascii: ")") }.count
            guard closing == transforms.count, nameEnd + closing == text.endIndex else {
                throw Failure(kind: .unfinishedTag, position: position)
            }
            return (name, transforms)
        }
    }

    private mutating func readPartialName(_ state: State) throws(Failure) -> String {
        _ = read(while: isWhitespace)
        let text = read(while: { isNameCharacter($0) || $0 == UInt8(ascii: "/") })
        _ = read(while: isWhitespace)
        try expect(state.end)
        return String(decoding: text, as: UTF8.self)
    }

    /// Errors point at the tag: `tagStart` is where its opening delimiter starts.
    private func makePath(_ name: String, _ transforms: [String], _ tagStart: Int) throws(Failure) -> Path {
        var resolved: [Transform] = []
        for written in transforms.reversed() {
            guard let transform = Transform(rawValue: written) else {
                throw Failure(kind: .unknownTransform(written), position: tagStart)
            }
            resolved.append(transform)
        }
        if name == "." { return Path(start: .top, names: [], transforms: resolved) }
        if name.isEmpty, let last = transforms.last {
            throw Failure(kind: .transformWithoutName(last), position: tagStart)
        }
        let names = name.split(separator: ".").map { TemplateName(String($0)) }
        if name.hasPrefix(".") || names.isEmpty { return Path(start: names.isEmpty ? .top : .anchored, names: names, transforms: resolved) }
        return Path(start: .stack, names: names, transforms: resolved)
    }

    private mutating func skipComment(_ state: State) throws(Failure) {
        var index = position
        while index + state.end.count <= bytes.count {
            if hasPrefix(state.end, at: index) {
                position = index + state.end.count
                return
            }
            index += 1
        }
        throw Failure(kind: .endsInsideTag, position: bytes.count)
    }

    /// `{{=<% %>=}}`: two delimiters apart by whitespace, then `=` and the current closing delimiter.
    private mutating func setDelimiters(_ state: State) throws(Failure) -> State {
        _ = read(while: isWhitespace)
        let start = read(while: { !isWhitespace($0) })
        guard position < bytes.count else { throw Failure(kind: .badDelimiter, position: position) }
        _ = read(while: isWhitespace)
        let end = read(while: { !isWhitespace($0) && $0 != UInt8(ascii: "=") })
        guard position < bytes.count else { throw Failure(kind: .badDelimiter, position: position) }
        _ = read(while: isWhitespace)
        guard position < bytes.count else { throw Failure(kind: .endsInsideTag, position: position) }
        guard bytes[position] == UInt8(ascii: "=") else { throw Failure(kind: .badDelimiter, position: position) }
        position += 1
        guard bytes.count - position >= state.end.count else { throw Failure(kind: .endsInsideTag, position: position) }
        guard hasPrefix(state.end, at: position) else { throw Failure(kind: .badDelimiter, position: position) }
        position += state.end.count
        guard !start.isEmpty, !end.isEmpty else { throw Failure(kind: .badDelimiter, position: position) }
        var changed = state
        changed.start = Array(start)
        changed.end = Array(end)
        changed.isParentTopLevel = false
        return changed
    }

    /// `{{% NAME: VALUE }}`: read to report it; this engine has no settings.
    private mutating func readSetting(_ state: State) throws(Failure) {
        let isPlain: (UInt8) -> Bool = { isNameCharacter($0) && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") }
        _ = read(while: isWhitespace)
        let variable = read(while: isPlain)
        _ = read(while: isWhitespace)
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw Failure(kind: .setting(valid: false), position: position)
        }
        position += 1
        _ = read(while: isWhitespace)
        let value = read(while: isPlain)
        _ = read(while: isWhitespace)
        guard hasPrefix(state.end, at: position), !variable.isEmpty, !value.isEmpty else {
            throw Failure(kind: .setting(valid: false), position: position)
        }
        position += state.end.count
        throw Failure(kind: .setting(valid: true), position: position)
    }

    private mutating func expect(_ delimiter: [UInt8]) throws(Failure) {
        guard bytes.count - position >= delimiter.count else { throw Failure(kind: .endsInsideTag, position: position) }
        guard hasPrefix(delimiter, at: position) else { throw Failure(kind: .unfinishedTag, position: position) }
        position += delimiter.count
    }

    // MARK: Lines

    private mutating func isStandalone(_ state: State) -> Bool { state.newLine && lineFinished() }

    /// True when only spaces and tabs follow on this line (then the line end is skipped) or the text ends here.
    private mutating func lineFinished() -> Bool {
        if position >= bytes.count { return true }
        var index = position
        while index < bytes.count, isSpaceOrTab(bytes[index]) { index += 1 }
        guard let length = newlineLength(at: index) else { return false }
        position = index + length
        return true
    }

    /// "\n", "\r\n" and the other line ends Swift's `Character.isNewline` knows in ASCII.
    private func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D: return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        default: return nil
        }
    }

    private func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    private mutating func read(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count, predicate(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Line and column (in characters) of a byte offset, both from 1.
    func lineAndColumn(of offset: Int) -> (Int, Int) {
        let before = bytes[..<min(offset, bytes.count)]
        var line = 1
        var lineStart = 0
        var index = 0
        while index < before.count {
            if let length = newlineLength(at: index), index + length <= before.count {
                line += 1
                index += length
                lineStart = index
            } else {
                index += 1
            }
        }
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }
}

private func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

private func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

/// Letters, digits and `.-_?*()`, as swift-mustache allowed in names.
private func isNameCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
    case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "("),
        UInt8(ascii: ")"):
        return true
    default: return false
    }
}
