import Foundation
import Testing

/// One refused command: what to run, the exit code and message fragments it must give, and the
/// file it runs against, which must be byte-identical afterwards.
struct BadInput: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let status: Int32
    let fragments: [String]
    var fixture: Fixture = .seeded
    /// Whether `--db <fixture>` is appended (not for an unknown subcommand, which must be named).
    var withDB = true

    var testDescription: String {
        let shown = arguments.map { $0.count > 30 ? String($0.prefix(8)) + "…(\($0.count))" : $0 }.joined(separator: " ")
        return fixture == .seeded ? shown : "\(shown) on \(fixture.rawValue)"
    }
}

@Suite struct BadInputTests {
    static let longName = String(repeating: "长", count: 201)

    static let cases: [BadInput] = [
        BadInput(arguments: ["project", "update", "台邦", "--note", "x", "--on", "2021-02-30"], status: 65,
                 fragments: ["2021-02-30", "2021年2月只有28天"]),
        BadInput(arguments: ["project", "update", "台邦", "--progress", "120"], status: 65, fragments: ["120", "应在0至100之间"]),
        BadInput(arguments: ["project", "update", "台邦", "--progress", "-1"], status: 65, fragments: ["-1", "应在0至100之间"]),
        BadInput(arguments: ["project", "update", "台邦", "--progress", "十五"], status: 64, fragments: ["十五"]),
        BadInput(arguments: ["parcel", "add", "X", "--area", "-3"], status: 65, fragments: ["-3", "必须大于0"]),
        BadInput(arguments: ["parcel", "add", "X", "--area", "1.234"], status: 65, fragments: ["1.234", "最多两位小数"]),
        BadInput(arguments: ["project", "update", "台帮", "--note", "x"], status: 65,
                 fragments: ["找不到", "台帮", "台邦精密减速器项目"]),
        BadInput(arguments: ["project", "show", "台帮"], status: 65, fragments: ["找不到", "台邦精密减速器项目"]),
        BadInput(arguments: ["project", "update", "项目", "--note", "x"], status: 65,
                 fragments: ["对应多个", "P5 台邦精密减速器项目", "P6 科都电气基建项目", "P7 红光智能电气产业园项目"]),
        BadInput(arguments: ["project", "update", "台邦", "--stage", "不存在"], status: 64,
                 fragments: ["不存在", "谋划", "planning", "投产"]),
        BadInput(arguments: ["project", "add", "", "--kind", "工业"], status: 65, fragments: ["不能为空"]),
        BadInput(arguments: ["project", "add", "   ", "--kind", "工业"], status: 65, fragments: ["不能为空"]),
        BadInput(arguments: ["project", "add", longName, "--kind", "工业"], status: 65, fragments: ["过长", "201"]),
        BadInput(arguments: ["milestone", "done", "M3", "--on", "2020-10-01"], status: 65, fragments: ["2020-10-01", "2020-11-30"]),
        BadInput(arguments: ["project", "update", "台邦", "--note", "x", "--on", "2026-11-30"], status: 65,
                 fragments: ["2026-11-30", "晚于今天", Pinned.today]),
        BadInput(arguments: ["project", "add", "新项目"], status: 64, fragments: ["--kind"]),
        BadInput(arguments: ["milestone", "reschedule", "M3", "--due", "2021年5月"], status: 64, fragments: ["--reason"]),
        BadInput(arguments: ["log", "--limit", "0"], status: 64, fragments: ["--limit"]),
        BadInput(arguments: ["project", "list", "--as-of", "2020-13-01"], status: 65, fragments: ["2020-13-01"]),
        BadInput(arguments: ["frobnicate"], status: 64, fragments: ["frobnicate"], withDB: false),
        BadInput(arguments: ["project", "frobnicate"], status: 64, fragments: ["frobnicate"], withDB: false),
        // Files that are not ledgers, read and written.
        BadInput(arguments: ["project", "list"], status: 65, fragments: ["不是 zoneledger 账本"], fixture: .textFile),
        BadInput(arguments: ["project", "update", "台邦", "--note", "x"], status: 65, fragments: ["不是 zoneledger 账本"], fixture: .textFile),
        BadInput(arguments: ["project", "list"], status: 65, fragments: ["不是 zoneledger 账本"], fixture: .randomBytes),
        BadInput(arguments: ["project", "update", "台邦", "--note", "x"], status: 65, fragments: ["不是 zoneledger 账本"], fixture: .randomBytes),
        BadInput(arguments: ["project", "list"], status: 65, fragments: ["不是 zoneledger 账本", "inventory.db"], fixture: .foreignSQLite),
        BadInput(arguments: ["project", "update", "台邦", "--note", "x"], status: 65,
                 fragments: ["不是 zoneledger 账本", "inventory.db"], fixture: .foreignSQLite),
        BadInput(arguments: ["zone", "rename", "别的名字"], status: 65, fragments: ["不是 zoneledger 账本"], fixture: .foreignSQLite),
        BadInput(arguments: ["project", "list"], status: 65, fragments: ["不是 zoneledger 账本"], fixture: .emptyFile),
        BadInput(arguments: ["project", "update", "台邦", "--note", "x"], status: 65, fragments: ["不是 zoneledger 账本"],
                 fixture: .emptyFile),
    ]

