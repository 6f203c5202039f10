import Foundation

/// The day each file under Content/ was last changed in Git, for pages without `updated` (like Hugo's
/// GitInfo and MkDocs' revision date). One `git log` for the whole tree per build, parsed once: the
/// newest commit comes first, so a path's first appearance is its last change. Silent when git is
/// missing or the site is not in a Git repository: pages then keep `date`, as before.
enum GitDates {
    /// Content path (`plannen/je-week.md`, `_data/teams.yml`) → day of its last commit, in local time.
    static func lastChanged(siteRoot: URL) -> [String: Day] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // --relative: paths relative to the site folder, also when the site is a folder inside a repository.
        process.arguments = ["git", "-c", "core.quotePath=false", "-C", siteRoot.path, "log", "--format=@%ct", "--name-only",
                             "--relative", "--no-renames", "--", "Content"]
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return [:] }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return parse(data)
    }

    /// `@1764600000` lines (a commit's time) each followed by the paths it changed.
    static func parse(_ data: Data) -> [String: Day] {
        var days: [String: Day] = [:]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        var current: Day?
        var dayByTime: [Int: Day] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if line.first == UInt8(ascii: "@") {
                guard let seconds = Int(String(decoding: line.dropFirst(), as: UTF8.self)) else { current = nil; continue }
                if let known = dayByTime[seconds] { current = known; continue }
                let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
                current = Day(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
                dayByTime[seconds] = current
                continue
            }
            guard let current else { continue }
            let path = String(decoding: line, as: UTF8.self)
            guard path.hasPrefix("Content/") else { continue }
            let contentPath = String(path.dropFirst("Content/".count))
            if days[contentPath] == nil { days[contentPath] = current }
        }
        return days
    }
}
