import Foundation
import TestSupport
import Testing

@testable import MengvormFuzzing

/// Every file in the seed corpus, and every input that ever crashed a fuzz target, runs again here.
@Suite struct FuzzRegressionTests {
    static let fuzzFolder = repositoryRoot.appendingPathComponent("Fuzz")

    static func inputs(_ target: String) -> [URL] {
        var files: [URL] = []
        for folder in ["corpus/\(target)", "crashes/\(target)"] {
            let url = fuzzFolder.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            files += names.filter { !$0.hasPrefix(".") }.sorted().map { url.appendingPathComponent($0) }
        }
        return files
    }

    @Test(arguments: FuzzTargets.names)
    func seedsAndFormerCrashesStillPass(target: String) throws {
        let files = Self.inputs(target)
        #expect(files.count >= 3, "the seed corpus of \(target) is missing")
        for file in files {
            FuzzTargets.run(target, [UInt8](try Data(contentsOf: file)))
        }
    }
}
