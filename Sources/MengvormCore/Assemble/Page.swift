/// A page placed in the site: its URL, output file, section and order. The output of the assemble stage.
public struct Page: Sendable {
    public enum Kind: String, Sendable { case home, section, page }

    /// Position in `SiteIndex.pages`.
    public var index: Int
    public var kind: Kind
    public var loaded: LoadedPage
    /// URL path from the site root: `planning/je-week/` ("" for the home page).
    public var url: String
    /// Output file relative to the output folder: `planning/je-week/index.html`.
    public var outputPath: String
    /// The section page this page belongs to (nil for the home page).
    public var parent: Int?
    /// For sections and home: their pages and subsections, in display order.
    public var children: [Int] = []
    /// The layout that renders this page.
    public var layout: String
    /// Created because a folder had no `_index.md`.
    public var isImplicit = false

    public var meta: PageMeta { loaded.meta }
    public var displayPath: String { loaded.source.displayPath }

    /// Number of folders between the site root and this page's output file.
    public var depth: Int { url.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }
}
