import Foundation
import Testing

@testable import Server

#if os(Linux)
    /// The inotify watcher as an editor's save reaches it.
    @Suite struct SiteWatcherTests {
        /// A save that empties the file and writes it later (a slow editor, or a busy machine) is one
        /// change, reported once the file is closed: a build in between would read the empty file.
        @Test func aFileWrittenInPlaceIsReportedWhenItIsClosed() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: root) }
            let page = root.appendingPathComponent("Content/pauzes.md").path
            try Data("---\ntitle: Pauzes\n---\nEen\n".utf8).write(to: URL(fileURLWithPath: page))
            let watcher = try #require(InotifyWatcher(root: root.path))
            defer {
                watcher.stop()
                _ = watcher.waitForBurst()  // closes the watcher once stopped
            }

            let closed = Date().addingTimeInterval(0.25)
            let writer = Thread {
                let file = open(page, O_WRONLY | O_TRUNC)
                Thread.sleep(forTimeInterval: 0.25)  // far more than the 8 ms a burst waits to settle
                let text = Array("---\ntitle: Pauzes\n---\nTwee\n".utf8)
                _ = text.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
                close(file)
            }
            writer.start()
            let burst = try #require(watcher.waitForBurst())
            #expect(Date() >= closed)
            #expect(burst.paths == [page])
            #expect(burst.beingWritten.isEmpty)
            #expect(!burst.structural)
            #expect(try String(contentsOfFile: page, encoding: .utf8).hasSuffix("Twee\n"))
        }
    }
#endif
