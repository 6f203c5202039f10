import ArgumentParser
import Foundation
import MengvormCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder.",
        discussion: """
            The site is built in a staging folder next to the output and swapped in only when the build has \
            no errors: a failed build leaves the previous output as it was. Every problem of the build is \
            reported at once as path:line:column: error: message.

            A rebuild renders only what changed since the last build: the build cache is one file, \
            .mengvorm-cache in the output folder, kept only when it was written by this same mengvorm \
            binary for the same site and options. It is never published, and deleting it is always safe. \
            When no file of the site changed (by name, size and times) and the output is as the last build \
            left it, the build stops there and prints "Up to date" with that build's warnings.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where to write the site (default: Output/ in the site folder). It must be empty or written by an earlier build.",
            valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Include pages with `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors (use this before publishing).")
    var strict = false

    @Flag(
        name: .customLong("no-cache"),
        help: "Build from scratch, ignoring .mengvorm-cache in the output folder (a fresh one is still written for the next build).")
    var noCache = false

    func run() throws {
        var options = BuildOptions(siteRoot: site.siteRoot)
        options.output = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        options.includeDrafts = drafts
        options.strict = strict
        options.cacheFile = noCache ? .write : .use
        options.observer = TerminalObserver(progress: true)
        options.endsProcess = true
        let report = Builder.build(options)
        Terminal.printDiagnostics(report, siteRoot: options.siteRoot)
        let shownOutput = output ?? "Output/"
        if report.succeeded, report.upToDate {
            print(
                "Up to date: \(count(report.pageCount, "page")) and \(count(report.fileCount - report.pageCount, "other file")) in \(shownOutput), nothing changed since the last build (checked in \(report.milliseconds) ms)"
            )
        } else if report.succeeded {
            let unchanged = report.pageCount - report.renderedPageCount
            let reused = unchanged > 0 ? " (\(count(unchanged, "page")) unchanged since the last build)" : ""
            print(
                "Built \(count(report.pageCount, "page")) and \(count(report.fileCount - report.pageCount, "other file")) into \(shownOutput) in \(report.milliseconds) ms\(reused)"
            )
        } else {
            print(
                "Build failed after \(report.milliseconds) ms: \(DiagnosticPrinter.summary(errors: report.errorCount, warnings: report.warningCount)); \(shownOutput) was left as it was"
            )
        }
        try Terminal.exit(with: report)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site as a build would, without writing anything.",
        discussion:
            "Reports malformed front matter and data, unknown layouts, broken links and missing anchors, and warns about pages without an `owner` or `review_by` and pages whose review date has passed or falls within `review_warning_days` (30 by default)."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Include pages with `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        var options = BuildOptions(siteRoot: site.siteRoot)
        options.writesOutput = false
        options.checksGovernance = true
        options.includeDrafts = drafts
        options.strict = strict
        options.observer = TerminalObserver(progress: false)
        let report = Builder.build(options)
        Terminal.printDiagnostics(report, siteRoot: options.siteRoot)
        let found =
            report.diagnostics.isEmpty
            ? "no problems found"
            : DiagnosticPrinter.summary(errors: report.errorCount, warnings: report.warningCount)
        print("Checked \(count(report.pageCount, "page")) in \(report.milliseconds) ms: \(found)")
        try Terminal.exit(with: report)
    }
}

/// "1 page", "2 pages".
func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
