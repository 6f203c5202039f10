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
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            makeFolders(for: path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { return errno }
        return finish(descriptor, buffer)
    }

    /// Writes all of `buffer` to the open file and closes it; 0 or an `errno`.
    fileprivate static func finish(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                return code
            }
            offset += written
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
    func write(_ buffer: UnsafeRawBufferPointer, to path: String) -> Int32 {
        if let slash = path.lastIndex(of: "/") { makeFolder(String(path[..<slash])) }
        var file = openat(descriptor, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if file < 0, errno == ENOENT, let slash = path.lastIndex(of: "/") {
            // A folder made earlier is gone (removed by hand during the build): make it again.
            makeFolder(String(path[..<slash]), trustingMemory: false)
            file = openat(descriptor, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard file >= 0 else { return errno }
        return FileWriter.finish(file, buffer)
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
