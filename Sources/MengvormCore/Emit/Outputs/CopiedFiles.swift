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
        let failures: [String?]
        if let cache = site.cache {
            failures = copies.map { cache.copy(from: $0.source, to: $0.destination, with: writer) ? nil : $0.source }
        } else {
            failures = parallelMap(copies.count) { i -> String? in
                writer.copy(from: copies[i].source, to: copies[i].destination) ? nil : copies[i].source
            }
        }
        result.files += copies.count
        for failure in failures.compactMap({ $0 }) {
            result.diagnostics.append(.error("cannot copy \(failure) into the output", at: nil))
        }
        return result
    }
}
