import Testing

@testable import Markdown

/// The table examples of the GitHub Flavored Markdown spec (version 0.29, github/cmark-gfm test/spec.txt,
/// CC-BY-SA 4.0), input and expected HTML as the spec writes them. `adapted` makes the only changes our
/// output has on purpose: the table sits in a wrapper that scrolls sideways on a narrow screen (focusable
/// and labelled, WCAG 2.1.1 and 4.1.2), header cells say `scope="col"`, and alignment is a class
/// (`align` is obsolete HTML and a `style` attribute is blocked by the site's Content-Security-Policy).
@Suite struct GFMTableTests {
    static func adapted(_ specHTML: String, label: String) -> String {
        var html =
            specHTML
            .replacingOccurrences(of: "<th>", with: "<th scope=\"col\">")
            .replacingOccurrences(of: "<th align=", with: "<th scope=\"col\" align=")
        for alignment in ["left", "center", "right"] {
            html = html.replacingOccurrences(of: "align=\"\(alignment)\"", with: "class=\"align-\(alignment)\"")
        }
        return html.replacingOccurrences(
            of: "<table>\n",
            with: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table: \(label)\">\n<table>\n"
        )
        .replacingOccurrences(of: "</table>\n", with: "</table>\n</div>\n")
    }

    static let examples: [(number: Int, markdown: String, html: String, label: String)] = [
        (
            198, "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
            "<table>\n<thead>\n<tr>\n<th>foo</th>\n<th>bar</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>baz</td>\n<td>bim</td>\n</tr>\n</tbody>\n</table>\n",
            "foo, bar"
        ),
        (
            199, "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
            "<table>\n<thead>\n<tr>\n<th align=\"center\">abc</th>\n<th align=\"right\">defghi</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"center\">bar</td>\n<td align=\"right\">baz</td>\n</tr>\n</tbody>\n</table>\n",
            "abc, defghi"
        ),
        (
            200, "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
            "<table>\n<thead>\n<tr>\n<th>f|oo</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b <code>|</code> az</td>\n</tr>\n<tr>\n<td>b <strong>|</strong> im</td>\n</tr>\n</tbody>\n</table>\n",
            "f|oo"
        ),
        (
            201, "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
            "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>bar</p>\n</blockquote>\n",
            "abc, def"
        ),
        (
            202, "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
            "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n<p>bar</p>\n",
            "abc, def"
        ),
        // The setext example that follows 202 in cmark-gfm's spec.txt.
        (
            0, "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n===\n",
            "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>===</td>\n<td></td>\n</tr>\n</tbody>\n</table>\n",
            "abc, def"
        ),
        (
            203, "| abc | def |\n| --- |\n| bar |\n",
            "<p>| abc | def |\n| --- |\n| bar |</p>\n", ""
        ),
        (
            204, "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
            "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>bar</td>\n<td></td>\n</tr>\n<tr>\n<td>bar</td>\n<td>baz</td>\n</tr>\n</tbody>\n</table>\n",
            "abc, def"
        ),
        (
            205, "| abc | def |\n| --- | --- |\n",
            "<table>\n<thead>\n<tr>\n<th>abc</th>\n<th>def</th>\n</tr>\n</thead>\n</table>\n",
            "abc, def"
        ),
    ]

    @Test(arguments: examples.indices)
    func specExample(_ index: Int) {
        let example = GFMTableTests.examples[index]
        let html = MarkdownRenderer().render(example.markdown).html
        #expect(html == GFMTableTests.adapted(example.html, label: example.label), "example \(example.number)")
    }

    @Test func aSetextRuleAfterATableIsAThematicBreak() {
        let html = MarkdownRenderer().render("| a |\n| - |\n| b |\n---\n").html
        #expect(html.hasSuffix("<td>b</td>\n</tr>\n</tbody>\n</table>\n</div>\n<hr />\n"))
    }

    @Test func tablesInQuotesAndListItemsButNotLazily() {
        let quoted = MarkdownRenderer().render("> abc | def\n> --- | ---\n> 1 | 2\n").html
        #expect(quoted.hasPrefix("<blockquote>\n<div class=\"table-scroll\""))
        #expect(quoted.contains("<td>1</td>\n<td>2</td>"))
        let lazy = MarkdownRenderer().render("> abc | def\n--- | ---\n").html
        #expect(lazy == "<blockquote>\n<p>abc | def\n--- | ---</p>\n</blockquote>\n")
        let listed = MarkdownRenderer().render("- Bedragen:\n\n  | Jaar | Bedrag |\n  | ---- | -----: |\n  | 2026 | € 2,45 |\n").html
        #expect(listed.contains("<th scope=\"col\" class=\"align-right\">Bedrag</th>"))
        #expect(listed.contains("<td class=\"align-right\">€ 2,45</td>"))
    }

    @Test func cellsHoldInlineMarkdownWhoseLinksGoThroughTheResolver() {
        let renderer = MarkdownRenderer(resolveLink: { link in
            link.destination == "weg.md" ? .broken("no page weg.md") : .rewrite("/" + link.destination)
        })
        let doc = renderer.render(
            "Intro\n\n| Wat | Waar |\n|---|---|\n| *Stoel* | [arbo](arbo.md) |\n| `# code` | [weg](weg.md) en [x][ref] |\n\n[ref]: x.md\n",
            lineOffset: 4)
        #expect(doc.html.contains("<td><em>Stoel</em></td>\n<td><a href=\"/arbo.md\">arbo</a></td>"))
        #expect(doc.html.contains("<td><code># code</code></td>\n<td><a href=\"weg.md\">weg</a> en <a href=\"/x.md\">x</a></td>"))
        // The broken link is reported where it is written: line 6 of the body plus the offset, its column.
        #expect(doc.issues == [MarkdownIssue(.error, line: 10, column: 14, "no page weg.md")])
        #expect(doc.plainText.contains("Wat Waar"))
    }

    @Test func cellTextThatLooksLikeABlockStaysText() {
        let html = MarkdownRenderer().render("| a | b | c | d |\n|---|---|---|---|\n| # kop | - punt | 1. een | > quote |\n").html
        #expect(html.contains("<td># kop</td>\n<td>- punt</td>\n<td>1. een</td>\n<td>&gt; quote</td>"))
    }

    @Test func aTableDoesNotInterruptAParagraphAndCodeStaysCode() {
        let html = MarkdownRenderer().render("Tekst\n| a | b |\n| - | - |\n\n    | a | b |\n    | - | - |\n").html
        #expect(!html.contains("<table>"))
        #expect(html.contains("<pre><code>| a | b |"))
    }

    @Test func theWrapperLabelComesFromTheCaller() {
        var renderer = MarkdownRenderer()
        renderer.tableLabel = "Tabel"
        let html = renderer.render("| Jaar | **Bedrag** | [Wie](x.md) | Waar |\n|---|---|---|---|\n").html
        #expect(html.hasPrefix("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabel: Jaar, Bedrag, Wie\">"))
        #expect(renderer.render("| | \"a\" |\n|---|---|\n").html.contains("aria-label=\"Tabel: &quot;a&quot;\""))
    }
}
