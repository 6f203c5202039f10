import Foundation
import MengvormCore

/// A whole site written to a temporary folder from inline files, built, and read back: the fixture
/// every test target uses.
public struct TestSite: Sendable {
    public let root: URL

    /// The one small theme of the tests, whose output is easy to compare.
    public static let minimalTheme: [String: String] = [
        "Themes/default/layouts/base.mustache": "<html lang=\"{{lang}}\"><title>{{page.title}}</title>{{$main}}{{/main}}</html>\n",
        "Themes/default/layouts/home.mustache":
            "{{<base}}{{$main}}HOME {{{content}}}{{#children}}[{{title}}|{{url}}]{{/children}}{{/main}}{{/base}}",
        "Themes/default/layouts/section.mustache":
            "{{<base}}{{$main}}SECTION {{{content}}}{{#children}}[{{title}}|{{url}}]{{/children}}{{/main}}{{/base}}",
        "Themes/default/layouts/page.mustache":
            "{{<base}}{{$main}}PAGE {{{content}}}{{#breadcrumbs}}<{{title}}|{{url}}>{{/breadcrumbs}}{{/main}}{{/base}}",
        "Themes/default/layouts/404.mustache": "{{<base}}{{$main}}NOT FOUND {{home_url}}{{/main}}{{/base}}",
        "Themes/default/assets/css/site.css": "body{}",
    ]

    public init(_ files: [String: String], theme: [String: String] = TestSite.minimalTheme) {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        for (path, text) in theme.merging(files, uniquingKeysWith: { _, site in site }) { write(path, text) }
    }

    public func write(_ path: String, _ text: String) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    public func writeBytes(_ path: String, _ bytes: [UInt8]) {
        let url = root.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: url)
    }

    public var output: URL { root.appendingPathComponent("Output") }

    /// Waits until the files just written are older than `BuildCache.racyNanoseconds`, as they are
    /// when an editor saves: a cache does not trust the stamps of files changed moments ago.
    public func settle() {
        Thread.sleep(forTimeInterval: Double(BuildCache.racyNanoseconds) / 1e9 + 0.01)
    }

    @discardableResult
    public func build(
        strict: Bool = false, drafts: Bool = false, today: Day = Day(year: 2026, month: 11, day: 23)!,
        output: URL? = nil, write: Bool = true, governance: Bool = false, cache: BuildCache? = nil,
        changed: [String]? = nil
    ) -> BuildReport {
        var options = BuildOptions(siteRoot: root)
        options.strict = strict
        options.includeDrafts = drafts
        options.today = today
        options.output = output
        options.writesOutput = write
        options.checksGovernance = governance
        options.cache = cache
        options.changedPaths = changed.map { Set($0.map { root.appendingPathComponent($0).path }) }
        return Builder.build(options)
    }

    public func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// When a file of the output was last written (nanoseconds), to tell rewritten files from kept ones.
    public func modified(_ path: String) -> Int64? {
        FileStamp.of(output.appendingPathComponent(path).path)?.modified
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every diagnostic as `path:line:column: severity: message`.
    public static func lines(_ report: BuildReport) -> [String] { report.diagnostics.map(\.headline) }

    public func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Front matter and a body, the way editors write them.
public func page(_ title: String, _ body: String = "", extra: String = "") -> String {
    "---\ntitle: \(title)\n\(extra.isEmpty ? "" : extra + "\n")---\n\(body)"
}

/// The repository's folder, for tests that read the shipped site or theme.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
