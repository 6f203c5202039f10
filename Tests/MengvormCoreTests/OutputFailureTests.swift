import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// Files that cannot be written or copied are reported with the site-relative path and the system's
/// reason; a full disk is one message with a count, and the previous output stays.
@Suite(.serialized) struct OutputFailureTests {
    /// Removes a file of Content/ once rendering is over, before the files are copied.
    final class RemoveBeforeCopy: BuildObserver, @unchecked Sendable {
        let path: String
        init(_ path: String) { self.path = path }
        func stageFinished(_ stage: String, milliseconds: Double) {}
        func rendered(_ done: Int, of total: Int) {}
        func renderingFinished() { unlink(path) }
    }

    @Test func aFileThatCannotBeCopiedIsReportedAtItsSitePathWithTheReason() {
        let site = TestSite(["Content/_index.md": page("Home", "[pdf](regeling.pdf)"), "Content/regeling.pdf": "%PDF-1.4\n"])
        defer { site.remove() }
        var options = BuildOptions(siteRoot: site.root)
        options.observer = RemoveBeforeCopy(site.root.appendingPathComponent("Content/regeling.pdf").path)
        let report = Builder.build(options)
        #expect(
            TestSite.lines(report) == [
                "Content/regeling.pdf: error: cannot copy this file to regeling.pdf in the output: No such file or directory"
            ])
        #expect(!report.succeeded)
    }

    @Test func aStagingFolderThatCannotBeMadeSaysWhy() {
        let site = TestSite(["Content/_index.md": page("Home"), "bestand": "geen map"])
        defer { site.remove() }
        let output = site.root.appendingPathComponent("bestand/Output")
        let report = site.build(output: output)
        let staging = site.root.appendingPathComponent("bestand/.Output.staging-\(getpid())").path
        #expect(TestSite.lines(report) == ["error: cannot create the staging folder \(staging): Not a directory"])
    }

    /// The staging writer remembers the folders it made; one removed behind its back is made again,
    /// and a file where a folder must go is an error with the system's reason, not a crash.
    @Test func stagingFilesFindTheirFoldersEvenWhenOneIsRemovedDuringTheBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-folders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try #require(FolderFiles(folder.path))
        func write(_ text: String, _ path: String) -> Int32 {
            Array(text.utf8).withUnsafeBytes { files.write([$0], to: path) }
        }
        #expect(write("een", "a/b/c/index.html") == 0)
        #expect(write("twee", "a/b/d/index.html") == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("a"))
        #expect(write("drie", "a/b/c/index.html") == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("a/b/c/index.html"), encoding: .utf8) == "drie")
        #expect(write("vier", "a/b/c/index.html/x.html") == ENOTDIR)
        #expect(FolderFiles(folder.appendingPathComponent("bestaat-niet").path) == nil)
    }

    @Test func aFullDiskIsOneMessageWithACount() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-full-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The seam: the disk fills up after three files.
        let writer = OutputWriter(staging: folder.path, final: "/srv/site/Output", previous: [:])
        let budget = Budget(3)
        writer.writeFile = { [staging = writer.staging] parts, path in
            budget.take() ? FileWriter.writeReturningError(parts, to: staging + "/" + path) : ENOSPC
        }
        for number in 1...10 { _ = writer.write("pagina \(number)", to: "p\(number)/index.html") }
        #expect(
            writer.failureDiagnostics(display: { $0 }).map(\.headline) == [
                "error: cannot write the new site beside /srv/site/Output: No space left on device; 7 files were not written, and the previous output is unchanged; free space on that disk and build again"
            ])
    }

    @Test func oneCauseForManyFilesIsNamedThreeTimesThenCounted() {
        let writer = OutputWriter(staging: "/nergens", final: "/srv/site/Output", previous: [:])
        writer.writeFile = { _, _ in EACCES }
        for number in 1...8 { _ = writer.write("pagina \(number)", to: "p\(number)/index.html") }
        #expect(
            writer.failureDiagnostics(display: { $0 }).map(\.headline) == [
                "error: cannot write p1/index.html into the staging folder /nergens: Permission denied",
                "error: cannot write p2/index.html into the staging folder /nergens: Permission denied",
                "error: cannot write p3/index.html into the staging folder /nergens: Permission denied",
                "error: and 5 more files could not be written: Permission denied",
            ])
    }

    /// A real full disk: a 1 MB tmpfs in a private mount namespace (`unshare`, no root needed where user
    /// namespaces are allowed). The second build fills the disk; the first build's output is untouched.
    @Test func aRealFullDiskKeepsThePreviousOutput() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
            (try? shell("unshare -rm true").status) == 0
        else { return }
        let site = TestSite(["Content/_index.md": page("Home", "Eerste versie.")], theme: TestSite.minimalTheme)
        defer { site.remove() }
        let disk = site.root.appendingPathComponent("disk").path
        let binary = CLI.binary.path
        let script = """
            set -e
            mkdir -p '\(disk)'
            mount -t tmpfs -o size=1m tmpfs '\(disk)'
            cd '\(site.root.path)'
            '\(binary)' build --output '\(disk)/Output' > /dev/null
            for n in $(seq 1 40); do head -c 60000 /dev/urandom | base64 > Content/groot-$n.md.tmp; printf -- '---\\ntitle: Groot %s\\n---\\n' $n | cat - Content/groot-$n.md.tmp > Content/groot-$n.md; rm Content/groot-$n.md.tmp; done
            set +e
            '\(binary)' build --output '\(disk)/Output' 2>&1
            echo "status $?"
            cat '\(disk)/Output/index.html'
            ls -a '\(disk)' | grep -c staging || true
            """
        let result = try shell("unshare -rm sh -c \"$SCRIPT\"", environment: ["SCRIPT": script])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains("error:") }
        #expect(errors.count == 1)
        #expect(errors.first?.contains("No space left on device;") == true)
        #expect(errors.first?.contains("files were not written, and the previous output is unchanged") == true)
        #expect(lines.contains("status 1"))
        #expect(result.stdout.contains("Eerste versie."))
        #expect(lines.last == "0")
    }

    final class Budget: @unchecked Sendable {
        private var left: Int
        private let lock = NSLock()
        init(_ count: Int) { left = count }
        func take() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            left -= 1
            return left >= 0
        }
    }

    func shell(_ command: String, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
