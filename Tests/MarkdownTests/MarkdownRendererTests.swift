import Testing

@testable import Markdown

@Suite struct MarkdownRendererTests {
    @Test func headingsGetFoldedUniqueIDs() {
        let doc = MarkdownRenderer().render("## Wat mag je thuis?\n\n## Één ideeën\n\n## Tips\n\n## Tips\n")
        #expect(doc.headings.map(\.id) == ["wat-mag-je-thuis", "een-ideeen", "tips", "tips-2"])
        #expect(doc.html.contains("<h2 id=\"wat-mag-je-thuis\">\nWat mag je thuis?\n</h2>"))
        #expect(doc.html.contains("<h2 id=\"tips-2\">\nTips\n</h2>"))
    }

    @Test func headingIDKeepsInlineMarkupInsideTheHeading() {
        let doc = MarkdownRenderer().render("### De *stoel* en `bureau`\n")
        #expect(doc.html == "<h3 id=\"de-stoel-en-bureau\">\nDe <em>stoel</em> en <code>bureau</code>\n</h3>\n")
    }

    @Test func safeModeDropsRawHTMLAndJavascriptLinks() {
        let doc = MarkdownRenderer().render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x\">b</b>\n")
        #expect(!doc.html.contains("<script"))
        #expect(!doc.html.contains("javascript:"))
        #expect(!doc.html.contains("onclick"))
        let unsafe = MarkdownRenderer(allowsUnsafeHTML: true).render("<div class=\"x\">hoi</div>\n")
        #expect(unsafe.html.contains("<div class=\"x\">hoi</div>"))
    }

    @Test func taskListsBecomeLabelledCheckboxesInAChecklist() {
        let doc = MarkdownRenderer().render("- [ ] Stoel instellen\n- [x] Scherm op *ooghoogte*\n- gewoon punt\n")
        #expect(doc.taskCount == 2)
        #expect(doc.html.hasPrefix("<div class=\"checklist\">\n<ul>"))
        #expect(
            doc.html.contains(
                "<li><input type=\"checkbox\" id=\"taak-stoel-instellen\" data-task=\"stoel-instellen\"> <label for=\"taak-stoel-instellen\">Stoel instellen</label></li>"
            ))
        #expect(
            doc.html.contains(
                "data-task=\"scherm-op-ooghoogte\" checked> <label for=\"taak-scherm-op-ooghoogte\">Scherm op <em>ooghoogte</em></label>"))
        #expect(doc.html.contains("<li>gewoon punt</li>"))
    }

    @Test func taskMarkersInCodeOrWithoutSpaceStayText() {
        let doc = MarkdownRenderer().render("- [ ]\n- [x]y\n\n```\n- [ ] code\n```\n")
        #expect(doc.taskCount == 0)
        #expect(!doc.html.contains("checkbox"))
    }

    @Test func linksAreRewrittenOrReportedWithTheirPosition() {
        let renderer = MarkdownRenderer(resolveLink: { link in
            switch link.destination {
            case "a.md": return .rewrite("a/")
            case "weg.md": return .broken("no page weg.md")
            default: return .keep
            }
        })
        let doc = renderer.render("Intro\n\nZie [A](a.md) en\n[weg](weg.md).\n", lineOffset: 3)
        #expect(doc.html.contains("<a href=\"a/\">A</a>"))
        #expect(doc.issues == [MarkdownIssue(.error, line: 7, column: 1, "no page weg.md")])
    }

    @Test func componentBlocksAreReplacedAndOthersStayCode() {
        let renderer = MarkdownRenderer(renderComponent: { block in
            switch block.name {
            case "selfcheck": return .html("<form class=\"selfcheck\">\(block.body.count)</form>\n")
            case "selfchek": return .error("unknown component", lineOffset: 1)
            default: return .codeBlock
            }
        })
        let doc = renderer.render("```selfcheck\ndata: x\n```\n\n```swift\nlet a = 1\n```\n\n```selfchek\n```\n")
        #expect(doc.html.contains("<form class=\"selfcheck\">8</form>"))
        #expect(doc.html.contains("<pre><code class=\"language-swift\">let a = 1\n</code></pre>"))
        #expect(doc.issues.map(\.line) == [10])
    }

    @Test func plainTextKeepsBlocksApart() {
        let doc = MarkdownRenderer().render("# Kop\n\nEen *zin*.\n\n- punt een\n- punt twee\n")
        #expect(doc.plainText == "Kop\nEen zin.\npunt een\npunt twee\n")
    }

    @Test(arguments: [
        ("Wat mag je thuis?", "wat-mag-je-thuis"),
        ("Café & Crème brûlée", "cafe-creme-brulee"),
        ("  ĳsje—€ 2,45 per dag  ", "ijsje-2-45-per-dag"),
        ("Straße", "strasse"),
        ("???", ""),
        ("Ωμέγα en één", "en-een"),
        ("Ideeën-bus: ÅÄÖ ñ", "ideeen-bus-aao-n"),
    ])
    func slugs(input: String, expected: String) {
        #expect(HeadingID.slug(input) == expected)
    }

    @Test func slugsStopAtTheirLength() {
        #expect(HeadingID.slug("Één twee drie", maxLength: 7) == "een-twe")
        #expect(HeadingID.slug("Ωμέγα één twee", maxLength: 7) == "een-twe")
    }
}
