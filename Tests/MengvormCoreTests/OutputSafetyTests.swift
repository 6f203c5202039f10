import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// Nothing lost: failed builds keep the old output, and no folder but the output is ever replaced.
@Suite struct OutputSafetyTests {
    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let site = TestSite(["Content/_index.md": page("Home", "Versie een")])
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = try #require(site.read("index.html"))
        site.write("Content/kapot.md", "---\ntitle: [\n---\n")
        site.write("Content/_index.md", page("Home", "Versie twee"))
        let report = site.build()
        #expect(!report.succeeded)
        #expect(site.read("index.html") == before)
        #expect(!site.exists("kapot/index.html"))
        // No staging or old folders are left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output") }
        #expect(leftovers == [])
    }

    @Test func aStrictBuildWithWarningsAlsoKeepsTheOldOutput() throws {
        let site = TestSite(["Content/_index.md": page("Home", "een")])
        defer { site.remove() }
        site.build()
        site.write("site.yml", "thema: x\n")
        site.write("Content/_index.md", page("Home", "twee"))
        #expect(!site.build(strict: true).succeeded)
        #expect(site.read("index.html")?.contains("een") == true)
    }

    @Test func aSuccessfulBuildReplacesTheOutputWholly() throws {
        let site = TestSite(["Content/_index.md": page("Home"), "Content/oud.md": page("Oud")])
        defer { site.remove() }
        site.build()
        #expect(site.exists("oud/index.html"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/oud.md"))
        #expect(site.build().succeeded)
        #expect(!site.exists("oud/index.html"))
        #expect(site.exists(OutputFolder.marker))
    }

    @Test(arguments: [".", "Content", "Themes", "Content/sub", ".."])
    func dangerousOutputFoldersAreRefused(folder: String) throws {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        let target = site.root.appendingPathComponent(folder).standardizedFileURL
        let report = site.build(output: target)
        #expect(!report.succeeded)
        #expect(report.diagnostics.count == 1)
        #expect(site.read("index.html") == nil)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/_index.md").path))
    }

    @Test func aForeignNonEmptyFolderIsRefusedAndKept() throws {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        let foreign = site.root.appendingPathComponent("Documenten")
        site.write("Documenten/belangrijk.txt", "niet weggooien")
        let report = site.build(output: foreign)
        #expect(
            TestSite.lines(report) == [
                "error: the output folder \(foreign.path) is not empty and was not written by Mengvorm; empty it or choose another folder"
            ])
        #expect(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("belangrijk.txt").path))
    }

    @Test func unsafeSlugsNeverWriteOutsideTheOutput() throws {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/a.md": page("A", extra: "slug: ../../buiten"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("buiten").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appendingPathComponent("buiten").path))
    }

    @Test func symbolicLinksAreSkippedWithAWarning() throws {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: site.root.path + "/Content/lus", withDestinationPath: site.root.path + "/Content")
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/Content/passwd.md", withDestinationPath: "/etc/passwd")
        let report = site.build()
        #expect(
            TestSite.lines(report) == [
                "Content/lus: warning: symbolic link skipped: Mengvorm does not follow links; copy the file into Content/ instead",
                "Content/passwd.md: warning: symbolic link skipped: Mengvorm does not follow links; copy the file into Content/ instead",
            ])
        #expect(!site.exists("passwd/index.html"))
    }

    private func modificationDate(_ site: TestSite, _ path: String) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent(path).path)[.modificationDate] as? Date
    }

    @Test func rebuildsWriteOnlyWhatChangedAndRemoveWhatIsGone() throws {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/a.md": page("A", "een"),
            "Content/b.md": page("B", "een"),
            "Content/weg.md": page("Weg"),
        ])
        defer { site.remove() }
        #expect(site.build().succeeded)
        let before = try #require(modificationDate(site, "b/index.html"))
        Thread.sleep(forTimeInterval: 0.05)
        site.write("Content/a.md", page("A", "twee"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/weg.md"))
        #expect(site.build().succeeded)
        #expect(site.read("a/index.html")?.contains("twee") == true)
        #expect(modificationDate(site, "b/index.html") == before)
        #expect(!site.exists("weg/index.html"))
        #expect(!site.exists("weg"))
        let manifest = try #require(site.read(OutputFolder.marker))
        #expect(manifest.contains(" a/index.html\n"))
        #expect(!manifest.contains("weg/"))
        // A file someone deleted by hand comes back on the next build.
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("b/index.html"))
        #expect(site.build().succeeded)
        #expect(site.exists("b/index.html"))
    }
}
