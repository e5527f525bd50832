/// Money in whole yuan: exact, never a binary float.
public struct Money: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let yuan: Int64

    public init(yuan: Int64) { self.yuan = yuan }

    /// "9亿元", "2.5亿", "5000万元", "6.63万", "66300元". A bare number is 万元, the unit of the sheet.
    /// `allowingZero`: a figure reported for a period (本月完成投资 0) may be nothing; a size may not.
    public static func parse(_ text: String, what: String = "金额", allowingZero: Bool = false) throws(LedgerError) -> Money {
        var body = text.trimmingWhitespace()
        // Commas only as thousands separators (1,200,000); "3,5" is refused, not read as 35.
        if body.contains(",") {
            guard body.wholeMatch(of: /[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?[亿万]?元?/) != nil else {
                throw .data("\(what)无效“\(text)”：逗号只能作千位分隔，如 1,200 万元")
            }
            body = body.replacingOccurrences(of: ",", with: "")
        }
        if body.hasSuffix("元") { body.removeLast() }
        var factor: Int64 = 10_000
        if body.hasSuffix("亿") { factor = 100_000_000; body.removeLast() }
        else if body.hasSuffix("万") { factor = 10_000; body.removeLast() }
        else if text.trimmingWhitespace().hasSuffix("元") { factor = 1 }
        guard let value = ExactDecimal(body) else {
            throw .data("\(what)无效“\(text)”：应写作 9亿元、5000万元 或 66300元（只写数字时按万元计）")
        }
        guard value.units > 0 || allowingZero && value.units == 0 else {
            throw .data("\(what)无效“\(text)”：\(allowingZero ? "不能为负数" : "必须大于0")")
        }
        let (product, overflow) = value.units.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .data("\(what)无效“\(text)”：数额过大") }
        guard let yuan = ExactDecimal(units: product, scale: value.scale).units(atScale: 0) else {
            throw .data("\(what)无效“\(text)”：须精确到元")
        }
        return Money(yuan: yuan)
    }

    /// In 万元, the sheet's unit, exact: 900000000 -> "90000"; 66300 -> "6.63".
    public var wan: String { ExactDecimal.format(units: yuan, scale: 4) }

    /// The largest unit that keeps it readable: "9亿元", "5000万元", "800元".
    public var description: String {
        if yuan % 10_000_000 == 0 && yuan >= 100_000_000 { return ExactDecimal.format(units: yuan, scale: 8) + "亿元" }
        if yuan >= 10_000 { return wan + "万元" }
        return "\(yuan)元"
    }

    public static func < (a: Money, b: Money) -> Bool { a.yuan < b.yuan }
}
