import Foundation

/// `mengvorm serve` as a process on a free port, asked over real HTTP (curl), stopped as Ctrl-C stops it.
public final class PreviewProcess: @unchecked Sendable {
    public let process = Process()
    public let output = Pipe()
    public var port = 0

    public init(site: URL) throws {
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--port", "0", "--source", site.path]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line after the build names the port.
        let deadline = Date().addingTimeInterval(20)
        var text = ""
        while port == 0, Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty {
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "http://127.0.0.1:"), let end = text[range.upperBound...].firstIndex(of: "/") {
                port = Int(text[range.upperBound..<end]) ?? 0
            }
        }
    }

    public func get(_ path: String) -> (status: Int, body: String) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-m", "5", "-w", "\n%{http_code}", "http://127.0.0.1:\(port)\(path)"]
        let pipe = Pipe()
        curl.standardOutput = pipe
        try? curl.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let newline = text.lastIndex(of: "\n") else { return (0, text) }
        return (Int(text[text.index(after: newline)...]) ?? 0, String(text[..<newline]))
    }

    /// Waits until the status answer satisfies `condition`, at most `seconds`.
    public func waitForStatus(seconds: Double, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = get("/__mengvorm/status").body
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    /// What the server printed so far, read until `condition` holds (at most 5 s).
    public var printed = ""
    public func log(until condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(5)
        let handle = output.fileHandleForReading
        while !condition(printed), Date() < deadline {
            var poller = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let data = handle.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        return printed
    }

    /// The private folder the preview is built into.
    public var previewFolder: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-serve-\(process.processIdentifier)")
    }

    /// Stops the server as Ctrl-C does; true when it ended within `seconds`.
    @discardableResult
    public func stop(seconds: Double = 10) -> Bool {
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
        return true
    }
}
