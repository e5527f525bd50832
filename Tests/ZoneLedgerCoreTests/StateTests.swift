import Testing
@testable import ZoneLedgerCore

@Suite struct StateTests {
    @Test func aListShowsTheStateOnTheAsOfDay() throws {
        // Given P5 at 开工 (2020-11-30), updated to 在建 with 30% on 2020-12-15
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-15", stage: .construction, progress: 30, note: "主体施工"), context: context())
        // Then the day before shows the old state, the day itself the new
        let before = try ledger.listProjects(asOf: day("2020-12-14"))
        #expect(before.cell("stage", code: "P5")?.plain == "开工")
        #expect(before.cell("progress", code: "P5") == .empty)
        #expect(before.cell("latest_on", code: "P5") == .day(day("2020-11-30")))
        let after = try ledger.listProjects(asOf: day("2020-12-15"))
        #expect(after.cell("stage", code: "P5")?.plain == "在建")
        #expect(after.cell("progress", code: "P5") == .integer(30))
        #expect(after.cell("latest_note", code: "P5") == .text("主体施工"))
        #expect(after.cell("latest_on", code: "P5") == .day(day("2020-12-15")))
    }

    @Test func aFieldKeepsItsLastValueWhenALaterEntryLeavesItOut() throws {
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", progress: 20), context: context())
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-20", stage: .construction), context: context())
        let list = try ledger.listProjects(asOf: day("2020-12-31"))
        #expect(list.cell("stage", code: "P5")?.plain == "在建")
        #expect(list.cell("progress", code: "P5") == .integer(20))
    }

    @Test func sameDayEntriesAreReadInTheOrderRecorded() throws {
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", stage: .construction), context: context())
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", stage: .toppedOut), context: context())
        #expect(try ledger.listProjects(asOf: day("2020-12-10")).cell("stage", code: "P5")?.plain == "结顶")
    }

    @Test func aBackDatedEntryChangesThePastItIsDatedIn() throws {
        // Given an update recorded now but effective 2020-12-05, before a later one on 2020-12-20
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-20", stage: .toppedOut), context: context())
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-05", stage: .construction), context: context())
        // Then each day reads the entry in force on it, whatever the recording order
        let stages = try ["2020-12-04", "2020-12-05", "2020-12-19", "2020-12-20"].map {
            try ledger.listProjects(asOf: day($0)).cell("stage", code: "P5")?.plain
        }
        #expect(stages == ["开工", "在建", "在建", "结顶"])
    }

    @Test func aLaterEditDoesNotRewriteAnEarlierDay() throws {
        // Given P5 renamed, re-kinded and given an investment effective 2020-12-05
        let ledger = try seededCopy()
        var edit = ProjectEdit(on: day("2020-12-05"))
        edit.name = "台邦减速器"
        edit.kind = .platform
        edit.investment = try Money.parse("9亿元")
        try ledger.editProject("P5", edit, context: context())
        // Then from that day the list shows the new values
        let after = try ledger.listProjects(asOf: day("2020-12-05"))
        #expect(after.cell("name", code: "P5") == .text("台邦减速器"))
        #expect(after.cell("investment_wan", code: "P5") == .number("90000"))
        // And the monthly sheet as of the day before shows P5 as it was (as the sheet does)
        let november = try ledger.sheet(month: Month(year: 2020, month: 11)!, today: day("2026-11-29"), generatedAt: "x")
        #expect(november.table("projects").cell("name", code: "P5") == .text("台邦精密减速器项目"))
        #expect(november.table("projects").cell("kind", code: "P5")?.plain == "工业")
        // And so should the list as of the day before
        let before = try ledger.listProjects(asOf: day("2020-12-04"))
        #expect(before.cell("name", code: "P5") == .text("台邦精密减速器项目"))
        #expect(before.cell("kind", code: "P5")?.plain == "工业")
        #expect(before.cell("investment_wan", code: "P5") == .empty)
    }

    @Test(arguments: [("2020-10-30", 0), ("2020-10-31", 4), ("2020-11-29", 4), ("2020-11-30", 36)])
    func onlyWhatExistedByTheDayIsListed(asOf: String, count: Int) throws {
        // P1–P4 were recorded on 2020-10-31, the rest on 2020-11-30
        let ledger = try seededCopy()
        #expect(try ledger.listProjects(asOf: day(asOf)).rows.count == count)
    }

