import Foundation
import Markdown

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
    /// Draw a progress line on a terminal during long builds.
    public var showsProgress = false
    /// Results of earlier builds in this process (`mengvorm serve`); see `BuildCache`.
    public var cache: BuildCache?
    /// Absolute paths of the files that changed in place since the previous build with `cache`, when
    /// a watcher knows them (nothing added, removed or renamed); nil makes the build look at every file.
    public var changedPaths: Set<String>?

    public init(siteRoot: URL) { self.siteRoot = siteRoot }

    public var outputFolder: URL { output ?? siteRoot.appendingPathComponent("Output") }
}

/// What a build did.
public struct BuildReport: Sendable {
    /// Sorted, de-duplicated; under `--strict` warnings are already errors.
    public var diagnostics: [Diagnostic]
    public var pageCount = 0
    /// Pages rendered by this build; the others were unchanged and reused from the cache.
    public var renderedPageCount = 0
    public var fileCount = 0
    public var milliseconds = 0
    /// The new output is in place (or, for `check`, nothing was wrong).
    public var succeeded: Bool
    /// Per-page results kept for later stages such as search and governance.
    public var site: SiteIndex?

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Runs the pipeline: load config → scan → load pages and data → assemble the index
/// → render (Markdown, components, layouts) in parallel → check anchors → write and swap.
public enum Builder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        let started = DispatchTime.now()
        var diagnostics = Diagnostics()
        let root = options.siteRoot
        let contentRoot = root.appendingPathComponent("Content")

        guard FileManager.default.fileExists(atPath: contentRoot.path) else {
            diagnostics.error("there is no Content/ folder in \(root.path); run mengvorm in the site folder or pass --source",
                              at: nil)
            return BuildReport(diagnostics: diagnostics.sorted(), succeeded: false)
        }

        let clock = StageClock()
        // Load
        let config = SiteConfig.load(siteRoot: root, diagnostics: &diagnostics)
        let templates = TemplateSet.load(siteRoot: root, config: config, diagnostics: &diagnostics)
        let files = options.cache?.scan(contentRoot: contentRoot, translations: config.otherLanguages, changed: options.changedPaths,
                                        diagnostics: &diagnostics)
            ?? ContentScanner.scan(contentRoot: contentRoot, translations: config.otherLanguages, diagnostics: &diagnostics)
        let data = DataFiles.load(files, contentRoot: contentRoot, diagnostics: &diagnostics)
        if config.searchIndex { diagnostics.add(contentsOf: SearchIndex.check(data, config: config)) }
        clock.lap("config, theme, scan, data")
        let markdownFiles = files.filter { [.home, .section, .page].contains($0.kind) }
        let loadResults = options.cache?.load(markdownFiles, contentRoot: contentRoot)
            ?? parallelMap(markdownFiles.count) { PageLoader.load(markdownFiles[$0], contentRoot: contentRoot) }
        var loaded: [LoadedPage] = []
        for result in loadResults {
            diagnostics.add(contentsOf: result.diagnostics)
            if let page = result.page { loaded.append(page) }
        }

        clock.lap("load")
        // Assemble
        var indexOptions = SiteIndex.Options()
        indexOptions.includeDrafts = options.includeDrafts
        indexOptions.today = options.today
        indexOptions.languages = config.languages
        let siteKey = options.cache.map { _ in BuildCache.siteKey(options: options, theme: config.theme, files: files, loaded: loaded) } ?? 0
        let index: SiteIndex
        if let reused = options.cache?.index(for: siteKey, loaded: loaded) {
            index = reused.index
            diagnostics.add(contentsOf: reused.diagnostics)
        } else {
            var found = Diagnostics()
            index = assemble(loaded: loaded, files: files, options: indexOptions, diagnostics: &found)
            options.cache?.store(index: index, key: siteKey, diagnostics: found.all)
            diagnostics.add(contentsOf: found.all)
        }

        if options.checksGovernance {
            diagnostics.add(contentsOf: Governance.check(index, today: options.today, warningDays: config.reviewWarningDays))
        }

        clock.lap("assemble")
        // Prepare the output before rendering, so a refused folder costs nothing.
        var output: OutputFolder?
        var writer: OutputWriter?
        if options.writesOutput {
            switch OutputFolder.prepare(output: options.outputFolder, siteRoot: root) {
            case .failure(.message(let message)):
                diagnostics.error(message, at: nil)
                return finish(diagnostics, options: options, started: started, succeeded: false)
            case .success(let folder):
                guard let started = folder.begin(known: options.cache?.outputManifest(at: folder.final)) else {
                    diagnostics.error("cannot create the staging folder \(folder.staging.path)", at: nil)
                    return finish(diagnostics, options: options, started: DispatchTime.now(), succeeded: false)
                }
                output = folder
                writer = started
            }
        }

