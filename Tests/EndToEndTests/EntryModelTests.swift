import Foundation
import Testing

/// Every fact is a dated entry: what an edit says it changed, edits that change nothing, a subject
/// before it existed, the ledger as it stood at a moment of recording (`--as-recorded`), the
/// sheet's corrections, a milestone's own department, the show fields, and `rebuild`.
@Suite struct EntryModelTests {
    static func latestChange(_ sandbox: Sandbox, _ ref: String) throws -> String? {
        try jsonArray(try sandbox.zl("log", ref, "--limit", "1", "--format", "json")).first?["change"] as? String
    }

    // MARK: - Change text

    @Test func anEditSaysWhatChangedInWordsFromTheValueOnItsDay() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let project = try sandbox.zl("project", "edit", "P5", "--name", "台邦二期", "--investment", "3亿元", "--park", "博通", "--on", "2020-12-05")
        expectSuccess(project)
        #expect(project.stdout == "已记录 P5 台邦二期（2020-12-05）：名称：台邦精密减速器项目 → 台邦二期；总投资：（空） → 3亿元；园区：（空） → Y5\n")
        #expect(try Self.latestChange(sandbox, "P5") == "名称：台邦精密减速器项目 → 台邦二期；总投资：（空） → 3亿元；园区：（空） → Y5")
        let parcel = try sandbox.zl("parcel", "edit", "L1", "--area", "200", "--on", "2020-12-05")
        expectSuccess(parcel)
        #expect(parcel.stdout.hasSuffix("：面积：144.73亩 → 200亩\n"), "\(parcel)")
        let park = try sandbox.zl("park", "edit", "Y4", "--floor-area", "400000", "--on", "2020-12-05")
        expectSuccess(park)
        #expect(park.stdout.hasSuffix("：建筑面积：375000平方米 → 400000平方米\n"), "\(park)")
        let moved = try sandbox.zl("project", "edit", "P36", "--park", "Y5", "--on", "2020-12-05")
        expectSuccess(moved)
        #expect(moved.stdout.hasSuffix("：园区：Y1 → Y5\n"), "\(moved)")

