/// The data files that component blocks name, checked against the schemas their components bring
/// (`partials/components/NAME.schema.yml`). Each pair of component and data file is checked once,
/// however many pages use it.
enum ComponentData {
    static func check(_ site: RenderedSite) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var checked = Set<String>()
        var faultySchemas = Set<String>()
        let uses = site.pages.flatMap(\.components).sorted { ($0.component, $0.data) < ($1.component, $1.data) }
        for use in uses where checked.insert(use.component + "\u{0}" + use.data).inserted {
            guard let file = site.data[use.data],
                let (schemaPath, spec) = schema(for: use.component, dataName: use.data, in: site.templates)
            else { continue }
            // `file` values in data files are paths from Content/.
            let result = ComponentSchema.validate(
                file.root, against: spec, dataPath: file.displayPath, schemaPath: schemaPath,
                fileExists: { site.index.assets[$0.hasPrefix("/") ? String($0.dropFirst()) : $0] != nil })
            diagnostics += result.data
            if faultySchemas.insert(schemaPath).inserted { diagnostics += result.schema }
        }
        return diagnostics
    }

    /// The schema node for one data file of a component: the whole schema, or its `files:` entry for the
    /// data name (without a language suffix: `selfcheck.en` is checked as `selfcheck`). A schema that is
    /// `same_as: NAME`, or a `files:` entry that is a name, is what component NAME says of that file, so a
    /// shape is written once however many components read it.
    static func schema(
        for component: String, dataName: String, in templates: TemplateSet,
        visited: Set<String> = []
    ) -> (path: String, node: DataNode)? {
        guard !visited.contains(component), let schema = templates.schemas[component] else { return nil }
        let borrow = { (other: String) in
            Self.schema(for: other, dataName: dataName, in: templates, visited: visited.union([component]))
        }
        if let other = schema.root["same_as"]?.string { return borrow(other) }
        guard let files = schema.root["files"] else { return (schema.display, schema.root) }
        guard let entry = files[baseName(dataName)] ?? files[dataName] else { return nil }
        if let other = entry.string { return borrow(other) }
        return (schema.display, entry)
    }

    /// `selfcheck.en` → `selfcheck`; `rates/nl` stays.
    static func baseName(_ dataName: String) -> String {
        guard let dot = dataName.lastIndex(of: "."), dataName.distance(from: dot, to: dataName.endIndex) <= 4 else { return dataName }
        return String(dataName[..<dot])
    }
}
