/// How exactly people named a date: a period resolves to its last day, so keep what it was.
public enum DatePrecision: String, Sendable, CaseIterable {
    case day, xun, month, quarter, half, season, year, festival
}

/// A date as people in the office write it: the day it resolves to, and their own words.
public struct LedgerDate: Hashable, Sendable {
    public let day: Day
    public let text: String
    public let precision: DatePrecision

    public init(day: Day, text: String, precision: DatePrecision) {
        self.day = day
        self.text = text
        self.precision = precision
    }

    /// In words for messages: "2021年1月底（2021-01-31）", or just the day when that is what was written.
    public var words: String { text == day.iso ? day.iso : "\(text)（\(day.iso)）" }
}

/// A date or month that cannot be read. The message is shown to users as is: Chinese, one
/// line, the offending value in “”. The exact messages (tests check them):
///
///     无法识别的日期“下个月吧”：可用的写法如 2021-02-11、2021-02、2021年2月、2021年2月底、年底、2021年春季、下半年、第一季度、3月上旬、春节前、明年
///     日期不存在“2021-02-30”：2021年2月只有28天
///     月份无效“2021-13”：月份应为1至12
///     季度无效“第5季度”：季度应为1至4
///     年份超出范围“1800年底”：应在1900至2200之间
///     无法识别的月份“2021年”：应写作 2021-02 或 2021年2月
public struct DateError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension DateError {
    static func unrecognised(_ text: String) -> DateError {
        DateError(message: "无法识别的日期\(quoted(text))：可用的写法如 2021-02-11、2021-02、2021年2月、2021年2月底、年底、2021年春季、下半年、第一季度、3月上旬、春节前、明年")
    }

    static func noSuchDay(_ text: String, year: Int, month: Int) -> DateError {
        DateError(message: "日期不存在\(quoted(text))：\(year)年\(month)月只有\(Day.length(year: year, month: month))天")
    }

    static func badMonth(_ text: String) -> DateError {
        DateError(message: "月份无效\(quoted(text))：月份应为1至12")
    }

    static func badQuarter(_ text: String) -> DateError {
        DateError(message: "季度无效\(quoted(text))：季度应为1至4")
    }

    static func yearOutOfRange(_ text: String) -> DateError {
        DateError(message: "年份超出范围\(quoted(text))：应在\(Day.validYears.lowerBound)至\(Day.validYears.upperBound)之间")
    }

    static func unrecognisedMonth(_ text: String) -> DateError {
        DateError(message: "无法识别的月份\(quoted(text))：应写作 2021-02 或 2021年2月")
    }

    /// Keeps the message one line and readable whatever was pasted in: line breaks and other
    /// control characters become spaces, and very long input is cut short.
    static func quoted(_ text: String) -> String {
        let flat = String(text.map { $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
                                     || $0.isNewline ? " " : $0 })
        let limit = 40
        return "“" + (flat.count > limit ? flat.prefix(limit) + "…" : flat) + "”"
    }
}
