import Foundation

/// `mengvorm new`: a new Markdown file with its front matter filled in, never overwriting one.
public enum NewPage {
    public enum Kind: String, Sendable { case page, section, news }

    public struct Request: Sendable {
        public var kind: Kind
        public var path: String
        public init(kind: Kind, path: String) {
            self.kind = kind
            self.path = path
        }
    }

    public struct Failure: Error, Sendable {
        public var message: String
        public var isUsage: Bool
    }

    public static let newsFolder = "nieuws"

    /// Creates the file and returns its path relative to the site root.
    public static func create(_ request: Request, siteRoot: URL, today: Day) -> Result<String, Failure> {
        var diagnostics = Diagnostics()
        let config = SiteConfig.load(siteRoot: siteRoot, diagnostics: &diagnostics)
        var path = request.path
        if path.hasSuffix(".md") { path = String(path.dropLast(3)) }
        if path.hasPrefix("Content/") { path = String(path.dropFirst("Content/".count)) }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ PageLoader.isSafeSlug($0) }) else {
            return .failure(
                Failure(
                    message:
                        "the path `\(request.path)` must be folder and file names of lowercase letters, digits and hyphens, like plannen/thuis-starten",
                    isUsage: true))
        }
        let relative: String
        switch request.kind {
        case .page: relative = parts.joined(separator: "/") + ".md"
        case .section: relative = parts.joined(separator: "/") + "/_index.md"
        case .news: relative = (parts.first == newsFolder ? parts : [newsFolder] + parts).joined(separator: "/") + ".md"
        }
        let file = siteRoot.appendingPathComponent("Content").appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            return .failure(Failure(message: "Content/\(relative) already exists; choose another name", isUsage: false))
        }
        let title = (parts.last ?? "").replacingOccurrences(of: "-", with: " ").capitalizedFirst
        var reviewBy = today
        for _ in 0..<max(config.reviewMonths, 0) {
            reviewBy = reviewBy.adding(days: Day.daysIn(month: reviewBy.month, year: reviewBy.year))
        }
        var lines = ["---", "title: \(title)", "description: ", "owner: \(config.defaultOwner ?? "")", "review_by: \(reviewBy)"]
        switch request.kind {
        case .page: lines.append("weight: 100")
        case .section: lines.append("weight: 100")
        case .news: lines.append("date: \(today)")
        }
        lines += ["---", "", "Schrijf hier de tekst van de pagina.", ""]
        FileWriter.makeFolders(for: file.path)
        guard FileWriter.write(lines.joined(separator: "\n"), to: file.path) else {
            return .failure(Failure(message: "cannot write Content/\(relative)", isUsage: false))
        }
        return .success("Content/" + relative)
    }
}
