import Foundation
import Testing
@testable import ZoneLedgerCore

/// The work report is dated 2020-11-30; most relative forms are read against it.
private let report = "2020-11-30"

struct DateParseCase: Sendable, CustomTestStringConvertible {
    let text: String
    let iso: String
    let precision: DatePrecision
    var reference = report
    var testDescription: String { "\(text.debugDescription) @\(reference) → \(iso)" }
}

private func c(_ text: String, _ iso: String, _ precision: DatePrecision, _ reference: String = report) -> DateParseCase {
    DateParseCase(text: text, iso: iso, precision: precision, reference: reference)
}

private let numericAndWords: [DateParseCase] = [
    c("2021-02-11", "2021-02-11", .day), c("2021/2/28", "2021-02-28", .day), c("2021.2.28", "2021-02-28", .day),
    c("2021-2-8", "2021-02-08", .day), c("2024-02-29", "2024-02-29", .day), c("2000/2/29", "2000-02-29", .day),
    c("2021-02", "2021-02-28", .month), c("2021/02", "2021-02-28", .month), c("2021/2", "2021-02-28", .month),
    c("2024-02", "2024-02-29", .month), c("1900-01-01", "1900-01-01", .day), c("2200-12", "2200-12-31", .month),
    c("today", "2020-11-30", .day), c("Today", "2020-11-30", .day), c("今天", "2020-11-30", .day),
    c("yesterday", "2020-11-29", .day), c("昨天", "2020-11-29", .day),
    c("昨天", "2021-02-28", .day, "2021-03-01"), c("昨天", "2024-02-29", .day, "2024-03-01"),
    c("yesterday", "2020-12-31", .day, "2021-01-01"),
]

private let years: [DateParseCase] = [
    c("2021年", "2021-12-31", .year), c("明年", "2021-12-31", .year), c("今年", "2020-12-31", .year),
    c("去年", "2019-12-31", .year), c("去年", "2020-12-31", .year, "2021-01-01"),
    c("2021年底", "2021-12-31", .year), c("2021年末", "2021-12-31", .year), c("年底", "2020-12-31", .year),
    c("年末", "2020-12-31", .year), c("明年底", "2021-12-31", .year), c("明年末", "2021-12-31", .year),
    c("今年年底", "2020-12-31", .year), c("去年底", "2019-12-31", .year), c("2021年年底", "2021-12-31", .year),
    c("年底", "2023-12-31", .year, "2023-05-05"),
    c("上半年", "2020-06-30", .half), c("下半年", "2020-12-31", .half),
    c("2021年上半年", "2021-06-30", .half), c("明年下半年", "2021-12-31", .half),
]

private let quartersAndSeasons: [DateParseCase] = [
    c("第一季度", "2020-03-31", .quarter), c("一季度", "2020-03-31", .quarter), c("第1季度", "2020-03-31", .quarter),
    c("1季度", "2020-03-31", .quarter), c("Q1", "2020-03-31", .quarter), c("q2", "2020-06-30", .quarter),
    c("第二季度", "2020-06-30", .quarter), c("三季度", "2020-09-30", .quarter), c("第3季度", "2020-09-30", .quarter),
    c("四季度", "2020-12-31", .quarter), c("Q4", "2020-12-31", .quarter), c("2021年第二季度", "2021-06-30", .quarter),
    c("2021年Q3", "2021-09-30", .quarter), c("明年一季度", "2021-03-31", .quarter),
    c("春季", "2020-05-31", .season), c("春天", "2020-05-31", .season), c("夏季", "2020-08-31", .season),
    c("夏天", "2020-08-31", .season), c("秋季", "2020-11-30", .season), c("秋天", "2020-11-30", .season),
    c("冬季", "2021-02-28", .season), c("冬天", "2021-02-28", .season), c("2023年冬季", "2024-02-29", .season),
    c("2021年春季", "2021-05-31", .season), c("冬季", "2024-02-29", .season, "2023-06-01"),
]

