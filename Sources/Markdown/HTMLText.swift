/// Text made safe for HTML content and attribute values.
func escapeHTML(_ text: String) -> String {
    guard
        text.utf8.contains(where: {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
        })
    else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for character in text.unicodeScalars {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.unicodeScalars.append(character)
        }
    }
    return out
}

/// A URL for an `href` or `src` attribute, escaped the way cmark escapes it: characters that may
/// appear in a URL stay, `&` and `'` become entities, anything else is percent-encoded.
func escapeHref(_ url: String) -> String {
    let safe = Set("-_.~!*();:@=+$,/?#[]%".utf8)
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(url.utf8.count)
    for byte in url.utf8 {
        if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || safe.contains(byte)
        {
            out.append(byte)
        } else if byte == UInt8(ascii: "&") {
            out += Array("&amp;".utf8)
        } else if byte == UInt8(ascii: "'") {
            out += Array("&#x27;".utf8)
        } else {
            out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// What cmark's safe mode removes from a destination: `javascript:`, `vbscript:`, `file:` and `data:`
/// other than PNG, GIF, JPEG and WebP images.
func isDangerous(_ url: String) -> Bool {
    let lower = url.lowercased()
    if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") { return true }
    if lower.hasPrefix("data:") {
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
    }
    return false
}

extension String {
    /// Whether the text holds `needle`, compared as UTF-8 bytes: `String.contains` with a string argument
    /// goes through a generic, character-wise search, and this runs several times on every page.
    func containsBytes(_ needle: String) -> Bool {
        var text = self
        var pattern = needle
        return text.withUTF8 { haystack in
            pattern.withUTF8 { bytes in
                guard let first = bytes.first else { return true }
                guard haystack.count >= bytes.count else { return false }
                var index = 0
                let last = haystack.count - bytes.count
                while index <= last {
                    if haystack[index] == first {
                        var matched = 1
                        while matched < bytes.count, haystack[index + matched] == bytes[matched] { matched += 1 }
                        if matched == bytes.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
