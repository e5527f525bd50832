import Foundation
import Testing

/// The two times through the binary: a sheet as recorded at a moment is the sheet that was handed
/// out then, byte for byte, in every format; a correction recorded later shows in today's sheet
/// and in its 更正; and the derived state (spans) is checked against the history and rebuilt.
@Suite struct TemporalTests {
    static let formats = ["text", "md", "csv", "json", "html", "xlsx"]

    /// The sheet of 2020-11 in every format (SOURCE_DATE_EPOCH pinned), optionally as recorded at a moment.
    static func sheets(_ sandbox: Sandbox, asRecorded moment: String? = nil) throws -> [String: Data] {
        var sheets: [String: Data] = [:]
        for format in formats {
            let outcome = try sandbox.run(["sheet", "--month", "2020-11", "--format", format, "--db", sandbox.ledger]
                                          + (moment.map { ["--as-recorded", $0] } ?? []), environment: SheetPin.environment)
            expectSuccess(outcome)
            sheets[format] = outcome.stdoutData
        }
        return sheets
    }

    /// The time the last command was recorded at, as the batch holds it.
    static func lastRecorded(_ sandbox: Sandbox) throws -> String {
        try sandbox.sql("SELECT recorded_at FROM batch ORDER BY id DESC LIMIT 1;").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the clock has moved on to the next whole second, so the next command is recorded after `moment`.
    static func nextSecond() { Thread.sleep(forTimeInterval: 1.2) }

    /// A sheet as it is compared: an xlsx as its parts in name order (the zip's own layout aside),
    /// every other format as it is.
    static func unmarked(_ data: Data, format: String, moment: String) throws -> Data {
        switch format {
        case "xlsx":
            // The workbook's parts, each with the mark taken out, in name order.
            let script = """
                import sys, zipfile
                z = zipfile.ZipFile(sys.argv[1])
                for name in sorted(z.namelist()):
                    text = z.read(name).decode("utf-8", "replace")
                    if sys.argv[2]:
                        text = text.replace(sys.argv[2], "")
                    sys.stdout.write("== " + name + "\\n" + text + "\\n")
                """
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-\(UUID().uuidString).xlsx")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let outcome = try Tools.python(script, [file.path, ""])
            guard outcome.status == 0 else { throw HarnessError("\(outcome)") }
            return Data(outcome.stdout.utf8)
        default:
            return data
        }
    }

    /// The same for a sheet as known now: xlsx as its parts, the rest as they are.
    static func comparable(_ data: Data, format: String) throws -> Data {
        format == "xlsx" ? try unmarked(data, format: format, moment: "") : data
    }

    /// The subjects the JSON sheet's 更正 section lists.
    static func corrected(_ json: Data) throws -> [String] {
        guard let sheet = try JSONSerialization.jsonObject(with: json) as? [String: Any],
              let rows = sheet["corrections"] as? [[String: Any]] else { throw HarnessError("no corrections section") }
        return rows.compactMap { $0["subject"] as? String }
    }

    @Test func aSheetAsRecordedIsTheSheetHandedOutThenInEveryFormat() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        guard Tools.python3 != nil else { Issue.record("python3 is needed to read the xlsx parts: run scripts/install-deps"); return }
        func zl(_ arguments: String...) throws { expectSuccess(try sandbox.run(arguments + ["--db", sandbox.ledger])) }

        // Things effective after November: not corrections of it.
        try zl("project", "update", "P5", "--stage", "在建", "--progress", "20", "--on", "2020-12-15")
        try zl("project", "edit", "P5", "--name", "台邦十二月", "--on", "2020-12-05")
        let handedOut = try Self.sheets(sandbox)
        let first = try Self.lastRecorded(sandbox)
        #expect(try Self.corrected(handedOut["json"]!).isEmpty)
        let firstAsRecorded = try Self.sheets(sandbox, asRecorded: first)

        // The first correction, then more writes effective later.
        Self.nextSecond()
        try zl("project", "update", "P6", "--progress", "15", "--note", "补记十一月进度", "--on", "2020-11-30")
        try zl("park", "edit", "Y5", "--name", "博通园", "--on", "2021-01-05")
        let corrected = try Self.sheets(sandbox)
        let second = try Self.lastRecorded(sandbox)
        let secondAsRecorded = try Self.sheets(sandbox, asRecorded: second)

        // A second correction, of a name effective mid-November; an undo of a later write; and more.
        Self.nextSecond()
        try zl("project", "edit", "P1", "--name", "固力发更正名", "--on", "2020-11-20")
        try zl("tenant", "update", "E1", "--status", "在建", "--on", "2021-02-01")
        try zl("undo")
        try zl("milestone", "done", "M7", "--on", "2020-12-30")
        // The corrected subjects renamed later: the sheets name them as on their day.
        try zl("project", "edit", "P6", "--name", "科都十二月", "--on", "2020-12-20")
        try zl("project", "edit", "P1", "--name", "固力发一月", "--on", "2021-01-20")
        let final = try Self.sheets(sandbox)

        for format in Self.formats {
            // The sheet as recorded at each moment is what it was asked for at that moment, byte for byte,
            let firstAgain = try Self.sheets(sandbox, asRecorded: first)[format]!
            #expect(firstAgain == firstAsRecorded[format], "\(format): the sheet as recorded at \(first) changed")
            let secondAgain = try Self.sheets(sandbox, asRecorded: second)[format]!
            #expect(secondAgain == secondAsRecorded[format], "\(format): the sheet as recorded at \(second) changed")
            // and it is the sheet handed out then.
            #expect(try Self.unmarked(firstAgain, format: format, moment: first) == Self.comparable(handedOut[format]!, format: format),
                    "\(format): as recorded at \(first) is not the sheet handed out then")
            #expect(try Self.unmarked(secondAgain, format: format, moment: second) == Self.comparable(corrected[format]!, format: format),
                    "\(format): as recorded at \(second) is not the sheet handed out then")
            // Each correction changed the sheet as known now.
            #expect(corrected[format] != handedOut[format], "\(format)")
            #expect(final[format] != corrected[format], "\(format)")
            // And the corrections are in its 更正 section, in every format's words.
            if format != "xlsx" {
                let text = String(decoding: final[format]!, as: UTF8.self)
                #expect(text.contains("补记十一月进度") && text.contains("固力发更正名"), "\(format) does not list the corrections")
                #expect(!String(decoding: handedOut[format]!, as: UTF8.self).contains("补记十一月进度"))
            } else {
                let parts = String(decoding: try Self.comparable(final[format]!, format: format), as: UTF8.self)
                #expect(parts.contains("补记十一月进度") && parts.contains("固力发更正名"), "xlsx does not list the corrections")
            }
        }
        let listed = try Self.corrected(final["json"]!)
        #expect(listed.count == 2 && listed[0].hasPrefix("P6 ") && listed[1].hasPrefix("P1 "), "\(listed)")
        #expect(try Self.corrected(corrected["json"]!).map { String($0.prefix(3)) } == ["P6 "])
        // The name correction shows in the projects table of today's sheet, not in the one handed out
        #expect(String(decoding: final["csv"]!, as: UTF8.self).contains("固力发更正名"))
        #expect(!String(decoding: corrected["csv"]!, as: UTF8.self).contains("固力发更正名"))
    }

    // MARK: - Tampered spans

    /// A way of spoiling the derived state with sqlite3, and the subject `check` must then name.
    struct Tampering: CustomTestStringConvertible, Sendable {
        let what: String
        let subject: String
        let sql: String
        var testDescription: String { what }
    }

    static let tamperings: [Tampering] = [
        Tampering(what: "a value", subject: "P5", sql: """
            UPDATE project_span SET name = '篡改的名称'
            WHERE project_id = (SELECT id FROM project WHERE code = 'P5') AND recorded_to IS NULL AND valid_to IS NULL;
            """),
        Tampering(what: "a progress in the past", subject: "P5", sql: """
            UPDATE project_span SET progress = 99
            WHERE project_id = (SELECT id FROM project WHERE code = 'P5') AND recorded_to IS NULL AND valid_from = '2020-12-10';
            """),
        Tampering(what: "a valid_to", subject: "L1", sql: """
            UPDATE parcel_span SET valid_to = '2021-01-01'
            WHERE parcel_id = (SELECT id FROM parcel WHERE code = 'L1') AND recorded_to IS NULL AND valid_to IS NULL;
            """),
        Tampering(what: "a deleted row", subject: "E1", sql: """
            DELETE FROM tenant_span WHERE tenant_id = (SELECT id FROM tenant WHERE code = 'E1') AND recorded_to IS NULL AND valid_to IS NULL;
            """),
        Tampering(what: "an extra row", subject: "M3", sql: """
            INSERT INTO milestone_span SELECT NULL, milestone_id, '2021-03-01', NULL, recorded_from, recorded_to, last_entry, note_entry, title,
              project_id, parcel_id, park_id, tenant_id, department, 'done', '2021-03-01', due_on, due_text, due_precision,
              original_due_on, original_due_text, reschedules
            FROM milestone_span WHERE milestone_id = (SELECT id FROM milestone WHERE code = 'M3') AND recorded_to IS NULL AND valid_to IS NULL;
            UPDATE milestone_span SET valid_to = '2021-03-01'
            WHERE milestone_id = (SELECT id FROM milestone WHERE code = 'M3') AND recorded_to IS NULL AND valid_to IS NULL AND state = 'open';
            """),
        Tampering(what: "an extra old version", subject: "Y5", sql: """
            INSERT INTO park_span SELECT NULL, park_id, valid_from, valid_to, recorded_from, (SELECT max(id) FROM batch), last_entry, note_entry,
              name || '旧', kind, area_mu_hundredths, area_approximate, plot_ratio_hundredths, floor_area_m2, investment_yuan,
              expected_output_yuan, expected_tax_yuan, buildings, industries
            FROM park_span WHERE park_id = (SELECT id FROM park WHERE code = 'Y5') AND recorded_to IS NULL AND valid_to IS NULL;
            """),
        Tampering(what: "a recorded_to", subject: "Y2", sql: """
            UPDATE park_span SET recorded_to = (SELECT max(id) FROM batch)
            WHERE park_id = (SELECT id FROM park WHERE code = 'Y2') AND recorded_to IS NULL AND valid_to IS NULL;
            """),
    ]

    @Test(arguments: tamperings)
    func checkCatchesATamperedSpanAndRebuildMendsIt(_ tampering: Tampering) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        for step in [["project", "update", "P5", "--progress", "10", "--on", "2020-12-10"],
                     ["project", "update", "P5", "--progress", "30", "--on", "2021-01-10"],
                     ["parcel", "update", "L1", "--status", "出让", "--on", "2020-12-20"],
                     ["tenant", "update", "E1", "--status", "在建", "--on", "2020-12-05"],
                     ["park", "edit", "Y5", "--name", "博通园", "--on", "2021-01-05"],
                     ["park", "edit", "Y2", "--name", "智慧岛", "--on", "2021-01-06"],
                     ["milestone", "reschedule", "M3", "--due", "2021-06-30", "--reason", "延后", "--on", "2021-01-20"]] {
            expectSuccess(try sandbox.run(step + ["--db", sandbox.ledger]))
        }
        CheckAndBackupTests.expectClean(try sandbox.zl("check"))
        let entries = try sandbox.sql("SELECT * FROM entry ORDER BY id; SELECT * FROM entry_void ORDER BY entry_id;").stdout

        let untampered = try sandbox.spanDump()
        try sandbox.sql(tampering.sql)
        #expect(try sandbox.spanDump() != untampered, "the tampering changed nothing")

        // check, and check spans alone, name the subject and exit 65
        for arguments in [["check"], ["check", "spans"]] {
            let outcome = try sandbox.run(arguments + ["--db", sandbox.ledger])
            #expect(outcome.status == 65, "\(outcome)")
            #expect(outcome.stdout.contains("spans: \(tampering.subject) "), "\(outcome)")
            #expect(outcome.stdout.contains("zoneledger rebuild"), "\(outcome)")
            // and nothing else: only that subject is out of line
            #expect(outcome.stdout.split(separator: "\n").count == 1, "\(outcome)")
        }
        // rebuild mends it; the entries are untouched
        let rebuilt = try sandbox.zl("rebuild")
        expectSuccess(rebuilt)
        #expect(rebuilt.stdout.contains("已由历史记录重建派生状态"), "\(rebuilt)")
        CheckAndBackupTests.expectClean(try sandbox.zl("check"))
        #expect(try sandbox.sql("SELECT * FROM entry ORDER BY id; SELECT * FROM entry_void ORDER BY entry_id;").stdout == entries)
        #expect(try sandbox.spansDifferFromARebuild().isEmpty)
        #expect(sandbox.leftovers().isEmpty)
    }

    @Test func theSpanComparisonCatchesADifference() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        #expect(try sandbox.spansDifferFromARebuild().isEmpty)
        try sandbox.sql("UPDATE tenant_span SET name = '篡改' WHERE tenant_id = 1 AND recorded_to IS NULL;")
        #expect(try sandbox.spansDifferFromARebuild() == ["tenant_span"])
    }
}

