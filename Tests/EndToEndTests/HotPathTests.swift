import Foundation
import Testing

/// Issue 5's rules for the hot paths, checked on what the binary really runs (ZONELEDGER_TRACE_SQL=1
/// writes every statement to stderr): no statement of `overdue`, the sheet, a status update or `log`
/// scans the entries or the milestones, and the benchmark's sqlite3 side is the reports' own SQL.
@Suite struct HotPathTests {
    /// Every statement a run traced, in order.
    static func traced(_ sandbox: Sandbox, _ arguments: String...) throws -> [String] {
        let outcome = try sandbox.run(arguments + ["--db", sandbox.ledger], environment: ["ZONELEDGER_TRACE_SQL": "1"])
        #expect(outcome.status == 0, "\(outcome)")
        return outcome.stderr.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The report's own read: after the last BEGIN, up to its COMMIT.
    static func reportStatements(_ statements: [String]) -> [String] {
        guard let begin = statements.lastIndex(where: { $0.hasPrefix("BEGIN") }),
              let end = statements[begin...].firstIndex(where: { $0.hasPrefix("COMMIT") }) else { return [] }
        return Array(statements[(begin + 1)..<end])
    }

    /// Statements whose plan scans `entry` or `milestone` (by name or by the aliases the SQL gives
    /// them), each with the offending plan line. SCAN … USING COVERING INDEX is a full scan too.
    static func fullScans(_ statements: [String], in sandbox: Sandbox) throws -> [String] {
        let queries = statements.filter { $0.hasPrefix("SELECT") || $0.hasPrefix("WITH") }
        let script = queries.enumerated().map { "SELECT '#\($0.offset)';\nEXPLAIN QUERY PLAN \($0.element);\n" }.joined()
        let plans = try sandbox.sqlite3(script).stdout
        var current = -1, found: [String] = []
        for line in plans.split(separator: "\n") {
            if line.hasPrefix("#"), let index = Int(line.dropFirst()) { current = index; continue }
            if line.range(of: #"SCAN (entry|milestone|live_entry|e|m|n)\b"#, options: .regularExpression) != nil, current >= 0 {
                found.append("\(line)  ←  \(queries[current].prefix(300))")
            }
        }
        return found
    }

    @Test func theScanDetectorCatchesAFullScan() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let scans = try Self.fullScans(["SELECT * FROM entry WHERE note LIKE '%开工%'", "SELECT * FROM milestone m WHERE m.title = 'x'",
                                        "SELECT * FROM entry WHERE id = 3"], in: sandbox)
        #expect(scans.count == 2, "\(scans)")
    }

    @Test func noHotPathStatementScansEntriesOrMilestones() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        var statements: [String] = []
        statements += try Self.traced(sandbox, "overdue", "--as-of", "2021-03-01", "--within", "30")
        statements += try Self.traced(sandbox, "overdue", "--as-of", "2021-03-01", "--park", "Y5", "--kind", "park", "--format", "json")
        statements += try Self.traced(sandbox, "sheet", "--month", "2021-02", "--format", "json")
        statements += try Self.traced(sandbox, "sheet", "--month", "2020-11")
        statements += try Self.traced(sandbox, "project", "update", "P1", "--progress", "10", "--note", "测试", "--on", "2021-01-05")
        statements += try Self.traced(sandbox, "milestone", "done", "M3", "--on", "2021-02-01")
        statements += try Self.traced(sandbox, "log", "P1")
        let distinct = Array(Set(statements))
        // The trace really holds the reports: the milestone state is rebuilt from the entries.
        #expect(distinct.filter { $0.contains("live_entry") }.count >= 10, "\(distinct.count) statements")
        let scans = try Self.fullScans(distinct, in: sandbox)
        #expect(scans.isEmpty, "full scans on a hot path:\n\(scans.joined(separator: "\n"))")
    }

    /// scripts/bench/{overdue,sheet}.sql are what the reports run: if the reports' SQL changes,
    /// `scripts/bench/capture-sql` must be rerun, or the benchmark would time something else.
    @Test(arguments: [("overdue.sql", ["overdue", "--as-of", "2022-06-30", "--format", "json"]),
                      ("sheet.sql", ["sheet", "--month", "2022-06", "--format", "json"])])
    func benchmarkSQLIsWhatTheReportsRun(file: String, arguments: [String]) throws {
        let sandbox = try Sandbox()
        expectSuccess(try sandbox.run(["init", "--empty", "--db", sandbox.ledger]))
        let outcome = try sandbox.run(arguments + ["--db", sandbox.ledger], environment: ["ZONELEDGER_TRACE_SQL": "1"])
        #expect(outcome.status == 0, "\(outcome)")
        let ran = Self.reportStatements(outcome.stderr.components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty })
        let committed = try String(contentsOf: Tools.repository.appendingPathComponent("scripts/bench/\(file)"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("--") }.joined(separator: "\n")
            .components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        #expect(ran.count >= 3)
        #expect(committed == ran, "scripts/bench/\(file) differs from what the binary runs: rerun scripts/bench/capture-sql")
    }
}
