import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// The page of a folder: `_index.md`, or Hugo's leaf-bundle `index.md`; collisions name the real files.
@Suite struct FolderPageTests {
    @Test func aPageBesideAFolderWithoutIndexNamesTheFolder() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/x.md": page("X"),
            "Content/x/y.md": page("Y"),
        ])
        defer { site.remove() }
        let lines = TestSite.lines(site.build(write: false))
        #expect(
            lines.contains(
                "Content/x.md:1:1: error: this page and the folder Content/x/ would both be written to `x/index.html`; to make this page the folder's page, move it to Content/x/_index.md, else change its file name or `slug`"
            ))
        #expect(!lines.contains { $0.contains("x/_index.md would") || $0.contains("and Content/x/_index.md") })
    }

    @Test func aFoldersIndexMdIsItsPage() {
        let site = TestSite([
            "site.yml": "languages: [nl, en]\n",
            "Content/_index.md": page("Home", "[bundel](bundel/index.md) [ook](bundel/)"),
            "Content/bundel/index.md": page("Bundel", "Tekst met ![foto](foto.png)"),
            "Content/bundel/foto.png": "png",
            "Content/bundel/index.en.md": page("Bundle"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report).filter { $0.contains("error") } == [])
        #expect((site.read("bundel/index.html") ?? "").contains("SECTION"))
        #expect(!site.exists("bundel/index/index.html"))
        #expect(site.exists("bundel/foto.png"))
        #expect((site.read("index.html") ?? "").contains("href=\"bundel/index.html\""))
    }

    @Test func indexMdBesideIndexUnderscoreMdSaysWhatToRename() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/map/_index.md": page("Map"),
            "Content/map/index.md": page("Ook map", "[kapot](nergens.md)"),
        ])
        defer { site.remove() }
        let lines = TestSite.lines(site.build(write: false))
        #expect(
            lines == [
                "Content/map/index.md:1:1: error: Content/map/ has both index.md and _index.md, and each would be the folder's page; merge them into Content/map/_index.md, or give index.md another name to make it a page of its own"
            ])
    }
}
