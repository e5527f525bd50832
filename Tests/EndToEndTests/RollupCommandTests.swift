import Foundation
import Testing

/// `rollup`: a city's sheet of several zone ledgers. Each zone's row is that zone's own sheet,
/// read by `sheet` separately; the 合计 is their exact sum; every format shows the same cells;
/// one unreadable ledger stops the whole rollup.
@Suite struct RollupCommandTests {
    /// Three zones unlike each other: the enriched seeded ledger, a seeded one with its own plan,
    /// problem, overdue milestone and sale, and an empty ledger with one new project and no land target.
    static func threeZones(_ sandbox: Sandbox) throws -> [String] {
        try sandbox.enriched()
        let a = sandbox.ledger, b = try sandbox.seeded("b.sqlite"), c = sandbox.path("c.sqlite")
        let steps: [(String, [String])] = [
            (a, ["zone", "rename", "甲经济开发区"]),
            (b, ["zone", "rename", "乙开发区"]),
            (b, ["project", "plan", "P2", "--year", "2020", "--investment", "5000万元", "--on", "2020-11-03"]),
            (b, ["project", "update", "P2", "--invested-ytd", "4100.55万元", "--on", "2020-11-30"]),
            (b, ["project", "update", "P3", "--stage", "开工", "--on", "2020-11-12"]),
            (b, ["problem", "add", "P3", "拆迁未完成", "--department", "征迁办", "--due", "2020-11-10", "--on", "2020-11-01"]),
            (b, ["milestone", "add", "完成土地平整", "--project", "P3", "--due", "2020-11-15", "--on", "2020-11-02"]),
            (b, ["parcel", "update", "L1", "--status", "出让", "--on", "2020-11-30"]),
            (c, ["init", "--empty"]),
            (c, ["zone", "rename", "丙工业园"]),
            (c, ["project", "add", "新材料产业园", "--kind", "工业", "--investment", "2亿元", "--on", "2020-11-02"]),
            (c, ["project", "plan", "P1", "--year", "2020", "--investment", "3000万元", "--on", "2020-11-02"]),
            (c, ["project", "update", "P1", "--invested", "800万元", "--stage", "开工", "--on", "2020-11-20"]),
        ]
        for (ledger, step) in steps {
            let outcome = try sandbox.run(step + ["--db", ledger])
            guard outcome.status == 0 else { throw HarnessError("setting up \(ledger) failed: \(outcome)") }
        }
        return [a, b, c]
    }

    static func rollup(_ sandbox: Sandbox, _ ledgers: [String], _ arguments: String...) throws -> Outcome {
        try sandbox.run(["rollup"] + arguments + ledgers, environment: SheetPin.environment)
    }

    static let zones = ["甲经济开发区", "乙开发区", "丙工业园"]

    /// Which of a zone sheet's sections and columns each rollup column comes from.
    static let sources: [(section: String, from: String, columns: [(rollup: String, sheet: String)])] = [
        ("investment", "investment", ["projects_planned", "plan_wan", "month_wan", "ytd_wan", "plan_percent", "time_percent", "points_ahead"].map { ($0, $0) }),
        ("land", "land", ["target_mu", "sold_mu", "sold_count", "listed_mu", "listed_count", "sold_percent", "sold_and_listed_percent"].map { ($0, $0) }),
        ("problems", "problem_summary", [("open", "open"), ("overdue", "overdue"), ("new", "new"), ("resolved", "resolved")]),
        ("problems", "milestone_summary", [("overdue_milestones", "overdue")]),
    ]
    /// Columns whose 合计 is a ratio of the sums, not a sum.
    static let ratios: Set<String> = ["plan_percent", "time_percent", "points_ahead", "sold_percent", "sold_and_listed_percent"]

    static func decimal(_ node: JSONNode?) -> Decimal? { node?.literal.flatMap { Decimal(string: $0) } }