        clock.lap("prepare output")
        // Render and write
        let links = LinkResolver(index: index, linkStyle: config.linkStyle)
        let views = ViewBuilder(index: index, config: config, links: links, data: data, templates: templates)
        let renderer = PageRenderer(index: index, config: config, templates: templates, data: data, links: links, views: views)
        let (rendered, renderedCount) = renderPages(index: index, renderer: renderer, writer: writer, cache: options.cache,
                                                    showsProgress: options.showsProgress)
        for result in rendered { diagnostics.add(contentsOf: result.diagnostics) }
        // Page references in data files are checked even when no page uses the file yet.
        if let home = index.home {
            let collector = Collector()
            for file in data.files.values { _ = renderer.resolveDataLinks(file.root, dataPath: file.displayPath, from: home, into: collector) }
            diagnostics.add(contentsOf: collector.diagnostics)
        }
        clock.lap("render and write pages")
        checkAnchors(rendered, index: index, diagnostics: &diagnostics)

        for (relative, path) in templates.assets where relative.hasSuffix(".css") || relative.hasSuffix(".js") {
            guard case .success(let text) = FileReader.readText(at: path) else { continue }
            let display = path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
            diagnostics.add(contentsOf: ExternalOrigins.check(text, path: display, allowed: config.allowedOrigins))
            if relative.hasSuffix(".js") { diagnostics.add(contentsOf: ExternalOrigins.checkScript(text, path: display, allowed: config.allowedOrigins)) }
        }

        var fileCount = index.pages.count
        if let writer {
            fileCount += GeneratedPages.write(index: index, rendered: rendered, views: views, templates: templates,
                                              config: config, today: options.today, to: writer)
            fileCount += writeSiteFiles(index: index, templates: templates, renderer: renderer, views: views,
                                        contentRoot: contentRoot, to: writer, cache: options.cache, today: options.today,
                                        diagnostics: &diagnostics)
        }

