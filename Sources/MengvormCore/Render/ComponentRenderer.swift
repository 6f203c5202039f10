import Markdown

/// Renders a fenced block such as ```` ```selfcheck ```` through the theme's `components/<name>` partial,
/// with the data file it names. The block body is YAML: `data: selfcheck` plus options for the theme.
struct ComponentRenderer {
    let templates: TemplateSet
    let data: DataFiles
    /// The UI strings for a component of this name (as JSON only those its scripts use).
    let strings: (String) -> UIStrings
    /// Shared with the page: the relative path to the site root, and its language.
    let root: String
    let lang: String

    /// The components this page used with their data files, for the schema checks (`ComponentData`).
    private(set) var uses: [ComponentUse] = []
    /// The names of the components on this page, whose scripts' UI strings it carries.
    private(set) var names: Set<String> = []

    /// Ids already used on this page, so two blocks of one kind get `selfcheck` and `selfcheck-2`.
    private var usedIDs = HeadingID.Allocator()
    /// The page's file, where mistakes in a block's settings are reported.
    var pagePath = ""
    /// A file the block names (a `file` setting) → its link from this page; nil when there is no such file.
    var resolveFile: (String) -> String? = { _ in nil }
    /// Mistakes in the blocks' settings, against the `settings:` of their schemas.
    private(set) var diagnostics: [Diagnostic] = []

    init(templates: TemplateSet, data: DataFiles, strings: @escaping (String) -> UIStrings, root: String, lang: String) {
        self.templates = templates
        self.data = data
        self.strings = strings
        self.root = root
        self.lang = lang
    }

    mutating func render(_ block: ComponentBlock, resolveData: (DataNode, String) -> DataNode) -> ComponentDecision {
        guard templates.hasComponent(block.name) else {
            // A near miss of a component name is almost certainly a typo, not a code sample.
            if block.name.count > 3, let suggestion = templates.componentNearMiss(block.name) {
                return .error(
                    "unknown component `\(block.name)`; did you mean `\(suggestion)`? (known: \(templates.componentNames.joined(separator: ", ")))"
                )
            }
            return .codeBlock
        }
        var options: [String: Any] = [:]
        var dataValue: Any = [String: Any]()
        var json = "null"
        // The body starts on the line after the opening fence.
        switch YAMLReader.read(block.body, lineOffset: block.line) {
        case .failure(let failure):
            return .error(
                "the settings of this `\(block.name)` block are not valid YAML: \(failure.message)",
                lineOffset: failure.line - block.line, column: failure.column)
        case .success(let node?):
            guard let entries = node.entries else {
                return .error(
                    "the settings of a `\(block.name)` block must be lines like `data: \(block.name)`", lineOffset: max(node.line, 1))
            }
            for (key, value) in entries { options[key] = value.templateValue }
            // `settings:` in the component's schema checks the block's own YAML, at its lines in the page;
            // its `file` fields reach the partial as links from this page.
            if let schema = templates.schemas[block.name], let spec = schema.root["settings"] {
                let resolve = resolveFile
                let result = ComponentSchema.validate(
                    node, against: spec, dataPath: pagePath, schemaPath: schema.display,
                    fileExists: { resolve($0) != nil })
                // The settings' lines count from the block's first line; the fence is at `block.line` of the file.
                diagnostics +=
                    result.data.map { diagnostic in
                        guard var location = diagnostic.location else { return diagnostic }
                        location.line += block.line
                        return Diagnostic(diagnostic.severity, diagnostic.message, at: location)
                    } + result.schema
                for (key, field) in spec["fields"]?.entries ?? [] where field["type"]?.string == "file" {
                    if let text = node[key]?.string, let href = resolveFile(text) { options[key] = href }
                }
            }
            if let dataNode = node["data"] {
                // `data: selfcheck` names one file; `data: [teams, activities]` several, seen as `data.teams`, ...
                let names = dataNode.list ?? [dataNode]
                if names.isEmpty {
                    return .error(
                        "`data:` lists no data file; write `data: [\(block.name)]` or leave it out", lineOffset: dataNode.line,
                        column: dataNode.column)
                }
                var values: [String: Any] = [:]
                var jsonEntries: [(key: String, node: DataNode)] = []
                for nameNode in names {
                    guard let name = nameNode.string, let file = data[name] else {
                        let given = nameNode.string ?? ""
                        let hint = Suggest.closest(to: given, in: data.files.keys).map { "; did you mean `\($0)`?" } ?? ""
                        return .error(
                            "no data file `\(given)` in Content/_data/\(hint)", lineOffset: nameNode.line, column: nameNode.column)
                    }
                    uses.append(ComponentUse(component: block.name, data: name))
                    let resolved = resolveData(file.root, file.displayPath)
                    if dataNode.list == nil {
                        dataValue = resolved.templateValue
                        json = resolved.json
                    } else {
                        values[ComponentData.baseName(name)] = resolved.templateValue
                        jsonEntries.append((ComponentData.baseName(name), resolved))
                    }
                }
                if dataNode.list != nil {
                    dataValue = values
                    json = DataNode(.map(jsonEntries)).json
                }
            }
        case .success(nil):
            break
        }
        names.insert(block.name)
        for taken in block.takenIDs { usedIDs.reserve(taken) }
        let id = usedIDs.unique(for: block.name)
        let view = ComponentView(
            id: id, name: block.name, settings: options, data: dataValue, json: json, strings: strings(block.name), root: root, lang: lang)
        return .html(templates.render(view.mustache, layout: "components/" + block.name))
    }
}

/// One data file a component block named.
struct ComponentUse: Hashable, Sendable {
    var component: String
    var data: String
}
