import Foundation

/// A calendar month, for monthly reports and `--month` options.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// nil if the month is not 1...12 or the year is outside `Day.validYears`.
    public init?(year: Int, month: Int) {
        guard Day.validYears.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a day falls in.
    public init(_ day: Day) {
        year = day.year
        month = day.month
    }

    public var first: Day { Day(checked: year, month, 1) }
    public var last: Day { Day.lastDay(year: year, month: month) }
    public var description: String { String(first.iso.prefix(7)) }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> Month {
        let index = year * 12 + (month - 1) + count
        return Month(year: index / 12, month: index % 12 + 1) ?? self
    }
    public var chinese: String { "\(year)年\(month)月" }

    public static func < (lhs: Month, rhs: Month) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// Reads `2021-02`, `2021/2`, `2021年2月`, `2021年二月份` and `202102` (full-width digits too).
    /// Errors: `月份无效“2021-13”：月份应为1至12`, `年份超出范围“1800-01”：应在1900至2200之间`,
    /// anything else `无法识别的月份“…”：应写作 2021-02 或 2021年2月`.
    public static func parse(_ text: String) throws(DateError) -> Month {
        let given = text.trimmingWhitespaceAndNewlines()
        let normal = DateScanner.normalised(given)
        guard let (year, month) = yearAndMonth(normal) else { throw .unrecognisedMonth(given) }
        guard Day.validYears.contains(year) else { throw .yearOutOfRange(given) }
        guard let result = Month(year: year, month: month) else { throw .badMonth(given) }
        return result
    }

    private static func yearAndMonth(_ text: String) -> (Int, Int)? {
        var compact = DateScanner(text)
        if let both = compact.digits(6...6), compact.isAtEnd { return (both / 100, both % 100) }

        var numeric = DateScanner(text)
        if let year = numeric.digits(4...4), numeric.take(anyOf: ["-", "/"]) != nil,
           let month = numeric.digits(1...2), numeric.isAtEnd { return (year, month) }

        var chinese = DateScanner(text)
        if let year = chinese.digits(4...4), chinese.take("年"), let month = chinese.number(),
           chinese.take("月") {
            _ = chinese.take("份")
            if chinese.isAtEnd { return (year, month) }
        }
        return nil
    }
}
