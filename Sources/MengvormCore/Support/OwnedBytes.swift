import Foundation

/// Bytes at an address that stays the same for the object's whole life. A file written from many
/// pieces (the search index, from each page's entry) is handed to `writev` as they are, without joining
/// them into one buffer first; an Array promises its address only inside `withUnsafeBytes`.
final class OwnedBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    /// Whether `buffer` was allocated here or is a file mapped into memory.
    private let isMapped: Bool

    init(copying bytes: some Collection<UInt8>) {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        // A contiguous source is one memcpy; the generic copy went byte by byte (4 % of a default-theme build).
        let copied: Void? = bytes.withContiguousStorageIfAvailable { source in
            if let base = source.baseAddress { storage.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        if copied == nil { _ = storage.initializeMemory(as: UInt8.self, from: bytes) }
        buffer = UnsafeRawBufferPointer(rebasing: storage[..<bytes.count])
        isMapped = false
    }

    private init(mapped buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        isMapped = true
    }

    /// The file at `path` mapped read-only into memory; nil when it cannot be opened or mapped.
    /// Mapping instead of reading: the previous search index (75 MB at 10,000 pages) is only hashed by
    /// a no-change build and copied once by the kernel into the new index by a one-edit build; reading
    /// it into a buffer first cost 76 ms of a 340 ms rebuild. Builds replace their output files through
    /// a rename, never in place, so the mapped file keeps its bytes (an old inode lives on while mapped).
    static func mapped(at path: String) -> OwnedBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else { return nil }
        return OwnedBytes(mapped: UnsafeRawBufferPointer(start: address, count: size))
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            buffer.deallocate()
        }
    }

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
