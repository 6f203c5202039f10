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
            if let listNode = node["data"], let names = listNode.list {
                // `data: [teams, activities, policy]`: `data.teams`, … and one JSON object keyed by those names.
                // A language suffix is dropped from the key (`activities.en` → `activities`), so one template serves both.
                var values: [String: Any] = [:]
                var parts: [String] = []
                for nameNode in names {
                    guard let name = nameNode.string, let file = data[name] else {
                        let given = nameNode.string ?? ""
                        let hint = Suggest.closest(to: given, in: data.files.keys).map { "; did you mean `\($0)`?" } ?? ""
                        return .error("no data file `\(given)` in Content/_data/\(hint)", lineOffset: nameNode.line, column: nameNode.column)
                    }
                    let key = String(name.split(separator: ".", maxSplits: 1).first ?? Substring(name))
                    let resolved = resolveData(file.root, file.displayPath)
                    values[key] = resolved.templateValue
                    parts.append(JSONText.quote(key) + ":" + resolved.json)
                }
                dataValue = values
                json = "{" + parts.joined(separator: ",") + "}"
            } else if let nameNode = node["data"] {
                guard let name = nameNode.string, let file = data[name] else {
                    let given = nameNode.string ?? ""
                    let hint = Suggest.closest(to: given, in: data.files.keys).map { "; did you mean `\($0)`?" } ?? ""
                    return .error("no data file `\(given)` in Content/_data/\(hint)", lineOffset: nameNode.line, column: nameNode.column)
                }
                ComponentSchemas.validate(component: block.name, data: file.root, path: file.displayPath).forEach(report)
                let resolved = resolveData(file.root, file.displayPath)
                dataValue = resolved.templateValue
                json = resolved.json
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
}
