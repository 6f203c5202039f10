import Foundation
import Hummingbird
import MengvormCore

/// `mengvorm serve`: builds the site into a private folder, serves it on 127.0.0.1, rebuilds when a
/// file under Content/, Themes/, Overrides/ or site.yml changes, and tells open tabs to reload.
/// A failed build keeps the last good site online and shows its errors over the page.
public struct PreviewServer: Sendable {
    public var siteRoot: URL
    public var port: Int
    public var includeDrafts: Bool
    /// How often the site files are checked for changes.
    public var pollInterval: Duration = .milliseconds(200)

    public init(siteRoot: URL, port: Int, includeDrafts: Bool) {
        self.siteRoot = siteRoot
        self.port = port
        self.includeDrafts = includeDrafts
    }

    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-serve-\(getpid())/site")
        let state = PreviewState()
        let builder = PreviewBuilder(siteRoot: siteRoot, output: output, includeDrafts: includeDrafts, state: state, log: log)
        await builder.rebuild()

        let router = Router()
        router.get("/__mengvorm/status") { _, _ -> Response in
            let status = await state.status
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: status)))
        }
        router.get("/__mengvorm/live.js") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        let files = PreviewFiles(root: output)
        router.get("/**") { request, _ -> Response in files.response(for: request.uri.path) }
        router.get("/") { request, _ -> Response in files.response(for: request.uri.path) }

        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "mengvorm"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                log("Serving \(siteRoot.path) at http://127.0.0.1:\(port)/ (Ctrl-C stops)")
            }
        )
        let watcher = Task {
            var signature = SiteSignature.read(siteRoot)
            while !Task.isCancelled {
                try? await Task.sleep(for: pollInterval)
                let now = SiteSignature.read(siteRoot)
                if now != signature {
                    signature = now
                    await builder.rebuild()
                }
            }
        }
        defer {
            watcher.cancel()
            try? FileManager.default.removeItem(at: output.deletingLastPathComponent())
        }
        try await app.runService()
    }
}

/// What the browser asks for every few hundred milliseconds: the site's version and the last build's errors.
actor PreviewState {
    private(set) var version = 0
    private(set) var errors = ""

    func update(succeeded: Bool, errors: String) {
        if succeeded { version += 1 }
        self.errors = errors
    }

    var status: String {
        "{\"version\":\(version),\"errors\":\(jsonString(errors))}"
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

/// Runs one build at a time and reports it in the terminal and to the browser.
actor PreviewBuilder {
    let siteRoot: URL
    let output: URL
    let includeDrafts: Bool
    let state: PreviewState
    let log: @Sendable (String) -> Void

    init(siteRoot: URL, output: URL, includeDrafts: Bool, state: PreviewState, log: @escaping @Sendable (String) -> Void) {
        self.siteRoot = siteRoot
        self.output = output
        self.includeDrafts = includeDrafts
        self.state = state
        self.log = log
    }

    func rebuild() async {
        var options = BuildOptions(siteRoot: siteRoot)
        options.output = output
        options.includeDrafts = includeDrafts
        let report = Builder.build(options)
        var printer = DiagnosticPrinter(siteRoot: siteRoot)
        let text = report.diagnostics.map { printer.format($0) }.joined()
        if !text.isEmpty { log(text + DiagnosticPrinter.summary(errors: report.errorCount, warnings: report.warningCount)) }
        if report.succeeded {
            log("Built \(report.pageCount) pages in \(report.milliseconds) ms")
        } else {
            log("Build failed; still serving the last good site")
        }
        await state.update(succeeded: report.succeeded, errors: report.errorCount > 0 ? text : "")
    }
}

/// A cheap fingerprint of every watched file: paths, sizes and modification times.
enum SiteSignature {
    static func read(_ root: URL) -> [String: String] {
        var signature: [String: String] = [:]
        for folder in ["Content", "Themes", "Overrides"] {
            let base = root.appendingPathComponent(folder).path
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                add(base + "/" + relative, to: &signature)
            }
        }
        add(root.appendingPathComponent("site.yml").path, to: &signature)
        return signature
    }

    private static func add(_ path: String, to signature: inout [String: String]) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        signature[path] = "\(info.st_size)/\(info.st_mtim.tv_sec)/\(info.st_mtim.tv_nsec)"
    }
}
