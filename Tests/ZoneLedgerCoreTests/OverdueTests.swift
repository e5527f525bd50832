import Testing
@testable import ZoneLedgerCore

@Suite struct OverdueTests {
    private func report(_ ledger: Ledger, asOf: String, within: Int? = nil, kind: SubjectKind? = nil, park: String? = nil) throws -> OverdueReport {
        var query = OverdueQuery(asOf: day(asOf))
        query.within = within
        query.kind = kind
        query.park = park
        return try ledger.overdue(query)
    }

    /// One project (P1, created 2021-01-01) with milestone M1 due on `dueText`.
    private func oneMilestone(due dueText: String) throws -> Ledger {
        let ledger = try emptyLedger()
        try addProject(ledger, "甲")
        try addMilestone(ledger, "完成", about: .project, "P1", due: dueText, on: "2021-01-01")
        return ledger
    }

    @Test(arguments: [("2021-03-09", nil), ("2021-03-10", nil), ("2021-03-11", 1), ("2021-04-10", 31)] as [(String, Int?)])
    func aMilestoneIsOverdueFromTheDayAfterItsDueDay(asOf: String, days: Int?) throws {
        // Given M1 due 2021-03-10
        let ledger = try oneMilestone(due: "2021-03-10")
        // Then it is not overdue on its due day, and overdue by n days n days after
        let overdue = try report(ledger, asOf: asOf).overdue
        #expect(overdue.map(\.daysOverdue) == (days.map { [$0] } ?? []))
    }

    @Test func aPeriodIsDueOnItsLastDay() throws {
        // Given M1 due 2021年2月
        let ledger = try oneMilestone(due: "2021年2月")
        #expect(try report(ledger, asOf: "2021-02-28").overdue.isEmpty)
        let line = try #require(try report(ledger, asOf: "2021-03-01").overdue.first)
        #expect(line.dueOn == day("2021-02-28"))
        #expect(line.dueText == "2021年2月")
        #expect(line.daysOverdue == 1)
    }

    @Test(arguments: [(9, ["M1"]), (8, []), (0, [])] as [(Int, [String])])
    func withinListsWhatIsDueSoon(within: Int, codes: [String]) throws {
        // Given M1 due 2021-03-10, as of 2021-03-01
        let ledger = try oneMilestone(due: "2021-03-10")
        let result = try report(ledger, asOf: "2021-03-01", within: within)
        #expect(result.dueSoon.map(\.code) == codes)
        #expect(result.dueSoon.map(\.daysOverdue) == codes.map { _ in -9 })
        #expect(result.overdue.isEmpty)
    }

    @Test func dueTodayIsDueSoonNotOverdue() throws {
        let ledger = try oneMilestone(due: "2021-03-10")
        let result = try report(ledger, asOf: "2021-03-10", within: 0)
        #expect(result.dueSoon.map(\.daysOverdue) == [0])
        #expect(result.overdue.isEmpty)
        #expect(failure { _ = try report(ledger, asOf: "2021-03-10", within: -1) }?.kind == .usage)
    }

    /// Park Y1 with tenant E1, project P1 in Y1 on parcel L1; park Y2 with its own project P2. One milestone on each, all due 2021-02-01.
    private func twoParks() throws -> Ledger {
        let ledger = try emptyLedger()
        try addPark(ledger, "东园")
        try addPark(ledger, "西园")
        try addTenant(ledger, "东企", park: "东园")
        try addParcel(ledger, "东地")
        try addProject(ledger, "东项目") { $0.park = "东园"; $0.parcel = "东地" }
        try addProject(ledger, "西项目") { $0.park = "西园" }
        try addMilestone(ledger, "园区节点", about: .park, "Y1", due: "2021-02-01")
        try addMilestone(ledger, "企业节点", about: .tenant, "E1", due: "2021-02-01")
        try addMilestone(ledger, "项目节点", about: .project, "P1", due: "2021-02-01")
        try addMilestone(ledger, "地块节点", about: .parcel, "L1", due: "2021-02-01")
        try addMilestone(ledger, "西园节点", about: .park, "Y2", due: "2021-02-01")
        try addMilestone(ledger, "西项目节点", about: .project, "P2", due: "2021-02-01")
        return ledger
    }

