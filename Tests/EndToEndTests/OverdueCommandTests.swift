import Foundation
import Testing

/// overdue: 逾期 (open milestones due before the as-of day), 预警 (--within), 滞后 (behind the plan),
/// on the seeded ledger, whose open milestones are
///   M7 P31 2021年1月前 → 2020-12-31, M3 Y5 春节前 → 2021-02-11, M4 Y5 2021年2月 → 2021-02-28,
///   M6 P28 2021年春季 → 2021-05-31, M1 Y1 / M2 Y4 / M5 Y5 → 2021-12-31.
@Suite struct OverdueCommandTests {
    /// `overdue --format json ARGS`, read in order.
    static func report(_ sandbox: Sandbox, _ arguments: String...) throws -> JSONNode {
        let outcome = try sandbox.run(["overdue", "--format", "json", "--db", sandbox.ledger] + arguments)
        #expect(outcome.status == 0 || outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.isEmpty, "\(outcome)")
        return try JSONNode.parse(outcome.stdoutData)
    }

    static func codes(_ report: JSONNode, _ section: String = "overdue") -> [String] {
        (report[section]?.items ?? []).compactMap { $0["code"]?.string }
    }

    static func column(_ report: JSONNode, _ section: String, _ key: String) -> [String] {
        (report[section]?.items ?? []).map { $0[key]?.cellText(.plain) ?? "<missing \(key)>" }
    }

