import Foundation

/// Writes the files of one build. A file whose bytes are the same as in the previous build (by the
/// hash kept in the output's manifest) is not written again; a changed or new file goes to the
/// staging folder and is moved into place only when the whole build has succeeded.
/// A no-change rebuild of 10,000 pages therefore writes nothing, and this disk, slow at creating
/// files right after deleting many, is spared (shared/bench/RESULTS.md).
final class OutputWriter: @unchecked Sendable {
    let staging: String
    let final: String
    /// Path → content hash of the previous build (empty when there is none).
    let previous: [String: UInt64]
    private let lock = NSLock()
    private var current: [String: UInt64] = [:]
    private var staged: [String] = []

    init(staging: String, final: String, previous: [String: UInt64]) {
        self.staging = staging
        self.final = final
        self.previous = previous
    }

    func write(_ text: String, to path: String) -> Bool {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: path) }
    }

    func write(_ bytes: [UInt8], to path: String) -> Bool {
        bytes.withUnsafeBytes { write($0, to: path) }
    }

    func copy(from source: String, to path: String) -> Bool {
        switch FileReader.readBytes(at: source) {
        case .success(let bytes): return write(bytes, to: path)
        case .failure: return false
        }
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to path: String) -> Bool {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output path escapes the output folder: \(path)")
        let hash = ContentHash.of(buffer)
        let unchanged = previous[path] == hash && access(final + "/" + path, F_OK) == 0
        lock.lock()
        current[path] = hash
        if !unchanged { staged.append(path) }
        lock.unlock()
        return unchanged || FileWriter.write(buffer, to: staging + "/" + path)
    }

    /// What the new output holds, for the manifest.
    var manifest: [String: UInt64] {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    var stagedFiles: [String] {
        lock.lock()
        defer { lock.unlock() }
        return staged
    }

    // MARK: Manifest

    static func manifestText(_ files: [String: UInt64]) -> String {
        var text = "# Written by Mengvorm; the next build updates this folder. Content hash and path of every file:\n"
        for (path, hash) in files.sorted(by: { $0.key < $1.key }) {
            text += String(hash, radix: 16) + " " + path + "\n"
        }
        return text
    }

    static func readManifest(_ path: String) -> [String: UInt64] {
        guard case .success(let text) = FileReader.readText(at: path) else { return [:] }
        var files: [String: UInt64] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.firstIndex(of: " "), let hash = UInt64(line[..<space], radix: 16) else { continue }
            files[String(line[line.index(after: space)...])] = hash
        }
        return files
    }
}

/// A fast 64-bit hash of file contents (not cryptographic: it only tells changed from unchanged).
enum ContentHash {
    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count)
        let words = buffer.count / 8
        for index in 0..<words {
            let word = buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        for index in (words * 8)..<buffer.count {
            hash = (hash ^ UInt64(buffer[index])) &* 0x94D0_49BB_1331_11EB
        }
        hash ^= hash >> 29
        return hash &* 0xBF58_476D_1CE4_E5B9
    }
}
