import Foundation

/// The `mengvorm` executable run as an editor runs it: a process, its output and its exit status.
public enum CLI {
    public static let binary: URL = {
        // `swift test` builds the executable next to the test bundle.
        let products = Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in products + [repositoryRoot.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("mengvorm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/mengvorm")
    }()

    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func run(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
