/// Land area in 亩, held in hundredths so that 144.73 stays 144.73 and sums are exact.
public struct Area: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// "144.73", "144.73亩": positive, at most two decimals (the precision land records use).
    public static func parse(_ text: String, what: String = "面积") throws(LedgerError) -> Area {
        let trimmed = text.trimmingWhitespace()
        let number = trimmed.hasSuffix("亩") ? String(trimmed.dropLast()) : trimmed
        guard let value = ExactDecimal(number) else {
            throw .data("\(what)无效“\(text)”：应为以亩计的数字，如 144.73")
        }
        guard value.units > 0 else { throw .data("\(what)无效“\(text)”：必须大于0") }
        guard let hundredths = value.units(atScale: 2) else {
            throw .data("\(what)无效“\(text)”：最多两位小数")
        }
        return Area(hundredths: hundredths)
    }

    public var decimal: ExactDecimal { ExactDecimal(units: hundredths, scale: 2) }
    public var description: String { decimal.description }
    public static func < (a: Area, b: Area) -> Bool { a.hundredths < b.hundredths }
}

/// A positive decimal kept in hundredths (plot ratios: 2.6 -> 260).
public func parseHundredths(_ text: String, what: String) throws(LedgerError) -> Int64 {
    guard let value = ExactDecimal(text), value.units > 0, let hundredths = value.units(atScale: 2) else {
        throw .data("\(what)无效“\(text)”：应为大于0、最多两位小数的数字")
    }
    return hundredths
}

/// A positive whole number with an optional unit suffix ("20", "20幢", "375000平方米", "37.5万平方米").
public func parseCount(_ text: String, what: String, units: [String] = []) throws(LedgerError) -> Int64 {
    var body = text.trimmingWhitespace()
    if let unit = units.first(where: { body.hasSuffix($0) }) { body = String(body.dropLast(unit.count)) }
    var factor: Int64 = 1
    if body.hasSuffix("万") { factor = 10_000; body.removeLast() }
    guard let value = ExactDecimal(body), value.units > 0 else {
        throw .data("\(what)无效“\(text)”：应为大于0的整数")
    }
    let (product, overflow) = value.units.multipliedReportingOverflow(by: factor)
    guard !overflow, let whole = ExactDecimal(units: product, scale: value.scale).units(atScale: 0) else {
        throw .data("\(what)无效“\(text)”：应为大于0的整数")
    }
    return whole
}
