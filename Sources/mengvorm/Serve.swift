import ArgumentParser
import Foundation
import MengvormCore
import Server

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser while you edit it.",
        discussion: """
            Builds the site into a private temporary folder (Output/ is not touched) and serves it on \
            http://127.0.0.1:PORT/. When a file in Content/, Themes/, Overrides/ or site.yml changes, the site \
            is rebuilt and open browser tabs reload. Build errors appear over the page and in the terminal; \
            the last good site stays online until they are fixed.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 8080

    @Flag(name: .long, help: "Include pages with `draft: true`.")
    var drafts = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let server = PreviewServer(siteRoot: site.siteRoot, port: port, includeDrafts: drafts)
        try await server.run { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
