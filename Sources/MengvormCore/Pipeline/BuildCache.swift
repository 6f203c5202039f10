import Foundation

/// What one build leaves for the next one in the same process, so that `mengvorm serve` rebuilds
/// only what an edit affects:
/// - a file whose stamp (size, times, inode) did not change is not read and parsed again;
/// - when no page's settings, no file name, no data file, the theme and site.yml are unchanged
///   (the *site key*), the site index is reused and only the pages whose text changed are rendered;
///   every other page keeps its HTML, diagnostics, headings and anchors from the earlier build;
/// - any other change renders every page again, but still writes only the files that differ.
/// A page's text cannot change what other pages show (titles, order, menus and links come from
/// settings and file names), except for `#anchor` links into it, which are checked on every build.
///
/// Used by one build at a time (serve's builder is an actor), and only outside the parallel parts.
public final class BuildCache: @unchecked Sendable {
    typealias LoadResult = (page: LoadedPage?, diagnostics: [Diagnostic])

    /// The last load, position by position with the Markdown files it was given.
    struct Loads {
        var results: [LoadResult] = []
        /// nil where the stamp cannot be trusted (see `racyNanoseconds`): read that file again.
        var stamps: [FileStamp?] = []
        var positions: [String: Int] = [:]
        /// Where a result carried over unchanged from the cache file this build read is encoded in
        /// `BuildCache.earlierBytes`: writing the file again copies those bytes (at 10,000 pages, encoding
        /// every entry again was most of writing the file after a one-page edit). nil for a result read anew.
        var origins: [Range<Int>?] = []
    }

    struct CachedRender {
        var bodyHash: UInt64
        var hash: UInt64
        var result: RenderedPage
        /// Where this result is encoded in `earlierBytes`, when it was taken from the cache file this build read.
        var origin: Range<Int>? = nil
    }

    private var scanned: (files: [SourceFile], positions: [String: Int], diagnostics: [Diagnostic], languages: [String])?
    /// Content paths whose stamps the last scan renewed without walking the tree; nil after a walk.
    private var restamped: Set<String>?
    var loads = Loads()
    /// The manifest of the output this cache last put in place, with the stamp of its file.
    private var output: (folder: String, stamp: FileStamp, files: [String: UInt64], order: [String])?
    private(set) var site: (key: UInt64, index: SiteIndex, diagnostics: [Diagnostic])?
    /// Results by position in the cached index; emptied whenever the index is assembled anew.
    private(set) var renders: [CachedRender?] = []
    /// Results read from the build cache file, by position in the index with the same site key and
    /// with each page's output path; taken by the first index assembled with that key (see `store`).
    var seededRenders: (key: UInt64, renders: [(outputPath: String, render: CachedRender)?])?
    var copies: [String: (stamp: FileStamp, hash: UInt64)] = [:]
    /// The cache file this build read, which `Loads.origins` and `CachedRender.origin` point into.
    var earlierBytes: [UInt8]?
    /// The search index the last build wrote: its content hash, and where each page's entry is in it
    /// (by page position). Set by the search-index output, which runs beside the others: under a lock.
    var searchIndex: (hash: UInt64, entries: [Int: Range<Int>])? {
        searchIndexLock.lock()
        defer { searchIndexLock.unlock() }
        return writtenSearchIndex
    }
    private var writtenSearchIndex: (hash: UInt64, entries: [Int: Range<Int>])?
    private let searchIndexLock = NSLock()
    private var git: (stamp: FileStamp?, dates: GitDates.Pending)?

    /// The Git dates of the site's files, from `git log` only when the repository changed since the last
    /// build (a commit, checkout or `git add`): an edit in `serve` does not start git.
    func gitDates(siteRoot: URL) -> GitDates.Pending {
        let stamp = GitDates.repositoryStamp(siteRoot: siteRoot)
        if let git, git.stamp == stamp { return git.dates }
        let dates = stamp == nil ? GitDates.Pending(known: [:]) : GitDates.start(siteRoot: siteRoot)
        git = (stamp, dates)
        return dates
    }
    /// Content paths read again by the current build.
    private var reloaded: Set<String> = []
    /// The cache file this cache was seeded from still describes it: nothing was loaded, rendered or
    /// copied again and the site key is the file's. Then the file is kept, not written again.
    var fileIsCurrent = false
    /// The summary of the cache file this cache was seeded from.
    var fileSummary: PersistentCache.Summary?
    /// The fingerprint of the current build's inputs, for the cache file it writes.
    var inputs: InputFingerprint?
    /// The output folder holds what a build with this build's site key wrote (its cache file says so):
    /// an output that depends only on the site key is there already as this build would write it.
    /// Never set in `serve`, whose last build may have failed and left its folder as it was.
    private(set) var outputHasSiteKey = false
    /// Whether loaded pages keep their text. `serve` keeps it for the next rebuild; a one-shot
    /// `mengvorm build` reads each page's text again when it renders it.
    public var keepsText = true

    public init() {}

    // MARK: Scan

