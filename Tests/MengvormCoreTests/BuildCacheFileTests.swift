import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// `mengvorm build` with its cache file, `.mengvorm-cache` in the output folder: a rebuild renders
/// only what changed, and what comes out is byte for byte what a build from scratch makes.
@Suite struct BuildCacheFileTests {
    static let theme: [String: String] = {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/team.mustache"] = "{{<base}}{{$main}}TEAM {{page.title}} @ {{page.entry.office}}{{/main}}{{/base}}"
        return theme
    }()

    static let files = [
        "site.yml": "title: Intranet\nlanguage: nl\n",
        "Content/_index.md": page("Home", "Welkom. Zie [de week](plannen/je-week.md#kantoordagen)."),
        "Content/plannen/_index.md": page("Plannen"),
        "Content/plannen/je-week.md": page("Je week", "Plan je week.\n\n## Kantoordagen\n\nTekst met ![foto](foto.png)."),
        "Content/plannen/overleg.md": page("Overleg", "Zie [kantoordagen](je-week.md#kantoordagen) en [weg](je-week.md#weg)."),
        "Content/teams/_index.md": page(
            "Teams", extra: "pages_from:\n  data: teams\n  list: teams\n  title: name\n  slug: slug\n  layout: team"),
        "Content/_data/teams.yml": "teams:\n  - name: HR\n    slug: hr\n    office: Utrecht\n",
    ]

    static let png = ImageAndCalloutTests.png

    static func makeSite() -> TestSite {
        let site = TestSite(files, theme: theme)
        site.writeBytes("Content/plannen/foto.png", png)
        site.settle()
        return site
    }

    @discardableResult
    static func build(
        _ site: TestSite, into output: URL? = nil, cacheFile: BuildOptions.CacheFileUse = .use, identity: String = "test binary 1",
        drafts: Bool = false, strict: Bool = false, observer: (any BuildObserver)? = nil
    ) -> BuildReport {
        var options = BuildOptions(siteRoot: site.root)
        options.observer = observer
        options.strict = strict
        options.today = Day(year: 2026, month: 11, day: 23)!
        options.output = output
        options.includeDrafts = drafts
        options.cacheFile = cacheFile
        options.cacheIdentity = identity
        return Builder.build(options)
    }

