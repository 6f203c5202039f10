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
        guard let names = entries(of: absolute) else {
            diagnostics.error("cannot read this folder; check its permissions", at: SourceLocation(path: "Content/" + relative))
            return
        }
        for (name, info) in names {
            let contentPath = relative.isEmpty ? name : relative + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                // Following links could read outside the site or loop forever.
                diagnostics.warning("symbolic link skipped: Mengvorm does not follow links; copy the file into Content/ instead",
                                    at: SourceLocation(path: "Content/" + contentPath))
            case S_IFDIR:
                walk(absolute + "/" + name, relative: contentPath, into: &files, diagnostics: &diagnostics)
            case S_IFREG where name.lowercased() == "readme.md":
                // README.md files document the content for editors; they are neither pages nor published.
                continue
            case S_IFREG:
                files.append(SourceFile(kind: kind(of: contentPath, name: name, folder: relative), contentPath: contentPath,
                                        stamp: FileStamp(info)))
            default:
                continue
            }
        }
    }

    /// The visible entries of a folder, sorted by name, each with its `lstat`. Stats relative to the
    /// open folder (`fstatat`) spare the kernel a walk down the whole path for every file.
    private static func entries(of folder: String) -> [(name: String, info: stat)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var entries: [(name: String, info: stat)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            entries.append((name, info))
        }
        return entries.sorted { $0.name < $1.name }
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