    /// The files under Content/. When the watcher knows that only files already there changed in
    /// place (`changed`), the previous list is kept with new stamps for them: no walk over the tree.
    func scan(contentRoot: URL, translations: [String], changed: Set<String>?, diagnostics: inout Diagnostics) -> [SourceFile] {
        if let changed, let previous = scanned, previous.languages == translations,
            let (files, paths) = Self.restamp(
                previous.files, positions: previous.positions, changed: changed, contentRoot: contentRoot.path)
        {
            scanned?.files = files
            restamped = paths
            diagnostics.add(contentsOf: previous.diagnostics)
            return files
        }
        restamped = nil
        var found = Diagnostics()
        let files = ContentScanner.scan(contentRoot: contentRoot, translations: translations, diagnostics: &found)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(files.count)
        for (position, file) in files.enumerated() { positions[file.contentPath] = position }
        scanned = (files, positions, found.all, translations)
        diagnostics.add(contentsOf: found.all)
        return files
    }

    /// The list with fresh stamps for the changed files, and their content paths; nil when a change
    /// is not a known file changed in place.
    private static func restamp(
        _ files: [SourceFile], positions: [String: Int], changed: Set<String>,
        contentRoot: String
    ) -> ([SourceFile], Set<String>)? {
        var files = files
        var restamped = Set<String>()
        for path in changed where path.hasPrefix(contentRoot + "/") {
            let contentPath = String(path.dropFirst(contentRoot.count + 1))
            if contentPath.split(separator: "/").last?.lowercased() == "readme.md" { continue }
            var info = stat()
            guard let position = positions[contentPath], lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            files[position].stamp = FileStamp(info)
            restamped.insert(contentPath)
        }
        return (files, restamped)
    }

    // MARK: Load

    /// Loads the files whose stamp changed (in parallel) and reuses the others.
    func load(_ files: [SourceFile], contentRoot: URL) -> [LoadResult] {
        var next = Loads()
        var stale: [Int] = []
        if let restamped, files.count == loads.results.count {
            // The same list as last time (the scan only renewed stamps): look at the changed files only.
            next = loads
            var candidates = Set(restamped.compactMap { loads.positions[$0] })
            for position in loads.stamps.indices where loads.stamps[position] == nil { candidates.insert(position) }
            stale = candidates.filter { files[$0].stamp == nil || files[$0].stamp != loads.stamps[$0] }.sorted()
        } else {
            for (position, file) in files.enumerated() {
                next.positions[file.contentPath] = position
                if let old = loads.positions[file.contentPath], let stamp = file.stamp, loads.stamps[old] == stamp {
                    next.results.append(loads.results[old])
                    next.stamps.append(stamp)
                    next.origins.append(loads.origins[old])
                } else {
                    next.results.append((nil, []))
                    next.stamps.append(nil)
                    next.origins.append(nil)
                    stale.append(position)
                }
            }
        }
        let readAt = InputFingerprint.wallClockNanoseconds()
        // The folder's path once: `URL.path` took a tenth of each page's load.
        let root = contentRoot.path
        let fresh = parallelMap(stale.count) { position -> LoadResult in
            keepsText
                ? PageLoader.load(files[stale[position]], contentRoot: root)
                : PageLoader.loadWithoutText(files[stale[position]], contentRoot: root)
        }
        reloaded = []
        if !stale.isEmpty { fileIsCurrent = false }
        for (position, index) in stale.enumerated() {
            reloaded.insert(files[index].contentPath)
            next.results[index] = fresh[position]
            next.origins[index] = nil
            // A file changed just before it was read could change again within the same tick of the
            // file system's clock and keep its stamp (git's "racy" entries): read it again next time.
            if let stamp = files[index].stamp, max(stamp.modified, stamp.changed) < readAt - Self.racyNanoseconds {
                next.stamps[index] = stamp
            } else {
                next.stamps[index] = nil
            }
        }
        loads = next
        return next.results
    }

    /// Longer than a tick of the coarsest file time stamps Linux keeps (10 ms at 100 Hz).
    public static let racyNanoseconds: Int64 = 20_000_000

    // MARK: Site key and index

    /// Everything a page's HTML depends on besides its own text: build options, site.yml, the theme
    /// and overrides, the list of files, the data files, the images (their width and height are read
    /// into the pages), every page's settings and its `updated` day (which may come from Git).
    static func siteKey(options: BuildOptions, scanned: ScannedSite, loaded: [LoadedPage]) -> UInt64 {
        var key = Fingerprint()
        // A stamp from the last moments may not show the next change (see `racyNanoseconds`): such
        // a file makes this key unique, so the next build does not trust it.
        let now = InputFingerprint.wallClockNanoseconds()
        func add(_ stamp: FileStamp?) {
            if let stamp, max(stamp.modified, stamp.changed) >= now - racyNanoseconds { key.add(UInt64(bitPattern: now)) }
            key.add(stamp)
        }
        key.add(options.includeDrafts ? "drafts" : "published")
        key.add(options.today.description)
        add(scanned.configStamp)
        for (path, stamp) in scanned.themeStamps {
            key.add(path)
            add(stamp)
        }
        let files = scanned.files
        for file in files {
            key.add(file.contentPath)
            if file.kind == .data || (file.kind == .asset && isImage(file.fileName)) { add(file.stamp) }
        }
        // In file order; a page that failed to load shifts the rest, which changes the key too.
        key.add(UInt64(loaded.count))
        for page in loaded {
            key.add(page.frontMatterHash)
            key.add(page.meta.updated.map { UInt64($0.year * 10_000 + $0.month * 100 + $0.day) } ?? 0)
        }
        return key.value
    }

