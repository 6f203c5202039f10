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
