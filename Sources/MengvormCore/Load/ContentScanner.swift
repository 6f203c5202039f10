import Foundation

/// Finds the files of a site under `Content/`, without following links out of it.
enum ContentScanner {
    static let dataFolder = "_data"

    static func scan(contentRoot: URL, translations: [String] = [], diagnostics: inout Diagnostics) -> [SourceFile] {
        var files: [SourceFile] = []
        walk(contentRoot.path, relative: "", into: &files, diagnostics: &diagnostics)
        // `je-week.en.md` is the English translation of `je-week.md` when `en` is one of the site's languages.
        for index in files.indices where files[index].kind == .page {
            let name = files[index].fileName
            for language in translations where name.hasSuffix(".\(language).md") {
                files[index].language = language
                if name == "_index.\(language).md" { files[index].kind = files[index].folder.isEmpty ? .home : .section }
            }
        }
        return files.sorted { $0.contentPath < $1.contentPath }
    }

    private static func walk(_ absolute: String, relative: String, into files: inout [SourceFile], diagnostics: inout Diagnostics) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else {
            diagnostics.error("cannot read this folder; check its permissions", at: SourceLocation(path: "Content/" + relative))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = absolute + "/" + name
            let contentPath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                // Following links could read outside the site or loop forever.
                diagnostics.warning("symbolic link skipped: Mengvorm does not follow links; copy the file into Content/ instead",
                                    at: SourceLocation(path: "Content/" + contentPath))
            case S_IFDIR:
                walk(path, relative: contentPath, into: &files, diagnostics: &diagnostics)
            case S_IFREG where name.lowercased() == "readme.md":
                // README.md files document the content for editors; they are neither pages nor published.
                continue
            case S_IFREG:
                files.append(SourceFile(kind: kind(of: contentPath, name: name, folder: relative), contentPath: contentPath))
            default:
                continue
            }
        }
    }

    private static func kind(of contentPath: String, name: String, folder: String) -> SourceFile.Kind {
        let lower = name.lowercased()
        if folder == dataFolder || folder.hasPrefix(dataFolder + "/") {
            return lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") || lower.hasSuffix(".json") ? .data : .asset
        }
        guard lower.hasSuffix(".md") else { return .asset }
        if name == "_index.md" { return folder.isEmpty ? .home : .section }
        return .page
    }
}
