/// The theme's assets and the files beside the pages in Content/ (images, PDFs), copied as they are.
struct CopiedFiles: SiteOutput {
    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var copies: [(source: String, destination: String)] = []
        for (relative, source) in site.templates.assets { copies.append((source, relative)) }
        for (contentPath, output) in site.index.assets { copies.append((site.contentRoot.path + "/" + contentPath, output)) }
        let failures: [String?]
        if let cache = site.cache {
            failures = copies.map { cache.copy(from: $0.source, to: $0.destination, with: writer) ? nil : $0.source }
        } else {
            failures = parallelMap(copies.count) { i -> String? in
                writer.copy(from: copies[i].source, to: copies[i].destination) ? nil : copies[i].source
            }
        }
        var result = OutputResult(files: copies.count)
        for failure in failures.compactMap({ $0 }) {
            result.diagnostics.append(.error("cannot copy \(failure) into the output", at: nil))
        }
        return result
    }
}
