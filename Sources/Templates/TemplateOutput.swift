import Foundation

/// Where a template renders to: the storage of the `[UInt8]` being made, written through a pointer.
/// `Array.append(contentsOf:)` cost about 80 instructions a call beyond the copy, and a page appends
/// some 200 pieces (text between tags, each value, each escaped run): a tenth of rendering a page.
/// When the array's capacity runs out, the bytes move to storage of its own that doubles (`spill`).
public struct TemplateOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    public private(set) var count = 0
    /// Whether `base` is storage allocated here (after the array's ran out), freed by `bytes`. A value
    /// that `bytes` lends: not to be kept.
    private var spilled = false

    init(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if capacity - count < bytes.count { grow(toHold: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    subscript(position: Int) -> UInt8 { base[position] }

    /// Puts `bytes` in at `position`, moving what follows.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if capacity - count < bytes.count { grow(toHold: count + bytes.count) }
        (base + position + bytes.count).update(from: base + position, count: count - position)
        (base + position).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(toHold needed: Int) {
        let larger = Swift.max(needed, capacity * 2, 256)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        storage.update(from: base, count: count)
        if spilled { base.deallocate() }
        base = storage
        capacity = larger
        spilled = true
    }

    /// Renders with `body` into a new array of `capacity` bytes, or of as many as it took. The output is
    /// lent as a pointer, which a renderer keeps while it renders.
    static func bytes(capacity: Int, _ body: (UnsafeMutablePointer<TemplateOutput>) -> Void) -> [UInt8] {
        var spill: [UInt8]?
        let array = [UInt8](unsafeUninitializedCapacity: Swift.max(capacity, 16)) { buffer, initialized in
            var output = TemplateOutput(into: buffer)
            withUnsafeMutablePointer(to: &output) { body($0) }
            if output.spilled {
                let (base, count) = (output.base, output.count)
                spill = [UInt8](unsafeUninitializedCapacity: count) { copy, copied in
                    copy.baseAddress!.update(from: base, count: count)
                    copied = count
                }
                base.deallocate()
                initialized = 0
            } else {
                initialized = output.count
            }
        }
        return spill ?? array
    }
}
