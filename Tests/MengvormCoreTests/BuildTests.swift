import Foundation
import TestSupport
import Testing

@testable import MengvormCore

@Suite struct BuildTests {
    @Test func pagesGetFolderURLsAndRelativeLinksAtEveryDepth() throws {
        let site = TestSite([
            "Content/_index.md": page("Home", "[week](planning/je-week.md) [grenzen](grenzen/_index.md)"),
            "Content/planning/_index.md": page("Planning", extra: "weight: 1"),
            "Content/planning/je-week.md": page(
                "Je week", "[terug](../_index.md) [grenzen](../grenzen/_index.md#pauzes) [zelf](#top)\n\n## Top\n"),
            "Content/planning/diep/_index.md": page("Diep"),
            "Content/planning/diep/verder.md": page("Verder", "[week](../je-week.md)"),
            "Content/grenzen/_index.md": page("Grenzen", "## Pauzes\n", extra: "weight: 2"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        #expect(report.succeeded)
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<a href=\"planning/je-week/index.html\">week</a>"))
        #expect(home.contains("<a href=\"grenzen/index.html\">grenzen</a>"))
        #expect(home.contains("[Planning|planning/index.html][Grenzen|grenzen/index.html]"))
        let week = try #require(site.read("planning/je-week/index.html"))
        #expect(week.contains("<a href=\"../../index.html\">terug</a>"))
        #expect(week.contains("<a href=\"../../grenzen/index.html#pauzes\">grenzen</a>"))
        #expect(week.contains("<a href=\"#top\">zelf</a>"))
        #expect(week.contains("<Home|../../index.html><Planning|../../planning/index.html>"))
        let deep = try #require(site.read("planning/diep/verder/index.html"))
        #expect(deep.contains("<a href=\"../../../planning/je-week/index.html\">week</a>"))
    }

    @Test func linksWithDotSegmentsResolveLikePaths() throws {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/a/_index.md": page("A"),
            "Content/a/b/_index.md": page("B", "## Top\n"),
            "Content/a/b/c.md": page("C", "[1](./../b/./../../a/_index.md) [2](..//b/c.md) [3](../../a/b/../b/_index.md#top)"),
        ])
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        let c = try #require(site.read("a/b/c/index.html"))
        #expect(c.contains("<a href=\"../../../a/index.html\">1</a>"))
        #expect(c.contains("<a href=\"../../../a/b/c/index.html\">2</a>"))
        #expect(c.contains("<a href=\"../../../a/b/index.html#top\">3</a>"))
        site.write("Content/a/b/c.md", page("C", "[4](.././../../x.md)"))
        #expect(
            TestSite.lines(site.build()).contains {
                $0.hasPrefix("Content/a/b/c.md:4:") && $0.contains("the link `.././../../x.md` points outside Content/")
            })
    }

    @Test func folderLinkStyleWritesCleanURLs() throws {
        let site = TestSite([
            "site.yml": "links: folders\n",
            "Content/_index.md": page("Home", "[a](a.md)"),
            "Content/a.md": page("A", "[home](_index.md)"),
        ])
        defer { site.remove() }
        site.build()
        #expect(site.read("index.html")?.contains("<a href=\"a/\">a</a>") == true)
        #expect(site.read("a/index.html")?.contains("<a href=\"../\">home</a>") == true)
    }

    @Test func slugsFileNamesAndAssetsMapToSafeOutputPaths() throws {
        let site = TestSite([
            "Content/_index.md": page("Home", "![foto](<Mijn Map/foto 1.png>) [pdf](Mijn%20Map/uitleg.pdf)"),
            "Content/Mijn Map/_index.md": page("Map"),
            "Content/Mijn Map/Één pagina #2.md": page("Een", "![foto](foto%201.png)"),
            "Content/Mijn Map/kort.md": page("Kort", extra: "slug: andere-naam"),
            "Content/Mijn Map/foto 1.png": "png",
            "Content/Mijn Map/uitleg.pdf": "pdf",
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        #expect(site.exists("mijn-map/een-pagina-2/index.html"))
        #expect(site.exists("mijn-map/andere-naam/index.html"))
        #expect(site.exists("mijn-map/foto 1.png"))
        let home = try #require(site.read("index.html"))
        #expect(home.contains("<img src=\"mijn-map/foto%201.png\" alt=\"foto\" />"))
        #expect(home.contains("<a href=\"mijn-map/uitleg.pdf\">pdf</a>"))
        #expect(site.read("mijn-map/een-pagina-2/index.html")?.contains("src=\"../../mijn-map/foto%201.png\"") == true)
    }

    @Test func safeModeByDefaultAndUnsafeHTMLWhenConfigured() throws {
        let files = [
            "Content/_index.md": page("Home", "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<div class=\"kader\">hoi</div>\n")
        ]
        let safe = TestSite(files)
        defer { safe.remove() }
        safe.build()
        let html = try #require(safe.read("index.html"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<div class=\"kader\">"))
        let unsafe = TestSite(files.merging(["site.yml": "unsafe_html: true\n"]) { $1 })
        defer { unsafe.remove() }
        unsafe.build()
        #expect(unsafe.read("index.html")?.contains("<div class=\"kader\">hoi</div>") == true)
    }

    @Test func headingIDsAndTableOfContentsReachTheTemplate() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/page.mustache"] = "{{#page.toc}}({{id}}:{{text}}{{#subitems}} /{{id}}{{/subitems}}){{/page.toc}}"
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/a.md": page("A", "## Één stap\n\n### Daarna\n\n## Één stap\n"),
            ], theme: theme)
        defer { site.remove() }
        site.build()
        #expect(site.read("a/index.html") == "(een-stap:Één stap /daarna)(een-stap-2:Één stap)")
    }

    @Test func layoutLookupUsesFrontMatterThenSectionThenDefault() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/news.mustache"] = "NEWS {{page.title}}"
        theme["Themes/default/layouts/wide.mustache"] = "WIDE {{page.title}}"
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/nieuws/_index.md": page("Nieuws", extra: "page_layout: news"),
                "Content/nieuws/a.md": page("A"),
                "Content/nieuws/b.md": page("B", extra: "layout: wide"),
                "Content/c.md": page("C"),
            ], theme: theme)
        defer { site.remove() }
        site.build()
        #expect(site.read("nieuws/a/index.html") == "NEWS A")
        #expect(site.read("nieuws/b/index.html") == "WIDE B")
        #expect(site.read("c/index.html")?.hasPrefix("<html lang=\"nl\"><title>C</title>PAGE") == true)
    }

    @Test func siteOverridesReplaceThemeFiles() throws {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Overrides/layouts/home.mustache": "OVERRIDDEN",
            "Overrides/assets/css/site.css": "body{color:red}",
        ])
        defer { site.remove() }
        site.build()
        #expect(site.read("index.html") == "OVERRIDDEN")
        #expect(site.read("assets/css/site.css") == "body{color:red}")
    }

    @Test func dataFilesAndParamsAreAvailableToTemplates() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/home.mustache"] =
            "{{#site.data.team.members}}{{name}},{{/site.data.team.members}}|{{site.data.cijfers.jaar}}|{{page.params.kleur}}|{{site.params.motto}}"
        let site = TestSite(
            [
                "site.yml": "params:\n  motto: Samen\n",
                "Content/_index.md": page("Home", extra: "kleur: blauw"),
                "Content/_data/team.yml": "members:\n  - name: Samira\n  - name: Pieter\n",
                "Content/_data/cijfers.json": "{\"jaar\": 2026}",
            ], theme: theme)
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        #expect(site.read("index.html") == "Samira,Pieter,|2026|blauw|Samen")
    }

    @Test func draftsAndScheduledPagesAreLeftOutUnlessAsked() throws {
        let files = [
            "Content/_index.md": page("Home"),
            "Content/klaar.md": page("Klaar"),
            "Content/concept.md": page("Concept", extra: "draft: true"),
            "Content/later.md": page("Later", extra: "publish_from: 2027-01-01"),
            "Content/voorbij.md": page("Voorbij", extra: "publish_until: 2026-01-01"),
        ]
        let site = TestSite(files)
        defer { site.remove() }
        site.build()
        #expect(site.exists("klaar/index.html"))
        #expect(!site.exists("concept/index.html"))
        #expect(!site.exists("later/index.html"))
        #expect(!site.exists("voorbij/index.html"))
        site.build(drafts: true)
        #expect(site.exists("concept/index.html"))
        site.build(today: Day(year: 2027, month: 2, day: 1)!)
        #expect(site.exists("later/index.html"))
    }

    @Test func sectionChildrenFollowWeightThenTitleOrDate() throws {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/a/_index.md": page("A"),
            "Content/a/zebra.md": page("Zebra", extra: "weight: 1"),
            "Content/a/appel.md": page("Appel"),
            "Content/a/Ézel.md": page("Ézel"),
            "Content/nieuws/_index.md": page("Nieuws", extra: "sort_by: date"),
            "Content/nieuws/oud.md": page("Oud", extra: "date: 2026-01-01"),
            "Content/nieuws/nieuw.md": page("Nieuw", extra: "date: 2026-11-01"),
        ])
        defer { site.remove() }
        site.build()
        #expect(
            site.read("a/index.html")?.contains("[Zebra|../a/zebra/index.html][Appel|../a/appel/index.html][Ézel|../a/ezel/index.html]")
                == true)
        #expect(site.read("nieuws/index.html")?.contains("[Nieuw|../nieuws/nieuw/index.html][Oud|../nieuws/oud/index.html]") == true)
    }

    @Test func componentsRenderThroughThemePartialsWithTheirData() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/components/quiz.mustache"] =
            "<form id=\"{{id}}\">{{#data.groups}}<fieldset>{{title}}</fieldset>{{/data.groups}}<a href=\"{{data.help}}\">h</a><script type=\"application/json\">{{{json}}}</script></form>"
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/hulp.md": page("Hulp"),
                "Content/sub/_index.md": page("Sub"),
                "Content/sub/check.md": page("Check", "```quiz\ndata: quiz\n```\n\n```yaml\ngewoon: code\n```\n"),
                "Content/_data/quiz.yml": "help: hulp.md\ngroups:\n  - title: Werkplek <stoel>\n",
            ], theme: theme)
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        let html = try #require(site.read("sub/check/index.html"))
        #expect(html.contains("<form id=\"quiz\"><fieldset>Werkplek &lt;stoel&gt;</fieldset><a href=\"../../hulp/index.html\">h</a>"))
        #expect(html.contains("{\"help\":\"../../hulp/index.html\",\"groups\":[{\"title\":\"Werkplek \\u003cstoel\\u003e\"}]}"))
        #expect(html.contains("<pre><code class=\"language-yaml\">gewoon: code"))
    }

    @Test func cachedPartialsAreSharedAndStillMarkTheCurrentPage() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/page.mustache"] = "{{{cached.list}}}"
        theme["Themes/default/partials/list.mustache"] = "{{#siblings}}<a href=\"{{url}}\">{{title}}</a>{{/siblings}}"
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/s/_index.md": page("S"),
                "Content/s/a.md": page("A", extra: "weight: 1"),
                "Content/s/b.md": page("B", extra: "weight: 2"),
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        #expect(
            site.read("s/a/index.html")
                == "<a href=\"../../s/a/index.html\" aria-current=\"page\">A</a><a href=\"../../s/b/index.html\">B</a>")
        #expect(
            site.read("s/b/index.html")
                == "<a href=\"../../s/a/index.html\">A</a><a href=\"../../s/b/index.html\" aria-current=\"page\">B</a>")
    }

    @Test func aSubsectionDoesNotShareTheCachedPartialsOfThePagesBesideIt() throws {
        // A subsection and the pages beside it have the same parent and depth, but only pages have
        // siblings: when the subsection rendered the shared partial first, no page had a section list.
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/page.mustache"] = "{{{cached.list}}}"
        theme["Themes/default/layouts/section.mustache"] = "{{{cached.list}}}"
        theme["Themes/default/partials/list.mustache"] = "[{{#siblings}}{{title}}{{/siblings}}]"
        var files = [
            "Content/_index.md": page("Home"),
            "Content/s/_index.md": page("S"),
            "Content/s/a.md": page("A", extra: "weight: 1"),
            "Content/s/b.md": page("B", extra: "weight: 2"),
        ]
        // Several subsections, so that one of them is rendered before the pages in any order of the threads.
        for number in 1...8 { files["Content/s/t\(number)/_index.md"] = page("T\(number)", extra: "weight: \(number + 2)") }
        let site = TestSite(files, theme: theme)
        defer { site.remove() }
        for _ in 1...3 {
            #expect(TestSite.lines(site.build()) == [])
            #expect(site.read("s/a/index.html") == "[AB]")
            #expect(site.read("s/b/index.html") == "[AB]")
            #expect(site.read("s/t1/index.html") == "[]")
        }
    }

    @Test func cachedPartialWithoutAPartialIsAnError() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/page.mustache"] = "x\n  {{{cached.menu}}}"
        let site = TestSite(["Content/_index.md": page("Home")], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == ["Themes/default/layouts/page.mustache:2:6: error: `cached.menu` names no partial"])
    }

    @Test func authorTextIsEscapedInTemplates() throws {
        let site = TestSite(["Content/_index.md": "---\ntitle: \"Tom & Jerry's <script>\\\"x\\\"\"\n---\n"])
        defer { site.remove() }
        site.build()
        #expect(site.read("index.html")?.contains("<title>Tom &amp; Jerry&#39;s &lt;script&gt;&quot;x&quot;</title>") == true)
    }

    @Test func sitemapFeedTagsAndSearchIndex() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/overview.mustache"] =
            "{{count_overdue}}/{{count_current}}{{#rows}}[{{title}}:{{status}}:{{owner}}]{{/rows}}"
        let site = TestSite(
            [
                "site.yml": "base_url: https://intranet.example/hybride\nreview_overview: true\n",
                "Content/_index.md": page("Home", "Welkom", extra: "owner: HR\nreview_by: 2027-06-01"),
                "Content/nieuws/_index.md": page("Nieuws", extra: "sort_by: date\nfeed: true"),
                "Content/nieuws/oud.md": page(
                    "Oud & goed", "## Kop een\n\nTekst over thuiswerken.",
                    extra: "date: 2026-01-01\ntags: [Vergoeding, thuis]\nreview_by: 2026-01-01"),
                "Content/nieuws/nieuw.md": page(
                    "Nieuw", extra: "date: 2026-11-01\nupdated: 2026-11-20\ntags: [vergoeding]\ndescription: Bedragen 2027"),
                "Content/geheim.md": page("Geheim", extra: "hidden: true\ntags: [vergoeding]"),
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        let sitemap = try #require(site.read("sitemap.xml"))
        #expect(sitemap.contains("<url><loc>https://intranet.example/hybride/nieuws/nieuw/</loc><lastmod>2026-11-20</lastmod></url>"))
        #expect(!sitemap.contains("geheim"))
        let feed = try #require(site.read("nieuws/feed.xml"))
        #expect(feed.contains("<updated>2026-11-20T00:00:00Z</updated>"))
        #expect(feed.range(of: "<title>Nieuw</title>")!.lowerBound < feed.range(of: "<title>Oud &amp; goed</title>")!.lowerBound)
        #expect(feed.contains("<summary>Bedragen 2027</summary>"))
        let tag = try #require(site.read("tags/vergoeding/index.html"))
        #expect(tag.contains("[Nieuw|../../nieuws/nieuw/index.html][Oud &amp; goed|../../nieuws/oud/index.html]"))
        #expect(site.exists("tags/thuis/index.html"))
        #expect(site.read("tags/index.html")?.contains("[thuis|thuis/index.html][vergoeding|vergoeding/index.html]") == true)
        let search = try #require(site.read(SearchIndex.file))
        #expect(search.hasPrefix("window.MENGVORM_SEARCH_INDEX = {\"pages\":[{\"t\":\"Home\",\"u\":\"index.html\",\"x\":\"Welkom\"}"))
        #expect(
            search.contains(
                "{\"t\":\"Oud \\u0026 goed\",\"u\":\"nieuws/oud/index.html\",\"s\":\"Nieuws\",\"h\":[\"Kop een\"],\"g\":[\"Vergoeding\",\"thuis\"],\"x\":\"Kop een Tekst over thuiswerken.\"}"
            ))
        #expect(!search.contains("Geheim"))
        let overview = try #require(site.read("beheer/index.html"))
        #expect(overview.hasPrefix("1/1[Oud &amp; goed:overdue:]"))
        #expect(overview.contains("[Home:current:HR]"))
    }

    @Test func translationsLiveUnderTheirLanguageAndLinkToEachOther() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/base.mustache"] =
            "<html lang=\"{{lang}}\">{{#menu}}<m {{url}}>{{/menu}}{{#translations}}<s {{lang}} {{url}} {{current}}>{{/translations}}{{$main}}{{/main}}</html>"
        theme["Themes/default/i18n/nl.yml"] = "language_name: Nederlands\n"
        theme["Themes/default/i18n/en.yml"] = "language_name: English\n"
        let site = TestSite(
            [
                "site.yml": "languages: [nl, en]\n",
                "Content/_index.md": page("Home", "[stappen](start/stappen.md)"),
                "Content/_index.en.md": page("Home EN"),
                "Content/start/_index.md": page("Start"),
                "Content/start/_index.en.md": page("Start here"),
                "Content/start/stappen.md": page("Stappen", "## Stap een\n"),
                "Content/start/stappen.en.md": page(
                    "Steps", "[home](../_index.md) [alleen nl](alleen.md) [step](stappen.md#step-one)\n\n## Step one\n"),
                "Content/start/alleen.md": page("Alleen Nederlands"),
            ], theme: theme)
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        let steps = try #require(site.read("en/start/stappen/index.html"))
        #expect(steps.hasPrefix("<html lang=\"en\"><m ../../../en/start/index.html>"))
        #expect(steps.contains("<s nl ../../../start/stappen/index.html false><s en ../../../en/start/stappen/index.html true>"))
        #expect(steps.contains("<a href=\"../../../en/index.html\">home</a>"))
        #expect(steps.contains("<a href=\"../../../start/alleen/index.html\">alleen nl</a>"))
        #expect(steps.contains("<a href=\"../../../en/start/stappen/index.html#step-one\">step</a>"))
        let dutchOnly = try #require(site.read("start/alleen/index.html"))
        #expect(dutchOnly.contains("<s en ../../en/index.html false>"))
        #expect(site.read("index.html")?.contains("<a href=\"start/stappen/index.html\">stappen</a>") == true)
    }

    @Test func checkWritesNothing() {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        let report = site.build(write: false)
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func theShippedSiteBuildsCleanUnderStrict() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-shipped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = BuildOptions(siteRoot: repo)
        options.output = output
        options.strict = true
        // Review dates are compared with a fixed day, so this test does not start failing when they near.
        options.today = Day(year: 2026, month: 11, day: 23)!
        let report = Builder.build(options)
        #expect(TestSite.lines(report) == [])
        #expect(report.pageCount >= 30)
        // `check` tells HR in time: the only warnings in late November are the pages whose yearly
        // figures end with 2026, each reviewed before the new year.
        options.checksGovernance = true
        options.output = nil
        options.writesOutput = false
        let governance = Builder.build(options).diagnostics
        #expect(!governance.isEmpty)
        for diagnostic in governance {
            #expect(
                diagnostic.message.contains("`valid_until`") || diagnostic.message.contains("review date 2026-12-"),
                "\(diagnostic.headline)")
        }
        let zelfcheck = String(
            decoding: try #require(FileManager.default.contents(atPath: output.path + "/thuiswerkplek/zelfcheck/index.html")), as: UTF8.self
        )
        #expect(zelfcheck.contains("<h1>"))
        // The theme satisfies a strict policy: no inline scripts or styles, nothing from other sites.
        #expect(
            zelfcheck.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'self';"))
        #expect(!zelfcheck.contains(" style=\""))
        #expect(!zelfcheck.contains("<script>"))
    }
}
