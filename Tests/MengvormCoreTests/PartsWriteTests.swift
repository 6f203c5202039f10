import Foundation
import Testing

@testable import MengvormCore

/// A file written from many parts (the search index, from each page's entry) is the same file, with
/// the same content hash, as its parts joined.
@Suite struct PartsWriteTests {
    /// Parts of every size around the hash's 32-byte blocks, empty ones included, more than one
    /// `writev` takes at once.
    private func parts() -> [[UInt8]] {
        var generator = SystemRandomNumberGenerator()
        var parts: [[UInt8]] = []
        for index in 0..<2_500 {
            let count = index % 7 == 0 ? 0 : Int.random(in: 1...70, using: &generator)
            parts.append((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        parts.append(Array(repeating: 0x41, count: 100_000))
        return parts
    }

    @Test func hashOfPartsIsTheHashOfTheWhole() {
        let parts = parts()
        for cut in [parts.count, 1, 2, 3, 33, 500] {
            let used = Array(parts.prefix(cut))
            let whole = used.flatMap { $0 }
            let owned = used.map { OwnedBytes(copying: $0) }
            #expect(ContentHash.of(parts: owned.map(\.buffer)) == whole.withUnsafeBytes { ContentHash.of($0) })
        }
        #expect(ContentHash.of(parts: []) == [UInt8]().withUnsafeBytes { ContentHash.of($0) })
    }

    @Test func aFileOfPartsHoldsThemInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mengvorm-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let parts = parts()
        let owned = parts.map { OwnedBytes(copying: $0) }
        let writer = OutputWriter(staging: folder.path, final: folder.path + "-final", previous: [:])
        let buffers = owned.map(\.buffer)
        #expect(writer.write(parts: buffers, to: "deel/index.js", hash: ContentHash.of(parts: buffers)))
        let written = try Data(contentsOf: folder.appendingPathComponent("deel/index.js"))
        #expect(written == Data(parts.flatMap { $0 }))
        #expect(writer.failureDiagnostics(display: { $0 }).isEmpty)
    }
}
