import TestSupport
import Testing

@testable import MengvormCore

/// A component block that names several data files (`data: [allowances, policy]`): the template sees each under its
/// name, the script gets one JSON object keyed by name, and a wrong name is reported where it is written.
struct MultiDataComponentTests {
    static let theme: [String: String] = {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/components/calc.mustache"] =
            "<div id=\"{{id}}\">{{data.rates.title}}/{{data.policy.title}}<a href=\"{{data.policy.help}}\">h</a><script type=\"application/json\">{{{json}}}</script></div>"
        return theme
    }()

    @Test func severalDataFilesReachTheTemplateAndTheScriptByName() throws {
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/hulp.md": page("Hulp"),
                "Content/reken.md": page("Reken", "```calc\ndata: [rates, policy.en]\n```\n"),
                "Content/_data/rates.yml": "title: Max\n",
                "Content/_data/policy.en.yml": "title: Pays\nhelp: hulp.md\n",
            ], theme: Self.theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        let html = try #require(site.read("reken/index.html"))
        #expect(html.contains("<div id=\"calc\">Max/Pays<a href=\"../hulp/index.html\">h</a>"))
        #expect(html.contains("{\"rates\":{\"title\":\"Max\"},\"policy\":{\"title\":\"Pays\",\"help\":\"../hulp/index.html\"}}"))
    }

    @Test func aWrongNameInTheListIsReportedAtItsPlace() {
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "```calc\ndata: [rates, polcy]\n```\n\n```calc\ndata: []\n```\n"),
                "Content/_data/rates.yml": "title: Max\n",
                "Content/_data/policy.yml": "title: Pays\n",
            ], theme: Self.theme)
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build()) == [
                "Content/_index.md:5:15: error: no data file `polcy` in Content/_data/; did you mean `policy`?",
                "Content/_index.md:9:7: error: `data:` lists no data file; write `data: [calc]` or leave it out",
            ])
    }
}
