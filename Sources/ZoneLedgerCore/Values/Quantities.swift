/// An exact decimal: `units / 10^scale`. Parsed from text, never through a binary float.
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    public let units: Int64
    public let scale: Int

    public init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Plain decimals only: "144.73", "-1.5", "9". No exponents, no thousands separators.
    public init?(_ text: String) {
        var digits = Substring(text.trimmingWhitespace())
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        else if digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        if parts.count == 2 && fraction.isEmpty { return nil }
        guard whole.count + fraction.count <= 17, let value = Int64(whole + fraction) else { return nil }
        self.units = negative ? -value : value
        self.scale = fraction.count
    }

    /// The value in `scale` decimal places, or nil when that would lose digits or overflow.
    public func units(atScale target: Int) -> Int64? {
        if target >= scale {
            let (result, overflow) = units.multipliedReportingOverflow(by: Self.power(target - scale))
            return overflow ? nil : result
        }
        let divisor = Self.power(scale - target)
        return units % divisor == 0 ? units / divisor : nil
    }

    /// The exact sum, or nil on overflow.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        let scale = max(self.scale, other.scale)
        guard let a = units(atScale: scale), let b = other.units(atScale: scale) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : ExactDecimal(units: sum, scale: scale)
    }

    /// Shortest exact text: trailing fractional zeros dropped ("210.50" -> "210.5").
    public var description: String { Self.format(units: units, scale: scale) }

    public static func format(units: Int64, scale: Int) -> String {
        let magnitude = units.magnitude
        var text = String(magnitude)
        if scale > 0 {
            if text.count <= scale { text = String(repeating: "0", count: scale - text.count + 1) + text }
            let split = text.index(text.endIndex, offsetBy: -scale)
            var fraction = String(text[split...])
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text = String(text[..<split]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return (units < 0 ? "-" : "") + text
    }

    static func power(_ exponent: Int) -> Int64 {
        (0..<exponent).reduce(1) { accumulated, _ in accumulated * 10 }
    }
}

/// Rounds `numerator / denominator` to `places` decimals, half away from zero, as exact text.
public func exactRatioText(_ numerator: ExactDecimal, _ denominator: ExactDecimal, timesHundred: Bool, places: Int) -> String? {
    let scale = max(numerator.scale, denominator.scale)
    guard let top = numerator.units(atScale: scale), let bottom = denominator.units(atScale: scale), bottom != 0 else { return nil }
    let factor = ExactDecimal.power(places) * (timesHundred ? 100 : 1)
    let (scaled, overflow) = top.multipliedReportingOverflow(by: factor)
    guard !overflow else { return nil }
    let quotient = scaled / bottom
    let remainder = scaled % bottom
    let rounded = 2 * remainder.magnitude >= bottom.magnitude ? quotient + (scaled.signum() * bottom.signum()) : quotient
    let plain = ExactDecimal.format(units: rounded, scale: places)
    // Keep a fixed number of places for percentages shown in columns ("52.0").
    guard places > 0 else { return plain }
    let parts = plain.split(separator: ".")
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    return String(parts[0]) + "." + fraction + String(repeating: "0", count: places - fraction.count)
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
