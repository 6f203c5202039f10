import Templates
import Testing

/// What the engine adds to the spec: transforms, errors with their place, computed and rendered values.
@Suite struct EngineTests {
    private func render(_ template: String, _ value: Any, partials: [String: String] = [:]) throws -> String? {
        var library = TemplateLibrary()
        for (name, text) in partials { try library.register(text, named: name) }
        try library.register(template, named: "t")
        return library.render(value, template: "t")
    }

    private func error(_ template: String) -> TemplateError? {
        var library = TemplateLibrary()
        do {
            try library.register(template, named: "t")
            return nil
        } catch {
            return error
        }
    }

    @Test func listTransforms() throws {
        let view: [String: Any] = ["list": ["a", "b", "c"], "none": [String](), "rows": [["n": 1], ["n": 2]]]
        #expect(try render("{{#first(list)}}{{.}}{{/first(list)}}|{{#last(list)}}{{.}}{{/last(list)}}", view) == "a|c")
        #expect(try render("{{count(list)}} {{count(none)}} {{empty(none)}} {{empty(list)}}", view) == "3 0 true false")
        #expect(try render("{{#reversed(list)}}{{.}}{{/reversed(list)}}", view) == "cba")
        #expect(try render("{{#first(none)}}x{{/first(none)}}{{^empty(none)}}y{{/empty(none)}}", view) == "")
        #expect(try render("{{#first(rows)}}{{n}}{{/first(rows)}}{{#last(rows)}}{{n}}{{/last(rows)}}", view) == "12")
    }

