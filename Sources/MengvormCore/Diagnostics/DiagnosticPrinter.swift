import Foundation

/// Turns diagnostics into the text an editor reads: the headline, the source line and a caret.
public struct DiagnosticPrinter {
    public var siteRoot: URL
    private var linesByPath: [String: [Substring]] = [:]

    public init(siteRoot: URL) { self.siteRoot = siteRoot }

    public mutating func format(_ diagnostic: Diagnostic) -> String {
        var text = diagnostic.headline + "\n"
        guard let location = diagnostic.location, location.line > 0,
            let line = sourceLine(location.path, location.line)
        else { return text }
        let shown = line.replacingOccurrences(of: "\t", with: " ")
        text += "    \(shown)\n"
        if location.column > 0 {
            // Columns count bytes in cmark and scalars in YAML; both line up for the ASCII lead of a line.
            let caretColumn = min(location.column - 1, shown.count)
            text += "    " + String(repeating: " ", count: max(caretColumn, 0)) + "^\n"
        }
        return text
    }

    /// A closing line such as `2 errors, 1 warning`.
    public static func summary(errors: Int, warnings: Int) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(errors, "error")), \(count(warnings, "warning"))"
    }

    private mutating func sourceLine(_ path: String, _ number: Int) -> String? {
        if linesByPath[path] == nil {
            let url = siteRoot.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path),
                data.count < 5_000_000,
                let text = String(data: data, encoding: .utf8)
            else { return nil }
            linesByPath[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = linesByPath[path], number <= lines.count else { return nil }
        let line = lines[number - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line).prefix(200).description
    }
}
