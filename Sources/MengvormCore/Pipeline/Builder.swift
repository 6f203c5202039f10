import Foundation

/// Runs the pipeline. Each stage is a function from the values of the stages before it to one new
/// value, adding what it finds to the build's diagnostics and carrying on, so every problem of a
/// build is reported in one run:
///
///     BuildOptions ─scan→ ScannedSite ─load→ LoadedSite ─assemble→ SiteIndex ─render→ RenderedSite ─check→ [Diagnostic] ─emit→ BuildReport
///
/// After the scan, a `mengvorm build` whose inputs and output are as the last build left them ends
/// there (`UpToDate`).
/// The output folder is prepared before rendering (a refused folder costs nothing), and pages are
/// handed to it as they are rendered, so a 10,000-page build never holds every page's HTML; the
/// new output replaces the old one only at the end, and only when the build has no errors.
public enum Builder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var run = BuildRun(options)
        // `mengvorm build`: a cache for this build alone, filled from the cache file in the output.
        var cacheFile: Result<PersistentCache.File, PersistentCache.Unusable>?
        if options.cacheFile != .none, options.writesOutput, options.cache == nil {
            let cache = BuildCache()
            cache.keepsText = false
            run.options.cache = cache
            cacheFile = options.cacheFile == .use ? PersistentCache.open(in: options.outputFolder, options: options) : nil
            run.finished("open cache file")
        }
        let options = run.options
        guard let scanned = LoadStage.scan(options, &run) else { return run.report(succeeded: false) }
        if let cacheFile, let cache = options.cache {
            var note: String
            switch cacheFile {
            case .success(let file):
                if let report = UpToDate.report(scanned, file: file, options, &run) { return report }
                note = PersistentCache.seed(cache, from: file, in: options.outputFolder, inputs: scanned.fingerprint) ?? "used"
            case .failure(let unusable):
                note = unusable.reason
            }
            // Only in the stage times (MENGVORM_TIMINGS): an ignored file is no problem of the site.
            run.finished("read cache: \(note)")
        } else if options.cacheFile == .write {
            run.finished("read cache: not read (--no-cache)")
        }
        // Files are read from here on (site.yml was read in the scan): the cache file's fingerprint is
        // trusted by their stamps' age at this moment, not at the build's start.
        let readAt = InputFingerprint.wallClockNanoseconds()
        let loaded = LoadStage.load(scanned, options, &run)
        options.cache?.inputs = scanned.fingerprint.readingFrom(readAt)
        let index = AssembleStage.run(loaded, options, &run)
        let output = EmitStage.prepare(options, &run)
        if case .refused = output { return run.report(succeeded: false) }
        let rendered = RenderStage.run(loaded, index, options, into: output.writer, &run)
        CheckStage.run(rendered, options, &run)
        let report = EmitStage.finish(rendered, into: output, options, &run)
        if options.endsProcess { keptUntilExit.append((loaded, rendered, run)) }
        return report
    }
}

/// What a build that ends its process leaves to the process's end (see `BuildOptions.endsProcess`).
/// Written by one build at a time, from the thread that runs it.
nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var siteRoot: URL
    /// Where the site is written; `Output/` in the site root when nil.
    public var output: URL?
    public var includeDrafts = false
    /// Warnings count as errors.
    public var strict = false
    /// `check`: everything but writing.
    public var writesOutput = true
    /// The date scheduled pages and review dates are compared with.
    public var today = Day.today
    /// Warn about pages without owner and about reviews that are due (`mengvorm check`).
    public var checksGovernance = false
    /// Told about progress and stage times; the core itself never writes to the terminal.
    public var observer: (any BuildObserver)?
    /// Results of earlier builds in this process (`mengvorm serve`); see `BuildCache`.
    public var cache: BuildCache?
    /// Absolute paths of the files that changed in place since the previous build with `cache`, when
    /// a watcher knows them (nothing added, removed or renamed); nil makes the build look at every file.
    public var changedPaths: Set<String>?
    /// The build cache file in the output folder (`.mengvorm-cache`, see `PersistentCache`).
    public var cacheFile = CacheFileUse.none
    /// Stands for the running binary in the cache file's header (tests use it to be "a newer binary").
    public var cacheIdentity: String?
    /// The process ends after this build (`mengvorm build`): the pages, index and cache are left for
    /// its end instead of being freed one by one (at 10,000 pages that took 45 ms on the main thread).
    public var endsProcess = false

    public enum CacheFileUse: Sendable {
        /// Neither read nor written (`serve`, `check`, and the tests unless they ask).
        case none
        /// Written for the next build, but this one builds from scratch (`build --no-cache`).
        case write
        /// Read, and written again (`mengvorm build`).
        case use
    }

    public init(siteRoot: URL) { self.siteRoot = siteRoot }

    public var outputFolder: URL { output ?? siteRoot.appendingPathComponent("Output") }
    var contentRoot: URL { siteRoot.appendingPathComponent("Content") }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Sorted, de-duplicated; under `--strict` warnings are already errors.
    public var diagnostics: [Diagnostic]
    public var pageCount = 0
    /// Pages rendered by this build; the others were unchanged and reused from the cache.
    public var renderedPageCount = 0
    /// Nothing changed since the last build, whose output is still as it left it: nothing was read
    /// beyond the file list, nothing written (see `UpToDate`).
    public var upToDate = false
    public var fileCount = 0
    public var milliseconds = 0
    /// The new output is in place (or, for `check`, nothing was wrong).
    public var succeeded: Bool

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// The process's exit status for this build: 0 when it succeeded, 1 for content errors (and for
    /// warnings under `--strict`). Usage errors exit with 2 before a build starts.
    public var exitStatus: Int32 { succeeded ? 0 : 1 }
}

/// Told what a running build is doing, for a progress line or a profile. Called from render threads.
public protocol BuildObserver: Sendable {
    /// A stage ended after `milliseconds`.
    func stageFinished(_ stage: String, milliseconds: Double)
    /// `done` of `total` pages are rendered.
    func rendered(_ done: Int, of total: Int)
    /// Rendering is over (erase a progress line).
    func renderingFinished()
}

/// The state one build carries from stage to stage: its diagnostics and its clock.
struct BuildRun {
    var options: BuildOptions
    var diagnostics = Diagnostics()
    private let started = DispatchTime.now()
    private var lap = DispatchTime.now()

    init(_ options: BuildOptions) { self.options = options }

    /// Tells the observer that `stage` is done.
    mutating func finished(_ stage: String) {
        let now = DispatchTime.now()
        options.observer?.stageFinished(stage, milliseconds: Double(now.uptimeNanoseconds - lap.uptimeNanoseconds) / 1_000_000)
        lap = now
    }

    /// Whether the output may replace the previous one: no errors, and no warnings under `--strict`.
    var failed: Bool { diagnostics.hasErrors || (options.strict && !diagnostics.all.isEmpty) }

    func report(succeeded: Bool, pages: Int = 0, rendered: Int = 0, files: Int = 0) -> BuildReport {
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        return BuildReport(
            diagnostics: diagnostics.sorted(strict: options.strict), pageCount: pages, renderedPageCount: rendered,
            fileCount: files, milliseconds: elapsed, succeeded: succeeded)
    }
}
