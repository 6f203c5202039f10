import Foundation
import TestSupport
import Testing

/// `mengvorm serve` as an editor uses it: open the page, save a change, see the rebuilt page.
@Suite struct ServeTests {
    @Test func servesRebuildsOnSaveAndShowsErrorsWhileKeepingTheLastGoodSite() throws {
        let site = try CLITests.makeSite([
            "Content/_index.md": "---\ntitle: Home\n---\nVersie een\n",
            "Content/pauzes.md": "---\ntitle: Pauzes\n---\nNeem pauze.\n",
        ])
        defer { try? FileManager.default.removeItem(at: site) }
        // Files written less than `BuildCache.racyNanoseconds` before a build are not trusted by it, so a
        // server that started at once would render both pages again after the edit (seen on an idle machine).
        Thread.sleep(forTimeInterval: 0.05)
        let server = try PreviewProcess(site: site)
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
