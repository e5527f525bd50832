import Foundation

/// Reads a date text left to right. Each `take…` either consumes what it matched or leaves
/// the position alone, so alternatives can simply be tried in turn.
struct DateScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    var isAtEnd: Bool { index == characters.count }

    /// Trims, then folds what an input method in full-width mode types (２０２１－０２, Ｑ１)
    /// to ASCII, and lowercases so `Q1` and `Today` read like `q1` and `today`.
    static func normalised(_ trimmed: String) -> String {
        let scalars = trimmed.unicodeScalars.map { scalar -> Unicode.Scalar in
            guard (0xFF01...0xFF5E).contains(scalar.value) else { return scalar }
            return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    mutating func take(_ literal: String) -> Bool {
        let wanted = Array(literal)
        guard characters.count - index >= wanted.count,
              Array(characters[index..<index + wanted.count]) == wanted else { return false }
        index += wanted.count
        return true
    }

    /// The first of `literals` that matches here (put longer ones first).
    mutating func take(anyOf literals: [String]) -> String? {
        literals.first { take($0) }
    }

    /// A run of exactly `count` ASCII digits, not followed by another digit.
    mutating func digits(_ count: ClosedRange<Int>) -> Int? {
        var end = index
        while end < characters.count, characters[end].isASCII, characters[end].isWholeNumber {
            end += 1
        }
        guard count.contains(end - index) else { return nil }
        let value = characters[index..<end].reduce(0) { $0 * 10 + ($1.wholeNumberValue ?? 0) }
        index = end
        return value
    }

    /// A month, day or quarter number: 1–2 ASCII digits or a Chinese numeral up to 九十九.
    mutating func number() -> Int? {
        digits(1...2) ?? chineseNumber()
    }

    private static let chineseDigits: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 一, 十, 十二, 二十, 二十一 …: an optional tens digit, 十, an optional units digit.
    private mutating func chineseNumber() -> Int? {
        let first = chineseDigit()
        guard take("十") else { return first }
        return (first ?? 1) * 10 + (chineseDigit() ?? 0)
    }

    private mutating func chineseDigit() -> Int? {
        guard index < characters.count, let value = DateScanner.chineseDigits[characters[index]] else { return nil }
        index += 1
        return value
    }
}
