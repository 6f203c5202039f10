/// The theme's templates: every `{{> name}}`, `{{< name}}` and `{{{cached.name}}}` must name a
/// template, and no partial may include itself.
enum TemplateChecks {
    /// Every `{{> name}}` and `{{< name}}` must name a template, and partials must not include themselves.
    static func check(_ templates: TemplateSet) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let texts = templates.sources
        let partials = templates.partials
        let files = templates.files
        var edges: [String: [String]] = [:]
        for (name, file) in texts {
            for reference in TemplateReferences.scanCached(file.text) where !partials.contains(reference.name) {
                let hint = Suggest.closest(to: reference.name, in: partials).map { "; did you mean `cached.\($0)`?" } ?? ""
                diagnostics.error(
                    "`cached.\(reference.name)` names no partial\(hint)",
                    at: SourceLocation(path: file.display, line: reference.line, column: reference.column))
            }
            for reference in TemplateReferences.scan(file.text) {
                if templates.library.template(named: reference.name) == nil {
                    let known = Array(files.keys)
                    let hint = Suggest.closest(to: reference.name, in: known).map { "; did you mean `\($0)`?" } ?? ""
                    diagnostics.error(
                        "no partial or layout `\(reference.name)`\(hint)",
                        at: SourceLocation(path: file.display, line: reference.line, column: reference.column))
                } else if reference.isPartial {
                    edges[name, default: []].append(reference.name)
                }
            }
        }
        for (name, file) in texts.sorted(by: { $0.key < $1.key }) {
            if let cycle = findCycle(from: name, edges: edges) {
                diagnostics.error(
                    "the partial `\(name)` includes itself (\(cycle.joined(separator: " → "))); remove one of these includes",
                    at: SourceLocation(path: file.display, line: 1, column: 1))
            }
        }
        return diagnostics.all
    }

    private static func findCycle(from start: String, edges: [String: [String]]) -> [String]? {
        var stack: [(String, [String])] = [(start, [start])]
        var visited = Set<String>()
        while let (node, path) = stack.popLast() {
            for next in edges[node] ?? [] {
                if next == start { return path + [next] }
                if visited.insert(next).inserted { stack.append((next, path + [next])) }
            }
        }
        return nil
    }
}

/// Finds the partial (`{{> name}}`) and parent (`{{< name}}`) tags of a template with their positions.
enum TemplateReferences {
    struct Reference {
        var name: String
        var isPartial: Bool
        var line: Int
        var column: Int
    }

    /// `{{{cached.name}}}` tags, which render the partial `name` through the partial cache.
    static func scanCached(_ text: String) -> [Reference] {
        var references: [Reference] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: "cached.") {
                let nameStart = range.upperBound
                let name = rest[nameStart...].prefix { $0 != "}" && $0 != " " }
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                references.append(Reference(name: String(name), isPartial: true, line: number + 1, column: column))
                rest = rest[nameStart...]
            }
        }
        return references
    }

    static func scan(_ text: String) -> [Reference] {
        var references: [Reference] = []
        let bytes = Array(text.utf8)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if byte == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                bytes[index + 2] == UInt8(ascii: ">") || bytes[index + 2] == UInt8(ascii: "<")
            {
                let isPartial = bytes[index + 2] == UInt8(ascii: ">")
                var end = index + 3
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "}") && bytes[end + 1] == UInt8(ascii: "}")) { end += 1 }
                var name = String(decoding: bytes[(index + 3)..<min(end, bytes.count)], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("*") { name = "" }  // a dynamic partial: its name is known only at render time
                if !name.isEmpty {
                    references.append(Reference(name: name, isPartial: isPartial, line: line, column: index - lineStart + 1))
                }
                index = end
                continue
            }
            index += 1
        }
        return references
    }
}
