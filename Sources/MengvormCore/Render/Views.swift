import Templates

/// The theme contract: every value a template may use, as typed views. A page's view and its `page` are
/// read by name through `PageContext` and `PageSummaryContext`, which hand each value to the template
/// engine as a `TemplateValue` (Sources/Templates); the smaller views turn into contexts or plain
/// dictionaries in their `mustache` property: these are the places where a template name is given to a value.
/// `Themes/README.md` lists every name with its meaning; keep the two together.
///
/// Mustache is logic-less: it cannot test the length of a list, so each list a template wraps in a box
/// comes with a `has_…` flag, present only when the list is not empty.

/// What a layout sees for one page (and for the pages the build makes itself: tags, overview, 404).
/// Besides these, a page's view has `cached`: `{{{cached.NAME}}}` renders the partial NAME once per
/// section (see `PartialCache`).
struct PageView {
    var site: [String: Any]
    var lang: String
    /// Relative path from this page to the site root (`../../`), for assets and the search index.
    var root: String
    var homeURL: String
    var strings: UIStrings
    var content: RawHTML?
    var page: PageSummary
    var menu: [[String: Any]]
    var translations: [LanguageLink] = []
    var breadcrumbs: [Link] = []
    var children: [TemplateObject] = []
    /// The pages of the section, as shared by all of them: none is `current`.
    var siblings: [ListEntryContext] = []
    /// This page in `siblings`: a layout reading `siblings` sees it marked `current`.
    var siblingPosition: Int?
    var prev: ListEntryContext?
    var next: ListEntryContext?
    var section: Link?
    /// Values only some generated pages have (the review overview's rows and counts).
    var extra: [String: Any] = [:]
}

/// What a layout renders for one page: its view, read by name. Each value is made when a template asks
/// for it, so a layout pays only for what it shows: building every value of every page as a dictionary
/// first (a table of contents the theme never shows included) was 3 % of a 10,000-page build.
final class PageContext: TemplateObject, @unchecked Sendable {
    let view: PageView
    /// `{{{cached.NAME}}}`: the partials shared with the page's section (see `PartialCache`).
    var cached: CachedPartials?
    /// False in the context a cached partial renders with: its HTML is shared by the section's pages, so
    /// no sibling is `current` in it (the page's own link is marked in the HTML).
    let marksCurrentSibling: Bool
    private var markedSiblings: [TemplateObject]?
    // A page's context is read by the one thread that renders the page.
    private lazy var page = PageSummaryContext(summary: view.page)

    init(_ view: PageView, marksCurrentSibling: Bool = true) {
        self.view = view
        self.marksCurrentSibling = marksCurrentSibling
    }

    override func value(named name: TemplateName) -> TemplateValue? {
        if name == .cached { return cached.map { .object($0) } }
        if !view.extra.isEmpty, let value = view.extra[name.string] { return TemplateValue(value) }
        switch name {
        case .page: return .object(page)
        case .t: return .dictionary(view.strings.values)
        case .root: return .string(view.root)
        case .site: return .dictionary(view.site)
        case .lang: return .string(view.lang)
        case .homeURL: return .string(view.homeURL)
        case .tJSON: return .string(view.strings.json)
        case .menu: return .any(view.menu)
        case .content: return view.content.map { .html($0) }
        case .translations: return view.translations.count > 1 ? .any(view.translations.map(\.mustache)) : nil
        case .hasTranslations: return view.translations.count > 1 ? .flag(true) : nil
        case .breadcrumbs: return view.breadcrumbs.isEmpty ? nil : .objects(view.breadcrumbs.map(\.mustache))
        case .hasBreadcrumbs: return view.breadcrumbs.isEmpty ? nil : .flag(true)
        case .children: return view.children.isEmpty ? nil : .objects(view.children)
        case .hasChildren: return view.children.isEmpty ? nil : .flag(true)
        case .siblings: return view.siblings.isEmpty ? nil : .objects(siblings())
        case .hasSiblings: return view.siblings.isEmpty ? nil : .flag(true)
        case .prev: return view.prev.map { .object($0) }
        case .next: return view.next.map { .object($0) }
        case .section: return view.section.map { .object($0.mustache) }
        default: return nil
        }
    }