    @Test func nothingIsOverdueOnTheReportsDay() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let text = try sandbox.zl("overdue", "--as-of", "2020-11-30")
        expectSuccess(text)
        #expect(text.lines.first == "逾期节点（截至2020-11-30）：0项", "\(text)")
        #expect(text.stdout.contains("滞后项目：0项"), "\(text)")
        #expect(printedTables(text.stdout).isEmpty, "no table when nothing is listed: \(text)")
        let json = try Self.report(sandbox, "--as-of", "2020-11-30")
        #expect(json["as_of"]?.string == "2020-11-30")
        #expect(json["overdue"] == .array([]))
        #expect(json["behind"] == .array([]))
    }

    @Test func dueOnTheAsOfDayIsNotOverdueTheNextDayIs() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        // M7 is due 2021年1月前, the day before January: 2020-12-31.
        let onTheDay = try sandbox.zl("overdue", "--as-of", "2020-12-31")
        expectSuccess(onTheDay)
        #expect(onTheDay.lines.first == "逾期节点（截至2020-12-31）：0项", "\(onTheDay)")
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2020-12-31")).isEmpty)

        let dayAfter = try sandbox.zl("overdue", "--as-of", "2021-01-01")
        expectSuccess(dayAfter)
        #expect(dayAfter.lines.first == "逾期节点（截至2021-01-01）：1项", "\(dayAfter)")
        let table = try #require(printedTables(dayAfter.stdout).first, "\(dayAfter)")
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)\n\(dayAfter.stdout)")
        #expect(table.rows.count == 1)
        #expect(table.cell("对象", row: "M7") == "项目 P31 盐盆九个村乐海围垦区安置工业返回地项目")
        #expect(table.cell("节点", row: "M7") == "三个地块全部竣工投产")
        #expect(table.cell("到期(原话)", row: "M7") == "2021年1月前")
        #expect(table.cell("到期日", row: "M7") == "2020-12-31")
        #expect(table.cell("逾期天数", row: "M7") == "1")

        let json = try Self.report(sandbox, "--as-of", "2021-01-01")
        #expect(Self.codes(json) == ["M7"])
        let m7 = try #require(json["overdue"]?.items.first)
        #expect(m7["due_text"]?.string == "2021年1月前")
        #expect(m7["due_on"]?.string == "2020-12-31")
        #expect(m7["days_overdue"]?.literal == "1")
        #expect(m7["reschedules"]?.literal == "0")
        #expect(m7["milestone"]?.string == "三个地块全部竣工投产")
    }

    @Test func mostOverdueFirstWithExactDayCounts() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let json = try Self.report(sandbox, "--as-of", "2021-03-01")
        #expect(Self.codes(json) == ["M7", "M3", "M4"])
        #expect(Self.column(json, "overdue", "days_overdue") == ["60", "18", "1"])
        #expect(Self.column(json, "overdue", "due_text") == ["2021年1月前", "春节前", "2021年2月"])
        #expect(Self.column(json, "overdue", "due_on") == ["2020-12-31", "2021-02-11", "2021-02-28"])
        #expect(Self.column(json, "overdue", "subject") == ["项目 P31 盐盆九个村乐海围垦区安置工业返回地项目",
                                                            "园区 Y5 __博通小微园", "园区 Y5 __博通小微园"])
        let text = try sandbox.zl("overdue", "--as-of", "2021-03-01")
        expectSuccess(text)
        #expect(text.lines.first == "逾期节点（截至2021-03-01）：3项")
        let table = try #require(printedTables(text.stdout).first, "\(text)")
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)\n\(text.stdout)")
        #expect(table.rows.map { table.cell(0, of: $0) } == ["M7", "M3", "M4"])
        #expect(table.cell("逾期天数", row: "M3") == "18")
        #expect(table.cell("到期日", row: "M4") == "2021-02-28")
        // Without --as-of the day is today (pinned): every seeded milestone is long overdue.
        let today = try Self.report(sandbox)
        #expect(today["as_of"]?.string == Pinned.today)
        #expect(Set(Self.codes(today)) == ["M1", "M2", "M3", "M4", "M5", "M6", "M7"])
    }

    @Test func withinListsWhatFallsDueSoon() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let json = try Self.report(sandbox, "--as-of", "2020-12-01", "--within", "90")
        #expect(Self.codes(json).isEmpty)
        #expect(Self.codes(json, "due_soon") == ["M7", "M3", "M4"])
        #expect(Self.column(json, "due_soon", "days_left") == ["30", "72", "89"])
        #expect(json["due_soon"]?.items.first?["days_overdue"] == nil, "due-soon rows count days left, not days overdue")
        let text = try sandbox.zl("overdue", "--as-of", "2020-12-01", "--within", "90")
        expectSuccess(text)
        #expect(text.stdout.contains("预警：90天内到期：3项"), "\(text)")
        let table = try #require(printedTables(text.stdout).first, "\(text)")
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.cell("剩余天数", row: "M4") == "89")

        // The as-of day itself is included, and the last day of the window too.
        let dueToday = try Self.report(sandbox, "--as-of", "2020-12-31", "--within", "0")
        #expect(Self.codes(dueToday).isEmpty)
        #expect(Self.codes(dueToday, "due_soon") == ["M7"])
        #expect(Self.column(dueToday, "due_soon", "days_left") == ["0"])
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2020-12-31", "--within", "42"), "due_soon") == ["M7", "M3"])
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2020-12-31", "--within", "41"), "due_soon") == ["M7"])
        // Without --within there is no due-soon section at all.
        #expect(try Self.report(sandbox, "--as-of", "2020-12-01")["due_soon"] == nil)
        expectRefusal(try sandbox.zl("overdue", "--within", "-1"), 64, ["--within"])
    }

    @Test func kindAndParkFilters() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        // A tenant's milestone: E1 百川生物科技 is in Y2 生态智慧岛.
        expectSuccess(try sandbox.zl("milestone", "add", "企业投产", "--tenant", "E1", "--due", "2021-01-31", "--on", "2020-12-01"))
        let all = try Self.report(sandbox, "--as-of", "2021-03-01")
        #expect(Self.codes(all) == ["M7", "M8", "M3", "M4"])

        let parks = try Self.report(sandbox, "--as-of", "2021-03-01", "--kind", "park")
        #expect(Self.codes(parks) == ["M3", "M4"])
        #expect(parks["behind"] == nil, "behind is about projects: no section when filtering parks")
        let projects = try Self.report(sandbox, "--as-of", "2021-03-01", "--kind", "project")
        #expect(Self.codes(projects) == ["M7"])
        #expect(projects["behind"] != nil)
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-03-01", "--kind", "tenant")) == ["M8"])
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-03-01", "--kind", "parcel")).isEmpty)

        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-03-01", "--park", "博通")) == ["M3", "M4"])
        // A park's list includes its tenants' milestones.
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-03-01", "--park", "生态智慧岛")) == ["M8"])
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2022-01-01", "--park", "Y4")) == ["M2"])

        let text = try sandbox.zl("overdue", "--as-of", "2021-03-01", "--kind", "park")
        expectSuccess(text)
        #expect(!text.stdout.contains("滞后项目"), "\(text)")
        expectRefusal(try sandbox.zl("overdue", "--kind", "milestone"), 64, ["--kind"])
        expectRefusal(try sandbox.zl("overdue", "--kind", "building"), 64, ["building"])
        expectRefusal(try sandbox.zl("overdue", "--park", "不存在的园区"), 65, ["不存在的园区"])
    }

    @Test func failIfAnyExitsOneOnlyWhenSomethingIsOverdue() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let overdue = try sandbox.zl("overdue", "--as-of", "2021-01-01", "--fail-if-any")
        #expect(overdue.status == 1, "\(overdue)")
        #expect(overdue.stderr.isEmpty, "the list is the message: \(overdue)")
        #expect(overdue.stdout.contains("M7"), "the list is still printed: \(overdue)")
        let json = try sandbox.zl("overdue", "--as-of", "2021-03-01", "--fail-if-any", "--format", "json")
        #expect(json.status == 1, "\(json)")
        #expect(Self.codes(try JSONNode.parse(json.stdoutData)) == ["M7", "M3", "M4"])

        expectSuccess(try sandbox.zl("overdue", "--as-of", "2020-12-31", "--fail-if-any"))
        // The filters decide what counts: no park milestone is overdue on 2021-01-01.
        expectSuccess(try sandbox.zl("overdue", "--as-of", "2021-01-01", "--fail-if-any", "--kind", "park"))
        // Due soon is not overdue.
        expectSuccess(try sandbox.zl("overdue", "--as-of", "2020-12-31", "--within", "60", "--fail-if-any"))
        // Without the flag, overdue milestones are not an error.
        expectSuccess(try sandbox.zl("overdue", "--as-of", "2021-03-01"))
    }

    @Test func aDoneMilestoneLeavesTheListFromTheDayItWasDone() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("milestone", "done", "M7", "--on", "2021-01-15"))
        let before = try Self.report(sandbox, "--as-of", "2021-01-10")
        #expect(Self.codes(before) == ["M7"], "done later: still overdue on the 10th")
        #expect(Self.column(before, "overdue", "days_overdue") == ["10"])
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-01-14")) == ["M7"])
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-01-15")).isEmpty)
        let after = try sandbox.zl("overdue", "--as-of", "2021-01-20")
        expectSuccess(after)
        #expect(after.lines.first == "逾期节点（截至2021-01-20）：0项", "\(after)")
        expectSuccess(try sandbox.zl("overdue", "--as-of", "2021-01-20", "--fail-if-any"))
        #expect(try sandbox.zl("overdue", "--as-of", "2021-01-10", "--fail-if-any").status == 1)
    }

    @Test func aRescheduleShowsTheOriginalDueDateAndCounts() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("milestone", "reschedule", "M3", "--due", "2021年3月底", "--reason", "验收延后", "--on", "2021-02-01"))
        // On 2021-03-01 M3 is no longer overdue, but due within 30 days.
        let march = try Self.report(sandbox, "--as-of", "2021-03-01", "--within", "30")
        #expect(Self.codes(march) == ["M7", "M4"])
        let soon = try #require(march["due_soon"]?.items.first { $0["code"]?.string == "M3" }, "\(march)")
        #expect(soon["due_text"]?.string == "2021年3月底")
        #expect(soon["due_on"]?.string == "2021-03-31")
        #expect(soon["days_left"]?.literal == "30")
        #expect(soon["reschedules"]?.literal == "1")
        #expect(soon["original_due_on"]?.string?.contains("2021-02-11") == true, "\(soon)")
        #expect(soon["latest_on"]?.string == "2021-02-01")
        #expect(soon["latest_note"]?.string == "验收延后")

        expectSuccess(try sandbox.zl("milestone", "reschedule", "M3", "--due", "2021年4月上旬", "--reason", "再延", "--on", "2021-03-20"))
        let april = try sandbox.zl("overdue", "--as-of", "2021-04-15")
        expectSuccess(april)
        let table = try #require(printedTables(april.stdout).first, "\(april)")
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.cell("到期(原话)", row: "M3") == "2021年4月上旬")
        #expect(table.cell("到期日", row: "M3") == "2021-04-10")
        #expect(table.cell("逾期天数", row: "M3") == "5")
        #expect(table.cell("改期次数", row: "M3") == "2")
        #expect(table.cell("原定到期(原话)", row: "M3") == "春节前")
        #expect(table.cell("原定到期日", row: "M3") == "2021-02-11")
        #expect(table.cell("改期次数", row: "M4") == "0")
        #expect(table.cell("原定到期日", row: "M4") == "")
        // As of a day before the reschedules, the original promise stands.
        let january = try Self.report(sandbox, "--as-of", "2021-01-31", "--within", "30")
        let then = try #require(january["due_soon"]?.items.first { $0["code"]?.string == "M3" }, "\(january)")
        #expect(then["due_on"]?.string == "2021-02-11")
        #expect(then["reschedules"]?.literal == "0")
        #expect(then["original_due_on"] == .null)
    }

    @Test func originalDueOnIsTheSameDayAsInMilestoneList() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("milestone", "reschedule", "M3", "--due", "2021年3月底", "--reason", "验收延后", "--on", "2021-02-01"))
        let list = try jsonArray(try sandbox.zl("milestone", "list", "--format", "json", "--as-of", "2021-04-05"))
        let listed = try #require(list.first { $0["code"] as? String == "M3" })
        #expect(listed["original_due_on"] as? String == "2021-02-11")
        let report = try Self.report(sandbox, "--as-of", "2021-04-05")
        let row = try #require(report["overdue"]?.items.first { $0["code"]?.string == "M3" }, "\(report)")
        // The same snake_case key means the same thing in every command's JSON: a day.
        #expect(row["original_due_on"]?.string == "2021-02-11")
    }

    @Test func jsonAndCSVCarryTheSameRows() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("milestone", "reschedule", "M4", "--due", "2021年2月中旬", "--reason", "设备迟到", "--on", "2021-01-20"))
        let arguments = ["overdue", "--as-of", "2021-03-01", "--within", "120"]
        let jsonOutcome = try sandbox.run(arguments + ["--format", "json", "--db", sandbox.ledger])
        expectSuccess(jsonOutcome)
        let json = try JSONNode.parse(jsonOutcome.stdoutData)
        #expect(json.members.map(\.key) == ["as_of", "overdue", "due_soon", "behind", "overdue_problems"])
        #expect(nonSnakeCaseKeys(try parseJSON(jsonOutcome)).isEmpty)
        #expect(json["as_of"]?.string == "2021-03-01")
        #expect(json["overdue"]?.items.first?.members.map(\.key) == [
            "code", "subject", "milestone", "due_text", "due_on", "days_overdue", "reschedules",
            "original_due_text", "original_due_on", "latest_on", "latest_note", "department",
        ])
        #expect(Self.codes(json, "due_soon") == ["M6"])
        // Chinese unescaped.
        #expect(jsonOutcome.stdout.contains("春节前") && !jsonOutcome.stdout.contains("\\u"))

        let csv = try sandbox.run(arguments + ["--format", "csv", "--db", sandbox.ledger])
        expectSuccess(csv)
        #expect(csvProblems(csv.stdoutData).isEmpty, "\(csvProblems(csv.stdoutData))")
        let sections = csvSections(csv.stdoutData)
        #expect(sections.map(\.title) == ["逾期节点（截至2021-03-01）", "预警：120天内到期", "滞后项目", "逾期问题（期限已过仍未解决）"])
        for (section, key) in zip(sections, ["overdue", "due_soon", "behind"]) {
            let rows = (json[key]?.items ?? []).map(\.members)
            #expect(section.header.count == (key == "behind" ? 9 : 12), "\(section.header)")
            let mismatches = cellMismatches(section.rows, rows, format: .csv, section: key)
            #expect(mismatches.isEmpty, "\(mismatches)")
        }
        #expect(sections.first?.header.first == "编号")
        #expect(sections.first?.rows.map { $0[0] } == ["M7", "M3", "M4"])
        #expect(sections.first?.rows.first { $0[0] == "M4" }?[5] == "9", "days overdue in CSV")
        #expect(sections.first?.rows.first { $0[0] == "M4" }?[6] == "1", "reschedules in CSV")
        #expect(sections.first?.rows.first { $0[0] == "M4" }?[7] == "2021年2月", "original due, as promised, in CSV")
        #expect(sections.first?.rows.first { $0[0] == "M4" }?[8] == "2021-02-28", "original due day in CSV")
    }

    @Test func aProjectBelowItsPlannedLineIsBehind() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let added = try sandbox.zl("project", "add", "慢项目", "--kind", "工业", "--planned-start", "2021-01-01",
                                   "--planned-completion", "2021-12-31", "--department", "经发局", "--on", "2021-01-01")
        expectSuccess(added)
        let code = String(try #require(added.stdout.firstMatch(of: /已新增项目 (P\d+) 慢项目/)?.output.1, "\(added)"))
        expectSuccess(try sandbox.zl("project", "update", code, "--stage", "在建", "--progress", "10", "--note", "进度慢", "--on", "2021-03-01"))

        let july = try Self.report(sandbox, "--as-of", "2021-07-01")
        let behind = try #require(july["behind"]?.items.first { $0["code"]?.string == code }, "\(july)")
        #expect(behind["project"]?.string == "慢项目")
        #expect(behind["planned_start"]?.string == "2021-01-01")
        #expect(behind["planned_completion"]?.string == "2021-12-31")
        // 181 of 364 days: 49% expected, 10% done.
        #expect(behind["expected_percent"]?.literal == "49")
        #expect(behind["progress"]?.literal == "10")
        #expect(behind["latest_on"]?.string == "2021-03-01")
        #expect(behind["latest_note"]?.string == "进度慢")
        #expect(behind["department"]?.string == "经发局")
        let text = try sandbox.zl("overdue", "--as-of", "2021-07-01")
        expectSuccess(text)
        #expect(text.stdout.contains("滞后项目：1项"), "\(text)")
        let table = try #require(printedTables(text.stdout).last, "\(text)")
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.cell("项目", row: code) == "慢项目")
        #expect(table.cell("应达进度%", row: code) == "49")
        #expect(table.cell("实际进度%", row: code) == "10")
        // Not before its planned start, and not for a park filter it is not in.
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-01-01"), "behind").isEmpty)
        #expect(Self.codes(try Self.report(sandbox, "--as-of", "2021-07-01", "--park", "博通"), "behind").isEmpty)
        // --fail-if-any is about overdue milestones, not projects behind: with M7 done, on 2021-03-01
        // no project milestone is overdue while the project is behind (10% done, 16% expected).
        expectSuccess(try sandbox.zl("milestone", "done", "M7", "--on", "2021-01-05"))
        let failIfAny = try sandbox.zl("overdue", "--as-of", "2021-03-01", "--kind", "project", "--fail-if-any", "--format", "json")
        expectSuccess(failIfAny)
        let march = try JSONNode.parse(failIfAny.stdoutData)
        #expect(Self.codes(march).isEmpty)
        #expect(Self.codes(march, "behind") == [code])
        #expect(Self.column(march, "behind", "expected_percent") == ["16"])
    }

    @Test func behindIsExactAtTheLine() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        // Ten days of plan; on the 6th, half the time has passed.
        for (name, progress) in [("恰好项目", "50"), ("差一点项目", "49")] {
            expectSuccess(try sandbox.zl("project", "add", name, "--kind", "工业", "--planned-start", "2021-01-01",
                                         "--planned-completion", "2021-01-11", "--on", "2021-01-01"))
            expectSuccess(try sandbox.zl("project", "update", name, "--progress", progress, "--on", "2021-01-02"))
        }
        let names = { (report: JSONNode) in Self.column(report, "behind", "project") }
        let sixth = try Self.report(sandbox, "--as-of", "2021-01-06")
        #expect(names(sixth) == ["差一点项目"], "progress × span < elapsed × 100: 49×10 < 500, 50×10 is not")
        #expect(Self.column(sixth, "behind", "expected_percent") == ["50"])
        // A completed project is never behind, whatever its progress says; on the 8th the line is at 70%.
        expectSuccess(try sandbox.zl("project", "update", "差一点项目", "--stage", "竣工", "--on", "2021-01-07"))
        let eighth = try Self.report(sandbox, "--as-of", "2021-01-08")
        #expect(names(eighth) == ["恰好项目"])
        #expect(Self.column(eighth, "behind", "expected_percent") == ["70"])
        // Past the planned completion, the line is at 100%.
        let late = try Self.report(sandbox, "--as-of", "2021-02-01")
        #expect(names(late) == ["恰好项目"])
        #expect(Self.column(late, "behind", "expected_percent") == ["100"])
    }

    @Test func anImpossibleAsOfDayIsRefusedAndTheLedgerIsUntouched() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        expectRefusal(try sandbox.zl("overdue", "--as-of", "2021-02-30"), 65, ["2021-02-30", "只有28天"])
        expectRefusal(try sandbox.zl("overdue", "--as-of", "2021-02-30", "--fail-if-any"), 65, ["只有28天"])
        expectRefusal(try sandbox.zl("overdue", "--as-of", "下下周", "--format", "json"), 65, ["下下周"])
        #expect(sandbox.bytes() == before, "a read leaves the ledger byte-identical")
    }
}
