import Foundation

/// A single progress line for long builds in a terminal ("Rendering 4,200/10,000 pages"), redrawn at
/// most five times a second and never printed when the output is a log (CI) rather than a terminal.
final class BuildProgress: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = DispatchTime.now()

    init(total: Int, enabled: Bool) {
        self.total = total
        // Small sites finish before a line would be worth drawing.
        self.enabled = enabled && total >= 500 && isatty(STDERR_FILENO) == 1
    }

    func advance() {
        guard enabled else { return }
        lock.lock()
        done += 1
        let now = DispatchTime.now()
        let due = now.uptimeNanoseconds - lastDraw.uptimeNanoseconds > 200_000_000
        if due { lastDraw = now }
        let count = done
        lock.unlock()
        if due { FileHandle.standardError.write(Data("\r\u{1B}[KRendering \(count)/\(total) pages".utf8)) }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
