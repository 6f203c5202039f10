import Foundation

/// The few internals the fuzz targets drive, published to them alone (`@_spi(Fuzzing) import`), so
/// the fuzzing library builds in release like every other product instead of needing `@testable`.
@_spi(Fuzzing) public enum FuzzSurface {
    /// The YAML between the `---` lines of a page's text.
    public static func frontMatterYAML(_ text: String) -> String { String(FrontMatter.split(text).yaml) }

    /// What the fast reader of flat front matter makes of `yaml` (nil when it leaves it to libyaml),
    /// and what libyaml makes of it (nil when libyaml rejects it), as comparable outlines.
    public static func flatOutline(_ yaml: String) -> String? { FlatYAML.read(yaml)?.outline }
    public static func libYAMLOutline(_ yaml: String) -> String? {
        guard case .success(let node?) = YAMLReader.readWithLibYAML(yaml) else { return nil }
        return node.outline
    }

    /// A page file's text loaded as `Content/fuzz/pagina.md`: its title and slug, and what was reported.
    public static func loadPage(_ text: String) -> (title: String?, slug: String?, diagnostics: [Diagnostic]) {
        let (page, diagnostics) = PageLoader.parse(text, file: SourceFile(kind: .page, contentPath: "fuzz/pagina.md"))
        return (page?.meta.title, page?.meta.slug, diagnostics)
    }

    /// The theme at `siteRoot/Themes/NAME`, rendering a view with one of its layouts.
    public static func themeRenderer(siteRoot: URL, theme: String) -> @Sendable ([String: Any], String) -> String {
        var diagnostics = Diagnostics()
        var config = SiteConfig()
        config.theme = theme
        let templates = TemplateSet.load(siteRoot: siteRoot, config: config, diagnostics: &diagnostics)
        return { view, layout in templates.render(view, layout: layout) }
    }
}
