import ArgumentParser
import Testing
@testable import ZoneLedgerCommands

/// One output-format enum for every command: each command takes exactly the formats it writes,
/// its help lists exactly those, and any other is a usage error (exit 64) naming them.
@Suite struct FormatOptionTests {
    /// The format a parsed command will write, found in its --format option whatever the command.
    /// (The options are inside their property wrappers: looked for a few levels down.)
    static func format(of value: Any, depth: Int = 0) -> OutputFormat? {
        if let options = value as? FormatOptions { return options.format }
        if let choice = value as? AnyFormatChoice { return choice.value }
        guard depth < 6 else { return nil }   // an option group inside a command adds two levels
        for child in Mirror(reflecting: value).children {
            if let found = format(of: child.value, depth: depth + 1) { return found }
        }
        return nil
    }

    static let tableCommands: [[String]] = [
        ["project", "list"], ["project", "show", "P5"], ["parcel", "list"], ["parcel", "show", "L1"],
        ["park", "list"], ["park", "show", "Y5"], ["tenant", "list"], ["tenant", "show", "E1"],
        ["milestone", "list"], ["milestone", "show", "M3"], ["figure", "list"], ["figure", "show", "F1"],
        ["log"], ["zone", "show"], ["overdue"],
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        /// nil: refused.
        let accepted: OutputFormat?
        /// Refused: every fragment is in the message.
        var fragments: [String] = []
        var testDescription: String { arguments.joined(separator: " ") + (accepted.map { " → \($0)" } ?? " → refused") }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for command in tableCommands {
            cases += [
                Case(arguments: command, accepted: .table),
                Case(arguments: command + ["--format", "table"], accepted: .table),
                Case(arguments: command + ["--format", "text"], accepted: .table),
                Case(arguments: command + ["--format", "json"], accepted: .json),
                Case(arguments: command + ["--format", "csv"], accepted: .csv),
            ]
            for refused in ["md", "html", "xlsx", "xml"] {
                cases.append(Case(arguments: command + ["--format", refused], accepted: nil,
                                  fragments: ["'\(refused)'", "--format", "'table', 'json' or 'csv'"]))
            }
        }
        cases += [
            Case(arguments: ["sheet"], accepted: .table),
            Case(arguments: ["sheet", "--format", "text"], accepted: .table),
            Case(arguments: ["sheet", "--format", "table"], accepted: .table),
            Case(arguments: ["sheet", "--format", "md"], accepted: .md),
            Case(arguments: ["sheet", "--format", "csv"], accepted: .csv),
            Case(arguments: ["sheet", "--format", "json"], accepted: .json),
            Case(arguments: ["sheet", "--format", "html"], accepted: .html),
            Case(arguments: ["sheet", "--format", "xlsx", "--out", "x.xlsx"], accepted: .xlsx),
            Case(arguments: ["sheet", "--format", "pdf"], accepted: nil, fragments: ["'pdf'", "text", "md", "csv", "json", "html", "xlsx"]),
            Case(arguments: ["export"], accepted: .csv),
            Case(arguments: ["export", "--format", "csv", "--out", "d"], accepted: .csv),
            Case(arguments: ["export", "--format", "json"], accepted: .json),
            Case(arguments: ["export", "--format", "table"], accepted: nil, fragments: ["'table'", "'csv' and 'json'"]),
            Case(arguments: ["export", "--format", "text"], accepted: nil, fragments: ["'text'", "'csv' and 'json'"]),
            Case(arguments: ["export", "--format", "xlsx"], accepted: nil, fragments: ["'xlsx'", "'csv' and 'json'"]),
            // A command that writes no report has no --format at all.
            Case(arguments: ["project", "update", "P5", "--note", "x", "--format", "json"], accepted: nil, fragments: ["--format"]),
            Case(arguments: ["undo", "--format", "json"], accepted: nil, fragments: ["--format"]),
        ]
        return cases
    }()

    @Test(arguments: cases)
    func formatIsAcceptedOrRefused(_ given: Case) throws {
        do {
            let command = try ZoneLedger.parseAsRoot(given.arguments)
            guard let expected = given.accepted else {
                Issue.record("\(given.arguments) parsed, but should have been refused")
                return
            }
            #expect(Self.format(of: command) == expected)
        } catch {
            let message = oneLine(ZoneLedger.message(for: error))
            #expect(given.accepted == nil, "refused: \(message)")
            #expect(ZoneLedger.exitCode(for: error).rawValue == 64, "\(message)")
            for fragment in given.fragments { #expect(message.contains(fragment), "\(message)") }
        }
    }

    /// The help lists exactly the command's formats, by the names it takes.
    @Test(arguments: [
        (["project", "list"], ["table", "json", "csv"]),
        (["overdue"], ["table", "json", "csv"]),
        (["log"], ["table", "json", "csv"]),
        (["sheet"], ["text", "md", "csv", "json", "html", "xlsx"]),
        (["export"], ["csv", "json"]),
    ])
    func helpListsExactlyTheCommandsFormats(_ command: [String], _ formats: [String]) throws {
        let parsed = try ZoneLedger.parseAsRoot(command)
        let help = ZoneLedger.helpMessage(for: type(of: parsed), columns: 1000)
        let line = try #require(help.split(separator: "\n").first { $0.contains("--format <format>") && $0.contains("(values:") }, "\(help)")
        let values = try #require(line.firstMatch(of: /\(values: ([^;]*); default: ([a-z]+)\)/))
        #expect(values.output.1.split(separator: ", ").map(String.init) == formats)
        #expect(String(values.output.2) == formats[0])
        for format in OutputFormat.allCases.map(\.rawValue) + ["text"] where !formats.contains(format) {
            #expect(!line.contains("\(format)（"), "\(format) is not this command's: \(line)")
        }
    }

    @Test func everyFormatHasOneCaseAndTheTableTwoNames() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["table", "md", "csv", "json", "html", "xlsx"])
        #expect(OutputFormat.named("text") == .table && OutputFormat.named("table") == .table)
        #expect(OutputFormat.named("JSON") == .json)
        #expect(OutputFormat.named("pdf") == nil)
        #expect(SheetFormats.name(.table) == "text" && TableFormats.name(.table) == "table")
        #expect(OutputFormat.allCases.filter(\.isBinary) == [.xlsx])
    }
}
