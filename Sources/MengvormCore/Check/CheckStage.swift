/// Every check that needs the whole rendered site, run by `build` and `check` alike, so `check`
/// reports everything a build would. (Checks of one file run where that file is read, at its lines.)
enum CheckStage {
    static func run(_ site: RenderedSite, _ options: BuildOptions, _ run: inout BuildRun) {
        run.diagnostics.add(contentsOf: ReservedFolders.check(site.index))
        run.diagnostics.add(contentsOf: TemplateChecks.check(site.templates))
        run.diagnostics.add(contentsOf: ComponentData.check(site))
        run.diagnostics.add(contentsOf: DataLinks.check(site))
        if site.config.searchIndex { run.diagnostics.add(contentsOf: SearchIndex.check(site.data, config: site.config)) }
        run.diagnostics.add(contentsOf: Anchors.check(site))
        run.diagnostics.add(contentsOf: ThemeAssets.check(site.templates, siteRoot: options.siteRoot, allowed: site.config.allowedOrigins))
        run.diagnostics.add(contentsOf: FeedSettings.check(site))
        if options.checksGovernance {
            run.diagnostics.add(contentsOf: Governance.check(site.index, today: options.today, config: site.config))
        }
        run.finished("checks")
    }
}