private let monthsAndFestival: [DateParseCase] = [
    c("2月", "2020-02-29", .month), c("2021年2月", "2021-02-28", .month), c("十二月", "2020-12-31", .month),
    c("2021年二月", "2021-02-28", .month), c("3月份", "2020-03-31", .month), c("明年3月", "2021-03-31", .month),
    c("去年12月", "2019-12-31", .month), c("2月", "2023-02-28", .month, "2023-07-01"),
    c("2021年3月底", "2021-03-31", .month), c("3月末", "2020-03-31", .month), c("2021年2月底", "2021-02-28", .month),
    c("3月上旬", "2020-03-10", .xun), c("3月初", "2020-03-10", .xun), c("3月中旬", "2020-03-20", .xun),
    c("2月下旬", "2020-02-29", .xun), c("2021年2月下旬", "2021-02-28", .xun), c("十一月下旬", "2020-11-30", .xun),
    c("2021年2月11日", "2021-02-11", .day), c("2月11号", "2020-02-11", .day), c("三月十五日", "2020-03-15", .day),
    c("2024年2月29日", "2024-02-29", .day), c("12月31日", "2020-12-31", .day),
    c("春节", "2021-02-12", .festival), c("2021年春节", "2021-02-12", .festival),
    c("2020年春节", "2020-01-25", .festival), c("明年春节", "2021-02-12", .festival),
    c("今年春节", "2020-01-25", .festival), c("2022年春节", "2022-02-01", .festival),
    c("春节", "2022-02-01", .festival, "2021-02-12"), c("春节", "2021-02-12", .festival, "2021-02-11"),
    c("春节", "2020-01-25", .festival, "2020-01-24"),
]

private let before: [DateParseCase] = [
    c("春节前", "2021-02-11", .festival), c("春节前", "2022-01-31", .festival, "2021-03-01"),
    c("明年春节前", "2021-02-11", .festival), c("2021年1月前", "2020-12-31", .month),
    c("3月上旬前", "2020-02-29", .xun), c("2021年3月上旬前", "2021-02-28", .xun), c("3月初前", "2020-02-29", .xun),
    c("3月中旬前", "2020-03-10", .xun), c("3月下旬前", "2020-03-20", .xun), c("2021年前", "2020-12-31", .year),
    c("明年前", "2020-12-31", .year), c("年底前", "2020-12-31", .year), c("2月底前", "2020-02-29", .month),
    c("明年底前", "2021-12-31", .year), c("2021年末前", "2021-12-31", .year), c("3月末前", "2020-03-31", .month),
    c("上半年前", "2019-12-31", .half), c("下半年前", "2020-06-30", .half), c("第二季度前", "2020-03-31", .quarter),
    c("Q1前", "2019-12-31", .quarter), c("冬季前", "2020-11-30", .season), c("春季前", "2020-02-29", .season),
    c("2021年2月11日前", "2021-02-10", .day), c("6月前", "2020-05-31", .month),
]

/// Full-width input as an input method in full-width mode types it.
private let fullWidth: [DateParseCase] = [
    c("２０２１－０２－１１", "2021-02-11", .day), c("２０２１／２／２８", "2021-02-28", .day),
    c("２０２１－０２", "2021-02-28", .month), c("２０２１年２月", "2021-02-28", .month),
    c("２０２１年２月１１日", "2021-02-11", .day), c("Ｑ１", "2020-03-31", .quarter), c("第１季度", "2020-03-31", .quarter),
    c("３月上旬前", "2020-02-29", .xun),
]

private let allCases = numericAndWords + years + quartersAndSeasons + monthsAndFestival + before + fullWidth

@Suite("DateParser.parse: accepted forms")
struct DateParserFormTests {
    @Test(arguments: allCases)
    func parses(_ example: DateParseCase) throws {
        let reference = try #require(Day(iso: example.reference))
        let parsed = try DateParser.parse(example.text, relativeTo: reference)
        #expect(parsed.day.iso == example.iso)
        #expect(parsed.precision == example.precision)
        #expect(parsed.text == example.text)
    }

    @Test func keepsTrimmedTextAndEveryPrecisionIsCovered() throws {
        let reference = try #require(Day(iso: report))
        let parsed = try DateParser.parse("  2021年2月底 \n", relativeTo: reference)
        #expect(parsed.text == "2021年2月底")
        #expect(parsed.day.iso == "2021-02-28")
        #expect(Set(allCases.map(\.precision)) == Set(DatePrecision.allCases))
    }
}

struct DateErrorCase: Sendable, CustomTestStringConvertible {
    let text: String
    let message: String
    var reference = report
    var testDescription: String { "\(text.debugDescription) @\(reference)" }
}

