import Foundation
import Markdown

/// `404.html`, when the theme has a `404` layout. A server shows it at any depth, so its links start
/// from the site root (`base_url`'s path, or `/`).
struct NotFoundPage: SiteOutput {
    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var result = OutputResult()
        guard site.templates.layouts.contains("404"), let home = site.index.home else { return result }
        let index = site.index
        let views = site.views
        var view = views.view(for: home, document: MarkdownDocument())
        let base = site.config.baseURL.flatMap { URL(string: $0)?.path } ?? "/"
        let root = base.hasSuffix("/") ? base : base + "/"
        view.root = root
        view.homeURL = root
        view.page = .notFound(title: views.strings(for: home)["not_found_title"] ?? "Pagina niet gevonden")
        view.menu = index.menu.map { MenuItem(title: index.pages[$0].meta.title, url: root + index.pages[$0].url, current: nil).mustache }
        view.breadcrumbs = []
        view.children = []
        result.write(site.templates.render(views.context(for: view, page: home), layout: "404"), to: "404.html", with: writer)
        return result
    }
}
