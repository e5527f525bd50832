import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

@Suite struct ImportTests {
    private func file(_ kind: ImportKind, _ text: String) -> ImportFile {
        ImportFile(kind: kind, name: "\(kind.rawValue).csv", data: Data(text.utf8))
    }

    private func entryCount(_ ledger: Ledger) throws -> Int {
        try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry") ?? 0 }
    }

    @Test func projectsWithChineseHeadersAndMoneyByHeaderUnit() throws {
        let ledger = try seededLedger()
        let results = try ledger.importCSV([file(.projects, """
            项目名称,类别,阶段,总投资（亿元）,园区,省重大,计划竣工
            新能源装备产业园项目,工业,前期,3.5,博通,是,2022年底
            """)], context: context())
        #expect(results.first?.added == 1)
        let project = try ledger.current(.project, "新能源装备产业园项目")
        #expect(project?["investment_yuan"] == 350_000_000 as Int64)
        #expect(project?["provincial_major"] == true)
        #expect(project?["planned_completion"] == "2022-12-31")
    }

    @Test func englishHeadersAndYuanColumn() throws {
        let ledger = try emptyLedger()
        _ = try ledger.importCSV([file(.parks, "name,kind,area_mu,investment_yuan\n测试园,micro-park,80.25,66300\n")], context: context())
        let park = try ledger.current(.park, "测试园")
        #expect(park?["area_mu_hundredths"] == 8025 as Int64)
        #expect(park?["investment_yuan"] == 66300 as Int64)
    }

