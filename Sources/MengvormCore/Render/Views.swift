/// The theme contract: every value a template may use, as typed views. Each view turns into the plain
/// dictionaries the template engine reads with concrete casts (Sources/Templates) in its `mustache`
/// property, the one place where a template name is given to a value. `Themes/README.md` lists every
/// name with its meaning; keep the two together.
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
    var children: [[String: Any]] = []
    var siblings: [[String: Any]] = []
    var prev: [String: Any]?
    var next: [String: Any]?
    var section: Link?
    /// Values only some generated pages have (the review overview's rows and counts).
    var extra: [String: Any] = [:]

    var mustache: [String: Any] {
        // Sized for every key at once (and `cached`, added later): growing a dictionary rehashes it.
        var view = [String: Any](minimumCapacity: 20 + extra.count)
        view["site"] = site
        view["lang"] = lang
        view["root"] = root
        view["home_url"] = homeURL
        view["t"] = strings.values
        view["t_json"] = strings.json
        view["page"] = page.mustache
        view["menu"] = menu
        if let content { view["content"] = content }
        if translations.count > 1 {
            view["translations"] = translations.map(\.mustache)
            view["has_translations"] = true
        }
        if !breadcrumbs.isEmpty {
            view["breadcrumbs"] = breadcrumbs.map(\.mustache)
            view["has_breadcrumbs"] = true
        }
        if !children.isEmpty {
            view["children"] = children
            view["has_children"] = true
        }
        if !siblings.isEmpty {
            view["siblings"] = siblings
            view["has_siblings"] = true
        }
        if let prev { view["prev"] = prev }
        if let next { view["next"] = next }
        if let section { view["section"] = section.mustache }
        for (key, value) in extra { view[key] = value }
        return view
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
    var dates: [(key: String, day: Day, long: String)] = []
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

    var mustache: [String: Any] {
        if is404 { return ["title": title, "is_404": true] }
        var summary = [String: Any](minimumCapacity: 24 + 2 * dates.count)
        summary["title"] = title
        summary["kind"] = kind
        summary["is_\(kind)"] = true
        summary["url"] = url
        summary["path"] = path
        if let source { summary["source"] = source }
        if let taskCount { summary["task_count"] = taskCount }
        if isGenerated { summary["is_generated"] = true }
        if let description { summary["description"] = description }
        if let owner { summary["owner"] = owner }
        for (key, day, long) in dates {
            summary[key] = day.description
            summary[key + "_long"] = long
        }
        if !tags.isEmpty {
            summary["tags"] = tags
            summary["has_tags"] = true
            summary["tag_links"] = tagLinks.map { ["name": $0.title, "url": $0.url] }
        }
        if let feedURL { summary["feed_url"] = feedURL }
        if !params.isEmpty { summary["params"] = params }
        if let entry { summary["entry"] = entry }
        if let editURL { summary["edit_url"] = editURL }
        if !toc.isEmpty {
            summary["toc"] = toc.map(\.mustache)
            summary["has_toc"] = true
        }
        return summary
    }
}

/// `page.toc`: a level-2 heading with its level-3 headings as `subitems`.
struct TOCItem {
    var id: String
    var text: String
    var subitems: [TOCItem] = []

    var mustache: [String: Any] {
        var item: [String: Any] = ["id": id, "text": text]
        if !subitems.isEmpty {
            item["subitems"] = subitems.map(\.mustache)
            item["has_subitems"] = true
        }
        return item
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

    var mustache: [String: Any] {
        var entry = [String: Any](minimumCapacity: 8)
        entry["title"] = title
        entry["url"] = url
        entry["current"] = current
        if let description { entry["description"] = description }
        if let date {
            entry["date"] = date.description
            entry["date_long"] = dateLong ?? date.description
        }
        if isSection { entry["is_section"] = true }
        if let count { entry["count"] = count }
        return entry
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

    var mustache: [String: Any] { ["title": title, "url": url] }
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
