import Testing

@testable import Markdown

/// Callouts, extended autolinks, strikethrough and images.
@Suite struct MarkdownExtensionTests {
    /// Found by the markdown fuzz target: an image in another image's description was replaced after
    /// the outer one had freed it. The inner image is part of the outer one's alternative text.
    @Test func anImageInsideAnImageDescriptionIsPartOfItsAltText() {
        let html = MarkdownRenderer().render("![buiten ![binnen](b.png) tekst](a.png)\n").html
        #expect(html == "<p><img src=\"a.png\" alt=\"buiten binnen tekst\" /></p>\n")
    }

    // MARK: Callouts

    @Test func calloutsBecomeNotesWithAVisibleTitle() {
        let html = MarkdownRenderer().render("> [!WARNING]\n> Zet je scherm op *ooghoogte*.\n>\n> Tweede alinea.\n").html
        #expect(
            html
                == "<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>Zet je scherm op <em>ooghoogte</em>.</p>\n<p>Tweede alinea.</p>\n</div>\n"
        )
    }

    @Test(arguments: CalloutKind.allCases)
    func everyKindTakesItsLabelFromTheCaller(_ kind: CalloutKind) {
        var renderer = MarkdownRenderer()
        renderer.calloutLabels = [.note: "Let op", .tip: "Tip", .important: "Belangrijk", .warning: "Waarschuwing", .caution: "Pas op"]
        let html = renderer.render("> [!\(kind.rawValue.uppercased())]\n> Tekst\n").html
        #expect(
            html.hasPrefix(
                "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\">\n<p class=\"callout-title\">\(renderer.calloutLabels[kind]!)</p>\n<p>Tekst</p>"
            ))
    }

    @Test func aMarkerWithTextAfterItOrUnknownStaysAQuote() {
        #expect(MarkdownRenderer().render("> [!NOTE] Tekst erna\n").html == "<blockquote>\n<p>[!NOTE] Tekst erna</p>\n</blockquote>\n")
        #expect(MarkdownRenderer().render("> [!OPMERKING]\n> x\n").html.hasPrefix("<blockquote>"))
        #expect(
            MarkdownRenderer().render("> [!note]\n").html
                == "<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n</div>\n")
    }

    @Test func aCalloutMayHoldATableAndLists() {
        let html = MarkdownRenderer().render("> [!TIP]\n> | Dag | Waar |\n> | --- | --- |\n> | ma | thuis |\n>\n> - een\n").html
        #expect(
            html.hasPrefix(
                "<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<div class=\"table-scroll\""))
        #expect(html.contains("<td>ma</td>\n<td>thuis</td>"))
        #expect(html.contains("<ul>\n<li>een</li>\n</ul>\n</div>\n"))
    }

    // MARK: Autolinks

    @Test(arguments: [
        (
            "Zie https://www.rijksoverheid.nl/onderwerpen voor meer.",
            "Zie <a href=\"https://www.rijksoverheid.nl/onderwerpen\">https://www.rijksoverheid.nl/onderwerpen</a> voor meer."
        ),
        ("Kijk op www.arboportaal.nl.", "Kijk op <a href=\"http://www.arboportaal.nl\">www.arboportaal.nl</a>."),
        ("(https://example.org/a_(b))", "(<a href=\"https://example.org/a_(b)\">https://example.org/a_(b)</a>)"),
        ("https://example.org/?x=1&amp;y=2", "<a href=\"https://example.org/?x=1&amp;y=2\">https://example.org/?x=1&amp;y=2</a>"),
        ("http://localhost/niet", "http://localhost/niet"),
        ("geen-www.link.nl", "geen-www.link.nl"),
        ("www.a_b.nl", "www.a_b.nl"),
    ])
    func bareAddressesBecomeLinks(input: String, paragraph: String) {
        #expect(MarkdownRenderer().render(input + "\n").html == "<p>\(paragraph)</p>\n")
    }

    @Test func addressesInCodeAndLinksStayAsTheyAre() {
        let html = MarkdownRenderer().render(
            "`https://a.nl/x` en [https://b.nl](https://c.nl) en <https://d.nl>\n\n```\n@import url('https://e.nl/x.css');\n```\n"
        ).html
        #expect(
            html
                == "<p><code>https://a.nl/x</code> en <a href=\"https://c.nl\">https://b.nl</a> en <a href=\"https://d.nl\">https://d.nl</a></p>\n<pre><code>@import url('https://e.nl/x.css');\n</code></pre>\n"
        )
    }

    /// The body is searched for `ww` and `:/` sixteen bytes at a time: an address found at every offset
    /// within and across those blocks, and at the very end of the body.
    @Test func addressesAreFoundAtEveryOffset() {
        for length in 1..<34 {
            let words = String(repeating: "a", count: length)
            for (address, href) in [("www.arbo.nl", "http://www.arbo.nl"), ("https://e.nl", "https://e.nl")] {
                let html = MarkdownRenderer().render(words + " " + address).html
                #expect(html == "<p>\(words) <a href=\"\(href)\">\(address)</a></p>\n", "after \(length) letters")
            }
        }
        #expect(MarkdownRenderer().render("http zonder adres, wwa en :x").html == "<p>http zonder adres, wwa en :x</p>\n")
    }

    @Test func autolinksGoThroughTheResolver() {
        let renderer = MarkdownRenderer(resolveLink: { link in .warn("external: \(link.destination)") })
        let doc = renderer.render("Eerst\n\nzie www.example.org\n")
        #expect(doc.issues == [MarkdownIssue(.warning, line: 3, column: 1, "external: http://www.example.org")])
    }

    // MARK: Strikethrough

    @Test(arguments: [
        ("~~oud~~ nieuw", "<del>oud</del> nieuw"),
        ("~~**vet** en weg~~", "<del><strong>vet</strong> en weg</del>"),
        ("~~a ~~b~~ c~~", "<del>a <del>b</del> c</del>"),
        ("~~ niet~~ en ~~niet ~~", "~~ niet~~ en ~~niet ~~"),
        ("Een ~~~drie~~~ en ~een~", "Een ~~~drie~~~ en ~een~"),
        ("`~~code~~`", "<code>~~code~~</code>"),
    ])
    func strikethrough(input: String, paragraph: String) {
        #expect(MarkdownRenderer().render(input + "\n").html == "<p>\(paragraph)</p>\n")
    }

    // MARK: Images

    @Test func imagesGetTheirSizeAndLoadLazilyAfterTheFirstBlocks() {
        var renderer = MarkdownRenderer(resolveLink: { link in .rewrite("../" + link.destination) })
        renderer.imageSize = { reference in reference.destination == "bureau.png" ? ImageSize(width: 640, height: 480) : nil }
        let doc = renderer.render("![Een bureau](bureau.png \"Thuis\")\n\nTekst\n\n![Een stoel](stoel.jpg)\n")
        #expect(
            doc.html
                == "<p><img src=\"../bureau.png\" alt=\"Een bureau\" title=\"Thuis\" width=\"640\" height=\"480\" /></p>\n<p>Tekst</p>\n<p><img src=\"../stoel.jpg\" alt=\"Een stoel\" loading=\"lazy\" /></p>\n"
        )
        #expect(doc.issues.isEmpty)
    }

    @Test func anImageWithoutAltTextIsAWarningThatSaysHowToWriteOne() {
        let doc = MarkdownRenderer().render("Tekst\n\nEn ![](fotos/scherm.png)\n", lineOffset: 5)
        #expect(
            doc.issues == [
                MarkdownIssue(
                    .warning, line: 8, column: 4,
                    "the image `scherm.png` has no alternative text (WCAG 1.1.1): write what it shows between the brackets, like `![Een bureau bij het raam met een laptop op een standaard](fotos/scherm.png)`"
                )
            ])
        #expect(doc.html.contains("<img src=\"fotos/scherm.png\" alt=\"\" />"))
    }

    @Test func safeModeStillDropsScriptAddressesFromImages() {
        let doc = MarkdownRenderer().render("![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA) ![z](a b.png)\n")
        #expect(doc.html == "<p><img src=\"\" alt=\"x\" /> <img src=\"data:image/png;base64,AAAA\" alt=\"y\" /> ![z](a b.png)</p>\n")
    }

    @Test func altTextAndTitlesAreEscaped() {
        let doc = MarkdownRenderer().render("![a \"b\" & c](x.png?a=1&b=2 \"t<\")\n")
        #expect(doc.html == "<p><img src=\"x.png?a=1&amp;b=2\" alt=\"a &quot;b&quot; &amp; c\" title=\"t&lt;\" /></p>\n")
    }
}