    @Test(arguments: ["2020-11", "2020-12"])
    func eachRowIsTheZonesOwnSheetAndTheTotalTheirSum(_ month: String) throws {
        let sandbox = try Sandbox()
        let ledgers = try Self.threeZones(sandbox)
        let outcome = try Self.rollup(sandbox, ledgers, "--month", month, "--format", "json")
        expectSuccess(outcome)
        let city = try SheetDocument(outcome)
        #expect(city.root["zones"]?.items.compactMap(\.string) == Self.zones)
        let sheets = try ledgers.map { ledger in
            let sheet = try sandbox.run(["sheet", "--month", month, "--format", "json", "--db", ledger], environment: SheetPin.environment)
            expectSuccess(sheet)
            return try SheetDocument(sheet)
        }

        // Projects by stage: each stage's count per zone, and the 合计 column and row.
        let stageRows = city.rawRows("projects_by_stage")
        try #require(stageRows.count == 4, "three zones and 合计: \(stageRows)")
        for (index, sheet) in sheets.enumerated() {
            let row = JSONNode.object(stageRows[index])
            #expect(row["zone"]?.string == Self.zones[index])
            for stage in sheet.rawRows("projects_by_stage").map(JSONNode.object) {
                let key = try #require(stage["stage"]?.string)
                let column = key == "total" ? "projects" : key
                #expect(row[column] == stage["projects"], "\(Self.zones[index]) \(key)")
            }
        }
        let total = JSONNode.object(stageRows[3])
        #expect(total["zone_label"]?.string == "合计")
        for column in stageRows[3].map(\.key) where column != "zone" && column != "zone_label" {
            let sum = stageRows.prefix(3).compactMap { Self.decimal(JSONNode.object($0)[column]) }.reduce(0, +)
            #expect(Self.decimal(total[column]) == sum, "stage \(column)")
        }
        #expect(Self.decimal(total["projects"]) == Decimal(sheets.map { $0.rawRows("projects").filter { !($0.first { $0.key == "code" }?.value.string ?? "").isEmpty }.count }.reduce(0, +)),
                "the 合计 counts every project listed on the three sheets")

        // Investment, land, problems: each zone's cells are its sheet's; the 合计 their sum.
        for source in Self.sources {
            let rows = city.rawRows(source.section).map(JSONNode.object)
            try #require(rows.count == 4, "\(source.section): \(rows)")
            for (index, sheet) in sheets.enumerated() {
                let own = try #require(sheet.rawRows(source.from).first.map(JSONNode.object), "\(source.from) of \(Self.zones[index])")
                for (column, sheetColumn) in source.columns {
                    #expect(rows[index][column] == own[sheetColumn], "\(Self.zones[index]) \(source.section).\(column)")
                }
            }
            for (column, _) in source.columns where !Self.ratios.contains(column) {
                let parts = rows.prefix(3).map { $0[column] }
                let present = parts.compactMap(Self.decimal)
                let expected: Decimal? = column == "target_mu" && present.count < 3 ? nil : present.isEmpty ? nil : present.reduce(0, +)
                #expect(Self.decimal(rows[3][column]) == expected, "合计 \(source.section).\(column): \(parts) → \(rows[3][column] ?? .null)")
            }
        }

        // The 合计's percentages come from its sums, as each zone's from its own.
        let investment = JSONNode.object(city.rawRows("investment")[3])
        let plan = try #require(Self.decimal(investment["plan_wan"])), ytd = try #require(Self.decimal(investment["ytd_wan"]))
        var ratio = ytd / plan * 100, rounded = Decimal()
        NSDecimalRound(&rounded, &ratio, 1, .plain)
        #expect(Self.decimal(investment["plan_percent"]) == rounded, "Σ1-N月 ÷ Σ年度计划: \(investment)")
        let land = JSONNode.object(city.rawRows("land")[3])
        #expect(land["target_mu"] == .null && land["sold_percent"] == .null, "丙工业园 has no target: no city target, no city percentage")

