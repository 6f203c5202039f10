import Foundation
import TestSupport
import Testing

@testable import MengvormCore

/// Sites moving from Hugo or Jekyll link to a page's published path; such a link goes to the page that
/// has that URL, written relative like every other link, and one that matches nothing gets a hint.
@Suite struct PublishedPathLinkTests {
    @Test func aSiteRootPathGoesToThePageWithThatURL() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/content-management/_index.md": page("Beheer"),
            "Content/content-management/meertalig.md": page(
                "Meertalig", "[terug](/content-management/)\n\n## Kop\n", extra: "slug: multilingual"),
            "Content/start.md": page(
                "Start",
                "[a](/content-management/multilingual/#kop) [b](/content-management/multilingual) [c](/content-management/multilingual/index.html?x=1)"
            ),
        ])
        defer { site.remove() }
        #expect(TestSite.lines(site.build()) == [])
        let start = site.read("start/index.html") ?? ""
        #expect(start.contains("href=\"../content-management/multilingual/index.html#kop\""))
        #expect(start.contains("href=\"../content-management/multilingual/index.html\""))
        #expect(start.contains("href=\"../content-management/multilingual/index.html?x=1\""))
        #expect((site.read("content-management/multilingual/index.html") ?? "").contains("href=\"../../content-management/index.html\""))
    }

    @Test func aSiteRootPathThatMatchesNothingSuggestsThePage() {
        let site = TestSite([
            "Content/_index.md": page("Home"),
            "Content/content-management/_index.md": page("Beheer"),
            "Content/content-management/multilingual.md": page("Meertalig"),
            "Content/start.md": page("Start", "Zie [meertalig](/content-management/multilinguel/)."),
        ])
        defer { site.remove() }
        #expect(
            TestSite.lines(site.build(write: false)) == [
                "Content/start.md:4:5: error: the link `/content-management/multilinguel/` goes to Content/content-management/multilinguel/, which does not exist, and no page is published at /content-management/multilinguel/; did you mean Content/content-management/multilingual.md?"
            ])
    }
}
