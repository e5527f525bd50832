import Foundation
import Testing

/// Every read command, in every format, on a seeded ledger: tables line up by display width,
/// JSON parses with snake_case keys and unescaped Chinese, CSV is what Excel and WPS expect.
@Suite struct FormatTests {
    static let readCommands: [[String]] = [
        ["project", "list"], ["project", "list", "--as-of", "2020-11-30"], ["project", "show", "台邦"],
        ["parcel", "list"], ["parcel", "show", "L1"],
        ["park", "list"], ["park", "show", "博通"],
        ["tenant", "list"], ["tenant", "list", "--park", "生态智慧岛"], ["tenant", "show", "百川"],
        ["milestone", "list"], ["milestone", "list", "--state", "未完成"], ["milestone", "show", "M3"],
        ["figure", "list"], ["figure", "list", "--category", "指标"], ["figure", "show", "F1"],
        ["zone", "show"],
        ["log"], ["log", "台邦"], ["log", "--since", "2020-11", "--until", "2020-11-30", "--limit", "5"],
    ]

    static func isShow(_ command: [String]) -> Bool { command.contains("show") }

    @Test(arguments: readCommands)
    func table(_ command: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let outcome = try sandbox.run(command + ["--format", "table", "--db", sandbox.ledger])
        expectSuccess(outcome)
        // The default format is the table.
        #expect(try sandbox.run(command + ["--db", sandbox.ledger]).stdout == outcome.stdout)
        #expect(!outcome.stdout.contains("\u{1B}"), "no colour codes under NO_COLOR and a pipe")
        let tables = printedTables(outcome.stdout)
        if Self.isShow(command) {
            #expect(detailAlignmentProblems(outcome.stdout).isEmpty, "\(detailAlignmentProblems(outcome.stdout))\n\(outcome)")
        } else {
            #expect(tables.count == 1, "\(outcome)")
            #expect(tables.first?.rows.isEmpty == false, "\(outcome)")
        }
        for table in tables {
            #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)\n\(outcome)")
        }
        // No trailing spaces: they diff badly and wrap when copied.
        #expect(!outcome.lines.contains { $0.hasSuffix(" ") }, "\(outcome)")
    }

    @Test(arguments: readCommands)
    func json(_ command: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let outcome = try sandbox.run(command + ["--format", "json", "--db", sandbox.ledger])
        expectSuccess(outcome)
        let value = try parseJSON(outcome)
        #expect(nonSnakeCaseKeys(value).isEmpty, "\(nonSnakeCaseKeys(value))")
        #expect(!outcome.stdout.contains("\\u"), "Chinese must not be \\u-escaped")
        #expect(outcome.stdout.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(outcome)")
        #expect(outcome.stdout.hasSuffix("}\n") || outcome.stdout.hasSuffix("]\n"))
        if Self.isShow(command) {
            #expect(value is [String: Any])
        } else {
            #expect((value as? [[String: Any]])?.isEmpty == false, "\(outcome)")
        }
    }

    @Test(arguments: readCommands)
    func csv(_ command: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let outcome = try sandbox.run(command + ["--format", "csv", "--db", sandbox.ledger])
        expectSuccess(outcome)
        #expect(csvProblems(outcome.stdoutData).isEmpty, "\(csvProblems(outcome.stdoutData))")
        let records = csvRecords(outcome.stdoutData)
        #expect(records.count >= 2, "a header and at least one row")
        if !Self.isShow(command) {
            // One table: every record as wide as the header.
            let widths = Set(records.map(\.count))
            #expect(widths.count == 1, "record widths \(widths)")
        }
    }

    @Test func jsonAndCSVAgreeWithTheTableOnTheProjectList() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let table = try #require(printedTables(try sandbox.zl("project", "list").stdout).first)
        let json = try jsonArray(try sandbox.zl("project", "list", "--format", "json"))
        let csv = csvRecords(try sandbox.zl("project", "list", "--format", "csv").stdoutData)
        #expect(table.rows.count == json.count)
        #expect(csv.count == json.count + 1)
        // The table may leave out columns that are empty on every row; CSV keeps them all.
        let header = try #require(csv.first)
        #expect(table.labels.filter { !header.contains($0) }.isEmpty, "table columns \(table.labels) not in CSV \(header)")
        #expect(header.filter(table.labels.contains) == table.labels, "same order")
        for (index, label) in header.enumerated() where !table.labels.contains(label) {
            #expect(csv.dropFirst().allSatisfy { $0[index].isEmpty }, "table dropped non-empty column \(label)")
        }
        let codes = json.compactMap { $0["code"] as? String }
        #expect(codes == table.rows.map { table.cell(0, of: $0) })
        #expect(codes == csv.dropFirst().map { $0[0] })
    }

    @Test func aNarrowCOLUMNSCutsTextButNotCodesDatesOrNumbers() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let outcome = try sandbox.zl("project", "list", environment: ["COLUMNS": "100"])
        expectSuccess(outcome)
        #expect(outcome.lines.allSatisfy { DisplayWidth.of($0) <= 100 }, "\(outcome)")
        let table = try #require(printedTables(outcome.stdout).first)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        #expect(table.rows.allSatisfy { table.cell(0, of: $0).wholeMatch(of: /P\d+/) != nil }, "codes are never cut")
        #expect(table.cell("最近记录", row: "P5") == "2020-11-30")
        #expect(table.cell("项目名称", row: "P5")?.hasSuffix("…") == true, "long names are cut with …")
        // JSON and CSV are never cut.
        let json = try sandbox.zl("project", "list", "--format", "json", environment: ["COLUMNS": "100"])
        #expect(try jsonArray(json).contains { $0["name"] as? String == "台邦精密减速器项目" })
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let outcome = try sandbox.zl("project", "list", "--format", "xml")
        expectRefusal(outcome, 64, ["xml"])
    }

    /// One set of format names for every command: each takes the formats it writes (the table
    /// also as `text`, the sheet's text also as `table`), and refuses the others naming its own.
    @Test func aFormatTheCommandDoesNotWriteIsRefusedNamingTheOnesItDoes() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        for (arguments, supported) in [(["project", "list", "--format", "md"], "'table', 'json' or 'csv'"),
                                        (["overdue", "--format", "xlsx"], "'table', 'json' or 'csv'"),
                                        (["export", "--format", "table"], "'csv' and 'json'")] {
            let refused = try sandbox.run(arguments + ["--db", sandbox.ledger])
            expectRefusal(refused, 64, ["'\(arguments[arguments.count - 1])'", supported])
            #expect(refused.stderr.hasPrefix("zoneledger: ") && refused.stderr.split(separator: "\n").count == 1, "\(refused)")
        }
        let sheet = try sandbox.sheet("--month", "2020-11", "--format", "pdf")
        expectRefusal(sheet, 64, ["pdf", "text", "md", "html", "xlsx"])
        #expect(sandbox.bytes() == before)
        // The other name of the table is the same output.
        #expect(try sandbox.zl("project", "list", "--format", "text").stdout == (try sandbox.zl("project", "list").stdout))
        let text = try sandbox.sheet("--month", "2020-11", "--format", "text")
        let table = try sandbox.sheet("--month", "2020-11", "--format", "table")
        expectSuccess(table)
        #expect(table.stdout == text.stdout && text.stdout.hasPrefix("__经济开发区2020年11月月度进度表"))
        let help = try sandbox.run(["sheet", "--help"])
        #expect(help.stdout.replacing(/\s+/, with: " ").contains("(values: text, md, csv, json, html, xlsx; default: text)"), "\(help)")
    }
}
