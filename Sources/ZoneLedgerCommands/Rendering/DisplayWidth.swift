// Terminal column widths, so Chinese and ASCII text line up in tables.
//
// `String.count` counts grapheme clusters, but a terminal gives a Han character
// two columns and a combining accent none. These helpers measure, cut, pad and
// wrap text by the columns it will actually occupy.

/// Which side of a padded cell the text sits on.
public enum TextAlignment: Sendable, Equatable {
    case left, right
}

extension Unicode.Scalar {
    /// Columns this scalar takes when it starts a grapheme cluster: 0, 1 or 2.
    var terminalWidth: Int {
        let value = self.value
        // Printable ASCII is by far the most common input: answer it without lookups.
        if value >= 0x20 && value < 0x7F { return 1 }
        switch properties.generalCategory {
        case .control, .nonspacingMark, .enclosingMark, .format,
             .lineSeparator, .paragraphSeparator:
            // Controls print nothing; combining marks, ZWJ, ZWSP, variation
            // selectors and the BOM attach to what precedes them.
            return 0
        default:
            break
        }
        if properties.isEmojiPresentation { return 2 }
        // Hangul medial vowels and final consonants (U+1160–U+11FF) join the
        // preceding initial consonant into one syllable block.
        if (0x1160...0x11FF).contains(value) { return 0 }
        return Self.isWide(value) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, per Unicode's EastAsianWidth.txt.
    ///
    /// Ambiguous-width (A) characters are deliberately absent and count as 1,
    /// because that is how most terminals draw them outside CJK legacy locales.
    /// This covers the curly quotes “ ” ‘ ’ (U+2018–U+201D), "…" (U+2026), "·"
    /// and the box-drawing "─" used for table rules.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,   // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols & punctuation (、。〈〉「」)
             0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compat, enclosed CJK
             0x3400...0x4DBF,   // CJK Extension A
             0x4DC0...0x4DFF,   // Yijing hexagram symbols
             0x4E00...0x9FFF,   // CJK Unified Ideographs
             0xA000...0xA4CF,   // Yi
             0xA960...0xA97F,   // Hangul Jamo Extended-A
             0xAC00...0xD7A3,   // Hangul syllables
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFE10...0xFE19,   // Vertical forms
             0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
             0xFF01...0xFF60,   // Fullwidth ASCII and punctuation (（），：１２)
             0xFFE0...0xFFE6,   // Fullwidth signs (￥ ￠ ￡)
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF, // Tangut, Kana ext.
             0x1F200...0x1F2FF, // Enclosed ideographic supplement
             0x20000...0x2FFFD, // CJK Extensions B–F, compatibility supplement
             0x30000...0x3FFFD: // CJK Extensions G–H
            return true
        default:
            return false
        }
    }
}

extension Character {
    /// Terminal columns for this grapheme cluster.
    ///
    /// A cluster is as wide as its first scalar, so "e\u{301}" is 1 and "👨‍👩‍👧" is 2.
    /// One exception: a text-style symbol followed by VS16 (U+FE0F, e.g. "❤️")
    /// asks for emoji presentation, which terminals draw two columns wide.
    public var displayWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        let width = first.terminalWidth
        if width == 1, first.properties.isEmoji, scalars.contains("\u{FE0F}") {
            return 2
        }
        return width
    }
}

extension String {
    /// Terminal columns this text occupies on one line.
    public var displayWidth: Int {
        if let width = utf8.withContiguousStorageIfAvailable(Self.commonWidth) ?? nil { return width }
        return reduce(0) { $0 + $1.displayWidth }
    }

