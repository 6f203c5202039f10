import Foundation
import TestSupport
import Testing

/// The command line as an editor meets it: a process, its output and its exit status.
@Suite struct CLITests {
    func run(_ arguments: [String], in folder: URL? = nil) throws -> CLI.Run { try CLI.run(arguments, in: folder) }

    /// A site with the tests' minimal theme; the caller removes it.
    static func makeSite(_ files: [String: String]) throws -> URL { TestSite(files).root }

    func makeSite(_ files: [String: String]) throws -> URL { try Self.makeSite(files) }

    @Test func buildPrintsASummaryAndExitsZero() throws {
        let site = try makeSite(["Content/_index.md": "---\ntitle: Home\n---\nHallo\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try run(["build"], in: site)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 1 page and 3 other files into Output/ in "))
        #expect(result.stderr == "")
        #expect(FileManager.default.fileExists(atPath: site.path + "/Output/index.html"))
    }

    @Test func aRebuildReusesTheCacheFileUnlessNoCacheIsGiven() throws {
        let site = TestSite(["Content/_index.md": page("Home", "Hallo"), "Content/a.md": page("A", "Tekst")])
        defer { site.remove() }
        site.settle()
        let first = try run(["build", "--source", site.root.path])
        #expect(first.status == 0)
        #expect(!first.stdout.contains("unchanged"))
        #expect(site.exists(".mengvorm-cache"))
        let second = try run(["build", "--source", site.root.path])
        #expect(
            second.stdout.hasPrefix("Up to date: 2 pages and 3 other files in Output/, nothing changed since the last build (checked in "))
        // Saved again without a change: read again, nothing rendered.
        site.write("Content/a.md", page("A", "Tekst"))
        site.settle()
        let touched = try run(["build", "--source", site.root.path])
        #expect(touched.stdout.hasPrefix("Built 2 pages and 3 other files into Output/ in "))
        #expect(touched.stdout.contains(" (2 pages unchanged since the last build)"))
        let fresh = try run(["build", "--source", site.root.path, "--no-cache"])
        #expect(fresh.status == 0)
        #expect(!fresh.stdout.contains("unchanged"))
        // It still leaves a cache file for the next build.
        let after = try run(["build", "--source", site.root.path])
        #expect(after.stdout.contains("nothing changed since the last build"))
        #expect(try run(["build", "--help"]).stdout.contains("--no-cache"))
    }

    @Test func contentErrorsPrintLocationSourceLineAndCaretAndExitOne() throws {
        let site = try makeSite([
            "Content/_index.md": "---\ntitle: Home\n---\nZie [weg](weg.md).\n",
            "Content/a.md": "---\ntitle: A\nreview_by: 31-02-2026\n---\n",
        ])
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try run(["build", "--source", site.path])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                Content/_index.md:4:5: error: no page Content/weg.md for the link `weg.md`
                    Zie [weg](weg.md).
                        ^
                Content/a.md:3:12: error: `review_by` must be a date like 2027-03-01 (year-month-day), not `31-02-2026`
                    review_by: 31-02-2026
                               ^
                2 errors, 0 warnings

                """)
        #expect(result.stdout.contains("Build failed"))
        #expect(!FileManager.default.fileExists(atPath: site.path + "/Output"))
    }

    @Test func checkWritesNothingAndStrictFailsOnWarnings() throws {
        let site = try makeSite(["site.yml": "thema: x\n", "Content/_index.md": "---\ntitle: Home\n---\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let loose = try run(["check", "--source", site.path])
        #expect(loose.status == 0)
        #expect(loose.stderr.contains("site.yml:1:1: warning: unknown setting `thema`; did you mean `theme`?"))
        #expect(
            loose.stderr.contains(
                "Content/_index.md:1:1: warning: no `owner`: add who keeps this page current, such as `owner: Team HR Beleid`"))
        let strict = try run(["check", "--strict", "--source", site.path])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.path + "/Output"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try run(["build", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--no-such-flag'"))
    }

    @Test func helpExplainsEachCommand() throws {
        let top = try run(["--help"])
        #expect(top.status == 0)
        for command in ["build", "check", "new"] { #expect(top.stdout.contains(command)) }
        let build = try run(["build", "--help"])
        for flag in ["--source", "--output", "--drafts", "--strict"] { #expect(build.stdout.contains(flag)) }
    }

    @Test func newCreatesPagesWithFrontMatterAndNeverOverwrites() throws {
        let site = try makeSite(["site.yml": "owner: Team HR Beleid\nreview_months: 6\n", "Content/_index.md": "---\ntitle: Home\n---\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let created = try run(["new", "page", "plannen/thuis-starten", "--source", site.path])
        #expect(created.status == 0)
        #expect(created.stdout == "Created Content/plannen/thuis-starten.md\n")
        let text = try String(contentsOfFile: site.path + "/Content/plannen/thuis-starten.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: Thuis starten\ndescription: \nowner: Team HR Beleid\nreview_by: "))
        let again = try run(["new", "page", "plannen/thuis-starten", "--source", site.path])
        #expect(again.status == 1)
        let bad = try run(["new", "page", "../buiten", "--source", site.path])
        #expect(bad.status == 2)
        let news = try run(["new", "news", "bedragen-2027", "--source", site.path])
        #expect(news.stdout == "Created Content/nieuws/bedragen-2027.md\n")
    }
}
