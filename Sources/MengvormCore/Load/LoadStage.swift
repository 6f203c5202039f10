import Foundation

/// The first half of the load stage: what the site is made of, by name and stamp, before a page or
/// template is read. Enough to tell whether anything changed since the last build (`InputFingerprint`).
struct ScannedSite {
    let config: SiteConfig
    /// site.yml's stamp (nil when there is none), taken before it was read.
    let configStamp: FileStamp?
    /// Every file of the theme's folder and of Overrides/, by path from the site folder, taken before any was read.
    let themeStamps: [(path: String, stamp: FileStamp)]
    let files: [SourceFile]
    /// Content path → day of its last commit (empty outside a Git repository).
    let gitDays: [String: Day]
    let fingerprint: InputFingerprint
    let contentRoot: URL
}

/// The output of the load stage: the settings, the theme, every file under Content/, the data files
/// and the pages with their front matter checked.
struct LoadedSite {
    let scanned: ScannedSite
    let templates: TemplateSet
    let data: DataFiles
    let pages: [LoadedPage]

    var config: SiteConfig { scanned.config }
    var files: [SourceFile] { scanned.files }
    var contentRoot: URL { scanned.contentRoot }
}

enum LoadStage {
    /// Settings, file list and stamps. nil when there is no Content/ folder at all (nothing else can be said then).
    static func scan(_ options: BuildOptions, _ run: inout BuildRun) -> ScannedSite? {
        let root = options.siteRoot
        let contentRoot = options.contentRoot
        guard FileManager.default.fileExists(atPath: contentRoot.path) else {
            run.diagnostics.error("there is no Content/ folder in \(root.path); run mengvorm in the site folder or pass --source", at: nil)
            return nil
        }
        // Every stamp is taken before its file is read, so a change during this build shows in the next one.
        let startedAt = InputFingerprint.wallClockNanoseconds()
        // `updated` from Git for pages that do not set it: one `git log` for the whole tree, running
        // while the tree is walked.
        let gitDates = options.cache?.gitDates(siteRoot: root) ?? GitDates.start(siteRoot: root)
        let configStamp = FileStamp.of(root.path + "/" + SiteConfig.fileName)
        let config = SiteConfig.load(siteRoot: root, diagnostics: &run.diagnostics)
        let themeStamps = TemplateSet.stamps(siteRoot: root, theme: config.theme)
        let files =
            options.cache?.scan(
                contentRoot: contentRoot, translations: config.otherLanguages, changed: options.changedPaths,
                diagnostics: &run.diagnostics)
            ?? ContentScanner.scan(contentRoot: contentRoot, translations: config.otherLanguages, diagnostics: &run.diagnostics)
        let gitDays = gitDates.days()
        let fingerprint = InputFingerprint(
            startedAt: startedAt, configStamp: configStamp, themeStamps: themeStamps, files: files, gitDays: gitDays)
        run.finished("config, scan, git dates")
        return ScannedSite(
            config: config, configStamp: configStamp, themeStamps: themeStamps, files: files, gitDays: gitDays,
            fingerprint: fingerprint, contentRoot: contentRoot)
    }

    /// The theme, the data files and the pages.
    static func load(_ scanned: ScannedSite, _ options: BuildOptions, _ run: inout BuildRun) -> LoadedSite {
        let contentRoot = scanned.contentRoot
        // The theme and the data files are read beside the pages, which need neither (the default theme's
        // templates and i18n files took 15 ms of a 10,000-page build on one thread, the other one idle).
        let themeAndData = Background { [siteRoot = options.siteRoot] in
            var diagnostics = Diagnostics()
            let templates = TemplateSet.load(siteRoot: siteRoot, config: scanned.config, diagnostics: &diagnostics)
            let data = DataFiles.load(scanned.files, contentRoot: contentRoot, diagnostics: &diagnostics)
            return (templates, data, diagnostics)
        }
        let markdownFiles = scanned.files.filter { [.home, .section, .page].contains($0.kind) }
        let results =
            options.cache?.load(markdownFiles, contentRoot: contentRoot)
            ?? parallelMap(markdownFiles.count) { [root = contentRoot.path] in PageLoader.load(markdownFiles[$0], contentRoot: root) }
        let (templates, data, themeDiagnostics) = themeAndData.wait()
        run.diagnostics.add(contentsOf: themeDiagnostics.all)
        var pages: [LoadedPage] = []
        for result in results {
            run.diagnostics.add(contentsOf: result.diagnostics)
            if let page = result.page { pages.append(page) }
        }
        let fromData = DataPages.expand(pages, data: data)
        pages = fromData.pages
        run.diagnostics.add(contentsOf: fromData.diagnostics)
        if !scanned.gitDays.isEmpty {
            for position in pages.indices where pages[position].meta.updated == nil {
                let shown = pages[position].source.displayPath
                let path = shown.hasPrefix("Content/") ? String(shown.dropFirst("Content/".count)) : pages[position].source.contentPath
                if let day = scanned.gitDays[path] { pages[position] = pages[position].updated(day) }
            }
        }
        run.finished("load")
        return LoadedSite(scanned: scanned, templates: templates, data: data, pages: pages)
    }
}