extension Sandbox {
    static let spanTables = ["project_span", "parcel_span", "park_span", "tenant_span", "milestone_span"]

    /// Every span row of a ledger, in a fixed order, table by table.
    func spanDump(_ name: String = Sandbox.ledgerName) throws -> [String: String] {
        var dump: [String: String] = [:]
        for table in Self.spanTables {
            let key = table.replacingOccurrences(of: "_span", with: "_id")
            // Every column but the row's own id (a rebuild numbers the rows afresh), which comes first.
            let rows = try sql("SELECT * FROM \(table) ORDER BY \(key), recorded_from, valid_from, recorded_to;", on: name).stdout
            dump[table] = rows.split(separator: "\n").map { $0.drop { $0 != "|" } }.joined(separator: "\n")
        }
        return dump
    }

    /// The span tables whose rows differ from what `zoneledger rebuild` makes of the same entries
    /// (on a copy, so the ledger itself is left as it is).
    func spansDifferFromARebuild(_ name: String = Sandbox.ledgerName) throws -> [String] {
        if name == Self.ledgerName, let database {
            // The PostgreSQL pass: the copy is a database of the same cluster.
            let copy = try database.cluster.newDatabase("zl_rebuilt")
            defer { database.cluster.dropDatabase(copy) }
            let copied = try run(["copy", "--to", copy, "--db", ledger])
            guard copied.status == 0 else { throw HarnessError("copy failed: \(copied)") }
            return try spansDiffer(from: name, rebuilding: copy)
        }
        let copy = "rebuilt-" + name
        for suffix in ["", "-wal"] where exists(name + suffix) {
            try? FileManager.default.removeItem(atPath: path(copy + suffix))
            try FileManager.default.copyItem(atPath: path(name + suffix), toPath: path(copy + suffix))
        }
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path(copy + suffix)) } }
        return try spansDiffer(from: name, rebuilding: copy)
    }

    /// Rebuilds `copy`, a copy of `name`, and names the span tables whose rows differ.
    private func spansDiffer(from name: String, rebuilding copy: String) throws -> [String] {
        let stored = try spanDump(name)
        let rebuilt = try run(["rebuild", "--db", location(copy)])
        guard rebuilt.status == 0 else { throw HarnessError("rebuild failed: \(rebuilt)") }
        let fresh = try spanDump(copy)
        return Self.spanTables.filter { stored[$0] != fresh[$0] }
    }
}
