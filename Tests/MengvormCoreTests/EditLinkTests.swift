import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// "Bewerk deze pagina": `edit_url` in site.yml with `{path}` for the page's file, as `page.edit_url`.
@Suite struct EditLinkTests {
    @Test func everyPageGetsTheAddressOfItsFile() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/page.mustache"] = "[{{page.edit_url}}]"
        theme["Themes/default/layouts/home.mustache"] = "[{{page.edit_url}}]"
        theme["Themes/default/layouts/section.mustache"] = "[{{page.edit_url}}]"
        let site = TestSite(
            [
                "site.yml": "edit_url: https://git.example/intranet/-/edit/main/{path}\n",
                "Content/_index.md": page("Home"),
                "Content/plannen/_index.md": page("Plannen"),
                "Content/plannen/je week.md": page("Je week"),
                "Content/zonder/los.md": page("Los"),
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()).allSatisfy { $0.contains("has no _index.md") })
        #expect(site.read("index.html") == "[https://git.example/intranet/-/edit/main/Content/_index.md]")
        #expect(site.read("plannen/index.html") == "[https://git.example/intranet/-/edit/main/Content/plannen/_index.md]")
        #expect(site.read("plannen/je-week/index.html") == "[https://git.example/intranet/-/edit/main/Content/plannen/je%20week.md]")
        // A section Mengvorm made up for a folder without _index.md has no file to edit.
        #expect(site.read("zonder/index.html") == "[]")
    }

    @Test func aWrongEditURLIsReportedAtItsLine() {
        let site = TestSite(["site.yml": "title: X\nedit_url: git.example/edit\n", "Content/_index.md": page("Home")])
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(write: false)) == [
                "site.yml:2:11: error: `edit_url` must be an address starting with https:// with `{path}` where the page's file goes, such as `https://git.example/intranet/-/edit/main/{path}`"
            ])
    }

    @Test func theDefaultThemeShowsTheLinkInDutchAndEnglish() throws {
        let site = TestSite(
            [
                "site.yml": "title: Test\nlanguages: [nl, en]\nedit_url: https://git.example/intranet/-/edit/main/{path}\n",
                "Content/_index.md": page("Home", extra: "description: Start"),
                "Content/_index.en.md": page("Home", extra: "description: Start"),
                "Content/plannen/_index.md": page("Plannen", extra: "description: Plannen"),
                "Content/plannen/je-week.md": page("Je week", "Tekst.", extra: "description: Week"),
                "Content/plannen/je-week.en.md": page("Your week", "Text.", extra: "description: Week"),
            ], theme: [:])
        defer { site.remove() }
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Themes"), to: site.root.appendingPathComponent("Themes"))
        let report = site.build()
        #expect(report.succeeded, "\(TestSite.lines(report))")
        let dutch = site.read("plannen/je-week/index.html") ?? ""
        #expect(dutch.contains("<a href=\"https://git.example/intranet/-/edit/main/Content/plannen/je-week.md\">Bewerk deze pagina</a>"))
        let english = site.read("en/plannen/je-week/index.html") ?? ""
        #expect(english.contains("<a href=\"https://git.example/intranet/-/edit/main/Content/plannen/je-week.en.md\">Edit this page</a>"))
        #expect((site.read("index.html") ?? "").contains(">Bewerk deze pagina</a>"))
    }
}
