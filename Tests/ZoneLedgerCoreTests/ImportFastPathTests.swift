import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// The import remembers parsed choices and subjects found by code, and reads CSV as bytes;
/// these check that it answers as it did when it looked everything up every time.
@Suite struct ImportFastPathTests {
    private func file(_ kind: ImportKind, _ text: String) -> ImportFile {
        ImportFile(kind: kind, name: "\(kind.rawValue).csv", data: Data(text.utf8))
    }

    private func problems(_ body: () throws -> Void) -> [String] {
        do { try body(); return [] } catch let failures as ImportFailures {
            return failures.failures.flatMap(\.problems).map(\.description)
        } catch { return ["\(error)"] }
    }

    @Test func aRefusedChoiceIsRefusedOnEveryRow() throws {
        let ledger = try seededLedger()
        let found = problems {
            _ = try ledger.importCSV([file(.updates, "对象,生效日期,阶段\nP5,2020-12-10,盖好了\nP5,2020-12-11, 盖好了 \n")],
                                     context: context())
        }
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.contains("阶段无效“盖好了”") })
    }

    @Test func aSubjectNamedByCodeNameOrFragmentIsTheSameSubject() throws {
        let ledger = try seededLedger()
        let p5 = try ledger.resolve("P5", kind: .project)
        let results = try ledger.importCSV([file(.updates, """
            对象,生效日期,说明
            P5,2020-12-10,一
            p5,2020-12-11,二
             P5 ,2020-12-12,三
            \(p5.name),2020-12-13,四
            """)], context: context())
        #expect(results.first?.added == 4)
        let subjects = try ledger.read { try Int64.fetchAll($0, sql: "SELECT DISTINCT project_id FROM entry WHERE note IN ('一', '二', '三', '四')") }
        #expect(subjects == [p5.id])
    }

    @Test func theCellLimitCountsCharactersNotBytes() throws {
        let wide = String(repeating: "台", count: CSVReader.fieldLimit)
        #expect(try CSVReader.records("a\n\(wide)\n", file: "t.csv").last?.fields == [wide])
        #expect(refusal { _ = try CSVReader.records("a\n\(wide)台\n", file: "t.csv") }?.contains("第2行第1列：单元格超过10000个字符") == true)
    }

    @Test func quotedCellsKeepTheirBytes() throws {
        let records = try CSVReader.records("名称,说明\r\n\"台邦,\"\"精密\"\"\",\"第一行\r\n第二行\"\r\n乙,\n", file: "t.csv")
        #expect(records.map(\.fields) == [["名称", "说明"], ["台邦,\"精密\"", "第一行\r\n第二行"], ["乙", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func isoDatesReadAsTheScannerReadsThem() throws {
        let reference = day("2020-11-30")
        for text in ["2021-02-11", " 2021-02-11 ", "2021-02-30", "1899-12-31", "2021-13-01", "2021-2-11", "２０２１-02-11"] {
            // Each either reads as that day, worded as given, or is refused with a reason.
            do {
                let date = try DateParser.parse(text, relativeTo: reference)
                #expect(date.precision == .day && date.text == text.trimmingCharacters(in: .whitespaces))
            } catch {
                #expect(!error.message.isEmpty, "\(text)")
            }
        }
        #expect(try DateParser.parse("2021-02-11", relativeTo: reference).day == day("2021-02-11"))
        #expect(day("2021-02-03").iso == "2021-02-03")
        #expect(Day.lastDay(year: 987, month: 1).iso == "0987-01-31")
    }
}

extension ImportFastPathTests {
    /// Rows without a 编号 get their codes from the import's counter; one by one, the commands
    /// would have given the same codes.
    @Test func generatedCodesAreTheOnesCommandsWouldGive() throws {
        // Only P and digits count: not P alone, P20a, p30, nor the codes either side of P's (O50, Q40),
        // nor a number too long for 64 bits (which crashed the next code once).
        let rows: [(code: String?, name: String)] = [(nil, "甲"), ("P10", "乙"), (nil, "丙"), ("P007", "丁"), ("PX99", "戊"),
                                                     ("P", "庚"), ("P20a", "辛"), ("p30", "壬"), ("Q40", "癸"), ("O50", "子"),
                                                     ("P99999999999999999999", "丑"), ("P99999999999999999", "寅"), (nil, "己")]
        let imported = try emptyLedger()
        let text = "编号,名称,类别\n" + rows.map { "\($0.code ?? ""),\($0.name),工业" }.joined(separator: "\n")
        _ = try imported.importCSV([file(.projects, text)], context: context())
        let commanded = try emptyLedger()
        for row in rows {
            var draft = ProjectDraft(name: row.name, kind: .industrial, on: day("2021-01-01"))
            draft.code = row.code
            try commanded.addProject(draft, context: context())
        }
        let codes = { (ledger: Ledger) in try ledger.read { try String.fetchAll($0, sql: "SELECT code FROM project ORDER BY id") } }
        #expect(try codes(imported) == ["P1", "P10", "P11", "P007", "PX99", "P", "P20a", "p30", "Q40", "O50",
                                        "P99999999999999999999", "P99999999999999999", "P100000000000000000"])
        #expect(try codes(imported) == codes(commanded))
        // Past 18 digits there is no next code to hand out: said, not wrapped or crashed.
        var draft = ProjectDraft(name: "卯", kind: .industrial, on: day("2021-01-01"))
        draft.code = "P999999999999999999"
        try commanded.addProject(draft, context: context())
        #expect(throws: LedgerError.data("P编号已用到P999999999999999999，没有更大的编号可分配：请为新的一行写明编号")) {
            try commanded.addProject(ProjectDraft(name: "辰", kind: .industrial, on: day("2021-01-01")), context: context())
        }
    }
}

extension ImportFastPathTests {
    /// The one-query surroundings of an entry agree with the single-column queries they replace.
}
