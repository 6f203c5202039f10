import Foundation

/// The output folder: refused when it could hold anything but a previous build,
/// built in a staging folder beside it and swapped in only when the build succeeds.
struct OutputFolder {
    /// Written into every output so a later build knows the folder is its own to replace.
    static let marker = ".mengvorm-output"
    /// What this build learnt for the next one (see `PersistentCache`); not in the manifest, never published.
    static let cacheFile = ".mengvorm-cache"

    let final: URL
    let staging: URL

    enum Refusal: Error {
        case message(String)
    }

    /// A step of putting the new site in place that failed, with the system's reason.
    struct IOFailure: Error, CustomStringConvertible {
        var description: String
        init(_ what: String, _ code: Int32 = errno) { description = what + ": " + FileWriter.reason(code) }
    }

    /// Checks that `output` is a folder a build may replace.
    static func prepare(output: URL, siteRoot: URL) -> Result<OutputFolder, Refusal> {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let root = siteRoot.standardizedFileURL.resolvingSymlinksInPath().path
        func isInside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }
        if out == "/" || isInside(root, out) {
            return .failure(.message("the output folder \(out) contains the site itself; choose a folder such as Output/"))
        }
        for protected in ["Content", "Themes", TemplateSet.overridesFolder, ".git", "Sources", "Tests"] {
            if isInside(out, root + "/" + protected) {
                return .failure(.message("the output folder may not be inside \(protected)/; choose a folder such as Output/"))
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .failure(.message("the output path \(out) is a file, not a folder"))
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !entries.isEmpty && !entries.contains(marker) {
                return .failure(
                    .message("the output folder \(out) is not empty and was not written by Mengvorm; empty it or choose another folder"))
            }
        }
        let parent = URL(fileURLWithPath: out).deletingLastPathComponent()
        let name = URL(fileURLWithPath: out).lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        return .success(OutputFolder(final: URL(fileURLWithPath: out), staging: staging))
    }