    /// The section's pages with this one `current`; marked on first use (copying the list for every page
    /// cost more than the rest of its view).
    private func siblings() -> [TemplateObject] {
        if let markedSiblings { return markedSiblings }
        // As `[TemplateObject]`, the list type the template engine knows without a cast.
        var marked: [TemplateObject] = view.siblings
        if marksCurrentSibling, let position = view.siblingPosition { marked[position] = view.siblings[position].markedCurrent() }
        markedSiblings = marked
        return marked
    }
}

/// The UI strings of one language (`t.search`), and the same as JSON for the theme's scripts (`t_json`).
struct UIStrings {
    var values: [String: Any]
    var json: String

    subscript(key: String) -> String? { values[key] as? String }
}

/// `page`: the page itself.
struct PageSummary {
    var title: String
    /// `home`, `section`, `page`, or for generated pages `tags`, `tag`, `overview`; also as the flag `is_KIND`.
    var kind: String
    /// Link to the page from itself, and its path from the site root (`planning/je-week/`).
    var url: String
    var path: String
    /// Content file (`Content/planning/je-week.md`); none for generated pages.
    var source: String?
    var taskCount: Int?
    var isGenerated = false
    var is404 = false
    var description: String?
    var owner: String?
    /// `date`, `updated` (falls back to `date`) and `review_by`, each also as `KEY_long` in words.
    var date: PageDate?
    var updated: PageDate?
    var reviewBy: PageDate?
    var tags: [String] = []
    var tagLinks: [Link] = []
    var feedURL: String?
    var params: [String: Any] = [:]
    var toc: [TOCItem] = []
    /// A page made from a data entry (`pages_from:`): the entry.
    var entry: Any?
    /// Where an editor changes this page in the Git host: `edit_url` of site.yml with the page's file.
    var editURL: String?

    /// The 404 page: only its title and `is_404`.
    static func notFound(title: String) -> PageSummary {
        var summary = PageSummary(title: title, kind: "404", url: "", path: "")
        summary.is404 = true
        return summary
    }

}

/// A date of a page (`page.updated`), and the same in words (`page.updated_long`).
struct PageDate {
    var day: Day
    var long: String
}

/// `page`, read by name (see `PageContext`).
final class PageSummaryContext: TemplateObject, @unchecked Sendable {
    let summary: PageSummary

    init(summary: PageSummary) { self.summary = summary }

    override func value(named name: TemplateName) -> TemplateValue? {
        // `summary.x` reads one field; a local copy of the summary retained all of them on every lookup.
        if summary.is404 {
            if name == .title { return .string(summary.title) }
            return name == .is404 ? .flag(true) : nil
        }
        switch name {
        case .title: return .string(summary.title)
        case .description: return summary.description.map { .string($0) }
        case .url: return .string(summary.url)
        case .path: return .string(summary.path)
        case .hasTOC: return summary.toc.isEmpty ? nil : .flag(true)
        case .toc: return summary.toc.isEmpty ? nil : .objects(summary.toc.map(\.mustache))
        case .date: return summary.date.map { .string($0.day.description) }
        case .dateLong: return summary.date.map { .string($0.long) }
        case .updated: return summary.updated.map { .string($0.day.description) }
        case .updatedLong: return summary.updated.map { .string($0.long) }
        case .reviewBy: return summary.reviewBy.map { .string($0.day.description) }
        case .reviewByLong: return summary.reviewBy.map { .string($0.long) }
        case .owner: return summary.owner.map { .string($0) }
        case .editURL: return summary.editURL.map { .string($0) }
        case .hasTags: return summary.tags.isEmpty ? nil : .flag(true)
        case .tags: return summary.tags.isEmpty ? nil : .any(summary.tags)
        case .tagLinks: return summary.tags.isEmpty ? nil : .objects(summary.tagLinks.map { LinkContext($0, titleName: .name) })
        case .kind: return .string(summary.kind)
        case .source: return summary.source.map { .string($0) }
        case .taskCount: return summary.taskCount.map { .int($0) }
        case .isGenerated: return summary.isGenerated ? .flag(true) : nil
        case .feedURL: return summary.feedURL.map { .string($0) }
        case .params: return summary.params.isEmpty ? nil : .dictionary(summary.params)
        case .entry: return summary.entry.map(TemplateValue.init)
        default:
            // `is_KIND`.
            let text = name.string
            if text.utf8.starts(with: "is_".utf8) { return text.utf8.dropFirst(3).elementsEqual(summary.kind.utf8) ? .flag(true) : nil }
            return nil
        }
    }

}

