import Foundation
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

    @Test func daysParseStrictlyAndCount() {
        #expect(Day("2027-03-01")?.description == "2027-03-01")
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("31-02-2026") == nil)
        #expect(Day("2027-03-01T10:00:00")?.day == 1)
        #expect(Day("2026-11-23")!.adding(days: 38).description == "2026-12-31")
        #expect(Day("2027-01-01")!.ordinal - Day("2026-01-01")!.ordinal == 365)
        #expect(Day("2027-03-01")!.long(language: "nl") == "1 maart 2027")
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