private let recognisable = "：可用的写法如 2021-02-11、2021-02、2021年2月、2021年2月底、年底、2021年春季、下半年、第一季度、3月上旬、春节前、明年"
private func e(_ text: String, _ message: String, _ reference: String = report) -> DateErrorCase {
    DateErrorCase(text: text, message: message, reference: reference)
}
private func unknown(_ text: String) -> DateErrorCase { e(text, "无法识别的日期“\(text)”" + recognisable) }

private let errorCases: [DateErrorCase] = [
    unknown("下个月吧"), unknown(""), unknown("底"), unknown("末"), unknown("前"), unknown("2021"), unknown("2021年吧"),
    unknown("21-02-11"), unknown("2021.02"), unknown("2021-02-11-01"), unknown("2021/02-11"), unknown("tomorrow"),
    unknown("春节后"), unknown("Q"), unknown("3月32"), unknown("年"), unknown("二〇二一年"), unknown("2021-002-11"),
    e("  下个月吧 ", "无法识别的日期“下个月吧”" + recognisable),
    e("2021\n02", "无法识别的日期“2021 02”" + recognisable),
    e(String(repeating: "年", count: 50), "无法识别的日期“\(String(repeating: "年", count: 40))…”" + recognisable),
    e("2021-02-30", "日期不存在“2021-02-30”：2021年2月只有28天"),
    e("2021-02-29", "日期不存在“2021-02-29”：2021年2月只有28天"),
    e("2021年2月29日", "日期不存在“2021年2月29日”：2021年2月只有28天"),
    e("2月30日", "日期不存在“2月30日”：2020年2月只有29天"),
    e("2021/4/31", "日期不存在“2021/4/31”：2021年4月只有30天"),
    e("2021-01-00", "日期不存在“2021-01-00”：2021年1月只有31天"),
    e("2021-13", "月份无效“2021-13”：月份应为1至12"), e("2021-00", "月份无效“2021-00”：月份应为1至12"),
    e("2021-13-01", "月份无效“2021-13-01”：月份应为1至12"), e("13月", "月份无效“13月”：月份应为1至12"),
    e("2021年十三月", "月份无效“2021年十三月”：月份应为1至12"), e("0月底前", "月份无效“0月底前”：月份应为1至12"),
    e("第五季度", "季度无效“第五季度”：季度应为1至4"), e("Q5", "季度无效“Q5”：季度应为1至4"),
    e("0季度", "季度无效“0季度”：季度应为1至4"),
    e("1800年底", "年份超出范围“1800年底”：应在1900至2200之间"),
    e("2201-01-01", "年份超出范围“2201-01-01”：应在1900至2200之间"),
    e("1899-12", "年份超出范围“1899-12”：应在1900至2200之间"),
    e("2300年春节", "年份超出范围“2300年春节”：应在1900至2200之间"),
    e("明年", "年份超出范围“明年”：应在1900至2200之间", "2200-06-01"),
    e("昨天", "年份超出范围“昨天”：应在1900至2200之间", "1900-01-01"),
    e("冬季", "年份超出范围“冬季”：应在1900至2200之间", "2200-01-01"),
    e("春节", "年份超出范围“春节”：应在1900至2200之间", "2200-12-01"),
]

@Suite("DateParser.parse: errors")
struct DateParserErrorTests {
    @Test(arguments: errorCases)
    func rejects(_ example: DateErrorCase) throws {
        let reference = try #require(Day(iso: example.reference))
        #expect(throws: DateError(message: example.message)) {
            try DateParser.parse(example.text, relativeTo: reference)
        }
    }

    @Test func descriptionIsTheMessage() {
        let error = DateError.badMonth("2021-13")
        #expect(error.description == "月份无效“2021-13”：月份应为1至12")
        #expect("\(error)" == error.message)
    }
}

@Suite("Day")
struct DateDayTests {
    struct Triple: Sendable, CustomTestStringConvertible {
        let year: Int, month: Int, day: Int, exists: Bool
        var testDescription: String { "\(year)-\(month)-\(day)" }
    }

