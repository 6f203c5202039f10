import Foundation

/// The output folder of a build: prepared before rendering, filled by the render stage and the
/// outputs, and swapped in at the end, or discarded so the previous output stays as it was.
enum PreparedOutput {
    /// The folder may not be written (the reason is in the diagnostics): stop before rendering.
    case refused
    /// `mengvorm check`: nothing is written.
    case none
    case staged(OutputFolder, OutputWriter)

    var writer: OutputWriter? {
        if case .staged(_, let writer) = self { return writer }
        return nil
    }
}

enum EmitStage {
    static func prepare(_ options: BuildOptions, _ run: inout BuildRun) -> PreparedOutput {
        guard options.writesOutput else { return .none }
        defer { run.finished("prepare output") }
        switch OutputFolder.prepare(output: options.outputFolder, siteRoot: options.siteRoot) {
        case .failure(.message(let message)):
            run.diagnostics.error(message, at: nil)
            return .refused
        case .success(let folder):
            switch folder.begin(known: options.cache?.outputManifest(at: folder.final)) {
            case .failure(let failure):
                run.diagnostics.error(failure.description, at: nil)
                return .refused
            case .success(let writer):
                return .staged(folder, writer)
            }
        }
    }

    /// What every output of `SiteOutputs.all` wrote. The outputs only read the rendered site, so they run
    /// side by side (the search index and the tag pages of 10,000 pages took seconds one after the other);
    /// results stay in list order. After a build that changed nothing since its cache file (no page loaded,
    /// rendered or copied again, the same site key), they would write the same bytes as last time, so
    /// those files are kept instead (a no-change rebuild of 10,000 pages spent 0.4 s on a 75 MB search index).
    private static func writeOutputs(_ site: RenderedSite, to writer: OutputWriter, _ options: BuildOptions) -> [OutputResult] {
        let outputs = SiteOutputs.all
        // Only over the output the cache file describes: a manifest edited by hand may leave out files.
        guard options.cacheFile == .use, let cache = options.cache, cache.fileIsCurrent,
            let manifestHash = writer.previousManifestHash, manifestHash == cache.fileSummary?.manifestHash
        else {
            // After an edit of page text alone, what depends only on the site key is kept (the tag
            // pages of 10,000 pages took 130 ms of a 600 ms one-page rebuild).
            let keeping = options.cacheFile == .use && options.cache?.outputHasSiteKey == true
            return parallelMap(outputs.count) { position in
                if keeping, let kept = keep(outputs[position], of: site, in: writer) { return kept }
                return outputs[position].write(site, to: writer)
            }
        }
        // Files copied from Content/ can change without changing the site key: copied (or kept) first.
        let copies = outputs.filter { $0 is CopiedFiles }.map { $0.write(site, to: writer) }
        if cache.fileIsCurrent, let kept = writer.keepRemainingPrevious() { return copies + [OutputResult(files: kept)] }
        // A copy changed, or a file of the output was deleted or edited by hand: written again.
        let rest = outputs.filter { !($0 is CopiedFiles) }
        return copies + parallelMap(rest.count) { rest[$0].write(site, to: writer) }
    }

    /// The output's files kept from the previous build, when they depend on the site key alone and all
    /// are still there; nil when the output must be written.
    private static func keep(_ output: any SiteOutput, of site: RenderedSite, in writer: OutputWriter) -> OutputResult? {
        guard let paths = output.siteKeyFiles(site), paths.allSatisfy({ writer.keepPrevious($0) }) else { return nil }
        return OutputResult(files: paths.count)
    }

    /// Writes every output of `SiteOutputs.all`, then puts the new site in place unless the build failed.
    static func finish(_ site: RenderedSite, into output: PreparedOutput, _ options: BuildOptions, _ run: inout BuildRun) -> BuildReport {
        var fileCount = site.index.pages.count
        if case .staged(let folder, let writer) = output {
            // The outputs only read the rendered site, so they run side by side (the search index and
            // the tag pages of 10,000 pages took seconds one after the other); results stay in list order.
            for result in writeOutputs(site, to: writer, options) {
                fileCount += result.files
                run.diagnostics.add(contentsOf: result.diagnostics)
            }
            let siteRoot = site.contentRoot.deletingLastPathComponent().path + "/"
            run.diagnostics.add(
                contentsOf: writer.failureDiagnostics(display: { $0.hasPrefix(siteRoot) ? String($0.dropFirst(siteRoot.count)) : $0 }))
            run.finished("outputs")
            if run.failed {
                folder.discard()
            } else {
                let manifest = writer.manifestText()
                let summary = PersistentCache.Summary(
                    inputs: options.cache?.inputs.flatMap { $0.trusted ? $0.value : nil },
                    manifestHash: ContentHash.of(manifest.text), pageCount: site.index.pages.count, fileCount: fileCount,
                    diagnostics: run.diagnostics.sorted())
                // A no-change rebuild keeps the file it was seeded from (writing 8 MB took 80 ms of 500),
                // when its summary is this build's too.
                let keepsCacheFile =
                    options.cacheFile == .use && options.cache?.fileIsCurrent == true && options.cache?.fileSummary == summary
                if options.cacheFile != .none, let cache = options.cache, !keepsCacheFile {
                    // Beside the staged output, so it is moved in with it; no file is better than a wrong one.
                    let bytes = PersistentCache.encode(cache, summary: summary, options: options)
                    let path = PersistentCache.path(in: folder.staging)
                    if bytes.withUnsafeBytes({ FileWriter.writeReturningError($0, to: path) }) != 0 {
                        unlink(path)
                    }
                    run.finished("write cache")
                }
                do {
                    let order = try folder.commit(writer, manifest: manifest, keepingCacheFile: keepsCacheFile)
                    options.cache?.remember(output: folder.final, files: writer.manifest, order: order)
                } catch {
                    folder.discard()
                    run.diagnostics.error("cannot put the new site in place at \(folder.final.path): \(error)", at: nil)
                }
            }
            run.finished("swap")
        }
        return run.report(succeeded: !run.failed, pages: site.index.pages.count, rendered: site.renderedCount, files: fileCount)
    }
}
