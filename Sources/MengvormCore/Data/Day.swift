import Foundation

/// A calendar date as editors write it: `2027-03-01`. No time, no time zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (a trailing time such as `T10:00:00` is allowed and ignored).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        if bytes.count > 10, bytes[10] != UInt8(ascii: "T"), bytes[10] != UInt8(ascii: " ") { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A date written the Dutch way (`1-3-2027`, `01/03/2027`, `1.3.2027`) or without zeros (`2027-3-1`):
    /// the day an editor meant, so a message can suggest `2027-03-01`.
    static func fromOtherOrder(_ text: String) -> Day? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 { return Day(year: c, month: b, day: a) }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 { return Day(year: a, month: b, day: c) }
        return nil
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            func pad(_ n: Int, _ width: Int) -> String {
                let s = String(n)
                return String(repeating: "0", count: max(0, width - s.count)) + s
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
        // Ten ASCII bytes written in place (a small String, no allocation): lists show a date per page.
        return String(unsafeUninitializedCapacity: 10) { out in
            func digits(_ value: Int, _ count: Int, at start: Int) {
                var rest = value
                for position in stride(from: start + count - 1, through: start, by: -1) {
                    out[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            digits(year, 4, at: 0)
            out[4] = UInt8(ascii: "-")
            digits(month, 2, at: 5)
            out[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return 10
        }
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Today in the local calendar of the machine running the build.
    public static var today: Day {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Days since 1970-01-01, for differences between dates.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> Day {
        // civil_from_days
        let z = ordinal + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return Day(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    private static let dutchMonths = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ]
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    /// "1 maart 2027" (Dutch) or "1 March 2027" (other languages).
    public func long(language: String) -> String {
        let names = language.utf8.starts(with: "nl".utf8) ? Day.dutchMonths : Day.englishMonths
        guard (1...12).contains(month), (1...99).contains(day), (1000...9999).contains(year) else {
            return "\(day) \(names[month - 1]) \(year)"
        }
        // Written in place: a tag page or a section list shows a date per page (the interpolation was
        // 1,600 instructions a date, a fifth of a list entry).
        var name = names[month - 1]
        return name.withUTF8 { month in
            String(unsafeUninitializedCapacity: month.count + 8) { out in
                var at = 0
                if day >= 10 {
                    out[at] = UInt8(ascii: "0") + UInt8(day / 10)
                    at += 1
                }
                out[at] = UInt8(ascii: "0") + UInt8(day % 10)
                out[at + 1] = UInt8(ascii: " ")
                at += 2
                for byte in month {
                    out[at] = byte
                    at += 1
                }
                out[at] = UInt8(ascii: " ")
                var rest = year
                for position in stride(from: at + 4, through: at + 1, by: -1) {
                    out[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                return at + 5
            }
        }
    }
}
