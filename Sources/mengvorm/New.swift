import ArgumentParser
import Foundation
import MengvormCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a page, section or news item with its front matter filled in.",
        discussion: """
            PATH is relative to Content/: `mengvorm new page plannen/thuis-starten` creates \
            Content/plannen/thuis-starten.md; `new section vitaliteit` creates Content/vitaliteit/_index.md; \
            `new news nieuwe-bedragen` creates a dated item in Content/nieuws/. The title comes from the path, \
            the owner from `owner:` in site.yml, and review_by lies `review_months` ahead (6 by default).
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case page, section, news
    }

    @OptionGroup var site: SiteOptions

    @Argument(help: "What to create: page, section or news.")
    var kind: Kind

    @Argument(help: "The path inside Content/, without .md.")
    var path: String

    func run() throws {
        let request = NewPage.Request(kind: NewPage.Kind(rawValue: kind.rawValue)!, path: path)
        switch NewPage.create(request, siteRoot: site.siteRoot, today: Day.today) {
        case .success(let created):
            print("Created \(created)")
        case .failure(let failure):
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            throw ExitCode(failure.isUsage ? 2 : 1)
        }
    }
}
