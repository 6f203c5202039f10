/// `beheer/index.html` when `review_overview: true`: every page with its owner, last update and review
/// status, most urgent first, for HR. Not linked from menus and not in the search index.
struct ReviewOverview: SiteOutput {
    static let folder = "beheer"
    var reservedFolders: [String] { [Self.folder] }

    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var result = OutputResult()
        guard site.config.reviewOverview, site.templates.layouts.contains("overview") else { return result }
        let view = Self.view(index: site.index, views: site.views, config: site.config, today: site.today)
        result.write(site.templates.render(view, layout: "overview"), to: Self.folder + "/index.html", with: writer)
        return result
    }

    private static func view(index: SiteIndex, views: ViewBuilder, config: SiteConfig, today: Day) -> [String: Any] {
        let strings = views.stringsByLanguage[config.language] ?? [:]
        var view = views.generatedView(url: Self.folder + "/", title: (strings["overview_title"] as? String) ?? "Overzicht voor beheer", kind: "overview")
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
