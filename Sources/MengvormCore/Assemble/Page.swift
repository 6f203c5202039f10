/// A page placed in the site: its URL, output file, section and order. The output of the assemble stage.
public struct Page: Sendable {
    public enum Kind: String, Sendable { case home, section, page }

    /// Position in `SiteIndex.pages`.
    public var index: Int
    public var kind: Kind
    public var loaded: LoadedPage
    /// URL path from the site root: `planning/je-week/` ("" for the home page).
    public let url: String
    /// Number of folders between the site root and this page's output file (its URL's slashes: every
    /// relative link of the page is made with it, so it is counted once).
    public let depth: Int
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

    public init(index: Int, kind: Kind, loaded: LoadedPage, url: String, outputPath: String, parent: Int?, layout: String) {
        self.index = index
        self.kind = kind
        self.loaded = loaded
        self.url = url
        depth = url.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        self.outputPath = outputPath
        self.parent = parent
        self.layout = layout
    }
}
