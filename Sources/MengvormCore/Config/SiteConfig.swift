import Foundation

/// The site configuration file (`site.yml` at the site root).
public struct SiteConfig: Sendable {
    public static let fileName = "site.yml"

    /// How the build writes links between pages.
    public enum LinkStyle: String, Sendable {
        /// `planning/je-week/`: for a web server that serves `index.html` for a folder.
        case folders
        /// `planning/je-week/index.html`: also works when the site is opened from disk (`file://`).
        case files
    }

    public var title = "Intranet"
    public var organisation = ""
    public var language = "nl"
    /// Every language of the site, the default (`language`) first. Translations are files such as
    /// `je-week.en.md` beside `je-week.md`; they are published under `en/`.
    public var languages = ["nl"]
    public var otherLanguages: [String] { languages.filter { $0 != language } }
    public var theme = "default"
    public var unsafeHTML = false
    public var linkStyle = LinkStyle.files
    /// Absolute address of the published site, for the sitemap and feed; optional.
    public var baseURL: String?
    /// Default `owner` for new pages.
    public var defaultOwner: String?
    /// How far ahead `review_by` is set for new pages, in months.
    public var reviewMonths = 6
    /// Warn this many days before a page's `review_by` date.
    public var reviewWarningDays = 30
    /// Warn this many days before a page's `valid_until` (the end of the year its figures hold for).
    public var validityWarningDays = 60
    /// Write `beheer/index.html`, an overview of every page's owner and review status for HR.
    public var reviewOverview = false
    /// Write `tags/` pages (one per tag).
    public var tagPages = true
    /// Write `search-index.js` for the theme's offline search.
    public var searchIndex = true
    /// Origins pages may load resources from (`https://cdn.example`); none by default.
    public var allowedOrigins: Set<String> = []
    /// Address of a page's file in the organisation's Git host, `{path}` standing for the file
    /// (`Content/plannen/je-week.md`): `https://git.example/intranet/-/edit/main/{path}`. Templates get
    /// it per page as `page.edit_url` ("Bewerk deze pagina").
    public var editURL: String?
    /// Anything else under `params:`, handed to templates as `site.params`.
    public var params: DataNode?

    public init() {}

    static let knownKeys = [
        "title", "organisation", "language", "languages", "theme", "unsafe_html", "links", "base_url",
        "owner", "review_months", "review_warning_days", "validity_warning_days", "review_overview", "allow_external", "tag_pages",
        "search_index", "edit_url", "params",
    ]

    /// Loads `site.yml` from `root`; a missing file gives the defaults.
    public static func load(siteRoot root: URL, diagnostics: inout Diagnostics) -> SiteConfig {
        var config = SiteConfig()
        let url = root.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return config }
        let location = SourceLocation(path: fileName, line: 1, column: 1)
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.error("\(fileName) is not UTF-8 text; save it as UTF-8", at: location)
            return config
        }
        let node: DataNode
        switch YAMLReader.read(text) {
        case .failure(let failure):
            diagnostics.error(failure.message, at: SourceLocation(path: fileName, line: failure.line, column: failure.column))
            return config
        case .success(nil):
            return config
        case .success(let parsed?):
            node = parsed
        }
        guard node.entries != nil else {
            diagnostics.error("\(fileName) must be a map of settings such as `title: Werken in de mengvorm`", at: location)
            return config
        }
        var fields = FieldReader(map: node, path: fileName)
        if let title = fields.string("title") { config.title = title }
        if let organisation = fields.string("organisation") { config.organisation = organisation }
        if let language = fields.string("language") { config.language = language }
        config.languages = [config.language]
        if let list = fields.strings("languages") {
            for code in list where !config.languages.contains(code) {
                if code.count >= 2, code.count <= 3, code.allSatisfy({ $0.isASCII && $0.isLowercase }) {
                    config.languages.append(code)
                } else if let node = fields.map["languages"] {
                    fields.fail("`languages` must list language codes such as `[nl, en]`, not `\(code)`", node)
                }
            }
        }
        if let theme = fields.string("theme") { config.theme = theme }
        if let unsafe = fields.bool("unsafe_html") { config.unsafeHTML = unsafe }
        if let linksNode = fields.node("links") {
            if let style = linksNode.string.flatMap(LinkStyle.init(rawValue:)) {
                config.linkStyle = style
            } else {
                fields.fail("`links` must be `files` (works from disk and any server) or `folders` (clean URLs on a web server)", linksNode)
            }
        }
        if let baseNode = fields.node("base_url") {
            if let base = baseNode.string, base.hasPrefix("https://") || base.hasPrefix("http://") {
                config.baseURL = base.hasSuffix("/") ? base : base + "/"
            } else {
                fields.fail("`base_url` must start with https:// (for example https://intranet.example/hybride/)", baseNode)
            }
        }
        if let editNode = fields.node("edit_url") {
            if let edit = editNode.string, edit.hasPrefix("https://") || edit.hasPrefix("http://"), edit.contains("{path}") {
                config.editURL = edit
            } else {
                fields.fail(
                    "`edit_url` must be an address starting with https:// with `{path}` where the page's file goes, such as `https://git.example/intranet/-/edit/main/{path}`",
                    editNode)
            }
        }
        config.defaultOwner = fields.string("owner")
        if let months = fields.int("review_months") { config.reviewMonths = months }
        if let days = fields.int("review_warning_days") { config.reviewWarningDays = days }
        if let days = fields.int("validity_warning_days") { config.validityWarningDays = days }
        config.reviewOverview = fields.bool("review_overview") ?? false
        config.tagPages = fields.bool("tag_pages") ?? true
        config.searchIndex = fields.bool("search_index") ?? true
        for origin in fields.strings("allow_external") ?? [] {
            config.allowedOrigins.insert(ExternalOrigins.origin(of: origin) ?? origin)
        }
        config.params = fields.node("params")
        diagnostics.add(contentsOf: fields.diagnostics)
        for (key, value) in fields.unusedEntries {
            let suggestion = Suggest.closest(to: key, in: knownKeys).map { "; did you mean `\($0)`?" } ?? ""
            diagnostics.warning("unknown setting `\(key)`\(suggestion)", at: fields.location(of: value).keyLine)
        }
        return config
    }
}

extension SourceLocation {
    /// The start of the line, for messages about a key rather than its value.
    var keyLine: SourceLocation { SourceLocation(path: path, line: line, column: line > 0 ? 1 : 0) }
}
