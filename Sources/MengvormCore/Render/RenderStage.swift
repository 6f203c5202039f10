import Foundation

/// Renders every page (Markdown, components, layout) in parallel and hands each page's HTML to the
/// output as soon as it is made; with a cache, pages whose inputs are unchanged keep their result.
enum RenderStage {
    static func run(
        _ site: LoadedSite, _ index: SiteIndex, _ options: BuildOptions, into writer: OutputWriter?,
        _ run: inout BuildRun
    ) -> RenderedSite {
        var reused = [RenderedPage?](repeating: nil, count: index.pages.count)
        if let cache = options.cache {
            // Side by side: each page's file is looked up in the output (10,000 after a no-change build).
            let parts = parallelRanges(index.pages.count, parts: 4, minimum: 256) { range in
                range.map { cache.reusableRender(of: index.pages[$0], writer: writer) }
            }
            reused = Array(parts.joined())
        }
        let links = LinkResolver(index: index, linkStyle: site.config.linkStyle)
        let views = ViewBuilder(index: index, config: site.config, links: links, data: site.data, templates: site.templates)
        var renderer = PageRenderer(
            index: index, config: site.config, templates: site.templates, data: site.data, links: links, views: views)
        // The folder's path once: `URL.path` for every page was a sixth of reading its text again.
        let contentRoot = site.contentRoot.path
        // Local images get width and height read from their files.
        renderer.contentRoot = contentRoot
        let (pages, renderedCount) = renderPages(
            index: index, reused: reused, contentRoot: contentRoot, renderer: renderer, writer: writer, cache: options.cache,
            observer: options.observer)
        for page in pages { run.diagnostics.add(contentsOf: page.diagnostics) }
        run.finished("render and write pages")
        return RenderedSite(
            config: site.config, templates: site.templates, data: site.data, index: index, views: views,
            renderer: renderer, pages: pages, contentRoot: site.contentRoot, today: options.today,
            cache: options.cache, renderedCount: renderedCount)
    }

    /// Every page's result, rendered in parallel and written into the staging folder; with a cache,
    /// pages whose inputs are unchanged keep their earlier result and file. Also: how many were rendered.
    private static func renderPages(
        index: SiteIndex, reused: [RenderedPage?], contentRoot: String, renderer: PageRenderer, writer: OutputWriter?, cache: BuildCache?,
        observer: (any BuildObserver)?
    ) -> (rendered: [RenderedPage], renderedCount: Int) {
        var results = reused
        let stale = index.pages.indices.filter { results[$0] == nil }
        let progress = RenderProgress(total: stale.count, observer: observer)
        let fresh = parallelMap(stale.count) { position -> (result: RenderedPage, hash: UInt64?) in
            defer { progress.advance() }
            let page = index.pages[stale[position]]
            // A page loaded without its text (from the cache file, or by a one-shot build) reads it now.
            let reread = page.loaded.hasText ? nil : PageLoader.reloadText(of: page.loaded, contentRoot: contentRoot)
            var (html, result) = renderer.render(page.index, text: reread?.page)  // includes the privacy check, at source positions
            // The file went away or broke since it was loaded: say so rather than publish it empty.
            if let reread, reread.page == nil { result.diagnostics += reread.diagnostics }
            guard let writer, !html.isEmpty else { return (result, nil) }
            let hash = html.withUnsafeBytes { ContentHash.of($0) }
            // A failed write is recorded by the writer and reported once by the emit stage, with its reason.
            guard writer.write(bytes: html, to: page.outputPath, hash: hash) else { return (result, nil) }
            return (result, hash)
        }
        observer?.renderingFinished()
        for (position, pageIndex) in stale.enumerated() {
            results[pageIndex] = fresh[position].result
            if let cache, let hash = fresh[position].hash {
                cache.store(render: fresh[position].result, of: index.pages[pageIndex], hash: hash)
            }
        }
        return (results.map { $0! }, stale.count)
    }
}

/// Counts rendered pages for the observer across render threads.
private final class RenderProgress: @unchecked Sendable {
    private let total: Int
    private let observer: (any BuildObserver)?
    private let lock = NSLock()
    private var done = 0

    init(total: Int, observer: (any BuildObserver)?) {
        self.total = total
        self.observer = observer
    }

    func advance() {
        guard let observer else { return }
        lock.lock()
        done += 1
        let count = done
        lock.unlock()
        observer.rendered(count, of: total)
    }
}
