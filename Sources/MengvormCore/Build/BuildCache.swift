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
    struct CachedLoad {
        var stamp: FileStamp
        var page: LoadedPage?
        var diagnostics: [Diagnostic]
    }

    struct CachedRender {
        var key: UInt64
        var hash: UInt64
        var result: RenderedPage
    }

    private var loads: [String: CachedLoad] = [:]
    private var site: (key: UInt64, index: SiteIndex, diagnostics: [Diagnostic])?
    private var renders: [String: CachedRender] = [:]
    private var copies: [String: (stamp: FileStamp, hash: UInt64)] = [:]
    /// Content paths read again by the current build.
    private var reloaded: Set<String> = []

    public init() {}

    // MARK: Load

    /// Loads the files whose stamp changed (in parallel) and reuses the others.
    func load(_ files: [SourceFile], contentRoot: URL) -> [(page: LoadedPage?, diagnostics: [Diagnostic])] {
        let stale = files.indices.filter { index in
            guard let stamp = files[index].stamp, let cached = loads[files[index].contentPath] else { return true }
            return cached.stamp != stamp
        }
        let readAt = Self.wallClockNanoseconds()
        let fresh = parallelMap(stale.count) { PageLoader.load(files[stale[$0]], contentRoot: contentRoot) }
        reloaded = []
        for (position, index) in stale.enumerated() {
            let file = files[index]
            reloaded.insert(file.contentPath)
            // A file changed just before it was read could change again within the same tick of the
            // file system's clock and keep its stamp (git's "racy" entries): read it again next time.
            if let stamp = file.stamp, max(stamp.modified, stamp.changed) < readAt - Self.racyNanoseconds {
                loads[file.contentPath] = CachedLoad(stamp: stamp, page: fresh[position].page, diagnostics: fresh[position].diagnostics)
            } else {
                loads.removeValue(forKey: file.contentPath)
            }
        }
        let present = Set(files.map(\.contentPath))
        loads = loads.filter { present.contains($0.key) }
        var freshByIndex: [Int: (page: LoadedPage?, diagnostics: [Diagnostic])] = [:]
        for (position, index) in stale.enumerated() { freshByIndex[index] = fresh[position] }
        return files.indices.map { index in
            if let made = freshByIndex[index] { return made }
            let cached = loads[files[index].contentPath]!
            return (cached.page, cached.diagnostics)
        }
    }

    /// Longer than a tick of the coarsest file time stamps Linux keeps (10 ms at 100 Hz).
    static let racyNanoseconds: Int64 = 20_000_000

    private static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    // MARK: Site key and index

    /// Everything a page's HTML depends on besides its own text: build options, site.yml, the theme
    /// and overrides, the list of files, the data files and every page's settings.
    static func siteKey(options: BuildOptions, theme: String, files: [SourceFile], loaded: [LoadedPage]) -> UInt64 {
        var key = Fingerprint()
        // A stamp from the last moments may not show the next change (see `racyNanoseconds`): such
        // a file makes this key unique, so the next build does not trust it.
        let now = wallClockNanoseconds()
        func add(_ stamp: FileStamp?) {
            if let stamp, max(stamp.modified, stamp.changed) >= now - racyNanoseconds { key.add(UInt64(bitPattern: now)) }
            key.add(stamp)
        }
        key.add(options.includeDrafts ? "drafts" : "published")
        key.add(options.today.description)
        let root = options.siteRoot.path
        add(FileStamp.of(root + "/" + SiteConfig.fileName))
        for folder in ["Themes/" + theme, TemplateSet.overridesFolder] {
            for (path, stamp) in stamps(under: root + "/" + folder) {
                key.add(path)
                add(stamp)
            }
        }
        for file in files {
            key.add(file.contentPath)
            if file.kind == .data { add(file.stamp) }
        }
        for page in loaded {
            key.add(page.source.contentPath)
            key.add(page.frontMatterHash)
        }
        return key.value
    }

    /// The previous build's index when the site key is the same, with the new text of the pages read again.
    func index(for key: UInt64, loaded: [LoadedPage]) -> (index: SiteIndex, diagnostics: [Diagnostic])? {
        guard var site, site.key == key else { return nil }
        for page in loaded where reloaded.contains(page.source.contentPath) {
            site.index.replaceText(with: page)
        }
        self.site = site
        return (site.index, site.diagnostics)
    }

    func store(index: SiteIndex, key: UInt64, diagnostics: [Diagnostic]) {
        site = (key, index, diagnostics)
    }

    // MARK: Render

    /// The key of one page's render: the site key and the page's own text.
    static func renderKey(siteKey: UInt64, page: Page) -> UInt64 {
        var key = Fingerprint()
        key.add(siteKey)
        key.add(page.loaded.source.contentPath)
        key.add(page.loaded.bodyHash)
        return key.value
    }

    /// The earlier result of a page whose render key is unchanged and whose file is still in the output.
    func reusableRender(of page: Page, key: UInt64, writer: OutputWriter?) -> RenderedPage? {
        guard let cached = renders[page.outputPath], cached.key == key else { return nil }
        if let writer, !writer.keep(page.outputPath, hash: cached.hash) { return nil }
        return cached.result
    }

    func store(render result: RenderedPage, of page: Page, key: UInt64, hash: UInt64) {
        renders[page.outputPath] = CachedRender(key: key, hash: hash, result: result)
    }

    /// Forgets pages that are no longer in the site.
    func keepRenders(of index: SiteIndex) {
        let present = Set(index.pages.map(\.outputPath))
        renders = renders.filter { present.contains($0.key) }
    }

    // MARK: Copied files

    /// Copies `source` unless its stamp and the output show it is already there; nil on failure.
    func copy(from source: String, to destination: String, with writer: OutputWriter) -> Bool {
        let stamp = FileStamp.of(source)
        if let stamp, let cached = copies[source], cached.stamp == stamp, writer.keep(destination, hash: cached.hash) {
            return true
        }
        guard let hash = writer.copyReturningHash(from: source, to: destination) else { return false }
        if let stamp { copies[source] = (stamp, hash) }
        return true
    }

    /// Every regular file under `folder` with its stamp, sorted by path.
    private static func stamps(under folder: String) -> [(String, FileStamp)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [(String, FileStamp)] = []
        while let relative = enumerator.nextObject() as? String {
            if let stamp = FileStamp.of(folder + "/" + relative) { found.append((relative, stamp)) }
        }
        return found.sorted { $0.0 < $1.0 }
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
