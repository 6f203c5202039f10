import Foundation

/// Plain POSIX writes: Foundation's `Data.write` calls fsync for every file, which costs
/// 0.3–1.6 ms each on this disk (shared/reference/swift-deps.md §5.1).
enum FileWriter {
    static func write(_ text: String, to path: String) -> Bool {
        var text = text
        return text.withUTF8 { writeBuffer(UnsafeRawBufferPointer($0), to: path) }
    }

    static func write(_ buffer: UnsafeRawBufferPointer, to path: String) -> Bool {
        writeBuffer(buffer, to: path)
    }

    private static func writeBuffer(_ buffer: UnsafeRawBufferPointer, to path: String) -> Bool {
        writeReturningError(buffer, to: path) == 0
    }

    /// Writes the file; 0, or the `errno` of what went wrong (ENOSPC for a full disk).
    static func writeReturningError(_ buffer: UnsafeRawBufferPointer, to path: String) -> Int32 {
        writeReturningError([buffer], to: path)
    }

    /// Writes the file made of `parts` one after the other; 0, or an `errno`.
    static func writeReturningError(_ parts: [UnsafeRawBufferPointer], to path: String) -> Int32 {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            makeFolders(for: path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return errno }
        return finish(descriptor, parts)
    }

    /// Writes all of `parts`, in order, to the open file and closes it; 0 or an `errno`. A file of many
    /// parts (the search index: an entry per page) is written from where they are, without joining them.
    fileprivate static func finish(_ descriptor: Int32, _ parts: [UnsafeRawBufferPointer]) -> Int32 {
        var part = 0
        var offset = 0  // within `parts[part]`
        var vectors: [iovec] = []
        while part < parts.count {
            if parts[part].count == offset {
                part += 1
                offset = 0
                continue
            }
            vectors.removeAll(keepingCapacity: true)
            var next = part
            while next < parts.count, vectors.count < 1024 {  // IOV_MAX
                let start = next == part ? offset : 0
                if parts[next].count > start {
                    vectors.append(
                        iovec(
                            iov_base: UnsafeMutableRawPointer(mutating: parts[next].baseAddress! + start),
                            iov_len: parts[next].count - start))
                }
                next += 1
            }
            let written = vectors.withUnsafeBufferPointer { writev(descriptor, $0.baseAddress, Int32($0.count)) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                return code
            }
            if written == 0 {
                close(descriptor)
                return EIO
            }
            // Past what was written (a write may stop short, even in the middle of a part).
            var rest = written
            while rest > 0 {
                let left = parts[part].count - offset
                if rest < left {
                    offset += rest
                    rest = 0
                } else {
                    rest -= left
                    part += 1
                    offset = 0
                }
            }
        }
        // A full disk can also show at close (delayed allocation, network file systems).
        return close(descriptor) == 0 ? 0 : errno
    }

    /// The system's words for an `errno`: "No space left on device".
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// `mkdir -p` for the folder of `path`; two threads racing for one folder is fine (EEXIST).
    static func makeFolders(for path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        makeFolders(for: folder)
        mkdir(folder, 0o755)
    }
}

/// Writes files into a folder this build made empty (the staging folder), by paths relative to it.
/// It remembers the folders it made, so a new file costs one `openat` instead of a failed open, a
/// `mkdir` and a second open, each walking the whole path: at 10,000 pages that was a tenth of the
/// kernel's share of a cold build.
final class FolderFiles: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var made: Set<String> = []

    /// nil when the folder cannot be opened.
    init?(_ folder: String) {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Writes `path` (relative, no `..`); 0, or the `errno` of what went wrong.
    func write(_ parts: [UnsafeRawBufferPointer], to path: String) -> Int32 {
        if let slash = path.lastIndex(of: "/") { makeFolder(String(path[..<slash])) }
        var file = openat(descriptor, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if file < 0, errno == ENOENT, let slash = path.lastIndex(of: "/") {
            // A folder made earlier is gone (removed by hand during the build): make it again.
            makeFolder(String(path[..<slash]), trustingMemory: false)
            file = openat(descriptor, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard file >= 0 else { return errno }
        return FileWriter.finish(file, parts)
    }

    /// When the inode of `path` (relative, looked up from the folder, not from `/`) last changed: a
    /// write, a rename or a `chmod` all set it. nil when there is no such file.
    func changeTime(of path: String) -> timespec? {
        var info = stat()
        return fstatat(descriptor, path, &info, 0) == 0 ? info.st_ctim : nil
    }

    /// Whether `path` exists and has not changed after `time`. Equal times count as untouched: the
    /// clock behind them ticks in milliseconds, and a build's own last files share the manifest's tick.
    func isUntouched(_ path: String, since time: timespec) -> Bool {
        guard let changed = changeTime(of: path) else { return false }
        return changed.tv_sec < time.tv_sec || (changed.tv_sec == time.tv_sec && changed.tv_nsec <= time.tv_nsec)
    }

    /// `mkdir -p` below the folder; two threads making one folder is fine (EEXIST).
    private func makeFolder(_ folder: String, trustingMemory: Bool = true) {
        if trustingMemory {
            lock.lock()
            let known = made.contains(folder)
            lock.unlock()
            if known { return }
        }
        if mkdirat(descriptor, folder, 0o755) != 0, errno == ENOENT, let slash = folder.lastIndex(of: "/") {
            makeFolder(String(folder[..<slash]), trustingMemory: trustingMemory)
            mkdirat(descriptor, folder, 0o755)
        }
        lock.lock()
        made.insert(folder)
        lock.unlock()
    }
}
