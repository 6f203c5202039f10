import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// A page without `title` is still rendered, so all its errors are reported in one run; nothing is published.
@Suite struct MissingTitleTests {
    @Test func aPageWithoutTitleStillReportsItsOtherErrorsAndNothingIsWritten() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/zonder-titel.md": "---\ndescription: x\n---\nZie [weg](weg.md) en ![](https://cdn.example/a.png).\n",
            "Content/leeg.md": "---\n---\nZie [ook weg](ookweg.md).\n",
        ])
        defer { site.remove() }
        let report = site.build()
        #expect(
            TestSite.lines(report) == [
                "Content/leeg.md:1:1: error: missing `title`: add a line such as `title: Je week plannen` between the `---` lines",
                "Content/leeg.md:3:5: error: no page Content/ookweg.md for the link `ookweg.md`",
                "Content/zonder-titel.md:2:1: error: missing `title`: add a line such as `title: Je week plannen`",
                "Content/zonder-titel.md:4:5: error: no page Content/weg.md for the link `weg.md`; did you mean `leeg.md`?",
                "Content/zonder-titel.md:4:22: warning: the image `a.png` has no alternative text (WCAG 1.1.1): write what it shows between the brackets, like `![Een bureau bij het raam met een laptop op een standaard](https://cdn.example/a.png)`",
                "Content/zonder-titel.md:4:22: error: the image https://cdn.example/a.png would be loaded from https://cdn.example, another site; copy it into Content/ (or allow the origin with `allow_external` in site.yml)",
            ])
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
