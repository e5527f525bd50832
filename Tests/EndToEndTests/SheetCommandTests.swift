import Foundation
import Testing

/// sheet: what the monthly progress sheet says on the seeded ledger, its options, and refusals.
/// How the formats agree with one another is in SheetFormatTests.
@Suite struct SheetCommandTests {
    static func november(_ sandbox: Sandbox, _ format: String = "json", _ extra: String...) throws -> Outcome {
        let outcome = try sandbox.run(["sheet", "--month", "2020-11", "--format", format] + extra + ["--db", sandbox.ledger],
                                      environment: SheetPin.environment)
        expectSuccess(outcome)
        return outcome
    }

    @Test func headingNamesTheZoneAndTheMonthInEveryFormat() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let text = try Self.november(sandbox, "text")
        #expect(text.lines.first == "__经济开发区2020年11月月度进度表", "\(text)")
        #expect(text.lines.dropFirst().first == "数据截至2020年11月30日    生成于 \(SheetPin.generated)", "\(text)")

        let md = try markdownSections(try Self.november(sandbox, "md").stdout)
        #expect(md.title == "__经济开发区2020年11月月度进度表")
        #expect(md.meta == "数据截至2020年11月30日，生成于 \(SheetPin.generated)")

        let json = try SheetDocument(try Self.november(sandbox, "json"))
        #expect(json.keys == SheetSections.headingKeys + SheetSections.all.map(\.key))
        #expect(json.heading("zone") == "__经济开发区")
        #expect(json.heading("month") == "2020-11")
        #expect(json.heading("as_of") == "2020-11-30")
        #expect(json.heading("generated_at") == SheetPin.generated)

        let csv = csvSections(try Self.november(sandbox, "csv").stdoutData)
        let heading = try #require(csv.first)
        #expect(heading.title == "__经济开发区2020年11月月度进度表")
        #expect(heading.header == ["项目", "内容"])
        #expect(heading.rows == [["开发区", "__经济开发区"], ["月份", "2020-11"], ["数据截至", "2020-11-30"], ["生成时间", SheetPin.generated]])

