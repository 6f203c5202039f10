/// `beheer/index.html` when `review_overview: true`: every page with its owner, last update and review
/// status, most urgent first, for HR. Not linked from menus and not in the search index.
struct ReviewOverview: SiteOutput {
    static let folder = "beheer"
    var reservedFolders: [String] { [Self.folder] }

    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var result = OutputResult()
        guard site.config.reviewOverview, site.templates.layouts.contains("overview") else { return result }
        let view = Self.view(index: site.index, views: site.views, config: site.config, today: site.today)
        result.write(
            site.templates.render(site.views.context(forGenerated: view), layout: "overview"), to: Self.folder + "/index.html",
            with: writer)
        return result
    }

    private static func view(index: SiteIndex, views: ViewBuilder, config: SiteConfig, today: Day) -> PageView {
        let strings = views.strings(language: config.language)
        var view = views.generatedView(
            url: Self.folder + "/", title: strings["overview_title"] ?? "Overzicht voor beheer", kind: "overview")
        var rows: [OverviewRow] = []
        var counts: [Governance.Status: Int] = [:]
        for page in index.pages where !page.isImplicit {
            let (status, days) = Governance.status(of: page.meta, today: today, warningDays: config.reviewWarningDays)
            counts[status, default: 0] += 1
            rows.append(
                OverviewRow(
                    entry: views.entry(for: page.index, depth: 1), source: page.displayPath, owner: page.meta.owner ?? "",
                    updated: page.meta.updated ?? page.meta.date, reviewBy: page.meta.reviewBy, status: status,
                    statusLabel: strings["review_status_\(status.rawValue.replacingOccurrences(of: "-", with: "_"))"] ?? status.rawValue,
                    daysLeft: days))
        }
        // Most urgent first: overdue, due soon, missing, then by date.
        let order: [Governance.Status: Int] = [.overdue: 0, .dueSoon: 1, .missing: 2, .current: 3]
        rows.sort { a, b in
            if a.status != b.status { return order[a.status]! < order[b.status]! }
            return (a.reviewBy?.description ?? "") < (b.reviewBy?.description ?? "")
        }
        view.extra = [
            "rows": rows.map(\.mustache), "today": today.description,
            "count_overdue": counts[.overdue] ?? 0, "count_due_soon": counts[.dueSoon] ?? 0,
            "count_missing": counts[.missing] ?? 0, "count_current": counts[.current] ?? 0,
        ]
        return view
    }
}

/// `rows` of the review overview: a page with its owner and review status.
struct OverviewRow {
    var entry: ListEntry
    var source: String
    var owner: String
    var updated: Day?
    var reviewBy: Day?
    var status: Governance.Status
    var statusLabel: String
    var daysLeft: Int?

    var mustache: [String: Any] {
        var row = entry.dictionary
        row["source"] = source
        row["owner"] = owner
        row["has_owner"] = !owner.isEmpty
        if let updated { row["updated"] = updated.description }
        if let reviewBy { row["review_by"] = reviewBy.description }
        row["status"] = status.rawValue
        row["status_label"] = statusLabel
        row["days_left"] = daysLeft.map(String.init) ?? ""
        return row
    }
}
