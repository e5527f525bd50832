import Foundation
import Testing

/// milestone add | list | show | done | reschedule | cancel | reopen | edit.
@Suite struct MilestoneCommandTests {
    static func milestone(_ sandbox: Sandbox, _ code: String, asOf: String? = nil) throws -> [String: Any] {
        let extra = asOf.map { ["--as-of", $0] } ?? []
        let list = try sandbox.run(["milestone", "list", "--format", "json", "--db", sandbox.ledger] + extra)
        return try #require(try jsonArray(list).first { $0["code"] as? String == code }, "\(list)")
    }

    @Test func listIsOrderedByDueDateAndLinesUp() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let json = try jsonArray(try sandbox.zl("milestone", "list", "--format", "json"))
        let dues = json.compactMap { $0["due_on"] as? String }
        #expect(dues.count == json.count)
        #expect(dues == dues.sorted())
        let table = try #require(printedTables(try sandbox.zl("milestone", "list").stdout).first)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.cell("到期(原话)", row: "M3") == "春节前")
        #expect(table.cell("到期日", row: "M3") == "2021-02-11")
        #expect(table.cell("状态", row: "M3") == "未完成")
        #expect(table.cell("对象", row: "M3") == "Y5 __博通小微园")
    }

    @Test func addEditAndShow() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let added = try sandbox.zl("milestone", "add", "主体结顶", "--project", "台邦", "--due", "2021年下半年",
                                   "--department", "建设局", "--on", "2020-12-01")
        expectSuccess(added)
        let code = String(try #require(added.stdout.firstMatch(of: /已新增节点 (M\d+) 主体结顶，到期：2021年下半年（2021-12-31）/)?.output.1))
        expectSuccess(try sandbox.zl("milestone", "edit", code, "--title", "主体工程结顶"))
        let shown = try jsonObject(try sandbox.zl("milestone", "show", code, "--format", "json"))
        #expect(shown["title"] as? String == "主体工程结顶")
        #expect(shown["subject"] as? String == "P5 台邦精密减速器项目")
        #expect(shown["department"] as? String == "建设局")
        #expect(shown["created_on"] as? String == "2020-12-01")
        // The project's show lists it.
        let project = try jsonObject(try sandbox.zl("project", "show", "P5", "--format", "json"))
        #expect((project["milestones"] as? [[String: Any]])?.contains { $0["code"] as? String == code } == true)
        // Exactly one subject.
        expectRefusal(try sandbox.zl("milestone", "add", "两个对象", "--project", "台邦", "--park", "博通", "--due", "年底"), 64, ["--project"])
    }

    @Test func rescheduleKeepsTheOriginalDueDateAndCounts() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let first = try sandbox.zl("milestone", "reschedule", "M3", "--due", "2021年3月底", "--reason", "验收延后", "--on", "2021-02-01")
        expectSuccess(first)
        #expect(first.stdout == "已记录 M3 交付企业使用（2021-02-01）：到期改为：2021年3月底（2021-03-31）；说明：验收延后\n")
        expectSuccess(try sandbox.zl("milestone", "reschedule", "M3", "--due", "2021年4月底", "--reason", "再延", "--on", "2021-03-01"))
        let now = try Self.milestone(sandbox, "M3")
        #expect(now["due_text"] as? String == "2021年4月底")
        #expect(now["due_on"] as? String == "2021-04-30")
        #expect(now["original_due_on"] as? String == "2021-02-11")
        #expect(now["reschedules"] as? Int == 2)
        let shown = try jsonObject(try sandbox.zl("milestone", "show", "M3", "--format", "json"))
        #expect(shown["original_due_text"] as? String == "春节前")
        #expect(shown["reschedules"] as? Int == 2)
        // As of mid-February only the first reschedule had happened.
        let then = try Self.milestone(sandbox, "M3", asOf: "2021-02-15")
        #expect(then["due_on"] as? String == "2021-03-31")
        #expect(then["reschedules"] as? Int == 1)
        let table = try #require(printedTables(try sandbox.zl("milestone", "list").stdout).first)
        #expect(table.cell("改期", row: "M3") == "2")
        #expect(table.cell("原定到期", row: "M3") == "2021-02-11")
    }

    @Test func doneCancelReopen() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let done = try sandbox.zl("milestone", "done", "M3", "--on", "2021-02-05", "--note", "已交付企业")
        expectSuccess(done)
        #expect(done.stdout == "已记录 M3 交付企业使用（2021-02-05）：说明：已交付企业\n")
        var m3 = try Self.milestone(sandbox, "M3")
        #expect(m3["state_label"] as? String == "已完成")
        #expect(m3["state"] as? String == "done")
        #expect(m3["closed_on"] as? String == "2021-02-05")
        #expect(try Self.milestone(sandbox, "M3", asOf: "2021-02-04")["state_label"] as? String == "未完成")
        expectRefusal(try sandbox.zl("milestone", "done", "M3", "--on", "2021-02-06"), 65, ["已完成"])
        expectSuccess(try sandbox.zl("milestone", "reopen", "M3", "--reason", "误记", "--on", "2021-02-10"))
        m3 = try Self.milestone(sandbox, "M3")
        #expect(m3["state_label"] as? String == "未完成")
        #expect(m3["closed_on"] is NSNull)
        expectSuccess(try sandbox.zl("milestone", "cancel", "M4", "--reason", "政策调整", "--on", "2021-01-05"))
        let m4 = try Self.milestone(sandbox, "M4")
        #expect(m4["state_label"] as? String == "已取消")
        #expect(m4["closed_on"] as? String == "2021-01-05")
        let open = try jsonArray(try sandbox.zl("milestone", "list", "--state", "未完成", "--format", "json"))
        #expect(open.contains { $0["code"] as? String == "M3" })
        #expect(!open.contains { $0["code"] as? String == "M4" })
        let cancelled = try jsonArray(try sandbox.zl("milestone", "list", "--state", "已取消", "--format", "json"))
        #expect(cancelled.compactMap { $0["code"] as? String } == ["M4"])
        // Every step is in the history, newest first.
        let actions = try jsonArray(try sandbox.zl("log", "M3", "--format", "json")).compactMap { $0["effective_on"] as? String }
        #expect(actions == ["2021-02-10", "2021-02-05", "2020-11-30"])
        // A reason is required.
        expectRefusal(try sandbox.zl("milestone", "cancel", "M5"), 64, ["--reason"])
    }
}