/// `page.toc`: a level-2 heading with its level-3 headings as `subitems`.
struct TOCItem {
    var id: String
    var text: String
    var subitems: [TOCItem] = []

    /// Read by name, like a list entry.
    var mustache: TemplateObject { TOCItemContext(self) }
}

final class TOCItemContext: TemplateObject, @unchecked Sendable {
    let item: TOCItem

    init(_ item: TOCItem) { self.item = item }

    override func value(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .anchorID: return .string(item.id)
        case .text: return .string(item.text)
        case .hasSubitems: return item.subitems.isEmpty ? nil : .flag(true)
        case .subitems: return item.subitems.isEmpty ? nil : .objects(item.subitems.map(\.mustache))
        default: return nil
        }
    }
}

/// A page in a list (`children`, `siblings`, `prev`, `next`, a tag's pages, the overview's rows).
/// `current` is always present, so templates find it in the entry, not by climbing the context stack.
struct ListEntry {
    var title: String
    var url: String
    var current = false
    var description: String?
    var date: Day?
    var dateLong: String?
    var isSection = false
    /// On the list of tags: how many pages have the tag.
    var count: Int?

    /// The entry as a template reads it: by name, like a page's view (a dictionary made for every entry
    /// was most of the cost of a tag page listing a thousand pages).
    var mustache: TemplateObject { ListEntryContext(self) }

    /// The same values as a dictionary, for a view that adds names of its own (the overview's rows).
    var dictionary: [String: Any] {
        let context = ListEntryContext(self)
        var values = [String: Any](minimumCapacity: ListEntryContext.names.count)
        for name in ListEntryContext.names { values[name.string] = context.value(named: name)?.asAny }
        return values
    }
}

/// A `ListEntry`, read by name.
final class ListEntryContext: TemplateObject, @unchecked Sendable {
    static let names: [TemplateName] = [.title, .url, .current, .description, .date, .dateLong, .isSection, .count]
    let entry: ListEntry
    /// Made once: a section's list is shared by all of its pages.
    private let dateText: String?

    init(_ entry: ListEntry) {
        self.entry = entry
        dateText = entry.date?.description
    }

    /// The same entry marked as the page being shown.
    func markedCurrent() -> ListEntryContext {
        var entry = entry
        entry.current = true
        return ListEntryContext(entry)
    }

    override func value(named name: TemplateName) -> TemplateValue? {
        switch name {
        case .url: return .string(entry.url)
        case .title: return .string(entry.title)
        case .current: return .flag(entry.current)
        case .description: return entry.description.map { .string($0) }
        case .dateLong: return dateText.map { .string(entry.dateLong ?? $0) }
        case .date: return dateText.map { .string($0) }
        case .isSection: return entry.isSection ? .flag(true) : nil
        case .count: return entry.count.map { .int($0) }
        default: return nil
        }
    }
}

/// `menu`: a top-level section in the main menu.
struct MenuItem {
    var title: String
    var url: String
    /// Nil on generated pages that leave the marking out.
    var current: Bool?

    var mustache: [String: Any] {
        var item: [String: Any] = ["title": title, "url": url]
        if let current { item["current"] = current }
        return item
    }
}

/// `breadcrumbs`, `section`, `page.tag_links`: a title and where it goes.
struct Link {
    var title: String
    var url: String

    var mustache: TemplateObject { LinkContext(self, titleName: .title) }
}

/// A `Link`, read by name; `page.tag_links` names its title `name`.
final class LinkContext: TemplateObject, @unchecked Sendable {
    let link: Link
    let titleName: TemplateName

