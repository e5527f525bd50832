import Foundation
import Testing

/// Status history: every update is an appended, dated entry; the state on a day is read from them.
@Suite struct HistoryTests {
    @Test func updatesAppendEntriesShownNewestFirstWithTheAuthor() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let seededEntries = try jsonArray(try sandbox.zl("log", "P5", "--format", "json"))
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--stage", "在建", "--progress", "15", "--note", "已取得施工许可证", "--on", "2020-12-20"))
        // --on defaults to today (pinned by ZONELEDGER_TODAY).
        let today = try sandbox.zl("project", "update", "台邦", "--progress", "30")
        expectSuccess(today)
        #expect(today.stdout.contains("（\(Pinned.today)）"), "\(today)")
        let log = try jsonArray(try sandbox.zl("log", "台邦", "--format", "json"))
        #expect(log.count == seededEntries.count + 2)
        #expect(log.compactMap { $0["effective_on"] as? String } == [Pinned.today, "2020-12-20", "2020-11-30"])
        #expect(log[0]["change"] as? String == "进度：30%")
        #expect(log[1]["change"] as? String == "阶段：在建；进度：15%")
        #expect(log[1]["note"] as? String == "已取得施工许可证")
        #expect(log.prefix(2).allSatisfy { $0["author"] as? String == Pinned.author && $0["action_label"] as? String == "更新" })
        #expect(log.last?["author"] as? String == "工作报告")
        // The seeded entry is untouched: history is only ever appended to.
        #expect(log.last?["id"] as? Int == seededEntries.first?["id"] as? Int)
        // The table says the same, newest first.
        let table = try #require(printedTables(try sandbox.zl("log", "台邦").stdout).first)
        #expect(table.rows.map { table.cell(1, of: $0) } == [Pinned.today, "2020-12-20", "2020-11-30"])
        #expect(table.rows.prefix(2).allSatisfy { table.cell(table.labels.firstIndex(of: "记录人")!, of: $0) == Pinned.author })
        // --by names someone else.
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--note", "代录", "--by", "王科长"))
        #expect(try jsonArray(try sandbox.zl("log", "台邦", "--limit", "1", "--format", "json")).first?["author"] as? String == "王科长")
    }

    @Test func aBackDatedEntryIsAllowedAndSortsByItsDate() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--progress", "40", "--on", "2021-03-01"))
        let backDated = try sandbox.zl("project", "update", "台邦", "--note", "补记：已取得施工许可证", "--on", "2020-12-20")
        expectSuccess(backDated)
        #expect(backDated.stdout.contains("（2020-12-20）"))
        let dates = try jsonArray(try sandbox.zl("log", "P5", "--format", "json")).compactMap { $0["effective_on"] as? String }
        #expect(dates == ["2021-03-01", "2020-12-20", "2020-11-30"])
        // Before the subject entered the ledger is refused.
        expectRefusal(try sandbox.zl("project", "update", "台邦", "--note", "太早", "--on", "2020-11-29"), 65, ["2020-11-29"])
    }

    @Test func aStageGoingBackwardsNeedsCorrection() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--stage", "在建", "--on", "2020-12-20"))
        let before = try sandbox.contents()
        expectRefusal(try sandbox.zl("project", "update", "台邦", "--stage", "开工"), 65, ["在建", "开工", "倒退", "--correction"])
        expectRefusal(try sandbox.zl("project", "update", "台邦", "--stage", "started"), 65, ["倒退"])
        #expect(try sandbox.contents() == before)
        let corrected = try sandbox.zl("project", "update", "台邦", "--stage", "开工", "--correction", "--note", "误报在建")
        expectSuccess(corrected)
        let latest = try #require(try jsonArray(try sandbox.zl("log", "P5", "--limit", "1", "--format", "json")).first)
        #expect(latest["correction"] as? Bool == true)
        #expect(latest["change"] as? String == "阶段：开工")
        #expect(try jsonObject(try sandbox.zl("project", "show", "P5", "--format", "json"))["stage_label"] as? String == "开工")
        // Progress going backwards is refused the same way.
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--progress", "50"))
        expectRefusal(try sandbox.zl("project", "update", "台邦", "--progress", "20"), 65, ["--correction"])
    }

    @Test func showAsOfADayIgnoresLaterEntries() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--stage", "在建", "--progress", "15", "--on", "2020-12-20"))
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--stage", "结顶", "--progress", "60", "--on", "2021-06-30"))
        func state(_ asOf: String?) throws -> (String?, Int?) {
            let extra = asOf.map { ["--as-of", $0] } ?? []
            let project = try jsonObject(try sandbox.run(["project", "show", "台邦", "--format", "json", "--db", sandbox.ledger] + extra))
            return (project["stage_label"] as? String, project["progress"] as? Int)
        }
        #expect(try state("2020-11-30") == ("开工", nil))
        #expect(try state("2020-12-20") == ("在建", 15))
        #expect(try state("2021年3月") == ("在建", 15))
        #expect(try state(nil) == ("结顶", 60))
        let table = try sandbox.zl("project", "show", "台邦", "--as-of", "2020-11-30")
        #expect(table.lines.contains { $0.hasPrefix("阶段") && $0.hasSuffix("  开工") }, "\(table)")
        #expect(!table.lines.contains { $0.hasPrefix("进度%") }, "\(table)")
        let list = try #require(printedTables(try sandbox.zl("project", "list", "--as-of", "2020-12-31").stdout).first)
        #expect(list.cell("阶段", row: "P5") == "在建")
        #expect(list.cell("进度%", row: "P5") == "15")
    }
}
