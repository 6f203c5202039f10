/// A general checker for the data files of theme components. Each component may bring a schema
/// beside its partial (`partials/components/NAME.schema.yml`) describing the data it reads; the
/// checker reports every mismatch at the data file's line and column, in words an HR editor can act
/// on. No component is named in Swift: a theme brings its components and their rules together.
///
/// A schema node is a map: `type` (text, number, integer, date, boolean, list, map, one-of, page,
/// file, any; `file` is a path, relative to the page's folder or Content/, that must exist, optionally
/// with `extensions: [vtt]`), `required`, `values` (one-of), `min`/`max` (value, entries or length), `items` (list),
/// `fields` and `each` (map: known keys, and one shape for every other key), `unique: SCOPE`, `required_when: {field: KEY, in: [...]}`, `default`, `example`,
/// `help`. The file is one node, or `files: {NAME: NODE or COMPONENT}` for blocks naming several data files;
/// `settings: NODE` describes the block's own YAML, checked at its lines in the page.
/// See THEMES.md for the full description.
struct ComponentSchema {
    static let fileSuffix = ".schema.yml"
    static let types: Set<String> = ["text", "number", "integer", "date", "boolean", "list", "map", "one-of", "page", "file", "any"]

    let dataPath: String
    let schemaPath: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Problems of the schema itself, reported at the schema file.
    private(set) var schemaProblems: [Diagnostic] = []
    private var seen: [String: Set<String>] = [:]
    /// Whether a `file` value names a file of the site; nil: not checked here.
    let fileExists: ((String) -> Bool)?

    init(dataPath: String, schemaPath: String, fileExists: ((String) -> Bool)? = nil) {
        self.dataPath = dataPath
        self.schemaPath = schemaPath
        self.fileExists = fileExists
    }

    /// Checks `data` (a whole data file, or a block's settings) against `spec`.
    static func validate(
        _ data: DataNode, against spec: DataNode, dataPath: String, schemaPath: String,
        fileExists: ((String) -> Bool)? = nil
    ) -> (data: [Diagnostic], schema: [Diagnostic]) {
        var checker = ComponentSchema(dataPath: dataPath, schemaPath: schemaPath, fileExists: fileExists)
        checker.check(data, spec, name: nil)
        return (checker.diagnostics, checker.schemaProblems)
    }

    // MARK: Nodes

    private mutating func check(_ node: DataNode, _ spec: DataNode, name: String?) {
        guard let type = spec["type"]?.string else {
            schemaFault("a schema node needs `type:` (one of \(Self.types.sorted().joined(separator: ", ")))", spec)
            return
        }
        let label = name.map { "`\($0)`" } ?? "the file"
        switch type {
        case "any":
            return
        case "text":
            guard let text = scalarText(node) else { return fail("\(label) must be text, not \(node.kindName)", node, spec) }
            if text.isEmpty { return fail("\(label) is empty: write a value\(example(spec))", node, spec) }
            checkRange(Double(text.count), label, node, spec, unit: "characters")
            if let scope = spec["unique"]?.string {
                if !seen[scope, default: []].insert(text).inserted {
                    fail("the \(scope) \(name ?? "value") `\(text)` is used twice; each must be unique", node, nil)
                }
            }
        case "number", "integer":
            let value: Double?
            switch node.value {
            case .int(let number): value = Double(number)
            case .double(let number) where type == "number": value = number
            default: value = nil
            }
            guard let value else {
                let what = type == "integer" ? "a whole number such as 3" : "a number such as 2.45 (with a dot, no € sign)"
                return fail("\(label) must be \(what)", node, spec)
            }
            checkRange(value, label, node, spec, unit: nil)
        case "date":
            guard let text = node.string, Day(text) != nil else {
                return fail(
                    "\(label) must be a date like 2027-03-01 (year-month-day)\(node.string.map { ", not `\($0)`" } ?? "")", node, spec)
            }
        case "boolean":
            guard case .bool = node.value else { return fail("\(label) must be true or false", node, spec) }
        case "one-of":
            let values = spec["values"]?.list?.compactMap(\.string) ?? []
            if values.isEmpty { schemaFault("a `one-of` node needs `values: [a, b]`", spec) }
            guard let text = node.string, values.contains(text) else {
                return fail("\(label) must be \(Self.spoken(values))\(node.string.map { ", not `\($0)`" } ?? "")", node, spec)
            }
        case "page":
            // Whether the page exists is checked with every other page reference in data (DataLinks).
            guard let text = node.string, text.split(separator: "#").first?.split(separator: "?").first?.hasSuffix(".md") == true else {
                return fail("\(label) must name a page by its file, such as `vergoedingen/rekenhulp.md`", node, spec)
            }
        case "file":
            guard let text = node.string, !text.isEmpty else {
                return fail("\(label) must name a file of the site, such as `\(spec["example"]?.string ?? "film.mp4")`", node, spec)
            }
            let extensions = spec["extensions"]?.list?.compactMap(\.string) ?? []
            let ext = text.split(separator: ".").count > 1 ? text.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
            if !extensions.isEmpty, !extensions.contains(ext) {
                return fail("\(label) must be a \(Self.spoken(extensions.map { "." + $0 })) file, not `\(text)`", node, spec)
            }
            if let fileExists, !fileExists(text) {
                return fail("\(label) names `\(text)`, which is not a file beside this page or in Content/", node, spec)
            }
        case "list":
            guard let items = node.list else {
                return fail(
                    "\(label) must be a list\(Self.min(spec) > 0 ? " with at least \(Self.min(spec) == 1 ? "one entry" : "\(Int(Self.min(spec))) entries")" : "")\(example(spec, list: true)), not \(node.kindName)",
                    node, spec)
            }
            if items.isEmpty, Self.min(spec) > 0 {
                return fail("\(label) is empty: add at least one entry\(example(spec, list: true))", node, spec)
            }
            checkRange(Double(items.count), label, node, spec, unit: "entries")
            if let itemSpec = spec["items"] {
                for item in items { check(item, itemSpec, name: name.map(Self.singular)) }
            }
        case "map":
            guard let entries = node.entries else {
                return fail("\(label) must be a map of settings like `key: value`, not \(node.kindName)", node, spec)
            }
            checkFields(node, entries, spec)
        default:
            schemaFault("unknown type `\(type)`; known: \(Self.types.sorted().joined(separator: ", "))", spec["type"] ?? spec)
        }
    }