    init(_ link: Link, titleName: TemplateName) {
        self.link = link
        self.titleName = titleName
    }

    override func value(named name: TemplateName) -> TemplateValue? {
        if name == .url { return .string(link.url) }
        return name == titleName ? .string(link.title) : nil
    }
}

/// `translations`: the language switcher, every language of the site.
struct LanguageLink {
    var lang: String
    var name: String
    var url: String
    var current: Bool
    /// The page's own translation (false: that language's home page).
    var isTranslation: Bool

    var mustache: [String: Any] {
        var link: [String: Any] = ["lang": lang, "name": name, "current": current, "url": url]
        if !current { link["is_translation"] = isTranslation }
        return link
    }
}

/// What a component partial (`partials/components/NAME.mustache`) sees.
struct ComponentView {
    /// Unique on the page: `selfcheck`, `selfcheck-2`.
    var id: String
    var name: String
    /// The block's own settings (every key of its YAML body).
    var settings: [String: Any]
    /// The data file it names (`data.groups`), or for `data: [a, b]` a map by name (`data.a`); `json` the same as JSON.
    var data: Any
    var json: String
    var strings: UIStrings
    var root: String
    var lang: String

    var mustache: [String: Any] {
        [
            "id": id, "name": name, "settings": settings, "data": data, "json": json,
            "t": strings.values, "t_json": strings.json, "root": root, "lang": lang,
        ]
    }
}

/// The names the views above answer to, each made once (see `TemplateName`): a lookup compares numbers.
extension TemplateName {
    // A page's view.
    static let page = TemplateName("page")
    static let t = TemplateName("t")
    static let root = TemplateName("root")
    static let cached = TemplateName("cached")
    static let site = TemplateName("site")
    static let lang = TemplateName("lang")
    static let homeURL = TemplateName("home_url")
    static let tJSON = TemplateName("t_json")
    static let menu = TemplateName("menu")
    static let content = TemplateName("content")
    static let translations = TemplateName("translations")
    static let hasTranslations = TemplateName("has_translations")
    static let breadcrumbs = TemplateName("breadcrumbs")
    static let hasBreadcrumbs = TemplateName("has_breadcrumbs")
    static let children = TemplateName("children")
    static let hasChildren = TemplateName("has_children")
    static let siblings = TemplateName("siblings")
    static let hasSiblings = TemplateName("has_siblings")
    static let prev = TemplateName("prev")
    static let next = TemplateName("next")
    static let section = TemplateName("section")
    // `page`.
    static let title = TemplateName("title")
    static let description = TemplateName("description")
    static let url = TemplateName("url")
    static let path = TemplateName("path")
    static let hasTOC = TemplateName("has_toc")
    static let toc = TemplateName("toc")
    static let date = TemplateName("date")
    static let dateLong = TemplateName("date_long")
    static let updated = TemplateName("updated")
    static let updatedLong = TemplateName("updated_long")
    static let reviewBy = TemplateName("review_by")
    static let reviewByLong = TemplateName("review_by_long")
    static let owner = TemplateName("owner")
    static let editURL = TemplateName("edit_url")
    static let hasTags = TemplateName("has_tags")
    static let tags = TemplateName("tags")
    static let tagLinks = TemplateName("tag_links")
    static let kind = TemplateName("kind")
    static let source = TemplateName("source")
    static let taskCount = TemplateName("task_count")
    static let isGenerated = TemplateName("is_generated")
    static let is404 = TemplateName("is_404")
    static let feedURL = TemplateName("feed_url")
    static let params = TemplateName("params")
    static let entry = TemplateName("entry")
    // Table of contents, list entries, links.
    /// `id` (a table of contents item's anchor); not named `id`, which would hide `TemplateName.id`.
    static let anchorID = TemplateName("id")
    static let text = TemplateName("text")
    static let subitems = TemplateName("subitems")
    static let hasSubitems = TemplateName("has_subitems")
    static let current = TemplateName("current")
    static let isSection = TemplateName("is_section")
    static let count = TemplateName("count")
    static let name = TemplateName("name")
}
