import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reports changes to the files a build reads: `Content/`, the theme folders, `Overrides/` and `site.yml`.
/// On Linux it listens to inotify, so a saved file is seen within milliseconds and an idle preview costs
/// nothing; elsewhere (or when inotify is unavailable) it compares file stamps every `pollInterval`.
/// The paths it reports let a rebuild skip the walk over Content/ when files only changed in place.
enum SiteWatcher {
    /// One element per burst of changes; bursts during a rebuild add up in `pending` for the next one.
    static func changes(of root: URL, pollInterval: Duration, pending: PendingChanges) -> AsyncStream<Void> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            #if os(Linux)
                if let notifier = InotifyWatcher(root: root.path) {
                    let thread = Thread {
                        while let burst = notifier.waitForBurst() {
                            pending.record(burst.paths, structural: burst.structural)
                            continuation.yield()
                        }
                        continuation.finish()
                    }
                    thread.stackSize = 1 << 20
                    thread.start()
                    continuation.onTermination = { _ in notifier.stop() }
                    return
                }
            #endif
            let task = Task {
                var signature = SiteSignature.read(root)
                while !Task.isCancelled {
                    try? await Task.sleep(for: pollInterval)
                    let now = SiteSignature.read(root)
                    if now != signature {
                        signature = now
                        pending.record([], structural: true)
                        continuation.yield()
                    }
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// What changed since the builder last asked: the files changed in place, or that the set of files
/// itself changed (a file added, removed or renamed, or a watcher that cannot tell).
public final class PendingChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    private var structural = false

    public init() {}

    func record(_ changed: Set<String>, structural: Bool) {
        lock.lock()
        defer { lock.unlock() }
        paths.formUnion(changed)
        self.structural = self.structural || structural
    }

    /// Everything recorded so far, and clears it: the changed paths, or nil when a build must look at every file.
    public func take() -> Set<String>? {
        lock.lock()
        defer { lock.unlock() }
        let taken = structural ? nil : paths
        paths = []
        structural = false
        return taken
    }
}

#if os(Linux)
    /// Watches every folder under the site's source folders with inotify (one watch per folder, added as
    /// folders appear). Runs on its own thread because reading the events blocks.
    final class InotifyWatcher: @unchecked Sendable {
        static let sourceFolders = ["Content", "Themes", "Overrides"]
        /// Events of one save (write, close, rename) arrive together; a burst ends after this quiet time.
        static let settleMilliseconds: Int32 = 8
        /// How long a burst waits for a file written in place to be closed: a save that empties the file
        /// and then writes it, on a busy machine, is more than `settleMilliseconds` apart, and a build of
        /// the empty file would show a broken page for a moment (and render every page twice).
        static let closeWait: TimeInterval = 1

        private let descriptor: Int32
        private let root: String
        /// Watch descriptor → folder; touched only by the watcher's thread.
        private var folders: [Int32: String] = [:]
        private let stopped = NSLock()
        private var isStopped = false

        private static let folderMask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
                | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

        init?(root: String) {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            self.root = root
            // The site folder itself, for site.yml and for source folders created later.
            guard add(root, recursive: false) else {
                close(descriptor)
                return nil
            }
            for folder in Self.sourceFolders { _ = add(root + "/" + folder, recursive: true) }
        }

        func stop() {
            stopped.lock()
            isStopped = true
            stopped.unlock()
        }

        private var shouldStop: Bool {
            stopped.lock()
            defer { stopped.unlock() }
            return isStopped
        }

        struct Burst {
            /// Files changed in place.
            var paths: Set<String> = []
            /// Files or folders were added, removed or renamed (or events were lost).
            var structural = false
            /// Files written in place and not closed yet: the save is still going on.
            var beingWritten: Set<String> = []
            var isEmpty: Bool { paths.isEmpty && !structural }

            mutating func noteInPlace(_ path: String, _ mask: UInt32) {
                paths.insert(path)
                if mask & UInt32(IN_MODIFY) != 0 { beingWritten.insert(path) }
                if mask & UInt32(IN_CLOSE_WRITE) != 0 { beingWritten.remove(path) }
            }
        }

        /// Blocks until a burst of relevant changes has happened and settled; nil once stopped.
        func waitForBurst() -> Burst? {
            var burst = Burst()
            var started = Date()
            while !shouldStop {
                // Wake up now and then to notice `stop()`; while a burst is open, only wait for it to settle.
                let timeout = burst.isEmpty ? 500 : Self.settleMilliseconds
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, timeout)
                if ready < 0 && errno != EINTR { break }
                if ready <= 0 {
                    let closed = burst.beingWritten.isEmpty || Date().timeIntervalSince(started) > Self.closeWait
                    if !burst.isEmpty && closed { return burst }
                    continue
                }
                if burst.isEmpty { started = Date() }
                readEvents(into: &burst)
            }
            close(descriptor)
            return nil
        }

        /// Reads the pending events into `burst`, keeping those that concern a file the build reads.
        private func readEvents(into burst: inout Burst) {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            let inPlace = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB)
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    burst.structural = true
                    continue
                }
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders.removeValue(forKey: watch)
                    continue
                }
                if folder == root {
                    // In the site folder only site.yml and the source folders matter.
                    if name == "site.yml" { burst.noteInPlace(root + "/" + name, mask) }
                    if Self.sourceFolders.contains(name) {
                        burst.structural = true
                        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = add(root + "/" + name, recursive: true) }
                    }
                    continue
                }
                // Editors' swap and backup files (`.page.md.swp`, `page.md~`) are not site files.
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                if mask & UInt32(IN_ISDIR) == 0, mask & ~inPlace == 0 {
                    burst.noteInPlace(folder + "/" + name, mask)
                    continue
                }
                burst.structural = true
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = add(folder + "/" + name, recursive: true)
                }
            }
        }

        /// Adds a watch for `folder` (and, recursively, the folders below it); false when it cannot be watched.
        private func add(_ folder: String, recursive: Bool) -> Bool {
            let mask =
                folder == root
                ? UInt32(IN_CREATE | IN_DELETE | IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB)
                : Self.folderMask | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW)
            let watch = inotify_add_watch(descriptor, folder, mask)
            guard watch >= 0 else { return false }
            folders[watch] = folder
            guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return true }
            for name in names where !name.hasPrefix(".") {
                var info = stat()
                let path = folder + "/" + name
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { _ = add(path, recursive: true) }
            }
            return true
        }
    }
#endif

/// A cheap fingerprint of every watched file: paths, sizes and modification times (the polling fallback).
enum SiteSignature {
    static func read(_ root: URL) -> [String: String] {
        var signature: [String: String] = [:]
        for folder in ["Content", "Themes", "Overrides"] {
            let base = root.appendingPathComponent(folder).path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                add(base + "/" + relative, to: &signature)
            }
        }
        add(root.appendingPathComponent("site.yml").path, to: &signature)
        return signature
    }

    private static func add(_ path: String, to signature: inout [String: String]) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        signature[path] = "\(info.st_size)/\(info.st_mtim.tv_sec)/\(info.st_mtim.tv_nsec)"
    }
}
