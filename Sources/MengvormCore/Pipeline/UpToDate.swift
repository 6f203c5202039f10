import Foundation

/// The end of a `mengvorm build` in which nothing changed. When the inputs' fingerprint is the one in
/// the output's cache file, the build that wrote that output read the same settings, theme, files and
/// Git dates with the same binary and options, so it wrote what this build would write; when the
/// output is also still as it left it, there is nothing to do. The build ends before a template or page
/// is read, and reports what that build reported (its warnings too). Anything else, and the rebuild
/// goes on as usual, with the cache file's pages and render results.
enum UpToDate {
    static func report(_ scanned: ScannedSite, file: PersistentCache.File, _ options: BuildOptions, _ run: inout BuildRun)
        -> BuildReport?
    {
        let summary = file.summary
        defer { run.finished("up to date?") }
        guard summary.inputs == scanned.fingerprint.value, scanned.fingerprint.trusted,
            case .success(let folder) = OutputFolder.prepare(output: options.outputFolder, siteRoot: options.siteRoot),
            folder.isAsLeft(manifestHash: summary.manifestHash)
        else { return nil }
        // As every build does: what killed builds left beside the output goes.
        folder.removeStaleStagingFolders()
        // The same inputs give the same messages: those of the scan so far are among them.
        run.diagnostics = Diagnostics(summary.diagnostics)
        var report = run.report(succeeded: !run.failed, pages: summary.pageCount, files: summary.fileCount)
        report.upToDate = true
        return report
    }
}
