import Foundation

/// The output of the load stage: the settings, the theme, every file under Content/, the data files
/// and the pages with their front matter checked.
struct LoadedSite {
    let config: SiteConfig
    let templates: TemplateSet
    let files: [SourceFile]
    let data: DataFiles
    let pages: [LoadedPage]
    let contentRoot: URL
}

enum LoadStage {
    /// nil when there is no Content/ folder at all (nothing else can be said then).
    static func run(_ options: BuildOptions, _ run: inout BuildRun) -> LoadedSite? {
        let root = options.siteRoot
        let contentRoot = options.contentRoot
        guard FileManager.default.fileExists(atPath: contentRoot.path) else {
            run.diagnostics.error("there is no Content/ folder in \(root.path); run mengvorm in the site folder or pass --source", at: nil)
            return nil
        }
        let config = SiteConfig.load(siteRoot: root, diagnostics: &run.diagnostics)
        let templates = TemplateSet.load(siteRoot: root, config: config, diagnostics: &run.diagnostics)
        let files =
            options.cache?.scan(
                contentRoot: contentRoot, translations: config.otherLanguages, changed: options.changedPaths,
                diagnostics: &run.diagnostics)
            ?? ContentScanner.scan(contentRoot: contentRoot, translations: config.otherLanguages, diagnostics: &run.diagnostics)
        let data = DataFiles.load(files, contentRoot: contentRoot, diagnostics: &run.diagnostics)
        run.finished("config, theme, scan, data")
        let markdownFiles = files.filter { [.home, .section, .page].contains($0.kind) }
        let results =
            options.cache?.load(markdownFiles, contentRoot: contentRoot)
            ?? parallelMap(markdownFiles.count) { PageLoader.load(markdownFiles[$0], contentRoot: contentRoot) }
        var pages: [LoadedPage] = []
        for result in results {
            run.diagnostics.add(contentsOf: result.diagnostics)
            if let page = result.page { pages.append(page) }
        }
        let fromData = DataPages.expand(pages, data: data)
        pages = fromData.pages
        run.diagnostics.add(contentsOf: fromData.diagnostics)
        run.finished("load")
        // `updated` from Git for pages that do not set it: one `git log` for the whole tree.
        let changed = options.cache?.gitDates(siteRoot: root) ?? GitDates.lastChanged(siteRoot: root)
        if !changed.isEmpty {
            for position in pages.indices where pages[position].meta.updated == nil {
                let shown = pages[position].source.displayPath
                let path = shown.hasPrefix("Content/") ? String(shown.dropFirst("Content/".count)) : pages[position].source.contentPath
                if let day = changed[path] { pages[position] = pages[position].updated(day) }
            }
        }
        run.finished("git dates")
        return LoadedSite(config: config, templates: templates, files: files, data: data, pages: pages, contentRoot: contentRoot)
    }
}