    /// The width of UTF-8 text made only of printable ASCII and common Han text, summed byte by
    /// byte without splitting into grapheme clusters or looking up Unicode properties (a big
    /// table's cost); nil for anything else, which `displayWidth` measures character by character.
    static func commonWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var width = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte < 0x7F {
                width += 1
                index += 1
            } else if byte & 0xF0 == 0xE0, index + 2 < bytes.count {
                // Three bytes: U+0800–U+FFFF, where the Han block and CJK punctuation are.
                let value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard (0x4E00...0x9FFF).contains(value) || (0x3001...0x3029).contains(value) || (0xFF01...0xFF60).contains(value) else {
                    return nil
                }
                width += 2
                index += 3
            } else {
                return nil
            }
        }
        return width
    }

    /// The text cut to at most `width` columns, ending in "…" when anything was dropped.
    ///
    /// Cuts only between grapheme clusters. The result may be one column
    /// narrower than `width` when a wide character would not fit before the "…".
    public func truncated(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let budget = width - 1  // the ellipsis itself takes one column
        var kept = ""
        var used = 0
        for character in self {
            let w = character.displayWidth
            if used + w > budget { break }
            kept.append(character)
            used += w
        }
        return kept + "…"
    }

    /// The text padded with spaces to `width` columns; text already that wide is returned unchanged.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - displayWidth
        guard missing > 0 else { return self }
        let padding = String(repeating: " ", count: missing)
        switch alignment {
        case .left: return self + padding
        case .right: return padding + self
        }
    }

    /// The text broken into lines of at most `width` columns.
    ///
    /// Breaks only between grapheme clusters, preferring to break after a space
    /// or Chinese punctuation, and avoids starting a line with closing
    /// punctuation such as "，" or "。". Embedded newlines start a new line.
    /// Spaces at a break are dropped. A single cluster wider than `width`
    /// (or any cluster when `width` < 1) gets a line to itself.
    public func wrapped(toWidth width: Int) -> [String] {
        let limit = Swift.max(width, 1)
        var lines: [String] = []
        for paragraph in split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lines += Self.wrapParagraph(Array(paragraph), limit: limit)
        }
        return lines
    }

    private static func wrapParagraph(_ chars: [Character], limit: Int) -> [String] {
        let widths = chars.map(\.displayWidth)
        var lines: [String] = []
        var start = 0
        while start < chars.count {
            // Continuation lines do not begin with the spaces we broke at.
            if !lines.isEmpty {
                while start < chars.count && chars[start] == " " { start += 1 }
                if start == chars.count { break }
            }
            // Take as many clusters as fit; always at least one so we make progress.
            var end = start
            var used = 0
            while end < chars.count && used + widths[end] <= limit {
                used += widths[end]
                end += 1
            }
            if end == start { end = start + 1 }
            if end < chars.count {
                end = breakPoint(chars, widths: widths, start: start, fitEnd: end, limit: limit)
            }
            lines.append(trimmingTrailingSpaces(String(chars[start..<end])))
            start = end
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Where to end a line that could hold `chars[start..<fitEnd]` but not the next cluster.
    private static func breakPoint(_ chars: [Character], widths: [Int], start: Int, fitEnd: Int, limit: Int) -> Int {
        if chars[fitEnd] == " " { return fitEnd }
        // The last preferred break, unless it leaves the line less than half full:
        // Chinese may break between any two characters, so a short line would only waste room.
        var k = fitEnd
        while k > start {
            if isPreferredBreak(after: chars[k - 1]) {
                if widths[start..<k].reduce(0, +) * 2 >= limit { return k }
                break
            }
            k -= 1
        }
        // Break anywhere, but keep closing punctuation with the character before it.
        if isClosingPunctuation(chars[fitEnd]) && fitEnd - 1 > start { return fitEnd - 1 }
        return fitEnd
    }

    private static let preferredBreakAfter: Set<Character> = [
        " ", "\t", "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "〉", "”", "’",
        ",", ";", "-", "/",
    ]

    private static let closingPunctuation: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "】", "》", "〉", "”", "’", "…",
        ",", ".", ";", ":", "!", "?", ")",
    ]

    private static func isPreferredBreak(after c: Character) -> Bool { preferredBreakAfter.contains(c) }
    private static func isClosingPunctuation(_ c: Character) -> Bool { closingPunctuation.contains(c) }

    private static func trimmingTrailingSpaces(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
