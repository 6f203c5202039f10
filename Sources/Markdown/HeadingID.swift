import Foundation

/// Stable, readable ids for headings: "Wat mag je thuis?" → "wat-mag-je-thuis", "Één" → "een".
public enum HeadingID {
    /// Lowercase ASCII letters and digits; every other run of characters becomes one hyphen.
    /// Diacritics are folded (é → e, ĳ → ij) so Dutch headings keep a readable id.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in fold(text).unicodeScalars {
            let value = scalar.value
            let isAlnum = (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
            if isAlnum {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// Lowercased, compatibility-decomposed text without combining marks.
    public static func fold(_ text: String) -> String {
        // Fast path: plain ASCII needs only lowercasing.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var folded = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default:
                switch scalar {
                case "ß": folded.append(contentsOf: "ss".unicodeScalars)
                case "æ": folded.append(contentsOf: "ae".unicodeScalars)
                case "ø": folded.append("o")
                case "œ": folded.append(contentsOf: "oe".unicodeScalars)
                case "ł": folded.append("l")
                default: folded.append(scalar)
                }
            }
        }
        return String(folded)
    }

    /// Hands out ids that are unique within one page: a second "Tips" becomes "tips-2".
    public struct Allocator {
        private var used: [String: Int] = [:]

        public init(reserved: [String] = []) {
            for id in reserved { used[id] = 1 }
        }

        public mutating func unique(for text: String, fallback: String = "kopje") -> String {
            let base = HeadingID.slug(text).isEmpty ? fallback : HeadingID.slug(text)
            guard let count = used[base] else {
                used[base] = 1
                return base
            }
            var next = count + 1
            while used["\(base)-\(next)"] != nil { next += 1 }
            used[base] = next
            used["\(base)-\(next)"] = 1
            return "\(base)-\(next)"
        }
    }
}