    /// Whether the output is exactly as a build left it: its manifest has the content hash that build
    /// wrote, and no file the manifest names was written, replaced or deleted since the manifest was put
    /// in place (the last step of every build, see `FolderFiles.isUntouched`). Reads nothing but the manifest.
    func isAsLeft(manifestHash: UInt64) -> Bool {
        guard let (files, placed, manifest) = Self.placedManifest(in: final.path, hash: manifestHash) else { return false }
        // The manifest is the one that build wrote: "hash path" lines after a comment line.
        let lines = manifest.split(separator: UInt8(ascii: "\n")).filter { $0.first != UInt8(ascii: "#") }
        // One check per file (10,000 at 10,000 pages): side by side.
        return parallelRanges(lines.count, parts: 4, minimum: 256) { range in
            lines[range].allSatisfy { line in
                guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return false }
                return files.isUntouched(String(decoding: line[line.index(after: space)...], as: UTF8.self), since: placed)
            }
        }.allSatisfy { $0 }
    }

    /// Whether the file at `path` in the output `folder` is as the build that wrote the manifest with
    /// `manifestHash` left it: that manifest is in place, and the file was not written, replaced or
    /// deleted since. As good as reading it again and comparing its hash, without the reading.
    static func isAsLeft(_ path: String, in folder: String, manifestHash: UInt64) -> Bool {
        guard let (files, placed, _) = placedManifest(in: folder, hash: manifestHash) else { return false }
        return files.isUntouched(path, since: placed)
    }

    /// The output's files, when its manifest was put in place, and the manifest, when it has `hash`.
    private static func placedManifest(in folder: String, hash: UInt64) -> (FolderFiles, timespec, [UInt8])? {
        guard let files = FolderFiles(folder), let placed = files.changeTime(of: OutputFolder.marker),
            case .success(let manifest) = FileReader.readBytes(at: folder + "/" + OutputFolder.marker),
            manifest.withUnsafeBytes({ ContentHash.of($0) }) == hash
        else { return nil }
        return (files, placed, manifest)
    }

    /// Creates an empty staging folder and a writer that knows the previous build's files: from the
    /// manifest on disk, or `known` from a `BuildCache` that wrote the output itself (then the files
    /// are trusted to be there, and not checked one by one).
    func begin(known: (files: [String: UInt64], order: [String])? = nil) -> Result<OutputWriter, IOFailure> {
        try? FileManager.default.removeItem(at: staging)
        removeStaleStagingFolders()
        FileWriter.makeFolders(for: staging.path)
        guard mkdir(staging.path, 0o755) == 0 || errno == EEXIST else {
            return .failure(IOFailure("cannot create the staging folder \(staging.path)"))
        }
        let previous = known.map { ($0.files, $0.order, nil) } ?? OutputWriter.readManifest(final.path + "/" + OutputFolder.marker)
        return .success(
            OutputWriter(
                staging: staging.path, final: final.path, previous: previous.0, previousOrder: previous.1,
                previousManifestHash: previous.2, checksFiles: known == nil))
    }

    /// Puts the new build in place. A first build renames the staging folder into place; later builds
    /// move only the changed files in, delete the files the site no longer has, and update the manifest.
    /// `manifest`: `writer.manifestText()` when the caller has it already. Returns the sorted paths of
    /// the new manifest, for the next build's `begin(known:)`.
    @discardableResult
    func commit(
        _ writer: OutputWriter, manifest precomputed: (text: String, order: [String])? = nil, keepingCacheFile: Bool = false
    ) throws -> [String] {
        let fm = FileManager.default
        let (manifest, newOrder) = precomputed ?? writer.manifestText()
        guard fm.fileExists(atPath: final.path) else {
            var text = manifest
            let code = text.withUTF8 {
                FileWriter.writeReturningError(UnsafeRawBufferPointer($0), to: staging.path + "/" + OutputFolder.marker)
            }
            guard code == 0 else { throw IOFailure("cannot write \(OutputFolder.marker)", code) }
            try fm.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: staging, to: final)
            return newOrder
        }
        // The previous cache file describes the previous output: gone before that output changes, so
        // an interrupted commit leaves no file that could mislead the next build.
        if !keepingCacheFile { unlink(final.path + "/" + OutputFolder.cacheFile) }
        for path in writer.stagedFiles {
            let target = final.path + "/" + path
            if rename(staging.path + "/" + path, target) != 0 {
                FileWriter.makeFolders(for: target)
                // A folder where a file now goes (or the reverse) is removed first.
                try? fm.removeItem(atPath: target)
                guard rename(staging.path + "/" + path, target) == 0 else { throw IOFailure("cannot move \(path) into place") }
            }
        }
        let current = writer.manifest
        for path in writer.previous.keys where current[path] == nil {
            unlink(final.path + "/" + path)
            removeEmptyFolders(above: path)
        }
        // The new cache file, if this build wrote one, then the manifest, each through a rename.
        let cache = OutputFolder.cacheFile
        if rename(staging.path + "/" + cache, final.path + "/" + cache) != 0 && errno != ENOENT {
            unlink(final.path + "/" + cache)
        }
        // The manifest last, through a rename, so it never describes a half-written folder.
        let temporary = final.path + "/" + OutputFolder.marker + ".new"
        var text = manifest
        let code = text.withUTF8 { FileWriter.writeReturningError(UnsafeRawBufferPointer($0), to: temporary) }
        guard code == 0 else { throw IOFailure("cannot write \(OutputFolder.marker)", code) }
        guard rename(temporary, final.path + "/" + OutputFolder.marker) == 0 else {
            throw IOFailure("cannot move \(OutputFolder.marker) into place")
        }
        try? fm.removeItem(at: staging)
        return newOrder
    }

    private func removeEmptyFolders(above path: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(final.path + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Removes the staging folders that builds killed before they could clean up (`kill -9`, a power cut)
    /// left beside the output: `.Output.staging-PID` whose process no longer runs. The folder of a build
    /// that is still running (its PID is alive, or not ours to signal) is never touched.
    func removeStaleStagingFolders() {
        let parent = final.deletingLastPathComponent().path
        let prefix = "." + final.lastPathComponent + ".staging-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), let pid = Int32(digits), pid > 0,
                pid != getpid()
            else { continue }
            // kill(pid, 0) sends nothing: ESRCH means no such process; EPERM means it runs as someone else.
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }

    /// Removes the staging folder of a failed build; the old output is never touched.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
