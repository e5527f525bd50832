import Foundation
import Testing

/// log [REF] [--since] [--until] [--limit], in every format.
@Suite struct LogTests {
    /// A seeded ledger with three dated updates of different subjects.
    static func ledgerWithUpdates() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("project", "update", "台邦", "--stage", "在建", "--on", "2020-12-20"))
        expectSuccess(try sandbox.zl("park", "update", "博通", "--note", "已通过竣工验收", "--on", "2021-01-20"))
        expectSuccess(try sandbox.zl("milestone", "done", "M3", "--on", "2021-02-05"))
        return sandbox
    }

    static func dates(_ outcome: Outcome) throws -> [String] {
        try jsonArray(outcome).compactMap { $0["effective_on"] as? String }
    }

    @Test func everythingNewestFirst() throws {
        let sandbox = try Self.ledgerWithUpdates()
        let all = try jsonArray(try sandbox.zl("log", "--format", "json"))
        let dates = all.compactMap { $0["effective_on"] as? String }
        #expect(dates.count == all.count)
        #expect(dates == dates.sorted(by: >))
        #expect(Array(dates.prefix(3)) == ["2021-02-05", "2021-01-20", "2020-12-20"])
        let ids = all.compactMap { $0["id"] as? Int }
        #expect(Set(ids).count == ids.count, "ids are unique")
        let keys = Set(all.flatMap(\.keys))
        #expect(keys.isSuperset(of: ["id", "effective_on", "subject", "action", "change", "note", "correction", "author", "recorded_at"]))
    }

    @Test func oneSubjectByNameOrCode() throws {
        let sandbox = try Self.ledgerWithUpdates()
        let byName = try sandbox.zl("log", "博通", "--format", "json")
        let byCode = try sandbox.zl("log", "Y5", "--format", "json")
        expectSuccess(byName)
        #expect(byName.stdout == byCode.stdout)
        #expect(try jsonArray(byName).allSatisfy { ($0["subject"] as? String)?.hasPrefix("Y5 ") == true })
        #expect(try Self.dates(byName) == ["2021-01-20", "2020-11-30"])
        #expect(try Self.dates(try sandbox.zl("log", "M3", "--format", "json")) == ["2021-02-05", "2020-11-30"])
        expectRefusal(try sandbox.zl("log", "不存在的东西"), 65, ["找不到"])
    }

    @Test func sinceUntilAndLimit() throws {
        let sandbox = try Self.ledgerWithUpdates()
        // A month for --since starts on its first day.
        #expect(try Self.dates(try sandbox.zl("log", "--since", "2020-12", "--format", "json")) == ["2021-02-05", "2021-01-20", "2020-12-20"])
        #expect(try Self.dates(try sandbox.zl("log", "--since", "2020-12-21", "--until", "2021-01-31", "--format", "json")) == ["2021-01-20"])
        #expect(try Self.dates(try sandbox.zl("log", "--since", "2021-01-20", "--until", "2021-01-20", "--format", "json")) == ["2021-01-20"])
        let november = try jsonArray(try sandbox.zl("log", "--since", "2020-11", "--until", "2020-11-30", "--format", "json"))
        #expect(!november.isEmpty && november.allSatisfy { $0["effective_on"] as? String == "2020-11-30" })
        #expect(try Self.dates(try sandbox.zl("log", "--limit", "2", "--format", "json")) == ["2021-02-05", "2021-01-20"])
        #expect(try Self.dates(try sandbox.zl("log", "台邦", "--since", "2020-12", "--limit", "5", "--format", "json")) == ["2020-12-20"])
        let empty = try sandbox.zl("log", "--since", "2022-01-01")
        expectSuccess(empty)
        #expect(empty.stdout == "（无）\n")
        // The table and CSV carry the same rows.
        let table = try #require(printedTables(try sandbox.zl("log", "--limit", "3").stdout).first)
        #expect(table.rows.count == 3)
        #expect(table.alignmentProblems.isEmpty, "\(table.alignmentProblems)")
        let csv = try sandbox.zl("log", "--limit", "3", "--format", "csv")
        #expect(csvProblems(csv.stdoutData).isEmpty)
        let records = csvRecords(csv.stdoutData)
        #expect(records.count == 4)
        #expect(records.first?.prefix(2) == ["序号", "生效日期"])
        #expect(records.dropFirst().map { $0[1] } == ["2021-02-05", "2021-01-20", "2020-12-20"])
    }
}
