import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// `page.updated` from the Git history when the front matter has no `updated`; silent outside Git.
@Suite struct GitDatesTests {
    static let theme: [String: String] = TestSite.minimalTheme.merging([
        "Themes/default/layouts/page.mustache": "[{{page.updated}}]",
        "Themes/default/layouts/home.mustache": "[{{page.updated}}]",
    ]) { $1 }

    func git(_ arguments: [String], in folder: URL, date: String = "2026-03-04T12:00:00+01:00") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[key] = nil }
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        environment["GIT_AUTHOR_NAME"] = "HR"
        environment["GIT_AUTHOR_EMAIL"] = "hr@example.org"
        environment["GIT_COMMITTER_NAME"] = "HR"
        environment["GIT_COMMITTER_EMAIL"] = "hr@example.org"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func pagesWithoutUpdatedGetTheDayOfTheirLastCommit() throws {
        let site = TestSite(
            [
                "Content/_index.md": page("Home"),
                "Content/oud.md": page("Oud"),
                "Content/nieuw.md": page("Nieuw"),
                "Content/vast.md": page("Vast", extra: "updated: 2025-01-02"),
                "Content/los.md": page("Los", extra: "date: 2024-05-06"),
            ], theme: Self.theme)
        defer { site.remove() }
        // The site lives in a folder of a larger repository: paths are taken relative to the site.
        let repository = site.root.deletingLastPathComponent().appendingPathComponent("repo-\(UUID().uuidString)")
        let nested = repository.appendingPathComponent("intranet")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: repository) }
        try FileManager.default.moveItem(at: site.root, to: nested)
        defer { try? FileManager.default.moveItem(at: nested, to: site.root) }
        try git(["init", "-q"], in: repository)
        try git(
            ["add", "intranet/Content/_index.md", "intranet/Content/oud.md", "intranet/Content/nieuw.md", "intranet/Content/vast.md"],
            in: repository)
        try git(["commit", "-q", "-m", "eerste"], in: repository)
        try Data(page("Nieuw", "Bijgewerkt.").utf8).write(to: nested.appendingPathComponent("Content/nieuw.md"))
        try git(["commit", "-q", "-am", "tweede"], in: repository, date: "2026-11-20T23:30:00+01:00")

        var options = BuildOptions(siteRoot: nested)
        options.output = nested.appendingPathComponent("Output")
        #expect(Builder.build(options).succeeded)
        func read(_ path: String) -> String? { try? String(contentsOf: nested.appendingPathComponent("Output/" + path), encoding: .utf8) }
        let local = Calendar(identifier: .gregorian).dateComponents(
            in: .current, from: ISO8601DateFormatter().date(from: "2026-11-20T22:30:00Z")!)
        #expect(read("oud/index.html") == "[2026-03-04]")
        #expect(read("nieuw/index.html") == "[\(Day(year: local.year!, month: local.month!, day: local.day!)!)]")
        #expect(read("vast/index.html") == "[2025-01-02]")
        // Not committed: `updated` falls back to `date`, as before.
        #expect(read("los/index.html") == "[2024-05-06]")

        // With a cache (as in `serve`): the same dates, and git is asked again only after a commit.
        let cache = BuildCache()
        #expect(cache.gitDates(siteRoot: nested).days()["oud.md"] == Day(year: 2026, month: 3, day: 4))
        #expect(GitDates.repositoryStamp(siteRoot: nested) != nil)
        let before = GitDates.repositoryStamp(siteRoot: nested)
        try Data(page("Oud", "Ook bijgewerkt.").utf8).write(to: nested.appendingPathComponent("Content/oud.md"))
        try git(["commit", "-q", "-am", "derde"], in: repository, date: "2026-11-21T10:00:00+01:00")
        #expect(GitDates.repositoryStamp(siteRoot: nested) != before)
        #expect(cache.gitDates(siteRoot: nested).days()["oud.md"] == Day(year: 2026, month: 11, day: 21))
    }

    /// A commit can change the pages' days without changing a file (here an amended date): a rebuild
    /// with the cache file is then not up to date, and shows the new day.
    @Test func aNewCommitDayMakesARebuildLookFurther() throws {
        let site = TestSite(["Content/_index.md": page("Home"), "Content/a.md": page("A")], theme: Self.theme)
        defer { site.remove() }
        try git(["init", "-q"], in: site.root)
        try git(["add", "Content"], in: site.root)
        try git(["commit", "-q", "-m", "eerste"], in: site.root)
        site.settle()
        var options = BuildOptions(siteRoot: site.root)
        options.cacheFile = .use
        options.cacheIdentity = "test binary"
        #expect(Builder.build(options).succeeded)
        #expect(site.read("a/index.html") == "[2026-03-04]")
        #expect(Builder.build(options).upToDate)
        try git(["commit", "-q", "--amend", "-m", "eerste"], in: site.root, date: "2026-05-06T12:00:00+02:00")
        let amended = Builder.build(options)
        #expect(!amended.upToDate)
        #expect(site.read("a/index.html") == "[2026-05-06]")
        #expect(Builder.build(options).upToDate)
    }

    @Test func outsideGitNothingChanges() {
        let site = TestSite(["Content/_index.md": page("Home"), "Content/a.md": page("A", extra: "date: 2024-05-06")], theme: Self.theme)
        defer { site.remove() }
        #expect(site.build().succeeded)
        #expect(site.read("a/index.html") == "[2024-05-06]")
        #expect(site.read("index.html") == "[]")
    }

    @Test func theLogIsParsedNewestFirst() {
        let log = "@1764600000\n\nContent/a.md\nContent/b.md\n@1700000000\n\nContent/a.md\nContent/c.md\nsite.yml\n"
        let days = GitDates.parse(Data(log.utf8))
        #expect(days.count == 3)
        #expect(days["a.md"] == days["b.md"])
        #expect(days["c.md"]! < days["a.md"]!)
    }
}
