import Foundation
import Testing

/// The checks themselves must be able to fail: a table padded by character count, as a
/// renderer unaware of display width would print it, is caught.
@Suite struct HarnessTests {
    static func render(_ rows: [[String]], width: (String) -> Int) -> String {
        let widths = rows[0].indices.map { column in rows.map { width($0[column]) }.max()! }
        let lines = rows.map { row in
            row.indices.map { row[$0] + String(repeating: " ", count: widths[$0] - width(row[$0])) }
                .joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return ([lines[0], rule] + lines.dropFirst()).joined(separator: "\n") + "\n"
    }

    static let rows = [["编号", "项目名称", "类别"], ["P5", "台邦精密减速器项目", "工业"], ["P9", "纬十二路桥梁工程", "基础设施"]]

    @Test func aDisplayWidthTableIsSound() throws {
        let table = try #require(printedTables(Self.render(Self.rows, width: DisplayWidth.of)).first)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.cell("类别", row: "P9") == "基础设施")
    }

    @Test func aCharacterCountTableIsCaught() throws {
        let table = try #require(printedTables(Self.render(Self.rows, width: \.count)).first)
        #expect(table.alignmentProblems.contains { $0.contains("separator") }, "\(table.alignmentProblems)")
    }

    @Test func displayWidthCountsHanAsTwo() {
        #expect(DisplayWidth.of("台邦") == 4)
        #expect(DisplayWidth.of("P5 台邦（一）") == 13)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("───") == 3)
    }

    @Test func csvChecksCatchLFAndMissingBOM() {
        #expect(csvProblems(Data("编号,名称\r\nP5,台邦\r\n".utf8)) == ["no UTF-8 BOM"])
        #expect(!csvProblems(Data("\u{FEFF}编号,名称\nP5,台邦\n".utf8)).isEmpty)
        #expect(csvProblems(Data("\u{FEFF}编号,名称\r\nP5,\"台,邦\"\r\n".utf8)).isEmpty)
        #expect(csvRecords(Data("\u{FEFF}a,b\r\n\"x,\"\"y\"\"\",z\r\n".utf8)) == [["a", "b"], ["x,\"y\"", "z"]])
    }
}
