import Foundation

/// Privacy for the theme's own files: a stylesheet or script may not load anything from another site.
enum ThemeAssets {
    static func check(_ templates: TemplateSet, siteRoot: URL, allowed: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (relative, path) in templates.assets.sorted(by: { $0.key < $1.key })
        where relative.hasSuffix(".css") || relative.hasSuffix(".js") {
            guard case .success(let text) = FileReader.readText(at: path) else { continue }
            let display = path.hasPrefix(siteRoot.path + "/") ? String(path.dropFirst(siteRoot.path.count + 1)) : path
            diagnostics += ExternalOrigins.check(text, path: display, allowed: allowed)
            if relative.hasSuffix(".js") { diagnostics += ExternalOrigins.checkScript(text, path: display, allowed: allowed) }
        }
        return diagnostics
    }
}
