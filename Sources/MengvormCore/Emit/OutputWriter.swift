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
    /// Check that a file of the previous build is still there before counting on it.
    let checksFiles: Bool
    /// The sorted paths of the previous manifest, when known (see `manifestText`).
    let previousOrder: [String]?
    /// The content hash of the previous manifest, when it was read from the output folder.
    let previousManifestHash: UInt64?
    /// The previous output, opened once for `checksFiles` (nil when it does not exist yet, or cannot be
    /// opened: then every file is written again).
    private let finalFiles: FolderFiles?
    /// When the previous build put its manifest in place, its last step: a file of the output changed
    /// since (edited by hand) is no longer what the manifest's hash says, and is written again.
    private let manifestChanged: timespec?
    private let lock = NSLock()
    private var current: [String: UInt64] = [:]
    private var staged: [String] = []
    private var failures: [Failure] = []
    /// Writes one file, made of its parts one after the other, into the staging folder, by its path in
    /// the output: 0 or an `errno`. A seam for tests of a full disk.
    var writeFile: @Sendable ([UnsafeRawBufferPointer], String) -> Int32

    /// A file this build could not write (or read, for a copy), with the system's reason.
    struct Failure: Sendable {
        var path: String
        /// The file it was copied from, when it is a copy.
        var source: String?
        var code: Int32
    }

    init(
        staging: String, final: String, previous: [String: UInt64], previousOrder: [String]? = nil,
        previousManifestHash: UInt64? = nil, checksFiles: Bool = true
    ) {
        self.staging = staging
        self.final = final
        self.previous = previous
        self.previousOrder = previousOrder
        self.previousManifestHash = previousManifestHash
        self.checksFiles = checksFiles
        finalFiles = checksFiles ? FolderFiles(final) : nil
        manifestChanged = finalFiles?.changeTime(of: OutputFolder.marker)
        if let files = FolderFiles(staging) {
            writeFile = { files.write($0, to: $1) }
        } else {
            writeFile = { [staging] in FileWriter.writeReturningError($0, to: staging + "/" + $1) }
        }
    }

    /// Writes `text` unless the previous build left the same bytes there; `hash` when the caller has it already.
    func write(_ text: String, to path: String, hash: UInt64? = nil) -> Bool {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: path, hash: hash) }
    }

    func write(bytes: [UInt8], to path: String, hash: UInt64? = nil) -> Bool {
        bytes.withUnsafeBytes { write($0, to: path, hash: hash) }
    }

    func copy(from source: String, to path: String) -> Bool {
        copyReturningHash(from: source, to: path) != nil
    }

    /// Copies a file into the output; its content hash, or nil when it could not be read or written.
    func copyReturningHash(from source: String, to path: String) -> UInt64? {
        let bytes: [UInt8]
        switch FileReader.readBytes(at: source) {
        case .success(let read): bytes = read
        case .failure(let failure):
            if case .unreadable(let code) = failure {
                record(Failure(path: path, source: source, code: code))
            } else {
                record(Failure(path: path, source: source, code: EIO))
            }
            return nil
        }
        return bytes.withUnsafeBytes { buffer in
            let hash = ContentHash.of(buffer)
            return write(buffer, to: path, hash: hash, source: source) ? hash : nil
        }
    }

    private func record(_ failure: Failure) {
        lock.lock()
        failures.append(failure)
        lock.unlock()
    }

    /// What could not be written, in one message per cause a person can act on: a full disk (or
    /// quota, or a read-only disk) once with the count of files not written, any other reason per file.
    /// `display` turns a source path into the site-relative one shown to the editor.
    func failureDiagnostics(display: (String) -> String) -> [Diagnostic] {
        lock.lock()
        let all = failures.sorted { $0.path < $1.path }
        lock.unlock()
        var diagnostics: [Diagnostic] = []
        var whole: [Int32: Int] = [:]
        var shown: [Int32: Int] = [:]
        var more: [Int32: Int] = [:]
        for failure in all {
            if [ENOSPC, EDQUOT, EROFS].contains(failure.code) {
                whole[failure.code, default: 0] += 1
                continue
            }
            // One cause for many files (a folder that may not be written): the first few, then a count.
            if shown[failure.code, default: 0] >= 3 {
                more[failure.code, default: 0] += 1
                continue
            }
            shown[failure.code, default: 0] += 1
            let reason = FileWriter.reason(failure.code)
            if let source = failure.source {
                let shown = display(source)
                diagnostics.append(
                    .error("cannot copy this file to \(failure.path) in the output: \(reason)", at: SourceLocation(path: shown)))
            } else {
                diagnostics.append(.error("cannot write \(failure.path) into the staging folder \(staging): \(reason)", at: nil))
            }
        }
        for (code, count) in more.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(
                .error("and \(count) more \(count == 1 ? "file" : "files") could not be written: \(FileWriter.reason(code))", at: nil))
        }
        for (code, count) in whole.sorted(by: { $0.key < $1.key }) {
            let files = count == 1 ? "1 file was" : "\(count) files were"
            diagnostics.append(
                .error(
                    "cannot write the new site beside \(final): \(FileWriter.reason(code)); \(files) not written, and the previous output is unchanged; free space on that disk and build again",
                    at: nil))
        }
        return diagnostics
    }

    /// `keep` with the hash the previous build's manifest has for `path`; false when it has none.
    func keepPrevious(_ path: String) -> Bool {
        guard let hash = previous[path] else { return false }
        return keep(path, hash: hash)
    }

    /// Counts a file of the previous build into this one without its bytes: true when the previous
    /// build left exactly the content with this hash at `path`, false when the caller must write it.
    func keep(_ path: String, hash: UInt64) -> Bool {
        guard isUnchanged(path, hash: hash) else { return false }
        lock.lock()
        current[path] = hash
        lock.unlock()
        return true
    }

    /// Counts every file of the previous build that this one has not written or kept yet into this one,
    /// when all of them are still there as that build left them; how many. For a build whose outputs
    /// are known to be the same as last time. nil, and nothing counted, when one is gone or was changed
    /// by hand: then the outputs are written again (keeping the others would have lost that one).
    func keepRemainingPrevious() -> Int? {
        lock.lock()
        let remaining = Array(previous.filter { current[$0.key] == nil })
        lock.unlock()
        // One check per file (10,000 after a no-change build): side by side, 27 ms alone.
        let allThere = parallelRanges(remaining.count, parts: 4, minimum: 256) { range in
            remaining[range].allSatisfy { isUnchanged($0.key, hash: $0.value) }
        }.allSatisfy { $0 }
        guard allThere else { return nil }
        lock.lock()
        for (path, hash) in remaining { current[path] = hash }
        lock.unlock()
        return remaining.count
    }

    private func isUnchanged(_ path: String, hash: UInt64) -> Bool {
        guard previous[path] == hash else { return false }
        guard checksFiles else { return true }
        // No manifest to compare with means no previous build to keep files of.
        guard let finalFiles, let manifestChanged else { return false }
        return finalFiles.isUntouched(path, since: manifestChanged)
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to path: String, hash: UInt64?, source: String? = nil) -> Bool {
        write(parts: [buffer], to: path, hash: hash ?? ContentHash.of(buffer), source: source)
    }

    /// Writes a file made of `parts` side by side without joining them first (the search index of
    /// 10,000 pages is 75 MB of entries); `hash` is the content hash of the whole (`ContentHash.of(parts:)`).
    func write(parts: [UnsafeRawBufferPointer], to path: String, hash: UInt64, source: String? = nil) -> Bool {
        precondition(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "output path escapes the output folder: \(path)")
        let unchanged = isUnchanged(path, hash: hash)
        lock.lock()
        current[path] = hash
        if !unchanged { staged.append(path) }
        lock.unlock()
        if unchanged { return true }
        let code = writeFile(parts, path)
        if code != 0 { record(Failure(path: path, source: source, code: code)) }
        return code == 0
    }

    /// What the new output holds, for the manifest.
    var manifest: [String: UInt64] {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// The manifest of what this build wrote and kept (see `manifestText(_:order:)`).
    func manifestText() -> (text: String, order: [String]) {
        OutputWriter.manifestText(manifest, order: previousOrder)
    }

    var stagedFiles: [String] {
        lock.lock()
        defer { lock.unlock() }
        return staged
    }

    // MARK: Manifest

    /// The manifest: one line per file, sorted by path. `order`, the sorted paths of an earlier
    /// manifest, is used when it names exactly the same files (sorting 10,000 paths on every
    /// rebuild in `serve` took longer than rendering the edited page).
    static func manifestText(_ files: [String: UInt64], order: [String]? = nil) -> (text: String, order: [String]) {
        let paths: [String]
        if let order, order.count == files.count, order.allSatisfy({ files[$0] != nil }) {
            paths = order
        } else {
            paths = files.keys.sorted()
        }
        var text = Array("# Written by Mengvorm; the next build updates this folder. Content hash and path of every file:\n".utf8)
        text.reserveCapacity(files.count * 64)
        let hexDigits = Array("0123456789abcdef".utf8)
        var digits = [UInt8](repeating: 0, count: 16)
        for path in paths {
            var rest = files[path]!
            var count = 0
            repeat {
                digits[15 - count] = hexDigits[Int(rest & 15)]
                rest >>= 4
                count += 1
            } while rest != 0
            text.append(contentsOf: digits[(16 - count)...])
            text.append(UInt8(ascii: " "))
            text.append(contentsOf: path.utf8)
            text.append(UInt8(ascii: "\n"))
        }
        return (String(decoding: text, as: UTF8.self), paths)
    }

    /// The files a manifest names, and their paths in its order when that is sorted, as `manifestText`
    /// writes it: the next manifest then need not sort them again (10,000 paths, 8 ms of a no-change rebuild).
    static func readManifest(_ path: String) -> (files: [String: UInt64], order: [String]?, hash: UInt64?) {
        guard case .success(let bytes) = FileReader.readBytes(at: path) else { return ([:], nil, nil) }
        var files: [String: UInt64] = [:]
        var order: [String] = []
        var sorted = true
        // Byte-wise: a 10,000-line manifest split as Characters cost 35 ms per build.
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { continue }
            var hash: UInt64 = 0
            var valid = space > line.startIndex
            for digit in line[..<space] {
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): hash = hash << 4 | UInt64(digit - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): hash = hash << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
                default: valid = false
                }
            }
            guard valid else { continue }
            let file = String(decoding: line[line.index(after: space)...], as: UTF8.self)
            if sorted, let last = order.last, !(last < file) { sorted = false }
            if sorted { order.append(file) }
            files[file] = hash
        }
        return (files, sorted ? order : nil, bytes.withUnsafeBytes { ContentHash.of($0) })
    }
}
