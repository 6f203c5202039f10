/// Content/ may not hold a folder the theme or an output writes into (`assets/`, `tags/`, `beheer/`).
enum ReservedFolders {
    static func check(_ index: SiteIndex) -> [Diagnostic] {
        SiteOutputs.reservedFolders.compactMap { folder in
            guard index.sectionByFolder[folder] != nil || index.assets.keys.contains(where: { $0.hasPrefix(folder + "/") }) else {
                return nil
            }
            return .error(
                "Content/\(folder)/ would collide with the theme's \(folder)/ in the output; rename the folder",
                at: SourceLocation(path: "Content/" + folder))
        }
    }
}
