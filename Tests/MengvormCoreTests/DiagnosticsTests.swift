import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// One fixture per mistake an editor can make, each listing the exact lines the build prints.
@Suite struct DiagnosticsTests {
    private func diagnostics(_ files: [String: String], theme: [String: String] = TestSite.minimalTheme, strict: Bool = false) -> [String] {
        let site = TestSite(files.merging(["Content/_index.md": page("Home")]) { new, _ in new }, theme: theme)
        defer { site.remove() }
        let report = site.build(strict: strict)
        return TestSite.lines(report)
    }

    @Test func malformedYAMLPointsAtTheLineInTheFile() {
        #expect(
            diagnostics(["Content/a.md": "---\ntitle: A\ntags: [een, twee\n---\nTekst\n"]) == [
                // Where the editor opened the list, not where libyaml gave up (the closing `---`); libyaml's words follow.
                "Content/a.md:3:7: error: the list that starts with `[` here is not closed: end it with `]` on the same line, like `tags: [thuiswerken, arbo]`\n    (invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3))"
            ])
    }

    @Test func missingOrWronglyTypedFields() {
        #expect(
            diagnostics([
                "Content/a.md": "---\ndescription: x\n---\n",
                "Content/b.md": "---\ntitle: B\nreview_by: 31-02-2026\nweight: zwaar\ndraft: misschien\n---\n",
                "Content/c.md": "---\ntitle: C\nreview_by: 2026-02-31\ntags: {a: 1}\n---\n",
            ]) == [
                "Content/a.md:2:1: error: missing `title`: add a line such as `title: Je week plannen`",
                "Content/b.md:3:12: error: `review_by` must be a date like 2027-03-01 (year-month-day), not `31-02-2026`",
                "Content/b.md:4:9: error: `weight` must be a whole number such as 10",
                "Content/b.md:5:8: error: `draft` must be true or false",
                "Content/c.md:3:12: error: `review_by` must be a date like 2027-03-01 (year-month-day), not `2026-02-31`",
                "Content/c.md:4:7: error: `tags` must be a list, like `tags: [thuiswerken, arbo]`",
            ])
    }

    @Test func frontMatterShapes() {
        #expect(
            diagnostics([
                "Content/geen.md": "Alleen tekst\n",
                "Content/open.md": "---\ntitle: Open\n",
                "Content/lijst.md": "---\n- een\n- twee\n---\n",
                "Content/leeg.md": "",
                "Content/alleen.md": "---\ntitle: Alleen front matter\n---\n",
            ]) == [
                "Content/geen.md:1:1: error: missing front matter: start the file with a line `---`, then `title: …`, then `---`",
                "Content/leeg.md:1:1: error: missing front matter: start the file with a line `---`, then `title: …`, then `---`",
                "Content/lijst.md:2:1: error: the front matter must be settings like `title: Je week plannen`, not a list",
                "Content/open.md:1:1: error: the front matter is not closed: add a line `---` after the last setting",
            ])
    }

    @Test func unknownLayoutAndPartialAndTemplateSyntax() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/page.mustache"] = "{{<base}}{{$main}}{{> kop}}{{/main}}{{/base}}"
        theme["Themes/default/partials/voet.mustache"] = "line one\n{{#items}}open\n"
        #expect(
            diagnostics(
                [
                    "Content/a.md": page("A", extra: "layout: brede")
                ], theme: theme) == [
                    "Content/a.md:3:1: error: no layout `brede` in the theme",
                    "Themes/default/layouts/page.mustache:1:19: error: no partial or layout `kop`",
                    "Themes/default/partials/voet.mustache:3:1: error: a section is not closed: add `{{/items}}` for its `{{#items}}` or `{{^items}}`",
                ])
    }

    @Test func partialThatIncludesItself() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/a.mustache"] = "{{> b}}"
        theme["Themes/default/partials/b.mustache"] = "{{> a}}"
        #expect(
            diagnostics([:], theme: theme) == [
                "Themes/default/partials/a.mustache:1:1: error: the partial `a` includes itself (a → b → a); remove one of these includes",
                "Themes/default/partials/b.mustache:1:1: error: the partial `b` includes itself (b → a → b); remove one of these includes",
            ])
    }

    @Test func brokenLinksWithSuggestions() {
        #expect(
            diagnostics([
                "Content/planning/_index.md": page("Planning"),
                "Content/planning/weekplanning.md": page("Week", "## Stappen\n"),
                "Content/planning/a.md": page(
                    "A", "Zie [week](weekplan.md) en\n[buiten](../../etc/passwd.md) en [anker](weekplanning.md#stapen).\n![x](foto.png)\n"),
            ]) == [
                "Content/planning/a.md:4:5: error: no page Content/planning/weekplan.md for the link `weekplan.md`; did you mean Content/planning/weekplanning.md?",
                "Content/planning/a.md:5:1: error: the link `../../etc/passwd.md` points outside Content/; link to a page or file inside the site",
                "Content/planning/a.md:5:34: warning: Content/planning/weekplanning.md has no heading with the id `#stapen`; did you mean `#stappen`?",
                "Content/planning/a.md:6:1: error: the link `foto.png` goes to Content/planning/foto.png, which does not exist",
            ])
    }

    @Test func twoPagesOnOneURLAndUnsafeSlugs() {
        #expect(
            diagnostics([
                "Content/a.md": page("A"),
                "Content/b.md": page("B", extra: "slug: a"),
                "Content/c.md": page("C", extra: "slug: ../../etc"),
                "Content/d.md": page("D", extra: "slug: /tmp/x"),
                "Content/e.md": "---\ntitle: E\nslug: \"a\\0b\"\n---\n",
            ]) == [
                "Content/b.md:3:1: error: this page and Content/a.md would both be written to `a/index.html`; change the file name or `slug` of one",
                "Content/c.md:3:7: error: `slug` may only contain lowercase letters, digits and hyphens, like `je-week`; it names one page, not a path",
                "Content/d.md:3:7: error: `slug` may only contain lowercase letters, digits and hyphens, like `je-week`; it names one page, not a path",
                "Content/e.md:3:7: error: `slug` may only contain lowercase letters, digits and hyphens, like `je-week`; it names one page, not a path",
            ])
    }

    @Test func unreadableKindsOfFiles() {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        site.writeBytes("Content/latin1.md", Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
        site.writeBytes("Content/binair.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00])
        // Only the front matter is checked when pages are loaded; a body is checked when it is rendered.
        site.writeBytes("Content/latin1-tekst.md", Array("---\ntitle: Tekst\n---\nEen\n\nCaf".utf8) + [0xE9] + Array(" open\n".utf8))
        site.writeBytes("Content/nul-tekst.md", Array("---\ntitle: Nul\n---\nEen".utf8) + [0x00])
        let expected = [
            "Content/binair.md: error: this is not a text file (it contains NUL bytes); give it another extension than .md, .yml or .json",
            "Content/latin1-tekst.md:6:1: error: this file is not UTF-8 text; save it as UTF-8 in your editor",
            "Content/latin1.md:2:1: error: this file is not UTF-8 text; save it as UTF-8 in your editor",
            "Content/nul-tekst.md: error: this is not a text file (it contains NUL bytes); give it another extension than .md, .yml or .json",
        ]
        #expect(TestSite.lines(site.build()) == expected)
        // The same with the build cache of `mengvorm build`, which loads pages without their text.
        var options = BuildOptions(siteRoot: site.root)
        options.cacheFile = .use
        #expect(TestSite.lines(Builder.build(options)) == expected)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
    }

    @Test func componentMistakes() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/components/selfcheck.mustache"] = "<form></form>"
        // The schema the real theme brings beside its partial.
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Themes/default/partials/components/selfcheck.schema.yml")
        theme["Themes/default/partials/components/selfcheck.schema.yml"] = try! String(contentsOf: schema, encoding: .utf8)
        #expect(
            diagnostics(
                [
                    "Content/a.md": page(
                        "A", "```selfchek\ndata: selfcheck\n```\n\n```selfcheck\ndata: zelfcheck\n```\n\n```selfcheck\ndata: [\n```\n"),
                    "Content/_data/selfcheck.yml": "groups: []\nlink: bestaat-niet.md\n",
                ], theme: theme) == [
                    "Content/_data/selfcheck.yml:2:7: error: no page Content/bestaat-niet.md for the link `bestaat-niet.md`",
                    "Content/a.md:4:1: error: unknown component `selfchek`; did you mean `selfcheck`? (known: selfcheck)",
                    "Content/a.md:9:7: error: no data file `zelfcheck` in Content/_data/; did you mean `selfcheck`?",
                    "Content/a.md:13:7: error: the settings of this `selfcheck` block are not valid YAML: the list that starts with `[` here is not closed: end it with `]` on the same line, like `tags: [thuiswerken, arbo]`\n    (invalid YAML: did not find expected node content (while parsing a flow node at line 14))",
                ])
    }

    @Test func brokenDataFileAndConfig() {
        #expect(
            diagnostics([
                "site.yml": "title: Intranet\nthema: donker\nlinks: mooi\n",
                "Content/_data/rates.yml": "nl:\n  - year: 2026\n   home_day: 2.45\n",
            ]) == [
                "Content/_data/rates.yml:3:4: error: invalid YAML: did not find expected '-' indicator (while parsing a block collection at line 2)",
                "site.yml:2:1: warning: unknown setting `thema`; did you mean `theme`?",
                "site.yml:3:8: error: `links` must be `files` (works from disk and any server) or `folders` (clean URLs on a web server)",
            ])
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let lines = diagnostics(["site.yml": "thema: donker\n"], strict: true)
        #expect(lines == ["site.yml:1:1: error: unknown setting `thema`; did you mean `theme`?"])
    }

    @Test func manyBrokenFilesAreReportedInOneRun() {
        var files: [String: String] = [:]
        for i in 1...12 { files["Content/p\(i).md"] = "---\ntitle: [\n---\n" }
        files["Content/goed.md"] = page("Goed", "[x](weg.md)")
        let lines = diagnostics(files)
        #expect(lines.count == 13)
        #expect(lines.filter { $0.contains("invalid YAML") }.count == 12)
        #expect(lines.contains("Content/goed.md:4:1: error: no page Content/weg.md for the link `weg.md`"))
    }

    @Test func governanceWarnsAboutOwnersAndReviewDates() {
        let site = TestSite([
            "site.yml": "review_warning_days: 30\n",
            "Content/_index.md": page("Home", extra: "owner: HR\nreview_by: 2027-06-01"),
            "Content/geen-eigenaar.md": page("A", extra: "review_by: 2027-06-01"),
            "Content/verlopen.md": page("B", extra: "owner: HR\nreview_by: 2026-11-01"),
            "Content/bijna.md": page("C", extra: "owner: HR\nreview_by: 2026-12-10"),
            "Content/geen-datum.md": page("D", extra: "owner: HR"),
        ])
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(write: false, governance: true)) == [
                "Content/bijna.md:4:1: warning: the review date 2026-12-10 is in 17 days: plan the check of this page",
                "Content/geen-datum.md:1:1: warning: no `review_by`: add the date by which this page must be checked, such as `review_by: 2027-05-22`",
                "Content/geen-eigenaar.md:1:1: warning: no `owner`: add who keeps this page current, such as `owner: Team HR Beleid`",
                "Content/verlopen.md:4:1: warning: the review date 2026-11-01 passed 22 days ago: check the page and set a new `review_by`",
            ])
    }

    @Test func nothingMayLoadFromAnotherSite() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/assets/css/site.css"] = "body{}\n@import url(\"https://fonts.example/font.css\");\n"
        theme["Themes/default/assets/js/stats.js"] = "// counts visits\nfetch('https://stats.example/hit');\n"
        theme["Themes/default/layouts/page.mustache"] =
            "<link rel=\"alternate\" href=\"https://intranet.example/feed.xml\"><a href=\"https://ok.example/\">ok</a>{{{content}}}"
        #expect(
            diagnostics(
                [
                    "site.yml": "unsafe_html: true\n",
                    "Content/a.md": page(
                        "A",
                        "![logo](https://cdn.example/logo.png)\n\n<img src=\"//tracker.example/p.gif\">\n\n[bron](https://www.belastingdienst.nl/)\n"
                    ),
                    "Content/_data/x.yml": "link: javascript:alert(1)\n",
                ], theme: theme) == [
                    "Content/_data/x.yml:1:7: error: a `javascript:` or other script address is not allowed in data files",
                    "Content/a.md:4:1: error: the image https://cdn.example/logo.png would be loaded from https://cdn.example, another site; copy it into Content/ (or allow the origin with `allow_external` in site.yml)",
                    "Content/a.md:6:11: error: //tracker.example/p.gif would be loaded from https://tracker.example, another site: the browser would tell that site who reads this page; ship the file with the site or allow the origin with `allow_external` in site.yml",
                    "Themes/default/assets/css/site.css:2:14: error: https://fonts.example/font.css would be loaded from https://fonts.example, another site: the browser would tell that site who reads this page; ship the file with the site or allow the origin with `allow_external` in site.yml",
                    "Themes/default/assets/js/stats.js:2:7: error: this script names another site (https://stats.example/hit); scripts of the theme may only use files of the site itself",
                ])
        #expect(
            diagnostics([
                "site.yml": "allow_external: [https://cdn.example]\n",
                "Content/a.md": page("A", "![logo](https://cdn.example/logo.png)"),
            ]) == [])
    }

    @Test func everyAddressOfAnotherSiteInAScriptIsFoundAtItsPlace() {
        let script = """
            const zelf = "./zoeken/";
            const één = 'https://a.example/x', twee = "//b.example/y"; const drie = `http://c.example/z`;
            const toegestaan = "https://intranet.example/ok";
            laatste("https://d.example/")
            """
        let found = ExternalOrigins.checkScript(script, path: "site.js", allowed: ["https://intranet.example"]).map(\.headline)
        let message = "scripts of the theme may only use files of the site itself"
        #expect(
            found == [
                "site.js:2:13: error: this script names another site (https://a.example/x); \(message)",
                "site.js:2:73: error: this script names another site (http://c.example/z); \(message)",
                "site.js:2:43: error: this script names another site (//b.example/y); \(message)",
                "site.js:4:9: error: this script names another site (https://d.example/); \(message)",
            ])
    }

    @Test func selfCheckDataThatBreaksItsSchema() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/components/selfcheck.mustache"] = "<form></form>"
        // The schema the real theme brings beside its partial.
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Themes/default/partials/components/selfcheck.schema.yml")
        theme["Themes/default/partials/components/selfcheck.schema.yml"] = try! String(contentsOf: schema, encoding: .utf8)
        #expect(
            diagnostics(
                [
                    "Content/check.md": page("Check", "```selfcheck\ndata: selfcheck\n```\n"),
                    "Content/_data/selfcheck.yml": """
                    groups:
                      - id: werkplek
                        title: Werkplek
                        questions:
                          - id: stoel
                            text: Is je stoel goed?
                            options:
                              - label: Ja
                                rating: goed
                              - label: Nee
                                rating: risk
                          - id: stoel
                            options: geen lijst
                      - title: Zonder id
                        questions: []
                    """,
                ], theme: theme) == [
                    "Content/_data/selfcheck.yml:1:1: error: missing `title`",
                    "Content/_data/selfcheck.yml:9:21: error: `rating` must be `good`, `attention` or `risk`, not `goed`",
                    "Content/_data/selfcheck.yml:10:13: error: `advice` is needed when `rating` is `risk`: tell the employee what to do",
                    "Content/_data/selfcheck.yml:12:9: error: missing `text`",
                    "Content/_data/selfcheck.yml:12:13: error: the question id `stoel` is used twice; each must be unique",
                    "Content/_data/selfcheck.yml:13:18: error: `options` must be a list with at least 2 entries (`- label: Ja`), not text: a question needs at least two answers",
                    "Content/_data/selfcheck.yml:14:5: error: missing `id`",
                    "Content/_data/selfcheck.yml:15:16: error: `questions` is empty: add at least one entry (`- id: stoel-hoogte`)",
                ])
    }
}
