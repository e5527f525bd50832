import Foundation
import Testing

/// `problem add|resolve|reopen|edit|list|show`, `overdue --kind problem`, and what the sheet and
/// the exchange files make of problems, from the command line.
@Suite struct ProblemCommandTests {
    static func raised(_ sandbox: Sandbox) throws {
        try sandbox.seeded()
        for step in [
            ["problem", "add", "台邦", "土地指标未落实", "--department", "自然资源分局", "--leader", "分管副主任", "--due", "2021年1月底", "--on", "2021-01-05"],
            ["problem", "add", "P5", "施工用电未接入", "--on", "2021-02-03"],
            ["problem", "add", "道路建设缺少资金", "--park", "博通", "--due", "2021-02-28", "--on", "2021-02-01"],
            ["problem", "edit", "W1", "--due", "2021年3月底", "--note", "协调会议定延期", "--on", "2021-02-05"],
            ["problem", "resolve", "W2", "--note", "已接入临时用电", "--on", "2021-02-20"],
        ] {
            expectSuccess(try sandbox.run(step + ["--db", sandbox.ledger]))
        }
    }

    @Test func problemsAreListedShownAndOverdueInTheirOwnPart() throws {
        let sandbox = try Sandbox()
        try Self.raised(sandbox)
        let list = try sandbox.zl("problem", "list", "--as-of", "2021-03-15", "--format", "json")
        expectSuccess(list)
        // Chinese unescaped, the subject named, the deadline as written and as a day.
        #expect(list.stdout.contains("\"problem\": \"土地指标未落实\"") || list.stdout.contains("\"problem\":\"土地指标未落实\""), "\(list.stdout)")
        let rows = try jsonArray(list)
        #expect(rows.map { $0["code"] as? String } == ["W1", "W3", "W2"])
        #expect(rows[0]["due_text"] as? String == "2021年3月底" && rows[0]["due_on"] as? String == "2021-03-31")
        #expect(rows[1]["days_overdue"].flatMap(jsonNumber) == 15)
        #expect(rows[2]["state"] as? String == "resolved" && rows[2]["latest_note"] as? String == "已接入临时用电")
        // --open, and the table lines up by display width.
        let open = try sandbox.zl("problem", "list", "--open", "--as-of", "2021-03-15")
        expectSuccess(open)
        #expect(open.stdout.contains("W1") && open.stdout.contains("W3") && !open.stdout.contains("W2"))
        #expect(!printedTables(open.stdout).isEmpty && printedTables(open.stdout).allSatisfy { $0.problems.isEmpty }, "\(open.stdout)")
        // overdue: its own part; --kind problem shows only that part; --fail-if-any counts it.
        let overdue = try sandbox.zl("overdue", "--as-of", "2021-04-05", "--kind", "problem", "--fail-if-any")
        #expect(overdue.status == 1, "\(overdue)")
        #expect(overdue.stdout.contains("逾期问题") && !overdue.stdout.contains("逾期节点"), "\(overdue.stdout)")
        #expect(overdue.stdout.contains("W3") && overdue.stdout.contains("W1"))
        let json = try jsonObject(try sandbox.zl("overdue", "--as-of", "2021-04-05", "--format", "json"))
        #expect(((json["overdue_problems"] as? [[String: Any]]) ?? []).map { $0["code"] as? String } == ["W3", "W1"], "\(json)")
        let calm = try sandbox.zl("overdue", "--as-of", "2021-02-28", "--kind", "problem", "--fail-if-any")
        #expect(calm.status == 0, "\(calm)")
        // show: its fields and its history in its own words (提出, 解决).
        let show = try sandbox.zl("problem", "show", "W2", "--as-of", "2021-03-01")
        expectSuccess(show)
        for fragment in ["问题 W2 施工用电未接入", "项目 P5 台邦精密减速器项目", "已解决", "提出", "解决", "已接入临时用电"] {
            #expect(show.stdout.contains(fragment), "\(fragment): \(show.stdout)")
        }
        // A project shows its problems.
        let project = try sandbox.zl("project", "show", "P5", "--as-of", "2021-03-01")
        #expect(project.stdout.contains("存在问题") && project.stdout.contains("土地指标未落实"), "\(project.stdout)")
    }

