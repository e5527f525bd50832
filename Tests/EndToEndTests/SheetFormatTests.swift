import Foundation
import Testing

/// The sheet's formats: every one agrees with the JSON cell by cell, each regenerates byte for
/// byte once recorded, the HTML renders in a real browser, the XLSX reads back in openpyxl.
@Suite struct SheetFormatTests {
    /// The ledgers the formats are compared on: as seeded, and with cells that need escaping.
    enum Ledger: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case seeded, enriched
        var testDescription: String { rawValue }

        func make(_ sandbox: Sandbox) throws {
            switch self {
            case .seeded: try sandbox.seeded()
            case .enriched: try sandbox.enriched()
            }
        }
    }

    static func render(_ sandbox: Sandbox, _ format: String, month: String = "2020-11") throws -> Outcome {
        let outcome = try sandbox.sheet("--month", month, "--format", format)
        expectSuccess(outcome)
        return outcome
    }

    // MARK: - Agreement with the JSON

    @Test(arguments: Ledger.allCases)
    func markdownAgreesWithTheJSON(_ ledger: Ledger) throws {
        let sandbox = try Sandbox()
        try ledger.make(sandbox)
        let json = try SheetDocument(try Self.render(sandbox, "json"))
        let md = try markdownSections(try Self.render(sandbox, "md").stdout)
        #expect(md.sections.map(\.title) == SheetSections.all.map(\.chinese))
        for (section, info) in zip(md.sections, SheetSections.all) {
            let rows = json.rows(info.key)
            guard !rows.isEmpty else {
                #expect(section.saidNone && section.rows.isEmpty, "\(info.key): an empty section says so")
                continue
            }
            let keys = rows[0].map(\.key)
            #expect(section.header.count == keys.count, "\(info.key): header \(section.header) for keys \(keys)")
            // Numbers right-aligned, text left-aligned.
            for (index, key) in keys.enumerated() where index < section.alignment.count {
                let values = rows.map { $0[index].value }
                if values.contains(where: \.isNumber) { #expect(section.alignment[index] == "---:", "\(info.key).\(key) holds numbers") }
                if values.contains(where: { $0.string != nil }) { #expect(section.alignment[index] == "---", "\(info.key).\(key) holds text") }
            }
            let mismatches = cellMismatches(section.rows, rows, format: .markdown, section: info.key)
            #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        }
        if ledger == .enriched {
            let p37 = try #require(md.sections.first { $0.title == "重点项目进度" }?.rows.first { $0.count > 1 && $0[1] == "P37" })
            #expect(p37[2] == #"=HYPERLINK("x")|管道"#, "the pipe is escaped and read back")
        }
    }

    @Test(arguments: Ledger.allCases)
    func csvAgreesWithTheJSON(_ ledger: Ledger) throws {
        let sandbox = try Sandbox()
        try ledger.make(sandbox)
        let json = try SheetDocument(try Self.render(sandbox, "json"))
        let csv = try Self.render(sandbox, "csv")
        // A line break inside a quoted cell is the cell's own (the enriched note has one), not a line end.
        let problems = csvProblems(csv.stdoutData).filter { !$0.hasPrefix("bare LF") } + csvLineEndProblems(csv.stdoutData)
        #expect(problems.isEmpty, "\(problems)")
        let sections = csvSections(csv.stdoutData)
        #expect(sections.map(\.title) == ["__经济开发区2020年11月月度进度表"] + SheetSections.all.map(\.chinese))
        let md = try markdownSections(try Self.render(sandbox, "md").stdout)
        for (section, info) in zip(sections.dropFirst(), SheetSections.all) {
            let rows = json.rows(info.key)
            if let first = rows.first { #expect(section.header.count == first.count, "\(info.key): \(section.header)") }
            if let mdHeader = md.sections.first(where: { $0.title == info.chinese })?.header, !mdHeader.isEmpty {
                #expect(section.header == mdHeader, "\(info.key): CSV and Markdown headers differ")
            }
            let mismatches = cellMismatches(section.rows, rows, format: .csv, section: info.key)
            #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        }
        if ledger == .enriched {
            let projects = try #require(sections.first { $0.title == "重点项目进度" })
            let p37 = try #require(projects.rows.first { $0.count > 1 && $0[1] == "P37" })
            let notes = try #require(projects.header.firstIndex(of: "本月进展"))
            #expect(p37[2] == #"'=HYPERLINK("x")|管道"#, "a formula-like name is guarded")
            #expect(p37[notes].contains("第一行\n第二行, \"引号\""), "the note keeps its line break, comma and quotes: \(p37[notes])")
            let scope = try #require(projects.header.firstIndex(of: "建设内容及规模"))
            #expect(p37[scope] == "新建厂房5万平方米，含\"研发楼\"")
        }
    }

    @Test(arguments: Ledger.allCases)
    func textAgreesWithTheJSONAndLinesUp(_ ledger: Ledger) throws {
        let sandbox = try Sandbox()
        try ledger.make(sandbox)
        let json = try SheetDocument(try Self.render(sandbox, "json"))
        let text = try Self.render(sandbox, "text")
        let sheet = textSections(text.stdout)
        #expect(sheet.sections.map(\.title) == SheetSections.all.map(\.chinese))
        let md = try markdownSections(try Self.render(sandbox, "md").stdout)
        for (section, info) in zip(sheet.sections, SheetSections.all) {
            let rows = json.rows(info.key)
            guard !rows.isEmpty else {
                #expect(section.body == ["（无）"], "\(info.key): \(section.body)")
                continue
            }
            let table = try #require(section.table, "\(info.key): no table in \(section.body.prefix(3))")
            #expect(table.alignmentProblems.isEmpty, "\(info.key): \(table.alignmentProblems)")
            if let mdHeader = md.sections.first(where: { $0.title == info.chinese })?.header {
                #expect(table.labels == mdHeader, "\(info.key): every column shown, labelled as in Markdown")
            }
            let cells = table.rows.map { row in table.labels.indices.map { table.cell($0, of: row) } }
            let mismatches = cellMismatches(cells, rows, format: .terminal, section: info.key)
            #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        }
        // Nothing is cut when the output is not a terminal.
        #expect(!text.stdout.contains("…"))
        #expect(!text.stdout.contains("\u{1B}"), "no colour outside a terminal")
    }

    // MARK: - Reproducible

    @Test func anEarlierMonthRegeneratesByteForByte() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let formats = ["json", "text", "md", "csv", "html", "xlsx"]
        func generate(_ month: String) throws -> [String: Data] {
            var outputs: [String: Data] = [:]
            for format in formats { outputs[format] = try Self.render(sandbox, format, month: month).stdoutData }
            return outputs
        }
        let november = try generate("2020-11")
        let december = try generate("2020-12")
        #expect(november["xlsx"]?.starts(with: Data("PK".utf8)) == true)
        // A second run straight away, at another "today" and in another time zone, is the same.
        #expect(try generate("2020-11") == november)
        for format in formats {
            let later = try sandbox.sheet("--month", "2020-11", "--format", format,
                                          environment: ["ZONELEDGER_TODAY": "2027-03-01", "TZ": "Asia/Shanghai"])
            expectSuccess(later)
            #expect(later.stdoutData == november[format], "\(format) depends on today or the time zone")
        }

        // Later entries, each effective after November, and an undo.
        let steps: [[String]] = [
            ["project", "update", "P5", "--stage", "在建", "--on", "2020-12-10"],
            ["milestone", "done", "M3", "--on", "2021-02-05"],
            ["project", "edit", "P5", "--name", "新名字"],
            ["parcel", "add", "新出让地块", "--area", "12.5", "--status", "出让", "--on", "2021-01-05"],
            ["undo"],
        ]
        for step in steps {
            expectSuccess(try sandbox.run(step + ["--db", sandbox.ledger]))
            #expect(try Self.render(sandbox, "json").stdoutData == november["json"], "after \(step.joined(separator: " "))")
        }
        // The entries are really there (and the undo took back the parcel).
        let p5 = try jsonObject(try sandbox.zl("project", "show", "P5", "--format", "json"))
        #expect(p5["name"] as? String == "新名字")
        #expect(try sandbox.zl("parcel", "list", "--format", "json").stdout.contains("新出让地块") == false)
        #expect(try sandbox.zl("log", "--format", "json").stdout.contains("新出让地块"), "the undone entry stays in the log")

        for format in formats {
            let again = try Self.render(sandbox, format)
            #expect(again.stdoutData == november[format], "\(format) of 2020-11 changed after later entries")
        }
        // Written with --out, the workbook is the same bytes as on stdout.
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", "xlsx", "--out", "2020年11月.xlsx"))
        #expect(FileManager.default.contents(atPath: sandbox.path("2020年11月.xlsx")) == november["xlsx"])

        // December does change: P5 started construction on 2020-12-10.
        let decemberAfter = try generate("2020-12")
        for format in formats {
            #expect(decemberAfter[format] != december[format], "\(format) of 2020-12 should show the December entry")
        }
        let before = try SheetDocument(data: try #require(december["json"]))
        let after = try SheetDocument(data: try #require(decemberAfter["json"]))
        let stageCount = { (sheet: SheetDocument, stage: String) in
            sheet.rows("projects_by_stage").first { $0[0].value.string == stage }?[1].value.literal
        }
        #expect(stageCount(before, "开工") == "4" && stageCount(after, "开工") == "3")
        #expect(stageCount(before, "在建") == "7" && stageCount(after, "在建") == "8")
        let p5December = try #require(after.row("projects", where: "code", is: "P5"))
        #expect(p5December["stage"]?.string == "在建")
        #expect(p5December["name"]?.string == "台邦精密减速器项目", "renamed today, so December shows the old name")
        #expect(p5December["month_notes"] == .array([.string("12-10 阶段：在建")]))
        #expect(after.heading("generated_at") == SheetPin.generated)
    }

    // MARK: - HTML

    @Test func htmlIsSelfContainedAndPrintable() throws {
        let sandbox = try Sandbox()
        try sandbox.enriched()
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", "html", "--out", "sheet.html"))
        let data = try #require(FileManager.default.contents(atPath: sandbox.path("sheet.html")))
        let html = String(decoding: data, as: UTF8.self)
        #expect(html == String(decoding: try Self.render(sandbox, "html").stdoutData, as: UTF8.self), "--out and stdout agree")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(#"<meta charset="utf-8">"#))
        #expect(html.contains(#"<html lang="zh-CN">"#))
        for outside in ["http://", "https://", "<script", "<link", " src=", "@import", "url("] {
            #expect(!html.contains(outside), "not self-contained: \(outside)")
        }
        #expect(html.contains("@page { size: A4 landscape"), "prints A4 landscape")
        // Progress bars: one per project with a progress, as wide as the percentage.
        #expect(html.contains(#"<span class="bar"><span style="width:40%"></span></span>40"#))
        #expect(html.contains(#"<span class="bar"><span style="width:35%"></span></span>35"#))
        #expect(html.components(separatedBy: #"<span class="bar">"#).count - 1 == 2)
        // Sections in order, projects grouped under their kinds.
        let headings = html.matches(of: /<h2>(.*?)<\/h2>/).map { String($0.output.1) }
        #expect(headings == SheetSections.all.map(\.chinese))
        let groups = html.matches(of: /<tr class="group"><td colspan="20">(.*?)<\/td><\/tr>/).map { String($0.output.1) }
        #expect(groups == SheetSections.kindOrder)
        #expect(html.contains("<h1>__经济开发区2020年11月月度进度表</h1>"))
        // Ledger text is escaped, never markup.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("=HYPERLINK(&quot;x&quot;)|管道"))
        #expect(html.contains(#"class="short status-逾期">逾期</td>"#), "P37's milestone is overdue")
    }

    @Test func htmlRendersInAHeadlessBrowser() throws {
        guard let chromium = Tools.chromium else {
            Issue.record("chromium is not installed: run scripts/install-deps (CI installs chromium and fonts-noto-cjk)")
            return
        }
        let sandbox = try Sandbox()
        try sandbox.enriched()
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", "html", "--out", "sheet.html"))
        let page = URL(fileURLWithPath: sandbox.path("sheet.html")).absoluteString
        let profile = sandbox.root.appendingPathComponent("chromium").path
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)"]

        let dom = try Tools.run(chromium, common + ["--dump-dom", page], timeout: 120)
        #expect(dom.status == 0, "\(dom)")
        #expect(dom.stdout.contains("2020年11月月度进度表"), "\(dom)")
        #expect(dom.stdout.contains("<h2>重点项目进度</h2>"))
        #expect(dom.stdout.components(separatedBy: #"class="bar""#).count - 1 == 2, "the bars survive parsing")
        #expect(!dom.stdout.contains("<script>alert"), "the note stays text in the DOM")

        let screenshot = sandbox.root.appendingPathComponent("sheet.png").path
        let shot = try Tools.run(chromium, common + ["--screenshot=\(screenshot)", "--window-size=1400,2000", page], timeout: 120)
        #expect(shot.status == 0, "\(shot)")
        let png = try #require(FileManager.default.contents(atPath: screenshot), "no screenshot: \(shot)")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        guard Tools.python3 != nil else {
            Issue.record("python3 is not installed: run scripts/install-deps")
            return
        }
        let census = try Tools.python(pngCensusScript, [screenshot])
        #expect(census.status == 0, "\(census)")
        let numbers = census.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(numbers.count == 4, "\(census)")
        #expect(numbers[0] == 1400 && numbers[1] == 2000, "screenshot size \(numbers)")
        // A blank page has none; the sheet fills the window with tables and text.
        #expect(numbers[2] > 100_000, "non-white pixels: \(numbers[2]) of 2,800,000")
        #expect(numbers[3] > 20_000, "dark (ink) pixels: \(numbers[3])")
    }

    // MARK: - XLSX

    /// What openpyxl sees in the workbook, as JSON: per worksheet its title, frozen cell, A1,
    /// merged ranges, the header row, column widths and the number formats of each column's numbers.
    static let workbookSurvey = #"""
    import json, sys, openpyxl
    from openpyxl.utils import get_column_letter
    book = openpyxl.load_workbook(sys.argv[1])
    out = []
    for ws in book.worksheets:
        columns = range(1, ws.max_column + 1)
        header = [ws.cell(row=3, column=c).value for c in columns]
        formats = {}
        for c in columns:
            found = sorted({ws.cell(row=r, column=c).number_format for r in range(4, ws.max_row + 1)
                            if isinstance(ws.cell(row=r, column=c).value, (int, float))})
            formats[str(header[c - 1])] = found
        out.append({
            "title": ws.title, "freeze": ws.freeze_panes, "a1": ws["A1"].value,
            "merged": sorted(str(m) for m in ws.merged_cells.ranges),
            "header": header, "header_bold": all(ws.cell(row=3, column=c).font.b for c in columns),
            "widths": [ws.column_dimensions[get_column_letter(c)].width or 0 for c in columns],
            "formats": formats, "orientation": ws.page_setup.orientation, "paper": str(ws.page_setup.paperSize),
        })
    print(json.dumps(out, ensure_ascii=False))
    """#

    @Test(arguments: Ledger.allCases)
    func xlsxReadsBackCellForCell(_ ledger: Ledger) throws {
        let sandbox = try Sandbox()
        try ledger.make(sandbox)
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", "json", "--out", "sheet.json"))
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", "xlsx", "--out", "sheet.xlsx"))
        let workbook = try #require(FileManager.default.contents(atPath: sandbox.path("sheet.xlsx")))
        #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP file")
        // Not a terminal: a pipe (here a file) gets the workbook on stdout, the same bytes.
        let piped = try Self.render(sandbox, "xlsx")
        #expect(piped.stdoutData.starts(with: Data("PK".utf8)))
        #expect(piped.stdoutData == workbook)

        guard Tools.python3 != nil, Tools.openpyxl else {
            Issue.record("python3 with openpyxl is not installed: run scripts/install-deps (CI installs python3-openpyxl)")
            return
        }
        let json = try SheetDocument(data: try #require(FileManager.default.contents(atPath: sandbox.path("sheet.json"))))
        let cells = SheetSections.all.map { json.rows($0.key).reduce(0) { $0 + $1.count } }.reduce(0, +)
        let script = Tools.repository.appendingPathComponent("scripts/check-xlsx").path
        let python3 = try #require(Tools.python3)
        // As CI runs it: python3 scripts/check-xlsx FILE.xlsx FILE.json
        let checked = try Tools.run(python3, [script, sandbox.path("sheet.xlsx"), sandbox.path("sheet.json")])
        #expect(checked.status == 0, "\(checked)")
        #expect(checked.stdout.contains("checked \(cells) cells in \(SheetSections.all.count) worksheets"), "expected \(cells) cells: \(checked)")

        // The checker does find a difference: March 2021's JSON against November's workbook.
        expectSuccess(try sandbox.sheet("--month", "2021-03", "--format", "json", "--out", "march.json"))
        let wrong = try Tools.run(python3, [script, sandbox.path("sheet.xlsx"), sandbox.path("march.json")])
        #expect(wrong.status == 1, "\(wrong)")

        let survey = try Tools.python(Self.workbookSurvey, [sandbox.path("sheet.xlsx")])
        #expect(survey.status == 0, "\(survey)")
        let sheets = try #require(try JSONSerialization.jsonObject(with: Data(survey.stdout.utf8)) as? [[String: Any]], "\(survey)")
        #expect(sheets.compactMap { $0["title"] as? String } == SheetSections.all.map(\.chinese))
        let md = try markdownSections(try Self.render(sandbox, "md").stdout)
        for (sheet, info) in zip(sheets, SheetSections.all) {
            let title = info.chinese
            #expect(sheet["freeze"] as? String == "A4", "\(title): header row not frozen")
            #expect((sheet["a1"] as? String)?.contains("__经济开发区2020年11月月度进度表") == true, "\(title): A1 \(sheet["a1"] ?? "")")
            #expect((sheet["a1"] as? String)?.hasSuffix(title) == true, "\(title): A1 names the section")
            let widths = (sheet["widths"] as? [Any])?.compactMap(jsonNumber) ?? []
            #expect(!widths.isEmpty && widths.allSatisfy { $0 > 0 }, "\(title): widths \(widths)")
            #expect(sheet["header_bold"] as? Bool == true, "\(title): header not bold")
            #expect(sheet["orientation"] as? String == "landscape", "\(title)")
            #expect(sheet["paper"] as? String == "9", "\(title): A4 is paper size 9")
            let header = (sheet["header"] as? [Any])?.map { "\($0)" } ?? []
            if let mdHeader = md.sections.first(where: { $0.title == title })?.header, !mdHeader.isEmpty {
                #expect(header == mdHeader, "\(title): header row")
            }
            let merged = sheet["merged"] as? [String] ?? []
            if header.count > 1 { #expect(merged.contains { $0.hasPrefix("A1:") }, "\(title): heading merged over the table: \(merged)") }
        }
        let formats = { (title: String, column: String) -> [String] in
            let sheet = sheets.first { $0["title"] as? String == title }
            return (sheet?["formats"] as? [String: [String]])?[column] ?? []
        }
        // Money: parks Y4 and Y5 have an investment (9亿元, 2.5亿元).
        #expect(!formats("园区和平台", "总投资(万元)").isEmpty && formats("园区和平台", "总投资(万元)").allSatisfy { $0.contains("#,##0") },
                "\(formats("园区和平台", "总投资(万元)"))")
        if ledger == .enriched {
            #expect(formats("重点项目进度", "总投资(万元)") == ["#,##0"], "P37's 35000 万元")
        }
        // Area with its two places, percentages with a %.
        #expect(formats("地块", "面积(亩)") == ["0.00"])
        #expect(formats("土地出让", "出让完成率%").allSatisfy { $0.contains("%") } && !formats("土地出让", "出让完成率%").isEmpty)
    }

    /// Ready to print on either paper: every worksheet landscape, one page wide, its header
    /// repeated; the months' chart in the workbook and in the page, drawn from the same table.
    @Test(arguments: ["a4", "a3"])
    func printSetupAndTheChartOnEitherPaper(_ paper: String) throws {
        let sandbox = try Sandbox()
        try sandbox.enriched()
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", "xlsx", "--paper", paper, "--out", "sheet.xlsx"))
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", "json", "--out", "sheet.json"))
        let page = try sandbox.sheet("--month", "2020-11", "--format", "html", "--paper", paper).stdout
        #expect(page.contains("@page { size: \(paper.uppercased()) landscape"))
        // The chart: the year's months, the time line to the plan, the months so far with a point each.
        let chart = try #require(page.firstMatch(of: /<svg class="chart"[\s\S]*?<\/svg>/).map { String($0.output) })
        #expect(chart.contains("12月") && chart.contains(#"<line class="time""#) && chart.contains(#"<polyline class="actual""#))
        #expect(chart.components(separatedBy: "<circle").count - 1 == 1, "only November has a 累计")
        let json = try SheetDocument(data: try #require(FileManager.default.contents(atPath: sandbox.path("sheet.json"))))
        #expect(json.rows("investment_by_month").map { $0[1].value.cellText(.plain) }.suffix(2) == ["", "2345.67"])
        guard Tools.python3 != nil, Tools.openpyxl else {
            Issue.record("python3 with openpyxl is not installed: run scripts/install-deps (CI installs python3-openpyxl)")
            return
        }
        let script = Tools.repository.appendingPathComponent("scripts/check-xlsx").path
        let python3 = try #require(Tools.python3)
        let checked = try Tools.run(python3, [script, sandbox.path("sheet.xlsx"), sandbox.path("sheet.json"), paper])
        #expect(checked.status == 0, "\(checked)")
        // And it does notice the other paper.
        let other = try Tools.run(python3, [script, sandbox.path("sheet.xlsx"), sandbox.path("sheet.json"), paper == "a4" ? "a3" : "a4"])
        #expect(other.status == 1 && other.stderr.contains("not landscape"), "\(other)")
    }
}
