/// A Markdown file read from disk with its front matter checked: the output of the load stage.
/// A class, since later stages copy pages around a lot and a rebuild keeps them: one reference
/// instead of some thirty strings to retain per copy (the profile of a 10,000-page rebuild).
public final class LoadedPage: Sendable {
    public let source: SourceFile
    public let meta: PageMeta
    /// The Markdown after the front matter.
    public let body: String
    /// Line of the file where the body starts (body line 1 is file line `bodyLine`).
    public let bodyLine: Int
    /// Content hashes of the two parts, so a rebuild can tell an edit of the text (only this page
    /// changes) from an edit of the settings (titles and order other pages show may change).
    public let frontMatterHash: UInt64
    public let bodyHash: UInt64
    /// False for a page from the build cache file, which keeps no text: `withText` reads it when the page is rendered.
    public let hasText: Bool
    /// For a page made from a data entry (`pages_from:`): the entry, which templates see as `page.entry`.
    public let entry: DataNode?

    public init(
        source: SourceFile, meta: PageMeta, body: String, bodyLine: Int, frontMatterHash: UInt64 = 0, bodyHash: UInt64 = 0,
        entry: DataNode? = nil, hasText: Bool = true
    ) {
        self.entry = entry
        self.hasText = hasText
        self.source = source
        self.meta = meta
        self.body = body
        self.bodyLine = bodyLine
        self.frontMatterHash = frontMatterHash
        self.bodyHash = bodyHash
    }

    /// The same page with `updated` set (from Git, when the front matter has none).
    func updated(_ day: Day) -> LoadedPage {
        var meta = meta
        meta.updated = day
        return LoadedPage(
            source: source, meta: meta, body: body, bodyLine: bodyLine, frontMatterHash: frontMatterHash,
            bodyHash: bodyHash, entry: entry, hasText: hasText)
    }

    /// The same page without its text, for a one-shot build: the text is read again when the page is
    /// rendered, so 10,000 pages never hold 80 MB of Markdown at once (peak memory is a goal of its own).
    func withoutText(bodyHash hash: UInt64? = nil) -> LoadedPage {
        LoadedPage(
            source: source, meta: meta, body: "", bodyLine: bodyLine, frontMatterHash: frontMatterHash, bodyHash: hash ?? bodyHash,
            entry: entry, hasText: false)
    }

    /// This page (with its settings, and `updated` from Git) with its text read again.
    func withText(body: String, bodyLine: Int, bodyHash: UInt64) -> LoadedPage {
        LoadedPage(
            source: source, meta: meta, body: body, bodyLine: bodyLine, frontMatterHash: frontMatterHash, bodyHash: bodyHash,
            entry: entry)
    }
}
