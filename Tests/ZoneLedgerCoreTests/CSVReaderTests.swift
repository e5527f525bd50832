import Foundation
import Testing
@testable import ZoneLedgerCore

@Suite struct CSVReaderTests {
    @Test(arguments: [
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("\"x,y\",\"say \"\"hi\"\"\"\n", [["x,y", "say \"hi\""]]),
        ("\"line\nbreak\",2\r\n", [["line\nbreak", "2"]]),
        ("a,,c\n\n\n", [["a", "", "c"]]),
        ("台邦,144.73\r\n", [["台邦", "144.73"]]),
        ("a\rb\r", [["a"], ["b"]]),
    ])
    func readsWhatExcelWrites(_ text: String, _ expected: [[String]]) throws {
        #expect(try CSVReader.records(text, file: "t.csv").map(\.fields) == expected)
    }

    @Test func recordsKnowTheirLines() throws {
        let records = try CSVReader.records("h\n\"a\nb\"\nc\n", file: "t.csv")
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test(arguments: [
        ("\"open", "第1行第1列：引号没有闭合"),
        ("a,\"b\"c\n", "第1行第2列：引号后面还有字符"),
        (String(repeating: "x", count: 10_001), "单元格超过10000个字符"),
    ])
    func refusesMalformedText(_ text: String, _ message: String) {
        #expect(refusal { _ = try CSVReader.records(text, file: "t.csv") }?.contains(message) == true)
    }

    @Test func decodesUTF8WithOrWithoutBOMAndGB18030() throws {
        let text = "名称,面积(亩)\r\n乐海地块,144.73\r\n"
        let utf8 = Data(text.utf8)
        #expect(try TextDecoding.decode(utf8, as: nil, file: "a").encoding == .utf8)
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + utf8, as: nil, file: "a").text == text)
        // "名称" in GB18030 (and GBK): C3FB B3C6.
        let gb = Data([0xC3, 0xFB, 0xB3, 0xC6])
        let decoded = try TextDecoding.decode(gb, as: nil, file: "a")
        #expect(decoded.text == "名称" && decoded.encoding == .gb18030)
        #expect(refusal { _ = try TextDecoding.decode(gb, as: .utf8, file: "a") }?.contains("不是有效的 UTF-8") == true)
        #expect(refusal { _ = try TextDecoding.decode(Data("a\0b".utf8), as: nil, file: "a") }?.contains("NUL") == true)
    }

    /// Random bytes and mangled CSV: never a crash; either records or a LedgerError.
    @Test func randomInputNeverCrashes() {
        var generator = SeededGenerator(seed: 2020)
        let alphabet: [UInt8] = Array("a,\"\r\n台邦=|".utf8) + [0xC3, 0xFB, 0xFF, 0x00, 0xE5]
        for length in 0..<400 {
            let bytes = (0..<(length % 97)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            do {
                let (text, _) = try TextDecoding.decode(Data(bytes), as: nil, file: "f")
                _ = try CSVReader.records(text, file: "f")
            } catch is LedgerError {
                continue
            } catch {
                Issue.record("unexpected error \(error) for \(bytes)")
            }
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
