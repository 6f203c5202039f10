/// Finds two adjacent bytes in UTF-8 text, sixteen places at a time: each block is compared with the
/// block one byte further on. For pairs that are rare in prose (`//` in HTML, `ww` or `:/` in Markdown)
/// this beats memchr, which stops at every first byte (`/` of every closing tag, every `h` and `w`).
public enum BytePairs {
    /// Where the first `first` or `second` pair starts at or after `start`; pass one pair twice to look for one.
    public static func first(
        _ first: (Unicode.Scalar, Unicode.Scalar), or second: (Unicode.Scalar, Unicode.Scalar),
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0
    ) -> Int? {
        let (a, b) = (UInt8(ascii: first.0), UInt8(ascii: first.1))
        let (c, d) = (UInt8(ascii: second.0), UInt8(ascii: second.1))
        let raw = UnsafeRawBufferPointer(bytes)
        let (va, vb) = (SIMD16<UInt8>(repeating: a), SIMD16<UInt8>(repeating: b))
        let (vc, vd) = (SIMD16<UInt8>(repeating: c), SIMD16<UInt8>(repeating: d))
        var index = start
        while index + 17 <= bytes.count {
            let here = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
            let next = raw.loadUnaligned(fromByteOffset: index + 1, as: SIMD16<UInt8>.self)
            let pairs = ((here .== va) .& (next .== vb)) .| ((here .== vc) .& (next .== vd))
            if any(pairs) {
                for lane in 0..<16 where pairs[lane] { return index + lane }
            }
            index += 16
        }
        while index + 1 < bytes.count {
            if (bytes[index] == a && bytes[index + 1] == b) || (bytes[index] == c && bytes[index + 1] == d) { return index }
            index += 1
        }
        return nil
    }
}
