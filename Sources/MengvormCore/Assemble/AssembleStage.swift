/// Places the loaded pages in the site: URLs, sections, order, layouts. With a cache whose site key
/// is unchanged (no settings, names, data or theme changed), the previous index is reused.
enum AssembleStage {
    static func run(_ site: LoadedSite, _ options: BuildOptions, _ run: inout BuildRun) -> SiteIndex {
        var indexOptions = SiteIndex.Options()
        indexOptions.includeDrafts = options.includeDrafts
        indexOptions.today = options.today
        indexOptions.languages = site.config.languages
        defer { run.finished("assemble") }
        guard let cache = options.cache else {
            return SiteIndex.assemble(loaded: site.pages, assetFiles: site.files, options: indexOptions, diagnostics: &run.diagnostics)
        }
        let key = BuildCache.siteKey(options: options, scanned: site.scanned, loaded: site.pages)
        if let reused = cache.index(for: key, loaded: site.pages) {
            run.diagnostics.add(contentsOf: reused.diagnostics)
            return reused.index
        }
        var found = Diagnostics()
        let index = SiteIndex.assemble(loaded: site.pages, assetFiles: site.files, options: indexOptions, diagnostics: &found)
        cache.store(index: index, key: key, diagnostics: found.all)
        run.diagnostics.add(contentsOf: found.all)
        return index
    }
}
