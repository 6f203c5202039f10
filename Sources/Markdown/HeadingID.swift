import Foundation

/// Stable, readable ids for headings: "Wat mag je thuis?" → "wat-mag-je-thuis", "Één" → "een".
public enum HeadingID {
    /// Lowercase ASCII letters and digits; every other run of characters becomes one hyphen.
    /// Diacritics are folded (é → e, ĳ → ij) so Dutch headings keep a readable id.
    public static func slug(_ text: String, maxLength: Int = .max) -> String {
        var ascii = text
        if let slug = ascii.withUTF8({ asciiSlug($0, maxLength: maxLength) }) { return slug }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func add(_ byte: UInt8) -> Bool {
            var byte = byte
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
            let isAlnum =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isAlnum else {
                pendingHyphen = true
                return true
            }
            if result.count >= maxLength { return false }
            if pendingHyphen && !result.isEmpty { result.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            result.append(byte)
            return true
        }
        // Bytes, not characters: this runs for every heading and checklist item of every page.
        // Latin letters with accents fold through a table, with no folded copy of the text.
        var needsSlowFold = false
        scalars: for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if !add(UInt8(scalar.value)) { break }
            } else if let mapped = latinFold(of: scalar) {
                for byte in mapped where !add(byte) { break scalars }
            } else {
                needsSlowFold = true
                break
            }
        }
        guard needsSlowFold else { return String(decoding: result, as: UTF8.self) }
        result = []
        pendingHyphen = false
        for byte in fold(text).utf8 where !add(byte) { break }
        return String(decoding: result, as: UTF8.self)
    }

    /// `slug` of ASCII text (most headings and checklist items), written straight into the String's
    /// storage; nil for other text. Each hyphen stands for a byte that was dropped, so the slug is never
    /// longer than the text.
    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>, maxLength: Int) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        guard !bytes.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingHyphen = false
            for var byte in bytes {
                if byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
                guard byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 else {
                    pendingHyphen = true
                    continue
                }
                if count >= maxLength { break }
                if pendingHyphen && count > 0 {
                    out[count] = UInt8(ascii: "-")
                    count += 1
                }
                pendingHyphen = false
                out[count] = byte
                count += 1
            }
            return count
        }
    }

    private static let latinBase: UInt32 = 0xA0

    /// The folds of U+00A0–U+024F as bytes, by code point minus `latinBase`, made once with the slow path.
    private static let latinFoldBytes: [[UInt8]] = (latinBase...0x24F).map { value in
        Unicode.Scalar(value).map { Array(slowFold(String(Character($0))).utf8) } ?? []
    }

    /// Lowercased, compatibility-decomposed text without combining marks.
    public static func fold(_ text: String) -> String {
        // Fast path: plain ASCII needs only lowercasing.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // Latin letters with accents (the Dutch, French and German ones) come from a table built once;
        // only other scripts take Foundation's slower decomposition.
        var quick: [UInt8] = []
        quick.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                quick.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            } else if let mapped = latinFold(of: scalar) {
                quick.append(contentsOf: mapped)
            } else {
                return slowFold(text)
            }
        }
        return String(decoding: quick, as: UTF8.self)
    }

    /// The folded bytes of a Latin letter of U+00A0–U+024F (`é` → `e`), nil for any other character.
    private static func latinFold(of scalar: Unicode.Scalar) -> [UInt8]? {
        guard scalar.value >= latinBase, Int(scalar.value - latinBase) < latinFoldBytes.count else { return nil }
        return latinFoldBytes[Int(scalar.value - latinBase)]
    }

    private static func slowFold(_ text: String) -> String {
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

        /// Room for `count` more ids at once (a dictionary that grows rehashes every id it holds).
        public mutating func reserveCapacity(_ count: Int) {
            used.reserveCapacity(used.count + count)
        }

        /// Marks `id` as used without handing it out.
        public mutating func reserve(_ id: String) {
            if used[id] == nil { used[id] = 1 }
        }

        public mutating func unique(for text: String, fallback: String = "kopje") -> String {
            unique(slug: HeadingID.slug(text), fallback: fallback)
        }

        /// Like `unique(for:)` for a slug made already.
        public mutating func unique(slug: String, fallback: String) -> String {
            let base = slug.isEmpty ? fallback : slug
            // One lookup for the usual case, an id not used yet.
            guard let count = used.updateValue(1, forKey: base) else { return base }
            var next = count + 1
            while used["\(base)-\(next)"] != nil { next += 1 }
            used[base] = next
            used["\(base)-\(next)"] = 1
            return "\(base)-\(next)"
        }
    }
}
