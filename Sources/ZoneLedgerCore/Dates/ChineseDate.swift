/// Rule 4 of `DateParser`: [year prefix] [part] [前], read into the period it names.
struct ChineseDate {
    let first: Day
    let last: Day
    let precision: DatePrecision
    /// 底/末 name the end itself, so "年底前" means "by year end", not "before the year".
    let namesEnd: Bool
    let before: Bool

    var resolved: (day: Day, precision: DatePrecision) {
        guard before else { return (last, precision) }
        return (namesEnd ? last : first.adding(days: -1), precision)
    }

    private enum Part {
        case wholeYear, yearEnd, springFestival
        case half(Int), quarter(Int), season(Int)
        case month(Int, MonthPart)
    }

    private enum MonthPart { case whole, end, xun(Int), day(Int) }

    /// nil when the text does not follow the grammar; throws when it does but names a
    /// value that cannot be (13月, 2月30日, 1800年).
    ///
    /// `upcoming` (a due date): a period written without a year is its next occurrence that ends
    /// on or after `reference`, as 春节 always is. "3月上旬" promised on 2021-08-01 is 2022-03-10,
    /// never a day already past; with a year written, the text is taken as written.
    static func parse(_ text: String, given: String, reference: Day, upcoming: Bool = false) throws(DateError) -> ChineseDate? {
        var body = text
        let before = body.hasSuffix("前")
        if before { body.removeLast() }
        var scanner = DateScanner(body)
        let prefixYear = yearPrefix(&scanner, reference: reference)
        guard let part = part(&scanner, hasPrefix: prefixYear != nil), scanner.isAtEnd else { return nil }
        if let prefixYear, !Day.validYears.contains(prefixYear) { throw .yearOutOfRange(given) }
        let date = try resolve(part, year: prefixYear ?? reference.year, hasPrefix: prefixYear != nil, before: before,
                               given: given, reference: reference)
        guard upcoming, prefixYear == nil, date.resolved.day < reference else { return date }
        return try resolve(part, year: reference.year + 1, hasPrefix: false, before: before, given: given, reference: reference)
    }

    /// The period `part` names in `year`.
    private static func resolve(_ part: Part, year: Int, hasPrefix: Bool, before: Bool, given: String,
                                reference: Day) throws(DateError) -> ChineseDate {

        func span(_ firstMonth: Int, _ lastMonth: Int, _ precision: DatePrecision, namesEnd: Bool = false) -> ChineseDate {
            ChineseDate(first: Day(checked: year, firstMonth, 1), last: Day.lastDay(year: year, month: lastMonth),
                        precision: precision, namesEnd: namesEnd, before: before)
        }
        switch part {
        case .wholeYear: return span(1, 12, .year)
        case .yearEnd: return span(1, 12, .year, namesEnd: true)
        case .half(let half): return span(half * 6 - 5, half * 6, .half)
        case .quarter(let quarter):
            guard (1...4).contains(quarter) else { throw .badQuarter(given) }
            return span(quarter * 3 - 2, quarter * 3, .quarter)
        case .season(let season) where season == 3:
            // Winter runs from this December to the end of next February.
            return ChineseDate(first: Day(checked: year, 12, 1), last: Day.lastDay(year: year + 1, month: 2),
                               precision: .season, namesEnd: false, before: before)
        case .season(let season): return span(season * 3 + 3, season * 3 + 5, .season)
        case .springFestival:
            var festival = DateParser.springFestival(year: year)
            if !hasPrefix, festival <= reference { festival = DateParser.springFestival(year: year + 1) }
            return ChineseDate(first: festival, last: festival, precision: .festival, namesEnd: false, before: before)
        case .month(let month, let monthPart):
            guard (1...12).contains(month) else { throw .badMonth(given) }
            let whole = span(month, month, .month)
            func days(_ from: Int, _ to: Int, _ precision: DatePrecision) -> ChineseDate {
                ChineseDate(first: Day(checked: year, month, from), last: Day(checked: year, month, to),
                            precision: precision, namesEnd: false, before: before)
            }
            switch monthPart {
            case .whole: return whole
            case .end: return span(month, month, .month, namesEnd: true)
            case .xun(1): return days(1, 10, .xun)
            case .xun(2): return days(11, 20, .xun)
            case .xun: return days(21, whole.last.day, .xun)
            case .day(let day):
                guard (1...whole.last.day).contains(day) else { throw .noSuchDay(given, year: year, month: month) }
                return days(day, day, .day)
            }
        }
    }

    /// `2021年`, `今年`, `明年`, `去年`; nil when there is none.
    private static func yearPrefix(_ scanner: inout DateScanner, reference: Day) -> Int? {
        var attempt = scanner
        if let year = attempt.digits(4...4), attempt.take("年") {
            scanner = attempt
            return year
        }
        switch scanner.take(anyOf: ["今年", "明年", "去年"]) {
        case "今年": return reference.year
        case "明年": return reference.year + 1
        case "去年": return reference.year - 1
        default: return nil
        }
    }

    private static let seasons: [(names: [String], index: Int)] = [
        (["春季", "春天"], 0), (["夏季", "夏天"], 1), (["秋季", "秋天"], 2), (["冬季", "冬天"], 3),
    ]

    private static func part(_ scanner: inout DateScanner, hasPrefix: Bool) -> Part? {
        if scanner.isAtEnd { return hasPrefix ? .wholeYear : nil }
        // Bare 底/末 only make sense glued to a year: "2021年底", "明年底".
        if scanner.take(anyOf: hasPrefix ? ["年底", "年末", "底", "末"] : ["年底", "年末"]) != nil { return .yearEnd }
        if scanner.take("上半年") { return .half(1) }
        if scanner.take("下半年") { return .half(2) }
        if scanner.take("春节") { return .springFestival }
        for season in seasons where scanner.take(anyOf: season.names) != nil { return .season(season.index) }

        var quarter = scanner
        if quarter.take("q"), let number = quarter.digits(1...1) {
            scanner = quarter
            return .quarter(number)
        }
        quarter = scanner
        _ = quarter.take("第")
        if let number = quarter.number(), quarter.take(anyOf: ["季度", "季"]) != nil {
            scanner = quarter
            return .quarter(number)
        }

        guard let month = scanner.number(), scanner.take("月") else { return nil }
        _ = scanner.take("份")
        if scanner.take(anyOf: ["底", "末"]) != nil { return .month(month, .end) }
        if scanner.take(anyOf: ["上旬", "初"]) != nil { return .month(month, .xun(1)) }
        if scanner.take("中旬") { return .month(month, .xun(2)) }
        if scanner.take("下旬") { return .month(month, .xun(3)) }
        var day = scanner
        if let number = day.number(), day.take(anyOf: ["日", "号"]) != nil {
            scanner = day
            return .month(month, .day(number))
        }
        return .month(month, .whole)
    }
}
