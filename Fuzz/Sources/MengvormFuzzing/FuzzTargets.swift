import Foundation
import Markdown
@_spi(Fuzzing) import MengvormCore

/// The code a fuzzer feeds with arbitrary bytes. Each target must never crash, hang or leak
/// outside its input; a diagnostic is a fine answer, a trap is a bug.
public enum FuzzTargets {
    public static let names = ["frontmatter", "markdown", "template"]

    public static func run(_ name: String, _ bytes: [UInt8]) {
        switch name {
        case "frontmatter": frontMatter(bytes)
        case "markdown": markdown(bytes)
        case "template": template(bytes)
        default: fatalError("unknown fuzz target \(name); known: \(names.joined(separator: ", "))")
        }
    }

    /// Front matter splitting, YAML parsing and field checks, as for a page file.
    static func frontMatter(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        // The fast reader of flat front matter must read whatever it accepts exactly as libyaml does.
        for yaml in [text, FuzzSurface.frontMatterYAML(text)] {
            if let flat = FuzzSurface.flatOutline(yaml) {
                guard let reference = FuzzSurface.libYAMLOutline(yaml) else {
                    preconditionFailure("FlatYAML read what libyaml rejects: \(yaml.debugDescription)")
                }
                precondition(flat == reference, "FlatYAML \(flat) != libyaml \(reference)")
            }
        }
        let (title, slug, diagnostics) = FuzzSurface.loadPage(text)
        for diagnostic in diagnostics {
            precondition(
                diagnostic.location?.path == "Content/fuzz/pagina.md" && diagnostic.location!.line >= 1, "diagnostic without a place")
        }
        // A page without an error has a title; a slug never leaves its folder.
        if let title, !diagnostics.contains(where: { $0.severity == .error }) { precondition(!title.isEmpty) }
        if let slug { precondition(!slug.contains("/") && !slug.contains("..")) }
    }

    /// The Markdown transforms on the cmark tree: task lists, components, link rewriting, heading ids.
    static func markdown(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let renderer = MarkdownRenderer(
            allowsUnsafeHTML: bytes.first.map { $0 & 1 == 1 } ?? false,
            resolveLink: { link in
                if link.destination.hasSuffix(".md") { return .rewrite("../" + link.destination.dropLast(3) + "/") }
                if link.destination.hasPrefix("weg") { return .broken("no page") }
                return .keep
            },
            renderComponent: { block in
                switch block.name {
                case "selfcheck": return .html("<form id=\"\(HeadingID.slug(block.body))\"></form>\n")
                case "kapot": return .error("broken", lineOffset: 1)
                default: return .codeBlock
                }
            })
        let document = renderer.render(text, lineOffset: 3)
        var ids = Set<String>()
        for heading in document.headings {
            precondition(ids.insert(heading.id).inserted, "duplicate heading id \(heading.id)")
            precondition(heading.id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        }
        for issue in document.issues { precondition(issue.line > 3) }
    }

    /// The default theme's templates rendering arbitrary page data (YAML from the input).
    static func template(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self), case .success(let node?) = YAMLReader.read(text) else { return }
        let value = node.templateValue
        for layout in ["page", "section", "home", "404", "tags", "overview"] {
            let html = render(
                [
                    "page": value, "site": value, "menu": value, "siblings": value, "children": value,
                    "t": value, "content": "<p>x</p>", "root": "../",
                ], layout)
            // Whatever the data, author text never opens a tag: a script tag only comes from the theme.
            precondition(!html.contains("<script>alert"), "unescaped author text in \(layout)")
        }
    }

    /// The repository's default theme, loaded once.
    static let render: @Sendable ([String: Any], String) -> String = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return FuzzSurface.themeRenderer(siteRoot: repository, theme: "default")
    }()
}
