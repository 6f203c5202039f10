import Foundation
import Hummingbird
import MengvormCore
import ServiceLifecycle

/// `mengvorm serve`: builds the site into a private folder, serves it on 127.0.0.1, rebuilds when a
/// file under Content/, Themes/, Overrides/ or site.yml changes, and tells open tabs to reload.
/// A failed build keeps the last good site online and shows its errors over the page.
public struct PreviewServer: Sendable {
    public var siteRoot: URL
    public var port: Int
    public var includeDrafts: Bool
    /// How often the site files are checked for changes where inotify is not available.
    public var pollInterval: Duration = .milliseconds(200)

    public init(siteRoot: URL, port: Int, includeDrafts: Bool) {
        self.siteRoot = siteRoot
        self.port = port
        self.includeDrafts = includeDrafts
    }

    /// The preview's routes: the build status (long-poll), the live-reload script and the site's files.
    static func router(state: PreviewState, files: PreviewFiles) -> Router<BasicRequestContext> {
        let router = Router()
        // `?after=N` answers once build N+1 has finished (or after 25 s): the open tab learns of a
        // rebuild the moment it is done, without polling.
        router.get("/__mengvorm/status") { request, _ -> Response in
            if let after = request.uri.queryParameters.get("after", as: Int.self) {
                // Ctrl-C waits for open requests: let the waiting ones go at once.
                await withGracefulShutdownHandler {
                    await state.waitForBuild(after: after, timeout: .seconds(25))
                } onGracefulShutdown: {
                    Task { await state.releaseAll() }
                }
            }
            let status = await state.status
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: status)))
        }
        router.get("/__mengvorm/live.js") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get("/**") { request, _ -> Response in files.response(for: request.uri.path) }
        router.get("/") { request, _ -> Response in files.response(for: request.uri.path) }

        return router
    }

    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-serve-\(getpid())/site")
        let state = PreviewState()
        let builder = PreviewBuilder(siteRoot: siteRoot, output: output, includeDrafts: includeDrafts, state: state, log: log)
        await builder.rebuild()

        let router = Self.router(state: state, files: PreviewFiles(root: output))
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "mengvorm"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                log("Serving \(siteRoot.path) at http://127.0.0.1:\(port)/ (Ctrl-C stops)")
            }
        )
        let pending = PendingChanges()
        let watcher = Task {
            for await _ in SiteWatcher.changes(of: siteRoot, pollInterval: pollInterval, pending: pending) {
                await builder.rebuild(changed: pending.take())
            }
        }
        defer {
            watcher.cancel()
            try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
        }
        try await app.runService()
    }
}

/// What the browser asks for: the site's version, the number of builds so far and the last build's errors.
actor PreviewState {
    private(set) var version = 0
    private(set) var builds = 0
    private(set) var errors = ""
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    private var stopping = false

    func update(succeeded: Bool, errors: String) {
        if succeeded { version += 1 }
        builds += 1
        self.errors = errors
        for waiter in waiters.values { waiter.resume() }
        waiters = [:]
    }

    var status: String {
        "{\"version\":\(version),\"builds\":\(builds),\"errors\":\(jsonString(errors))}"
    }

    /// Returns once more than `after` builds have finished, or after `timeout`.
    func waitForBuild(after: Int, timeout: Duration) async {
        guard builds <= after, !stopping else { return }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.release(id)
        }
        await withCheckedContinuation { waiters[id] = $0 }
        timer.cancel()
    }

    private func release(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }

    /// Answers every waiting request now (the server is stopping).
    func releaseAll() {
        stopping = true
        for waiter in waiters.values { waiter.resume() }
        waiters = [:]
    }

    private func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// Runs one build at a time and reports it in the terminal and to the browser. Keeps a `BuildCache`,
/// so after an edit only the pages it affects are read and rendered again.
actor PreviewBuilder {
    let siteRoot: URL
    let output: URL
    let includeDrafts: Bool
    let state: PreviewState
    let log: @Sendable (String) -> Void
    private let cache = BuildCache()

    init(siteRoot: URL, output: URL, includeDrafts: Bool, state: PreviewState, log: @escaping @Sendable (String) -> Void) {
        self.siteRoot = siteRoot
        self.output = output
        self.includeDrafts = includeDrafts
        self.state = state
        self.log = log
    }

    /// `changed`: the files the watcher saw changed in place, when it knows them (see `BuildOptions.changedPaths`).
    func rebuild(changed: Set<String>? = nil) async {
        var options = BuildOptions(siteRoot: siteRoot)
        options.changedPaths = changed
        options.output = output
        options.includeDrafts = includeDrafts
        options.cache = cache
        let report = Builder.build(options)
        var printer = DiagnosticPrinter(siteRoot: siteRoot)
        let text = report.diagnostics.map { printer.format($0) }.joined()
        if !text.isEmpty { log(text + DiagnosticPrinter.summary(errors: report.errorCount, warnings: report.warningCount)) }
        if report.succeeded {
            let pages =
                report.renderedPageCount == report.pageCount
                ? "\(report.pageCount) pages" : "\(report.renderedPageCount) of \(report.pageCount) pages"
            log("Built \(pages) in \(report.milliseconds) ms")
        } else {
            log("Build failed; still serving the last good site")
        }
        await state.update(succeeded: report.succeeded, errors: report.errorCount > 0 ? text : "")
    }
}