    @Test(arguments: [
        Triple(year: 2024, month: 2, day: 29, exists: true), Triple(year: 2021, month: 2, day: 29, exists: false),
        Triple(year: 2000, month: 2, day: 29, exists: true), Triple(year: 1900, month: 2, day: 29, exists: false),
        Triple(year: 1900, month: 1, day: 1, exists: true), Triple(year: 2200, month: 12, day: 31, exists: true),
        Triple(year: 1899, month: 12, day: 31, exists: false), Triple(year: 2201, month: 1, day: 1, exists: false),
        Triple(year: 2021, month: 0, day: 1, exists: false), Triple(year: 2021, month: 13, day: 1, exists: false),
        Triple(year: 2021, month: 4, day: 31, exists: false), Triple(year: 2021, month: 1, day: 0, exists: false),
    ])
    func existence(_ triple: Triple) {
        #expect((Day(year: triple.year, month: triple.month, day: triple.day) != nil) == triple.exists)
    }

    @Test(arguments: ["2021-2-11", "2021/02/11", "２０２１-02-11", "2021-02-11 ", "+021-02-11", "2021-02-30", "", "2021-02-1x"])
    func strictISORejects(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func textForms() throws {
        let day = try #require(Day(year: 2021, month: 2, day: 11))
        #expect(day.iso == "2021-02-11")
        #expect(day.description == "2021-02-11")
        #expect(day.chinese == "2021年2月11日")
        #expect(Day(iso: "2021-02-11") == day)
    }

    @Test func monthEnds() throws {
        #expect(Day.lastDay(year: 2024, month: 2).iso == "2024-02-29")
        #expect(Day.lastDay(year: 1900, month: 2).iso == "1900-02-28")
        #expect(Day.lastDay(year: 2021, month: 12).iso == "2021-12-31")
        let day = try #require(Day(iso: "2021-04-17"))
        #expect(day.firstOfMonth.iso == "2021-04-01")
        #expect(day.lastOfMonth.iso == "2021-04-30")
    }

    @Test func arithmetic() throws {
        let start = try #require(Day(iso: "2020-11-30"))
        #expect(start.adding(days: 1).iso == "2020-12-01")
        #expect(start.adding(days: 74).iso == "2021-02-12")
        #expect(start.adding(days: -275).iso == "2020-02-29")
        #expect(start.days(until: try #require(Day(iso: "2021-02-12"))) == 74)
        #expect(start.adding(days: .max).iso == "9999-12-31")
        #expect(start.adding(days: .min).iso == "0001-01-01")
    }

    /// Walks every day of the valid range: each step is the calendar's next day.
    @Test func walkingTheWholeRangeMatchesTheCalendar() throws {
        var day = try #require(Day(iso: "1900-01-01"))
        var count = 0
        while day.year <= 2200 {
            let next = day.adding(days: 1)
            let expected = Day(year: day.year, month: day.month, day: day.day + 1)
                ?? Day(year: day.year, month: day.month + 1, day: 1)
                ?? Day(year: day.year + 1, month: 1, day: 1)
                ?? Day(checked: 2201, 1, 1)
            #expect(next == expected)
            #expect(day < next)
            day = next
            count += 1
        }
        #expect(count == 301 * 365 + 73)  // 73 leap years: 1900, 2100 and 2200 are not
    }

    @Test func todayMatchesFoundation() throws {
        let zone = try #require(TimeZone(identifier: "UTC"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let today = Day.today(timeZone: zone)
        #expect([today.year, today.month, today.day] == [parts.year, parts.month, parts.day].compactMap { $0 })
    }

    @Test func codableAsISOString() throws {
        let days = [try #require(Day(iso: "2021-02-11")), try #require(Day(iso: "1900-01-01"))]
        let data = try JSONEncoder().encode(days)
        #expect(String(decoding: data, as: UTF8.self) == #"["2021-02-11","1900-01-01"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == days)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2021/2/11"]"#.utf8)) }
    }
}

@Suite("Month")
struct DateMonthTests {
    @Test(arguments: ["2021-02", "2021/2", "2021年2月", "2021年二月份", "202102", "２０２１－０２", " 2021-02 "])
    func parses(_ text: String) throws {
        let month = try Month.parse(text)
        #expect(month == Month(year: 2021, month: 2))
        #expect(month.description == "2021-02")
        #expect(month.chinese == "2021年2月")
        #expect(month.first.iso == "2021-02-01")
        #expect(month.last.iso == "2021-02-28")
    }

    @Test(arguments: [
        ("2021-13", "月份无效“2021-13”：月份应为1至12"), ("202113", "月份无效“202113”：月份应为1至12"),
        ("2021年13月", "月份无效“2021年13月”：月份应为1至12"), ("2021-00", "月份无效“2021-00”：月份应为1至12"),
        ("1800-01", "年份超出范围“1800-01”：应在1900至2200之间"),
        ("2021", "无法识别的月份“2021”：应写作 2021-02 或 2021年2月"),
        ("2021-02-11", "无法识别的月份“2021-02-11”：应写作 2021-02 或 2021年2月"),
        ("二月", "无法识别的月份“二月”：应写作 2021-02 或 2021年2月"),
        ("", "无法识别的月份“”：应写作 2021-02 或 2021年2月"),
    ])
    func rejects(_ text: String, _ message: String) {
        #expect(throws: DateError(message: message)) { try Month.parse(text) }
    }

    @Test func orderAndLeapFebruary() throws {
        let feb = try #require(Month(year: 2024, month: 2))
        #expect(feb.last.iso == "2024-02-29")
        #expect(try #require(Month(year: 2023, month: 12)) < feb)
        #expect(Month(try #require(Day(iso: "2024-02-10"))) == feb)
        #expect(Month(year: 2024, month: 13) == nil)
        #expect(Month(year: 1899, month: 1) == nil)
    }
}

@Suite("Spring Festival")
struct DateSpringFestivalTests {
    @Test(arguments: [
        (1900, "1900-01-31"), (2000, "2000-02-05"), (2020, "2020-01-25"), (2021, "2021-02-12"),
        (2022, "2022-02-01"), (2023, "2023-01-22"), (2024, "2024-02-10"), (2025, "2025-01-29"), (2026, "2026-02-17"),
    ])
    func knownYears(_ year: Int, _ iso: String) {
        #expect(DateParser.springFestival(year: year).iso == iso)
    }

    /// Every year of the range is found inside the search window (so the fallback never runs),
    /// and consecutive festivals are one lunar year (12 or 13 months) apart.
    @Test func everyYearInRangeIsPlausible() {
        var previous = DateParser.springFestival(year: 1899)
        for year in Day.validYears {
            let festival = DateParser.springFestival(year: year)
            #expect(festival.year == year)
            #expect((1...2).contains(festival.month))
            #expect(festival.month == 1 ? festival.day >= 21 : festival.day <= 20)
            #expect([353, 354, 355, 383, 384, 385].contains(previous.days(until: festival)))
            previous = festival
        }
    }
}

/// Deterministic garbage: nothing typed into a date field may crash the parser.
@Suite("DateParser.parse: garbage")
struct DateParserGarbageTests {
    /// SplitMix64: tiny, seedable, the same sequence on every platform.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pieces = [
        "0", "1", "2", "9", "２", "１", "-", "/", ".", "－", "年", "月", "日", "号", "底", "末", "前", "上", "下", "中",
        "旬", "初", "半", "季", "度", "第", "春", "节", "夏", "秋", "冬", "天", "今", "明", "去", "一", "二", "十", "三",
        "五", "q", "Ｑ", " ", "\n", "\t", "份", "2021", "1800", "12", "31", "29", "💥", "é", "\u{0}", "a", "〇", "“",
        "today", "昨天", "2021-02-", "年底", "上半年", "季度", "\u{301}",
    ]

    @Test(arguments: 1...5)
    func neverCrashes(seed: Int) throws {
        var random = Generator(state: UInt64(seed))
        let reference = try #require(Day(iso: report))
        for _ in 0..<100 {
            let text = (0..<random.next(9)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
            do {
                let parsed = try DateParser.parse(text, relativeTo: reference)
                #expect(Day.validYears.contains(parsed.day.year))
                #expect(parsed.text == text.trimmingCharacters(in: .whitespacesAndNewlines))
                #expect(try DateParser.parse(parsed.day.iso, relativeTo: reference).day == parsed.day)
            } catch {
                #expect(!error.message.isEmpty)
                #expect(!error.message.contains("\n"))
                // Scalars, not Characters: a leading combining mark in the input fuses with “.
                #expect(error.message.unicodeScalars.contains("“"))
            }
            do {
                _ = try Month.parse(text)
            } catch {
                #expect(!error.message.contains("\n"))
            }
        }
    }
}
