import Foundation

/// The output folder: refused when it could hold anything but a previous build,
/// built in a staging folder beside it and swapped in only when the build succeeds.
struct OutputFolder {
    /// Written into every output so a later build knows the folder is its own to replace.
    static let marker = ".mengvorm-output"

    let final: URL
    let staging: URL

    enum Refusal: Error {
        case message(String)
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
                return .failure(.message("the output folder \(out) is not empty and was not written by Mengvorm; empty it or choose another folder"))
            }
        }
        let parent = URL(fileURLWithPath: out).deletingLastPathComponent()
        let name = URL(fileURLWithPath: out).lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        return .success(OutputFolder(final: URL(fileURLWithPath: out), staging: staging))
    }

    /// Creates an empty staging folder.
    func begin() -> Bool {
        try? FileManager.default.removeItem(at: staging)
        guard (try? FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)) != nil else { return false }
        return FileWriter.write(Array("Written by Mengvorm. The next build replaces this folder.\n".utf8), to: staging.path + "/" + OutputFolder.marker)
    }

    /// Puts the staging folder in place of the output; the old output goes only after the new one is there.
    func commit() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: final.path) {
            let old = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).old-\(getpid())")
            try? fm.removeItem(at: old)
            try fm.moveItem(at: final, to: old)
            do {
                try fm.moveItem(at: staging, to: final)
            } catch {
                try? fm.moveItem(at: old, to: final)
                throw error
            }
            try? fm.removeItem(at: old)
        } else {
            try fm.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: staging, to: final)
        }
    }

    /// Removes the staging folder of a failed build; the old output is never touched.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
