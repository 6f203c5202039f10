import Foundation

/// Everything a build reads, in one number: site.yml, the theme and Overrides/ (every file by path and
/// stamp), every file under Content/ by path, kind and stamp, and the Git dates of the pages. When it is
/// the number in the cache file of the output, that output is already what this build would write (see
/// `UpToDate`). Built from the stamps the load stage takes anyway: it costs no extra walk over the site.
/// A file's kind and language follow from its path and site.yml, so they need no place of their own.
struct InputFingerprint: Equatable {
    var value: UInt64
    /// Every stamp is older than `BuildCache.racyNanoseconds` before its file could be read, so a later
    /// change will show in it: site.yml is read at the scan, the other inputs from `readAt` on (the
    /// scan's start until `readingFrom` tells). An untrusted fingerprint is never written to the cache file.
    var trusted: Bool {
        !missing && newestSettings < startedAt - BuildCache.racyNanoseconds && newestOther < readAt - BuildCache.racyNanoseconds
    }
    /// The newest modification or change time of site.yml (read during the scan) and of the other inputs.
    private let newestSettings: Int64
    private let newestOther: Int64
    private let startedAt: Int64
    private var readAt: Int64
    private let missing: Bool

    init(
        startedAt: Int64, configStamp: FileStamp?, themeStamps: [(path: String, stamp: FileStamp)], files: [SourceFile],
        gitDays: [String: Day]
    ) {
        var key = Fingerprint()
        var newest = Int64.min
        var missing = false
        func add(_ stamp: FileStamp?) {
            if let stamp { newest = max(newest, stamp.modified, stamp.changed) }
            key.add(stamp)
        }
        key.add(configStamp)
        key.add(UInt64(themeStamps.count))
        for (path, stamp) in themeStamps {
            key.add(path)
            add(stamp)
        }
        key.add(UInt64(files.count))
        for file in files {
            key.add(file.contentPath)
            if file.stamp == nil { missing = true }
            add(file.stamp)
        }
        // The days in any order (a sum), so a large repository's 10,000 paths need no sorting.
        var days: UInt64 = 0
        for (path, day) in gitDays {
            var entry = Fingerprint()
            entry.add(path)
            entry.add(UInt64(day.year * 10_000 + day.month * 100 + day.day))
            days &+= entry.value
        }
        key.add(UInt64(gitDays.count))
        key.add(days)
        value = key.value
        newestSettings = configStamp.map { max($0.modified, $0.changed) } ?? Int64.min
        newestOther = newest
        self.startedAt = startedAt
        readAt = startedAt
        self.missing = missing
    }

    /// The fingerprint of a build that reads its theme, data and pages from `readAt` on (site.yml it read
    /// at the scan). What matters is the time between a file's last change and its reading: a change
    /// after the reading shows in the stamp when the two are further apart than a tick of the file
    /// system's clock. So a page saved just before `mengvorm build` is trusted when the build reads it
    /// after the scan, and the build after that can be up to date.
    func readingFrom(_ readAt: Int64) -> InputFingerprint {
        var read = self
        read.readAt = readAt
        return read
    }

    static func wallClockNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
