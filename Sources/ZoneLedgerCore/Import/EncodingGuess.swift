import Foundation

/// What decoded text looks like: how many of its non-ASCII characters are ones a Chinese office
/// writes (the 6,763 hanzi of GB2312 and Chinese punctuation and symbols). Some GB18030 bytes
/// are also valid UTF-8 (一业为之也些 read as UTF-8 is "һҵΪ֮ҲЩ"), and UTF-8 Chinese can be valid
/// GB18030 (你好 read so is "浣犲ソ"); a wrong reading is mostly Cyrillic, Latin letters, kana
/// and rare hanzi, so it scores far below a right one.
struct TextPlausibility {
    private(set) var nonASCII = 0
    private(set) var likely = 0
    /// The first line holding a non-ASCII character, from that character on, a few words long.
    private(set) var sample = ""
    private var sampling = true
    private var pending: [UInt8] = []

    /// Characters counted at most: enough to tell, and a huge file costs no more.
    private static let enough = 100_000
    private static let sampleLength = 16

    /// Feeds well-formed UTF-8, cut anywhere.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            guard nonASCII < Self.enough else { return }
            if pending.isEmpty {
                if byte < 0x80 { ascii(byte); continue }
                pending.append(byte)
                continue
            }
            if byte & 0xC0 == 0x80 { pending.append(byte) } else { pending = [byte] }
            if pending.count == Self.length(pending[0]) {
                if let scalar = String(decoding: pending, as: UTF8.self).unicodeScalars.first { count(scalar) }
                pending.removeAll(keepingCapacity: true)
            }
        }
    }

    mutating func feed(_ data: Data) {
        data.withUnsafeBytes { feed($0.bindMemory(to: UInt8.self)) }
    }

    private static func length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: 4
        case 0xE0...: 3
        default: 2
        }
    }

    private mutating func ascii(_ byte: UInt8) {
        guard sampling, !sample.isEmpty else { return }
        if byte == 0x0A || byte == 0x0D || sample.unicodeScalars.count >= Self.sampleLength {
            sampling = false
        } else {
            sample.unicodeScalars.append(Unicode.Scalar(byte))
        }
    }

    private mutating func count(_ scalar: Unicode.Scalar) {
        nonASCII += 1
        if Self.isLikely(scalar) { likely += 1 }
        guard sampling else { return }
        // Control characters (U+0080–U+009F come out of a wrong reading) are shown as �.
        sample.unicodeScalars.append(scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar)
        if sample.unicodeScalars.count >= Self.sampleLength { sampling = false }
    }

    /// The share of its non-ASCII characters that are ones an office writes: about 1 for Chinese
    /// text, about 0.3 for UTF-8 read as GB18030, near 0 for GB18030 read as UTF-8.
    var share: Double { nonASCII == 0 ? 0 : Double(likely) / Double(nonASCII) }

    /// Below this, a reading is not Chinese text: a file that is not UTF-8 and reads like this as
    /// GB18030 is damaged or in another encoding, and is refused rather than stored as mojibake.
    static let chinese = 0.5

    static func isLikely(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return commonHanzi.contains(scalar.value)
        case 0x3000...0x303F,   // CJK punctuation: 、。《》【】
             0xFF00...0xFFEF,   // full-width forms: （），：％
             0x2010...0x205E,   // dashes, “quotes”, ‰, …
             0x2100...0x21FF,   // ℃, №, Ⅰ Ⅱ, arrows
             0x2460...0x24FF,   // ①②
             0x2500...0x26FF,   // ■ ● ★
             0x3200...0x33FF,   // ㈠, ㎡
             0xFE30...0xFE4F:   // vertical forms
            return true
        case 0xA5, 0xB0, 0xB1, 0xB2, 0xB3, 0xB7, 0xD7, 0xF7:   // ¥ ° ± ² ³ · × ÷
            return true
        default:
            return false
        }
    }

    /// GB2312's hanzi (rows 0xB0–0xF7), read through the same GB18030 converter the import uses.
    static let commonHanzi: Set<UInt32> = {
        var bytes: [UInt8] = []
        for lead in UInt8(0xB0)...0xF7 {
            for trail in UInt8(0xA1)...0xFE { bytes += [lead, trail] }
        }
        // Row 0xD7 ends at 0xF9; the five codes after it are unassigned and decode to private use.
        guard let text = TextDecoding.gb18030(Data(bytes)) else { return [] }
        return Set(text.unicodeScalars.map(\.value).filter { (0x3400...0x9FFF).contains($0) })
    }()
}

enum EncodingGuess {
    /// The encoding of bytes that read as both UTF-8 and GB18030: the one whose reading looks like
    /// Chinese text when only one does. Otherwise the user says which, and is shown both readings.
    /// The one that reads right by nine in ten of its characters, else the one that reads like
    /// Chinese at all (names are full of rare hanzi); when both or neither do, nothing is guessed.
    static func choose(utf8: TextPlausibility, gb18030: TextPlausibility, file: String) throws -> TextEncoding {
        for threshold in [0.9, TextPlausibility.chinese] {
            let (u, g) = (utf8.share >= threshold, gb18030.share >= threshold)
            if u != g { return u ? .utf8 : .gb18030 }
            if u { break }
        }
        throw LedgerError.data("""
                “\(file)”按 UTF-8 和 GB18030 都读得通，看不出是哪种：按 UTF-8 读是“\(utf8.sample)”，按 GB18030 读是“\(gb18030.sample)”。\
                请用 --encoding utf-8 或 --encoding gb18030 指明
                """)
    }

    /// Bytes that are neither: the line they stop being UTF-8 on, where the damage most likely is.
    static func neither(file: String, notUTF8AtLine line: Int) -> LedgerError {
        .data("“\(file)”既不是有效的 UTF-8，也不是有效的 GB18030 文本：第\(line)行起有无效的字节（文件可能已损坏）")
    }

    /// Bytes that are not UTF-8 but are GB18030: read so only when that reads like Chinese.
    static func checkGB18030(_ look: TextPlausibility, notUTF8AtLine line: Int, file: String) throws {
        guard look.share < TextPlausibility.chinese else { return }
        throw LedgerError.data("""
            “\(file)”第\(line)行起不是有效的 UTF-8，按 GB18030 读又不像中文（“\(look.sample)”）：文件可能已损坏，或是别的编码。\
            若确是 GB18030，请用 --encoding gb18030
            """)
    }
}
