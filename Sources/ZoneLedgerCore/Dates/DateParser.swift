import Foundation

/// Reads dates the way the office writes them in reports and spreadsheets.
///
/// The input is trimmed, full-width characters (２０２１－０２－１１, Ｑ１) become ASCII, and
/// Chinese numerals 一…十二 are accepted for months (一…四 for quarters). A period always
/// resolves to its LAST day, because a deadline like "3月" means "by the end of March".
///
/// 1. `2021-02-11`, `2021/2/28` (as Excel writes it), `2021.2.28` → that day (day).
/// 2. `2021-02`, `2021/2` → last day of the month (month).
/// 3. `today`/`今天` → reference; `yesterday`/`昨天` → the day before (day).
/// 4. Chinese: [year prefix] [part] [前]. Prefix `2021年`, `今年`, `明年`, `去年`, or none for
///    the reference year. Parts, with precision:
///    - none (needs a prefix): `2021年`, `明年` → Dec 31 (year)
///    - `底`, `末` (need a prefix), `年底`, `年末` → Dec 31 (year)
///    - `上半年` → Jun 30, `下半年` → Dec 31 (half)
///    - `第一季度`, `一季度`, `第1季度`, `1季度`, `Q1` … → Mar 31, Jun 30, Sep 30, Dec 31 (quarter)
///    - `春季`/`春天` → May 31, `夏季` → Aug 31, `秋季` → Nov 30, `冬季` → end of the next
///      February, since winter is Dec–Feb (season)
///    - `3月`, `3月份`, `3月底`, `3月末` → the month's last day (month); `3月上旬`/`3月初` → 10th,
///      `3月中旬` → 20th, `3月下旬` → last day (xun); `3月5日`/`3月5号` → that day (day)
///    - `春节` → Spring Festival (festival); without a prefix, the first one strictly after
///      the reference day, since in late 2020 "春节" means the coming one.
///    - trailing `前`: the day before the period's first day (`春节前`, `2021年1月前` →
///      2020-12-31); after `底`/`末` it means "by the end", the last day (`年底前`).
/// 5. Anything else throws `DateError` (messages listed there). The result must also fall in
///    `Day.validYears`.
public enum DateParser {
    /// `reference` is the day relative forms (年底, 明年, 上半年, 春节前) are read against.
    public static func parse(_ text: String, relativeTo reference: Day) throws(DateError) -> LedgerDate {
        try parse(text, relativeTo: reference, upcoming: false)
    }

    /// A due date promised on `promised`: as `parse`, except that a period written without a year
    /// (3月底, 上半年, 第3季度, 5月上旬) is its next occurrence ending on or after that day.
    public static func parseDue(_ text: String, promisedOn promised: Day) throws(DateError) -> LedgerDate {
        try parse(text, relativeTo: promised, upcoming: true)
    }

    static func parse(_ text: String, relativeTo reference: Day, upcoming: Bool) throws(DateError) -> LedgerDate {
        let given = text.trimmingWhitespaceAndNewlines()
        // The form files and exports write, read without the scanner: what rule 1 would make of it.
        if let day = Day(iso: given) { return LedgerDate(day: day, text: given, precision: .day) }
        let normal = DateScanner.normalised(given)
        let resolved: (day: Day, precision: DatePrecision)
        switch normal {
        case "today", "今天": resolved = (reference, .day)
        case "yesterday", "昨天": resolved = (reference.adding(days: -1), .day)
        default:
            if let numeric = try numericDate(normal, given: given) {
                resolved = numeric
            } else if let chinese = try ChineseDate.parse(normal, given: given, reference: reference, upcoming: upcoming) {
                resolved = chinese.resolved
            } else {
                throw .unrecognised(given)
            }
        }
        // Relative forms can step past the range (明年 in 2200, 昨天 on 1900-01-01).
        guard Day.validYears.contains(resolved.day.year) else { throw .yearOutOfRange(given) }
        return LedgerDate(day: resolved.day, text: given, precision: resolved.precision)
    }

    /// Rules 1 and 2; nil when the text is not shaped like a numeric date at all.
    private static func numericDate(_ text: String, given: String) throws(DateError) -> (Day, DatePrecision)? {
        var scanner = DateScanner(text)
        guard let year = scanner.digits(4...4),
              let separator = scanner.take(anyOf: ["-", "/", "."]),
              let month = scanner.digits(1...2) else { return nil }
        let day: Int?
        if scanner.isAtEnd, separator != "." {
            day = nil
        } else if scanner.take(separator), let value = scanner.digits(1...2), scanner.isAtEnd {
            day = value
        } else {
            return nil
        }
        guard Day.validYears.contains(year) else { throw .yearOutOfRange(given) }
        guard (1...12).contains(month) else { throw .badMonth(given) }
        guard let day else { return (Day.lastDay(year: year, month: month), .month) }
        guard let result = Day(year: year, month: month, day: day) else {
            throw .noSuchDay(given, year: year, month: month)
        }
        return (result, .day)
    }
}
