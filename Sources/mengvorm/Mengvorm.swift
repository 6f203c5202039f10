import ArgumentParser
import Foundation
import MengvormCore

@main
struct Mengvorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mengvorm",
        abstract: "Builds the hybrid-work intranet toolkit from Content/ and a theme into a static site.",
        discussion: """
            Run it in the site folder (the one with site.yml, Content/ and Themes/), or pass --source.
            Exit status: 0 when the site is fine, 1 when the content has errors, 2 when the command was used wrongly.
            """,
        subcommands: [Build.self, Check.self, Serve.self, New.self],
        defaultSubcommand: Build.self
    )

    /// Usage errors exit with 2, content errors with 1: scripts can tell them apart.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, with site.yml, Content/ and Themes/.", valueName: "dir"))
    var source: String = "."

    var siteRoot: URL { URL(fileURLWithPath: source).standardizedFileURL }
}

enum Terminal {
    static func printDiagnostics(_ report: BuildReport, siteRoot: URL) {
        var printer = DiagnosticPrinter(siteRoot: siteRoot)
        var text = ""
        for diagnostic in report.diagnostics { text += printer.format(diagnostic) }
        if !report.diagnostics.isEmpty {
            text += DiagnosticPrinter.summary(errors: report.errorCount, warnings: report.warningCount) + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Ends a command with the build's exit status (`BuildReport.exitStatus`: 0 fine, 1 content errors).
    static func exit(with report: BuildReport) throws {
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
