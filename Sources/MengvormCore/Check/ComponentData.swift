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
    /// data name (without a language suffix: `selfcheck.en` is checked as `selfcheck`), which may name
    /// another component whose schema describes the file. A schema that is `same_as: NAME` is NAME's.
    static func schema(for component: String, dataName: String, in templates: TemplateSet) -> (path: String, node: DataNode)? {
        guard var schema = templates.schemas[component] else { return nil }
        // `same_as: other-component`: a component reading the same file as another borrows its schema.
        if let other = schema.root["same_as"]?.string {
            guard other != component, let borrowed = templates.schemas[other], borrowed.root["same_as"] == nil else { return nil }
            schema = borrowed
        }
        guard let files = schema.root["files"] else { return (schema.display, schema.root) }
        let base = baseName(dataName)
        guard let entry = files[base] ?? files[dataName] else { return nil }
        if let other = entry.string {
            guard other != component, let borrowed = templates.schemas[other], borrowed.root["files"] == nil else { return nil }
            return (borrowed.display, borrowed.root)
        }
        return (schema.display, entry)
    }

    /// `selfcheck.en` → `selfcheck`; `rates/nl` stays.
    static func baseName(_ dataName: String) -> String {
        guard let dot = dataName.lastIndex(of: "."), dataName.distance(from: dot, to: dataName.endIndex) <= 4 else { return dataName }
        return String(dataName[..<dot])
    }
}
