import Foundation
import Markdown
import TestSupport
import Testing

@testable import MengvormCore

/// The sizes of local images read from their headers, and what the page renderer hands to the Markdown
/// renderer from the theme (callout titles, the table label) in a built site.
@Suite struct ImageAndCalloutTests {
    static func bytes(_ parts: [[UInt8]]) -> [UInt8] { parts.flatMap { $0 } }
    static func be(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) } }
    static func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8((value >> ($0 * 8)) & 0xFF) } }

    static let png = bytes([
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], be(13, 4), Array("IHDR".utf8), be(800, 4), be(600, 4), [8, 2, 0, 0, 0],
    ])
    static let gif = bytes([Array("GIF89a".utf8), le(320, 2), le(200, 2), [0, 0, 0]])
    /// SOI, an APP1 block before the frame header (as cameras write), then SOF2 (progressive).
    static let jpeg = bytes([
        [0xFF, 0xD8], [0xFF, 0xE1], be(18, 2), [UInt8](repeating: 0x45, count: 16),
        [0xFF, 0xC2], be(17, 2), [8], be(768, 2), be(1024, 2), [3], [UInt8](repeating: 0, count: 9),
    ])
    static let webpLossy = bytes([
        Array("RIFF".utf8), le(30, 4), Array("WEBPVP8 ".utf8), le(18, 4), [0, 0, 0], [0x9D, 0x01, 0x2A], le(1200, 2), le(900, 2),
    ])
    static let webpLossless = bytes([
        Array("RIFF".utf8), le(30, 4), Array("WEBPVP8L".utf8), le(10, 4), [0x2F],
        le((99) | (49 << 14), 4), [0, 0, 0, 0, 0],
    ])
    static let webpExtended = bytes([
        Array("RIFF".utf8), le(30, 4), Array("WEBPVP8X".utf8), le(10, 4), [0, 0, 0, 0], le(1919, 3), le(1079, 3),
    ])

    @Test(arguments: [
        ("a.png", png, ImageSize(width: 800, height: 600)),
        ("a.gif", gif, ImageSize(width: 320, height: 200)),
        ("a.jpg", jpeg, ImageSize(width: 1024, height: 768)),
        ("a.webp", webpLossy, ImageSize(width: 1200, height: 900)),
        ("b.webp", webpLossless, ImageSize(width: 100, height: 50)),
        ("c.webp", webpExtended, ImageSize(width: 1920, height: 1080)),
        (
            "a.svg", Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120px\" height='40'>".utf8),
            ImageSize(width: 120, height: 40)
        ),
        (
            "b.svg", Array("<svg viewBox=\"0 0 24 16.4\" xmlns=\"http://www.w3.org/2000/svg\"><path/></svg>".utf8),
            ImageSize(width: 24, height: 16)
        ),
    ])
    func sizesAreReadFromTheHeader(name: String, bytes: [UInt8], expected: ImageSize) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-img-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(ImageSizeReader.size(ofFileAt: path) == expected)
    }

    @Test func damagedOrUnknownFilesHaveNoSize() {
        #expect(ImageSizeReader.png(Array(Self.png.prefix(20))) == nil)
        #expect(ImageSizeReader.jpeg([0xFF, 0xD8, 0xFF, 0xE1, 0, 1, 0, 0, 0, 0, 0, 0]) == nil)
        #expect(ImageSizeReader.svg("<svg width=\"100%\" height=\"auto\">") == nil)
        #expect(ImageSizeReader.size(ofFileAt: "/nonexistent/x.png") == nil)
    }

    @Test func destinationsResolveToCopiedContentFilesOnly() {
        let assets = ["fotos/a.png": "fotos/a.png", "b.png": "b.png"]
        #expect(ImageSizeCache.contentPath(of: "a.png?v=2", folder: "fotos", assets: assets) == "fotos/a.png")
        #expect(ImageSizeCache.contentPath(of: "../b.png", folder: "fotos", assets: assets) == "b.png")
        #expect(ImageSizeCache.contentPath(of: "../../b.png", folder: "fotos", assets: assets) == nil)
        #expect(ImageSizeCache.contentPath(of: "https://x.nl/a.png", folder: "fotos", assets: assets) == nil)
        #expect(ImageSizeCache.contentPath(of: "c.png", folder: "fotos", assets: assets) == nil)
    }

    @Test func calloutTitlesAndTheTableLabelComeFromTheThemeStrings() throws {
        var theme = TestSite.minimalTheme
        theme["Themes/default/i18n/nl.yml"] = "callout_warning: \"Waarschuwing\"\ntable_label: \"Tabel\"\n"
        theme["Themes/default/i18n/en.yml"] = "callout_warning: \"Warning\"\ntable_label: \"Table\"\n"
        let body = "> [!WARNING]\n> Niet vergeten.\n\n| Jaar | Bedrag |\n| --- | ---: |\n| 2026 | 2,45 |\n\n![](geen-alt.png)\n"
        let site = TestSite(
            [
                "site.yml": "languages: [nl, en]\n",
                "Content/_index.md": page("Home"),
                "Content/a.md": page("A", body),
                "Content/a.en.md": page("A", body),
            ], theme: theme)
        defer { site.remove() }
        site.writeBytes("Content/geen-alt.png", Self.png)
        let report = site.build()
        let nl = try #require(site.read("a/index.html"))
        #expect(nl.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Waarschuwing</p>"))
        #expect(nl.contains("aria-label=\"Tabel: Jaar, Bedrag\""))
        #expect(nl.contains("<td class=\"align-right\">2,45</td>"))
        let en = try #require(site.read("en/a/index.html"))
        #expect(en.contains("<p class=\"callout-title\">Warning</p>"))
        #expect(
            TestSite.lines(report).contains(
                "Content/a.md:11:1: warning: the image `geen-alt.png` has no alternative text (WCAG 1.1.1): write what it shows between the brackets, like `![Een bureau bij het raam met een laptop op een standaard](geen-alt.png)`"
            ))
    }
}
