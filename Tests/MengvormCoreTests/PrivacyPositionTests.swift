import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// The privacy check reads the rendered page as the browser does: code is text, an address keeps its
/// query, and every finding is reported where the editor (or the theme's author) wrote it.
@Suite struct PrivacyPositionTests {
    @Test func codeIsTextAndEveryFindingHasItsSourcePosition() {
        let body = """
            Zo laad je een lettertype (niet doen):

            ```css
            @import url('https://fonts.example/x.css');
            body { background: url("https://cdn.example/bg.png"); }
            ```

            Of `<img src='https://cdn.example/a.png?w=1'>` in een zin.

            <p>Hier wel: <img src="https://cdn.example/b.png?w=2&h=3" alt=""></p>

            ![foto](https://cdn.example/c.png)
            """
        let site = TestSite([
            "site.yml": "unsafe_html: true\n",
            "Content/_index.md": page("Home", body),
        ])
        defer { site.remove() }
        let lines = TestSite.lines(site.build(write: false))
        #expect(
            lines == [
                "Content/_index.md:13:24: error: https://cdn.example/b.png?w=2&h=3 would be loaded from https://cdn.example, another site: the browser would tell that site who reads this page; ship the file with the site or allow the origin with `allow_external` in site.yml",
                "Content/_index.md:15:1: error: the image https://cdn.example/c.png would be loaded from https://cdn.example, another site; copy it into Content/ (or allow the origin with `allow_external` in site.yml)",
            ])
    }

    @Test func aResourceOfTheLayoutIsReportedInTheTemplate() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/layouts/base.mustache"] =
            "<html>\n<head><script src=\"https://cdn.example/lib.js?v=2\"></script></head>{{$main}}{{/main}}</html>\n"
        let site = TestSite(["Content/_index.md": page("Home", "Tekst `https://cdn.example/lib.js?v=2`.")], theme: theme)
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(write: false)) == [
                "Themes/default/layouts/base.mustache:2:20: error: https://cdn.example/lib.js?v=2 would be loaded from https://cdn.example, another site: the browser would tell that site who reads this page; ship the file with the site or allow the origin with `allow_external` in site.yml"
            ])
    }

    @Test func anAddressFromADataFileIsReportedThere() {
        var theme = TestSite.minimalTheme
        theme["Themes/default/partials/components/gallery.mustache"] = "{{#data.photos}}<img src=\"{{src}}\" alt=\"\">{{/data.photos}}"
        let site = TestSite(
            [
                "Content/_index.md": page("Home", "```gallery\ndata: photos\n```\n"),
                "Content/_data/photos.yml": "photos:\n  - src: https://cdn.example/team.jpg\n",
            ], theme: theme)
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(write: false)) == [
                "Content/_data/photos.yml:2:10: error: https://cdn.example/team.jpg would be loaded from https://cdn.example, another site: the browser would tell that site who reads this page; ship the file with the site or allow the origin with `allow_external` in site.yml"
            ])
    }

    @Test func addressesKeepTheirQueryAndOnlyTagsAndStylesLoad() {
        let html =
            "<p>src='https://a.example/x' and url(https://b.example/y)</p><style>@import url(https://c.example/s.css?a=1&b=2);</style><img src=\"https://d.example/i.png?w=1\">"
        let found = ExternalOrigins.loadedResources(in: html, isHTML: true).map(\.url)
        #expect(found == ["https://c.example/s.css?a=1&b=2", "https://d.example/i.png?w=1"])
        // A `>` inside a quoted attribute does not end the tag; a comment loads nothing.
        let tricky = "<img alt=\"a > b\" src=\"https://e.example/t.png\"><!-- <img src=\"https://f.example/x.png\"> -->"
        #expect(ExternalOrigins.loadedResources(in: tricky, isHTML: true).map(\.url) == ["https://e.example/t.png"])
        // A stylesheet is CSS throughout.
        #expect(ExternalOrigins.loadedResources(in: "a{background:url(https://b.example/y?z=1)}").map(\.url) == ["https://b.example/y?z=1"])
    }

    @Test func everyDoubleSlashIsFoundWhereverItFallsInAWord() {
        // The finder reads eight bytes at a time: a pair on every offset, across words, at the end.
        for length in 2...40 {
            for position in 0...(length - 2) {
                var bytes = [UInt8](repeating: UInt8(ascii: "/"), count: length)
                for index in stride(from: 1, to: length, by: 2) { bytes[index] = UInt8(ascii: "a") }  // single slashes
                if position % 2 == 1 { bytes[position - 1] = UInt8(ascii: "a") }
                bytes[position] = UInt8(ascii: "/")
                bytes[position + 1] = UInt8(ascii: "/")
                let expected = (0..<(length - 1)).first { bytes[$0] == UInt8(ascii: "/") && bytes[$0 + 1] == UInt8(ascii: "/") }
                let found = bytes.withUnsafeBufferPointer { ExternalOrigins.nextDoubleSlash(in: $0, from: 0) }
                #expect(found == expected, "length \(length), pair at \(position)")
            }
        }
        let none = Array("a/b/c/d/e/f/g/h/i/j/k/".utf8)
        #expect(none.withUnsafeBufferPointer { ExternalOrigins.nextDoubleSlash(in: $0, from: 0) } == nil)
    }
}
