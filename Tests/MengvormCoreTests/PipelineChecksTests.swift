import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// What the check stage reports, the same for `build` and `check`, at the line an editor has to change.
@Suite struct PipelineChecksTests {
    @Test func feedWithoutBaseURLIsReportedByCheckAtTheFeedLine() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/nieuws/_index.md": page("Nieuws", extra: "weight: 3\nfeed: true"),
        ])
        defer { site.remove() }
        let expected =
            "Content/nieuws/_index.md:4:1: warning: a feed needs absolute links: set `base_url` in site.yml, such as `base_url: https://intranet.example/hybride/`"
        #expect(TestSite.lines(site.build(write: false)) == [expected])
        #expect(TestSite.lines(site.build()) == [expected])
        #expect(!site.exists("nieuws/feed.xml"))
    }

    @Test func frontMatterTyposAreWarningsWithTheKeyMeant() {
        let site = TestSite([
            "Content/_index.md": page("Home", extra: "weigth: 3\nreviw_by: 2027-01-01\nbanner: rood\nparams:\n  date_label: Nieuw")
        ])
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(write: false)) == [
                "Content/_index.md:3:1: warning: unknown setting `weigth`; did you mean `weight`? (a setting meant for the theme goes under `params:`)",
                "Content/_index.md:4:1: warning: unknown setting `reviw_by`; did you mean `review_by`? (a setting meant for the theme goes under `params:`)",
            ])
    }

    @Test func paramsReachTheTemplateFromBothPlaces() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/home.mustache"] = "{{page.params.banner}}/{{page.params.date_label}}"
        let site = TestSite(["Content/_index.md": page("Home", extra: "banner: rood\nparams:\n  date_label: Nieuw")], theme: theme)
        defer { site.remove() }
        #expect(site.build().succeeded)
        #expect(site.read("index.html") == "rood/Nieuw")
    }

    @Test func validUntilWarnsWellBeforeYearlyFiguresExpire() {
        let site = TestSite([
            "site.yml": "validity_warning_days: 45\n",
            "Content/_index.md": page("Home", extra: "owner: HR\nreview_by: 2027-06-01"),
            "Content/bedragen.md": page("Bedragen", extra: "owner: HR\nreview_by: 2027-06-01\nvalid_until: 2026-12-31"),
            "Content/oud.md": page("Oud", extra: "owner: HR\nreview_by: 2027-06-01\nvalid_until: 2025-12-31"),
        ])
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(write: false, governance: true)) == [
                "Content/bedragen.md:5:1: warning: the figures on this page hold until 2026-12-31 (`valid_until`), in 38 days: prepare the new amounts and set a new `valid_until`",
                "Content/oud.md:5:1: warning: the figures on this page held until 2025-12-31 (`valid_until`), 327 days ago: update them for this year and set a new `valid_until`",
            ])
        // Further ahead than the warning window: quiet.
        #expect(site.build(today: Day(year: 2026, month: 10, day: 1)!, write: false, governance: true).diagnostics.count == 1)
    }
}

/// Components live entirely in the theme: a partial, a schema beside it and a data file make a new
/// component, with no Swift.
@Suite struct ThemeComponentTests {
    static let theme: [String: String] = TestSite.minimalTheme.merging([
        "Themes/default/partials/components/office-hours.mustache":
            "<ul id=\"{{id}}\">{{#data.offices}}<li>{{name}} {{opens}}-{{closes}}</li>{{/data.offices}}</ul>",
        "Themes/default/partials/components/office-hours.schema.yml": """
        type: map
        fields:
          offices:
            type: list
            required: true
            min: 1
            example: "- name: Utrecht"
            items:
              type: map
              fields:
                name: {type: text, required: true, unique: office}
                opens: {type: integer, required: true, min: 6, max: 12}
                closes: {type: integer, required: true, min: 12, max: 23}
                booking: {type: one-of, values: [day, half-day]}
        """,
    ]) { _, new in new }

    @Test func aNewComponentRendersItsData() {
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "```office-hours\ndata: offices\n```\n"),
                "Content/_data/offices.yml":
                    "offices:\n  - name: Utrecht\n    opens: 8\n    closes: 18\n  - name: Gent\n    opens: 8\n    closes: 17\n",
            ], theme: Self.theme)
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        #expect(site.read("index.html")?.contains("<ul id=\"office-hours\"><li>Utrecht 8-18</li><li>Gent 8-17</li></ul>") == true)
    }

    @Test func itsSchemaRejectsBadDataAtTheDataFilesPositions() {
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "```office-hours\ndata: offices\n```\n"),
                "Content/_data/offices.yml": """
                offices:
                  - name: Utrecht
                    opens: 5
                    closes: 18
                    boking: day
                  - name: Utrecht
                    opens: acht
                    closes: 17
                    booking: week
                  - opens: 9
                    closes: 17
                """,
            ], theme: Self.theme)
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        #expect(
            TestSite.lines(report) == [
                "Content/_data/offices.yml:3:12: error: `opens` must be at least 6",
                "Content/_data/offices.yml:5:1: warning: unknown field `boking`; did you mean `booking`?",
                "Content/_data/offices.yml:6:11: error: the office name `Utrecht` is used twice; each must be unique",
                "Content/_data/offices.yml:7:12: error: `opens` must be a whole number such as 3",
                "Content/_data/offices.yml:9:14: error: `booking` must be `day` or `half-day`, not `week`",
                "Content/_data/offices.yml:10:5: error: missing `name`",
            ])
        #expect(!site.exists("index.html"))
    }

    @Test func aBlockMayNameSeveralDataFiles() {
        var theme = Self.theme
        theme["Themes/default/partials/components/week.mustache"] =
            "{{#data.offices.offices}}{{name}};{{/data.offices.offices}}{{data.policy.days}}|{{{json}}}"
        theme["Themes/default/partials/components/week.schema.yml"] =
            "files:\n  offices: office-hours\n  policy:\n    type: map\n    fields:\n      days: {type: integer, required: true}\n"
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "```week\ndata: [offices, policy]\n```\n"),
                "Content/_data/offices.yml": "offices:\n  - name: Gent\n    opens: 8\n    closes: 17\n",
                "Content/_data/policy.yml": "days: twee\n",
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == ["Content/_data/policy.yml:1:7: error: `days` must be a whole number such as 3"])
        site.write("Content/_data/policy.yml", "days: 2\n")
        #expect(site.build().succeeded)
        #expect(
            site.read("index.html")?.contains(
                "Gent;2|{\"offices\":{\"offices\":[{\"name\":\"Gent\",\"opens\":8,\"closes\":17}]},\"policy\":{\"days\":2}}") == true)
    }

    @Test func aBrokenSchemaIsReportedAtTheSchemaFile() {
        var theme = Self.theme
        theme["Themes/default/partials/components/office-hours.schema.yml"] = "type: tabel\n"
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "```office-hours\ndata: offices\n```\n"),
                "Content/_data/offices.yml": "offices: []\n",
            ], theme: theme)
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build()) == [
                "Themes/default/partials/components/office-hours.schema.yml:1:7: error: unknown type `tabel`; known: any, boolean, date, file, integer, list, map, number, one-of, page, text"
            ])
    }
}

