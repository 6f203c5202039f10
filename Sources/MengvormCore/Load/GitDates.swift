import Foundation

/// The day each file under Content/ was last changed in Git, for pages without `updated` (like Hugo's
/// GitInfo and MkDocs' revision date). One `git log` for the whole tree per build, parsed once: the
/// newest commit comes first, so a path's first appearance is its last change. Silent when git is
/// missing or the site is not in a Git repository: pages then keep `date`, as before.
enum GitDates {
    /// Starts the `git log` and returns at once; `days()` reads its answer: content path
    /// (`plannen/je-week.md`, `_data/teams.yml`) → day of its last commit, in local time. The build walks Content/
    /// meanwhile: in a repository with a long history the log takes longer than the walk.
    static func start(siteRoot: URL) -> Pending {
        // Not in a repository: no need to start git (a few ms) to hear that.
        guard ProcessInfo.processInfo.environment["GIT_DIR"] != nil || repositoryStamp(siteRoot: siteRoot) != nil else {
            return Pending(known: [:])
        }
        // --relative: paths relative to the site folder, also when the site is a folder inside a repository.
        let arguments = [
            "git", "-c", "core.quotePath=false", "-C", siteRoot.path, "log", "--format=@%ct", "--name-only",
            "--relative", "--no-renames", "--", "Content",
        ]
        return Pending(running: spawn(arguments))
    }

    /// The days of a `git log` that may still be running. Used by one thread.
    final class Pending {
        private var running: Running?
        private var answer: [String: Day]?

        init(known days: [String: Day]) { answer = days }
        fileprivate init(running: Running?) {
            self.running = running
            if running == nil { answer = [:] }
        }

        /// Waits for git when it still runs; empty when it failed.
        func days() -> [String: Day] {
            if let answer { return answer }
            let days = running.flatMap { $0.output() }.map(GitDates.parse) ?? [:]
            running = nil
            answer = days
            return days
        }

        deinit { _ = running?.output() }
    }

    /// A stamp that changes with every commit, checkout or `git add` of the repository holding the site
    /// (its index file), found without starting git: `serve` runs `git log` again only when it changed.
    static func repositoryStamp(siteRoot: URL) -> FileStamp? {
        var folder = siteRoot.standardizedFileURL.path
        while true {
            let dotGit = folder + "/.git"
            var info = stat()
            if stat(dotGit, &info) == 0 {
                if info.st_mode & S_IFMT == S_IFDIR { return FileStamp.of(dotGit + "/index") ?? FileStamp(info) }
                // A worktree: `.git` is a file `gitdir: PATH`.
                if case .success(let bytes) = FileReader.readBytes(at: dotGit, limit: 4096) {
                    let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    if text.hasPrefix("gitdir: ") {
                        var gitDir = String(text.dropFirst("gitdir: ".count))
                        if !gitDir.hasPrefix("/") { gitDir = folder + "/" + gitDir }
                        return FileStamp.of(gitDir + "/index") ?? FileStamp.of(gitDir)
                    }
                }
                return FileStamp(info)
            }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// A program started with its standard output on a pipe.
    fileprivate struct Running {
        let pid: pid_t
        let pipe: Int32

        /// Its whole standard output, once it ended; nil when it failed.
        func output() -> Data? {
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(pipe, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                data.append(contentsOf: buffer[..<count])
            }
            close(pipe)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, which Swift does not import).
            return status & 0xFFFF == 0 ? data : nil
        }
    }

    /// Starts a program found on PATH, or nil when it cannot be started. posix_spawn directly:
    /// Foundation's Process took 60 ms to start git on this machine, the whole `git log` of the shipped site 9 ms.
    private static func spawn(_ arguments: [String]) -> Running? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        // The reading end must not leak into other programs this process starts.
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            return nil
        }
        return Running(pid: pid, pipe: pipe[0])
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
                guard let seconds = Int(String(decoding: line.dropFirst(), as: UTF8.self)) else {
                    current = nil
                    continue
                }
                if let known = dayByTime[seconds] {
                    current = known
                    continue
                }
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
