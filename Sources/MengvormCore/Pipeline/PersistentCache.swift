import Foundation

/// The build cache file, `.mengvorm-cache` in the output folder: what a `BuildCache` learnt in one
/// `mengvorm build`, for the next one. It is written into the staging folder with the rest of the
/// output and moved in with it, so it always describes the output beside it; a failed build leaves
/// the previous file as it was. It holds a `Summary` (enough for a build in which nothing changed),
/// then, for the files whose stamps were trusted, their load results without the page text, the
/// site key, each page's render result with the hash of its file, and the copied files. Deleting it
/// is always safe: the next build starts from scratch.
///
/// The header ties the file to the binary (a newer Mengvorm may render differently), the site folder
/// and the options that change pages; any mismatch, and any damage, makes the build ignore the file.
enum PersistentCache {
    static let magic = Array("MENGVORM-CACHE\n".utf8)
    /// Raise with every change of what the file holds or how it is written.
    static let formatVersion: UInt64 = 6

    /// The running executable: its size, time and inode change with every new build of it.
    static let binaryIdentity: String = {
        guard let stamp = FileStamp.of("/proc/self/exe") ?? FileStamp.of(CommandLine.arguments.first ?? "") else {
            // Nothing to tell this binary from the next: never trust an earlier file.
            return "unknown " + UUID().uuidString
        }
        return "exe \(stamp.size) \(stamp.modified) \(stamp.changed) \(stamp.inode)"
    }()

    /// What must be the same for an earlier file to apply: the binary, the site and the options pages depend on.
    static func headerKey(_ options: BuildOptions) -> String {
        [
            "mengvorm \(formatVersion)", options.cacheIdentity ?? binaryIdentity,
            options.siteRoot.standardizedFileURL.path, options.includeDrafts ? "drafts" : "published", options.today.description,
        ].joined(separator: "\n")
    }

    static func path(in folder: URL) -> String { folder.path + "/" + OutputFolder.cacheFile }

    /// What the build that wrote the file read, left and reported: all a build needs that finds the
    /// same inputs and the output as that build left it (see `UpToDate`). First in the body, so such a
    /// build decodes nothing else.
    struct Summary: Equatable {
        /// The inputs' fingerprint (`InputFingerprint.value`); nil when it could not be trusted.
        var inputs: UInt64?
        /// The content hash of the output's manifest (`.mengvorm-output`) as that build wrote it.
        var manifestHash: UInt64
        var pageCount: Int
        var fileCount: Int
        /// Its warnings (a build with errors writes no cache file), reported again by a build that reuses its output.
        var diagnostics: [Diagnostic]
    }

    /// A cache file whose header fits this build and whose body is whole, with its summary read.
    struct File {
        let bytes: [UInt8]
        let summary: Summary
        /// Where the body goes on after the summary.
        let restAt: Int
    }

    // MARK: Writing

