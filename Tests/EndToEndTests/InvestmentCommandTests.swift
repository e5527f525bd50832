import Foundation
import Testing

/// `project plan` and `project update --invested…` from the command line, and what every sheet
/// format makes of them, month by month.
@Suite struct InvestmentCommandTests {
    /// P5 planned for 2021, reported a month at a time, as 累计, re-entered, with an opening balance.
    static func reported(_ sandbox: Sandbox) throws {
        try sandbox.seeded()
        for step in [
            ["project", "plan", "P5", "--year", "2021", "--investment", "8000万元", "--image", "主体结顶", "--on", "2021-01-05"],
            ["project", "update", "P5", "--invested-total", "2亿元", "--on", "2020年底"],
            ["project", "update", "P5", "--invested", "600万元", "--on", "2021年1月"],
            ["project", "update", "P5", "--invested-ytd", "1000万元", "--on", "2021年2月"],
            ["project", "update", "P5", "--invested", "250万元", "--on", "2021年3月"],
            ["project", "update", "P5", "--invested", "300万元", "--on", "2021年3月", "--note", "3月数据更正"],
            ["project", "plan", "P6", "--year", "2021", "--investment", "1亿元", "--on", "2021-01-05"],
            ["project", "edit", "P5", "--leader", "分管副主任", "--scope", "年产10万台减速器", "--on", "2021-01-05"],
        ] {
            expectSuccess(try sandbox.run(step + ["--db", sandbox.ledger]))
        }
    }

    @Test func everyMonthOfTheYearHasItsFigures() throws {
        let sandbox = try Sandbox()
        try Self.reported(sandbox)
        // month → (本月, 1-N月累计, 开工累计, 完成年度计划%)
        let expected: [Int: (String, String, String, String)] = [
            1: ("600", "600", "20600", "7.5"), 2: ("400", "1000", "21000", "12.5"), 3: ("300", "1300", "21300", "16.3"),
            4: ("", "1300", "21300", "16.3"), 12: ("", "1300", "21300", "16.3"),
        ]
        for (month, figures) in expected.sorted(by: { $0.key < $1.key }) {
            let json = try SheetDocument(try sandbox.sheet("--month", String(format: "2021-%02d", month), "--format", "json"))
            let p5 = try #require(json.row("projects", where: "code", is: "P5"), "\(month)")
            #expect(p5["plan_wan"]?.literal == "8000", "\(month)")
            #expect(p5["month_wan"]?.literal ?? "" == figures.0, "\(month): 本月")
            #expect(p5["ytd_wan"]?.literal == figures.1, "\(month): 累计")
            #expect(p5["total_wan"]?.literal == figures.2, "\(month): 开工累计")
            #expect(p5["plan_percent"]?.literal == figures.3, "\(month): 完成%")
            #expect(p5["responsible"]?.string == "分管副主任" && p5["scope"]?.string == "年产10万台减速器")
            let line = try #require(json.rows("investment").first)
            #expect(line.first { $0.key == "plan_wan" }?.value.literal == "18000")
        }
        // March's sentence and its header in every format.
        let sentence = "1-3月累计完成投资1300万元，占年度计划7.2%，落后时间进度17.8个百分点"
        for format in ["text", "md", "csv", "json", "html"] {
            let outcome = try sandbox.sheet("--month", "2021-03", "--format", format)
            expectSuccess(outcome)
            #expect(outcome.stdout.contains(sentence), "\(format)")
            if format != "json" { #expect(outcome.stdout.contains("1-3月累计完成投资(万元)"), "\(format)") }
        }
    }

    /// Reports and plans travel in updates.csv: importing the export again adds nothing, and a
    /// fresh seeded ledger given the file has the same figures on every month's sheet.
    @Test func theInvestmentHistoryTravelsThroughExportAndImport() throws {
        let sandbox = try Sandbox()
        try Self.reported(sandbox)
        expectSuccess(try sandbox.zl("export", "--out", sandbox.path("导出")))
        let header = try String(contentsOfFile: sandbox.path("导出/updates.csv"), encoding: .utf8).split(separator: "\r\n").first ?? ""
        #expect(header.contains("本月完成投资(万元)") && header.contains("计划年度") && header.contains("形象进度计划"))
        let before = try sandbox.contents()
        let again = try sandbox.zl("import", "all", sandbox.path("导出"))
        expectSuccess(again)
        #expect(again.stdout.contains("已导入状态记录：新增0行"), "\(again)")
        #expect(try sandbox.contents() == before, "importing the export again changed the ledger")

        let fresh = try Sandbox()
        try fresh.seeded()
        expectSuccess(try fresh.run(["import", "updates", sandbox.path("导出/updates.csv"), "--db", fresh.ledger]))
        for month in ["2021-01", "2021-02", "2021-03", "2021-12"] {
            let mine = try SheetDocument(try sandbox.sheet("--month", month, "--format", "json"))
            let theirs = try SheetDocument(try fresh.sheet("--month", month, "--format", "json"))
            for key in ["plan_wan", "month_wan", "ytd_wan", "plan_percent", "total_wan", "plan_image", "responsible", "scope"] {
                #expect(mine.row("projects", where: "code", is: "P5")?[key]?.literal == theirs.row("projects", where: "code", is: "P5")?[key]?.literal,
                        "\(month) \(key)")
                #expect(mine.row("projects", where: "code", is: "P5")?[key]?.string == theirs.row("projects", where: "code", is: "P5")?[key]?.string,
                        "\(month) \(key)")
            }
            #expect(mine.rows("investment").map { $0.map(\.value.literal) } == theirs.rows("investment").map { $0.map(\.value.literal) })
        }
    }

    /// Refused reports name the rule and leave the ledger byte-identical.
    @Test(arguments: [
        (["project", "update", "P5", "--invested-ytd", "900万元", "--on", "2021年3月"], 65, "1-3月累计900万元比它少"),
        (["project", "update", "P5", "--invested", "1", "--invested-ytd", "2000", "--on", "2021年3月"], 64, "一条记录只报一种投资数"),
        (["project", "update", "P5", "--invested", "-5万元", "--on", "2021年3月"], 65, "本月完成投资无效"),
        (["project", "update", "P5", "--invested-total", "三亿", "--on", "2021年3月"], 65, "开工累计完成投资无效"),
        (["project", "plan", "P5", "--year", "1800", "--investment", "1亿元"], 65, "计划年度无效"),
        (["project", "plan", "P5", "--year", "2021", "--investment", "abc"], 65, "年度计划投资无效"),
        (["project", "plan", "不存在的项目", "--year", "2021", "--investment", "1亿元"], 65, "不存在的项目"),
        (["project", "update", "P5", "--invested", "5万元", "--on", "2019-01-31"], 65, "2020-11-30"),
    ] as [([String], Int32, String)])
    func badReportsAreRefused(_ arguments: [String], _ status: Int32, _ message: String) throws {
        let sandbox = try Sandbox()
        try Self.reported(sandbox)
        let before = sandbox.bytes()
        expectRefusal(try sandbox.run(arguments + ["--db", sandbox.ledger]), status, [message])
        #expect(sandbox.bytes() == before)
    }
}
