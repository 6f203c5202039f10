import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import Server

/// The preview server's routes in process (no port, no curl): pages with the live-reload script,
/// the build status with its long-poll, errors of a failed rebuild, and paths that must not escape.
@Suite struct PreviewRoutesTests {
    /// A preview of `site` built once into its own folder, with the routes `mengvorm serve` uses.
    struct Preview {
        let site: TestSite
        let output: URL
        let state = PreviewState()
        let builder: PreviewBuilder

        init(_ files: [String: String]) async {
            site = TestSite(files)
            output = site.root.appendingPathComponent(".preview")
            builder = PreviewBuilder(siteRoot: site.root, output: output, includeDrafts: false, state: state, log: { _ in })
            await builder.rebuild()
        }

        var app: some ApplicationProtocol {
            Application(router: PreviewServer.router(state: state, files: PreviewFiles(root: output)))
        }
    }

    static let files = [
        "Content/_index.md": page("Home", "Versie een"),
        "Content/pauzes.md": page("Pauzes", "Neem pauze."),
    ]

    @Test func pagesComeWithTheLiveReloadScript() async throws {
        let preview = await Preview(Self.files)
        defer { preview.site.remove() }
        try await preview.app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("Versie een"))
                #expect(body.contains("<script src=\"/__mengvorm/live.js\"></script>"))
            }
            try await client.execute(uri: "/pauzes/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Neem pauze."))
            }
            try await client.execute(uri: "/assets/css/site.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body) == "body{}")
            }
            try await client.execute(uri: "/__mengvorm/live.js", method: .get) { response in
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).contains("/__mengvorm/status"))
            }
        }
    }

    @Test func missingAndEscapingPathsAreNotFound() async throws {
        let preview = await Preview(Self.files)
        defer { preview.site.remove() }
        try await preview.app.test(.router) { client in
            for uri in ["/bestaat-niet/", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.mengvorm-output"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(String(buffer: response.body).contains("NOT FOUND"), "\(uri) shows the site's 404 page")
                }
            }
        }
    }

    @Test func statusTellsAWaitingTabOfTheNextBuildAndItsErrors() async throws {
        let preview = await Preview(Self.files)
        defer { preview.site.remove() }
        try await preview.app.test(.router) { client in
            try await client.execute(uri: "/__mengvorm/status", method: .get) { response in
                #expect(String(buffer: response.body) == "{\"version\":1,\"builds\":1,\"errors\":\"\"}")
            }
            // A tab waits for build 2; a broken save answers it with the errors, the last good site stays.
            async let waited = client.execute(uri: "/__mengvorm/status?after=1", method: .get) { String(buffer: $0.body) }
            try await Task.sleep(for: .milliseconds(100))
            preview.site.write("Content/_index.md", "---\ntitle: [\n---\nkapot\n")
            await preview.builder.rebuild()
            let answer = try await waited
            #expect(answer.hasPrefix("{\"version\":1,\"builds\":2,\"errors\":\"Content/_index.md:"))
            #expect(answer.contains(": error: "))
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Versie een"))
            }
        }
    }
}