    @Test func somethingAddedLaterIsAbsentFromEarlierLists() throws {
        // Given a park, a tenant, a parcel and a project added on 2020-12-10
        let ledger = try seededCopy()
        try addPark(ledger, "新园区", on: "2020-12-10")
        try addTenant(ledger, "新企业", park: "新园区", on: "2020-12-10")
        try addParcel(ledger, "新地块", on: "2020-12-10")
        try addProject(ledger, "新项目", on: "2020-12-10")
        let before = day("2020-12-09"), on = day("2020-12-10")
        // Then none of them is on the lists the day before, and each is on them from that day
        #expect(try !ledger.listParks(asOf: before).codes.contains("Y7"))
        #expect(try ledger.listParks(asOf: on).codes.contains("Y7"))
        #expect(try !ledger.listTenants(asOf: before).codes.contains("E4"))
        #expect(try ledger.listTenants(asOf: on, park: "Y7").codes == ["E4"])
        #expect(try ledger.listParks(asOf: before).rows.count == 6)
        #expect(try !ledger.listParcels(asOf: before).codes.contains("L2"))
        #expect(try ledger.listParcels(asOf: on).codes.contains("L2"))
        #expect(try !ledger.listProjects(asOf: before).codes.contains("P37"))
        #expect(try ledger.listProjects(asOf: on).codes.contains("P37"))
        // And a park counts only the tenants that existed by the day
        #expect(try ledger.listParks(asOf: on).cell("tenants_listed", code: "Y7") == .integer(1))
    }

    @Test func milestonesListedAsOfADay() throws {
        let ledger = try seededCopy()
        try ledger.completeMilestone("M7", on: day("2020-12-10"), note: nil, context: context())
        #expect(try ledger.listMilestones(asOf: day("2020-11-29")).rows.isEmpty)
        #expect(try ledger.listMilestones(asOf: day("2020-12-09"), state: .open).codes.contains("M7"))
        #expect(try ledger.listMilestones(asOf: day("2020-12-10"), state: .done).codes == ["M7"])
        #expect(try !ledger.listMilestones(asOf: day("2020-12-10"), state: .open).codes.contains("M7"))
        // Listed by due date: M7 (2020-12-31) first, M3 (2021-02-11) next
        #expect(try ledger.listMilestones(asOf: day("2020-12-01")).codes.prefix(2) == ["M7", "M3"])
    }

    // MARK: History

    /// P1 added 2021-01-01; updated 02-01 and 03-01; a note back-dated to 01-15 recorded last. Another project on 02-10.
    private func historyLedger() throws -> Ledger {
        let ledger = try emptyLedger()
        try addProject(ledger, "甲", on: "2021-01-01") { $0.note = "立项" }
        try ledger.updateProject("P1", projectUpdate(on: "2021-02-01", stage: .preliminary, note: "二月"), context: context(author: "李"))
        try ledger.updateProject("P1", projectUpdate(on: "2021-03-01", stage: .started, progress: 5, note: "三月"), context: context())
        try ledger.updateProject("P1", projectUpdate(on: "2021-01-15", note: "补记"), context: context())
        try addProject(ledger, "乙", on: "2021-02-10")
        return ledger
    }

    private func notes(_ table: Table) -> [String] { table.column("note").map(\.plain) }

    @Test func historyIsNewestFirst() throws {
        let ledger = try historyLedger()
        let table = try ledger.history(HistoryQuery())
        #expect(table.column("effective_on").map(\.plain) == ["2021-03-01", "2021-02-10", "2021-02-01", "2021-01-15", "2021-01-01"])
        #expect(notes(table) == ["三月", "", "二月", "补记", "立项"])
        #expect(table.column("author").map(\.plain) == ["测试", "测试", "李", "测试", "测试"])
        #expect(table.column("change").first == .text("阶段：开工；进度：5%"))
        #expect(table.column("action").last?.plain == "新增")
    }

    @Test(arguments: [
        ("2021-01-15", nil, nil, ["三月", "", "二月", "补记"]), (nil, "2021-02-01", nil, ["二月", "补记", "立项"]),
        ("2021-01-15", "2021-02-09", nil, ["二月", "补记"]), (nil, nil, 2, ["三月", ""]),
        ("2021-02-01", nil, 1, ["三月"]), ("2021-03-02", nil, nil, []), (nil, nil, 0, []),
    ] as [(String?, String?, Int?, [String])])
    func historyFilters(since: String?, until: String?, limit: Int?, expected: [String]) throws {
        let ledger = try historyLedger()
        var query = HistoryQuery()
        query.since = since.map(day)
        query.until = until.map(day)
        query.limit = limit
        #expect(notes(try ledger.history(query)) == expected)
    }

    @Test func historyOfOneSubjectIsExactlyItsOwnEntries() throws {
        let ledger = try historyLedger()
        var query = HistoryQuery()
        query.subject = "甲"
        let table = try ledger.history(query)
        #expect(notes(table) == ["三月", "二月", "补记", "立项"])
        #expect(Set(table.column("subject").map(\.plain)) == ["P1 甲"])
        query.subject = "P2"
        #expect(try ledger.history(query).rows.count == 1)
        query.subject = "丙"
        #expect(refusal { _ = try ledger.history(query) }?.contains("找不到") == true)
    }
}
