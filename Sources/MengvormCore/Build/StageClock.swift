import Foundation

/// With `MENGVORM_TIMINGS=1` in the environment, prints how long each stage of a build took, for profiling.
final class StageClock {
    private let enabled = ProcessInfo.processInfo.environment["MENGVORM_TIMINGS"] == "1"
    private var last = DispatchTime.now()

    func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1_000_000
        FileHandle.standardError.write(Data("timing: \(stage) \(String(format: "%.1f", milliseconds)) ms\n".utf8))
        last = now
    }
}