    private mutating func checkFields(_ node: DataNode, _ entries: [(key: String, node: DataNode)], _ spec: DataNode) {
        let fields = spec["fields"]?.entries ?? []
        for (key, fieldSpec) in fields {
            if let value = node[key], !value.isNull {
                check(value, fieldSpec, name: key)
                continue
            }
            if fieldSpec["required"].flatMap(Self.bool) == true {
                fail("missing `\(key)`\(example(fieldSpec, key: key))", node, fieldSpec)
            } else if let condition = fieldSpec["required_when"], let other = condition["field"]?.string {
                let values = condition["in"]?.list?.compactMap(\.string) ?? []
                let otherSpec = fields.first { $0.key == other }?.node
                let actual = node[other]?.string ?? otherSpec?["default"]?.string
                if let actual, values.contains(actual) {
                    fail("`\(key)` is needed when `\(other)` is `\(actual)`", node, fieldSpec)
                }
            }
        }
        let known = fields.map(\.key)
        // `each`: a map whose keys are free (country codes, team slugs), every value of one shape.
        if let each = spec["each"] {
            for (key, value) in entries where !known.contains(key) { check(value, each, name: key) }
            return
        }
        for (key, value) in entries where !known.contains(key) {
            if let near = Suggest.closest(to: key, in: known) {
                diagnostics.append(
                    .warning(
                        "unknown field `\(key)`; did you mean `\(near)`?",
                        at: SourceLocation(path: dataPath, line: value.line, column: value.column).keyLine))
            }
        }
    }

    private mutating func checkRange(_ value: Double, _ label: String, _ node: DataNode, _ spec: DataNode, unit: String?) {
        let unitText = unit.map { " \($0)" } ?? ""
        if let min = spec["min"].flatMap(Self.number), value < min {
            fail(
                unit == nil ? "\(label) must be at least \(Self.format(min))" : "\(label) needs at least \(Self.format(min))\(unitText)",
                node, spec)
        }
        if let max = spec["max"].flatMap(Self.number), value > max {
            fail(
                unit == nil ? "\(label) must be at most \(Self.format(max))" : "\(label) may have at most \(Self.format(max))\(unitText)",
                node, spec)
        }
    }

    // MARK: Messages

    private mutating func fail(_ message: String, _ node: DataNode, _ spec: DataNode?) {
        let help = spec?["help"]?.string.map { ": \($0)" } ?? ""
        diagnostics.append(.error(message + help, at: SourceLocation(path: dataPath, line: node.line, column: node.column)))
    }

    private mutating func schemaFault(_ message: String, _ node: DataNode) {
        schemaProblems.append(.error(message, at: SourceLocation(path: schemaPath, line: node.line, column: node.column)))
    }

    private func example(_ spec: DataNode, key: String? = nil, list: Bool = false) -> String {
        guard let example = spec["example"]?.string else { return "" }
        if list { return " (`\(example)`)" }
        return key.map { ": add a line such as `\($0): \(example)`" } ?? " such as `\(example)`"
    }

    private func scalarText(_ node: DataNode) -> String? {
        switch node.value {
        case .string(let text): return text
        case .int, .double: return node.string
        default: return nil
        }
    }

    private static func min(_ spec: DataNode) -> Double { spec["min"].flatMap(number) ?? 0 }

    private static func number(_ node: DataNode) -> Double? {
        switch node.value {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    private static func bool(_ node: DataNode) -> Bool? {
        if case .bool(let value) = node.value { return value }
        return nil
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// `questions` → `question`, for the items of a list in messages.
    private static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("s") { return String(name.dropLast()) }
        return name
    }

    /// `a`, `b` or `c`.
    static func spoken(_ values: [String]) -> String {
        let quoted = values.map { "`\($0)`" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
