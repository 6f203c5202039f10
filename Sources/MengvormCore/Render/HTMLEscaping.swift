import CByteScan

/// HTML escaping byte by byte; a string without special characters is returned untouched. The
/// template engine (Sources/Templates) escapes the same five characters into its output buffer.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        // Most texts need nothing: found sixteen bytes at a time (a byte-by-byte search over every link
        // and title was 1 % of a default-theme build).
        let clean = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty || mengvorm_html_care(bytes.baseAddress!, bytes.count, 0) == bytes.count
        }
        if clean ?? !utf8.contains(where: needsEscape) { return text }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
