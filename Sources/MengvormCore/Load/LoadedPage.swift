/// A Markdown file read from disk with its front matter checked: the output of the load stage.
public struct LoadedPage: Sendable {
    public var source: SourceFile
    public var meta: PageMeta
    /// The Markdown after the front matter.
    public var body: String
    /// Line of the file where the body starts (body line 1 is file line `bodyLine`).
    public var bodyLine: Int
}
