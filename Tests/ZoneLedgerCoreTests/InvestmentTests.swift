import Foundation
import Testing
@testable import ZoneLedgerCore

/// Investment against plan: how 本月, 1-N月累计, 开工累计 and plans combine (`InvestmentSeries`),
/// as every sheet shows them, for every month.
@Suite struct InvestmentTests {
    static func money(_ text: String) -> Money { (try? Money.parse(text, allowingZero: true)) ?? Money(yuan: -1) }

    static func report(_ ledger: Ledger, _ ref: String = "P5", on: String, month: String? = nil, ytd: String? = nil,
                       total: String? = nil, correction: Bool = false) throws {
        var update = ProjectUpdate(on: day(on))
        update.invested = month.map(money)
        update.investedYearToDate = ytd.map(money)
        update.investedTotal = total.map(money)
        update.correction = correction
        try ledger.updateProject(ref, update, context: context())
    }

    /// The projects row of a code on a month's sheet, by column key, as plain text.
    static func row(_ ledger: Ledger, _ month: String, _ code: String = "P5", recorded: RecordedAt? = nil) throws -> [String: String] {
        let sheet = try ledger.sheet(month: try Month.parse(month), today: day("2026-11-29"), recorded: recorded, generatedAt: "x")
        let table = try #require(sheet.sections.first { $0.key == "projects" }).table
        let cells = try #require(table.rows.first { $0[1] == .text(code) })
        return Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), cells.map(\.plain)))
    }

    static func summary(_ ledger: Ledger, _ month: String) throws -> [String: String] {
        let sheet = try ledger.sheet(month: try Month.parse(month), today: day("2026-11-29"), generatedAt: "x")
        let table = try #require(sheet.sections.first { $0.key == "investment" }).table
        return Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.key), table.rows[0].map(\.plain)))
    }

    /// Reported as 本月 each month, as 1-N月累计 each month, or mixed: every month's figures agree.
    @Test func theWaysOfReportingAMonthAgree() throws {
        let months = ["600万元", "400万元", "0", "1250.5万元"]
        let totals = ["600", "1000", "1000", "2250.5"]
        var ledgers: [Ledger] = []
        for way in 0..<3 {
            let ledger = try seededCopy()
            try ledger.updateProject("P5", { var u = ProjectUpdate(on: day("2020-12-31")); u.investedTotal = Self.money("2亿元"); return u }(),
                                     context: context())
            for (index, figure) in months.enumerated() {
                let on = Month(year: 2021, month: index + 1)!.last.iso
                switch (way, index % 2) {
                case (0, _), (2, 0): try Self.report(ledger, on: on, month: figure)
                default: try Self.report(ledger, on: on, ytd: totals[index] + "万元")
                }
            }
            ledgers.append(ledger)
        }
        for month in 1...12 {
            let key = String(format: "2021-%02d", month)
            let figures = ["plan_wan", "month_wan", "ytd_wan", "plan_percent", "total_wan", "total_percent"]
            let rows = try ledgers.map { ledger in try Self.row(ledger, key).filter { figures.contains($0.key) } }
            #expect(rows[0] == rows[1] && rows[1] == rows[2], "\(key): \(rows)")
            let ytd = totals[min(month, 4) - 1]
            #expect(rows[0]["ytd_wan"] == ytd, "\(key)")
            #expect(rows[0]["month_wan"] == (month <= 4 ? ["600", "400", "0", "1250.5"][month - 1] : ""), "\(key)")
            #expect(rows[0]["total_wan"] == ExactDecimal.format(units: 20_000 * 10_000 + (ExactDecimal(ytd)?.units(atScale: 4) ?? 0), scale: 4), "\(key)")
        }
    }

    /// A month entered again replaces its figure (never adds), and history keeps both entries.
    @Test func enteringAMonthAgainReplacesIt() throws {
        let ledger = try seededCopy()
        try Self.report(ledger, on: "2021-01-31", month: "600万元")
        try Self.report(ledger, on: "2021-01-20", month: "650万元")  // later recorded, earlier in the month: the fold's order
        try Self.report(ledger, on: "2021-01-31", month: "700万元")
        #expect(try Self.row(ledger, "2021-01")["month_wan"] == "700")
        #expect(try Self.row(ledger, "2021-01")["ytd_wan"] == "700")
        // A 累计 report later in the same month replaces the month too.
        try Self.report(ledger, on: "2021-01-31", ytd: "720万元")
        #expect(try Self.row(ledger, "2021-01")["ytd_wan"] == "720")
        let history = try ledger.show("P5", kind: .project, asOf: day("2026-11-29"))
        let entries = try #require(history.sections.first { $0.key == "history" }).table.rows
        #expect(entries.filter { $0.map(\.plain).joined().contains("本月完成投资（2021年1月）") }.count == 3)
    }

    /// An opening balance carries forward; a later one starts again from itself.
    @Test func aBalanceCarriesForwardUntilTheNext() throws {
        let ledger = try seededCopy()
        try Self.report(ledger, on: "2020-12-31", total: "2亿元")
        try Self.report(ledger, on: "2021-03-31", month: "500万元")
        try Self.report(ledger, on: "2021-06-30", total: "3亿元")
        try Self.report(ledger, on: "2021-07-31", month: "100万元")
        #expect(try Self.row(ledger, "2021-02")["total_wan"] == "20000")
        #expect(try Self.row(ledger, "2021-03")["total_wan"] == "20500")
        #expect(try Self.row(ledger, "2021-06")["total_wan"] == "30000")
        #expect(try Self.row(ledger, "2021-07")["total_wan"] == "30100")
        #expect(try Self.row(ledger, "2021-07")["ytd_wan"] == "600")
        // Without a balance, 开工累计 is every month summed, across years.
        try Self.report(ledger, "P6", on: "2020-11-30", month: "10万元")
        try Self.report(ledger, "P6", on: "2021-02-28", ytd: "30万元")
        #expect(try Self.row(ledger, "2020-11", "P6")["total_wan"] == "10")
        #expect(try Self.row(ledger, "2021-01", "P6")["total_wan"] == "10")
        #expect(try Self.row(ledger, "2021-02", "P6")["total_wan"] == "40")
    }

    /// A new plan for the year is in force from its effective day; before it the old one stands,
    /// and as recorded before it was written, the old one stands everywhere.
    @Test func aNewPlanSupersedesTheOldFromItsDay() throws {
        let ledger = try seededCopy()
        try ledger.planProject("P5", year: 2021, investment: Self.money("8000万元"), image: "主体结顶", note: nil, on: day("2021-01-05"),
                               context: context())
        try Self.report(ledger, on: "2021-06-30", ytd: "5000万元")
        // A plan for another year does not count.
        try ledger.planProject("P5", year: 2022, investment: Self.money("2亿元"), image: nil, note: nil, on: day("2021-12-20"), context: context())
        // The new plan, recorded last (and later than everything else).
        try ledger.planProject("P5", year: 2021, investment: Self.money("1亿元"), image: "竣工投产", note: "调增", on: day("2021-06-15"),
                               context: WriteContext(author: "测试", now: Date(timeIntervalSince1970: 1_900_000_000), today: day("2026-11-29"),
                                                     command: "test"))
        #expect(try Self.row(ledger, "2021-05")["plan_wan"] == "8000")
        #expect(try Self.row(ledger, "2021-05")["plan_image"] == "主体结顶")
        #expect(try Self.row(ledger, "2021-06")["plan_wan"] == "10000")
        #expect(try Self.row(ledger, "2021-06")["plan_percent"] == "50.0")
        #expect(try Self.row(ledger, "2021-12")["plan_wan"] == "10000")
        #expect(try Self.row(ledger, "2022-01")["plan_wan"] == "20000")
        // As recorded before the second plan (its batch's time): the first plan in June too.
        let moment = try RecordedAt.parse("2028-01-01T00:00:00Z")
        #expect(try Self.row(ledger, "2021-06", recorded: moment)["plan_wan"] == "8000")
    }

    /// Percentages exact and rounded once; the zone's line against time progress.
    @Test func percentagesAreExactAndTheZoneLineSaysAheadOrBehind() throws {
        let ledger = try seededCopy()
        try ledger.planProject("P5", year: 2021, investment: Self.money("3亿元"), image: nil, note: nil, on: day("2021-01-05"), context: context())
        try ledger.planProject("P6", year: 2021, investment: Self.money("1亿元"), image: nil, note: nil, on: day("2021-01-05"), context: context())
        try Self.report(ledger, on: "2021-03-31", ytd: "1亿元")
        #expect(try Self.row(ledger, "2021-03")["plan_percent"] == "33.3")
        var line = try Self.summary(ledger, "2021-03")
        #expect(line["plan_wan"] == "40000" && line["ytd_wan"] == "10000" && line["plan_percent"] == "25.0")
        #expect(line["time_percent"] == "25.0" && line["points_ahead"] == "0.0")
        #expect(line["summary"] == "1-3月累计完成投资1亿元，占年度计划25.0%，与时间进度持平")
        try Self.report(ledger, "P6", on: "2021-03-31", ytd: "1万元")
        line = try Self.summary(ledger, "2021-03")
        #expect(line["points_ahead"] == "0.0" && line["plan_percent"] == "25.0")
        line = try Self.summary(ledger, "2021-04")
        #expect(line["points_ahead"] == "-8.3", "\(line)")
        #expect(line["summary"] == "1-4月累计完成投资10001万元，占年度计划25.0%，落后时间进度8.3个百分点")
        try Self.report(ledger, on: "2021-05-31", month: "1.5亿元")
        line = try Self.summary(ledger, "2021-05")
        #expect(line["summary"] == "1-5月累计完成投资25001万元，占年度计划62.5%，超时间进度20.8个百分点", "\(line)")
        // 小计 and 合计 rows sum the group exactly.
        let sheet = try ledger.sheet(month: try Month.parse("2021-05"), today: day("2026-11-29"), generatedAt: "x")
        let table = try #require(sheet.sections.first { $0.key == "projects" }).table
        let ytd = try #require(table.columns.firstIndex { $0.key == "ytd_wan" })
        let total = try #require(table.rows.last)
        #expect(total[2] == .text("合计") && total[ytd] == .number("25001"))
        #expect(table.rows.contains { $0[2] == .text("小计（工业）") && $0[ytd] == .number("25001") })
    }

    @Test(arguments: [
        ("ytd below last month", "1-2月累计完成投资已是1000万元，1-3月累计900万元比它少"),
        ("two reports in one", "一条记录只报一种投资数"),
    ])
    func badReportsAreRefusedAndWriteNothing(_ label: String, _ message: String) throws {
        let ledger = try seededCopy()
        try Self.report(ledger, on: "2021-02-28", ytd: "1000万元")
        let before = try ledger.export().files.map(\.table)
        let error = refusal {
            if label.hasPrefix("ytd") { try Self.report(ledger, on: "2021-03-31", ytd: "900万元") }
            else { try Self.report(ledger, on: "2021-03-31", month: "1万元", ytd: "2000万元") }
        }
        #expect(error?.contains(message) == true, "\(error ?? "")")
        #expect(try ledger.export().files.map(\.table) == before)
        // A correction may lower it.
        if label.hasPrefix("ytd") { try Self.report(ledger, on: "2021-03-31", ytd: "900万元", correction: true) }
        #expect(refusal { try ledger.planProject("P5", year: 1800, investment: Self.money("1亿元"), image: nil, note: nil, on: day("2021-01-05"),
                                                 context: context()) }?.contains("计划年度无效") == true)
        #expect(refusal { _ = try Money.parse("-5万元", allowingZero: true) } != nil)
    }
}
