import Foundation
import Testing

/// Issue 5's rules for the hot paths, checked on what the binary really runs (ZONELEDGER_TRACE_SQL=1
/// writes every statement to stderr): no statement of `overdue` (today, on a past day, as recorded),
/// the sheet (as known now and as recorded), a status update, `milestone done` or `log` scans the
/// entries or a span table, whole or through a covering index; reading a range of an index bounded
/// by what the statement answers is fine. And the benchmark's sqlite3 side is the reports' own SQL.
@Suite(.fileLedger) struct HotPathTests {
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

    /// The tables a statement reads under each name its plan may give them: the table's own name and
    /// every alias the SQL gives it (one alias may stand for several tables in several subqueries).
    static func tables(byName sql: String) -> [String: Set<String>] {
        let keywords: Set<String> = ["where", "on", "join", "left", "inner", "cross", "natural", "order", "group", "limit", "using",
                                     "union", "as", "and", "or", "not", "having", "window", "indexed", "values", "set", "select"]
        var names: [String: Set<String>] = [:]
        for match in sql.matches(of: /(?i)\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)(?:\s+(?:AS\s+)?([A-Za-z_][A-Za-z0-9_]*))?/) {
            let table = String(match.1).lowercased()
            names[table, default: []].insert(table)
            if let alias = match.2.map({ String($0).lowercased() }), !keywords.contains(alias) { names[alias, default: []].insert(table) }
        }
        return names
    }

    /// Whether a table is one the hot paths may not scan: the entries (and the views over them) and the spans.
    static func isGuarded(_ table: String) -> Bool {
        table == "entry" || table == "live_entry" || table.hasSuffix("_span")
    }

    /// Statements whose plan scans a guarded table, each with the offending plan line. SCAN …
    /// USING [COVERING] INDEX is a scan of the whole index: caught too; SEARCH (a range) is not.
    static func fullScans(_ statements: [String], in sandbox: Sandbox) throws -> [String] {
        let queries = statements.filter { $0.hasPrefix("SELECT") || $0.hasPrefix("WITH") }
        let script = queries.enumerated().map { "SELECT '#\($0.offset)';\nEXPLAIN QUERY PLAN \($0.element);\n" }.joined()
        let plans = try sandbox.sql(script).stdout
        var current = -1, found: [String] = []
        for line in plans.split(separator: "\n") {
            if line.hasPrefix("#"), let index = Int(line.dropFirst()) { current = index; continue }
            guard current >= 0, let scanned = line.firstMatch(of: /SCAN ([A-Za-z_][A-Za-z0-9_]*)/)?.1 else { continue }
            let tables = Self.tables(byName: queries[current])[String(scanned).lowercased()] ?? [String(scanned).lowercased()]
            if tables.contains(where: Self.isGuarded) {
                found.append("\(line)  ←  \(queries[current].prefix(400))")
            }
        }
        return found
    }

    @Test func theScanDetectorCatchesAFullScan() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let scans = try Self.fullScans([
            // Scans: the entries by a note, a view over them, a span table by a column no index has, a count over a whole index.
            "SELECT * FROM entry WHERE note LIKE '%开工%'", "SELECT * FROM live_entry e WHERE e.note = 'x'",
            "SELECT * FROM milestone_span s WHERE s.title = 'x'", "SELECT count(*) FROM project_span",
            // Not scans: by id, a subject's spans, a range of days, and a base table listed whole.
            "SELECT * FROM entry WHERE id = 3", "SELECT * FROM milestone_span s WHERE s.milestone_id = 1 AND s.recorded_to IS NULL",
            "SELECT * FROM entry e WHERE e.effective_on BETWEEN '2020-11-01' AND '2020-11-30'", "SELECT code FROM project p",
        ], in: sandbox)
        #expect(scans.count == 4, "\(scans)")
        #expect(scans.contains { $0.contains("SCAN s") && $0.contains("milestone_span s") })
        #expect(!scans.contains { $0.contains("SELECT code FROM project") })
    }

    @Test func noHotPathStatementScansEntriesOrSpans() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        // Some history first, so that spans have versions and moments differ.
        for step in [["project", "update", "P5", "--progress", "10", "--on", "2020-12-10"], ["project", "edit", "P5", "--name", "台邦新名", "--on", "2021-01-05"],
                     ["milestone", "reschedule", "M3", "--due", "2021-03-31", "--reason", "延后", "--on", "2021-01-20"],
                     ["parcel", "update", "L1", "--status", "出让", "--on", "2020-11-30"]] {
            expectSuccess(try sandbox.run(step + ["--db", sandbox.ledger]))
        }
        var statements: [String] = []
        statements += try Self.traced(sandbox, "overdue")
        statements += try Self.traced(sandbox, "overdue", "--as-of", "2021-03-01", "--within", "30")
        statements += try Self.traced(sandbox, "overdue", "--as-of", "2021-03-01", "--park", "Y5", "--kind", "park", "--format", "json")
        statements += try Self.traced(sandbox, "overdue", "--as-of", "2021-03-01", "--as-recorded", "2030-01-01")
        statements += try Self.traced(sandbox, "sheet", "--month", "2021-02", "--format", "json")
        statements += try Self.traced(sandbox, "sheet", "--month", "2020-11")
        statements += try Self.traced(sandbox, "sheet", "--month", "2020-11", "--as-recorded", "2030-01-01")
        statements += try Self.traced(sandbox, "project", "update", "P1", "--progress", "10", "--note", "测试", "--on", "2021-01-05")
        statements += try Self.traced(sandbox, "project", "update", "P1", "--progress", "20")
        statements += try Self.traced(sandbox, "milestone", "done", "M3", "--on", "2021-02-01")
        statements += try Self.traced(sandbox, "log", "P1")
        let distinct = Array(Set(statements))
        // The trace really holds the reports: they read the spans, and log the entries.
        #expect(distinct.filter { $0.contains("_span") }.count >= 20, "\(distinct.count) statements")
        #expect(distinct.contains { $0.contains("FROM entry e") && $0.contains("ORDER BY e.effective_on DESC") })
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
