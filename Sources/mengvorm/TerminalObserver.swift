import Foundation
import MengvormCore

/// What the terminal shows while a build runs: a single progress line for long builds ("Rendering
/// 4,200/10,000 pages", redrawn at most five times a second, never in a log), and with
/// `MENGVORM_TIMINGS=1` how long each stage took, for profiling.
final class TerminalObserver: BuildObserver, @unchecked Sendable {
    private let drawsProgress: Bool
    private let printsTimings = ProcessInfo.processInfo.environment["MENGVORM_TIMINGS"] == "1"
    private let lock = NSLock()
    private var lastDraw = DispatchTime.now()

    init(progress: Bool) {
        drawsProgress = progress && isatty(STDERR_FILENO) == 1
    }

    func stageFinished(_ stage: String, milliseconds: Double) {
        guard printsTimings else { return }
        FileHandle.standardError.write(Data("timing: \(stage) \(String(format: "%.1f", milliseconds)) ms\n".utf8))
    }

    func rendered(_ done: Int, of total: Int) {
        // Small sites finish before a line would be worth drawing.
        guard drawsProgress, total >= 500 else { return }
        lock.lock()
        let now = DispatchTime.now()
        let due = now.uptimeNanoseconds - lastDraw.uptimeNanoseconds > 200_000_000
        if due { lastDraw = now }
        lock.unlock()
        if due { FileHandle.standardError.write(Data("\r\u{1B}[KRendering \(done)/\(total) pages".utf8)) }
    }

    func renderingFinished() {
        guard drawsProgress else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