    @Test func stringTransforms() throws {
        let view: [String: Any] = ["s": "hello wORLD"]
        #expect(
            try render("{{lowercased(s)}}|{{uppercased(s)}}|{{capitalized(s)}}|{{reversed(s)}}", view)
                == "hello world|HELLO WORLD|Hello World|DLROw olleh")
        // Nested transforms apply from the inside out.
        #expect(try render("{{uppercased(reversed(s))}}", view) == "DLROW OLLEH")
    }

    /// `count` has no meaning for a string, so `{{^count(.)}}` renders only for items that are text,
    /// which the default theme relies on (team-agreement.mustache).
    @Test func countOfTextIsNothing() throws {
        let view: [String: Any] = ["options": ["een", ["label": "twee"], "drie"]]
        #expect(try render("{{#options}}{{^count(.)}}[{{.}}]{{/count(.)}}{{/options}}", view) == "[een][drie]")
    }

    @Test func unknownTransformIsAnErrorWithItsPlace() {
        let found = error("a\n  {{#sorted(list)}}{{/sorted(list)}}")
        #expect(found?.kind == .unknownTransform("sorted"))
        #expect(found.map { "\($0.line):\($0.column)" } == "2:3")
        #expect(
            found?.message == "unknown transform `sorted`; known: first, last, count, empty, reversed, lowercased, uppercased, capitalized")
    }

    @Test func parseErrorsCarryLineAndColumn() {
        let cases: [(String, TemplateError.Kind, String)] = [
            ("{{#x}}", .sectionNotClosed(name: "x"), "1:7"),
            ("a\n{{#x}}\n{{/y}}", .closeDoesNotMatch(open: "x", found: "y"), "3:4"),
            ("{{/y}}", .closeDoesNotMatch(open: nil, found: "y"), "1:4"),
            ("ab {{x y}}", .unfinishedTag, "1:8"),
            ("ab {{x", .endsInsideTag, "1:7"),
            ("{{! never closed", .endsInsideTag, "1:17"),
            ("{{=<% %>}}", .badDelimiter, "1:11"),
            ("{{<base}}{{x}}{{/base}}", .tagInsideParent, "1:24"),
            ("{{$first(x)}}{{/first(x)}}", .transformOnBlock, "1:14"),
            ("{{% CONTENT_TYPE: TEXT }}", .setting(valid: true), "1:26"),
            ("{{#first()}}{{/first()}}", .transformWithoutName("first"), "1:1"),
        ]
        for (template, kind, place) in cases {
            let found = error(template)
            #expect(found?.kind == kind, "\(template)")
            #expect(found.map { "\($0.line):\($0.column)" } == place, "\(template)")
        }
        #expect(error("{{#x}}")?.message == "a section is not closed: add `{{/x}}` for its `{{#x}}` or `{{^x}}`")
    }

    /// Mengvorm's templates keep the whitespace they had with a `{{% … }}` tag in front of their first line.
    @Test func firstLineAfterTag() throws {
        let text = "{{! note }}\n{{#a}}\nx\n{{/a}}\n"
        var library = TemplateLibrary()
        try library.register(text, named: "spec")
        try library.register(text, named: "after", firstLineAfterTag: true)
        try library.register("\n<p>{{x}}</p>", named: "blank", firstLineAfterTag: true)
        #expect(library.render(["a": true], template: "spec") == "x\n")
        // The comment is not alone on its line (the tag before it is), so its line end stays.
        #expect(library.render(["a": true], template: "after") == "\nx\n")
        #expect(library.render(["x": 1], template: "blank") == "<p>1</p>")
    }

    struct Lazy: TemplateParent {
        func child(named name: String) -> Any? { name == "missing" ? nil : "<\(name)>" }
    }

    struct HTML: TemplateHTML {
        let html: String
        var isNull: Bool { html.isEmpty }
    }

    @Test func computedChildren() throws {
        let view: [String: Any] = ["lazy": Lazy(), "missing": "from the root"]
        #expect(try render("{{{lazy.menu}}} {{lazy.menu}} [{{lazy.missing}}]", view) == "<menu> &lt;menu&gt; []")
        #expect(try render("{{#lazy}}{{{x}}} {{missing}}{{/lazy}}", view) == "<x> from the root")
    }

    /// A view read by name, as the generator's page lists are.
    final class Entry: TemplateObject {
        let title: String
        let current: Bool
        init(_ title: String, current: Bool = false) {
            self.title = title
            self.current = current
        }
        override func value(named name: TemplateName) -> TemplateValue? {
            switch name.string {
            case "title": return .string(title)
            case "current": return .flag(current)
            default: return nil
            }
        }
    }

    @Test func listsOfObjectsAreReadByName() throws {
        let entries: [TemplateObject] = [Entry("Een"), Entry("Twee & drie", current: true)]
        let view: [String: Any] = ["pages": entries, "none": [TemplateObject](), "site": "Lindehof"]
        #expect(
            try render("{{#pages}}<{{title}}{{#current}}*{{/current}} {{site}}>{{/pages}}", view)
                == "<Een Lindehof><Twee &amp; drie* Lindehof>")
        #expect(try render("{{#none}}x{{/none}}{{^none}}leeg{{/none}}{{^pages}}leeg{{/pages}}", view) == "leeg")
        #expect(try render("{{#first(pages)}}{{title}}{{/first(pages)}} {{count(pages)}} {{empty(none)}}", view) == "Een 2 true")
    }

    @Test func renderedHTMLIsInsertedAsIsAndEmptyCountsAsAbsent() throws {
        let view: [String: Any] = ["body": HTML(html: "<p>a & b</p>"), "empty": HTML(html: "")]
        #expect(try render("{{{body}}}|{{body}}", view) == "<p>a & b</p>|&lt;p&gt;a &amp; b&lt;/p&gt;")
        #expect(try render("{{#body}}yes{{/body}}{{#empty}}no{{/empty}}{{^empty}}none{{/empty}}", view) == "yesnone")
    }

    @Test func valuesAsSwiftMustacheWroteThem() throws {
        let view: [String: Any] = ["i": 3, "d": 1.5, "b": true, "s": "", "q": "'\"", "o": Optional<String>.none as Any]
        #expect(try render("{{i}} {{d}} {{b}} {{q}} [{{o}}]", view) == "3 1.5 true &#39;&quot; []")
        // An empty string is a value: its section renders.
        #expect(try render("{{#s}}set{{/s}}{{^s}}unset{{/s}}{{#o}}o{{/o}}", view) == "set")
    }

    @Test func rendersFromManyThreadsAtOnce() async throws {
        var library = TemplateLibrary()
        try library.register("{{#items}}{{>item}}{{/items}}", named: "list")
        try library.register("<{{.}}>", named: "item")
        let shared = library
        let outputs = await withTaskGroup(of: String?.self) { group in
            for index in 0..<64 { group.addTask { shared.render(["items": Array(0...index + 1)], template: "list") } }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(outputs.count == 64)
        #expect(outputs.allSatisfy { $0?.hasPrefix("<0><1>") == true })
    }

    /// A page larger than the buffer reserved for it moves to a larger one without losing a byte, and an
    /// indented partial is still indented there (the indentation is put in after its line is written).
    @Test func outputLargerThanItsFirstBufferIsWholeAndIndented() throws {
        var library = TemplateLibrary()
        try library.register("<ul>\n{{#items}}\n  {{>item}}\n{{/items}}\n</ul>\n", named: "list")
        try library.register("<li>{{.}}</li>\n<li>{{.}}!</li>\n", named: "item")
        let items = Array(0..<2_000)
        let expected = "<ul>\n" + items.map { "  <li>\($0)</li>\n  <li>\($0)!</li>\n" }.joined() + "</ul>\n"
        for capacity in [1, 64, 100_000] {
            let bytes = try #require(library.renderBytes(["items": items], template: "list", capacity: capacity))
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "capacity \(capacity)")
        }
    }
}
