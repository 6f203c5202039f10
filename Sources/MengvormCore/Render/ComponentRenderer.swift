import Markdown

/// Renders a fenced block such as ```` ```selfcheck ```` through the theme's `components/<name>` partial,
/// with the data file it names. The block body is YAML: `data: selfcheck` plus options for the theme.
struct ComponentRenderer {
    let templates: TemplateSet
    let data: DataFiles
    let strings: [String: Any]
    let stringsJSON: String
    /// Shared with the page: `root` (relative path to the site root) and `lang`.
    var pageValues: [String: Any] = [:]

    /// Ids already used on this page, so two blocks of one kind get `selfcheck` and `selfcheck-2`.
    private var usedIDs = HeadingID.Allocator()

    init(templates: TemplateSet, data: DataFiles, strings: [String: Any], stringsJSON: String) {
        self.templates = templates
        self.data = data
        self.strings = strings
        self.stringsJSON = stringsJSON
    }

    mutating func render(_ block: ComponentBlock, resolveData: (DataNode, String) -> DataNode,
                         report: (Diagnostic) -> Void) -> ComponentDecision {
        guard templates.hasComponent(block.name) else {
            // A near miss of a component name is almost certainly a typo, not a code sample.
            if let suggestion = Suggest.closest(to: block.name, in: templates.componentNames), block.name.count > 3 {
                return .error("unknown component `\(block.name)`; did you mean `\(suggestion)`? (known: \(templates.componentNames.joined(separator: ", ")))")
            }
            return .codeBlock
        }
        var options: [String: Any] = [:]
        var dataValue: Any = [String: Any]()
        var json = "null"
        // The body starts on the line after the opening fence.
        switch YAMLReader.read(block.body, lineOffset: block.line) {
        case .failure(let failure):
            return .error("the settings of this `\(block.name)` block are not valid YAML: \(failure.message)",
                          lineOffset: failure.line - block.line, column: failure.column)
        case .success(let node?):
            guard let entries = node.entries else {
                return .error("the settings of a `\(block.name)` block must be lines like `data: \(block.name)`", lineOffset: max(node.line, 1))
            }
            for (key, value) in entries { options[key] = value.templateValue }
            if let nameNode = node["data"] {
                // `data: selfcheck` names one file; `data: [allowances, policy]` several, which the template
                // sees as `data.allowances`, `data.policy` and the script as one JSON object keyed by name.
                let nameNodes = nameNode.list ?? [nameNode]
                if nameNode.list?.isEmpty == true {
                    return .error("`data:` lists no data file; write `data: [\(block.name)]` or leave it out", lineOffset: nameNode.line, column: nameNode.column)
                }
                var files: [(key: String, file: DataFiles.File)] = []
                for item in nameNodes {
                    guard let name = item.string, let file = data[name] else {
                        let given = item.string ?? ""
                        let hint = Suggest.closest(to: given, in: data.files.keys).map { "; did you mean `\($0)`?" } ?? ""
                        return .error("no data file `\(given)` in Content/_data/\(hint)", lineOffset: item.line, column: item.column)
                    }
                    files.append((Self.key(of: name), file))
                }
                // The component's own schema describes the first file it names.
                if let first = files.first {
                    ComponentSchemas.validate(component: block.name, data: first.file.root, path: first.file.displayPath).forEach(report)
                }
                if nameNode.list == nil, let only = files.first {
                    let resolved = resolveData(only.file.root, only.file.displayPath)
                    dataValue = resolved.templateValue
                    json = resolved.json
                } else {
                    var values: [String: Any] = [:]
                    var entries: [(key: String, node: DataNode)] = []
                    for (key, file) in files {
                        let resolved = resolveData(file.root, file.displayPath)
                        values[key] = resolved.templateValue
                        entries.append((key, resolved))
                    }
                    dataValue = values
                    json = DataNode(.map(entries)).json
                }
            }
        case .success(nil):
            break
        }
        for taken in block.takenIDs { usedIDs.reserve(taken) }
        let id = usedIDs.unique(for: block.name)
        var view: [String: Any] = ["id": id, "name": block.name, "settings": options, "data": dataValue, "json": json,
                                   "t": strings, "t_json": stringsJSON]
        for (key, value) in pageValues { view[key] = value }
        return .html(templates.render(view, layout: "components/" + block.name))
    }

    /// The name a data file has in a multi-data block: without its language suffix (`policy.en` → `policy`),
    /// so one template serves every language.
    static func key(of name: String) -> String {
        let parts = name.split(separator: ".")
        if parts.count == 2, parts[1].count == 2, parts[1].allSatisfy({ $0.isLetter && $0.isLowercase }) { return String(parts[0]) }
        return name
    }
}