        clock.lap("check, generated pages, assets")
        // Swap in, or leave the previous output untouched.
        let failed = diagnostics.hasErrors || (options.strict && !diagnostics.all.isEmpty)
        if let output, let writer {
            if failed {
                output.discard()
            } else {
                do {
                    let order = try output.commit(writer)
                    options.cache?.remember(output: output.final, files: writer.manifest, order: order)
                } catch {
                    output.discard()
                    diagnostics.error("cannot put the new site in place at \(output.final.path): \(error.localizedDescription)", at: nil)
                }
            }
        }
        clock.lap("swap")
        var report = finish(diagnostics, options: options, started: started, succeeded: !failed && !diagnostics.hasErrors)
        report.pageCount = index.pages.count
        report.renderedPageCount = renderedCount
        report.fileCount = fileCount
        report.site = index
        return report
    }

    private static func finish(_ diagnostics: Diagnostics, options: BuildOptions, started: DispatchTime, succeeded: Bool) -> BuildReport {
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
        return BuildReport(diagnostics: diagnostics.sorted(strict: options.strict), milliseconds: elapsed, succeeded: succeeded)
    }

    /// Every page's result, rendered in parallel and written into the staging folder; with a cache,
    /// pages whose inputs are unchanged keep their earlier result and file. Also: how many were rendered.
    private static func renderPages(index: SiteIndex, renderer: PageRenderer, writer: OutputWriter?, cache: BuildCache?,
                                    showsProgress: Bool) -> (rendered: [RenderedPage], renderedCount: Int) {
        var results = [RenderedPage?](repeating: nil, count: index.pages.count)
        if let cache {
            for pageIndex in index.pages.indices {
                results[pageIndex] = cache.reusableRender(of: index.pages[pageIndex], writer: writer)
            }
        }
        let stale = index.pages.indices.filter { results[$0] == nil }
        let allowed = renderer.config.allowedOrigins
        let progress = BuildProgress(total: stale.count, enabled: showsProgress)
        let fresh = parallelMap(stale.count) { position -> (result: RenderedPage, hash: UInt64?) in
            defer { progress.advance() }
            let page = index.pages[stale[position]]
            var (html, result) = renderer.render(page.index)
            // Privacy: no page may make the browser contact another site.
            result.diagnostics += ExternalOrigins.check(html, path: page.displayPath, allowed: allowed)
                .map { Diagnostic(.error, $0.message, at: SourceLocation(path: $0.location!.path)) }
            guard let writer, !html.isEmpty else { return (result, nil) }
            let hash = ContentHash.of(html)
            guard writer.write(html, to: page.outputPath, hash: hash) else {
                result.diagnostics.append(.error("cannot write \(page.outputPath) into the staging folder", at: nil))
                return (result, nil)
            }
            return (result, hash)
        }
        progress.finish()
        for (position, pageIndex) in stale.enumerated() {
            results[pageIndex] = fresh[position].result
            if let cache, let hash = fresh[position].hash {
                cache.store(render: fresh[position].result, of: index.pages[pageIndex], hash: hash)
            }
        }
        return (results.map { $0! }, stale.count)
    }

    /// The site index, and the output folders the theme needs kept free.
    private static func assemble(loaded: [LoadedPage], files: [SourceFile], options: SiteIndex.Options,
                                 diagnostics: inout Diagnostics) -> SiteIndex {
        let index = SiteIndex.assemble(loaded: loaded, assetFiles: files, options: options, diagnostics: &diagnostics)
        for folder in ["assets", GeneratedPages.tagsFolder, GeneratedPages.overviewFolder] where index.sectionByFolder[folder] != nil || index.assets.keys.contains(where: { $0.hasPrefix(folder + "/") }) {
            diagnostics.error("Content/\(folder)/ would collide with the theme's \(folder)/ in the output; rename the folder",
                              at: SourceLocation(path: "Content/" + folder))
        }
        return index
    }

    /// A link to `page.md#kopje` must name a heading (or checklist item) of that page.
    private static func checkAnchors(_ rendered: [RenderedPage], index: SiteIndex, diagnostics: inout Diagnostics) {
        for result in rendered {
            for anchor in result.anchors where !rendered[anchor.target].headingIDs.contains(anchor.fragment) {
                let known = rendered[anchor.target].headingIDs
                let hint = Suggest.closest(to: anchor.fragment, in: known).map { "; did you mean `#\($0)`?" } ?? ""
                diagnostics.warning("\(index.pages[anchor.target].displayPath) has no heading with the id `#\(anchor.fragment)`\(hint)",
                                    at: anchor.location)
            }
        }
    }

    /// The 404 page, theme assets and the files copied from Content/.
    private static func writeSiteFiles(
        index: SiteIndex, templates: TemplateSet, renderer: PageRenderer, views: ViewBuilder,
        contentRoot: URL, to writer: OutputWriter, cache: BuildCache?, today: Day, diagnostics: inout Diagnostics
    ) -> Int {
        var count = 0
        var copies: [(source: String, destination: String)] = []
        for (relative, source) in templates.assets { copies.append((source, relative)) }
        for (contentPath, output) in index.assets { copies.append((contentRoot.path + "/" + contentPath, output)) }
        let failures: [String?]
        if let cache {
            failures = copies.map { cache.copy(from: $0.source, to: $0.destination, with: writer) ? nil : $0.source }
        } else {
            failures = parallelMap(copies.count) { i -> String? in
                writer.copy(from: copies[i].source, to: copies[i].destination) ? nil : copies[i].source
            }
        }
        for failure in failures.compactMap({ $0 }) {
            diagnostics.error("cannot copy \(failure) into the output", at: nil)
        }
        count += copies.count
        if let baseURL = renderer.config.baseURL {
            if writer.write(SiteFeeds.sitemap(index, baseURL: baseURL), to: "sitemap.xml") { count += 1 }
        }
        for page in index.pages where page.meta.feed {
            guard let baseURL = renderer.config.baseURL else {
                diagnostics.warning("a feed needs absolute links: set `base_url` in site.yml, such as `base_url: https://intranet.example/hybride/`",
                                    at: SourceLocation(path: page.displayPath, line: 2, column: 1))
                continue
            }
            let xml = SiteFeeds.atom(section: page.index, index, baseURL: baseURL, siteTitle: renderer.config.title, today: today)
            if writer.write(xml, to: page.url + "feed.xml") { count += 1 }
        }
        if templates.layouts.contains("404"), let home = index.home {
            var view = views.view(for: home, document: MarkdownDocument())
            // The 404 page is served at any depth, so its links start from the site root.
            let base = renderer.config.baseURL.flatMap { URL(string: $0)?.path } ?? "/"
            view["root"] = base.hasSuffix("/") ? base : base + "/"
            view["home_url"] = view["root"]
            view["page"] = ["title": (views.strings(for: home)["not_found_title"] as? String) ?? "Pagina niet gevonden", "is_404": true]
            view["menu"] = index.menu.map { ["title": index.pages[$0].meta.title, "url": (view["root"] as! String) + index.pages[$0].url] }
            view.removeValue(forKey: "breadcrumbs")
            view.removeValue(forKey: "children")
            if writer.write(templates.render(view, layout: "404"), to: "404.html") { count += 1 }
        }
        return count
    }
}
