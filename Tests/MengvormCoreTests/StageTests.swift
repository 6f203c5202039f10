import Foundation
import Markdown
import TestSupport
import Testing

@testable import MengvormCore

/// The stages called directly, with the values they take and give: scanning a Content/ folder,
/// assembling the site index from loaded pages, and resolving the links an editor writes.
@Suite struct StageTests {
    static func loaded(_ path: String, _ title: String, kind: SourceFile.Kind = .page, extra: PageMeta? = nil) -> LoadedPage {
        var meta = extra ?? PageMeta(title: title)
        meta.title = title
        return LoadedPage(source: SourceFile(kind: kind, contentPath: path), meta: meta, body: "", bodyLine: 4)
    }

    @Test func scanningSortsFilesIntoPagesSectionsDataAndAssets() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/plannen/_index.md": page("Plannen"),
            "Content/plannen/je-week.md": page("Je week"),
            "Content/plannen/je-week.en.md": page("Your week"),
            "Content/plannen/rooster.pdf": "%PDF",
            "Content/plannen/README.md": "notes for editors",
            "Content/_data/teams.yml": "teams: []\n",
        ])
        defer { site.remove() }
        var diagnostics = Diagnostics()
        let files = ContentScanner.scan(
            contentRoot: site.root.appendingPathComponent("Content"), translations: ["en"], diagnostics: &diagnostics)
        let kinds = Dictionary(uniqueKeysWithValues: files.map { ($0.contentPath, "\($0.kind)") })
        #expect(
            kinds == [
                "_index.md": "home", "plannen/_index.md": "section", "plannen/je-week.md": "page", "plannen/je-week.en.md": "page",
                "plannen/rooster.pdf": "asset", "_data/teams.yml": "data",
            ])
        #expect(files.first { $0.contentPath == "plannen/je-week.en.md" }?.language == "en")
        #expect(diagnostics.all.isEmpty)
    }

    @Test func assemblingPlacesPagesInSectionsInOrderAndReportsCollisions() {
        var weighted = PageMeta(title: "")
        weighted.weight = 1
        let pages = [
            Self.loaded("_index.md", "Home", kind: .home),
            Self.loaded("plannen/zomer.md", "Zomer"),
            Self.loaded("plannen/agenda.md", "Agenda", extra: weighted),
            Self.loaded("grenzen/x.md", "X"),
            Self.loaded("grenzen/X.md", "Ook X"),
        ]
        var diagnostics = Diagnostics()
        let index = SiteIndex.assemble(loaded: pages, assetFiles: [], options: .init(), diagnostics: &diagnostics)
        let plannen = index.sectionByFolder["plannen"]!
        #expect(index.pages[plannen].isImplicit)
        #expect(index.pages[plannen].children.map { index.pages[$0].meta.title } == ["Agenda", "Zomer"])
        #expect(index.pages[index.byContentPath["plannen/zomer.md"]!].outputPath == "plannen/zomer/index.html")
        #expect(
            diagnostics.all.map(\.headline) == [
                "Content/grenzen: warning: the folder `grenzen` has no _index.md; add one with a title and description for its section page",
                "Content/plannen: warning: the folder `plannen` has no _index.md; add one with a title and description for its section page",
                "Content/grenzen/X.md:1:1: error: this page and Content/grenzen/x.md would both be written to `grenzen/x/index.html`; change the file name or `slug` of one",
            ])
    }

    @Test func resolvingLinksGivesRelativeURLsAnchorsAndClearErrors() {
        var diagnostics = Diagnostics()
        let pages = [
            Self.loaded("_index.md", "Home", kind: .home),
            Self.loaded("plannen/_index.md", "Plannen", kind: .section),
            Self.loaded("plannen/je-week.md", "Je week"),
            Self.loaded("grenzen/pauzes.md", "Pauzes"),
        ]
        let index = SiteIndex.assemble(loaded: pages, assetFiles: [], options: .init(), diagnostics: &diagnostics)
        let resolver = LinkResolver(index: index, linkStyle: .files)
        let week = index.byContentPath["plannen/je-week.md"]!
        let pauzes = index.byContentPath["grenzen/pauzes.md"]!

        let (toPauzes, target, fragment) = resolver.resolve("../grenzen/pauzes.md#lunch", from: week, base: "plannen")
        #expect("\(toPauzes)" == "rewrite(\"../../grenzen/pauzes/index.html#lunch\")")
        #expect(target == pauzes)
        #expect(fragment == "lunch")
        #expect("\(resolver.resolve("https://www.arboportaal.nl/", from: week, base: "plannen").0)" == "keep")
        guard case .broken(let message) = resolver.resolve("weekplan.md", from: week, base: "plannen").0 else {
            Issue.record("a link to a missing page is broken")
            return
        }
        #expect(message.contains("no page Content/plannen/weekplan.md"))
        guard case .broken = resolver.resolve("../../../etc/passwd", from: week, base: "plannen").0 else {
            Issue.record("a link out of Content/ is broken")
            return
        }
    }
}
