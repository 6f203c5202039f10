/// Content that never silently goes stale: who owns each page, when it is due for review, and until
/// when its yearly figures hold. Warnings of `mengvorm check`, at the line to change.
public enum Governance {
    public enum Status: String, Sendable {
        case current, dueSoon = "due-soon", overdue, missing
    }

    public static func status(of meta: PageMeta, today: Day, warningDays: Int) -> (Status, Int?) {
        guard let reviewBy = meta.reviewBy else { return (.missing, nil) }
        let days = reviewBy.ordinal - today.ordinal
        if days < 0 { return (.overdue, days) }
        if days <= warningDays { return (.dueSoon, days) }
        return (.current, days)
    }

    static func check(_ index: SiteIndex, today: Day, config: SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in index.pages where !page.isImplicit {
            let meta = page.meta
            // A missing key is reported at the opening `---`, where the front matter starts.
            let start = SourceLocation(path: page.displayPath, line: 1, column: 1)
            let reviewLine = SourceLocation(path: page.displayPath, line: meta.lines.reviewBy, column: 1)
            if meta.owner?.isEmpty ?? true {
                diagnostics.append(.warning("no `owner`: add who keeps this page current, such as `owner: Team HR Beleid`", at: start))
            }
            switch status(of: meta, today: today, warningDays: config.reviewWarningDays) {
            case (.missing, _):
                diagnostics.append(
                    .warning(
                        "no `review_by`: add the date by which this page must be checked, such as `review_by: \(today.adding(days: 180))`",
                        at: start))
            case (.overdue, let days?):
                diagnostics.append(
                    .warning(
                        "the review date \(meta.reviewBy!) passed \(-days) days ago: check the page and set a new `review_by`",
                        at: reviewLine))
            case (.dueSoon, let days?):
                diagnostics.append(
                    .warning("the review date \(meta.reviewBy!) is in \(days) days: plan the check of this page", at: reviewLine))
            default:
                break
            }
            if let validUntil = meta.validUntil {
                let days = validUntil.ordinal - today.ordinal
                let at = SourceLocation(path: page.displayPath, line: meta.lines.validUntil, column: 1)
                if days < 0 {
                    diagnostics.append(
                        .warning(
                            "the figures on this page held until \(validUntil) (`valid_until`), \(-days) days ago: update them for this year and set a new `valid_until`",
                            at: at))
                } else if days <= config.validityWarningDays {
                    diagnostics.append(
                        .warning(
                            "the figures on this page hold until \(validUntil) (`valid_until`), in \(days) days: prepare the new amounts and set a new `valid_until`",
                            at: at))
                }
            }
        }
        return diagnostics
    }
}
