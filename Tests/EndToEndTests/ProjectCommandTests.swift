import Foundation
import Testing

/// project add | list | show | edit | update.
@Suite struct ProjectCommandTests {
    @Test func showAsJSONHasStableKeysAndTheReportsValues() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let outcome = try sandbox.zl("project", "show", "台邦", "--format", "json")
        expectSuccess(outcome)
        let project = try jsonObject(outcome)
        #expect(project["code"] as? String == "P5")
        #expect(project["name"] as? String == "台邦精密减速器项目")
        #expect(project["kind_label"] as? String == "工业")
        #expect(project["stage_label"] as? String == "开工")
        // An enumeration is its stable English key, with the Chinese label beside it.
        #expect(project["kind"] as? String == "industrial")
        #expect(project["stage"] as? String == "started")
        #expect(project["provincial_major"] as? Bool == true)
        #expect(project["registered"] as? Bool == true)
        #expect(project["created_on"] as? String == "2020-11-30")
        #expect(project["progress"] is NSNull)
        for key in ["investment_wan", "park", "parcel", "department", "planned_start", "planned_completion", "quote", "milestones", "history"] {
            #expect(project.keys.contains(key), "missing key \(key)")
        }
        // Raw text: keys as written, booleans as JSON booleans, Chinese unescaped.
        #expect(outcome.stdout.contains(#""code": "P5""#))
        #expect(outcome.stdout.contains(#""provincial_major": true"#))
        #expect(outcome.stdout.contains("台邦精密减速器项目"))
        let quote = try #require(project["quote"] as? [String])
        #expect(quote.joined().contains("台邦、德威、红光已于11月进场试桩"))
    }

    @Test func listTableLinesUpByDisplayWidth() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let table = try #require(printedTables(try sandbox.zl("project", "list").stdout).first)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(Array(table.labels.prefix(4)) == ["编号", "项目名称", "类别", "阶段"])
        // Cells cut at the header's columns come out whole only if the rows line up.
        #expect(table.cell("项目名称", row: "P5") == "台邦精密减速器项目")
        #expect(table.cell("类别", row: "P5") == "工业")
        #expect(table.cell("阶段", row: "P5") == "开工")
        #expect(table.cell("省重大", row: "P5") == "是")
        #expect(table.cell("入库", row: "P5") == "是")
        #expect(table.cell("类别", row: "P9") == "基础设施")
        #expect(table.cell("园区", row: "P36") == "__湾电力科技小镇")
        #expect(table.cell("地块", row: "P31") == "L1")
        #expect(table.cell("最近记录", row: "P5") == "2020-11-30")
    }

    @Test func addThenShowAndList() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let added = try sandbox.zl("project", "add", "新能源装备产业园项目", "--kind", "工业", "--stage", "前期",
                                   "--investment", "3.5亿元", "--provincial-major", "--park", "博通", "--parcel", "L1",
                                   "--department", "经发局", "--planned-start", "2021年3月", "--planned-completion", "2022年底",
                                   "--note", "新签约", "--on", "2020-12-01")
        expectSuccess(added)
        let code = try #require(added.stdout.firstMatch(of: /已新增项目 (P\d+) 新能源装备产业园项目（2020-12-01，前期）/)?.output.1)
        let project = try jsonObject(try sandbox.zl("project", "show", String(code), "--format", "json"))
        #expect(project["stage_label"] as? String == "前期")
        #expect(project["investment_wan"] as? Int == 35000)
        #expect(project["provincial_major"] as? Bool == true)
        #expect(project["registered"] as? Bool == false)
        #expect(project["park"] as? String == "Y5 __博通小微园")
        #expect((project["parcel"] as? String)?.hasPrefix("L1 ") == true)
        #expect(project["department"] as? String == "经发局")
        #expect(project["planned_start"] as? String == "2021-03-31")
        #expect(project["planned_completion"] as? String == "2022-12-31")
        #expect(project["created_on"] as? String == "2020-12-01")
        let history = try #require(project["history"] as? [[String: Any]])
        #expect(history.count == 1)
        #expect(history.first?["author"] as? String == Pinned.author)
        #expect(history.first?["note"] as? String == "新签约")
        // The new project is listed, and an English stage key works as well as the Chinese label.
        let table = try #require(printedTables(try sandbox.zl("project", "list").stdout).first)
        #expect(table.cell("项目名称", row: String(code)) == "新能源装备产业园项目")
        expectSuccess(try sandbox.zl("project", "add", "英文键项目", "--kind", "工业", "--stage", "preliminary"))
        #expect(try jsonObject(try sandbox.zl("project", "show", "英文键项目", "--format", "json"))["stage_label"] as? String == "前期")
    }

    @Test func addRefusesADuplicateName() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = try sandbox.contents()
        expectRefusal(try sandbox.zl("project", "add", "台邦精密减速器项目", "--kind", "工业"), 65, ["已有同名", "P5"])
        #expect(try sandbox.contents() == before)
    }

    @Test func editChangesFieldsAndRecordsTheChange() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let edited = try sandbox.zl("project", "edit", "台邦", "--department", "经发局", "--planned-completion", "2022年底",
                                    "--registered", "否", "--on", "2020-12-05")
        expectSuccess(edited)
        #expect(edited.stdout.hasPrefix("已记录 P5 台邦精密减速器项目（2020-12-05）"), "\(edited)")
        let project = try jsonObject(try sandbox.zl("project", "show", "P5", "--format", "json"))
        #expect(project["department"] as? String == "经发局")
        #expect(project["planned_completion"] as? String == "2022-12-31")
        #expect(project["registered"] as? Bool == false)
        let latest = try #require(try jsonArray(try sandbox.zl("log", "P5", "--limit", "1", "--format", "json")).first)
        #expect(latest["action_label"] as? String == "修改")
        #expect(latest["action"] as? String == "edit")
        #expect(latest["effective_on"] as? String == "2020-12-05")
        #expect((latest["change"] as? String)?.contains("经发局") == true)
        // Renaming keeps the code; the old name no longer finds it.
        expectSuccess(try sandbox.zl("project", "edit", "P5", "--name", "台邦精密减速器二期项目"))
        #expect(try jsonObject(try sandbox.zl("project", "show", "P5", "--format", "json"))["name"] as? String == "台邦精密减速器二期项目")
        expectRefusal(try sandbox.zl("project", "show", "台邦精密减速器项目"), 65, ["找不到"])
    }

    @Test func updateRecordsStageProgressAndNote() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let updated = try sandbox.zl("project", "update", "台邦", "--stage", "在建", "--progress", "15",
                                     "--note", "已取得施工许可证", "--on", "2020-12-20")
        expectSuccess(updated)
        #expect(updated.stdout == "已记录 P5 台邦精密减速器项目（2020-12-20）：阶段：在建；进度：15%；说明：已取得施工许可证\n")
        let table = try #require(printedTables(try sandbox.zl("project", "list").stdout).first)
        #expect(table.cell("阶段", row: "P5") == "在建")
        #expect(table.cell("进度%", row: "P5") == "15")
        #expect(table.cell("最近记录", row: "P5") == "2020-12-20")
        #expect(table.cell("最新进展", row: "P5") == "已取得施工许可证")
        // Nothing to record is a usage error that names what to give.
        expectRefusal(try sandbox.zl("project", "update", "台邦"), 64, ["--stage", "--progress", "--note"])
    }

    /// The actual 开工 and 竣工 days beside the planned ones: the first day the stage reached them,
    /// as of any day; a correction back does not move them.
    @Test func actualStartAndCompletionComeFromTheStages() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        for step in [["--stage", "开工", "--on", "2021-03-05"], ["--stage", "在建", "--on", "2021-05-01"],
                     ["--stage", "竣工", "--on", "2022-06-30"]] {
            expectSuccess(try sandbox.run(["project", "update", "P1"] + step + ["--db", sandbox.ledger]))
        }
        expectSuccess(try sandbox.zl("project", "edit", "P1", "--planned-start", "2021-02-01", "--planned-completion", "2022-03-31", "--on", "2021-01-05"))
        let cases: [(String, Any, Any)] = [("2021-03-04", NSNull(), NSNull()), ("2021-03-05", "2021-03-05", NSNull()),
                                            ("2022-06-29", "2021-03-05", NSNull()), ("2022-06-30", "2021-03-05", "2022-06-30")]
        for (day, start, completion) in cases {
            let shown = try jsonObject(try sandbox.zl("project", "show", "P1", "--format", "json", "--as-of", day))
            #expect("\(shown["actual_start"] ?? "missing")" == "\(start)", "\(day)")
            #expect("\(shown["actual_completion"] ?? "missing")" == "\(completion)", "\(day)")
            #expect(shown["planned_completion"] as? String == "2022-03-31")
        }
        let text = try sandbox.zl("project", "show", "P1")
        #expect(text.stdout.contains("计划竣工        2022-03-31\n实际开工        2021-03-05\n实际竣工        2022-06-30"), "\(text)")
    }
}
