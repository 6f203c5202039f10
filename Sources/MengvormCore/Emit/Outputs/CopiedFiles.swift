/// The theme's assets and the files beside the pages in Content/ (images, PDFs), copied as they are;
/// the theme's stylesheets minified (`CSSMinifier`).
struct CopiedFiles: SiteOutput {
    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var copies: [(source: String, destination: String)] = []
        var result = OutputResult()
        for (relative, source) in site.templates.assets.sorted(by: { $0.key < $1.key }) {
            guard relative.hasSuffix(".css"), case .success(let css) = FileReader.readText(at: source) else {
                copies.append((source, relative))
                continue
            }
            result.write(CSSMinifier.minify(css), to: relative, with: writer)
        }
        for (contentPath, output) in site.index.assets { copies.append((site.contentRoot.path + "/" + contentPath, output)) }
        // A file that cannot be read or written is recorded by the writer, with the system's reason, and
        // reported by the emit stage at the file's site-relative path.
        if let cache = site.cache {
            for copy in copies { _ = cache.copy(from: copy.source, to: copy.destination, with: writer) }
        } else {
            _ = parallelMap(copies.count) { i in writer.copy(from: copies[i].source, to: copies[i].destination) }
        }
        result.files += copies.count
        return result
    }
}