    @Test(arguments: cases)
    func isRefusedAndLeavesTheFileAlone(_ input: BadInput) throws {
        let sandbox = try Sandbox()
        let path = try sandbox.make(input.fixture)
        let before = sandbox.bytes(input.fixture.fileName)
        let contentsBefore = input.fixture == .seeded ? try sandbox.contents() : nil
        let outcome = try sandbox.run(input.arguments + (input.withDB ? ["--db", path] : []))
        expectRefusal(outcome, input.status, input.fragments)
        #expect(!outcome.stderr.contains("SQLITE") && !outcome.stderr.contains("Error Domain"), "no raw error: \(outcome)")
        if let contentsBefore {
            #expect(try sandbox.contents() == contentsBefore, "nothing was recorded")
        }
        let after = sandbox.bytes(input.fixture.fileName)
        #expect(after == before, "file bytes changed: \(before.main?.count ?? -1) → \(after.main?.count ?? -1) bytes")
        // Nothing new is left beside it either.
        for suffix in ["-wal", "-shm", "-journal"] where input.fixture != .seeded {
            #expect(!sandbox.exists(input.fixture.fileName + suffix), "\(suffix) left behind")
        }
    }

    @Test func aFolderIsNotALedger() throws {
        let sandbox = try Sandbox()
        expectRefusal(try sandbox.run(["project", "list", "--db", sandbox.folderPath]), 65, ["文件夹"])
    }

    @Test func sqlMetacharactersInANameAreStoredVerbatim() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let name = "'; DROP TABLE project; --"
        let added = try sandbox.zl("project", "add", name, "--kind", "工业")
        expectSuccess(added)
        let code = String(try #require(added.stdout.firstMatch(of: #/已新增项目 (P\d+) /#)?.output.1))
        let shown = try sandbox.zl("project", "show", code, "--format", "json")
        #expect(try jsonObject(shown)["name"] as? String == name)
        #expect(shown.stdout.contains(#""name": "'; DROP TABLE project; --""#))
        #expect(try sandbox.zl("project", "show", code).stdout.hasPrefix("项目 \(code) \(name)\n"))
        // The name also finds it, and the seeded projects are all still there.
        #expect(try jsonObject(try sandbox.zl("project", "show", "DROP TABLE", "--format", "json"))["code"] as? String == code)
        let table = try #require(printedTables(try sandbox.zl("project", "list").stdout).first)
        #expect(table.cell("项目名称", row: "P5") == "台邦精密减速器项目")
        #expect(table.cell("项目名称", row: code) == name)
        let projects = try jsonArray(try sandbox.zl("project", "list", "--format", "json"))
        #expect(projects.contains { $0["code"] as? String == "P1" } && projects.contains { $0["code"] as? String == "P36" })
        // Quotes and a CSV-looking formula are quoted/guarded in CSV, never breaking the record.
        expectSuccess(try sandbox.zl("project", "add", "=1+1,\"引号\"", "--kind", "工业"))
        let csv = csvRecords(try sandbox.zl("project", "list", "--format", "csv").stdoutData)
        #expect(csv.contains { $0.count > 1 && $0[1] == "'=1+1,\"引号\"" }, "\(csv.suffix(2))")
        #expect(Set(csv.map(\.count)).count == 1)
    }
}