    static func encode(_ cache: BuildCache, summary: Summary, options: BuildOptions) -> [UInt8] {
        // Header and body in one buffer: with the default theme the body is 78 MB at 10,000 pages, and
        // copying it behind a separate header was 2 % of a cold build. The body's length and checksum
        // have fixed-width places in the header, filled in when the body is done.
        var file = CacheEncoder(capacity: 1 << 20)
        for byte in magic { file.byte(byte) }
        file.unsigned(formatVersion)
        file.string(headerKey(options))
        let lengthAt = file.bytes.count
        file.hash(0)
        file.hash(0)
        let bodyStart = file.bytes.count
        file.optional(summary.inputs) { $0.hash($1) }
        file.hash(summary.manifestHash)
        file.int(summary.pageCount)
        file.int(summary.fileCount)
        file.array(summary.diagnostics) { $0.diagnostic($1) }
        // The loads' length first, so a build can decode them and the renders side by side.
        let loadsAt = file.bytes.count
        file.hash(0)
        encodeLoads(cache.loads, earlier: cache.earlierBytes, into: &file)
        file.fill(UInt64(file.bytes.count - loadsAt - 8), at: loadsAt)
        encodeRenders(cache, into: &file)
        file.array(cache.copies.sorted { $0.key < $1.key }) {
            $0.string($1.key)
            $0.stamp($1.value.stamp)
            $0.hash($1.value.hash)
        }
        let checksum = file.bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[bodyStart...])) }
        file.fill(UInt64(file.bytes.count - bodyStart), at: lengthAt)
        file.fill(checksum, at: lengthAt + 8)
        return file.bytes
    }

    private static func encodeLoads(_ loads: BuildCache.Loads, earlier: [UInt8]?, into body: inout CacheEncoder) {
        // Only files whose stamp is trusted: the others are read again anyway.
        var paths = [String?](repeating: nil, count: loads.results.count)
        for (path, position) in loads.positions where position < paths.count { paths[position] = path }
        let trusted = paths.indices.filter { paths[$0] != nil && loads.stamps[$0] != nil }
        body.unsigned(UInt64(trusted.count))
        encodeInParts(
            trusted.count, into: &body,
            // Carried over from the file this build read, with the same path and stamp: its bytes there.
            earlier: earlier.map { earlier in (earlier, { loads.origins[trusted[$0]] }) }
        ) { encoder, item in
            let position = trusted[item]
            let (page, diagnostics) = loads.results[position]
            encoder.string(paths[position]!)
            encoder.stamp(loads.stamps[position]!)
            encoder.optional(page) { encoder, page in
                encoder.byte(page.source.kind == .home ? 0 : page.source.kind == .section ? 1 : 2)
                encoder.optional(page.source.language) { $0.string($1) }
                encoder.loadedWithoutText(page)
            }
            encoder.array(diagnostics) { $0.diagnostic($1) }
        }
    }

    /// Encodes items 0..<count in order, in a few parts side by side: the file is written at the end of
    /// a build, on one thread, and at 10,000 pages encoding it took 40 ms of a 2 s build. `earlier`: the
    /// cache file this build read, and where in it an item is encoded already; each run of neighbouring
    /// items found there is copied in one piece.
    private static func encodeInParts(
        _ count: Int, into body: inout CacheEncoder, earlier: (bytes: [UInt8], origin: (Int) -> Range<Int>?)? = nil,
        _ item: (inout CacheEncoder, Int) -> Void
    ) {
        func encode(_ range: Range<Int>, into encoder: inout CacheEncoder) {
            var run: Range<Int>?
            for position in range {
                if let earlier, let origin = earlier.origin(position) {
                    if let current = run, current.upperBound == origin.lowerBound {
                        run = current.lowerBound..<origin.upperBound
                        continue
                    }
                    if let current = run { encoder.append(earlier.bytes, current) }
                    run = origin
                } else {
                    if let earlier, let current = run { encoder.append(earlier.bytes, current) }
                    run = nil
                    item(&encoder, position)
                }
            }
            if let earlier, let current = run { encoder.append(earlier.bytes, current) }
        }
        // After an edit nearly every item is a copy: then one thread is quicker than parts to join.
        let fresh = earlier.map { earlier in (0..<count).lazy.filter { earlier.origin($0) == nil }.count } ?? count
        guard fresh >= 256 else { return encode(0..<count, into: &body) }
        let encoded = parallelRanges(count, parts: 8, minimum: 256) { range -> CacheEncoder in
            var encoder = CacheEncoder(capacity: range.count * 512)
            encode(range, into: &encoder)
            return encoder
        }
        for part in encoded { body.append(part) }
    }

    private static func encodeRenders(_ cache: BuildCache, into body: inout CacheEncoder) {
        guard let site = cache.site, cache.renders.count == site.index.pages.count else {
            body.bool(false)
            return
        }
        body.bool(true)
        body.hash(site.key)
        // A page's search text is not stored here but found again in the search index beside this file:
        // with the default theme it was 75 MB at 10,000 pages, written twice and read back each build.
        let searchIndex = cache.searchIndex
        body.optional(searchIndex?.hash) { $0.hash($1) }
        let renders = cache.renders
        body.unsigned(UInt64(renders.count))
        encodeInParts(
            renders.count, into: &body,
            // A result taken from the file this build read (same site key and output path): its bytes there.
            earlier: cache.earlierBytes.map { earlier in (earlier, { renders[$0]?.origin }) }
        ) { encoder, position in
            encoder.optional(renders[position]) { encoder, cached in
                encoder.string(site.index.pages[position].outputPath)
                encoder.hash(cached.bodyHash)
                encoder.hash(cached.hash)
                encoder.rendered(cached.result)
            }
        }
        // Apart from the results, as they move whenever a page before them changes its entry.
        body.unsigned(UInt64(renders.count))
        for position in renders.indices {
            body.optional(renders[position] == nil ? nil : searchIndex?.entries[position]) {
                $0.int($1.lowerBound)
                $0.int($1.count)
            }
        }
    }

    // MARK: Reading

    /// The cache file in `folder` when it applies to this build, or why not (none, another binary,
    /// site or options, damaged).
    static func open(in folder: URL, options: BuildOptions) -> Result<File, Unusable> {
        guard case .success(let bytes) = FileReader.readBytes(at: path(in: folder)) else { return .failure(Unusable("no cache file")) }
        return open(bytes, options: options)
    }

    struct Unusable: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static func open(_ bytes: [UInt8], options: BuildOptions) -> Result<File, Unusable> {
        guard bytes.count > magic.count, bytes.starts(with: magic) else { return .failure(Unusable("not a cache file")) }
        var header = CacheDecoder(bytes, from: magic.count)
        guard (try? header.unsigned()) == formatVersion else { return .failure(Unusable("another format")) }
        guard (try? header.string()) == headerKey(options) else { return .failure(Unusable("another binary, site or options")) }
        guard let length = try? header.hash(), let checksum = try? header.hash(), UInt64(bytes.count - header.position) == length
        else { return .failure(Unusable("cut short")) }
        let bodyMatches = bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[header.position...])) == checksum }
        guard bodyMatches else { return .failure(Unusable("damaged")) }
        var body = CacheDecoder(bytes, from: header.position)
        do {
            let summary = Summary(
                inputs: try body.optional { try $0.hash() }, manifestHash: try body.hash(), pageCount: try body.int(),
                fileCount: try body.int(), diagnostics: try body.array { try $0.diagnostic() })
            return .success(File(bytes: bytes, summary: summary, restAt: body.position))
        } catch {
            return .failure(Unusable("damaged"))
        }
    }

    /// Fills a new cache from an opened file in `folder`; `inputs`, this build's fingerprint. Returns a
    /// note when part of the file could not be used.
    static func seed(_ cache: BuildCache, from file: File, in folder: URL, inputs: InputFingerprint) -> String? {
        seed(cache, from: file, inputs: inputs) {
            // The search index the file's pages point into, when it is still the one written with it: the
            // output's manifest is that build's, and the index was not touched since (hashing its 75 MB
            // instead was 20 ms of a one-page rebuild of 10,000 pages).
            guard OutputFolder.isAsLeft(SearchIndex.file, in: folder.path, manifestHash: file.summary.manifestHash) else { return nil }
            return OwnedBytes.mapped(at: folder.path + "/" + SearchIndex.file)
        }
    }

    /// `searchIndex`: the bytes of the search index written with the file, or nil when it is gone or was changed.
    static func seed(
        _ cache: BuildCache, from file: File, inputs: InputFingerprint, searchIndex: () -> OwnedBytes?
    ) -> String? {
        var body = CacheDecoder(file.bytes, from: file.restAt)
        do {
            let loadsLength = try body.hash()
            guard loadsLength <= UInt64(file.bytes.count - body.position) else { return "damaged" }
            let rendersAt = body.position + Int(loadsLength)
            // Side by side: one after the other they were 35 ms of a 190 ms one-page rebuild of 10,000 pages.
            let (decodedLoads, decodedRest) = parallelPair(
                { [body] in
                    var loadsBody = body
                    return Result { () throws -> BuildCache.Loads in
                        let loads = try decodeLoads(&loadsBody)
                        guard loadsBody.position == rendersAt else { throw CacheDecoder.Invalid() }
                        return loads
                    }
                },
                {
                    var rest = CacheDecoder(file.bytes, from: rendersAt)
                    return Result { () throws -> (Renders?, [String: (stamp: FileStamp, hash: UInt64)]) in
                        let renders = try decodeRenders(&rest)
                        var copies: [String: (stamp: FileStamp, hash: UInt64)] = [:]
                        for _ in 0..<(try rest.count()) { copies[try rest.string()] = (try rest.stamp(), try rest.hash()) }
                        guard rest.isAtEnd else { throw CacheDecoder.Invalid() }
                        return (renders, copies)
                    }
                })
            let loads = try decodedLoads.get()
            var (renders, copies) = try decodedRest.get()
            var note: String?
            if renders?.searchIndex != nil {
                // Without the search index the pages have no text for the next one: render them again.
                if let index = searchIndex(), renders!.renders.allSatisfy({ ($0?.entry?.upperBound ?? 0) <= index.buffer.count }) {
                    for position in renders!.renders.indices {
                        if let entry = renders!.renders[position]?.entry {
                            renders!.renders[position]!.render.result.searchEntry = ByteSlice(owner: index, range: entry)
                        }
                    }
                } else {
                    renders = nil
                    note = "pages not used (the search index beside it changed)"
                }
            }
            cache.loads = loads
            cache.earlierBytes = file.bytes
            cache.seededRenders = renders.map { ($0.key, $0.renders.map { $0.map { ($0.outputPath, $0.render) } }) }
            cache.copies = copies
            cache.fileSummary = file.summary
            // Kept as it is only when it also names this build's inputs (a file touched without a
            // change makes it name other stamps: written again, so the next build can tell at once).
            cache.fileIsCurrent = renders != nil && inputs.trusted && file.summary.inputs == inputs.value
            return note
        } catch {
            return "damaged"
        }
    }

    private static func decodeLoads(_ body: inout CacheDecoder) throws -> BuildCache.Loads {
        var loads = BuildCache.Loads()
        let count = try body.count()
        loads.results.reserveCapacity(count)
        loads.stamps.reserveCapacity(count)
        loads.origins.reserveCapacity(count)
        for position in 0..<count {
            let start = body.position
            let path = try body.string()
            let stamp = try body.stamp()
            let page = try body.optional { decoder -> LoadedPage in
                let kinds: [SourceFile.Kind] = [.home, .section, .page]
                let kind = Int(try decoder.byte())
                guard kind < kinds.count else { throw CacheDecoder.Invalid() }
                let source = SourceFile(
                    kind: kinds[kind], contentPath: path, language: try decoder.optional { try $0.string() }, stamp: stamp)
                return try decoder.loadedWithoutText(source: source)
            }
            let diagnostics = try body.array { try $0.diagnostic() }
            loads.positions[path] = position
            loads.results.append((page, diagnostics))
            loads.stamps.append(stamp)
            loads.origins.append(start..<body.position)
        }
        return loads
    }

    /// The render results of the file's build: its site key, the search index's hash, and by page position
    /// each page's output path, result and place of its search entry.
    private typealias Renders = (
        key: UInt64, searchIndex: UInt64?, renders: [(outputPath: String, render: BuildCache.CachedRender, entry: Range<Int>?)?]
    )

    private static func decodeRenders(_ body: inout CacheDecoder) throws -> Renders? {
        guard try body.bool() else { return nil }
        let key = try body.hash()
        let searchIndex = try body.optional { try $0.hash() }
        var renders: [(outputPath: String, render: BuildCache.CachedRender, entry: Range<Int>?)?] = try body.array { decoder in
            let start = decoder.position
            return try decoder.optional { decoder -> (outputPath: String, render: BuildCache.CachedRender, entry: Range<Int>?) in
                let outputPath = try decoder.string()
                let bodyHash = try decoder.hash()
                let hash = try decoder.hash()
                var render = BuildCache.CachedRender(bodyHash: bodyHash, hash: hash, result: try decoder.rendered())
                render.origin = start..<decoder.position
                return (outputPath, render, nil)
            }
        }
        guard try body.count() == renders.count else { throw CacheDecoder.Invalid() }
        for position in renders.indices {
            let entry = try body.optional { decoder -> Range<Int> in
                let start = try decoder.int()
                let count = try decoder.int()
                guard start >= 0, count >= 0 else { throw CacheDecoder.Invalid() }
                return start..<start + count
            }
            if entry != nil {
                guard renders[position] != nil else { throw CacheDecoder.Invalid() }
                renders[position]!.entry = entry
            }
        }
        return (key, searchIndex, renders)
    }
}
