import Foundation

/// The rendered site as every output sees it: the index, the theme, the views and what rendering each
/// page found. Read-only; built once by the render stage and handed to the checks and the outputs.
struct RenderedSite {
    let config: SiteConfig
    let templates: TemplateSet
    let data: DataFiles
    let index: SiteIndex
    let views: ViewBuilder
    let renderer: PageRenderer
    /// By page position in `index.pages`.
    let pages: [RenderedPage]
    let contentRoot: URL
    let today: Day
    /// Results of earlier builds in this process (`mengvorm serve`).
    let cache: BuildCache?
    /// Pages rendered by this build (the others were reused from `cache`).
    let renderedCount: Int
}

/// What an output wrote.
struct OutputResult {
    var files = 0
    var diagnostics: [Diagnostic] = []
}

/// One kind of file the build writes besides the pages themselves (tag pages, the search index, feeds...).
/// Adding an output is a new type in `Emit/Outputs/` and one line in `SiteOutputs.all`.
protocol SiteOutput: Sendable {
    /// Output folders this output writes into, which Content/ must leave free (checked before rendering).
    var reservedFolders: [String] { get }
    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult
    /// The files `write` would write, when they depend only on what the site key covers (settings,
    /// file names, data, theme) and on no page's text; nil when they may depend on a page's text.
    /// After an edit of page text alone, such files are kept from the build that wrote the output.
    func siteKeyFiles(_ site: RenderedSite) -> [String]?
}

extension SiteOutput {
    var reservedFolders: [String] { [] }
    func siteKeyFiles(_ site: RenderedSite) -> [String]? { nil }
}

enum SiteOutputs {
    /// Every output, in the order they are written.
    static let all: [any SiteOutput] = [
        CopiedFiles(),
        TagPages(),
        SearchIndex.Output(),
        SearchIndex.ResultsPages(),
        ReviewOverview(),
        NotFoundPage(),
        Sitemap(),
        AtomFeeds(),
    ]

    /// Folders in the output that belong to the theme and the outputs, not to Content/.
    static var reservedFolders: [String] { ["assets"] + all.flatMap(\.reservedFolders) }
}

extension OutputResult {
    /// Writes one file and counts it.
    mutating func write(_ text: String, to path: String, with writer: OutputWriter) {
        // A failure is recorded by the writer and reported once, with the system's reason, by the emit stage.
        if writer.write(text, to: path) { files += 1 }
    }

    mutating func write(bytes: [UInt8], hash: UInt64? = nil, to path: String, with writer: OutputWriter) {
        if writer.write(bytes: bytes, to: path, hash: hash) { files += 1 }
    }
}
