import Testing
@testable import ZoneLedgerCore

@Suite struct SheetTests {
    private let november = Month(year: 2020, month: 11)!
    private let december = Month(year: 2020, month: 12)!

    private func sheet(_ ledger: Ledger, _ month: Month, today: String = "2026-11-29") throws -> MonthlySheet {
        try ledger.sheet(month: month, today: day(today), generatedAt: "x")
    }

    @Test func sectionsComeInTheirFixedOrder() throws {
        let result = try sheet(try seededCopy(), november)
        #expect(result.sections.map(\.key) == [
            "projects_by_stage", "investment", "investment_by_month", "milestone_summary", "problem_summary", "land", "tenants_by_park", "targets",
            "projects", "overdue", "problems", "parks", "parcels", "indicators", "corrections",
        ])
        #expect(result.asOf == day("2020-11-30"))
        #expect(result.zone == "__经济开发区")
        #expect(result.generatedAt == "x")
    }

    @Test func theLandRowAgainstTheTarget() throws {
        let land = try sheet(try seededCopy(), november).table("land")
        try #require(land.rows.count == 1)
        let row = Dictionary(uniqueKeysWithValues: zip(land.columns.map(\.key), land.rows[0]))
        #expect(row["year"] == .integer(2020))
        #expect(row["target_mu"] == .number("405"))
        #expect(row["sold_mu"] == .number("210.5"))
        #expect(row["sold_count"] == .integer(10))
        #expect(row["listed_mu"] == .number("194"))
        #expect(row["listed_count"] == .integer(8))
        #expect(row["sold_percent"] == .number("52.0"))
        #expect(row["sold_and_listed_percent"] == .number("99.9"))
    }

    @Test func targetsAgainstTheLatestFigure() throws {
        let targets = try sheet(try seededCopy(), november).table("targets")
        #expect(targets.codes == ["F25"])
        #expect(targets.cell("target", code: "F25") == .number("405"))
        #expect(targets.cell("actual", code: "F25") == .number("210.5"))
        #expect(targets.cell("actual_as_of", code: "F25") == .day(day("2020-11-30")))
        #expect(targets.cell("percent", code: "F25") == .number("52.0"))
    }

    @Test func projectsByStageAddUpToEveryProject() throws {
        let ledger = try seededCopy()
        let stages = try sheet(ledger, november).table("projects_by_stage")
        let counts = stages.column("projects").map { cell -> Int64 in if case .integer(let n) = cell { n } else { -1 } }
        #expect(stages.column("stage").map(\.plain) == ProjectStage.allCases.map(\.label) + ["合计"])
        #expect(counts.last == Int64(try ledger.count("project")))
        #expect(counts.dropLast().reduce(0, +) == counts.last)
        // As of October, only P1–P4 existed
        let october = try sheet(ledger, Month(year: 2020, month: 10)!).table("projects_by_stage")
        #expect(october.rows.last?.last == .integer(4))
    }

    @Test func theProjectTableIsGroupedByKindInKindOrder() throws {
        let table = try sheet(try seededCopy(), november).table("projects")
        let projects = table.withoutSums
        // After each kind's projects its 小计, and the 合计 last.
        let sums = table.rows.filter { $0[table.index("code")] == .empty }.map { $0[table.index("name")].plain }
        #expect(sums == ProjectKind.allCases.map { "小计（\($0.label)）" } + ["合计"])
        #expect(table.rows.last?[table.index("name")] == .text("合计"))
        let order = ProjectKind.allCases.map(\.label)
        let kinds = projects.column("kind").map { order.firstIndex(of: $0.plain) ?? -1 }
        #expect(!kinds.contains(-1))
        #expect(kinds == kinds.sorted())
        #expect(Set(kinds).count == 5)
        #expect(projects.column("seq") == (1...projects.rows.count).map { .integer(Int64($0)) })
        // Within a kind, by id: P31 (平台) comes before P36 (平台), and P28 (社会事业) before 商住
        #expect(projects.codes.suffix(2) == ["P31", "P36"])
    }

    @Test func laterEntriesLeaveAClosedMonthUnchanged() throws {
        // Given the November sheet
        let ledger = try seededCopy()
        let before = try sheet(ledger, november)
        // When things happen in December and today, and a milestone is done, moved and added later
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-15", stage: .construction, progress: 20, note: "十二月"), context: context())
        try ledger.updateParcel("L1", statusUpdate(ParcelStatus.sold, on: "2020-12-20"), context: context())
        try ledger.completeMilestone("M7", on: day("2020-12-30"), note: "提前", context: context())
        try ledger.rescheduleMilestone("M3", to: due("2021-03-31"), on: day("2021-01-10"), reason: "延后", context: context())
        var edit = ProjectEdit(on: day("2020-12-05"))
        edit.name = "台邦减速器"
        edit.kind = .platform
        edit.investment = try Money.parse("9亿元")
        try ledger.editProject("P5", edit, context: context())
        var parkEdit = ParkEdit(on: day("2020-12-06"))
        parkEdit.kind = .platform
        parkEdit.figures.area = try Area.parse("60")
        try ledger.editPark("Y5", parkEdit, context: context())
        var parcelEdit = ParcelEdit(on: day("2020-12-07"))
        parcelEdit.area = try Area.parse("150")
        try ledger.editParcel("L1", parcelEdit, context: context())
        try addProject(ledger, "今天的项目", on: "2026-11-29")
        try addTenant(ledger, "今天的企业", park: "Y5", on: "2026-11-29")
        try ledger.addFigure(FigureDraft(category: .indicator, metric: "工业总产值", from: day("2020-01-01"), to: day("2020-12-31"),
                                         knownOn: day("2021-01-10"), value: ExactDecimal(units: 190, scale: 0), unit: "亿元"), context: context())
        // Then the November sheet is exactly what it was
        let after = try sheet(ledger, november)
        for (now, then) in zip(after.sections, before.sections) {
            #expect(now == then, "section \(then.key) changed: \(differences(then.table, now.table))")
        }
        #expect(after == before)
        // But an entry back-dated into November does change it (so the comparison above can fail)
        try ledger.updateProject("P6", projectUpdate(on: "2020-11-30", note: "补记十一月"), context: context())
        #expect(try sheet(ledger, november) != before)
    }

    @Test func aParkRenamedLaterKeepsItsOldNameInEarlierSheets() throws {
        // Given the November sheet, then Y5 renamed effective 2020-12-06
        let ledger = try seededCopy()
        let before = try sheet(ledger, november)
        var edit = ParkEdit(on: day("2020-12-06"))
        edit.name = "博通园"
        try ledger.editPark("Y5", edit, context: context())
        let after = try sheet(ledger, november)
        // Then the parks and tenants tables keep the old name
        for key in ["parks", "tenants_by_park"] {
            #expect(differences(before.table(key), after.table(key)).isEmpty, "\(key)")
        }
        // And so should the indicators' scope column
        #expect(differences(before.table("indicators"), after.table("indicators")).isEmpty)
    }

    @Test func aParcelSoldInDecemberAddsToDecembersLand() throws {
        // Given a parcel of 12.34 亩 recorded in December and sold on 2020-12-10
        let ledger = try seededCopy()
        try addParcel(ledger, "纬五路北地块", area: "12.34", on: "2020-12-05") { $0.status = .listed }
        try ledger.updateParcel("L2", statusUpdate(ParcelStatus.sold, on: "2020-12-10"), context: context())
        let land = try sheet(ledger, december).table("land")
        // Then December's sold area is the reported 210.5 plus 12.34, exactly, and one more lot
        #expect(land.cell("sold_mu") == .number("222.84"))
        #expect(land.cell("sold_count") == .integer(11))
        #expect(land.cell("sold_percent") == .number("55.0"))
        // And it is no longer counted as listed once sold
        #expect(land.cell("listed_mu") == .number("194"))
        #expect(land.cell("sold_and_listed_percent") == .number("102.9"))
        // While the same sheet as of 2020-12-07 counts it as listed, not sold
        let early = try sheet(ledger, december, today: "2020-12-07").table("land")
        #expect(early.cell("sold_mu") == .number("210.5"))
        #expect(early.cell("listed_mu") == .number("206.34"))
        #expect(early.cell("listed_count") == .integer(9))
    }

    /// Four projects as of 2021-06-30: one overdue, one behind, one with a milestone due within 30 days, one normal.
    private func healthLedger() throws -> Ledger {
        let ledger = try emptyLedger()
        try addProject(ledger, "逾期项目")
        try addProject(ledger, "滞后项目") { $0.plannedStart = day("2021-01-01"); $0.plannedCompletion = day("2021-12-31"); $0.progress = 10 }
        try addProject(ledger, "预警项目")
        try addProject(ledger, "正常项目")
        try addProject(ledger, "边界项目")
        try addMilestone(ledger, "逾期节点", about: .project, "P1", due: "2021-06-29")
        try addMilestone(ledger, "预警节点", about: .project, "P3", due: "2021-07-30")
        try addMilestone(ledger, "远期节点", about: .project, "P4", due: "2021-07-31")
        try addMilestone(ledger, "当天节点", about: .project, "P5", due: "2021-06-30")
        return ledger
    }

    @Test func healthMarksEachProject() throws {
        let ledger = try healthLedger()
        let projects = try sheet(ledger, Month(year: 2021, month: 6)!).table("projects").withoutSums
        #expect(projects.column("status").map(\.plain) == ["逾期", "滞后", "预警", "正常", "预警"])
        #expect(projects.cell("next_milestone", code: "P3") == .text("预警节点（2021-07-30，2021-07-30）"))
        // The overdue section lists the one overdue milestone
        #expect(try sheet(ledger, Month(year: 2021, month: 6)!).table("overdue").codes == ["M1"])
    }

    @Test func overdueOutranksBehind() throws {
        let ledger = try healthLedger()
        try addMilestone(ledger, "又一个逾期", about: .project, "P2", due: "2021-06-01")
        let projects = try sheet(ledger, Month(year: 2021, month: 6)!).table("projects")
        #expect(projects.cell("status", code: "P2")?.plain == "逾期")
    }

    @Test func theRunningMonthIsAsOfToday() throws {
        // Given today is 2021-06-15, inside June
        let ledger = try healthLedger()
        let june = try sheet(ledger, Month(year: 2021, month: 6)!, today: "2021-06-15")
        #expect(june.asOf == day("2021-06-15"))
        // Then P1's milestone (due 06-29) is not yet overdue: within 30 days, so 预警
        #expect(june.table("projects").cell("status", code: "P1")?.plain == "预警")
        #expect(june.table("overdue").rows.isEmpty)
        // A finished month is as of its last day
        #expect(try sheet(ledger, Month(year: 2021, month: 5)!, today: "2021-06-15").asOf == day("2021-05-31"))
    }

    @Test func theMonthsNotesAndMilestoneSummary() throws {
        let ledger = try healthLedger()
        try ledger.updateProject("P1", projectUpdate(on: "2021-06-20", stage: .preliminary, note: "完成环评"), context: context())
        try ledger.completeMilestone("M2", on: day("2021-06-25"), note: nil, context: context())
        let result = try sheet(ledger, Month(year: 2021, month: 6)!)
        #expect(result.table("projects").cell("month_notes", code: "P1") == .list(["06-20 阶段：前期，完成环评"]))
        let summary = result.table("milestone_summary")
        let facts = Dictionary(uniqueKeysWithValues: zip(summary.columns.map(\.key), summary.rows[0]))
        #expect(facts["due_in_month"] == .integer(2))       // M1 (06-29) and M4 (06-30)
        #expect(facts["due_in_month_open"] == .integer(2))
        #expect(facts["completed_in_month"] == .integer(1))  // M2, due in July
        #expect(facts["overdue"] == .integer(1))
        #expect(facts["entries_in_month"] == .integer(2))
    }
}

/// Where two tables differ, cell by cell, as short lines.
private func differences(_ old: ZoneLedgerCore.Table, _ new: ZoneLedgerCore.Table) -> [String] {
    guard old.rows.count == new.rows.count else { return ["\(old.rows.count) rows became \(new.rows.count)"] }
    return zip(old.rows, new.rows).enumerated().flatMap { index, pair in
        zip(old.columns, zip(pair.0, pair.1)).compactMap { column, cells in
            cells.0 == cells.1 ? nil : "row \(index + 1) \(column.key): \(cells.0.plain) → \(cells.1.plain)"
        }
    }
}

private extension ZoneLedgerCore.Table {
    /// The single row's cell under `key`.
    func cell(_ key: String) -> Cell? { rows.first.map { $0[index(key)] } }
}
