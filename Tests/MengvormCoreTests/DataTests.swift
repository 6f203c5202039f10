import Foundation
import TestSupport
import Testing

@testable import MengvormCore

@Suite struct DataTests {
    @Test func jsonQuotingIsValidJSONAndSafeInScripts() throws {
        let text = "Café \"x\" \\ </script>&\n\t\u{01}\u{2028}\u{2029}€"
        let quoted = JSONText.quote(text)
        #expect(quoted == "\"Café \\\"x\\\" \\\\ \\u003c/script\\u003e\\u0026\\n\\t\\u0001\\u2028\\u2029€\"")
        let decoded = try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as? [String]
        #expect(decoded == [text])
    }

    /// Each character that needs an escape is escaped wherever it falls in a longer text, and the search
    /// index's variant turns only line breaks into spaces.
    @Test func jsonQuotingEscapesWhereverTheCharacterFalls() throws {
        for special in ["\"", "\\", "<", ">", "&", "\n", "\u{1F}", "\u{2028}", "\u{2029}", "é", "€"] {
            for offset in 0..<40 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 40 - offset)
                let quoted = JSONText.quote(text)
                let decoded = try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as? [String]
                #expect(decoded == [text], "\(special.debugDescription) at \(offset)")
                #expect(!quoted.dropFirst().dropLast().contains { "<>&\u{2028}\u{2029}\n".contains($0) })
                var spaced: [UInt8] = []
                Array(text.utf8).withUnsafeBufferPointer { JSONText.appendQuoted(bytes: $0, to: &spaced, breaksAsSpaces: true) }
                let expected = special == "\n" ? text.replacingOccurrences(of: "\n", with: " ") : text
                #expect(
                    try JSONSerialization.jsonObject(with: Data(([UInt8]("[".utf8) + spaced + [UInt8]("]".utf8)))) as? [String] == [
                        expected
                    ])
            }
        }
    }

    @Test func daysParseStrictlyAndCount() {
        #expect(Day("2027-03-01")?.description == "2027-03-01")
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("31-02-2026") == nil)
        #expect(Day("2027-03-01T10:00:00")?.day == 1)
        #expect(Day("2026-11-23")!.adding(days: 38).description == "2026-12-31")
        #expect(Day("2027-01-01")!.ordinal - Day("2026-01-01")!.ordinal == 365)
        #expect(Day("2027-03-01")!.long(language: "nl") == "1 maart 2027")
        #expect(Day("2026-12-25")!.long(language: "nl") == "25 december 2026")
        #expect(Day("2026-09-30")!.long(language: "nl-BE") == "30 september 2026")
        #expect(Day("2027-01-09")!.long(language: "en") == "9 January 2027")
    }

    @Test func yamlScalarsResolveTheYAML12Way() throws {
        guard case .success(let node?) = YAMLReader.read("a: 2.45\nb: 2026\nc: ja\nd: true\ne: \"10\"\nf: ~\ng: 2027-03-01\n") else {
            Issue.record("not parsed")
            return
        }
        #expect(node["a"]?.json == "2.45")
        #expect(node["b"]?.json == "2026")
        #expect(node["c"]?.json == "\"ja\"")
        #expect(node["d"]?.json == "true")
        #expect(node["e"]?.json == "\"10\"")
        #expect(node["f"]?.isNull == true)
        #expect(node["g"]?.string == "2027-03-01")
        #expect(node["g"]?.line == 7 && node["g"]?.column == 4)
    }
}

