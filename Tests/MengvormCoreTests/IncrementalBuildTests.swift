import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// Rebuilds with a `BuildCache`, as `mengvorm serve` runs them: only what an edit affects is read and
/// rendered again, and the site that comes out is the one a full build would make.
@Suite struct IncrementalBuildTests {
    static let files = [
        "Content/_index.md": page("Home", "Welkom"),
        "Content/plannen/_index.md": page("Plannen"),
        "Content/plannen/je-week.md": page("Je week", "Plan je week.\n\n## Kantoordagen\n\nTekst."),
        "Content/plannen/overleg.md": page("Overleg", "Zie [kantoordagen](je-week.md#kantoordagen)."),
        "Content/grenzen/_index.md": page("Grenzen", "Over grenzen."),
        "Content/grenzen/plaatje.txt": "een",
    ]

    /// The same site built from scratch, file by file, for comparison with the incremental result.
    static func fullBuild(of site: TestSite) -> [String: String] {
        let fresh = site.root.appendingPathComponent("Full")
        try? FileManager.default.removeItem(at: fresh)
        _ = site.build(output: fresh)
        return files(in: fresh)
    }

    static func contents(of site: TestSite) -> [String: String] { files(in: site.output) }

    /// Every file of an output folder but the marker, by path.
    static func files(in folder: URL) -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        while let path = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.path + "/" + path), !path.hasPrefix(".") {
                files[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return files
    }

    @Test func anEditOfThePageTextRendersOnlyThatPage() throws {
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        let first = site.build(cache: cache)
        #expect(first.succeeded)
        #expect(first.renderedPageCount == first.pageCount)
        let homeWritten = try #require(site.modified("index.html"))

        // Nothing changed: nothing is rendered and nothing written.
        let again = site.build(cache: cache)
        #expect(again.renderedPageCount == 0)
        #expect(site.modified("index.html") == homeWritten)

        site.write("Content/plannen/je-week.md", page("Je week", "Plan je week opnieuw.\n\n## Kantoordagen\n\nTekst."))
        let edited = site.build(cache: cache)
        #expect(edited.succeeded)
        #expect(edited.renderedPageCount == 1)
        #expect(site.read("plannen/je-week/index.html")?.contains("Plan je week opnieuw.") == true)
        #expect(site.modified("index.html") == homeWritten)
        #expect(Self.contents(of: site) == Self.fullBuild(of: site))
    }

    @Test func anEditOfTheSameSizeWithinTheSameMillisecondIsSeen() throws {
        // File times tick in steps of a few milliseconds; a quick save of as many bytes keeps size and time.
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        for word in ["jaar", "maand", "dag", "uur", "week"] {
            let path = site.root.appendingPathComponent("Content/plannen/je-week.md").path
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data(page("Je week", "Plan je \(word.padding(toLength: 5, withPad: ".", startingAt: 0))").utf8))
            try handle.truncate(atOffset: handle.offsetInFile)
            try handle.close()
            site.build(cache: cache)
            #expect(site.read("plannen/je-week/index.html")?.contains("Plan je \(word)") == true)
        }
    }

    @Test func aWatcherThatNamesTheChangedFilesSparesTheWalkOverContent() throws {
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        site.build(cache: cache)
        site.write("Content/plannen/je-week.md", page("Je week", "Plan je week anders.\n\n## Kantoordagen\n"))
        let edited = site.build(cache: cache, changed: ["Content/plannen/je-week.md"])
        #expect(edited.renderedPageCount == 1)
        #expect(site.read("plannen/je-week/index.html")?.contains("Plan je week anders.") == true)
        // A named file the list does not have yet: the build walks Content/ after all.
        site.write("Content/plannen/nieuw.md", page("Nieuw", "Een nieuwe pagina."))
        let added = site.build(cache: cache, changed: ["Content/plannen/nieuw.md"])
        #expect(added.succeeded)
        #expect(site.read("plannen/nieuw/index.html")?.contains("Een nieuwe pagina.") == true)
        #expect(Self.contents(of: site) == Self.fullBuild(of: site))
        // A change outside Content/ (the theme) leaves the list alone but renders every page.
        site.write("Themes/default/layouts/page.mustache", "{{<base}}{{$main}}ANDERS {{{content}}}{{/main}}{{/base}}")
        let themed = site.build(cache: cache, changed: ["Themes/default/layouts/page.mustache"])
        #expect(themed.renderedPageCount == themed.pageCount)
        #expect(Self.contents(of: site) == Self.fullBuild(of: site))
    }

    @Test func anEditOfTheSettingsRendersThePagesThatShowThem() throws {
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        site.build(cache: cache)
        site.write("Content/plannen/je-week.md", page("Jouw week", "Plan je week.\n\n## Kantoordagen\n\nTekst."))
        let report = site.build(cache: cache)
        #expect(report.renderedPageCount == report.pageCount)
        // The section lists the page under its new title.
        #expect(site.read("plannen/index.html")?.contains("[Jouw week|") == true)
        #expect(Self.contents(of: site) == Self.fullBuild(of: site))
    }

    @Test func aRemovedHeadingIsReportedInTheUnchangedPageThatLinksToIt() throws {
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        #expect(TestSite.lines(site.build(cache: cache)) == [])
        site.write("Content/plannen/je-week.md", page("Je week", "Plan je week.\n\n## Thuisdagen\n\nTekst."))
        let report = site.build(cache: cache)
        #expect(report.renderedPageCount == 1)
        #expect(
            TestSite.lines(report) == [
                "Content/plannen/overleg.md:4:5: warning: Content/plannen/je-week.md has no heading with the id `#kantoordagen`"
            ])
        // The warning stays until it is fixed, though the linking page is not rendered again.
        #expect(TestSite.lines(site.build(cache: cache)).count == 1)
        site.write("Content/plannen/je-week.md", page("Je week", "Plan je week.\n\n## Kantoordagen\n\nTekst."))
        #expect(TestSite.lines(site.build(cache: cache)) == [])
    }

    @Test func addedAndRemovedFilesAppearAndDisappear() throws {
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        site.build(cache: cache)
        site.write("Content/grenzen/pauzes.md", page("Pauzes", "Neem pauze."))
        site.write("Content/grenzen/plaatje.txt", "twee")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/plannen/overleg.md"))
        let report = site.build(cache: cache)
        #expect(report.succeeded)
        #expect(site.read("grenzen/pauzes/index.html")?.contains("Neem pauze.") == true)
        #expect(site.read("grenzen/plaatje.txt") == "twee")
        #expect(!site.exists("plannen/overleg/index.html"))
        #expect(Self.contents(of: site) == Self.fullBuild(of: site))
    }

    @Test func aThemeEditRendersEveryPage() throws {
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        site.build(cache: cache)
        site.write("Themes/default/layouts/page.mustache", "{{<base}}{{$main}}PAGINA {{{content}}}{{/main}}{{/base}}")
        let report = site.build(cache: cache)
        #expect(report.renderedPageCount == report.pageCount)
        #expect(site.read("plannen/je-week/index.html")?.contains("PAGINA") == true)
        #expect(Self.contents(of: site) == Self.fullBuild(of: site))
    }

    @Test func aFailedRebuildKeepsTheOutputAndTheNextOneRecovers() throws {
        let site = TestSite(Self.files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        site.build(cache: cache)
        let good = Self.contents(of: site)
        site.write("Content/plannen/je-week.md", "---\ntitle: [\n---\nkapot\n")
        let failed = site.build(cache: cache)
        #expect(!failed.succeeded)
        #expect(
            TestSite.lines(failed).contains {
                $0.hasPrefix("Content/plannen/je-week.md:2:8: error: the list that starts with `[` here is not closed")
            })
        #expect(Self.contents(of: site) == good)
        // An edit of the text while another page is broken: still reported, still nothing written.
        site.write("Content/grenzen/_index.md", page("Grenzen", "Over grenzen, herzien."))
        #expect(!site.build(cache: cache).succeeded)
        #expect(Self.contents(of: site) == good)
        site.write("Content/plannen/je-week.md", page("Je week", "Weer goed.\n\n## Kantoordagen\n"))
        let fixed = site.build(cache: cache)
        #expect(fixed.succeeded)
        #expect(site.read("grenzen/index.html")?.contains("Over grenzen, herzien.") == true)
        #expect(Self.contents(of: site) == Self.fullBuild(of: site))
    }

    @Test func aDataFileEditRendersThePagesAgain() throws {
        var files = Self.files
        files["Content/_data/team.yml"] = "naam: Lindehof\n"
        files["Themes/default/layouts/home.mustache"] = "{{<base}}{{$main}}HOME {{site.data.team.naam}}{{/main}}{{/base}}"
        let site = TestSite(files)
        defer { site.remove() }
        let cache = BuildCache()
        site.settle()
        site.build(cache: cache)
        #expect(site.read("index.html")?.contains("HOME Lindehof") == true)
        site.write("Content/_data/team.yml", "naam: Eikenhof\n")
        let report = site.build(cache: cache)
        #expect(report.renderedPageCount == report.pageCount)
        #expect(site.read("index.html")?.contains("HOME Eikenhof") == true)
    }
}
