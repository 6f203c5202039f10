import Foundation

/// Bytes at an address that stays the same for the object's whole life. A file written from many
/// pieces (the search index, from each page's entry) is handed to `writev` as they are, without joining
/// them into one buffer first; an Array promises its address only inside `withUnsafeBytes`.
final class OwnedBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer

    init(copying bytes: some Collection<UInt8>) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        // A contiguous source is one memcpy; the generic copy went byte by byte (4 % of a default-theme build).
        let copied = bytes.withContiguousStorageIfAvailable { source in
            if let base = source.baseAddress { storage.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        if copied == nil { _ = storage.initializeMemory(as: UInt8.self, from: bytes) }
        buffer = UnsafeRawBufferPointer(rebasing: storage[..<bytes.count])
    }

    private init(buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    /// The whole file at `path`, read straight into its own buffer; nil when it cannot be read.
    static func read(at path: String) -> OwnedBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(size, 1), alignment: 16)
        var total = 0
        while total < size {
            let count = Glibc.read(descriptor, storage.baseAddress! + total, size - total)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            total += count
        }
        guard total == size else {
            storage.deallocate()
            return nil
        }
        return OwnedBytes(buffer: UnsafeRawBufferPointer(rebasing: storage[..<size]))
    }

    deinit { buffer.deallocate() }

    /// All of the bytes, as a slice.
    var all: ByteSlice { ByteSlice(owner: self, range: 0..<buffer.count) }
}

/// A part of `OwnedBytes`, which it keeps alive.
struct ByteSlice: Sendable {
    let owner: OwnedBytes
    let range: Range<Int>

    var count: Int { range.count }
    /// Valid while this slice (or another holder of `owner`) lives.
    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: owner.buffer[range]) }
}
