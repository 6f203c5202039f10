import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// The YAML mistakes editors make most, each said in plain words at the line and column where it was
/// made, with libyaml's own text as a second line when libyaml noticed it.
@Suite struct YAMLMessagesTests {
    /// Reads `yaml` as front matter (it starts on line 2 of its file) and gives `line:column: message`.
    static func frontMatterError(_ yaml: String) -> String? {
        guard case .failure(let failure) = YAMLReader.read(yaml, lineOffset: 1) else { return nil }
        return "\(failure.line):\(failure.column): \(failure.message)"
    }

    @Test(arguments: [
        // Alone, libyaml reads the whole front matter as one text and says nothing.
        (
            "title:Geen spatie\n",
            "2:7: put a space after the colon: `title: Geen spatie`; without it YAML reads `title:Geen spatie` as one piece of text, not as a setting"
        ),
        // libyaml stops on the next line ("mapping values are not allowed in this context").
        (
            "title:Geen spatie\nowner: Jan\n",
            "2:7: put a space after the colon: `title: Geen spatie`; without it YAML reads `title:Geen spatie` as one piece of text, not as a setting\n    (invalid YAML: mapping values are not allowed in this context)"
        ),
        (
            "title: Je week\nowner:Jan de Vries\nreview_by: 2027-03-01\n",
            "3:7: put a space after the colon: `owner: Jan de Vries`; without it YAML reads `owner:Jan de Vries` as one piece of text, not as a setting\n    (invalid YAML: could not find expected ':' (while scanning a simple key at line 3))"
        ),
    ])
    func missingSpaceAfterAColon(yaml: String, expected: String) {
        #expect(Self.frontMatterError(yaml) == expected)
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        // libyaml points at the end of the front matter, the closing `---`.
        #expect(
            Self.frontMatterError("title: \"Open\nowner: Jan\n")
                == "2:8: the text that starts with `\"` here is not closed: end it with `\"` on the same line, like `title: \"Je week plannen\"`\n    (invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 2))"
        )
        #expect(
            Self.frontMatterError("owner: Jan\ntitle: 'Open\n")?.hasPrefix("3:8: the text that starts with `'` here is not closed") == true)
    }

    @Test func anApostropheInsideSingleQuotes() {
        #expect(
            Self.frontMatterError("title: 'Auto's en fietsen'\n")
                == "2:13: the `'` here ends the text that started with `'`; to keep it in the text, write the apostrophe twice (`''`), or leave out the quotes around the text\n    (invalid YAML: did not find expected key (while parsing a block mapping at line 2))"
        )
        #expect(YAMLReader.read("title: 'Auto''s'\n").isSuccess)
    }

    @Test func anUnclosedBracketIsReportedWhereItOpens() {
        #expect(
            Self.frontMatterError("tags: [thuiswerken, arbo\nowner: Jan\n")
                == "2:7: the list that starts with `[` here is not closed: end it with `]` on the same line, like `tags: [thuiswerken, arbo]`\n    (invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2))"
        )
        #expect(
            Self.frontMatterError("contact: {naam: Jan\n")?.hasPrefix("2:10: the `{` here is not closed: end it with `}` on the same line")
                == true)
    }

    @Test func tabIndentation() {
        #expect(
            Self.frontMatterError("title: A\nparams:\n\tteam: HR\n")
                == "4:1: this line is indented with a tab; YAML only allows spaces there: replace the tab by spaces (two for each level)\n    (invalid YAML: found character that cannot start any token (while scanning for the next token at line 4))"
        )
        #expect(Self.frontMatterError("title: A\n  \tteam: HR\n")?.hasPrefix("3:3: this line is indented with a tab") == true)
    }

    @Test func aListItemUnderAKeyThatHasAValue() {
        let message =
            "`tags` has a value on this line and also a list under it: move `thuiswerken` into the list as `- thuiswerken` and leave `tags:` alone on its line, or write the list on one line: `tags: [thuiswerken, …]`"
        // Indented, libyaml accepts it and makes `tags` the text "thuiswerken - arbo".
        #expect(Self.frontMatterError("title: A\ntags: thuiswerken\n  - arbo\n") == "3:7: " + message)
        #expect(
            Self.frontMatterError("title: A\ntags: thuiswerken\n- arbo\n") == "3:7: " + message
                + "\n    (invalid YAML: did not find expected key (while parsing a block mapping at line 2))")
    }

    @Test func aDuplicateKeyNamesBothLines() {
        #expect(
            Self.frontMatterError("title: A\nowner: Jan\ntitle: B\n")
                == "4:1: the key `title` appears twice (first on line 2): keep one of them and remove or rename the other")
    }

    @Test func validYAMLThatLooksLikeTheMistakesStaysValid() {
        for yaml in [
            "- naam: Jan\n- naam: Piet\n", "items:\n  - naam: Jan\n    rol: HR\n  - naam: Piet\n",
            "tekst: |\n  a:b\n  - x\nz: 1\n", "link: https://www.arboportaal.nl\nlijst:\n  - a\n",
            "tijd: \"09:00\"\n", "{\"a\": 1, \"b\": [1, 2]}\n",
        ] {
            #expect(YAMLReader.read(yaml).isSuccess, "\(yaml)")
        }
    }

    // MARK: Whole sites

    @Test func pageDiagnosticsPointAtTheEditorsLine() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/a.md": "---\ntitle:Geen spatie\n---\nTekst\n",
            "Content/b.md": "---\ntitle: B\nreview_by: 1-3-2027\npublish_from: 2027-3-1\n---\n",
            "Content/c.md": "+++\ntitle = \"Je week\"\ntags = [\"a\", \"b\"]\n+++\nTekst\n",
        ])
        defer { site.remove() }
        let lines = TestSite.lines(site.build())
        #expect(
            lines == [
                "Content/a.md:2:7: error: put a space after the colon: `title: Geen spatie`; without it YAML reads `title:Geen spatie` as one piece of text, not as a setting",
                "Content/b.md:3:12: error: `review_by` must be written year-month-day: `review_by: 2027-03-01` (not `1-3-2027`, which is day-month-year)",
                "Content/b.md:4:15: error: `publish_from` must be written year-month-day: `publish_from: 2027-03-01` (not `2027-3-1`, which is day-month-year)",
                "Content/c.md:1:1: error: this page starts with `+++`, TOML front matter, which Mengvorm does not read: write it as YAML between `---` lines, with `key: value` instead of `key = value` (`title = \"Je week\"` becomes `title: Je week`, `tags = [\"a\", \"b\"]` becomes `tags: [a, b]`)",
            ])
    }

    @Test func aFileSavedByWindowsNotepadBuilds() throws {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        // Notepad's UTF-8: a byte-order mark, and CR LF at every line end.
        let text =
            "---\r\ntitle: Kladblok \u{e9}\u{e9}n\r\ntags: [thuiswerken, arbo]\r\nparams:\r\n  team: HR\r\n---\r\nEerste regel\r\n\r\n| Jaar | Bedrag |\r\n| --- | ---: |\r\n| 2027 | 2,45 |\r\n"
        site.writeBytes("Content/kladblok.md", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let report = site.build()
        #expect(TestSite.lines(report) == [])
        let html = try #require(site.read("kladblok/index.html"))
        #expect(html.contains("<title>Kladblok één</title>"))
        #expect(html.contains("<td class=\"align-right\">2,45</td>"))
    }

    @Test func theAliasBombErrorPointsAtTheAliasThatBlewTheBudget() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml +=
                "l\(level): &l\(level) [" + Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 10).joined(separator: ", ")
                + "]\n"
        }
        guard case .failure(let failure) = YAMLReader.read(yaml, lineOffset: 1) else {
            Issue.record("the bomb was read")
            return
        }
        // Every level is expanded where it is defined: `l5` (line 6, plus the offset) is the first with more
        // than a million values, and its eighth `*l4` (111,111 values each) is the one that passes the budget.
        #expect(failure.line == 7)
        #expect(failure.column == 45)
        #expect(
            failure.message
                == "the data has more than 1000000 values: the alias `*l4` here repeats data that itself repeats aliases; write the values out instead of nesting aliases"
        )
    }
}

extension Result {
    fileprivate var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
