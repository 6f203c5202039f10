import Foundation
import Testing

/// `mengvorm serve` as an editor uses it: open the page, save a change, see the rebuilt page.
@Suite struct ServeTests {
    /// `get` may run on several threads: it only reads `port`, which is fixed once started.
    final class Server: @unchecked Sendable {
        let process = Process()
        let output = Pipe()
        var port = 0

        init(site: URL) throws {
            process.executableURL = CLITests.binary
            process.arguments = ["serve", "--port", "0", "--source", site.path]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line after the build names the port.
            let deadline = Date().addingTimeInterval(20)
            var text = ""
            while port == 0, Date() < deadline {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
                text += String(decoding: data, as: UTF8.self)
                if let range = text.range(of: "http://127.0.0.1:"), let end = text[range.upperBound...].firstIndex(of: "/") {
                    port = Int(text[range.upperBound..<end]) ?? 0
                }
            }
        }

        func get(_ path: String) -> (status: Int, body: String) {
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
        func waitForStatus(seconds: Double, _ condition: (String) -> Bool) -> String {
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
        var printed = ""
        func log(until condition: (String) -> Bool) -> String {
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
        var previewFolder: URL {
            FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-serve-\(process.processIdentifier)")
        }

        /// Stops the server as Ctrl-C does; true when it ended within `seconds`.
        @discardableResult
        func stop(seconds: Double = 10) -> Bool {
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

    @Test func servesRebuildsOnSaveAndShowsErrorsWhileKeepingTheLastGoodSite() throws {
        let site = try CLITests().makeSite([
            "Content/_index.md": "---\ntitle: Home\n---\nVersie een\n",
            "Content/pauzes.md": "---\ntitle: Pauzes\n---\nNeem pauze.\n",
        ])
        defer { try? FileManager.default.removeItem(at: site) }
        let server = try Server(site: site)
        defer { server.stop() }
        try #require(server.port > 0)

        let first = server.get("/")
        #expect(first.status == 200)
        #expect(first.body.contains("Versie een"))
        #expect(first.body.contains("<script src=\"/__mengvorm/live.js\"></script>"))
        #expect(server.get("/__mengvorm/status").body == "{\"version\":1,\"builds\":1,\"errors\":\"\"}")
        Thread.sleep(forTimeInterval: 0.05)

        // The open tab asks `?after=1` and gets its answer as soon as the rebuild is done.
        let saved = Date()
        final class Answer: @unchecked Sendable { var at: Date? }
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        Thread {
            // Written before `done` is signalled and read after the wait: ordered by the semaphore.
            if server.get("/__mengvorm/status?after=1").body.contains("\"version\":2") { answer.at = Date() }
            done.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.2)
        try Data("---\ntitle: Home\n---\nVersie twee\n".utf8).write(to: site.appendingPathComponent("Content/_index.md"))
        #expect(done.wait(timeout: .now() + 5) == .success)
        let told = try #require(answer.at)
        #expect(told.timeIntervalSince(saved) < 1.5)
        #expect(server.get("/").body.contains("Versie twee"))
        // Only the edited page was rendered again.
        #expect(server.log(until: { $0.contains("Built 1 of 2 pages") }).contains("Built 1 of 2 pages"))

        try Data("---\ntitle: [\n---\nkapot\n".utf8).write(to: site.appendingPathComponent("Content/_index.md"))
        let broken = server.waitForStatus(seconds: 5) { $0.contains("error:") }
        #expect(broken.contains("Content/_index.md:2:8: error: the list that starts with `[` here is not closed"))
        #expect(server.get("/").body.contains("Versie twee"))
        #expect(server.get("/bestaat-niet/").status == 404)
        #expect(server.get("/../../etc/passwd").status == 404)

        // Stopping answers a waiting tab, ends within seconds and leaves no preview folder behind.
        #expect(FileManager.default.fileExists(atPath: server.previewFolder.path))
        let stopping = DispatchSemaphore(value: 0)
        Thread {
            _ = server.get("/__mengvorm/status?after=99")
            stopping.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.2)
        #expect(server.stop(seconds: 4))
        #expect(stopping.wait(timeout: .now() + 1) == .success)
        #expect(!FileManager.default.fileExists(atPath: server.previewFolder.path))
    }
}
