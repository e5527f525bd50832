import Foundation
import Testing
@testable import ZoneLedgerCore
#if canImport(Glibc)
import Glibc
#endif

/// Bytes that read as both UTF-8 and GB18030 are read as the one that looks like Chinese, or
/// refused with both readings shown; by `decode` (whole) and `scan` (in pieces) alike.
@Suite struct EncodingGuessTests {
    /// Text in GB18030, through the C library's iconv, as WPS and Excel save it.
    static func gb18030(_ text: String) throws -> Data {
        let converter = iconv_open("GB18030", "UTF-8")
        try #require(converter != iconv_t(bitPattern: -1))
        defer { iconv_close(converter) }
        var input = Array(text.utf8CString.dropLast())
        var output = [CChar](repeating: 0, count: input.count * 2 + 8)
        var inLeft = input.count, outLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        try #require(result != -1 && inLeft == 0)
        return Data(output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) })
    }

    /// What each way of reading a file decides: the encoding, or the refusal's message.
    static func readings(_ data: Data) -> [String] {
        var outcomes: [String] = []
        do { outcomes.append(try TextDecoding.decode(data, as: nil, file: "f.csv").encoding.rawValue) } catch { outcomes.append("\(error)") }
        for chunk in [1, 2, 3, 64] {
            do { outcomes.append(try TextDecoding.scan(.data(data), as: nil, file: "f.csv", chunkSize: chunk).text.encoding.rawValue) }
            catch { outcomes.append("\(error)") }
        }
        return outcomes
    }

    /// Names whose GB18030 bytes are also well-formed UTF-8 (Cyrillic and Hebrew letters, mostly).
    @Test(arguments: ["一业为之也些", "专业", "农业", "营业", "一些", "之一", "也为"])
    func gb18030ThatIsAlsoUTF8IsReadAsGB18030(_ name: String) throws {
        let data = try Self.gb18030("name,kind\r\n\(name),industrial\r\n")
        try #require(String(data: data, encoding: .utf8) != nil, "not a case of the class: \(name) is not valid UTF-8 in GB18030")
        #expect(Self.readings(data) == Array(repeating: "gb18030", count: 5), "\(name)")
        let decoded = try TextDecoding.decode(data, as: nil, file: "f.csv")
        #expect(decoded.text.contains(name))
    }

    /// Chinese in UTF-8 that is also well-formed GB18030 (which reads as rare hanzi and kana).
    @Test(arguments: ["你好", "浙江", "台邦", "厂房", "结顶", "投产", "名称", "项目"])
    func utf8ThatIsAlsoGB18030IsReadAsUTF8(_ name: String) throws {
        let data = Data("name,kind\r\n\(name),industrial\r\n".utf8)
        try #require(TextDecoding.gb18030(data) != nil, "not a case of the class: \(name) is not valid GB18030 in UTF-8")
        #expect(Self.readings(data) == Array(repeating: "utf-8", count: 5), "\(name)")
    }

    /// Neither reading looks wrong: the user is asked, and shown both.
    @Test(arguments: [[0xC2, 0xB7, 0xC2, 0xB7] as [UInt8], [0xC2, 0xB7], [0xC2, 0xA5, 0xC3, 0xB7]])
    func bothPlausibleIsRefusedWithBothReadings(_ bytes: [UInt8]) throws {
        let data = Data("name,kind\n".utf8) + Data(bytes) + Data(",industrial\n".utf8)
        let asUTF8 = try #require(String(data: Data(bytes), encoding: .utf8))
        let asGB = try #require(TextDecoding.gb18030(Data(bytes)))
        let message = "“f.csv”按 UTF-8 和 GB18030 都读得通，看不出是哪种：按 UTF-8 读是“\(asUTF8),industrial”，按 GB18030 读是“\(asGB),industrial”。请用 --encoding utf-8 或 --encoding gb18030 指明"
        #expect(Self.readings(data) == Array(repeating: message, count: 5))
        // Told which, it reads as told.
        #expect(try TextDecoding.decode(data, as: .utf8, file: "f.csv").text.contains(asUTF8))
        #expect(try TextDecoding.scan(.data(data), as: .gb18030, file: "f.csv").text.encoding == .gb18030)
    }

    /// UTF-8 with a stray byte is not UTF-8, and is sometimes GB18030 all the same; read so it is
    /// mojibake, which is refused with the line the bytes went wrong on, never stored.
    @Test func utf8WithAStrayByteIsNotStoredAsMojibake() throws {
        // Words whose UTF-8 bytes pair up as GB18030: the whole file is GB18030 but for the damage.
        let text = "名称,项目\r\n台邦,工业\r\n厂房,投产\r\n浙江,结顶\r\n你好,项目\r\n"
        let bytes = Array(text.utf8)
        try #require(TextDecoding.gb18030(Data(bytes)) != nil)
        var found = 0
        // A byte of a character damaged into one that ends it early: some on every line.
        for position in bytes.indices where bytes[position] >= 0x80 && bytes[position] < 0xC0 {
            for stray in [UInt8(0xD7), 0xC1, 0xE4, 0xF0] {
                var damaged = bytes
                damaged[position] = stray
                let data = Data(damaged)
                guard String(data: data, encoding: .utf8) == nil, TextDecoding.gb18030(data) != nil else { continue }
                let line = damaged[..<position].filter { $0 == 0x0A }.count + 1
                for outcome in Self.readings(data) {
                    #expect(outcome.contains("“f.csv”第\(line)行起不是有效的 UTF-8，按 GB18030 读又不像中文"), "\(outcome)")
                }
                found += 1
                break
            }
        }
        try #require(found >= 10, "too few cases of the class: \(found)")
        // Real GB18030 with rare hanzi in its names still reads.
        let names = try Self.gb18030("名称,类别\r\n昇喆珺科技有限公司,工业\r\n璟玥燊垚电子,工业\r\n")
        #expect(Self.readings(names) == Array(repeating: "gb18030", count: 5))
        #expect(try TextDecoding.decode(names, as: nil, file: "f.csv").text.contains("璟玥燊垚电子"))
    }

    /// A BOM says UTF-8, and plain ASCII is UTF-8: nothing is guessed.
    @Test func aBOMOrASCIIIsNotGuessed() throws {
        let ambiguous = Data([0xC2, 0xB7])
        #expect(Self.readings(Data([0xEF, 0xBB, 0xBF]) + ambiguous) == Array(repeating: "utf-8", count: 5))
        #expect(Self.readings(Data("name,kind\r\nabc,industrial\r\n".utf8)) == Array(repeating: "utf-8", count: 5))
    }

    /// A long real text: the report itself, both ways, and its mojibake scores low.
    @Test func theReportReadsRightEitherWay() throws {
        let text = "名称,说明\r\n__经济开发区,全年完成规上工业总产值，同比增长；新开工项目一批，专业园区、农业、营业收入\r\n"
        #expect(TextPlausibility.isLikely("业") && !TextPlausibility.isLikely("ҵ") && !TextPlausibility.isLikely("鍚"))
        var right = TextPlausibility(), wrong = TextPlausibility()
        right.feed(Data(text.utf8))
        wrong.feed(Data((TextDecoding.gb18030(Data(text.utf8)) ?? "鍚嶇О").utf8))
        #expect(right.share > 0.9 && wrong.share < TextPlausibility.chinese, "\(right) \(wrong)")
    }
}
