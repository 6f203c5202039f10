import Foundation

/// Finds the files of a site under `Content/`, without following links out of it.
enum ContentScanner {
    static let dataFolder = "_data"

    static func scan(contentRoot: URL, translations: [String] = [], diagnostics: inout Diagnostics) -> [SourceFile] {
        var files: [SourceFile] = []
        walk(contentRoot.path, relative: "", into: &files, diagnostics: &diagnostics, topLevel: true)
        // `je-week.en.md` is the English translation of `je-week.md` when `en` is one of the site's languages.
        for index in files.indices where files[index].kind == .page {
            let name = files[index].fileName
            for language in translations where name.hasSuffix(".\(language).md") {
                files[index].language = language
                if name == "_index.\(language).md" { files[index].kind = files[index].folder.isEmpty ? .home : .section }
            }
        }
        leafBundles(&files, diagnostics: &diagnostics)
        return files.sorted { $0.contentPath < $1.contentPath }
    }

    /// A folder's `index.md` (Hugo's leaf bundle; `index.en.md` for a translation) is the folder's page, as
    /// `_index.md` is. When the folder has both, which one is meant is unclear: that is an error, and
    /// `index.md` is left out until it is renamed.
    private static func leafBundles(_ files: inout [SourceFile], diagnostics: inout Diagnostics) {
        func isBundle(_ file: SourceFile) -> Bool {
            file.kind == .page && file.fileName == (file.language.map { "index.\($0).md" } ?? "index.md")
        }
        guard files.contains(where: isBundle) else { return }
        var sectionFiles: [String: String] = [:]
        for file in files where file.kind == .home || file.kind == .section {
            sectionFiles[file.folder + "|" + (file.language ?? "")] = file.contentPath
        }
        var dropped: Set<Int> = []
        for position in files.indices where isBundle(files[position]) {
            let file = files[position]
            if let existing = sectionFiles[file.folder + "|" + (file.language ?? "")] {
                let place = file.folder.isEmpty ? "Content/" : "Content/\(file.folder)/"
                diagnostics.error(
                    "\(place) has both \(file.fileName) and \((existing as NSString).lastPathComponent), and each would be the folder's page; merge them into Content/\(existing), or give \(file.fileName) another name to make it a page of its own",
                    at: SourceLocation(path: file.displayPath, line: 1, column: 1))
                dropped.insert(position)
            } else {
                files[position].kind = file.folder.isEmpty ? .home : .section
            }
        }
        if !dropped.isEmpty { files = files.indices.filter { !dropped.contains($0) }.map { files[$0] } }
    }

    /// Lists the folder's files and walks its folders, the top level's side by side: stat-ing 10,000
    /// files one by one was 50 ms before anything else could start. Files and diagnostics keep walk order.
    private static func walk(
        _ absolute: String, relative: String, into files: inout [SourceFile], diagnostics: inout Diagnostics, topLevel: Bool
    ) {
        guard let names = entries(of: absolute) else {
            // errno is still opendir's: nothing ran since it failed.
            diagnostics.error(
                "cannot read this folder (\(String(cString: strerror(errno)))); check its permissions",
                at: SourceLocation(path: "Content/" + relative))
            return
        }
        for (name, info) in names {
            let contentPath = relative.isEmpty ? name : relative + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                // Following links could read outside the site or loop forever.
                diagnostics.warning(
                    "symbolic link skipped: Mengvorm does not follow links; copy the file into Content/ instead",
                    at: SourceLocation(path: "Content/" + contentPath))
            case S_IFDIR where topLevel:
                continue
            case S_IFDIR:
                walk(absolute + "/" + name, relative: contentPath, into: &files, diagnostics: &diagnostics, topLevel: false)
            case S_IFREG where name.lowercased() == "readme.md":
                // README.md files document the content for editors; they are neither pages nor published.
                continue
            case S_IFREG:
                files.append(
                    SourceFile(
                        kind: kind(of: contentPath, name: name, folder: relative), contentPath: contentPath,
                        stamp: FileStamp(info)))
            default:
                continue
            }
        }
        guard topLevel else { return }
        let folders = names.filter { $0.info.st_mode & S_IFMT == S_IFDIR }.map(\.name)
        let walked = parallelMap(folders.count) { position -> (files: [SourceFile], diagnostics: Diagnostics) in
            var found: [SourceFile] = []
            var noted = Diagnostics()
            // The top level is Content/ itself, so a folder's content path is its name.
            walk(absolute + "/" + folders[position], relative: folders[position], into: &found, diagnostics: &noted, topLevel: false)
            return (found, noted)
        }
        for folder in walked {
            files.append(contentsOf: folder.files)
            diagnostics.add(contentsOf: folder.diagnostics.all)
        }
    }

    /// The visible entries of a folder, sorted by name, each with its `lstat`. Stats relative to the
    /// open folder (`fstatat`) spare the kernel a walk down the whole path for every file.
    private static func entries(of folder: String) -> [(name: String, info: stat)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var names: [String] = []
        var infos: [stat] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            names.append(name)
            infos.append(info)
        }
        // Positions sorted, not the entries: a `stat` is 144 bytes, and moving them took half the sort.
        return names.indices.sorted { names[$0] < names[$1] }.map { (names[$0], infos[$0]) }
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