        // Overdue milestones: every zone's, each row naming its zone.
        let overdue = city.rawRows("overdue").map(JSONNode.object)
        let expected = sheets.enumerated().flatMap { index, sheet in
            sheet.rawRows("overdue").map { [JSONMember(key: "zone", value: .string(Self.zones[index]))] + $0 }
        }
        #expect(overdue == expected.map(JSONNode.object))
        #expect(overdue.contains { $0["zone"]?.string == "乙开发区" && $0["milestone"]?.string == "完成土地平整" })
    }

    /// A percentage of the sums is not the sum of percentages; the zones are in the order given.
    @Test func theOrderGivenIsTheOrderShownAndNamesRepeatWithTheirFile() throws {
        let sandbox = try Sandbox()
        let ledgers = try Self.threeZones(sandbox)
        let reversed = try SheetDocument(try Self.rollup(sandbox, ledgers.reversed(), "--month", "2020-11", "--format", "json"))
        #expect(reversed.root["zones"]?.items.compactMap(\.string) == Self.zones.reversed())
        // Two seeded copies both call themselves __经济开发区: each row says which file it is.
        try sandbox.seeded("x.sqlite")
        try sandbox.seeded("y.sqlite")
        let twins = try Self.rollup(sandbox, [sandbox.path("x.sqlite"), sandbox.path("y.sqlite")], "--month", "2020-11", "--format", "json")
        expectSuccess(twins)
        #expect(try SheetDocument(twins).root["zones"]?.items.compactMap(\.string) == ["__经济开发区（x.sqlite）", "__经济开发区（y.sqlite）"])
    }

    // MARK: - Every format

    @Test func everyFormatShowsTheJSONsCells() throws {
        let sandbox = try Sandbox()
        let ledgers = try Self.threeZones(sandbox)
        let json = try SheetDocument(try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "json"))
        let keys = json.keys.filter { $0 != "zones" && !SheetSections.headingKeys.contains($0) }
        #expect(keys == ["projects_by_stage", "investment", "land", "problems", "overdue"])
        let titles = ["项目形象进度（按地区）", "投资完成情况（按地区）", "土地出让（按地区）", "问题协调与逾期节点（按地区）", "逾期节点（各区）"]
        let title = "2020年11月开发区月度进度汇总表（3个开发区）"

        let md = try markdownSections(try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "md").stdout)
        #expect(md.title == title)
        #expect(md.sections.map(\.title) == titles)
        for (section, key) in zip(md.sections, keys) {
            let mismatches = cellMismatches(section.rows, json.rows(key), format: .markdown, section: key)
            #expect(mismatches.isEmpty, "md \(key): \(mismatches.prefix(10))")
        }

        let csv = try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "csv")
        #expect(csv.stdoutData.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM for Excel/WPS")
        let csvParts = csvSections(csv.stdoutData)
        #expect(csvParts.map(\.title) == [title] + titles)
        for (section, key) in zip(csvParts.dropFirst(), keys) {
            let mismatches = cellMismatches(section.rows, json.rows(key), format: .csv, section: key)
            #expect(mismatches.isEmpty, "csv \(key): \(mismatches.prefix(10))")
        }

        let text = textSections(try Self.rollup(sandbox, ledgers, "--month", "2020-11").stdout)
        #expect(text.title == title)
        #expect(text.sections.map(\.title) == titles)
        for (section, key) in zip(text.sections, keys) {
            let table = try #require(section.table, "\(key): \(section.body.prefix(3))")
            #expect(table.alignmentProblems.isEmpty, "\(key): \(table.alignmentProblems)")
            let cells = table.rows.map { row in table.labels.indices.map { table.cell($0, of: row) } }
            let mismatches = cellMismatches(cells, json.rows(key), format: .terminal, section: key)
            #expect(mismatches.isEmpty, "text \(key): \(mismatches.prefix(10))")
        }

        let html = String(decoding: try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "html").stdoutData, as: UTF8.self)
        #expect(html.contains("<h1>\(title)</h1>"))
        #expect(html.matches(of: /<h2>(.*?)<\/h2>/).map { String($0.output.1) } == titles)
        let tables = htmlTables(html)
        try #require(tables.count == keys.count, "\(tables.count) tables")
        for (rows, key) in zip(tables, keys) {
            let mismatches = cellMismatches(rows, json.rows(key), format: .plain, section: key)
            #expect(mismatches.isEmpty, "html \(key): \(mismatches.prefix(10))")
        }
        #expect(html.components(separatedBy: #"<tr class="sum">"#).count - 1 == 4, "the 合计 rows are marked as sums")

        expectSuccess(try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "json", "--out", "city.json"))
        expectSuccess(try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "xlsx", "--out", "city.xlsx"))
        guard let python3 = Tools.python3, Tools.openpyxl else {
            Issue.record("python3 with openpyxl is not installed: run scripts/install-deps (CI installs python3-openpyxl)")
            return
        }
        let cellCount = keys.map { json.rows($0).reduce(0) { $0 + $1.count } }.reduce(0, +)
        let checked = try Tools.run(python3, [Tools.repository.appendingPathComponent("scripts/check-xlsx").path,
                                              sandbox.path("city.xlsx"), sandbox.path("city.json")])
        #expect(checked.status == 0, "\(checked)")
        #expect(checked.stdout.contains("checked \(cellCount) cells in \(keys.count) worksheets"), "\(checked)")
    }

    // MARK: - As recorded, and refusals

    /// `--as-recorded` holds for every ledger: an entry recorded after the moment, in any zone, is not counted.
    @Test func asRecordedLeavesOutWhatEveryLedgerLearnedLater() throws {
        let sandbox = try Sandbox()
        let ledgers = try Self.threeZones(sandbox)
        let before = try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "json")
        let moment = try #require(try jsonArray(try sandbox.run(["log", "--limit", "1", "--format", "json", "--db", ledgers[2]])).first?["recorded_at"] as? String)
        Thread.sleep(forTimeInterval: 1.2)
        // Late news in two zones about November.
        expectSuccess(try sandbox.run(["project", "update", "P1", "--invested", "200万元", "--on", "2020-11-25", "--db", ledgers[2]]))
        expectSuccess(try sandbox.run(["project", "update", "P4", "--stage", "开工", "--on", "2020-11-26", "--db", ledgers[1]]))
        let now = try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "json")
        #expect(now.stdoutData != before.stdoutData, "the late news is in today's rollup")
        let then = try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", "json", "--as-recorded", moment)
        expectSuccess(then)
        #expect(then.stdout == before.stdout, "as recorded at the moment, byte for byte the rollup made then")
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let ledgers: @Sendable (Sandbox, [String]) throws -> [String]
        let status: Int32
        let message: String
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "a missing ledger", ledgers: { sandbox, zones in [zones[0], sandbox.path("丁区.sqlite"), zones[2]] },
                status: 66, message: "没有找到账本“"),
        Refusal(name: "a file that is not a ledger", ledgers: { sandbox, zones in
            try Data("项目,金额\n".utf8).write(to: URL(fileURLWithPath: sandbox.path("not-a-ledger.sqlite")))
            return zones + [sandbox.path("not-a-ledger.sqlite")]
        }, status: 65, message: "not-a-ledger.sqlite"),
        Refusal(name: "a folder", ledgers: { sandbox, zones in zones + [sandbox.folderPath] }, status: 65, message: "是文件夹"),
        Refusal(name: "the same ledger twice", ledgers: { _, zones in zones + [zones[1]] }, status: 64, message: "是同一个文件"),
        Refusal(name: "no ledger at all", ledgers: { _, _ in [] }, status: 64, message: "请给出至少一个开发区账本"),
    ]

    @Test(arguments: refusals)
    func oneUnreadableLedgerStopsTheWholeRollup(_ refusal: Refusal) throws {
        let sandbox = try Sandbox()
        let zones = try Self.threeZones(sandbox)
        let ledgers = try refusal.ledgers(sandbox, zones)
        let bytes = zones.map { FileManager.default.contents(atPath: $0) }
        for format in ["text", "json", "xlsx"] {
            let out = sandbox.path("city.\(format)")
            let outcome = try Self.rollup(sandbox, ledgers, "--month", "2020-11", "--format", format, "--out", out)
            #expect(outcome.status == refusal.status, "\(format): \(outcome)")
            #expect(outcome.stderr.contains(refusal.message), "\(format): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "no partial sum printed")
            #expect(!FileManager.default.fileExists(atPath: out), "no partial file written")
        }
        #expect(zones.map { FileManager.default.contents(atPath: $0) } == bytes, "the ledgers are read, never written")
    }
}

/// The HTML page's tables, each as rows of cell text (header rows, with `<th>`, left out).
func htmlTables(_ html: String) -> [[[String]]] {
    func text(_ cell: Substring) -> String {
        cell.replacing(/<[^>]*>/, with: "").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
    return html.matches(of: /<table[^>]*>(?s)(.*?)<\/table>/).map { table in
        table.output.1.matches(of: /<tr[^>]*>(?s)(.*?)<\/tr>/).compactMap { row -> [String]? in
            let cells = row.output.1.matches(of: /<td[^>]*>(?s)(.*?)<\/td>/).map { text($0.output.1) }
            return cells.isEmpty ? nil : cells
        }
    }
}