    @Test(arguments: [
        (nil, nil, ["M1", "M2", "M3", "M4", "M5", "M6"]), (SubjectKind.park, nil, ["M1", "M5"]), (.project, nil, ["M3", "M6"]),
        (.tenant, nil, ["M2"]), (.parcel, nil, ["M4"]), (nil, "东园", ["M1", "M2", "M3", "M4"]), (nil, "Y2", ["M5", "M6"]),
        (.project, "东园", ["M3"]),
    ] as [(SubjectKind?, String?, [String])])
    func kindAndParkFilters(kind: SubjectKind?, park: String?, codes: [String]) throws {
        let ledger = try twoParks()
        #expect(try report(ledger, asOf: "2021-02-02", kind: kind, park: park).overdue.map(\.code) == codes)
    }

    @Test func anUnknownParkIsRefused() throws {
        let ledger = try twoParks()
        #expect(refusal { _ = try report(ledger, asOf: "2021-02-02", park: "南园") }?.contains("找不到园区“南园”") == true)
    }

    @Test func aRescheduledMilestoneShowsItsOriginalDueAndCount() throws {
        // Given M1 due 2021-03-10, moved to 2021-04-30 and then to 2021年5月
        let ledger = try oneMilestone(due: "2021-03-10")
        try ledger.rescheduleMilestone("M1", to: due("2021-04-30"), on: day("2021-03-05"), reason: "设计变更", context: context())
        try ledger.rescheduleMilestone("M1", to: due("2021年5月"), on: day("2021-04-20"), reason: "材料延误", context: context())
        // Then as of 2021-03-11 it is not overdue (moved before it fell due)
        #expect(try report(ledger, asOf: "2021-03-11").overdue.isEmpty)
        // And as of 2021-06-02 it is overdue by two days against the latest due date, with its history
        let line = try #require(try report(ledger, asOf: "2021-06-02").overdue.first)
        #expect(line.dueOn == day("2021-05-31"))
        #expect(line.dueText == "2021年5月")
        #expect(line.originalDueOn == day("2021-03-10"))
        #expect(line.originalDueText == "2021-03-10")
        #expect(line.reschedules == 2)
        #expect(line.daysOverdue == 2)
        #expect(line.latestNote == "材料延误")
        #expect(line.latestOn == day("2021-04-20"))
    }

    @Test(arguments: ["done", "cancel"])
    func aClosedMilestoneLeavesTheListFromTheDayItClosed(how: String) throws {
        // Given M1 due 2021-03-10, closed on 2021-03-20
        let ledger = try oneMilestone(due: "2021-03-10")
        if how == "done" {
            try ledger.completeMilestone("M1", on: day("2021-03-20"), note: nil, context: context())
        } else {
            try ledger.cancelMilestone("M1", on: day("2021-03-20"), reason: "不再需要", context: context())
        }
        // Then it was overdue the day before, and is gone from that day on
        #expect(try report(ledger, asOf: "2021-03-19").overdue.map(\.daysOverdue) == [9])
        #expect(try report(ledger, asOf: "2021-03-20").overdue.isEmpty)
        #expect(try report(ledger, asOf: "2022-01-01").overdue.isEmpty)
        // And reopening brings it back
        try ledger.reopenMilestone("M1", on: day("2021-04-01"), reason: "返工", context: context())
        #expect(try report(ledger, asOf: "2021-04-01").overdue.map(\.daysOverdue) == [22])
    }

    @Test func equalDaysAreOrderedByCodeNumber() throws {
        // Given eleven milestones M1…M11, all due 2021-03-10
        let ledger = try emptyLedger()
        try addProject(ledger, "甲")
        for n in 1...11 { try addMilestone(ledger, "节点\(n)", about: .project, "P1", due: "2021-03-10") }
        let expected = (1...11).map { "M\($0)" }
        // Then the overdue list runs M1, M2, …, M10, M11
        #expect(try report(ledger, asOf: "2021-03-11").overdue.map(\.code) == expected)
        // And so should the due-soon list and the sheet's overdue section
        let soon = try report(ledger, asOf: "2021-03-01", within: 30).dueSoon.map(\.code)
        let sheet = try ledger.sheet(month: Month(year: 2021, month: 3)!, today: day("2021-03-11"), generatedAt: "x")
        #expect(soon == expected)
        #expect(sheet.table("overdue").codes == expected)
    }

