import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// Pages made from a data file (`pages_from:`): one page per entry, in listings and linkable like
/// any page, every error at the entry in the data file.
@Suite struct DataPagesTests {
    static var theme: [String: String] {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/team.mustache"] =
            "TEAM {{page.title}} @ {{page.entry.office}} {{#page.entry.anchor_days}}[{{.}}]{{/page.entry.anchor_days}} {{{content}}}"
        return theme
    }

    static let teams = """
        teams:
          - name: HR Beleid
            slug: hr-beleid
            office: Utrecht
            anchor_days: [dinsdag, donderdag]
          - name: Klantcontact Gent
            slug: klantcontact-gent
            office: Gent
            owner: Team Gent
            about: Wij werken **samen** in Gent.
        """

    static let section = page(
        "Teams",
        extra:
            "owner: HR\nreview_by: 2027-06-01\npages_from:\n  data: teams\n  list: teams\n  title: name\n  slug: slug\n  layout: team\n  text: about"
    )

    @Test func everyEntryBecomesAPageInItsSection() throws {
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "Zie [HR](teams/hr-beleid.md) en [Gent](teams/klantcontact-gent.md)."),
                "Content/teams/_index.md": Self.section,
                "Content/_data/teams.yml": Self.teams,
            ], theme: Self.theme)
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        #expect(site.read("teams/hr-beleid/index.html") == "TEAM HR Beleid @ Utrecht [dinsdag][donderdag] ")
        #expect(
            site.read("teams/klantcontact-gent/index.html")
                == "TEAM Klantcontact Gent @ Gent  <p>Wij werken <strong>samen</strong> in Gent.</p>\n")
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<a href=\"teams/hr-beleid/index.html\">HR</a>"))
        // In data order, in the section's list.
        let listing = try #require(site.read("teams/index.html"))
        #expect(
            listing.contains("[HR Beleid|../teams/hr-beleid/index.html][Klantcontact Gent|../teams/klantcontact-gent/index.html]"),
            "\(listing)")
    }

    @Test func reviewsAndOwnersComeFromTheEntryOrTheSection() {
        let site = TestSite(
            [
                "Content/_index.md": page("Home", extra: "owner: HR\nreview_by: 2027-06-01"),
                "Content/teams/_index.md": Self.section,
                "Content/_data/teams.yml": Self.teams,
            ], theme: Self.theme)
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(today: Day(year: 2027, month: 6, day: 20)!, write: false, governance: true)) == [
                "Content/_data/teams.yml:2:1: warning: the review date 2027-06-01 passed 19 days ago: check the page and set a new `review_by`",
                "Content/_data/teams.yml:6:1: warning: the review date 2027-06-01 passed 19 days ago: check the page and set a new `review_by`",
                "Content/_index.md:4:1: warning: the review date 2027-06-01 passed 19 days ago: check the page and set a new `review_by`",
                "Content/teams/_index.md:4:1: warning: the review date 2027-06-01 passed 19 days ago: check the page and set a new `review_by`",
            ])
    }

    @Test func badEntriesAreReportedInTheDataFile() {
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/teams/_index.md": Self.section,
                "Content/_data/teams.yml": """
                teams:
                  - name: HR Beleid
                    slug: hr-beleid
                  - office: Utrecht
                  - name: Nog eens HR
                    slug: hr-beleid
                  - name: Fout
                    slug: Team/Fout
                """,
            ], theme: Self.theme)
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build()) == [
                "Content/_data/teams.yml:4:5: error: this entry has no `name`, which is its page's title: add a line such as `name: …`",
                "Content/_data/teams.yml:5:5: error: this entry and the one on line 2 would both be the page `hr-beleid`; give one another `slug`",
                "Content/_data/teams.yml:8:11: error: `slug` may only contain lowercase letters, digits and hyphens, like `team-hr-beleid`; it names one page",
            ])
    }

    @Test func badSettingsAreReportedInTheSection() {
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/teams/_index.md": page("Teams", extra: "pages_from:\n  data: team\n  title: name"),
                "Content/_data/teams.yml": Self.teams,
            ], theme: Self.theme)
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build()) == [
                "Content/teams/_index.md:4:9: error: no data file `team` in Content/_data/; did you mean `teams`?"
            ])
    }

    @Test func anEntryOnAPagesURLIsACollisionInTheDataFile() {
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/teams/_index.md": Self.section,
                "Content/teams/hr-beleid.md": page("HR Beleid, geschreven"),
                "Content/_data/teams.yml": Self.teams,
            ], theme: Self.theme)
        defer { site.remove() }
        let lines = TestSite.lines(site.build())
        #expect(lines.count == 1)
        #expect(lines.first?.contains("would both be written to `teams/hr-beleid/index.html`") == true)
        #expect(lines.first?.contains("Content/_data/teams.yml") == true)
    }
}
