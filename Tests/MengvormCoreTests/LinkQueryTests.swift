import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// A link's `?query` is part of what the editor meant (a tab, a page of a PDF viewer): it survives the rewrite.
@Suite struct LinkQueryTests {
    @Test func pageAndFileLinksKeepTheirQueryBeforeTheFragment() {
        let site = TestSite([
            "Content/_index.md": page("Home", "[tekst](pagina.md?tab=2#kop) en [pdf](doc.pdf?x=1#y) en [sectie](map/?z=3)"),
            "Content/pagina.md": page("Pagina", "## Kop\n"),
            "Content/doc.pdf": "%PDF-1.4\n",
            "Content/map/_index.md": page("Map"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        let home = site.read("index.html") ?? ""
        #expect(home.contains("href=\"pagina/index.html?tab=2#kop\""))
        #expect(home.contains("href=\"doc.pdf?x=1#y\""))
        #expect(home.contains("href=\"map/index.html?z=3\""))
    }

    @Test func aDataFileLinkKeepsItsQueryToo() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/components/links.mustache"] = "{{#data.items}}<a href=\"{{link}}\">x</a>{{/data.items}}"
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "```links\ndata: links\n```\n"),
                "Content/pagina.md": page("Pagina", "## Kop\n"),
                "Content/_data/links.yml": "items:\n  - link: pagina.md?tab=2#kop\n",
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        #expect((site.read("index.html") ?? "").contains("<a href=\"pagina/index.html?tab=2#kop\">x</a>"))
    }
}
