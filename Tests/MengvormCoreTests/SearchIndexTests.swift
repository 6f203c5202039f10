import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// The search index the build writes (`search-index.js`), the synonyms file it checks, and the results pages.
@Suite struct SearchIndexTests {
    @Test func indexHasWholeTextKeywordsTagsHeadingsAndSynonyms() throws {
        let long = Array(repeating: "Een zin over thuiswerken en reiskosten.", count: 80).joined(separator: " ")
        let site = TestSite([
            "Content/_index.md": page("Home", "Welkom"),
            "Content/stoel.md": page(
                "Stoel instellen", "## Zithoogte\n\n\(long) Het laatste woord: rugleuning.",
                extra: "tags: [arbo]\nkeywords: [bureaustoel, ergonomie]\ndescription: Zo stel je je stoel in."),
            "Content/_data/search.yml":
                "synonyms:\n  - typed: [rugpijn, nekpijn]\n    find: [rug, stoel]\n  - typed: oogarts\n    find: ogen\n",
        ])
        defer { site.remove() }
        #expect(TestSite.lines(site.build(strict: true)) == [])
        let script = try #require(site.read(SearchIndex.file))
        #expect(
            script.contains(
                "{\"t\":\"Stoel instellen\",\"u\":\"stoel/index.html\",\"d\":\"Zo stel je je stoel in.\",\"h\":[\"Zithoogte\"],\"g\":[\"arbo\"],\"k\":[\"bureaustoel\",\"ergonomie\"],\"x\":\"Zithoogte Een zin"
            ))
        // The whole text, not its first 1,500 characters.
        #expect(script.contains("Het laatste woord: rugleuning.\"}"))
        #expect(
            script.contains(
                "\"synonyms\":{\"nl\":[{\"w\":[\"rugpijn\",\"nekpijn\"],\"f\":[\"rug\",\"stoel\"]},{\"w\":[\"oogarts\"],\"f\":[\"ogen\"]}]}"
            ))
        // `keywords` is a known key, so it is not handed to templates as a parameter.
        #expect(!PageMeta.knownKeys.filter { $0 == "keywords" }.isEmpty)
    }

    @Test func textStaysWithinItsBudget() {
        func quoted(_ text: String) -> String {
            var out: [UInt8] = []
            SearchIndex.appendText(Array(text.utf8), to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let kept = quoted(String(repeating: "woord ", count: SearchIndex.textBudget))
        #expect(kept.utf8.count <= SearchIndex.textBudget + 2)
        #expect(kept.hasSuffix("woord\""))
        #expect(quoted("  een\nregel\tmet tab ") == "\"een regel met tab\"")
        #expect(quoted("\"aanhalingstekens\" en <b>") == "\"\\\"aanhalingstekens\\\" en \\u003cb\\u003e\"")
        #expect(quoted(" \n ") == "\"\"")
    }

    @Test func synonymMistakesAreReportedWhereTheyAre() {
        let site = TestSite([
            "site.yml": "languages: [nl, en]\n",
            "Content/_index.md": page("Home"),
            "Content/_data/search.yml": """
            synonyms:
              - typed: [rugpijn]
                find: [rug]
              - typed: [lage rugpijn, rugpijn]
                finds: [stoel]
              - typed: [oogarts]
                find: []
                lang: de
              - gewoon tekst
            """,
        ])
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build()) == [
                "Content/_data/search.yml:4:5: error: missing `find`: write for example `find: [rug, stoel]`",
                "Content/_data/search.yml:4:13: error: `typed` takes single words (what someone types in the search field): split `lage rugpijn` into separate words",
                "Content/_data/search.yml:4:27: error: `rugpijn` is already a `typed` word on line 2; put its `find` words together in one entry",
                "Content/_data/search.yml:5:12: error: unknown field `finds` in a synonym; did you mean `find`?",
                "Content/_data/search.yml:7:11: error: `find` is empty: write at least one word, for example `find: [rug, stoel]`",
                "Content/_data/search.yml:8:11: error: `lang` must be one of the site's languages (nl, en), not `de`",
                "Content/_data/search.yml:9:5: error: each synonym is a few lines like `- typed: rugpijn` and `find: [rug, stoel]`, not text",
            ])
    }

    @Test func resultsPagePerLanguageFromTheThemeLayout() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/search-results.mustache"] =
            "{{<base}}{{$main}}RESULTS {{lang}} {{root}}{{#children}}[{{title}}|{{url}}]{{/children}}{{/main}}{{/base}}"
        theme["Themes/default/i18n/nl.yml"] = "search_page: zoeken\nsearch_title: Zoeken\n"
        theme["Themes/default/i18n/en.yml"] = "search_page: search\nsearch_title: Search\n"
        let site = TestSite(
            [
                "site.yml": "languages: [nl, en]\n",
                "Content/_index.md": page("Home"),
                "Content/_index.en.md": page("Home EN"),
                "Content/a.md": page("Een"),
                "Content/geheim.md": page("Geheim", extra: "hidden: true"),
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        #expect(
            site.read("zoeken/index.html")
                == "<html lang=\"nl\"><title>Zoeken</title>RESULTS nl ../[Home|../index.html][Een|../a/index.html]</html>\n")
        #expect(
            site.read("en/search/index.html")
                == "<html lang=\"en\"><title>Search</title>RESULTS en ../../[Home EN|../../en/index.html]</html>\n")
        let script = try #require(site.read(SearchIndex.file))
        #expect(script.hasSuffix(",\"results\":{\"nl\":\"zoeken/index.html\",\"en\":\"en/search/index.html\"}};\n"))
    }
}
