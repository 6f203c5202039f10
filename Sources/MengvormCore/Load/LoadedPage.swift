/// A Markdown file read from disk with its front matter checked: the output of the load stage.
public struct LoadedPage: Sendable {
    public var source: SourceFile
    public var meta: PageMeta
    /// The Markdown after the front matter.
    public var body: String
    /// Line of the file where the body starts (body line 1 is file line `bodyLine`).
    public var bodyLine: Int
    /// Content hashes of the two parts, so a rebuild can tell an edit of the text (only this page
    /// changes) from an edit of the settings (titles and order other pages show may change).
    public var frontMatterHash: UInt64 = 0
    public var bodyHash: UInt64 = 0
}
