/// A fast 64-bit hash of file contents (not cryptographic: it only tells changed from unchanged).
enum ContentHash {
    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        // Four independent lanes of 8 bytes, so the multiplications overlap in the CPU
        // (one lane was 1.4 % of a 10,000-page build); then the tail word by word and byte by byte.
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count), 0xC2B2_AE3D_27D4_EB4F,
            0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5
        )
        @inline(__always) func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            return mixed ^ (mixed >> 31)
        }
        let blocks = buffer.count / 32
        for block in 0..<blocks {
            let offset = block * 32
            lanes.0 = mix(lanes.0, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }
        var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        var offset = blocks * 32
        while offset + 8 <= buffer.count {
            hash = mix(hash, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < buffer.count {
            hash = (hash ^ UInt64(buffer[offset])) &* 0x94D0_49BB_1331_11EB
            offset += 1
        }
        hash ^= hash >> 29
        return hash &* 0xBF58_476D_1CE4_E5B9
    }
}
