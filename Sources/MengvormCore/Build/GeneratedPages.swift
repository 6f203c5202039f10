import Foundation
import Markdown

/// Pages the build makes from the whole site rather than from one Markdown file:
/// tag lists, the search index (see `SearchIndex`) and the review overview for HR.
enum GeneratedPages {
    static let tagsFolder = "tags"
    static let overviewFolder = "beheer"
    static let searchIndexFile = SearchIndex.file

    static func tagURL(_ tag: String) -> String {
        let slug = HeadingID.slug(tag)
        return tagsFolder + "/" + (slug.isEmpty ? "tag" : slug) + "/"
    }

    /// Writes every generated file through `writer`; returns how many.
    static func write(index: SiteIndex, rendered: [RenderedPage], views: ViewBuilder, templates: TemplateSet,
                      config: SiteConfig, today: Day, to writer: OutputWriter) -> Int {
        var count = 0
        if config.tagPages { count += writeTags(index: index, views: views, templates: templates, to: writer) }
        if config.searchIndex { count += SearchIndex.write(index: index, rendered: rendered, views: views, templates: templates, config: config, to: writer) }
        if config.reviewOverview, templates.layouts.contains("overview") {
            let view = overviewView(index: index, views: views, config: config, today: today)
            if writer.write(templates.render(view, layout: "overview"), to: overviewFolder + "/index.html") { count += 1 }
        }
        return count
    }

    // MARK: Tags

    private static func writeTags(index: SiteIndex, views: ViewBuilder, templates: TemplateSet, to writer: OutputWriter) -> Int {
        // Tags that differ only in case or accents are one tag, named as first written.
        var pagesByTag: [String: [Int]] = [:]
        var nameBySlug: [String: String] = [:]
        for page in index.pages where !page.meta.hidden {
            for tag in page.meta.tags {
                let name = nameBySlug[tagURL(tag), default: tag]
                nameBySlug[tagURL(tag)] = name
                if pagesByTag[name]?.last != page.index { pagesByTag[name, default: []].append(page.index) }
            }
        }
        guard !pagesByTag.isEmpty else { return 0 }
        let layout = templates.layouts.contains("tags") ? "tags" : "section"
        let tags = pagesByTag.keys.sorted { SortKey.title($0) < SortKey.title($1) }
        let title = (views.stringsByLanguage[views.config.language]?["tags"] as? String) ?? "Tags"
        var all = views.generatedView(url: tagsFolder + "/", title: title, kind: "tags")
        all["children"] = tags.map { tag -> [String: Any] in
            ["title": tag, "url": String(tagURL(tag).dropFirst(tagsFolder.count + 1)) + (views.config.linkStyle == .files ? "index.html" : ""),
             "count": pagesByTag[tag]!.count, "current": false]
        }
        all["has_children"] = true
        var count = writer.write(templates.render(all, layout: layout), to: tagsFolder + "/index.html") ? 1 : 0
        for tag in tags {
            let url = tagURL(tag)
            var view = views.generatedView(url: url, title: tag, kind: "tag")
            let pages = pagesByTag[tag]!.sorted { SortKey.title(index.pages[$0].meta.title) < SortKey.title(index.pages[$1].meta.title) }
            view["children"] = pages.map { views.entry(for: $0, depth: 2) }
            view["has_children"] = true
            view["breadcrumbs"] = [["title": title, "url": views.links.href(toURL: tagsFolder + "/", depth: 2)]]
            view["has_breadcrumbs"] = true
            if writer.write(templates.render(view, layout: layout), to: url + "index.html") { count += 1 }
        }
        return count
    }

    // MARK: Review overview

    private static func overviewView(index: SiteIndex, views: ViewBuilder, config: SiteConfig, today: Day) -> [String: Any] {
        let strings = views.stringsByLanguage[config.language] ?? [:]
        var view = views.generatedView(url: overviewFolder + "/", title: (strings["overview_title"] as? String) ?? "Overzicht voor beheer", kind: "overview")
        var rows: [[String: Any]] = []
        var counts: [Governance.Status: Int] = [:]
        for page in index.pages where !page.isImplicit {
            let (status, days) = Governance.status(of: page.meta, today: today, warningDays: config.reviewWarningDays)
            counts[status, default: 0] += 1
            var row = views.entry(for: page.index, depth: 1)
            row["source"] = page.displayPath
            row["owner"] = page.meta.owner ?? ""
            row["has_owner"] = !(page.meta.owner ?? "").isEmpty
            if let updated = page.meta.updated ?? page.meta.date { row["updated"] = updated.description }
            if let reviewBy = page.meta.reviewBy { row["review_by"] = reviewBy.description }
            row["status"] = status.rawValue
            row["status_label"] = (strings["review_status_\(status.rawValue.replacingOccurrences(of: "-", with: "_"))"] as? String) ?? status.rawValue
            row["days_left"] = days.map(String.init) ?? ""
            rows.append(row)
        }
        // Most urgent first: overdue, due soon, missing, then by date.
        let order: [String: Int] = ["overdue": 0, "due-soon": 1, "missing": 2, "current": 3]
        rows.sort { a, b in
            let x = order[a["status"] as! String]!, y = order[b["status"] as! String]!
            if x != y { return x < y }
            return (a["review_by"] as? String ?? "") < (b["review_by"] as? String ?? "")
        }
        view["rows"] = rows
        view["today"] = today.description
        view["count_overdue"] = counts[.overdue] ?? 0
        view["count_due_soon"] = counts[.dueSoon] ?? 0
        view["count_missing"] = counts[.missing] ?? 0
        view["count_current"] = counts[.current] ?? 0
        return view
    }
}
