/// A file found under `Content/`, before it is read.
public struct SourceFile: Hashable, Sendable {
    public enum Kind: Sendable {
        /// `Content/_index.md`.
        case home
        /// `_index.md` in a folder.
        case section
        /// Any other `.md` file.
        case page
        /// A YAML or JSON file in `Content/_data/`.
        case data
        /// Anything else, copied as is.
        case asset
    }

    public var kind: Kind
    /// Path relative to `Content/`, with `/` separators: `planning/je-week.md`.
    public var contentPath: String

    /// Path relative to the site root, as diagnostics show it.
    public var displayPath: String { "Content/" + contentPath }

    /// The folder inside `Content/` ("" for the top).
    public var folder: String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }

    public var fileName: String {
        guard let slash = contentPath.lastIndex(of: "/") else { return contentPath }
        return String(contentPath[contentPath.index(after: slash)...])
    }
}
