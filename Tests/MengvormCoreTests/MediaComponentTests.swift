import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// The `media` component of the default theme: a local film or sound file with required captions, and
/// the schema type `file` that makes a missing file a build error at the line that names it.
@Suite struct MediaComponentTests {
    func site(_ files: [String: String]) throws -> TestSite {
        let site = TestSite(
            files.merging([
                "Content/_index.md": page("Home", extra: "description: Start"),
                "Content/verhalen/_index.md": page("Verhalen", extra: "description: Verhalen"),
            ]) { a, _ in a },
            theme: [:])
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Themes"), to: site.root.appendingPathComponent("Themes"))
        return site
    }

    @Test func aFilmWithCaptionsPosterAndTranscript() throws {
        let body =
            "Kijk maar.\n\n```media\nsrc: film.mp4\ncaptions: film.vtt\nposter: /beelden/film.jpg\ntitle: Ervaringen met thuiswerken\ntranscript: \"Regel een.\\nRegel twee.\"\n```\n"
        let site = try site([
            "Content/verhalen/ervaringen.md": page("Ervaringen", body, extra: "description: Film"),
            "Content/verhalen/film.mp4": "mp4",
            "Content/verhalen/film.vtt": "WEBVTT\n",
            "Content/beelden/film.jpg": "jpg",
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(TestSite.lines(report).filter { $0.contains("error") } == [])
        let html = site.read("verhalen/ervaringen/index.html") ?? ""
        #expect(
            html.contains(
                "<video controls preload=\"none\" playsinline poster=\"../../beelden/film.jpg\" aria-label=\"Ervaringen met thuiswerken\">")
        )
        #expect(html.contains("<source src=\"../../verhalen/film.mp4\">"))
        #expect(html.contains("<track kind=\"captions\" src=\"../../verhalen/film.vtt\" srclang=\"nl\" label=\"Ondertitels\">"))
        #expect(html.contains("<summary>Uitgeschreven tekst</summary>"))
        #expect(html.contains("Regel een.\nRegel twee."))
        #expect(!html.contains("autoplay"))
        #expect(html.contains("media-src 'self'"))
        #expect(site.exists("verhalen/film.vtt"))
    }

    @Test func missingCaptionsAreAnErrorAtTheirLine() throws {
        let body =
            "Kijk maar.\n\n```media\nsrc: film.webm\ncaptions: film.vtt\ntitle: Ervaringen\n```\n\n```media\nsrc: geluid.wav\ntitle: Geluid\n```\n"
        let site = try site([
            "Content/verhalen/ervaringen.md": page("Ervaringen", body, extra: "description: Film"),
            "Content/verhalen/film.webm": "webm",
        ])
        defer { site.remove() }
        let lines = TestSite.lines(site.build(write: false))
        #expect(
            lines == [
                "Content/verhalen/ervaringen.md:9:11: error: `captions` names `film.vtt`, which is not a file beside this page or in Content/: a WebVTT file with the captions, beside the film; people who cannot hear the sound read them",
                "Content/verhalen/ervaringen.md:14:1: error: missing `captions`: add a line such as `captions: ervaringen-thuiswerken.vtt`: a WebVTT file with the captions, beside the film; people who cannot hear the sound read them",
                "Content/verhalen/ervaringen.md:14:6: error: `src` must be a `.mp4`, `.webm` or `.mp3` file, not `geluid.wav`: a .mp4, .webm or .mp3 file beside this page (or a path from Content/)",
            ])
    }

    @Test func theFileTypeChecksDataFilesFromContent() {
        let spec = DataNode(
            .map([
                ("type", DataNode(.string("map"))),
                (
                    "fields",
                    DataNode(
                        .map([
                            ("folder", DataNode(.map([("type", DataNode(.string("file"))), ("required", DataNode(.bool(true)))])))
                        ]))
                ),
            ]))
        let data = DataNode(.map([("folder", DataNode(.string("docs/regeling.pdf"), line: 3, column: 9))]), line: 1, column: 1)
        let missing = ComponentSchema.validate(
            data, against: spec, dataPath: "Content/_data/x.yml", schemaPath: "s.yml", fileExists: { _ in false })
        #expect(
            missing.data.map(\.headline) == [
                "Content/_data/x.yml:3:9: error: `folder` names `docs/regeling.pdf`, which is not a file beside this page or in Content/"
            ])
        let present = ComponentSchema.validate(
            data, against: spec, dataPath: "Content/_data/x.yml", schemaPath: "s.yml", fileExists: { $0 == "docs/regeling.pdf" })
        #expect(present.data.isEmpty && present.schema.isEmpty)
    }
}
