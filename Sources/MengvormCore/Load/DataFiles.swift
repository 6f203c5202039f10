import Foundation

/// The YAML and JSON files of `Content/_data/`, by name (`selfcheck.yml` → `selfcheck`).
public struct DataFiles: Sendable {
    public struct File: Sendable {
        public var name: String
        public var displayPath: String
        public var root: DataNode
    }

    public private(set) var files: [String: File] = [:]

    public init() {}

    public subscript(name: String) -> File? { files[name] }

    static func load(_ sources: [SourceFile], contentRoot: URL, diagnostics: inout Diagnostics) -> DataFiles {
        var data = DataFiles()
        for source in sources where source.kind == .data {
            let path = source.displayPath
            let name = dataName(of: source)
            if let existing = data.files[name] {
                diagnostics.error(
                    "two data files are both called `\(name)`: \(existing.displayPath) and this one; rename one",
                    at: SourceLocation(path: path, line: 1, column: 1))
                continue
            }
            let text: String
            switch FileReader.readText(at: contentRoot.path + "/" + source.contentPath) {
            case .failure(let failure):
                let (message, line) = FileReader.message(for: failure)
                diagnostics.error(message, at: SourceLocation(path: path, line: line, column: line > 0 ? 1 : 0))
                continue
            case .success(let read):
                text = read
            }
            switch YAMLReader.read(text) {
            case .failure(let failure):
                diagnostics.error(failure.message, at: SourceLocation(path: path, line: failure.line, column: failure.column))
            case .success(let node):
                data.files[name] = File(name: name, displayPath: path, root: node ?? DataNode(.null, line: 1, column: 1))
            }
        }
        return data
    }

    /// `_data/rates/nl.yml` → `rates/nl`; the extension is dropped.
    static func dataName(of source: SourceFile) -> String {
        var name = String(source.contentPath.dropFirst(ContentScanner.dataFolder.count + 1))
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        return name
    }

    /// All data as templates see it: `data.selfcheck.groups`.
    var templateValue: [String: Any] {
        var value: [String: Any] = [:]
        for (name, file) in files { value[name] = file.root.templateValue }
        return value
    }
}