    /// The sheet in every format carries the section and the project's column for the month.
    @Test func everySheetFormatCarriesTheMonthsProblems() throws {
        let sandbox = try Sandbox()
        try Self.raised(sandbox)
        for format in ["text", "md", "csv", "json", "html"] {
            let outcome = try sandbox.zl("sheet", "--month", "2021-02", "--format", format)
            expectSuccess(outcome)
            for fragment in [format == "json" ? "\"problems\"" : "存在问题及协调事项", "道路建设缺少资金", "本月新提，本月解决", "土地指标未落实（自然资源分局／分管副主任，期限2021年3月底）"] {
                #expect(outcome.stdout.contains(fragment), "\(format): \(fragment)")
            }
        }
        let json = try SheetDocument(try sandbox.zl("sheet", "--month", "2021-03", "--format", "json"))
        let counts = try #require(json.rows("problem_summary").first)
        // March: W1 (due 03-31, not yet late) and W3 (late) open, nothing new, nothing resolved.
        #expect(counts.map { $0.value.literal } == ["2", "1", "0", "0"], "\(counts)")
        expectSuccess(try sandbox.zl("sheet", "--month", "2021-02", "--format", "xlsx", "--out", sandbox.path("二月.xlsx")))
        #expect(sandbox.exists("二月.xlsx"))
    }

    /// Each refusal: its exit code, its words, and the ledger byte for byte as it was.
    @Test func badProblemCommandsAreRefusedAndWriteNothing() throws {
        let sandbox = try Sandbox()
        try Self.raised(sandbox)
        let cases: [([String], Int32, [String])] = [
            (["problem", "add", "没有这个项目", "问题", "--on", "2021-03-01"], 65, ["找不到"]),
            (["problem", "add", "P5", "问题", "--due", "2021-02-01", "--on", "2021-03-01"], 65, ["早于记录的日期2021-03-01", "--backfill"]),
            (["problem", "add", "P5", "问题", "--park", "博通", "--tenant", "X", "--on", "2021-03-01"], 64, ["只能给一个"]),
            (["problem", "add", "P5", "--on", "2021-03-01"], 64, ["问题描述"]),
            (["problem", "add", "P5", "问题", "--due", "明年春天吧", "--on", "2021-03-01"], 65, ["明年春天吧"]),
            (["problem", "resolve", "W2", "--note", "又解决了", "--on", "2021-03-01"], 65, ["已解决，不能再标记解决"]),
            (["problem", "resolve", "W1", "--on", "2021-03-01"], 64, ["--note"]),
            (["problem", "resolve", "W3", "--note", "x", "--on", "2021-01-10"], 65, ["于2021-02-01提出"]),
            (["problem", "reopen", "W3", "--reason", "x", "--on", "2021-03-01"], 65, ["尚未解决，无需重开"]),
            (["problem", "edit", "W3", "--on", "2021-03-01"], 64, ["没有要修改的内容"]),
            (["problem", "edit", "W9", "--text", "x", "--on", "2021-03-01"], 65, ["W9"]),
            (["overdue", "--kind", "milestone"], 64, ["问题(problem)"]),
        ]
        for (arguments, status, fragments) in cases {
            let before = sandbox.bytes()
            expectRefusal(try sandbox.run(arguments + ["--db", sandbox.ledger]), status, fragments)
            #expect(sandbox.bytes() == before, "\(arguments)")
        }
    }

    /// problems.csv and the problem rows of updates.csv: a fresh seeded ledger given the export has
    /// the same problems; importing it twice adds nothing; a changed problem row is a conflict.
    @Test func problemsTravelThroughExportAndImport() throws {
        let sandbox = try Sandbox()
        try Self.raised(sandbox)
        expectSuccess(try sandbox.zl("export", "--out", sandbox.path("导出")))
        let other = "other.sqlite"
        try sandbox.seeded(other)
        expectSuccess(try sandbox.run(["import", "all", sandbox.path("导出"), "--db", sandbox.path(other)]))
        let again = try sandbox.run(["import", "all", sandbox.path("导出"), "--db", sandbox.path(other)])
        expectSuccess(again)
        #expect(again.stdout.contains("已导入问题：新增0行，跳过3行") && again.stdout.contains("已导入状态记录：新增0行"), "\(again.stdout)")
        for day in ["2021-01-31", "2021-02-10", "2021-03-15"] {
            let mine = try sandbox.zl("problem", "list", "--as-of", day, "--format", "json").stdout
            let theirs = try sandbox.run(["problem", "list", "--as-of", day, "--format", "json", "--db", sandbox.path(other)]).stdout
            #expect(mine == theirs, "\(day)")
        }
        // The same file with W1's unit changed: refused, naming the difference.
        let path = sandbox.path("导出/problems.csv")
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "自然资源分局", with: "建设局")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let before = sandbox.bytes(other)
        let changed = try sandbox.run(["import", "problems", path, "--db", sandbox.path(other)])
        expectRefusal(changed, 65, ["第2行", "责任单位：文件为“建设局”，账本为“自然资源分局”"])
        #expect(sandbox.bytes(other) == before)
    }
}