    @Test func oneBadRowWritesNothingAndEveryBadRowIsReported() throws {
        let ledger = try seededLedger()
        let before = try entryCount(ledger)
        do {
            _ = try ledger.importCSV([file(.parcels, """
                名称,面积(亩),状态
                好地块,12.5,规划
                负面积,-3,规划
                三位小数,1.234,挂牌
                ,5,规划
                坏状态,5,卖了
                """)], context: context())
            Issue.record("a file with bad rows was imported")
        } catch let failures as ImportFailures {
            let problems = failures.failures.flatMap(\.problems).map(\.description)
            #expect(problems == [
                "第3行 面积(亩)：面积(亩)无效“-3”：必须大于0",
                "第4行 面积(亩)：面积(亩)无效“1.234”：最多两位小数",
                "第5行 名称：不能为空",
                "第6行 状态：地块状态无效“卖了”：可选 规划(planned)、挂牌(listed)、出让(sold)、在建(construction)、竣工(completed)、闲置(idle)、收回(reclaimed)、司法拍卖(auction)",
            ])
        }
        #expect(try entryCount(ledger) == before)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry WHERE name = '好地块'") } == 0)
    }

    @Test func unknownAndMissingColumnsAreReportedOnTheHeader() throws {
        let ledger = try emptyLedger()
        #expect(throws: ImportFailures.self) {
            _ = try ledger.importCSV([file(.parcels, "名称,颜色\n甲,红\n")], context: context())
        }
    }

    @Test func dryRunWritesNothing() throws {
        let ledger = try seededLedger()
        let before = try entryCount(ledger)
        let results = try ledger.importCSV([file(.updates, "对象,生效日期,阶段,进度\n台邦,2020-12-10,在建,10\n")], dryRun: true, context: context())
        #expect(results.first?.added == 1 && results.first?.dryRun == true)
        #expect(try entryCount(ledger) == before)
    }

    @Test func importingTheSameFileTwiceAddsNothingTheSecondTime() throws {
        let ledger = try seededLedger()
        let withDue = file(.updates, "对象,生效日期,动作,到期,说明\nM7,2020-12-20,改期,2021年6月底,招标延后\n")
        _ = try ledger.importCSV([file(.updates, "对象,生效日期,阶段,进度,说明\nP5,2020/12/10,在建,10,取得施工许可证\n"), withDue], context: context())
        let after = try entryCount(ledger)
        let again = try ledger.importCSV([withDue], context: context())
        #expect(again.first?.added == 0 && again.first?.skipped == 1)
        #expect(try entryCount(ledger) == after)
    }

    /// A ledger with history worth keeping: a back-dated update, a done milestone, an edit, an undo.
    private func ledgerWithHistory() throws -> Ledger {
        let ledger = try seededLedger()
        var update = ProjectUpdate(on: day("2020-12-10"))
        update.stage = .construction
        update.note = "=cmd|' /C calc'!A0"
        try ledger.updateProject("台邦", update, context: context())
        try ledger.completeMilestone("M3", on: day("2021-02-05"), note: nil, context: context())
        var edit = ProjectEdit(on: day("2021-03-01"))
        edit.name = "台邦一期"
        try ledger.editProject("P5", edit, context: context())
        try ledger.updateProject("P6", projectUpdate(on: "2021-01-10", progress: 10), context: context())
        _ = try ledger.undo(context: context())
        return ledger
    }

    @Test func exportThenRestoreIntoAnEmptyLedgerGivesTheSameLedger() throws {
        let ledger = try ledgerWithHistory()
        let exported = try ledger.export()
        let copy = try emptyLedger()
        let inputs = exported.files.compactMap { file in
            RestoreFile(rawValue: file.name).map { RestoreInput(file: $0, name: file.name, data: Data(csv(file.table, byKey: true).utf8)) }
        }
        let zone = exported.files.first { $0.name == "zone" }.map { ImportFile(kind: .zone, name: "zone", data: Data(csv($0.table).utf8)) }
        _ = try copy.restore(inputs, zone: zone, context: context())
        // Every file of the export, the whole truth included, comes back the same
        let again = try copy.export()
        #expect(again.files.map(\.name) == exported.files.map(\.name))
        for (mine, theirs) in zip(again.files, exported.files) { #expect(mine.table == theirs.table, "\(mine.name)") }
        // And so do the sheets and the log, as known now and as recorded before the last commands
        for month in [Month(year: 2020, month: 11)!, Month(year: 2021, month: 2)!] {
            #expect(try copy.sheet(month: month, today: day("2026-11-29"), generatedAt: "x")
                    == (try ledger.sheet(month: month, today: day("2026-11-29"), generatedAt: "x")))
        }
        #expect(try copy.history(HistoryQuery()) == (try ledger.history(HistoryQuery())))
        #expect(try copy.check(today: day("2026-11-29")).isEmpty)
    }

    @Test func importingAnExportIntoAnyLedgerAddsItsSubjectsAndLiveHistory() throws {
        let ledger = try ledgerWithHistory()
        let exported = try ledger.export()
        let copy = try emptyLedger()
        let files = exported.files.compactMap { file in
            ImportKind(rawValue: file.name).map { ImportFile(kind: $0, name: file.name, data: Data(csv(file.table).utf8)) }
        }
        _ = try copy.importCSV(files, context: context())
        // The files people edit come back the same; the batches are the import's own
        let again = try copy.export()
        for kind in ImportKind.loadOrder {
            let mine = again.files.first { $0.name == kind.rawValue }, theirs = exported.files.first { $0.name == kind.rawValue }
            #expect(mine?.table == theirs?.table, "\(kind.rawValue)")
        }
        // The state on every day is the same (the sheet's corrections aside: an import is a load, not a correction)
        let keep = { (sheet: MonthlySheet) in sheet.sections.filter { $0.key != "corrections" } }
        #expect(keep(try copy.sheet(month: Month(year: 2021, month: 2)!, today: day("2026-11-29"), generatedAt: "x"))
                == keep(try ledger.sheet(month: Month(year: 2021, month: 2)!, today: day("2026-11-29"), generatedAt: "x")))
        // And importing it again adds nothing
        let results = try copy.importCSV(files, context: context())
        #expect(results.map(\.added).reduce(0, +) == 0)
    }

    /// A plain CSV writer for the test (the CLI's own writer lives in the commands target).
    private func csv(_ table: ZoneLedgerCore.Table, byKey: Bool = false) -> String {
        func quoted(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let header: [String] = table.columns.map { byKey ? $0.key : $0.label }
        let rows: [[String]] = [header] + table.rows.map { row in row.map { $0.plain } }
        let lines: [String] = rows.map { $0.map(quoted).joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
