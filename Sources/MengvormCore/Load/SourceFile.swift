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
    /// The language of a translation (`je-week.en.md` → "en"); nil for the site's default language.
    public var language: String?

    public init(kind: Kind, contentPath: String, language: String? = nil) {
        self.kind = kind
        self.contentPath = contentPath
        self.language = language
    }

    /// The path of the default-language original: `planning/je-week.en.md` → `planning/je-week.md`.
    public var originalPath: String {
        guard let language else { return contentPath }
        return String(contentPath.dropLast(language.count + 4)) + ".md"
    }

    /// The file name without language and `.md`: `je-week.en.md` → `je-week`.
    public var stem: String {
        let name = fileName
        let drop = 3 + (language.map { $0.count + 1 } ?? 0)
        return String(name.dropLast(drop))
    }

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