/// A page carries the UI strings its scripts use, not every string of the theme.
@Suite struct ScriptStringsTests {
    @Test func aPageCarriesTheStringsOfItsOwnScripts() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/home.mustache"] = "{{{t_json}}}|{{{content}}}"
        theme["Themes/default/layouts/page.mustache"] = "{{{t_json}}}|{{{content}}}"
        theme["Themes/default/i18n/nl.yml"] =
            "search_none: Niets\nday_1: maandag\nday_2: dinsdag\nclock_hint: Tijd\nonly_in_templates: Tekst\n"
        theme["Themes/default/assets/js/site.js"] = "t('search_none');"
        theme["Themes/default/assets/js/components/clock.js"] = "t(\"day_\" + n); t(\"clock_hint\")"
        theme["Themes/default/partials/components/clock.mustache"] = "<div data-component=\"clock\"></div>"
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/klok.md": page("Klok", "```clock\n```\n"),
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        #expect(try #require(site.read("index.html")).hasPrefix("{\"search_none\":\"Niets\"}|"))
        #expect(
            try #require(site.read("klok/index.html")).hasPrefix(
                "{\"clock_hint\":\"Tijd\",\"day_1\":\"maandag\",\"day_2\":\"dinsdag\",\"search_none\":\"Niets\"}|"))
    }
}

/// The theme's stylesheets are written without comments and layout whitespace, and mean the same.
@Suite struct CSSMinifierTests {
    @Test func commentsAndLayoutGoWhatMattersStays() {
        let css = """
            /* Kleuren */
            :root {
              --color: #1f5f8b;
            }
            .nav a:hover,
            .nav  a :focus { color: var(--color); }
            .x::before { content: "a  /* geen commentaar */  b"; background: url('x y.png'); }
            @media (max-width: 40rem) { .y { margin: 0 auto ; } }
            """
        #expect(
            CSSMinifier.minify(css) == """
                :root{--color: #1f5f8b}.nav a:hover,.nav a :focus{color: var(--color)}.x::before{content: "a  /* geen commentaar */  b";background: url('x y.png')}@media (max-width: 40rem){.y{margin: 0 auto}}
                """)
    }
}

/// Generated pages (tags, search results, the overview) have the main menu like every page.
@Suite struct GeneratedPageMenuTests {
    @Test func tagPagesRenderTheCachedMenu() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/menu.mustache"] = "<nav>{{#menu}}[{{title}}|{{url}}]{{/menu}}</nav>"
        theme["Themes/default/layouts/section.mustache"] = "{{{cached.menu}}}SECTION {{page.title}}"
        theme["Themes/default/layouts/page.mustache"] = "{{{cached.menu}}}PAGE"
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/plannen/_index.md": page("Plannen", extra: "weight: 1"),
                "Content/plannen/week.md": page("Week", extra: "tags: [thuis]"),
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        #expect(site.read("tags/thuis/index.html") == "<nav>[Plannen|../../plannen/index.html]</nav>SECTION thuis")
        #expect(site.read("plannen/week/index.html") == "<nav>[Plannen|../../plannen/index.html]</nav>PAGE")
    }

    @Test func theNotFoundPageLinksFromTheRootThoughTheHomePageSharesItsMenu() throws {
        // The 404 page is shown at any depth; the home page's cached menu links relatively. Which of the
        // two is rendered first (with a build cache, the home page often is not rendered) must not matter.
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/menu.mustache"] = "<nav>{{#menu}}[{{title}}|{{url}}]{{/menu}}</nav>"
        theme["Themes/default/layouts/home.mustache"] = "{{{cached.menu}}}HOME"
        theme["Themes/default/layouts/404.mustache"] = "{{{cached.menu}}}NOT FOUND"
        let site = TestSite(["Content/_index.md": page("Home"), "Content/plannen/_index.md": page("Plannen")], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        #expect(site.read("index.html") == "<nav>[Plannen|plannen/index.html]</nav>HOME")
        #expect(site.read("404.html")?.hasPrefix("<nav>[Plannen|/plannen/") == true)
    }
}