/// The fast reader of flat front matter against libyaml: same values, same positions, or it declines.
@Suite struct FlatYAMLTests {
    static let documents = [
        "title: Je week plannen\n",
        "title: \"Bruggen, functies en meer 6353\"\ndescription: \"Één module genereren te blijvend zolder index.\"\ndate: 2020-02-13\ntags: [navigatie]\nweight: 765\n",
        "# uitleg\n\ntitle: Werk en privé  \nowner: HR (Lindehof)\nreview_by: 2027-03-01\nfeed: true\nhidden: FALSE\n",
        "tags: [a, b c,  d ]\nleeg: []\nspatie: [ ]\ngetal: 3\nbreuk: 1.50\nniets: null\nversie: 1.2.3\n",
        "title: Één ĳsje\ntags: [één, w̞w;x, ĳs]\nnaam: \"Zoë\"\n",
        "title: Wat mag je thuis? Alles!\nsom: 2+2=4; klaar\npad: a/b_c-d.e\nowner: Team Arbo & Vitaliteit\ndescription: Tips, regels en \"adviezen\" [zie] {x} 100% @HR 10*2 <b> a|b ~c $d ^e\n",
        // Block lists of plain or simply quoted items, as the benchmark corpus and many pages write tags.
        "title: \"Meldingen, pagina's\"\ndate: 2024-02-09\ntags:\n  - opslag\n  - snelheid\nweight: 817\n",
        "lijst:\n  - a\n", "tags:\n- één\n- \"b c\"\n-   3  \nkey: x\n", "a:\n    - x y\n    - 2027-01-01\n# slot\n",
        // Declined: each needs libyaml (and some are errors there).
        "title: a: b\n", "title: 'enkel'\n", "title: \"met \\\" escape\"\n", "a: b\na: c\n",
        "lijst:\n  - a\n   - b\n", "lijst:\n  - a\n\n  - b\n", "lijst:\n  - a: b\n", "lijst:\n  - - a\n", "lijst:\nweight: 1\n",
        "lijst:\n  -a\n", "lijst:\n  - a\n  b\n", "lijst:\n  - a\nlijst:\n  - b\n", "lijst:\n  - [a]\n", "lijst:\n  - \"a\\\"b\"\n",
        "title: x # opmerking\n", "  title: ingesprongen\n", "title: [a, [b]]\n", "title: [a,]\n", "title: *anker\n",
        "title: -streep\n", "title:\n", "title:    \n", "title: \"open\n", "title: a\tb\n", "title: a\rb: c\n",
        "title: a\u{2028}b: c\n", "# alleen\n", "", "title: tien  spaties\n", "title: ~\n", "title: .5\n", "plus: +4\n", "getal: -3\n",
        "tags: [a \"b\"]\n", "tags: [a{b}]\n",
    ]

    static func check(_ text: String) {
        let flat = FlatYAML.read(text)
        guard let flat else { return }
        guard case .success(let reference?) = YAMLReader.readWithLibYAML(text) else {
            Issue.record("FlatYAML read \(text.debugDescription), which libyaml does not")
            return
        }
        #expect(flat.outline == reference.outline, "\(text.debugDescription)")
    }

    @Test func agreesWithLibYAML() {
        var accepted = 0
        for text in Self.documents {
            Self.check(text)
            if FlatYAML.read(text) != nil { accepted += 1 }
        }
        // The first ten are the kind this reader exists for.
        #expect(accepted == 10, "accepted \(accepted)")
        for text in Self.documents.dropFirst(10) { #expect(FlatYAML.read(text) == nil, "\(text.debugDescription)") }
    }

    @Test func agreesOnEveryShippedPage() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content")
        let files = FileManager.default.enumerator(atPath: content.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        var flat = 0
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let yaml = String(FrontMatter.split(text).yaml)
            Self.check(yaml)
            if FlatYAML.read(yaml) != nil { flat += 1 }
        }
        #expect(files.count > 50)
        // Most pages are flat; the others (lists over several lines) go to libyaml.
        #expect(flat * 2 > files.count, "\(flat) of \(files.count) flat")
    }

    /// The default theme's strings are read by every build: through libyaml (and its check for mistakes),
    /// the two files took 70 million instructions, a fifth of what the theme adds to a 1,000-page build.
    @Test func theDefaultThemesStringsAreFlat() throws {
        let i18n = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes/default/i18n")
        let files = try FileManager.default.contentsOfDirectory(atPath: i18n.path).filter { $0.hasSuffix(".yml") }
        #expect(files.count >= 2)
        for file in files {
            let text = try String(contentsOf: i18n.appendingPathComponent(file), encoding: .utf8)
            Self.check(text)
            #expect(FlatYAML.read(text) != nil, "\(file) needs libyaml: keep it to one `key: value` per line, quote text with a colon")
        }
    }
}
