import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// A build killed with `kill -9` leaves `.Output.staging-PID`; the next build removes it, but never the
/// staging folder of a build that is still running.
@Suite struct StaleStagingTests {
    @Test func staleStagingFoldersOfDeadBuildsAreRemovedAndLiveOnesKept() throws {
        let site = TestSite(["Content/_index.md": page("Home")])
        defer { site.remove() }
        // A process that has ended: its PID is free (a PID is reused only after the whole range wrapped).
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        // A process that is still running, as another build would be.
        let running = Process()
        running.executableURL = URL(fileURLWithPath: "/bin/sleep")
        running.arguments = ["30"]
        try running.run()
        defer {
            kill(running.processIdentifier, SIGKILL)
            running.waitUntilExit()
        }

        let dead = ".Output.staging-\(ended.processIdentifier)"
        let live = ".Output.staging-\(running.processIdentifier)"
        let other = ".Output.staging-notapid"
        for name in [dead, live, other] { site.write(name + "/index.html", "half a build") }

        #expect(site.build().succeeded)
        let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
        #expect(!left.contains(dead))
        #expect(left.contains(live))
        #expect(left.contains(other))
        #expect(!left.contains { $0.hasSuffix("staging-\(getpid())") })
        #expect(site.read("index.html") != nil)
    }
}
