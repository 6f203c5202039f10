import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// Content written by many hands: every kind of bad input at once gets a clear message, no crash,
/// no hang, nothing written outside the output, and the previous output stays as it was.
@Suite struct HostileInputTests {
    @Test func everyBadInputTogetherInOneRun() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/lus.mustache"] = "{{> lus}}"
        theme["Themes/default/partials/open.mustache"] = "{{#x}}"
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "[goed](goed.md)"),
                "Content/goed.md": page("Goed", "Tekst"),
                "Content/geen-yaml.md": "---\ntitle: [onaf\n---\n",
                "Content/lijst.md": "---\n- een\n---\n",
                "Content/datum.md": page("Datum", extra: "date: 31-02-2026"),
                "Content/leeg.md": "",
                "Content/alleen-front-matter.md": page("Alleen"),
                "Content/met spatie #1 %.md": page("Spatie"),
                "Content/één.md": page("Eén"),
                "Content/dubbel.md": page("Dubbel", extra: "slug: goed"),
                "Content/slug.md": page("Slug", extra: "slug: ../../etc"),
                "Content/diep.md": page(
                    "Diep", String(repeating: "- ", count: 10_000) + "x\n\n" + String(repeating: "> ", count: 5_000) + "y\n"),
                "Content/_data/lijst.yml": "- [\n",
            ], theme: theme)
        defer { site.remove() }
        site.writeBytes("Content/binair.md", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])
        site.writeBytes("Content/latin1.md", Array("---\ntitle: caf".utf8) + [0xE9, 0x0A] + Array("---\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/Content/lus", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/Content/buiten.md", withDestinationPath: "/etc/hostname")
        let started = Date()
        let report = site.build()
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(!report.succeeded)
        let lines = TestSite.lines(report)
        for expected in [
            "Content/geen-yaml.md:2:8: error: the list that starts with `[` here is not closed",
            "Content/lijst.md:2:1: error: the front matter must be settings",
            "Content/datum.md:3:7: error: `date` must be a date like 2027-03-01",
            "Content/leeg.md:1:1: error: missing front matter",
            "Content/binair.md: error: this is not a text file",
            "Content/latin1.md:2:1: error: this file is not UTF-8 text",
            "would both be written to `goed/index.html`",
            "Content/slug.md:3:7: error: `slug` may only contain",
            "Content/lus: warning: symbolic link skipped",
            "Content/buiten.md: warning: symbolic link skipped",
            "Content/_data/lijst.yml:1:3: error: the list that starts with `[` here is not closed",
            "Themes/default/partials/lus.mustache:1:1: error: the partial `lus` includes itself",
            "Themes/default/partials/open.mustache:1:7: error: a section is not closed",
        ] {
            #expect(
                lines.contains { $0.hasPrefix(expected) || $0.contains(expected) },
                "missing: \(expected)\nin: \(lines.joined(separator: "\n"))")
        }
        #expect(report.pageCount >= 6)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(!FileManager.default.fileExists(atPath: site.root.deletingLastPathComponent().appendingPathComponent("etc").path))
    }

    @Test func oddFileNamesBecomeSafeURLsWhenTheSiteIsOtherwiseFine() throws {
        let site = TestSite([
            "Content/_index.md": page("Home", "[a](met%20spatie%20%231%20%25.md) [b](%C3%A9%C3%A9n.md)"),
            "Content/met spatie #1 %.md": page("Spatie"),
            "Content/één.md": page("Eén"),
            "Content/diep.md": page("Diep", String(repeating: "- ", count: 10_000) + "x\n"),
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        #expect(site.read("index.html")?.contains("<a href=\"met-spatie-1/index.html\">a</a> <a href=\"een/index.html\">b</a>") == true)
        #expect(site.exists("diep/index.html"))
    }

    @Test func aFileOverTheSizeLimitIsRefused() {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        site.write("Content/groot.md", page("Groot", String(repeating: "Een regel tekst.\n", count: 1_300_000)))
        #expect(
            TestSite.lines(site.build()) == [
                "Content/groot.md: error: this file is 21 MB; pages may be at most 10 MB: split it into several pages"
            ])
    }

    @Test func aliasBombsInYAMLStopAtTheValueBudget() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml +=
                "l\(level): &l\(level) [" + Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let site = TestSite(["Content/_index.md": page("Home"), "Content/_data/bom.yml": yaml])
        defer { site.remove() }
        let started = Date()
        let lines = TestSite.lines(site.build())
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Content/_data/bom.yml:") == true)
        #expect(lines.first?.contains("more than 1000000 values") == true)
    }
}
