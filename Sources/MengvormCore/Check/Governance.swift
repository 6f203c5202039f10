/// Content that never silently goes stale: who owns each page and when it is due for review.
public enum Governance {
    public enum Status: String, Sendable {
        case current, dueSoon = "due-soon", overdue, missing
    }

    public struct Entry: Sendable {
        public var page: Int
        public var status: Status
        /// Days until `review_by` (negative when it has passed).
        public var daysLeft: Int?
    }

    public static func status(of meta: PageMeta, today: Day, warningDays: Int) -> (Status, Int?) {
        guard let reviewBy = meta.reviewBy else { return (.missing, nil) }
        let days = reviewBy.ordinal - today.ordinal
        if days < 0 { return (.overdue, days) }
        if days <= warningDays { return (.dueSoon, days) }
        return (.current, days)
    }

    /// Warnings for `mengvorm check`: overdue and nearly due reviews, pages without an owner or review date.
    static func check(_ index: SiteIndex, today: Day, warningDays: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in index.pages where !page.isImplicit {
            let start = SourceLocation(path: page.displayPath, line: 2, column: 1)
            if page.meta.owner?.isEmpty ?? true {
                diagnostics.append(.warning("no `owner`: add who keeps this page current, such as `owner: Team HR Beleid`", at: start))
            }
            switch status(of: page.meta, today: today, warningDays: warningDays) {
            case (.missing, _):
                diagnostics.append(.warning("no `review_by`: add the date by which this page must be checked, such as `review_by: \(today.adding(days: 180))`", at: start))
            case (.overdue, let days?):
                diagnostics.append(.warning("the review date \(page.meta.reviewBy!) passed \(-days) days ago: check the page and set a new `review_by`", at: start))
            case (.dueSoon, let days?):
                diagnostics.append(.warning("the review date \(page.meta.reviewBy!) is in \(days) days: plan the check of this page", at: start))
            default:
                break
            }
        }
        return diagnostics
    }
}
