import Foundation

/// Reads one Markdown file and checks its front matter.
enum PageLoader {
    /// `contentRoot`: the path of the Content/ folder.
    static func load(_ file: SourceFile, contentRoot: String) -> (page: LoadedPage?, diagnostics: [Diagnostic]) {
        let path = file.displayPath
        let text: String
        switch FileReader.readText(at: contentRoot + "/" + file.contentPath) {
        case .failure(let failure):
            let (message, line) = FileReader.message(for: failure)
            return (nil, [.error(message, at: SourceLocation(path: path, line: line, column: line > 0 ? 1 : 0))])
        case .success(let read):
            text = read
        }
        return parse(text, file: file)
    }

    /// `load`, then `withoutText`, for a build that reads each page again to render it: only the front
    /// matter is checked and decoded as text here; the body is hashed as bytes and checked as UTF-8 when
    /// it is read again (a file that is not UTF-8 then gets the same message, from `reloadText`).
    /// Validating every body twice was 1 % of a 10,000-page build.
    static func loadWithoutText(_ file: SourceFile, contentRoot: String) -> (page: LoadedPage?, diagnostics: [Diagnostic]) {
        guard
            case .success(let bytes) = FileReader.readBytes(
                at: contentRoot + "/" + file.contentPath, limit: FileReader.maximumTextBytes),
            !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
            !bytes.withUnsafeBytes({ memchr($0.baseAddress!, 0, $0.count) != nil }),
            let bodyStart = FrontMatter.bodyStart(in: bytes),
            let head = String(validating: bytes[..<bodyStart], as: UTF8.self)
        else {
            // Anything unusual (unreadable, a byte order mark, NUL bytes, no closed front matter): the whole path.
            let result = load(file, contentRoot: contentRoot)
            return (result.page?.withoutText(), result.diagnostics)
        }
        let (page, diagnostics) = parse(head, file: file)
        let bodyHash = bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[bodyStart...])) }
        return (page?.withoutText(bodyHash: bodyHash), diagnostics)
    }

    /// The text of a page that was loaded without it (`LoadedPage.withoutText`), read again to render it.
    /// Only the front matter's end is looked for: its settings are the loaded page's. A file that no
    /// longer splits (or cannot be read) is loaded whole, for its messages.
    static func reloadText(of page: LoadedPage, contentRoot: String) -> (page: LoadedPage?, diagnostics: [Diagnostic]) {
        guard case .success(let text) = FileReader.readText(at: contentRoot + "/" + page.source.contentPath) else {
            return load(page.source, contentRoot: contentRoot)
        }
        let split = FrontMatter.split(text)
        guard split.hasFrontMatter, !split.unclosed else { return parse(text, file: page.source) }
        let body = String(split.body)
        return (page.withText(body: body, bodyLine: split.bodyLine, bodyHash: ContentHash.of(body)), [])
    }

    /// Splits and checks the front matter of a page's text (also the entry point of the fuzzer).
    static func parse(_ text: String, file: SourceFile) -> (page: LoadedPage?, diagnostics: [Diagnostic]) {
        let path = file.displayPath
        let split = FrontMatter.split(text)
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard split.hasFrontMatter else {
            return (nil, [.error(FrontMatter.missingMessage(split), at: start)])
        }
        if split.unclosed {
            return (nil, [.error("the front matter is not closed: add a line `---` after the last setting", at: start)])
        }
        let node: DataNode
        switch YAMLReader.read(String(split.yaml), lineOffset: 1) {
        case .failure(let failure):
            return (nil, [.error(failure.message, at: SourceLocation(path: path, line: failure.line, column: failure.column))])
        case .success(nil):
            // Still rendered, so the page's other errors appear in the same run (the build fails anyway).
            let body = String(split.body)
            let page = LoadedPage(
                source: file, meta: PageMeta(title: placeholderTitle(file)), body: body, bodyLine: split.bodyLine,
                frontMatterHash: ContentHash.of(String(split.yaml)), bodyHash: ContentHash.of(body))
            return (page, [.error("missing `title`: add a line such as `title: Je week plannen` between the `---` lines", at: start)])
        case .success(let parsed?):
            node = parsed
        }
        guard node.entries != nil else {
            let at = SourceLocation(path: path, line: node.line + 1, column: node.column)
            return (nil, [.error("the front matter must be settings like `title: Je week plannen`, not \(node.kindName)", at: at)])
        }
        var fields = FieldReader(map: node, path: path, lineOffset: 1)
        var meta = readMeta(&fields, file: file)
        if let language = file.language { meta?.lang = language }
        let page = meta.map {
            let body = String(split.body)
            return LoadedPage(
                source: file, meta: $0, body: body, bodyLine: split.bodyLine,
                frontMatterHash: ContentHash.of(String(split.yaml)), bodyHash: ContentHash.of(body))
        }
        return (page, fields.diagnostics)
    }

    /// The title a page without one is rendered with, so its other errors are found in the same run.
    private static func placeholderTitle(_ file: SourceFile) -> String {
        file.stem.replacingOccurrences(of: "-", with: " ").capitalizedFirst
    }

    private static func readMeta(_ fields: inout FieldReader, file: SourceFile) -> PageMeta? {
        // A missing title is an error (from `required`), but the page is still rendered so that its other
        // errors are reported in the same run; the build fails, so nothing is published with a made-up title.
        let title = fields.string("title", required: true, example: "Je week plannen")
        var meta = PageMeta(title: title ?? placeholderTitle(file))
        meta.description = fields.string("description")
        meta.date = fields.day("date")
        meta.updated = fields.day("updated")
        meta.draft = fields.bool("draft") ?? false
        meta.weight = fields.int("weight")
        meta.layout = fields.string("layout")
        meta.lines.layout = fields.map["layout"].map { $0.line + 1 } ?? 0
        meta.pageLayout = fields.string("page_layout")
        if let slugNode = fields.node("slug") {
            if let slug = slugNode.string, isSafeSlug(slug) {
                meta.slug = slug
                meta.lines.slug = slugNode.line + 1
            } else {
                fields.fail(
                    "`slug` may only contain lowercase letters, digits and hyphens, like `je-week`; it names one page, not a path", slugNode
                )
            }
        }
        meta.tags = fields.strings("tags") ?? []
        meta.keywords = fields.strings("keywords") ?? []
        meta.owner = fields.string("owner")
        meta.reviewBy = fields.day("review_by")
        meta.lines.reviewBy = fields.map["review_by"].map { $0.line + 1 } ?? 0
        meta.validUntil = fields.day("valid_until")
        meta.lines.validUntil = fields.map["valid_until"].map { $0.line + 1 } ?? 0
        meta.lang = fields.string("lang")
        meta.publishFrom = fields.day("publish_from")
        meta.publishUntil = fields.day("publish_until")
        if let sortNode = fields.node("sort_by") {
            if let sort = sortNode.string, ["date", "weight", "title"].contains(sort) {
                meta.sortBy = sort
            } else {
                fields.fail("`sort_by` must be `date`, `weight` or `title`", sortNode)
            }
        }
        meta.feed = fields.bool("feed") ?? false
        meta.lines.feed = fields.map["feed"].map { $0.line + 1 } ?? 0
        meta.hidden = fields.bool("hidden") ?? false
        meta.pagesFrom = fields.node("pages_from")
        meta.params = params(&fields)
        return meta
    }

    /// Unknown keys and the entries of `params:` (a map) become `page.params`; an unknown key that is a
    /// near miss of a known one is a warning with the key it probably means.
    private static func params(_ fields: inout FieldReader) -> [(key: String, node: DataNode)] {
        var params: [(key: String, node: DataNode)] = []
        if let explicit = fields.node("params") {
            if let entries = explicit.entries {
                params += entries
            } else {
                fields.fail("`params` must be a map of settings for the theme, such as `params:` then `  banner: rood`", explicit)
            }
        }
        for entry in fields.unusedEntries {
            if let known = Suggest.closest(to: entry.key, in: PageMeta.knownKeys) {
                fields.diagnostics.append(
                    .warning(
                        "unknown setting `\(entry.key)`; did you mean `\(known)`? (a setting meant for the theme goes under `params:`)",
                        at: fields.location(of: entry.node).keyLine))
            }
            params.append(entry)
        }
        return params
    }

    /// A slug names one URL segment: no separators, no dots at the start, nothing that escapes a folder.
    static func isSafeSlug(_ slug: String) -> Bool {
        guard !slug.isEmpty, slug.utf8.count <= 120 else { return false }
        return slug.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
