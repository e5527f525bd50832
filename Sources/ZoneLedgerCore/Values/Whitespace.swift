// Trimming without Foundation: `trimmingCharacters(in:)` bridges through NSString and builds a
// CharacterSet on every call, which an import paid for every cell. These give the same results:
// the scalars below are exactly those of Foundation's sets (U+200B included), and trimming works
// on scalars as Foundation's does. WhitespaceTests checks both against Foundation.

extension Unicode.Scalar {
    /// A member of `CharacterSet.whitespaces`: tab, space, and the Unicode spaces.
    var isFoundationWhitespace: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// A member of `CharacterSet.whitespacesAndNewlines`: the above, line feeds and separators.
    var isFoundationWhitespaceOrNewline: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: isFoundationWhitespace
        }
    }

    /// General category Cc, which Unicode fixes at these two ranges for good.
    var isControl: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    func trimmingWhitespaceAndNewlines() -> String { trimming(\.isFoundationWhitespaceOrNewline) }

    /// `trimmingCharacters(in: .whitespaces)`.
    func trimmingWhitespace() -> String { trimming(\.isFoundationWhitespace) }

    private func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }),
              let last = scalars.lastIndex(where: { !trimmed($0) }) else { return "" }
        let end = scalars.index(after: last)
        // Most cells have nothing to trim: the same string, no copy.
        if first == scalars.startIndex, end == scalars.endIndex { return self }
        return String(scalars[first..<end])
    }
}