    /// A file `ImageSizeReader` may read a size from.
    private static func isImage(_ fileName: String) -> Bool {
        guard let dot = fileName.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        return ["png", "jpg", "jpeg", "gif", "webp", "svg"].contains(fileName[fileName.utf8.index(after: dot)...].lowercased())
    }

    /// The previous build's index when the site key is the same, with the new text of the pages read again.
    func index(for key: UInt64, loaded: [LoadedPage]) -> (index: SiteIndex, diagnostics: [Diagnostic])? {
        guard var site, site.key == key else { return nil }
        outputHasSiteKey = false
        // Out of the cache first, so the edit below does not copy the whole index.
        self.site = nil
        for page in loaded where reloaded.contains(page.source.contentPath) {
            site.index.replaceText(with: page)
        }
        self.site = site
        return (site.index, site.diagnostics)
    }

    func store(index: SiteIndex, key: UInt64, diagnostics: [Diagnostic]) {
        site = (key, index, diagnostics)
        renders = Array(repeating: nil, count: index.pages.count)
        // The same key means the same files, settings and theme, so the same index: the earlier results
        // hold by position; each is still checked against the page's output path.
        let seeded = seededRenders.flatMap { $0.key == key && $0.renders.count == index.pages.count ? $0.renders : nil }
        if seeded == nil { fileIsCurrent = false }
        outputHasSiteKey = seeded != nil
        if let seeded {
            for (position, entry) in seeded.enumerated() {
                if let entry, entry.outputPath == index.pages[position].outputPath { renders[position] = entry.render }
            }
        }
        seededRenders = nil
    }

    // MARK: Render

    /// The earlier result of a page of the cached index whose text is unchanged and whose file is still in the output.
    func reusableRender(of page: Page, writer: OutputWriter?) -> RenderedPage? {
        guard page.index < renders.count, let cached = renders[page.index], cached.bodyHash == page.loaded.bodyHash else { return nil }
        if let writer, !writer.keep(page.outputPath, hash: cached.hash) { return nil }
        return cached.result
    }

    func store(render result: RenderedPage, of page: Page, hash: UInt64) {
        fileIsCurrent = false
        guard page.index < renders.count else { return }
        renders[page.index] = CachedRender(bodyHash: page.loaded.bodyHash, hash: hash, result: result)
    }

    func remember(searchIndex hash: UInt64, entries: [Int: Range<Int>]) {
        searchIndexLock.lock()
        defer { searchIndexLock.unlock() }
        writtenSearchIndex = (hash, entries)
    }

    // MARK: Output

    /// The files of the output as this cache left it, when its manifest is still the one it wrote:
    /// a rebuild then neither reads the manifest nor checks every file of the output again.
    func outputManifest(at folder: URL) -> (files: [String: UInt64], order: [String])? {
        guard let output, output.folder == folder.path,
            FileStamp.of(folder.path + "/" + OutputFolder.marker) == output.stamp
        else { return nil }
        return (output.files, output.order)
    }

    func remember(output folder: URL, files: [String: UInt64], order: [String]) {
        output = FileStamp.of(folder.path + "/" + OutputFolder.marker).map { (folder.path, $0, files, order) }
    }

    // MARK: Copied files

    /// Copies `source` unless its stamp and the output show it is already there; false on failure.
    func copy(from source: String, to destination: String, with writer: OutputWriter) -> Bool {
        let stamp = FileStamp.of(source)
        if let stamp, let cached = copies[source], cached.stamp == stamp, writer.keep(destination, hash: cached.hash) {
            return true
        }
        fileIsCurrent = false
        guard let hash = writer.copyReturningHash(from: source, to: destination) else { return false }
        if let stamp { copies[source] = (stamp, hash) }
        return true
    }
}

/// Mixes values into one 64-bit key (not cryptographic; it tells changed from unchanged).
struct Fingerprint {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func add(_ number: UInt64) {
        value = (value ^ number) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 32
    }

    mutating func add(_ text: String) {
        add(ContentHash.of(text))
    }

    mutating func add(_ stamp: FileStamp?) {
        guard let stamp else { return add(0) }
        add(UInt64(bitPattern: stamp.size))
        add(UInt64(bitPattern: stamp.modified))
        add(UInt64(bitPattern: stamp.changed))
        add(stamp.inode)
    }
}
