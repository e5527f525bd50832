import Foundation

/// A calendar day, no time zone: the ledger's unit of time.
///
/// Kept as plain year/month/day so equality, hashing and the ISO text never depend on the
/// machine's time zone; arithmetic uses a proleptic Gregorian day count, not Foundation.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The years accepted from people and files; outside them a year is almost surely a typo.
    public static let validYears = 1900...2200

    public let year: Int
    public let month: Int
    public let day: Int

    /// nil if the day does not exist or the year is outside `validYears`.
    public init?(year: Int, month: Int, day: Int) {
        guard Day.validYears.contains(year), (1...12).contains(month),
              (1...Day.length(year: year, month: month)).contains(day) else { return nil }
        self.init(checked: year, month, day)
    }

    /// For values already known to exist (arithmetic, month ends): no second check.
    init(checked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Strict "YYYY-MM-DD", the form the ledger writes; looser forms belong to `DateParser`.
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (48...57).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        // Bound to every statement that takes a day, so built from digits rather than interpolated.
        guard (0...9999).contains(year) else { return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))" }
        let digit = { (value: Int) in UInt8(ascii: "0") + UInt8(value % 10) }
        let bytes: [UInt8] = [digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), UInt8(ascii: "-"),
                              digit(month / 10), digit(month), UInt8(ascii: "-"), digit(day / 10), digit(day)]
        return String(decoding: bytes, as: UTF8.self)
    }
    public var description: String { iso }
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in a month; 0 for a month that does not exist.
    public static func length(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        case 1...12: 31
        default: 0
        }
    }

    /// Out-of-range arguments are clamped (month to 1...12, year to 1...9999) so this never fails.
    public static func lastDay(year: Int, month: Int) -> Day {
        let y = min(max(year, 1), 9999), m = min(max(month, 1), 12)
        return Day(checked: y, m, length(year: y, month: m))
    }

    public var firstOfMonth: Day { Day(checked: year, month, 1) }
    public var lastOfMonth: Day { Day.lastDay(year: year, month: month) }

    /// Not range-checked against `validYears` (callers decide), but saturates at years 1 and
    /// 9999 instead of trapping on absurd offsets.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        let bounded = overflow ? (days < 0 ? Day.minOrdinal : Day.maxOrdinal)
                               : min(max(sum, Day.minOrdinal), Day.maxOrdinal)
        return Day(ordinal: bounded)
    }

    /// `other - self` in days.
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func today(timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let last = lastDay(year: parts.year ?? 1970, month: parts.month ?? 1)
        return Day(checked: last.year, last.month, min(max(parts.day ?? 1, 1), last.day))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // Codable as the ISO string, so JSON output and stored rows read the same as the screen.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "日期应写作 YYYY-MM-DD：“\(text)”")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
