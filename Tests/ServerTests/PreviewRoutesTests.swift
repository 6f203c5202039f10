import Foundation
import Hummingbird
import Logging
import TestSupport
import Testing

@testable import Server

/// The preview server's routes, served in process on a free port of 127.0.0.1 and asked over real
/// HTTP (curl): pages with the live-reload script, the build status with its long-poll, errors of a
/// failed rebuild, and paths that must not escape. (CLITests run `mengvorm serve` as a whole process.)
@Suite struct PreviewRoutesTests {
    /// A preview of `site` built once into its own folder, served with the routes `mengvorm serve` uses.
    final class Preview: @unchecked Sendable {
        let site: TestSite
        let output: URL
        let state = PreviewState()
        let builder: PreviewBuilder
        private var server: Task<Void, Error>?
        private let port = PortBox()

        init(_ files: [String: String]) async throws {
            site = TestSite(files)
            output = site.root.appendingPathComponent(".preview")
            builder = PreviewBuilder(siteRoot: site.root, output: output, includeDrafts: false, state: state, log: { _ in })
            await builder.rebuild()
            let app = Application(
                router: PreviewServer.router(state: state, files: PreviewFiles(root: output)),
                configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "mengvorm"),
                onServerRunning: { [port] channel in port.set(channel.localAddress?.port ?? 0) },
                logger: Self.quiet
            )
            server = Task { try await app.runService(gracefulShutdownSignals: []) }
            let deadline = Date().addingTimeInterval(10)
            while port.value == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
            #expect(port.value != 0, "the preview server started")
        }

        /// GET `path` exactly as written (no `..` folded away by the client): status, headers, body.
        /// curl's exit is awaited, not waited for on a thread: the tests share a pool of two threads.
        func get(_ path: String) async -> (status: Int, headers: [String: String], body: String) {
            let answer = site.root.appendingPathComponent("answer-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: answer) }
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "-i", "--path-as-is", "-m", "10", "-o", answer.path, "http://127.0.0.1:\(port.value)\(path)"]
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                curl.terminationHandler = { _ in done.resume() }
                do { try curl.run() } catch { done.resume() }
            }
            return Self.parse((try? String(contentsOf: answer, encoding: .utf8)) ?? "")
        }

        static func parse(_ text: String) -> (status: Int, headers: [String: String], body: String) {
            guard let split = text.range(of: "\r\n\r\n") else { return (0, [:], text) }
            let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
            let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return (status, headers, String(text[split.upperBound...]))
        }

        /// Stopping mid-request is what these tests do; the server's notes about it are not test output.
        static let quiet: Logger = {
            var logger = Logger(label: "mengvorm-preview-test")
            logger.logLevel = .critical
            return logger
        }()

        func stop() async {
            server?.cancel()
            _ = await server?.result
            site.remove()
        }
    }

    final class PortBox: @unchecked Sendable {
        private let lock = NSLock()
        private var port = 0
        var value: Int { lock.withLock { port } }
        func set(_ value: Int) { lock.withLock { port = value } }
    }

    static let files = [
        "Content/_index.md": page("Home", "Versie een"),
        "Content/pauzes.md": page("Pauzes", "Neem pauze."),
    ]

    @Test func pagesComeWithTheLiveReloadScript() async throws {
        let preview = try await Preview(Self.files)
        let home = await preview.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("Versie een"))
        #expect(home.body.contains("<script src=\"/__mengvorm/live.js\"></script>"))
        #expect(await preview.get("/pauzes/").body.contains("Neem pauze."))
        let css = await preview.get("/assets/css/site.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.body == "body{}")
        let live = await preview.get("/__mengvorm/live.js")
        #expect(live.headers["cache-control"] == "no-store")
        #expect(live.body.contains("/__mengvorm/status"))
        await preview.stop()
    }

    @Test func missingAndEscapingPathsAreNotFound() async throws {
        let preview = try await Preview(Self.files)
        for path in ["/bestaat-niet/", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.mengvorm-output"] {
            let response = await preview.get(path)
            #expect(response.status == 404, "\(path)")
            #expect(response.body.contains("NOT FOUND"), "\(path) shows the site's 404 page")
            #expect(!response.body.contains("root:"), "\(path) does not reach outside the preview folder")
        }
        await preview.stop()
    }

    @Test func statusTellsAWaitingTabOfTheNextBuildAndItsErrors() async throws {
        let preview = try await Preview(Self.files)
        #expect(await preview.get("/__mengvorm/status").body == "{\"version\":1,\"builds\":1,\"errors\":\"\"}")
        // A tab waits for build 2; a broken save answers it with the errors, the last good site stays.
        async let waited = preview.get("/__mengvorm/status?after=1")
        try await Task.sleep(for: .milliseconds(300))
        preview.site.write("Content/_index.md", "---\ntitle: [\n---\nkapot\n")
        await preview.builder.rebuild()
        let answer = await waited.body
        #expect(answer.hasPrefix("{\"version\":1,\"builds\":2,\"errors\":\"Content/_index.md:"))
        #expect(answer.contains(": error: "))
        #expect(await preview.get("/").body.contains("Versie een"))
        await preview.stop()
    }
}
