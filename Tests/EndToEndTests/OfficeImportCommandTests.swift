import Foundation
import Testing

/// `import projects 进度表.xlsx` on workbooks built here with openpyxl, with every hazard of the
/// key-project sheets offices keep: a title, three header rows with merged parents, units in
/// both kinds of brackets, line breaks and spaces in headers, a blank `1-  月累计`, headings,
/// totals, footnotes, single-space cells, markers, numbers stored as text, three forms of
/// 建设起止时间 and 项目性质.
@Suite struct OfficeImportCommandTests {
    static let script = #"""
        import sys, openpyxl
        out, variant = sys.argv[1], sys.argv[2]
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "2010年8月"
        wb.create_sheet("说明")["A1"] = "本表由某某管委会经发局汇总"
        ws["A1"] = "2010年1-8月__开发区重点项目进度表"
        ws.merge_cells("A1:T1")
        ws["A2"] = "单位：万元"
        heads = {"A3": "序号", "B3": "项目名称", "C3": "项目\n性质", "D3": "建设起止时间", "E3": "建设内容\n及规模",
                 "F3": "总投资\n（亿元）", "G3": "项目业主单位", "J3": "2010年计划投资 (万元)", "K3": "2010年1-7月完成投资",
                 "L3": "至2009年底累计完成投资", "M3": "7月", "O3": "8月", "Q3": "1-  月累计", "R3": "挂钩领导", "S3": "责任单位",
                 "T3": "备注", "G5": "业主名称", "H5": "负责人", "I5": "联系人、电话", "M5": "当月完成投资额", "N5": "形象进度",
                 "O5": "当月完成投资额", "P5": "形象  进度"}
        for cell, text in heads.items():
            ws[cell] = text
        for column in "ABCDEFJKLQRST":
            ws.merge_cells(f"{column}3:{column}5")
        ws.merge_cells("G3:I4"); ws.merge_cells("M3:N4"); ws.merge_cells("O3:P4")
        rows = [
            ["一", "工业项目", None, None, None, 6.2, None, None, None, 14000],
            [None, "（一）在建项目"],
            ["★1", "某某新材料项目", "续建", "2009-2011", "年产新材料5万吨", 5, "某某建设公司", "总经理", "联系人 000", 8000, 3000,
             12000, 400, "主体施工", 500, "主体结顶", 3500, "分管副主任", "某某局", "省重点"],
            [2, "某某装备制造项目●", "新开工", "2010.3-2012.6", "标准厂房\n8万平方米", "1.2", "某某装备公司", " ", " ", "6,000",
             1000, " ", 300, "基础施工", 450, "厂房主体", "1,450", "分管副主任", "某某办", " "],
            [None, "小计", None, None, None, 6.2, None, None, None, 14000, 4000],
            ["二、基础设施项目"],
            [3, "某某大道改造工程", "前期", "2011.01-2012.12", "道路改造3公里", 2, "某某交通公司", None, None, 3000, 0, None, None,
             "前期准备", 200, "开工建设", 200, "分管副主任", "某某交通局"],
            [4, "某某污水处理厂", "续建", "2010-", "日处理2万吨", 0.8, "某某水务公司", None, None, 2000, 900, 500, 100, "设备安装",
             150, "调试", 1050, "分管副主任", "某某环保局"],
            [None, "合计", None, None, None, 9, None, None, None, 19000],
            [None, "其中：省重点项目", None, None, None, 5],
            [],
            ["注：★为省重点项目，●为市重点项目"],
            ["填表人：某某科    联系电话：0000000"],
        ]
        if variant == "bad":
            rows[3][9] = "6,0OO"
        for index, values in enumerate(rows):
            for column, value in enumerate(values):
                if value is not None:
                    ws.cell(row=6 + index, column=1 + column, value=value)
        ws.merge_cells(start_row=11, start_column=1, end_row=11, end_column=20)
        ws.merge_cells(start_row=17, start_column=1, end_row=17, end_column=20)
        wb.save(out)
        """#

    /// The workbook in the sandbox, or nil (with the test failed) without openpyxl.
    static func workbook(_ sandbox: Sandbox, _ name: String = "进度表.xlsx", variant: String = "good") throws -> String? {
        guard Tools.python3 != nil, Tools.openpyxl else {
            Issue.record("python3 with openpyxl is not installed: run scripts/install-deps (CI installs python3-openpyxl)")
            return nil
        }
        let made = try Tools.python(script, [sandbox.path(name), variant])
        #expect(made.status == 0, "\(made.stderr)")
        return sandbox.path(name)
    }

    static func emptyLedger(_ sandbox: Sandbox) throws {
        let made = try sandbox.run(["init", "--empty", "--db", sandbox.ledger])
        #expect(made.status == 0, "\(made)")
    }

    @Test func dryRunShowsTheMappingAndWritesNothing() throws {
        let sandbox = try Sandbox()
        try Self.emptyLedger(sandbox)
        guard let file = try Self.workbook(sandbox) else { return }
        let before = sandbox.bytes()
        let outcome = try sandbox.zl("import", "projects", file, "--dry-run")
        #expect(outcome.status == 0, "\(outcome)")
        for line in [
            "工作表“2010年8月”：2010年1-8月__开发区重点项目进度表 单位：万元；报告日期 2010-08-31",
            "  B列 项目名称 → 名称(name)",
            "  F列 总投资(亿元) → 总投资(investment)，单位亿元",
            "  G列 项目业主单位/业主名称 → 项目业主单位(owner)",
            "  I列 项目业主单位/联系人、电话：不导入",
            "  J列 2010年计划投资(万元) → 年度计划投资 2010年，单位万元",
            "  K列 2010年1-7月完成投资 → 1-N月累计完成投资 2010年1-7月，记在2010-07-31",
            "  L列 至2009年底累计完成投资 → 开工累计完成投资（期初）至2009年底，记在2009-12-31",
            "  O列 8月/当月完成投资额 → 本月完成投资 2010年8月，记在2010-08-31",
            "  P列 8月/形象进度 → 形象进度 2010年8月：记为该月记录的说明",
            "  Q列 1-月累计 → 1-N月累计完成投资 2010年1-8月，记在2010-08-31",
            "  第6行 分类：一、工业项目（此后各行类别为工业）",
            "  第7行 分类：（一）在建项目（此后各行阶段为在建）",
            "  第10行 合计/小计：小计",
            "  第14行 合计/小计：合计",
            "  第15行 合计/小计：其中：省重点项目",
            "  第17行 脚注：注：★为省重点项目，●为市重点项目",
            "  第18行 脚注：填表人：某某科    联系电话：0000000",
            "  第8行“某某新材料项目”：去掉标记★",
            "  Q列“1-月累计”没写月份：按报告月份8月读",
            "试导入（未写入）项目：新增4行，跳过0行（已在账本中）",
            "试导入（未写入）投资与进度记录：新增17行，跳过0行（已在账本中）",
        ] {
            #expect(outcome.lines.contains(line), "missing: \(line)\n\(outcome)")
        }
        #expect(sandbox.bytes() == before)
    }

    @Test func importsProjectsAndFiguresOnceAndOnlyOnce() throws {
        let sandbox = try Sandbox()
        try Self.emptyLedger(sandbox)
        guard let file = try Self.workbook(sandbox) else { return }
        let first = try sandbox.zl("import", "projects", file)
        #expect(first.status == 0, "\(first)")
        #expect(first.lines.contains("已导入项目：新增4行，跳过0行（已在账本中）"), "\(first)")
        #expect(first.lines.contains("  第11行 分类：二、基础设施项目（此后各行类别为基础设施）"), "\(first)")
        let project = try jsonObject(try sandbox.zl("project", "show", "某某装备制造项目", "--format", "json"))
        #expect(project["kind"] as? String == "industrial")
        #expect(project["stage"] as? String == "started")
        #expect(jsonNumber(project["investment_wan"]) == 12000)
        #expect(project["owner"] as? String == "某某装备公司")
        #expect(project["department"] as? String == "某某办")
        #expect(project["leader"] as? String == "分管副主任")
        #expect(project["scope"] as? String == "标准厂房8万平方米")
        #expect(project["planned_start"] as? String == "2010-03-31")
        #expect(project["planned_completion"] as? String == "2012-06-30")
        let road = try jsonObject(try sandbox.zl("project", "show", "某某大道改造工程", "--format", "json"))
        #expect([road["kind"] as? String, road["stage"] as? String] == ["infrastructure", "preliminary"])
        #expect([road["planned_start"] as? String, road["planned_completion"] as? String] == ["2011-01-31", "2012-12-31"])
        let plant = try jsonObject(try sandbox.zl("project", "show", "某某污水处理厂", "--format", "json"))
        #expect([plant["planned_start"] as? String, plant["planned_completion"] as? String] == ["2010-12-31", nil])
        // The August sheet gives back the workbook's figures, July's too.
        for (month, expected) in [("2010-08", [("某某新材料项目", [8000, 500, 3500, 15500]), ("某某装备制造项目", [6000, 450, 1450, 1450]),
                                                ("某某大道改造工程", [3000, 200, 200, 200]), ("某某污水处理厂", [2000, 150, 1050, 1550])]),
                                  ("2010-07", [("某某新材料项目", [8000, 400, 3000, 15000]), ("某某污水处理厂", [2000, 100, 900, 1400])])] {
            let sheet = try jsonObject(try sandbox.zl("sheet", "--month", month, "--format", "json"))
            let projects = try #require(sheet["projects"] as? [[String: Any]])
            for (name, figures) in expected {
                let row = try #require(projects.first { $0["name"] as? String == name }, "\(name)")
                #expect(["plan_wan", "month_wan", "ytd_wan", "total_wan"].map { jsonNumber(row[$0]) } == figures.map(Double.init), "\(month) \(name)")
            }
            if month == "2010-08" {
                let notes = try #require(projects.first { $0["name"] as? String == "某某新材料项目" }?["month_notes"] as? [String])
                #expect(notes == ["08-31 本月完成投资（2010年8月）：500万元，主体结顶"])
            }
        }
        let again = try sandbox.zl("import", "projects", file)
        #expect(again.status == 0, "\(again)")
        #expect(again.lines.contains("已导入项目：新增0行，跳过4行（已在账本中）"), "\(again)")
        #expect(again.lines.contains("已导入投资与进度记录：新增0行，跳过17行（已在账本中）"), "\(again)")
    }

    @Test func aBadFigureIsPlacedOnTheSheetAndNothingIsWritten() throws {
        let sandbox = try Sandbox()
        try Self.emptyLedger(sandbox)
        guard let file = try Self.workbook(sandbox, "坏表.xlsx", variant: "bad") else { return }
        let before = sandbox.bytes()
        let outcome = try sandbox.zl("import", "projects", file)
        #expect(outcome.status == 65, "\(outcome)")
        #expect(outcome.stderr.contains("坏表.xlsx 第9行 J列（2010年计划投资(万元)）：2010年计划投资(万元)无效“6,0OO万元”"), "\(outcome)")
        #expect(outcome.stderr.contains("（1处问题）"), "\(outcome)")
        #expect(sandbox.bytes() == before)
    }

    @Test func anAbsentSheetListsTheSheets() throws {
        let sandbox = try Sandbox()
        try Self.emptyLedger(sandbox)
        guard let file = try Self.workbook(sandbox) else { return }
        let absent = try sandbox.zl("import", "projects", file, "--sheet", "9月")
        #expect(absent.status == 65)
        #expect(absent.stderr == "zoneledger: 工作簿里没有名为“9月”的工作表：有 “2010年8月”、“说明”\n", "\(absent)")
        let notATable = try sandbox.zl("import", "projects", file, "--sheet", "说明")
        #expect(notATable.status == 65)
        #expect(notATable.stderr.contains("工作表“说明”里找不到表头"), "\(notATable)")
        let csvOnly = try sandbox.zl("import", "updates", file)
        #expect(csvOnly.status == 65, "\(csvOnly)")
    }

    @Test(.enabled(if: Tools.find(["soffice", "libreoffice"]) != nil, "LibreOffice (soffice) is not installed: .xls conversion cannot be tried"))
    func anXLSIsConvertedByLibreOffice() throws {
        let sandbox = try Sandbox()
        try Self.emptyLedger(sandbox)
        guard let file = try Self.workbook(sandbox) else { return }
        let soffice = try #require(Tools.find(["soffice", "libreoffice"]))
        let profile = sandbox.root.appendingPathComponent("lo-profile").absoluteString
        let converted = try Tools.run(soffice, ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "xls",
                                                "--outdir", sandbox.folderPath, file], timeout: 180)
        #expect(converted.status == 0, "\(converted.stderr)")
        let xls = sandbox.path("进度表.xls")
        let head = try #require(FileManager.default.contents(atPath: xls)).prefix(4)
        #expect([UInt8](head) == [0xD0, 0xCF, 0x11, 0xE0])
        let outcome = try sandbox.zl("import", "projects", xls)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.lines.contains("已导入项目：新增4行，跳过0行（已在账本中）"), "\(outcome)")
        #expect(outcome.lines.contains("已导入投资与进度记录：新增17行，跳过0行（已在账本中）"), "\(outcome)")
    }

    @Test func withoutLibreOfficeAnXLSIsRefusedWithAdvice() throws {
        let sandbox = try Sandbox()
        try Self.emptyLedger(sandbox)
        // An OLE compound file's signature is all the command looks at before it looks for LibreOffice.
        try sandbox.write(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)), to: "旧表.xls")
        let emptyPath = sandbox.root.appendingPathComponent("no-tools").path
        try FileManager.default.createDirectory(atPath: emptyPath, withIntermediateDirectories: true)
        let before = sandbox.bytes()
        let outcome = try sandbox.zl("import", "projects", sandbox.path("旧表.xls"), environment: ["PATH": emptyPath])
        #expect(outcome.status == 65, "\(outcome)")
        #expect(outcome.stderr == "zoneledger: 读不了 .xls：本机没有 LibreOffice。请在 Excel/WPS 中另存为 .xlsx 再导入\n", "\(outcome)")
        #expect(sandbox.bytes() == before)
    }
}
