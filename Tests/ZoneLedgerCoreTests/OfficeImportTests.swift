import Foundation
import Testing
@testable import ZoneLedgerCore

/// An office sheet imported into a ledger: the figures the sheets show afterwards are the
/// sheet's, every problem is placed on the sheet, and nothing is written twice.
@Suite struct OfficeImportTests {
    /// A two-row header: 7月 and 8月 over 当月完成投资额, a blank 1-  月累计, and figures beside.
    static func sheet(_ rows: [[String]], title: String = "2010年1-8月重点项目进度表") -> XLSXSheet {
        let header = ["序号", "项目名称", "项目性质", "总投资（亿元）", "2010年计划投资(万元)", "2010年1-7月完成投资", "至2009年底累计完成投资",
                      "7月", "", "8月", "", "1-  月累计"]
        let children = ["", "", "", "", "", "", "", "当月完成投资额", "形象进度", "当月完成投资额", "形象进度", ""]
        var merges = [CellRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 11),
                      CellRange(firstRow: 1, firstColumn: 7, lastRow: 1, lastColumn: 8), CellRange(firstRow: 1, firstColumn: 9, lastRow: 1, lastColumn: 10)]
        for column in [0, 1, 2, 3, 4, 5, 6, 11] { merges.append(CellRange(firstRow: 1, firstColumn: column, lastRow: 2, lastColumn: column)) }
        return XLSXSheet(name: "8月", cells: [[title], header, children] + rows, merges: merges)
    }

    static let rows = [
        ["一、工业项目"],
        ["1", "★某某新材料项目", "续建", "5", "8000", "3000", "12000", "400", "主体施工", "500", "主体结顶", "3500"],
        ["", "合计", "", "5", "8000"],
        ["注：★为省重点项目"],
    ]

    func run(_ ledger: Ledger, _ sheet: XLSXSheet, options: OfficeImportOptions = .init(), dryRun: Bool = false) throws -> OfficeImportReport {
        try ledger.importOffice(XLSXWorkbook(sheets: [sheet]), file: "进度表.xlsx", options: options, dryRun: dryRun, context: context())
    }

    func problems(_ body: () throws -> Void) -> [String] {
        do { try body(); return [] } catch let failures as ImportFailures {
            return failures.failures.flatMap { failure in failure.problems.map { "\(failure.file) \($0)" } }
        } catch { return ["\(error)"] }
    }

    /// Next month's sheet of the same projects: a new stage is a dated stage entry, a new 总投资 is
    /// not compared (the dry run and the report say so), the new month's figures come in, and the
    /// same sheet again adds nothing.
    @Test func nextMonthsSheetRecordsWhatChanged() throws {
        let ledger = try emptyLedger()
        let july = [["一、工业项目"], ["1", "某某新材料项目", "前期", "5", "8000", "3000", "12000", "400", "主体施工", "", "", ""]]
        _ = try run(ledger, Self.sheet(july, title: "2010年1-7月重点项目进度表"))
        #expect(try InvestmentTests.row(ledger, "2010-07", "P1")["stage"] == "前期")
        let september = [["一、工业项目"], ["1", "某某新材料项目", "新开工", "6", "8000", "3000", "12000", "400", "主体施工", "500", "主体结顶", "3500"]]
        let report = try run(ledger, Self.sheet(september))
        #expect(report.results.map(\.added) == [0, 2], "\(report.results)")
        #expect(report.notes.contains { $0.contains("“某某新材料项目”已在账本中") && $0.contains("阶段（新开工，2010-08-31）") }, "\(report.notes)")
        let august = try InvestmentTests.row(ledger, "2010-08", "P1")
        #expect(august["stage"] == "开工" && august["month_wan"] == "500" && august["ytd_wan"] == "3500", "\(august)")
        #expect(august["investment_wan"] == "50000", "总投资 is not changed by a later sheet")
        #expect(try InvestmentTests.row(ledger, "2010-07", "P1")["stage"] == "前期")
        let again = try run(ledger, Self.sheet(september))
        #expect(again.results.map(\.added) == [0, 0], "\(again.results)")
    }

    @Test func figuresComeBackAsTheSheetHasThem() throws {
        let ledger = try emptyLedger()
        let report = try run(ledger, Self.sheet(Self.rows))
        #expect(report.reportDay == day("2010-08-31"))
        #expect(report.results.map(\.added) == [1, 5])
        #expect(report.skipped == [
            OfficeSkippedRow(row: 4, reason: "分类", text: "一、工业项目（此后各行类别为工业）"),
            OfficeSkippedRow(row: 6, reason: "合计/小计", text: "合计"),
            OfficeSkippedRow(row: 7, reason: "脚注", text: "注：★为省重点项目"),
        ])
        let august = try InvestmentTests.row(ledger, "2010-08", "P1")
        #expect(august["name"] == "某某新材料项目")
        #expect(august["kind"] == "工业")
        #expect(august["stage"] == "在建")
        #expect(august["investment_wan"] == "50000")
        #expect(august["plan_wan"] == "8000")
        #expect(august["month_wan"] == "500")
        #expect(august["ytd_wan"] == "3500")
        #expect(august["total_wan"] == "15500")
        let july = try InvestmentTests.row(ledger, "2010-07", "P1")
        #expect([july["month_wan"], july["ytd_wan"], july["total_wan"], july["plan_wan"]] == ["400", "3000", "15000", "8000"])
        // Importing the same sheet again adds nothing.
        let again = try run(ledger, Self.sheet(Self.rows))
        #expect(again.results.map(\.added) == [0, 0])
        #expect(again.results.map(\.skipped) == [1, 5])
    }

    @Test func disagreeingFiguresAreRefusedAtTheirCell() throws {
        let ledger = try emptyLedger()
        var rows = Self.rows
        rows[1][11] = "3600"
        #expect(problems { _ = try run(ledger, Self.sheet(rows)) } == [
            "进度表.xlsx 第5行 L列（1-月累计）：1-8月累计（3600万元）不等于1-7月累计（3000万元）加8月当月（500万元）",
        ])
        rows = Self.rows
        rows[1][4] = "八千"
        rows[1][2] = "新建"
        #expect(problems { _ = try run(ledger, Self.sheet(rows)) } == [
            "进度表.xlsx 第5行 E列（2010年计划投资(万元)）：2010年计划投资(万元)无效“八千万元”：应写作 9亿元、5000万元 或 66300元（只写数字时按万元计）",
        ])
        rows[1][4] = "8000"
        #expect(problems { _ = try run(ledger, Self.sheet(rows)) }.first?.hasPrefix("进度表.xlsx 第5行 C列（项目性质）：阶段无效“新建”") == true)
        #expect(try ledger.count("entry") == 0)
    }

    @Test func kindComesFromAColumnAHeadingOrTheOption() throws {
        let ledger = try emptyLedger()
        let rows = Array(Self.rows.dropFirst())
        #expect(problems { _ = try run(ledger, Self.sheet(rows)) } == [
            "进度表.xlsx 第4行 类别：没有类别：表中没有类别列或类别为空，上方也没有“一、工业项目”这样的分类行；可用 --kind 指定",
        ])
        _ = try run(ledger, Self.sheet(rows), options: OfficeImportOptions(kind: .social))
        #expect(try InvestmentTests.row(ledger, "2010-08", "P1")["kind"] == "社会事业")
    }

    @Test func yearsAndMonthsTheHeadersDoNotGive() throws {
        let ledger = try emptyLedger()
        // No month in the title, and one blank 1-  月累计 among headers that name months: read as the latest month.
        let untitled = Self.sheet(Self.rows, title: "重点项目进度表")
        #expect(problems { _ = try run(ledger, untitled, dryRun: true) }.contains {
            $0.contains("第2行 E列（2010年计划投资(万元)）") == false && $0.contains("表头没有写年份")
        })
        let report = try run(ledger, untitled, options: OfficeImportOptions(year: 2010), dryRun: true)
        #expect(report.reportDay == day("2010-08-31"))
        #expect(report.notes.contains("L列“1-月累计”没写月份：按报告月份8月读"))
    }

    @Test func aRowWithoutANameIsAnError() throws {
        let ledger = try emptyLedger()
        var rows = Self.rows
        rows.insert(["", "", "续建", "3"], at: 2)
        #expect(problems { _ = try run(ledger, Self.sheet(rows)) } == [
            "进度表.xlsx 第6行 B列（项目名称）：没有项目名称：这一行不是合计、小计、分类或脚注，也读不成项目",
        ])
    }
}
