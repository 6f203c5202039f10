import Foundation

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

    /// Size and change times when the file was found; nil for pages the build makes up.
    public var stamp: FileStamp?
    /// For a page made from an entry of a data file (`pages_from:`): that file, shown in messages.
    public var origin: String?
    /// The folder inside `Content/` ("" for the top).
    public let folder: String
    public let fileName: String

    public init(kind: Kind, contentPath: String, language: String? = nil, stamp: FileStamp? = nil) {
        self.kind = kind
        self.contentPath = contentPath
        self.language = language
        self.stamp = stamp
        // Split once here: later stages ask for these for every page, and Character-wise
        // searches in a String showed up in the profile of a 10,000-page build.
        let bytes = contentPath.utf8
        if let slash = bytes.lastIndex(of: UInt8(ascii: "/")) {
            folder = String(contentPath[..<slash])
            fileName = String(contentPath[bytes.index(after: slash)...])
        } else {
            folder = ""
            fileName = contentPath
        }
    }

    /// The path of the default-language original: `planning/je-week.en.md` → `planning/je-week.md`.
    public var originalPath: String {
        guard let language else { return contentPath }
        return String(contentPath.dropLast(language.count + 4)) + ".md"
    }

    /// The file name without language and `.md`: `je-week.en.md` → `je-week`.
    public var stem: String {
        let drop = 3 + (language.map { $0.utf8.count + 1 } ?? 0)
        let utf8 = fileName.utf8
        return String(fileName[..<utf8.index(utf8.endIndex, offsetBy: -min(drop, utf8.count))])
    }

    /// Path relative to the site root, as diagnostics show it.
    public var displayPath: String { origin ?? "Content/" + contentPath }
}

/// What `stat` tells about a file, enough to see that it changed without reading it
/// (the same test make and Hugo's server use). The inode catches editors that save by renaming.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the file at `path`, or nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }
}