        // The old value is the one on the edit's own day, not today's: a back-dated edit before
        // the 2021 investment was set says it was empty then.
        expectSuccess(try sandbox.zl("project", "edit", "P6", "--investment", "3亿元", "--on", "2021-01-01"))
        let backDated = try sandbox.zl("project", "edit", "P6", "--investment", "4亿元", "--on", "2020-12-10")
        expectSuccess(backDated)
        #expect(backDated.stdout.hasSuffix("：总投资：（空） → 4亿元\n"), "\(backDated)")
        let p6 = { (day: String) in try jsonObject(try sandbox.zl("project", "show", "P6", "--as-of", day, "--format", "json"))["investment_wan"] as? Int }
        #expect(try p6("2020-12-09") == nil)
        #expect(try p6("2020-12-10") == 40000)
        #expect(try p6("2021-01-01") == 30000, "the later entry still wins from its day on")
    }

    @Test func anEditThatChangesNothingOnItsDayIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "edit", "P5", "--department", "经发局", "--on", "2020-12-05"))
        let before = sandbox.bytes()
        let contents = try sandbox.contents()
        expectRefusal(try sandbox.zl("project", "edit", "P5", "--department", "经发局", "--on", "2020-12-06"), 65,
                      ["P5", "在2020-12-06已是这些值：没有要修改的内容"])
        expectRefusal(try sandbox.zl("project", "edit", "台邦", "--name", "台邦精密减速器项目", "--registered", "是"), 65,
                      ["在\(Pinned.today)已是这些值"])
        expectRefusal(try sandbox.zl("parcel", "edit", "L1", "--area", "144.73"), 65, ["已是这些值"])
        // No field at all is a usage error, as before.
        expectRefusal(try sandbox.zl("project", "edit", "P5"), 64, ["没有要修改的内容"])
        #expect(sandbox.bytes() == before, "the ledger is byte-identical")
        #expect(try sandbox.contents() == contents)
        // The same value on a day it did not hold yet is a change.
        expectSuccess(try sandbox.zl("project", "edit", "P5", "--department", "经发局", "--on", "2020-12-01"))
    }

    // MARK: - Before a subject existed

    @Test func showAsOfADayBeforeTheSubjectWasRecordedIsRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        expectRefusal(try sandbox.zl("project", "show", "P5", "--as-of", "2020-10-01"), 65,
                      ["项目P5 台邦精密减速器项目于2020-11-30记入账本，2020-10-01时还不存在"])
        expectRefusal(try sandbox.zl("parcel", "show", "L1", "--as-of", "2020-11-29"), 65, ["L1", "2020-11-30记入账本", "2020-11-29时还不存在"])
        expectRefusal(try sandbox.zl("milestone", "show", "M3", "--as-of", "2020-11-01"), 65, ["M3", "还不存在"])
        #expect(sandbox.bytes() == before)
        // From the day it was recorded on, it shows; P1 entered the ledger a month earlier.
        expectSuccess(try sandbox.zl("project", "show", "P5", "--as-of", "2020-11-30"))
        expectSuccess(try sandbox.zl("project", "show", "P1", "--as-of", "2020-10-31"))
        // A list as of such a day simply leaves it out.
        let listed = try jsonArray(try sandbox.zl("project", "list", "--as-of", "2020-10-31", "--format", "json")).compactMap { $0["code"] as? String }
        #expect(listed == ["P1", "P2", "P3", "P4"])
    }

    // MARK: - Show fields

    @Test func showLabelsFieldsByTheirDescriptors() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        func labels(_ arguments: String...) throws -> [String] {
            let outcome = try sandbox.run(arguments + ["--db", sandbox.ledger])
            expectSuccess(outcome)
            #expect(detailAlignmentProblems(outcome.stdout).isEmpty, "\(outcome)")
            return outcome.lines.dropFirst().prefix { !$0.isEmpty }.compactMap { line in
                line.hasPrefix(" ") ? nil : line.split(separator: " ", maxSplits: 1).first.map(String.init)
            }
        }
        #expect(try labels("park", "show", "Y4") == ["编号", "名称", "类别", "面积(亩)", "容积率", "建筑面积(㎡)", "总投资(万元)",
                                                     "预计年产值(万元)", "主导产业", "记入账本", "最近记录", "报告原文"])
        #expect(try labels("parcel", "show", "L1") == ["编号", "名称", "面积(亩)", "用地性质", "状态", "项目", "记入账本", "最近记录", "报告原文"])
        expectSuccess(try sandbox.zl("milestone", "reschedule", "M3", "--due", "2021年3月底", "--reason", "延后", "--on", "2021-01-10"))
        expectSuccess(try sandbox.zl("milestone", "done", "M3", "--on", "2021-03-20"))
        #expect(try labels("milestone", "show", "M3") == ["编号", "对象", "节点", "到期(原话)", "到期日", "原定到期(原话)", "原定到期日",
                                                          "改期次数", "状态", "完成/取消日", "记入账本", "最近记录", "报告原文"])
        let milestone = try jsonObject(try sandbox.zl("milestone", "show", "M3", "--format", "json"))
        #expect(milestone["state"] as? String == "done" && milestone["state_label"] as? String == "已完成")
        #expect(milestone["closed_on"] as? String == "2021-03-20")
        #expect(milestone["reschedules"] as? Int == 1 && milestone["original_due_text"] as? String == "春节前")
        #expect(milestone["created_on"] as? String == "2020-11-30" && milestone["latest_on"] as? String == "2021-03-20")
        let parcel = try jsonObject(try sandbox.zl("parcel", "show", "L1", "--format", "json"))
        #expect(parcel["projects"] as? String == "P31 盐盆九个村乐海围垦区安置工业返回地项目")
        for kind in [("project", "P5"), ("parcel", "L1"), ("park", "Y5"), ("tenant", "E1"), ("milestone", "M1")] {
            let shown = try jsonObject(try sandbox.zl(kind.0, "show", kind.1, "--format", "json"))
            #expect(shown["created_on"] as? String == "2020-11-30", "\(kind)")
            #expect(shown["latest_on"] is String, "\(kind)")
        }
    }

    // MARK: - A milestone's department

    @Test func aMilestonesOwnDepartmentWinsOverItsProjects() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "edit", "P5", "--department", "经发局", "--on", "2020-12-01"))
        let own = try sandbox.zl("milestone", "add", "取得施工许可证", "--project", "P5", "--due", "2020-12-20", "--department", "建设局", "--on", "2020-12-01")
        let inherited = try sandbox.zl("milestone", "add", "主体开工", "--project", "P5", "--due", "2020-12-25", "--on", "2020-12-01")
        expectSuccess(own)
        expectSuccess(inherited)
        let ownCode = String(try #require(own.stdout.firstMatch(of: #/已新增节点 (M\d+) /#)?.output.1))
        let inheritedCode = String(try #require(inherited.stdout.firstMatch(of: #/已新增节点 (M\d+) /#)?.output.1))

        let overdue = try JSONNode.parse(try sandbox.zl("overdue", "--as-of", "2020-12-31", "--format", "json").stdoutData)
        let department = { (code: String) in overdue["overdue"]?.items.first { $0["code"]?.string == code }?["department"]?.string }
        #expect(department(ownCode) == "建设局")
        #expect(department(inheritedCode) == "经发局", "a milestone without one of its own takes its project's")
        #expect(try jsonObject(try sandbox.zl("milestone", "show", ownCode, "--format", "json"))["department"] as? String == "建设局")
        let sheet = try SheetDocument(try sandbox.sheet("--month", "2020-12", "--format", "json"))
        #expect(sheet.row("overdue", where: "code", is: ownCode)?["department"]?.string == "建设局")
        #expect(sheet.row("overdue", where: "code", is: inheritedCode)?["department"]?.string == "经发局")
    }

    // MARK: - As recorded

    /// The recording time of the newest entry about `ref`, as `log` gives it.
    static func recordedAt(_ sandbox: Sandbox, _ ref: String) throws -> String {
        let latest = try #require(try jsonArray(try sandbox.zl("log", ref, "--limit", "1", "--format", "json")).first)
        return try #require(latest["recorded_at"] as? String)
    }

    @Test func asRecordedReadsTheLedgerAsItStoodAtThatMoment() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        // P1 entered the ledger on 2020-10-31 (前期).
        expectSuccess(try sandbox.zl("project", "update", "P1", "--stage", "开工", "--progress", "20", "--on", "2020-11-25"))
        let moment = try Self.recordedAt(sandbox, "P1")
        // Recording times are whole seconds: the correction below is recorded after the moment.
        Thread.sleep(forTimeInterval: 1.2)
        expectSuccess(try sandbox.zl("project", "update", "P1", "--progress", "30", "--note", "补记", "--on", "2020-11-28"))
        expectSuccess(try sandbox.zl("milestone", "done", "M3", "--on", "2021-02-05"))

        func project(_ extra: String...) throws -> [String: Any] {
            try jsonObject(try sandbox.run(["project", "show", "P1", "--format", "json", "--db", sandbox.ledger] + extra))
        }
        #expect(try project()["progress"] as? Int == 30)
        #expect(try project("--as-recorded", moment)["progress"] as? Int == 20)
        #expect(try project("--as-recorded", moment, "--as-of", "2020-11-30")["stage_label"] as? String == "开工")
        #expect(try project("--as-recorded", moment, "--as-of", "2020-11-24")["stage_label"] as? String == "前期")
        let listed = try jsonArray(try sandbox.zl("project", "list", "--as-recorded", moment, "--format", "json")).first { $0["code"] as? String == "P1" }
        #expect(listed?["progress"] as? Int == 20)
        // Before anything was recorded the ledger held nothing.
        #expect(try jsonArray(try sandbox.zl("project", "list", "--as-recorded", "2000-01-01", "--format", "json")).isEmpty)
        #expect(try jsonArray(try sandbox.zl("figure", "list", "--as-recorded", "2000-01-01", "--format", "json")).isEmpty)
        // M3's done came later: as recorded at the moment it was still open, and overdue in March.
        let milestone = try jsonArray(try sandbox.zl("milestone", "list", "--as-recorded", moment, "--format", "json")).first { $0["code"] as? String == "M3" }
        #expect(milestone?["state"] as? String == "open")
        let overdue = { (extra: [String]) in
            try JSONNode.parse(try sandbox.run(["overdue", "--as-of", "2021-03-01", "--format", "json", "--db", sandbox.ledger] + extra).stdoutData)["overdue"]?
                .items.compactMap { $0["code"]?.string } ?? []
        }
        #expect(try overdue([]).contains("M3") == false)
        #expect(try overdue(["--as-recorded", moment]).contains("M3"))

        // The sheet as recorded at the moment: without the later entry, and no mark of its own.
        let now = try SheetDocument(try sandbox.sheet("--month", "2020-11", "--format", "json"))
        let then = try SheetDocument(try sandbox.sheet("--month", "2020-11", "--format", "json", "--as-recorded", moment))
        #expect(now.row("projects", where: "code", is: "P1")?["progress"]?.literal == "30")
        #expect(then.row("projects", where: "code", is: "P1")?["progress"]?.literal == "20")
        let text = try sandbox.sheet("--month", "2020-11", "--as-recorded", moment)
        expectSuccess(text)
        // A moment that is not one is refused, and nothing is written.
        let before = sandbox.bytes()
        expectRefusal(try sandbox.sheet("--month", "2020-11", "--as-recorded", "昨天下午"), 65, ["昨天下午", "记录时刻无效"])
        expectRefusal(try sandbox.zl("project", "list", "--as-recorded", "2020-13-01"), 65, ["2020-13-01"])
        #expect(sandbox.bytes() == before)
    }

    // MARK: - The sheet's corrections

    @Test func theSheetListsCorrectionsRecordedAfterTheMonth() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        #expect(try SheetDocument(try sandbox.sheet("--month", "2020-11", "--format", "json")).rawRows("corrections").isEmpty,
                "the seeding is not a correction")
        // Recorded today (after November), effective in November: corrections. Effective in
        // December, or an import: not.
        expectSuccess(try sandbox.zl("project", "update", "P5", "--progress", "10", "--note", "月底前已开工", "--on", "2020-11-30"))
        expectSuccess(try sandbox.zl("figure", "add", "入驻企业", "--category", "报告数", "--from", "2020-11", "--to", "2020-11-30",
                                     "--value", "40", "--unit", "家", "--park", "博通", "--on", "2020-11-30"))
        expectSuccess(try sandbox.zl("figure", "add", "入驻企业", "--category", "报告数", "--from", "2020-11", "--to", "2020-11-30",
                                     "--value", "41", "--unit", "家", "--park", "博通", "--on", "2020-12-05"))
        expectSuccess(try sandbox.zl("project", "update", "P6", "--note", "十二月的事", "--on", "2020-12-10"))
        try sandbox.write(Data("对象,生效日期,说明\r\nP7,2020-11-30,导入的记录\r\n".utf8), to: "进展.csv")
        expectSuccess(try sandbox.zl("import", "updates", sandbox.path("进展.csv")))

        let sheet = try SheetDocument(try sandbox.sheet("--month", "2020-11", "--format", "json"))
        let rows = sheet.rawRows("corrections")
        #expect(rows.first?.map(\.key) == ["recorded_at", "author", "effective_on", "subject", "action", "action_label", "change"])
        let shown = sheet.rows("corrections").map { row in Dictionary(row.map { ($0.key, $0.value.cellText(.plain)) }) { first, _ in first } }
        #expect(shown.count == 2, "\(shown)")
        #expect(shown.contains { $0["subject"] == "P5 台邦精密减速器项目" && $0["effective_on"] == "2020-11-30" && $0["action"] == "更新"
            && $0["change"]?.contains("月底前已开工") == true && $0["author"] == Pinned.author }, "\(shown)")
        #expect(shown.contains { $0["subject"]?.hasPrefix("数据 F") == true && $0["change"] == "入驻企业：40家" }, "\(shown)")
        #expect(rows.contains { $0.contains { $0.key == "action" && $0.value.string == "update" } })
        // The later figure is not known by November's end: not in the sheet at all.
        #expect(!sheet.rows("indicators").contains { $0.contains { $0.value.literal == "41" } })
        // Every format shows the section, last.
        let text = try sandbox.sheet("--month", "2020-11")
        let sections = textSections(text.stdout).sections
        #expect(sections.last?.title == "更正（月末之后记录）")
        #expect(sections.last?.table?.rows.count == 2)
    }

    // MARK: - Rebuild

    @Test func rebuildRestoresTheDerivedStateAndNoFact() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "update", "P5", "--stage", "在建", "--on", "2020-12-10"))
        expectSuccess(try sandbox.zl("milestone", "done", "M3", "--on", "2021-02-05"))
        let contents = try sandbox.contents()
        let sheet = try sandbox.sheet("--month", "2020-12", "--format", "json")
        // The derived state damaged behind zoneledger's back: reports go wrong, check says where.
        try sandbox.sql("UPDATE project_span SET stage = 'planning' WHERE project_id = (SELECT id FROM project WHERE code = 'P5');")
        let damaged = try sandbox.zl("check", "spans")
        #expect(damaged.status == 65 && damaged.stdout.hasPrefix("spans: P5 ") && damaged.stdout.contains("zoneledger rebuild"), "\(damaged)")
        let rebuilt = try sandbox.zl("rebuild")
        expectSuccess(rebuilt)
        #expect(rebuilt.stdout.contains("已由历史记录重建派生状态"), "\(rebuilt)")
        CheckAndBackupTests.expectClean(try sandbox.zl("check"))
        #expect(try sandbox.contents() == contents, "rebuild records nothing")
        #expect(try sandbox.sheet("--month", "2020-12", "--format", "json").stdoutData == sheet.stdoutData)
        // Rebuilding a sound ledger changes no report either; it is not a command to undo.
        expectSuccess(try sandbox.zl("rebuild"))
        #expect(try sandbox.contents() == contents)
        #expect(!(try sandbox.zl("undo", "--list").stdout.contains("rebuild")))
    }
}
