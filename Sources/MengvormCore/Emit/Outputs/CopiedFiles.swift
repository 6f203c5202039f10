/// The theme's assets and the files beside the pages in Content/ (images, PDFs), copied as they are.
struct CopiedFiles: SiteOutput {
    func write(_ site: RenderedSite, to writer: OutputWriter) -> OutputResult {
        var copies: [(source: String, destination: String)] = []
        for (relative, source) in site.templates.assets { copies.append((source, relative)) }
        for (contentPath, output) in site.index.assets { copies.append((site.contentRoot.path + "/" + contentPath, output)) }
        // A file that cannot be read or written is recorded by the writer, with the system's reason, and
        // reported by the emit stage at the file's site-relative path.
        if let cache = site.cache {
            for copy in copies { _ = cache.copy(from: copy.source, to: copy.destination, with: writer) }
        } else {
            _ = parallelMap(copies.count) { i in writer.copy(from: copies[i].source, to: copies[i].destination) }
        }
        return OutputResult(files: copies.count)
    }
}