        // The zone's name is the one the ledger holds.
        expectSuccess(try sandbox.zl("zone", "rename", "滨海经济开发区"))
        let renamed = try Self.november(sandbox, "text")
        #expect(renamed.lines.first == "滨海经济开发区2020年11月月度进度表", "\(renamed)")
    }

    @Test func theLandRowShowsTheYearsSales() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let text = try Self.november(sandbox, "text")
        let section = try #require(textSections(text.stdout).sections.first { $0.title == "土地出让" }, "\(text)")
        let table = try #require(section.table)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.labels == ["年度", "全年计划出让(亩)", "已出让(亩)", "已出让(宗)", "挂牌中(亩)", "挂牌中(宗)", "出让完成率%", "出让+挂牌%"])
        #expect(table.rows.count == 1)
        let cells = table.rows.map { row in table.labels.indices.map { table.cell($0, of: row) } }
        #expect(cells == [["2020", "405", "210.5", "10", "194", "8", "52.0", "99.9"]])

        let json = try SheetDocument(try Self.november(sandbox, "json"))
        let land = json.rows("land")
        #expect(land.count == 1)
        // Exact numbers, as written: 52.0 keeps its place.
        #expect(land.first?.map { "\($0.key)=\($0.value.literal ?? "not a number: \($0.value)")" } == [
            "year=2020", "target_mu=405", "sold_mu=210.5", "sold_count=10", "listed_mu=194", "listed_count=8",
            "sold_percent=52.0", "sold_and_listed_percent=99.9",
        ])
        // The target row agrees: 210.5 of 405 亩.
        let target = try #require(json.row("targets", where: "metric", is: "土地出让"))
        #expect(target["target"]?.literal == "405")
        #expect(target["actual"]?.literal == "210.5")
        #expect(target["percent"]?.literal == "52.0")
    }

    @Test func everyProjectIsListedGroupedByKind() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let json = try SheetDocument(try Self.november(sandbox, "json"))
        let rows = try #require(json.root["projects"]?.items)
        // 小计 after each kind's run and 合计 last: the rows with no code and no 序号.
        let projects = rows.filter { $0["code"]?.string != nil }
        #expect(rows.filter { $0["code"]?.string == nil && $0["seq"]?.literal == nil }.compactMap { $0["name"]?.string }
                == SheetSections.kindOrder.map { "小计（\($0)）" } + ["合计"])
        #expect(projects.count == 36)
        #expect(projects.compactMap { $0["seq"]?.literal } == (1...36).map(String.init))
        let codes = projects.compactMap { $0["code"]?.string }
        #expect(Set(codes) == Set((1...36).map { "P\($0)" }))
        // Grouped: each kind one run, the runs in the sheet's order, projects in code order within a run.
        // JSON: the kind's stable key and its label; people read the label.
        let kinds = projects.compactMap { $0["kind_label"]?.string }
        let kindKeys = projects.compactMap { $0["kind"]?.string }
        let keyRuns = kindKeys.enumerated().filter { $0.offset == 0 || kindKeys[$0.offset - 1] != $0.element }.map(\.element)
        #expect(keyRuns == ["industrial", "infrastructure", "social", "commercial", "platform"])
        var runs: [(kind: String, codes: [Int])] = []
        for (kind, code) in zip(kinds, codes) {
            let number = Int(code.dropFirst()) ?? -1
            if runs.last?.kind == kind { runs[runs.count - 1].codes.append(number) } else { runs.append((kind, [number])) }
        }
        #expect(runs.map(\.kind) == SheetSections.kindOrder)
        #expect(runs.map(\.codes.count) == [8, 23, 1, 2, 2])
        for run in runs { #expect(run.codes == run.codes.sorted(), "\(run.kind): \(run.codes)") }
        #expect(runs.first?.codes == Array(1...8))

        // Projects by stage counts the same projects, every stage shown, with the total.
        let byStage = json.rows("projects_by_stage").map { ($0[0].value.cellText(.plain), $0[1].value.literal ?? "") }
        #expect(byStage.map(\.0) == ["谋划", "前期", "开工", "在建", "结顶", "竣工", "投产", "合计"])
        #expect(byStage.map(\.1) == ["0", "8", "4", "7", "0", "17", "0", "36"])
        #expect(json.rawRows("projects_by_stage").map { $0[0].value.string ?? "" }
                == ["planning", "preliminary", "started", "construction", "topped-out", "completed", "operating", "total"])
        for (stage, count) in byStage.dropLast() {
            #expect(projects.filter { $0["stage_label"]?.string == stage }.count == Int(count), "\(stage)")
        }
        // On the report's day nothing is overdue, behind or due within 30 days.
        #expect(Set(projects.compactMap { $0["status"]?.string }) == ["normal"])
        #expect(Set(projects.compactMap { $0["status_label"]?.string }) == ["正常"])

        // The terminal lists the same 36 rows in the same order.
        let text = try Self.november(sandbox, "text")
        let table = try #require(textSections(text.stdout).sections.first { $0.title == "重点项目进度" }?.table, "\(text)")
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.rows.map { table.cell(1, of: $0) }.filter { !$0.isEmpty } == codes)
        #expect(table.labels == ["序号", "编号", "项目名称", "类别", "建设内容及规模", "总投资(万元)", "2020年计划投资(万元)", "本月完成投资(万元)",
                                 "1-11月累计完成投资(万元)", "完成年度计划%", "开工累计完成投资(万元)", "占总投资%", "形象进度", "进度%",
                                 "年度形象进度计划", "本月进展", "下一节点", "存在问题", "责任单位/挂钩领导", "状态"])
    }

    @Test func theMonthCanBeWrittenInChineseAndDefaultsToThisMonth() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let iso = try Self.november(sandbox, "json")
        let chinese = try sandbox.sheet("--month", "2020年11月", "--format", "json")
        expectSuccess(chinese)
        #expect(chinese.stdoutData == iso.stdoutData)
        // While a month is still running the sheet is as of today (pinned: 2026-11-29).
        let running = try SheetDocument(try sandbox.sheet("--month", "2026-11", "--format", "json"))
        #expect(running.heading("month") == "2026-11")
        #expect(running.heading("as_of") == Pinned.today)
        let current = try sandbox.sheet("--format", "json")
        expectSuccess(current)
        #expect(try SheetDocument(current).heading("month") == "2026-11")
        // A later month of the seeded ledger: the year is 2021, and nothing was reported for it.
        let january = try SheetDocument(try sandbox.sheet("--month", "2021-01", "--format", "json"))
        #expect(january.heading("as_of") == "2021-01-31")
        #expect(january.rows("land").first?.first { $0.key == "year" }?.value.literal == "2021")
        #expect(january.rows("overdue").compactMap { $0.first?.value.string } == ["M7"])
    }

    @Test func englishHeadingsLeaveTheDataChinese() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let text = try Self.november(sandbox, "text", "--lang", "en")
        let sheet = textSections(text.stdout)
        #expect(sheet.title == "__经济开发区 — Monthly progress sheet, 2020-11")
        #expect(sheet.meta == "As of 2020-11-30    Generated \(SheetPin.generated)")
        #expect(sheet.sections.map(\.title) == SheetSections.all.map(\.english))
        #expect(sheet.sections.first?.title == "Projects by stage")
        for section in sheet.sections {
            guard let table = section.table else { #expect(section.body == ["(none)"], "\(section.title)"); continue }
            #expect(table.alignmentProblems.isEmpty, "\(section.title): \(table.alignmentProblems)")
            #expect(!table.header.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "Chinese heading: \(table.header)")
        }
        let stages = try #require(sheet.sections.first?.table)
        #expect(stages.labels == ["Stage", "Projects"])
        #expect(stages.cell("Projects", row: "竣工") == "17")
        let projects = try #require(sheet.sections.first { $0.title == "Projects" }?.table)
        #expect(projects.cell("Project", row: "5") == "台邦精密减速器项目")
        #expect(projects.cell("Kind", row: "5") == "工业")
        #expect(projects.cell("Stage", row: "5") == "开工")
        #expect(projects.cell("Status", row: "5") == "正常")
        #expect(!text.stdout.contains("【项目形象进度】") && !text.stdout.contains("月度进度表"))

        let md = try markdownSections(try Self.november(sandbox, "md", "--lang", "en").stdout)
        #expect(md.sections.map(\.title) == SheetSections.all.map(\.english))
        let csv = csvSections(try Self.november(sandbox, "csv", "--lang", "en").stdoutData)
        #expect(csv.map(\.title).dropFirst().elementsEqual(SheetSections.all.map(\.english)))
        #expect(csv.first?.rows.first == ["Zone", "__经济开发区"])
        // JSON has no headings: the same bytes in either language.
        #expect(try Self.november(sandbox, "json", "--lang", "en").stdoutData == (try Self.november(sandbox, "json").stdoutData))
    }

    @Test func theMilestoneSummaryCountsTheMonth() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let november = try SheetDocument(try Self.november(sandbox, "json"))
        #expect(november.rows("milestone_summary").first?.map { $0.value.literal ?? "" } == ["0", "0", "0", "0", "0", "49"])
        // February 2021: M3 (春节前, 2021-02-11) done on the 5th, M4 (2021年2月) still open, M7 overdue.
        expectSuccess(try sandbox.zl("milestone", "done", "M3", "--on", "2021-02-05"))
        let february = try SheetDocument(try sandbox.sheet("--month", "2021-02", "--format", "json"))
        #expect(february.heading("as_of") == "2021-02-28")
        let summary = try #require(february.rows("milestone_summary").first)
        #expect(summary.map { "\($0.key)=\($0.value.literal ?? "")" } == [
            "due_in_month=2", "due_in_month_done=1", "due_in_month_open=1", "completed_in_month=1", "overdue=1", "entries_in_month=1",
        ])
        #expect(february.rows("overdue").compactMap { $0.first?.value.string } == ["M7"])
        let p31 = try #require(february.row("projects", where: "code", is: "P31"))
        #expect(p31["status"]?.string == "逾期")
        #expect(february.rawRows("projects").first { $0.contains { $0.key == "code" && $0.value.string == "P31" } }?
                    .first { $0.key == "status" }?.value.string == "overdue")
        #expect(p31["next_milestone"]?.string == "三个地块全部竣工投产（2021年1月前，2020-12-31）")
        // Due on the last day of the month (M4, 2021-02-28) is not overdue on that day.
        #expect(february.row("overdue", where: "code", is: "M4") == nil)
    }

    @Test func outReplacesAFileAndLeavesNothingElse() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        try sandbox.write(Data("旧内容\n".utf8), to: "进度表.md")
        let written = try sandbox.sheet("--month", "2020-11", "--format", "md", "--out", "进度表.md")
        expectSuccess(written)
        #expect(written.stdout.isEmpty, "with --out nothing goes to stdout: \(written)")
        let printed = try Self.november(sandbox, "md")
        #expect(FileManager.default.contents(atPath: sandbox.path("进度表.md")) == printed.stdoutData)
        #expect(sandbox.listing() == ["ledger.sqlite", "进度表.md"])
    }

    @Test(arguments: ["zh", "en"])
    func aNarrowTerminalCutsOnlyFreeText(_ language: String) throws {
        let sandbox = try Sandbox()
        try sandbox.enriched()
        let json = try SheetDocument(try Self.november(sandbox, "json"))
        let outcome = try sandbox.sheet("--month", "2020-11", "--lang", language, environment: ["COLUMNS": "140"])
        expectSuccess(outcome)
        #expect(outcome.stdout.contains("…"), "something had to be cut")
        let sheet = textSections(outcome.stdout)
        // Every table fits but the projects', whose figures and codes alone are wider than 140
        // columns: there only free text gives way, and every line is as wide as its header.
        for section in sheet.sections {
            guard let table = section.table else { continue }
            for line in [table.header] + table.rows where section.title != "重点项目进度" && section.title != "Projects" {
                #expect(DisplayWidth.of(line) <= 140, "\(section.title): \(DisplayWidth.of(line)) columns: \(line)")
            }
        }
        #expect(sheet.sections.count == SheetSections.all.count)
        for section in sheet.sections {
            guard let table = section.table else { continue }
            // A wide character cut before "…" can leave every cell of a narrowed last column one
            // column short; then the rule is one column longer than the longest line, which is fine.
            let widest = ([table.header] + table.rows).map(DisplayWidth.of).max() ?? 0
            let problems = table.alignmentProblems.filter { problem in
                !(problem == "rule is \(widest + 1) columns wide, widest line \(widest)" && table.rows.contains { $0.hasSuffix("…") })
            }
            #expect(problems.isEmpty, "\(section.title): \(problems)")
        }
        // Codes, numbers and dates are never cut.
        let projects = try #require(sheet.sections[SheetSections.all.firstIndex { $0.key == "projects" } ?? 0].table)
        #expect(projects.rows.map { projects.cell(1, of: $0) } == json.rows("projects").map { $0[1].value.string ?? "" })
        for column in [5, 6, 7, 8, 9, 10, 11, 13] {
            #expect(projects.rows.map { projects.cell(column, of: $0) } == json.rows("projects").map { $0[column].value.cellText(.plain) })
        }
        #expect(projects.rows.contains { $0.contains("…") }, "free text was cut")
        let overdue = try #require(sheet.sections[SheetSections.all.firstIndex { $0.key == "overdue" } ?? 0].table)
        #expect(overdue.rows.map { overdue.cell(4, of: $0) } == ["2020-11-27"])
        #expect(overdue.rows.map { overdue.cell(5, of: $0) } == ["3"])
    }

    @Test func xlsxIsRefusedOnATerminal() throws {
        guard let script = Tools.find(["script"]) else {
            Issue.record("script(1) is missing (Debian bsdutils): it gives the CLI a terminal")
            return
        }
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let binary = try CLI.binary.get().path
        func onTerminal(_ format: String) throws -> ToolOutcome {
            let command = [binary, "sheet", "--month", "2020-11", "--format", format, "--db", sandbox.ledger]
                .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            var environment = CLI.environment(dataHome: sandbox.root.appendingPathComponent("data").path)
            environment["SOURCE_DATE_EPOCH"] = SheetPin.epoch
            return try Tools.run(script, ["-qec", command, "/dev/null"], timeout: 60, environment: environment, in: sandbox.folder)
        }
        let refused = try onTerminal("xlsx")
        #expect(refused.status == 64, "\(refused)")
        #expect(refused.stdout.contains("zoneledger: xlsx") && refused.stdout.contains("--out"), "\(refused)")
        #expect(!refused.stdout.contains("PK\u{3}\u{4}"), "no workbook bytes on the terminal")
        #expect(sandbox.listing() == ["ledger.sqlite"])
        // The same terminal shows the text sheet.
        let shown = try onTerminal("text")
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout.hasPrefix("__经济开发区2020年11月月度进度表"), "\(shown)")
    }

    // MARK: - Refusals

    struct Refusal: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let status: Int32
        let fragments: [String]
        /// Refused by swift-argument-parser itself rather than by zoneledger.
        var byParser = false
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["--month", "2021-13"], status: 65, fragments: ["2021-13", "月份无效"]),
        Refusal(arguments: ["--month", "明天吧"], status: 65, fragments: ["明天吧"]),
        Refusal(arguments: ["--month", "2020-11", "--format", "pdf"], status: 64, fragments: ["pdf"], byParser: true),
        Refusal(arguments: ["--month", "2020-11", "--lang", "fr"], status: 64, fragments: ["fr"], byParser: true),
        Refusal(arguments: ["--month", "2020-11", "--format", "html", "--out", "缺少的文件夹/进度表.html"], status: 64, fragments: ["缺少的文件夹", "不存在"]),
        Refusal(arguments: ["--month", "2020-11", "--format", "xlsx", "--out", "缺少的文件夹/进度表.xlsx"], status: 64, fragments: ["缺少的文件夹", "不存在"]),
        Refusal(arguments: ["--month", "2020-11", "--format", "md", "--out", "缺少的文件夹/进度表.md"], status: 64, fragments: ["不存在"]),
        Refusal(arguments: ["--month", "2020-11", "--format", "html", "--out", "输出"], status: 64, fragments: ["输出", "是文件夹"]),
        Refusal(arguments: ["--month", "2020-11", "--format", "xlsx", "--out", "输出"], status: 64, fragments: ["输出", "是文件夹"]),
        Refusal(arguments: ["--month", "2020-11", "--format", "csv", "--out", "输出/"], status: 64, fragments: ["是文件夹"]),
    ]

    @Test(arguments: refusals)
    func isRefusedAndLeavesNoFileBehind(_ refusal: Refusal) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        try FileManager.default.createDirectory(atPath: sandbox.path("输出"), withIntermediateDirectories: false)
        try sandbox.write(Data("别动我".utf8), to: "输出/已有.txt")
        // The workbook is built in the temporary folder first: point that into the sandbox to watch it.
        let temporary = sandbox.root.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let before = sandbox.bytes()
        let outcome = try sandbox.run(["sheet"] + refusal.arguments + ["--db", sandbox.ledger],
                                      environment: ["SOURCE_DATE_EPOCH": SheetPin.epoch, "TMPDIR": temporary])
        expectRefusal(outcome, refusal.status, refusal.fragments)
        // The README: "Errors go to stderr as one line beginning `zoneledger: `, naming the bad value".
        let oneLine = outcome.stderr.hasPrefix("zoneledger: ") && outcome.stderr.split(separator: "\n").count == 1
        #expect(oneLine, "\(outcome)")
        #expect(sandbox.bytes() == before, "the ledger is byte-identical")
        #expect(sandbox.listing() == ["ledger.sqlite", "输出"], "no file and no partial file beside the ledger")
        #expect(sandbox.listing(sandbox.path("输出")) == ["已有.txt"], "nothing written into the folder")
        #expect(FileManager.default.contents(atPath: sandbox.path("输出/已有.txt")) == Data("别动我".utf8))
        #expect(!sandbox.exists("缺少的文件夹"), "the missing folder is not created")
        #expect(sandbox.listing(temporary).isEmpty, "no temporary workbook left behind")
    }
}
