/// A fast 64-bit hash of file contents (not cryptographic: it only tells changed from unchanged).
enum ContentHash {
    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var state = State(count: buffer.count)
        let blocks = buffer.count / 32
        for block in 0..<blocks { state.mix(block: buffer.baseAddress! + block * 32) }
        return state.finish(tail: UnsafeRawBufferPointer(rebasing: buffer[(blocks * 32)...]))
    }

    /// The hash of `parts` one after the other: the same as `of` their bytes joined in one buffer,
    /// without making that buffer (the search index is written from its entries as they are).
    static func of(parts: [UnsafeRawBufferPointer]) -> UInt64 {
        let total = parts.reduce(0) { $0 + $1.count }
        var state = State(count: total)
        // The blocks of 32 bytes are counted from the start of the whole, across the parts: bytes of a
        // block that a part ends in wait in `pending`; what follows the last block is the tail.
        let blocks = total / 32
        var done = 0
        var pending = [UInt8](repeating: 0, count: 32)
        var pendingCount = 0
        var tail: [UInt8] = []
        for part in parts where part.count > 0 {
            var offset = 0
            while offset < part.count {
                if done == blocks {
                    tail.append(contentsOf: UnsafeRawBufferPointer(rebasing: part[offset...]))
                    break
                }
                if pendingCount == 0, part.count - offset >= 32 {
                    let whole = min((part.count - offset) / 32, blocks - done)
                    for index in 0..<whole { state.mix(block: part.baseAddress! + offset + index * 32) }
                    done += whole
                    offset += whole * 32
                    continue
                }
                let take = min(32 - pendingCount, part.count - offset)
                pending.withUnsafeMutableBytes {
                    $0.baseAddress!.advanced(by: pendingCount).copyMemory(from: part.baseAddress! + offset, byteCount: take)
                }
                pendingCount += take
                offset += take
                if pendingCount == 32 {
                    pending.withUnsafeBytes { state.mix(block: $0.baseAddress!) }
                    done += 1
                    pendingCount = 0
                }
            }
        }
        return tail.withUnsafeBytes { state.finish(tail: $0) }
    }

    /// Four independent lanes of 8 bytes, so the multiplications overlap in the CPU (one lane was
    /// 1.4 % of a 10,000-page build); then the tail word by word and byte by byte.
    private struct State {
        var lanes: (UInt64, UInt64, UInt64, UInt64)

        init(count: Int) {
            lanes = (0x9E37_79B9_7F4A_7C15 ^ UInt64(count), 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5)
        }

        @inline(__always) static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            return mixed ^ (mixed >> 31)
        }

        /// Mixes the 32 bytes at `bytes`.
        @inline(__always) mutating func mix(block bytes: UnsafeRawPointer) {
            lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }

        /// The hash, after the fewer than 32 bytes that follow the last block.
        func finish(tail: UnsafeRawBufferPointer) -> UInt64 {
            var hash = Self.mix(Self.mix(Self.mix(lanes.0, lanes.1), lanes.2), lanes.3)
            var offset = 0
            while offset + 8 <= tail.count {
                hash = Self.mix(hash, tail.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            while offset < tail.count {
                hash = (hash ^ UInt64(tail[offset])) &* 0x94D0_49BB_1331_11EB
                offset += 1
            }
            hash ^= hash >> 29
            return hash &* 0xBF58_476D_1CE4_E5B9
        }
    }
}
