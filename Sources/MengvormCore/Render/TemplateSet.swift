import Foundation
import Templates

/// The theme's layouts, partials, assets and UI strings, with the site's overrides applied.
/// Parsed once per build and shared by every page render.
struct TemplateSet: Sendable {
    static let requiredLayouts = ["base", "home", "section", "page", "404"]
    static let overridesFolder = "Overrides"

    private(set) var library = TemplateLibrary()
    private(set) var layouts: Set<String> = []
    private(set) var partials: Set<String> = []
    /// Output path under `assets/` → absolute source path.
    private(set) var assets: [String: String] = [:]
    /// UI strings by language: `i18n/nl.yml` → "nl".
    private(set) var strings: [String: DataNode] = [:]
    /// Template name → file shown in messages.
    private(set) var files: [String: String] = [:]
    /// Template name → its file and text, for the checks of `TemplateChecks`.
    private(set) var sources: [String: (display: String, text: String)] = [:]
    /// Component name → the schema beside its partial (`partials/components/NAME.schema.yml`).
    private(set) var schemas: [String: (display: String, root: DataNode)] = [:]

    func hasComponent(_ name: String) -> Bool { partials.contains("components/" + name) }

    var componentNames: [String] {
        partials.filter { $0.hasPrefix("components/") }.map { String($0.dropFirst("components/".count)) }.sorted()
    }

    /// The component whose name is nearest to `name`, when it is close enough to be a typo. Remembered
    /// per name: every fenced code block names its language (`python`), and comparing each with every
    /// component again was 1 % of a default-theme build.
    func componentNearMiss(_ name: String) -> String? {
        nearMisses.value(for: name) { Suggest.closest(to: name, in: componentNames) }
    }
    private let nearMisses = LockedCache<String, String?>()

    static func load(siteRoot: URL, config: SiteConfig, diagnostics: inout Diagnostics) -> TemplateSet {
        var set = TemplateSet()
        let themeFolder = "Themes/" + config.theme
        guard FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(themeFolder).path) else {
            diagnostics.error(
                "there is no theme folder \(themeFolder); set `theme:` to a folder in Themes/",
                at: SourceLocation(path: SiteConfig.fileName, line: 1, column: 1))
            return set
        }
        // The theme first, then the site's overrides replace files of the same name.
        var sources: [String: (display: String, absolute: String)] = [:]
        for root in [themeFolder, overridesFolder] {
            for relative in listFiles(siteRoot.appendingPathComponent(root).path) {
                sources[relative] = (root + "/" + relative, siteRoot.path + "/" + root + "/" + relative)
            }
        }
        var texts: [String: (display: String, text: String)] = [:]
        for (relative, file) in sources.sorted(by: { $0.key < $1.key }) {
            if relative.hasPrefix("assets/") {
                set.assets[relative] = file.absolute
                continue
            }
            if relative.hasPrefix("i18n/"), relative.hasSuffix(".yml") {
                set.loadStrings(relative, file, diagnostics: &diagnostics)
                continue
            }
            if relative.hasPrefix("partials/components/"), relative.hasSuffix(ComponentSchema.fileSuffix) {
                set.loadSchema(relative, file, diagnostics: &diagnostics)
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name: String
            if relative.hasPrefix("layouts/") {
                name = String(relative.dropFirst("layouts/".count).dropLast(".mustache".count))
                set.layouts.insert(name)
            } else if relative.hasPrefix("partials/") {
                name = String(relative.dropFirst("partials/".count).dropLast(".mustache".count))
                set.partials.insert(name)
            } else {
                continue
            }
            if let existing = set.files[name] {
                diagnostics.error(
                    "the layout and the partial `\(name)` have the same name (\(existing)); rename one",
                    at: SourceLocation(path: file.display))
                continue
            }
            set.files[name] = file.display
            switch FileReader.readText(at: file.absolute) {
            case .failure(let failure):
                let (message, line) = FileReader.message(for: failure)
                diagnostics.error(message, at: SourceLocation(path: file.display, line: line))
            case .success(let text):
                texts[name] = (file.display, text)
                do {
                    // Until issue 15 every template was parsed behind a `{{% CONTENT_TYPE }}` tag; its effect on
                    // the first line's whitespace stays, so that every page keeps its bytes.
                    try set.library.register(text, named: name, firstLineAfterTag: true)
                } catch {
                    diagnostics.error(error.message, at: SourceLocation(path: file.display, line: error.line, column: error.column))
                }
            }
        }
        for layout in requiredLayouts where !set.layouts.contains(layout) {
            diagnostics.error(
                "the theme has no `\(layout)` layout; add layouts/\(layout).mustache",
                at: SourceLocation(path: themeFolder))
        }
        set.sources = texts
        return set
    }

    func render(_ view: Any, layout: String) -> String {
        library.render(view, template: layout) ?? ""
    }

    /// A page as UTF-8 for its file, with no String made of it, in a buffer of `capacity` bytes at first.
    func renderBytes(_ view: Any, layout: String, capacity: Int = 16_384) -> [UInt8] {
        library.renderBytes(view, template: layout, capacity: capacity) ?? []
    }

    private mutating func loadSchema(_ relative: String, _ file: (display: String, absolute: String), diagnostics: inout Diagnostics) {
        let name = String(relative.dropFirst("partials/components/".count).dropLast(ComponentSchema.fileSuffix.count))
        guard let node = Self.readYAML(file, diagnostics: &diagnostics) else { return }
        schemas[name] = (file.display, node ?? DataNode(.null, line: 1, column: 1))
    }

    private mutating func loadStrings(_ relative: String, _ file: (display: String, absolute: String), diagnostics: inout Diagnostics) {
        let language = String(relative.dropFirst("i18n/".count).dropLast(".yml".count))
        guard let node = Self.readYAML(file, diagnostics: &diagnostics) else { return }
        if let node, node.entries != nil {
            strings[language] = node
        } else {
            diagnostics.error(
                "UI strings must be a map such as `search: Zoeken`", at: SourceLocation(path: file.display, line: 1, column: 1))
        }
    }

    /// A theme file's YAML (`.some(nil)` when it is empty), or nil after reporting why it cannot be read.
    private static func readYAML(_ file: (display: String, absolute: String), diagnostics: inout Diagnostics) -> DataNode?? {
        guard case .success(let text) = FileReader.readText(at: file.absolute) else {
            diagnostics.error("cannot read this file", at: SourceLocation(path: file.display))
            return nil
        }
        switch YAMLReader.read(text) {
        case .failure(let failure):
            diagnostics.error(failure.message, at: SourceLocation(path: file.display, line: failure.line, column: failure.column))
            return nil
        case .success(let node):
            return .some(node)
        }
    }

    /// Every file and folder under the theme's folder and Overrides/ with its stamp, by path from the
    /// site folder, in order: what the templates, strings and assets of a build are read from.
    static func stamps(siteRoot: URL, theme: String) -> [(path: String, stamp: FileStamp)] {
        var found: [(path: String, stamp: FileStamp)] = []
        for folder in ["Themes/" + theme, overridesFolder] {
            let absolute = siteRoot.path + "/" + folder
            guard let enumerator = FileManager.default.enumerator(atPath: absolute) else { continue }
            var inFolder: [(path: String, stamp: FileStamp)] = []
            while let relative = enumerator.nextObject() as? String {
                if let stamp = FileStamp.of(absolute + "/" + relative) { inFolder.append((folder + "/" + relative, stamp)) }
            }
            found += inFolder.sorted { $0.path < $1.path }
        }
        return found
    }

    private static func listFiles(_ root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") { continue }
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        return files
    }
}
