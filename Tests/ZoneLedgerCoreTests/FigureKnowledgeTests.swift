import Testing
@testable import ZoneLedgerCore

/// A figure is a dated fact: the period it is about, and the day it became known. A sheet or a
/// list as of a day shows only the figures known by then, however early their period.
@Suite struct FigureKnowledgeTests {
    private let november = Month(year: 2020, month: 11)!

    private func landSold(_ ledger: Ledger, month: Month) throws -> Cell? {
        let sheet = try ledger.sheet(month: month, today: day("2026-11-29"), generatedAt: "x")
        return sheet.table("land").rows.first?[sheet.table("land").index("sold_mu")]
    }

    private func draft(value: Int64, known: String, to: String = "2020-11-30") -> FigureDraft {
        var draft = FigureDraft(category: .reported, metric: "已完成土地出让面积", from: day("2020-01-01"), to: day(to),
                                knownOn: day(known), value: ExactDecimal(units: value, scale: 0), unit: "亩")
        draft.key = "land_sold_area"
        return draft
    }

    @Test(arguments: ["2026-11-29", "2020-12-01", "2021-03-15"])
    func aFigureLearnedAfterTheMonthLeavesItsSheetAlone(known: String) throws {
        // Given the seeded ledger: 210.5 亩 sold by 2020-11-30
        let ledger = try seededCopy()
        #expect(try landSold(ledger, month: november) == .number("210.5"))
        let before = try ledger.sheet(month: november, today: day("2026-11-29"), generatedAt: "x")
        // When a figure about January–November 2020 becomes known after November
        try ledger.addFigure(draft(value: 250, known: known), context: context())
        // Then November's sheet is exactly what it was, and the list as of November leaves it out
        #expect(try ledger.sheet(month: november, today: day("2026-11-29"), generatedAt: "x") == before)
        #expect(!(try ledger.listFigures(asOf: day("2020-11-30")).column("value").contains(.number("250"))))
        // And from the day it became known it counts
        #expect(try ledger.listFigures(asOf: day(known)).column("value").contains(.number("250")))
        let month = Month(day(known))
        if month.first.year == 2020 { #expect(try landSold(ledger, month: month) == .number("250")) }
    }

    /// Of two figures for the same period, the one known later is the better knowledge (the same
    /// day: the one recorded later); the seeded 210.5 became known on 2020-11-30.
    @Test(arguments: [("2020-11-30", "250"), ("2020-11-20", "210.5")])
    func aFigureKnownWithinTheMonthIsInItsSheet(known: String, sold: String) throws {
        let ledger = try seededCopy()
        try ledger.addFigure(draft(value: 250, known: known), context: context())
        #expect(try landSold(ledger, month: november) == .number(sold))
        // Recorded after the month ended, it is listed among the sheet's corrections
        let corrections = try ledger.sheet(month: november, today: day("2026-11-29"), generatedAt: "x").table("corrections")
        #expect(corrections.rows.contains { $0[corrections.index("change")].plain == "已完成土地出让面积：250亩" })
    }

    @Test func aFigureCannotBeKnownInTheFuture() throws {
        let ledger = try seededCopy()
        let refused = failure { try ledger.addFigure(draft(value: 1, known: "2026-11-30"), context: context()) }
        #expect(refused?.message == "生效日期“2026-11-30”晚于今天（2026-11-29）：只能记录已经发生的情况")
    }
}