    // MARK: Behind the straight line

    /// A project planned 2021-01-01 → 2021-12-31 (364 days) at `progress` on 2021-07-01.
    private func planned(progress: Int?, stage: ProjectStage = .construction) throws -> Ledger {
        let ledger = try emptyLedger()
        try addProject(ledger, "甲", on: "2020-12-01") {
            $0.plannedStart = day("2021-01-01")
            $0.plannedCompletion = day("2021-12-31")
            $0.stage = .started
        }
        try ledger.updateProject("P1", projectUpdate(on: "2021-07-01", stage: stage, progress: progress, note: "七月"), context: context())
        return ledger
    }

    @Test(arguments: [(49, true), (50, false), (100, false), (0, true)])
    func behindIsBelowTheStraightLineExactly(progress: Int, behind: Bool) throws {
        // As of 2021-07-02, 182 of 364 days have passed: exactly 50% is expected
        let ledger = try planned(progress: progress)
        let lines = try report(ledger, asOf: "2021-07-02").behind
        #expect(lines.map(\.code) == (behind ? ["P1"] : []))
        if behind {
            #expect(lines.first?.expectedPercent == 50)
            #expect(lines.first?.progress == progress)
            #expect(lines.first?.latestNote == "七月")
        }
    }

    @Test func behindBoundaries() throws {
        let ledger = try planned(progress: 100, stage: .toppedOut)
        // Nothing is expected on the planned start day; after completion 100% is expected
        #expect(try report(ledger, asOf: "2021-01-01").behind.isEmpty)
        #expect(try report(ledger, asOf: "2022-06-01").behind.isEmpty)
        let none = try planned(progress: nil)
        #expect(try report(none, asOf: "2021-01-01").behind.isEmpty)
        #expect(try report(none, asOf: "2021-01-02").behind.map(\.progress) == [0])
        let late = try report(none, asOf: "2022-06-01").behind
        #expect(late.map(\.expectedPercent) == [100])
    }

    @Test(arguments: [ProjectStage.completed, .operating])
    func aCompletedProjectIsNeverBehind(stage: ProjectStage) throws {
        let ledger = try planned(progress: 10, stage: stage)
        #expect(try report(ledger, asOf: "2021-07-02").behind.isEmpty)
    }

    @Test func behindFollowsTheKindAndParkFilters() throws {
        let ledger = try planned(progress: 10)
        #expect(try report(ledger, asOf: "2021-07-02", kind: .park).behind.isEmpty)
        #expect(try report(ledger, asOf: "2021-07-02", kind: .project).behind.count == 1)
        try addPark(ledger, "东园")
        #expect(try report(ledger, asOf: "2021-07-02", park: "东园").behind.isEmpty)
    }

    // MARK: The seeded ledger

    @Test func seededNothingOverdueOnTheReportDay() throws {
        let ledger = try seededCopy()
        let result = try report(ledger, asOf: "2020-11-30")
        #expect(result.isEmpty)
    }

    @Test func seededM7IsOverdueOnNewYearsDay() throws {
        let ledger = try seededCopy()
        let overdue = try report(ledger, asOf: "2021-01-01").overdue
        #expect(overdue.map(\.code) == ["M7"])
        #expect(overdue.first?.daysOverdue == 1)
        #expect(overdue.first?.dueText == "2021年1月前")
        #expect(overdue.first?.dueOn == day("2020-12-31"))
        #expect(overdue.first?.subjectCode == "P31")
    }

    @Test func seededAllSevenOverdueAYearLaterMostOverdueFirst() throws {
        let ledger = try seededCopy()
        let overdue = try report(ledger, asOf: "2022-01-01").overdue
        #expect(overdue.map(\.code) == ["M7", "M3", "M4", "M6", "M1", "M2", "M5"])
        #expect(overdue.map(\.daysOverdue) == [366, 324, 307, 215, 1, 1, 1])
    }
}
