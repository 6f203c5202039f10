import Foundation
import MengvormFuzzing

/// Which target runs: MENGVORM_FUZZ_TARGET=frontmatter|markdown|template.
enum FuzzEntry {
    static let target = ProcessInfo.processInfo.environment["MENGVORM_FUZZ_TARGET"] ?? "markdown"
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTargets.run(FuzzEntry.target, Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
    /// libFuzzer's driver, from the runtime that `-sanitize=fuzzer` links.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt
#endif

/// Built with `-D FUZZING` (scripts/fuzz.sh) it hands control to libFuzzer; otherwise it replays
/// the files given as arguments, such as the seed corpus and saved crashes.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = Optional(CommandLine.unsafeArgv)
            exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
            for path in CommandLine.arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                FuzzTargets.run(FuzzEntry.target, [UInt8](data))
            }
        #endif
    }
}