    /// Every file of an output folder but the cache file, byte for byte, by path (the manifest too).
    static func files(in folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            if path != OutputFolder.cacheFile, let data = FileManager.default.contents(atPath: folder.path + "/" + path) {
                files[path] = data
            }
        }
        return files
    }

    /// The site's output matches a build from scratch (`--no-cache`) of the same files into another folder.
    static func expectSameAsCleanBuild(_ site: TestSite, _ report: BuildReport, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let clean = site.root.appendingPathComponent("Clean")
        try? FileManager.default.removeItem(at: clean)
        let fresh = build(site, into: clean, cacheFile: .write)
        #expect(fresh.renderedPageCount == fresh.pageCount, sourceLocation: sourceLocation)
        #expect(report.succeeded == fresh.succeeded, sourceLocation: sourceLocation)
        #expect(TestSite.lines(report) == TestSite.lines(fresh), sourceLocation: sourceLocation)
        let built = files(in: site.output)
        let expected = files(in: clean)
        #expect(built.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in expected where built[path] != data {
            Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
        }
    }

    static func cacheBytes(_ site: TestSite) -> Data? { FileManager.default.contents(atPath: PersistentCache.path(in: site.output)) }

    @Test func aRebuildWithoutChangesRendersNothingAndAnEditOfTheTextOnlyThatPage() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        let cold = Self.build(site)
        #expect(cold.succeeded)
        #expect(cold.renderedPageCount == cold.pageCount)
        #expect(Self.cacheBytes(site) != nil)

        let again = Self.build(site)
        #expect(again.renderedPageCount == 0)
        Self.expectSameAsCleanBuild(site, again)

        site.write("Content/plannen/je-week.md", page("Je week", "Plan je week opnieuw.\n\n## Kantoordagen\n\nTekst."))
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == 1)
        #expect(site.read("plannen/je-week/index.html")?.contains("Plan je week opnieuw.") == true)
        Self.expectSameAsCleanBuild(site, edited)
    }

    /// Every entry of a folder (files and folders, the cache file and the manifest too) with its stamp.
    static func stamps(in folder: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String { stamps[path] = FileStamp.of(folder.path + "/" + path) }
        return stamps
    }

    static func source(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A rebuild in which nothing changed ends after the scan (`UpToDate`): it writes nothing, not even a
    /// staging folder, and reports what the build before it reported, warnings included.
    @Test func aRebuildInWhichNothingChangedWritesNothingAndReportsTheSame() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        let cold = Self.build(site)
        #expect(cold.succeeded && !cold.upToDate)
        let output = Self.stamps(in: site.output)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        for _ in 0..<2 {
            let again = Self.build(site)
            #expect(again.upToDate)
            #expect(again.succeeded)
            #expect(again.renderedPageCount == 0)
            #expect(again.pageCount == cold.pageCount)
            #expect(again.fileCount == cold.fileCount)
            #expect(TestSite.lines(again) == TestSite.lines(cold))
            #expect(TestSite.lines(again).contains { $0.hasSuffix("`#weg`") })
            #expect(Self.stamps(in: site.output) == output)
            #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == beside)
        }
        Self.expectSameAsCleanBuild(site, Self.build(site))

        // Under --strict the same warning fails the build, and the output stays as it was.
        let strict = Self.build(site, strict: true)
        #expect(!strict.succeeded)
        #expect(strict.errorCount == TestSite.lines(cold).count)
        #expect(Self.stamps(in: site.output) == output)
    }

    /// A rebuild copies the entries it did not read or render again from the cache file it read; the
    /// file it writes is still byte for byte the one a build from scratch writes, search entries too.
    @Test func theCacheFileAfterAnEditIsTheOneABuildFromScratchWrites() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(SearchIndex.file).path))
        for text in ["Andere tekst.", "Weer andere tekst, langer dan de vorige: zie [kantoordagen](je-week.md#kantoordagen)."] {
            site.write("Content/plannen/overleg.md", page("Overleg", text))
            site.settle()
            let edited = Self.build(site)
            #expect(edited.renderedPageCount == 1)
            let scratch = site.root.appendingPathComponent("Scratch")
            try? FileManager.default.removeItem(at: scratch)
            Self.build(site, into: scratch, cacheFile: .write)
            let rebuilt = try #require(FileManager.default.contents(atPath: PersistentCache.path(in: site.output)))
            let fromScratch = try #require(FileManager.default.contents(atPath: PersistentCache.path(in: scratch)))
            #expect(rebuilt == fromScratch)
        }
    }

    /// Takes longer than `BuildCache.racyNanoseconds` over the scan, as a large site's scan does.
    final class SlowScan: BuildObserver, @unchecked Sendable {
        func stageFinished(_ stage: String, milliseconds: Double) {
            if stage.hasPrefix("config, scan") { Thread.sleep(forTimeInterval: Double(BuildCache.racyNanoseconds) / 1e9 + 0.01) }
        }
        func rendered(_ done: Int, of total: Int) {}
        func renderingFinished() {}
    }

    /// A page or template saved moments before `mengvorm build` starts is trusted when the build reads it
    /// later than the racy window after the save: the build after it is up to date. (A file is read after
    /// the scan; a change after its reading changes its stamp.)
    @Test func anEditSavedJustBeforeTheBuildIsTrustedWhenTheBuildReadsItLater() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        #expect(Self.build(site).upToDate)
        for (path, text) in [
            ("Content/plannen/overleg.md", page("Overleg", "Nieuwe tekst.")),
            ("Themes/default/layouts/page.mustache", try Self.source(site, "Themes/default/layouts/page.mustache") + "\n"),
        ] {
            site.write(path, text)
            let edited = Self.build(site, observer: SlowScan())
            #expect(edited.succeeded && !edited.upToDate)
            let next = Self.build(site)
            #expect(next.upToDate, "after \(path)")
            Self.expectSameAsCleanBuild(site, next)
        }
    }

    /// The rule behind the test above, with times given: a stamp is trusted when it is older than the
    /// racy window before its file's reading; site.yml is read at the scan's start, the rest later.
    @Test func aStampIsTrustedByItsAgeWhenItsFileIsRead() {
        let racy = BuildCache.racyNanoseconds
        let saved: Int64 = 1_000_000_000_000
        func stamp(_ time: Int64) -> FileStamp { FileStamp(size: 1, modified: time, changed: time, inode: 1) }
        func fingerprint(page: Int64, settings: Int64) -> InputFingerprint {
            InputFingerprint(
                startedAt: saved + racy / 4, configStamp: stamp(settings), themeStamps: [],
                files: [SourceFile(kind: .page, contentPath: "a.md", stamp: stamp(page))], gitDays: [:])
        }
        let pageJustSaved = fingerprint(page: saved, settings: saved - 10 * racy)
        #expect(!pageJustSaved.trusted)
        #expect(!pageJustSaved.readingFrom(saved + racy / 2).trusted)
        #expect(pageJustSaved.readingFrom(saved + 2 * racy).trusted)
        #expect(pageJustSaved.readingFrom(saved + 2 * racy).value == pageJustSaved.value)
        let settingsJustSaved = fingerprint(page: saved - 10 * racy, settings: saved)
        #expect(!settingsJustSaved.readingFrom(saved + 2 * racy).trusted)
    }

    /// The build looks further than its file list when a stamp changed, even without a change of text,
    /// and when the output is no longer as the last build left it; then the next one is up to date again.
    @Test func aRebuildLooksFurtherWhenAStampOrTheOutputChanged() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        #expect(Self.build(site).upToDate)

        // Saved again as it was: read again, nothing rendered.
        site.write("Content/plannen/overleg.md", try Self.source(site, "Content/plannen/overleg.md"))
        site.settle()
        let saved = Self.build(site)
        #expect(!saved.upToDate)
        #expect(saved.renderedPageCount == 0)
        Self.expectSameAsCleanBuild(site, saved)
        #expect(Self.build(site).upToDate)

        // A template saved again as it was: the theme's stamps are inputs too.
        site.write("Themes/default/layouts/page.mustache", try Self.source(site, "Themes/default/layouts/page.mustache"))
        site.settle()
        #expect(!Self.build(site).upToDate)
        #expect(Self.build(site).upToDate)

        // A file of the output gone, or the manifest edited by hand: the output is repaired.
        try FileManager.default.removeItem(atPath: site.output.path + "/404.html")
        let restored = Self.build(site)
        #expect(!restored.upToDate)
        #expect(site.exists("404.html"))
        Self.expectSameAsCleanBuild(site, restored)
        let manifest = site.output.path + "/" + OutputFolder.marker
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        // A line left out: every file it still names is as the build left it, but the manifest is not.
        let shorter = text.split(separator: "\n").filter { !$0.hasSuffix(" 404.html") }.joined(separator: "\n") + "\n"
        #expect(shorter.count < text.count)
        try shorter.write(toFile: manifest, atomically: false, encoding: .utf8)
        let repaired = Self.build(site)
        #expect(!repaired.upToDate)
        Self.expectSameAsCleanBuild(site, repaired)
        #expect(Self.build(site).upToDate)
    }

    @Test func aNoChangeRebuildKeepsTheCacheFileAndTheNextEditStillRendersOnlyThatPage() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        let path = PersistentCache.path(in: site.output)
        let written = FileStamp.of(path)
        let bytes = Self.cacheBytes(site)
        for _ in 0..<2 {
            let again = Self.build(site)
            #expect(again.renderedPageCount == 0)
            // The file it was seeded from still describes the output: not written again.
            #expect(FileStamp.of(path) == written)
            #expect(Self.cacheBytes(site) == bytes)
        }
        site.write("Content/plannen/overleg.md", page("Overleg", "Zie [kantoordagen](je-week.md#kantoordagen) en niets meer."))
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == 1)
        #expect(FileStamp.of(path) != written)
        Self.expectSameAsCleanBuild(site, edited)
    }

    @Test func aNoChangeRebuildWritesAgainWhatWasDeletedOrEditedInTheOutputByHand() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        let output = site.output.path + "/"
        // Not a page: before, the rebuild kept the files it found and left this one out.
        try FileManager.default.removeItem(atPath: output + "404.html")
        let restored = Self.build(site)
        #expect(restored.renderedPageCount == 0)
        #expect(FileManager.default.fileExists(atPath: output + "404.html"))
        Self.expectSameAsCleanBuild(site, restored)

        // A page and another file, edited after the build (the change times tick in milliseconds).
        site.settle()
        for path in ["plannen/overleg/index.html", "assets/css/site.css", "404.html"] {
            let handle = try #require(FileHandle(forWritingAtPath: output + path))
            handle.seekToEndOfFile()
            handle.write(Data("<p>met de hand</p>".utf8))
            handle.closeFile()
        }
        let repaired = Self.build(site)
        #expect(repaired.renderedPageCount == 1)
        #expect(site.read("plannen/overleg/index.html")?.contains("met de hand") == false)
        Self.expectSameAsCleanBuild(site, repaired)
        // Its own files moved in do not count as edited.
        #expect(Self.build(site).renderedPageCount == 0)
    }

    @Test func warningsOfUnchangedPagesAreReportedAsInACleanBuild() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        let cold = Self.build(site)
        #expect(TestSite.lines(cold).contains { $0.hasPrefix("Content/plannen/overleg.md:") && $0.hasSuffix("`#weg`") })
        let again = Self.build(site)
        #expect(again.renderedPageCount == 0)
        #expect(TestSite.lines(again) == TestSite.lines(cold))
        // The heading the other pages link to goes away: they are not rendered again, still warned about.
        site.write("Content/plannen/je-week.md", page("Je week", "Plan je week."))
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == 1)
        #expect(TestSite.lines(edited).contains { $0.contains("#kantoordagen") })
        Self.expectSameAsCleanBuild(site, edited)
    }

    /// Tag pages and the results page show settings and names only, so after an edit of one page's text
    /// they are kept from the last build instead of being rendered again; an edit of a page's tags
    /// renders them again. Either way every file is a clean build's (a tag page the keeping missed
    /// would be deleted from the output, and this would fail).
    @Test func pagesThatShowNoPageTextStayAsACleanBuildAfterEditsOfTextAndTags() throws {
        var files = Self.files
        files["Content/plannen/je-week.md"] = page("Je week", "Plan je week.", extra: "tags: [thuiswerken, planning]")
        files["Content/plannen/overleg.md"] = page("Overleg", "Overleg met je team.", extra: "tags: [planning]")
        var theme = Self.theme
        theme["Themes/default/layouts/search-results.mustache"] = "{{<base}}{{$main}}ZOEKEN {{page.title}}{{/main}}{{/base}}"
        theme["Themes/default/i18n/nl.yml"] = "search_page: zoeken\n"
        let site = TestSite(files, theme: theme)
        defer { site.remove() }
        site.settle()
        #expect(Self.build(site).succeeded)
        for path in ["tags/index.html", "tags/planning/index.html", "tags/thuiswerken/index.html", "zoeken/index.html"] {
            #expect(site.read(path) != nil, "\(path) is written")
        }

        site.write("Content/plannen/overleg.md", page("Overleg", "Overleg elke week met je team.", extra: "tags: [planning]"))
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == 1)
        #expect(site.read("search-index.js")?.contains("Overleg elke week") == true)
        Self.expectSameAsCleanBuild(site, edited)

        site.write("Content/plannen/overleg.md", page("Overleg", "Overleg elke week met je team.", extra: "tags: [overleg]"))
        let retagged = Self.build(site)
        #expect(retagged.renderedPageCount == retagged.pageCount)
        #expect(site.read("tags/overleg/index.html")?.contains("Overleg") == true)
        Self.expectSameAsCleanBuild(site, retagged)
    }

    @Test func anEditOfTheFrontMatterRendersThePagesThatShowIt() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        site.write("Content/plannen/je-week.md", page("Jouw week", "Plan je week.\n\n## Kantoordagen\n"))
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == edited.pageCount)
        #expect(site.read("plannen/index.html")?.contains("[Jouw week|") == true)
        Self.expectSameAsCleanBuild(site, edited)
    }

    @Test func anEditOfADataFileRendersTheSiteAgain() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        site.write("Content/_data/teams.yml", "teams:\n  - name: HR\n    slug: hr\n    office: Gent\n")
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == edited.pageCount)
        #expect(site.read("teams/hr/index.html")?.contains("TEAM HR @ Gent") == true)
        Self.expectSameAsCleanBuild(site, edited)
    }

    @Test func anEditOfTheThemeOrTheSettingsRendersEveryPage() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        site.write("Themes/default/layouts/page.mustache", "{{<base}}{{$main}}ANDERS {{{content}}}{{/main}}{{/base}}")
        let themed = Self.build(site)
        #expect(themed.renderedPageCount == themed.pageCount)
        #expect(site.read("plannen/je-week/index.html")?.contains("ANDERS") == true)
        Self.expectSameAsCleanBuild(site, themed)

        site.write("site.yml", "title: Intranet\nlanguage: en\n")
        let settings = Self.build(site)
        #expect(settings.renderedPageCount == settings.pageCount)
        #expect(site.read("index.html")?.contains("<html lang=\"en\">") == true)
        Self.expectSameAsCleanBuild(site, settings)
    }

    @Test func anImageOfAnotherSizeRendersThePagesAgain() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        #expect(site.read("plannen/je-week/index.html")?.contains("width=\"800\"") == true)
        var wider = Self.png
        wider[19] = 0x84  // 900 pixels wide
        site.writeBytes("Content/plannen/foto.png", wider)
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == edited.pageCount)
        #expect(site.read("plannen/je-week/index.html")?.contains("width=\"900\"") == true)
        Self.expectSameAsCleanBuild(site, edited)
    }

    @Test func anAddedOrRemovedPageIsBuiltAsFromScratch() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        site.write("Content/plannen/nieuw.md", page("Nieuw", "Een nieuwe pagina."))
        let added = Self.build(site)
        #expect(added.succeeded)
        #expect(added.renderedPageCount == added.pageCount)
        #expect(site.read("plannen/index.html")?.contains("[Nieuw|") == true)
        Self.expectSameAsCleanBuild(site, added)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/plannen/overleg.md"))
        let removed = Self.build(site)
        #expect(removed.renderedPageCount == removed.pageCount)
        #expect(!site.exists("plannen/overleg/index.html"))
        Self.expectSameAsCleanBuild(site, removed)
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        let good = try #require(Self.cacheBytes(site))
        let path = PersistentCache.path(in: site.output)
        var flipped = good
        flipped[flipped.count - 3] ^= 0x40
        for damaged in [Data("garbage, not a cache".utf8), good.prefix(good.count / 2), good.prefix(20), flipped, Data()] {
            try damaged.write(to: URL(fileURLWithPath: path))
            let report = Self.build(site)
            #expect(report.succeeded)
            #expect(report.renderedPageCount == report.pageCount)
            Self.expectSameAsCleanBuild(site, report)
        }
        // And the file the last build wrote is good again.
        #expect(Self.build(site).renderedPageCount == 0)
    }

    @Test func pagesTakeTheirSearchEntriesFromTheIndexBesideTheCacheFileOnlyWhenItIsTheOneWrittenWithIt() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        // The cache file keeps no page text: it points into search-index.js.
        let cache = try #require(Self.cacheBytes(site))
        #expect(cache.range(of: Data("Plan je week.".utf8)) == nil)
        let index = try #require(site.read(SearchIndex.file))
        #expect(index.contains("Plan je week."))

        // Another index beside the file (hand-edited, or from another build): the pages have no text to
        // reuse, so all are rendered, and the index is made from their text again.
        site.write("Output/" + SearchIndex.file, index.replacingOccurrences(of: "Plan je week.", with: "Plan je maand."))
        site.write(
            "Content/plannen/overleg.md", page("Overleg", "Zie [kantoordagen](je-week.md#kantoordagen) en ook [weg](je-week.md#weg)."))
        let rebuilt = Self.build(site)
        #expect(rebuilt.renderedPageCount == rebuilt.pageCount)
        #expect(site.read(SearchIndex.file)?.contains("Plan je week.") == true)
        Self.expectSameAsCleanBuild(site, rebuilt)

        // The index is the one written with the file again: one edit renders one page.
        site.write("Content/plannen/overleg.md", page("Overleg", "Zie [kantoordagen](je-week.md#kantoordagen)."))
        let edited = Self.build(site)
        #expect(edited.renderedPageCount == 1)
        Self.expectSameAsCleanBuild(site, edited)
    }

    @Test func aCacheFileOfAnotherSiteOptionsOrBinaryIsIgnored() throws {
        let site = Self.makeSite()
        let other = Self.makeSite()
        defer {
            site.remove()
            other.remove()
        }
        Self.build(site)
        Self.build(other)
        // The other site's file, though its pages have the same names and texts.
        try FileManager.default.removeItem(atPath: PersistentCache.path(in: site.output))
        try FileManager.default.copyItem(atPath: PersistentCache.path(in: other.output), toPath: PersistentCache.path(in: site.output))
        let foreign = Self.build(site)
        #expect(foreign.renderedPageCount == foreign.pageCount)
        Self.expectSameAsCleanBuild(site, foreign)

        let drafts = Self.build(site, drafts: true)
        #expect(drafts.renderedPageCount == drafts.pageCount)
        let newer = Self.build(site, identity: "test binary 2")
        #expect(newer.renderedPageCount == newer.pageCount)
        Self.expectSameAsCleanBuild(site, newer)
        #expect(Self.build(site, identity: "test binary 2").renderedPageCount == 0)
    }

    @Test func aFailedBuildLeavesTheOutputAndTheCacheFileAsTheyWere() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        let output = Self.files(in: site.output)
        let cache = Self.cacheBytes(site)
        site.write("Content/plannen/je-week.md", "---\ntitle: [Je week\n---\nTekst.")
        let failed = Self.build(site)
        #expect(!failed.succeeded)
        #expect(Self.files(in: site.output) == output)
        #expect(Self.cacheBytes(site) == cache)

        site.write("Content/plannen/je-week.md", page("Je week", "Weer goed.\n\n## Kantoordagen\n"))
        let fixed = Self.build(site)
        #expect(fixed.succeeded)
        #expect(site.read("plannen/je-week/index.html")?.contains("Weer goed.") == true)
        Self.expectSameAsCleanBuild(site, fixed)
    }

    @Test func theCacheFileIsNotInTheManifestAndNotWrittenByServeOrCheck() throws {
        let site = Self.makeSite()
        defer { site.remove() }
        Self.build(site)
        #expect(site.read(OutputFolder.marker)?.contains(OutputFolder.cacheFile) == false)
        #expect(site.read("sitemap.xml")?.contains("mengvorm") != true)
        // A build with an in-process cache (serve) removes the file: it no longer describes the output.
        site.write("Content/plannen/je-week.md", page("Je week", "Anders."))
        #expect(site.build(cache: BuildCache()).succeeded)
        #expect(Self.cacheBytes(site) == nil)
    }
}
