import Foundation
import Testing

/// Output that cannot be written is told, never crashed on, never lost under exit 0: every read
/// command and format at /dev/full or with stdout closed exits 74 with one line on stderr; a
/// reader that goes away ends it quietly; a write command that committed says so, so that nobody
/// runs it twice.
@Suite struct OutputErrorTests {
    /// A command with what it exits with when its output is written; `{ledger}` and `{folder}`
    /// stand for the sandbox's ledger and folder.
    struct Command: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var environment: [String: String] = [:]
        var exitCode: Int32 = 0
        /// Commands run (normally) before this one.
        var before: [[String]] = []
        /// Files written into the sandbox's folder first.
        var files: [String: String] = [:]

        var testDescription: String { arguments.joined(separator: " ") }

        /// `--db {ledger}` unless the command names its own ledger or none at all.
        func resolved(_ sandbox: Sandbox) -> [String] {
            let named = arguments.contains("--db") || arguments.first?.hasPrefix("--") == true || arguments.contains("--help")
            return (arguments + (named ? [] : ["--db", "{ledger}"])).map {
                $0.replacingOccurrences(of: "{ledger}", with: sandbox.ledger).replacingOccurrences(of: "{folder}", with: sandbox.folderPath)
            }
        }
    }

    static let formats = ["table", "json", "csv"]

    /// Every command that only reads, in every format it has.
    static let readCommands: [Command] = {
        var commands: [Command] = []
        for (kind, ref) in [("project", "P5"), ("parcel", "L1"), ("park", "Y5"), ("tenant", "E1"), ("milestone", "M3"), ("figure", "F1")] {
            for format in formats {
                commands.append(Command(arguments: [kind, "list", "--format", format]))
                commands.append(Command(arguments: [kind, "show", ref, "--format", format]))
            }
        }
        for format in formats {
            commands.append(Command(arguments: ["log", "--format", format]))
            commands.append(Command(arguments: ["overdue", "--format", format]))
            commands.append(Command(arguments: ["zone", "show", "--format", format]))
        }
        for format in ["text", "md", "csv", "json", "html", "xlsx"] {
            commands.append(Command(arguments: ["sheet", "--month", "2020-11", "--format", format]))
        }
        commands += [
            Command(arguments: ["export", "--format", "json"]),
            Command(arguments: ["undo", "--list"]),
            Command(arguments: ["import", "--template", "projects"]),
            // On a day before the report, every seeded entry lies in the future: one line each.
            Command(arguments: ["check", "future-entries"], environment: ["ZONELEDGER_TODAY": "2019-01-01"], exitCode: 65),
            Command(arguments: ["--help"]),
            Command(arguments: ["project", "update", "--help"]),
            Command(arguments: ["--version"]),
        ]
        return commands
    }()

    @Test(arguments: readCommands)
    func aReadWhoseOutputCannotBeWrittenExits74WithOneLine(command: Command) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let arguments = command.resolved(sandbox)
        let before = sandbox.bytes()
        // It does print: else the failures below would prove nothing.
        let printed = try sandbox.run(arguments, stdout: .captured, environment: command.environment)
        #expect(printed.exitCode == command.exitCode && !printed.stdout.isEmpty && printed.stderr.isEmpty, "\(printed)")

        for (stdout, reason) in [(StdoutSetup.devFull, "No space left on device"), (.closed, "Bad file descriptor")] {
            let failed = try sandbox.run(arguments, stdout: stdout, environment: command.environment)
            #expect(failed.exitCode == 74, "\(stdout): \(failed)")
            #expect(failed.stderrLines == ["zoneledger: 无法写出结果（\(reason)）"], "\(stdout): \(failed)")
        }
        for stdout in [StdoutSetup.pipeWithoutReader, .pipeReadingOnly(1)] {
            let quiet = try sandbox.run(arguments, stdout: stdout, environment: command.environment)
            #expect(quiet.signal == nil && quiet.stderr.isEmpty, "\(stdout): \(quiet)")
            #expect(quiet.exitCode == 0 || quiet.exitCode == command.exitCode, "\(stdout): \(quiet)")
        }
        #expect(sandbox.bytes() == before, "a read changes nothing")
    }

    /// Every command that records something, then prints a confirmation.
    static let writeCommands: [Command] = [
        Command(arguments: ["init", "--db", "{folder}/新账本.sqlite"]),
        Command(arguments: ["project", "add", "新增项目甲", "--kind", "工业"]),
        Command(arguments: ["project", "update", "P5", "--progress", "20"]),
        Command(arguments: ["project", "edit", "P5", "--name", "台邦精密减速器二期项目"]),
        Command(arguments: ["parcel", "add", "滨海二期A地块", "--area", "52.36"]),
        Command(arguments: ["parcel", "update", "L1", "--status", "出让", "--note", "已成交"]),
        Command(arguments: ["parcel", "edit", "L1", "--area", "52.4"]),
        Command(arguments: ["park", "add", "新材料小微园", "--kind", "小微园", "--area", "80"]),
        Command(arguments: ["park", "update", "博通", "--note", "已通过竣工验收", "--on", "2021-01-20"]),
        Command(arguments: ["park", "edit", "博通", "--buildings", "21"]),
        Command(arguments: ["tenant", "add", "某某电气有限公司", "--park", "博通", "--on", "2020-12-01"]),
        Command(arguments: ["tenant", "update", "E1", "--status", "在建"]),
        Command(arguments: ["tenant", "edit", "E1", "--name", "某某电气股份有限公司"]),
        Command(arguments: ["milestone", "add", "企业投产", "--tenant", "E1", "--due", "2021-01-31", "--on", "2020-12-01"]),
        Command(arguments: ["milestone", "done", "M3", "--on", "2021-02-05"]),
        Command(arguments: ["milestone", "edit", "M3", "--title", "主体工程结顶"]),
        Command(arguments: ["milestone", "reschedule", "M3", "--due", "2021年3月底", "--reason", "验收延后", "--on", "2021-02-01"]),
        Command(arguments: ["milestone", "cancel", "M4", "--reason", "政策调整", "--on", "2021-01-05"]),
        Command(arguments: ["milestone", "reopen", "M3", "--reason", "误记", "--on", "2021-02-10"],
                before: [["milestone", "done", "M3", "--on", "2021-02-05"]]),
        Command(arguments: ["figure", "add", "测试指标", "--category", "目标", "--key", "land_sold_area", "--from", "2021-01",
                            "--to", "2021-12-31", "--value", "450", "--unit", "亩"]),
        Command(arguments: ["zone", "rename", "某某经济开发区"]),
        Command(arguments: ["import", "projects", "{folder}/新项目.csv"], files: ["新项目.csv": "名称,类别,阶段\r\n试导入项目一,工业,前期\r\n"]),
        Command(arguments: ["undo"], before: [["project", "update", "P5", "--progress", "20"]]),
        // A database has no file to back up: its counterpart there is `copy` into a file.
        TestStore.isPostgres ? Command(arguments: ["copy", "--to", "{folder}/副本.sqlite"]) : Command(arguments: ["backup", "{folder}/备份.sqlite"]),
        Command(arguments: ["export", "--out", "{folder}/导出"]),
    ]

    /// What a write command leaves: every ledger's contents (history, figures, zone) and every
    /// file, with what differs between two sandboxes run seconds apart (recording times, paths, databases) masked.
    static func state(_ sandbox: Sandbox) throws -> String {
        let names = try FileManager.default.subpathsOfDirectory(atPath: sandbox.folderPath).sorted()
            .filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        // On the PostgreSQL pass the sandbox's own ledger is a database, not one of the files.
        let ledgerNames = (sandbox.database == nil ? [] : [Sandbox.ledgerName]) + names.filter { $0.hasSuffix(".sqlite") }
        let ledgers = try ledgerNames.map { "\($0)\n" + (try sandbox.contents($0)) }
        return (names + ledgers).joined(separator: "\n")
            .replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)/, with: "TIME")
            .replacingOccurrences(of: sandbox.root.path, with: "SANDBOX")
            .replacingOccurrences(of: sandbox.database?.url ?? sandbox.root.path, with: "SANDBOX-DATABASE")
    }

    /// A sandbox with the seeded ledger, the command's files, and the commands it comes after.
    static func prepared(for command: Command) throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        for (name, text) in command.files { try sandbox.write(Data(text.utf8), to: name) }
        for arguments in command.before {
            let ran = try sandbox.run(arguments + ["--db", sandbox.ledger])
            #expect(ran.status == 0, "\(ran)")
        }
        return sandbox
    }

    @Test(arguments: writeCommands)
    func aWriteWhoseConfirmationCannotBePrintedSaysItWasRecorded(command: Command) throws {
        let printed = try Self.prepared(for: command)
        let untouched = try Self.state(printed)
        let confirmed = try printed.run(command.resolved(printed), stdout: .captured)
        #expect(confirmed.exitCode == 0 && !confirmed.stdout.isEmpty, "\(confirmed)")
        let recorded = try Self.state(printed)
        #expect(recorded != untouched, "the command records something")

        // Recorded exactly once, as when the confirmation is printed; and said so.
        for (stdout, stderr) in [(StdoutSetup.devFull, StderrSetup.captured), (.devFull, .devFull)] {
            let sandbox = try Self.prepared(for: command)
            let failed = try sandbox.run(command.resolved(sandbox), stdout: stdout, stderr: stderr)
            #expect(failed.exitCode == 74, "\(stdout), stderr \(stderr): \(failed)")
            if case .captured = stderr {
                #expect(failed.stderrLines.count == 1 && failed.stderrLines[0].hasPrefix("zoneledger: 已"), "\(failed)")
                #expect(failed.stderr.contains("但无法输出确认（") && failed.stderr.contains("）：请勿重复执行"), "\(failed)")
            }
            #expect(try Self.state(sandbox) == recorded, "\(stdout), stderr \(stderr): \(failed)")
        }
        // A reader that went away: done, and nothing to say.
        let sandbox = try Self.prepared(for: command)
        let quiet = try sandbox.run(command.resolved(sandbox), stdout: .pipeWithoutReader)
        #expect(quiet.exitCode == 0 && quiet.stderr.isEmpty, "\(quiet)")
        #expect(try Self.state(sandbox) == recorded)
    }

    @Test func aWriteConfirmationNamesTheWayToCheckIt() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let failed = try sandbox.run(["project", "update", "P5", "--progress", "20", "--db", sandbox.ledger], stdout: .devFull)
        #expect(failed.stderrLines == ["zoneledger: 已写入账本，但无法输出确认（No space left on device）：请勿重复执行，可用 zoneledger log 查看"],
                "\(failed)")
        let closed = try sandbox.run(["project", "update", "P5", "--progress", "30", "--db", sandbox.ledger], stdout: .closed)
        #expect(closed.exitCode == 74 && closed.stderrLines.count == 1 && closed.stderr.contains("已写入账本，但无法输出确认（Bad file descriptor）"),
                "\(closed)")
        let changes = try sandbox.history().compactMap { $0["change"] as? String }
        #expect(changes.filter { $0 == "进度：20%" }.count == 1 && changes.filter { $0 == "进度：30%" }.count == 1, "\(changes)")
    }

    /// A full or closed stderr: the refusal's exit code, as documented, and no crash.
    @Test(arguments: [StderrSetup.devFull, .closed])
    func aRefusalWithNowhereToSayItStillExitsWithItsCode(stderr: StderrSetup) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        let cases: [([String], Int32)] = [
            (["project", "show", "没有这个项目", "--db", sandbox.ledger], 65),
            (["project", "update", "P5", "--progress", "200", "--db", sandbox.ledger], 65),
            (["project", "list", "--format", "bogus", "--db", sandbox.ledger], 64),
            (["no-such-command"], 64),
            (["log", "--db", sandbox.path("没有.sqlite")], 66),
            (["overdue", "--as-of", "2021-03-01", "--fail-if-any", "--db", sandbox.ledger], 1),
        ]
        for (arguments, code) in cases {
            let refused = try sandbox.run(arguments, stdout: .captured, stderr: stderr)
            #expect(refused.exitCode == code, "\(refused)")
        }
        let both = try sandbox.run(["log", "--db", sandbox.ledger], stdout: .devFull, stderr: stderr)
        #expect(both.exitCode == 74, "\(both)")
        #expect(sandbox.bytes() == before)
    }

    /// An --out file that cannot be written whole (here: past the file-size limit) is an I/O
    /// error, and neither the file nor its temporary is left behind.
    @Test(arguments: [["sheet", "--month", "2020-11", "--format", "json", "--out", "{folder}/进度表.json"],
                      ["export", "--format", "json", "--out", "{folder}/导出"]])
    func anOutFileThatCannotBeWrittenExits74AndLeavesNothing(arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        try FileManager.default.createDirectory(atPath: sandbox.path("导出"), withIntermediateDirectories: false)
        let command = Command(arguments: arguments).resolved(sandbox)
        let target = command[command.firstIndex(of: "--out")! + 1] + (arguments[0] == "export" ? "/ledger.json" : "")
        // The limit leaves room for the ledger's 32 KiB -shm; both outputs are larger.
        let prlimit = "/usr/bin/prlimit"
        try #require(FileManager.default.isExecutableFile(atPath: prlimit), "util-linux's prlimit is needed")
        let failed = try sandbox.run(command, stdout: .captured, launcher: [prlimit, "--fsize=36000"])
        #expect(failed.exitCode == 74, "\(failed)")
        #expect(failed.stderrLines == ["zoneledger: 无法写入“\(target)”（File too large）"], "\(failed)")
        let left = try FileManager.default.subpathsOfDirectory(atPath: sandbox.folderPath)
        #expect(!left.contains { $0.hasSuffix(".partial") || $0.hasSuffix(".json") }, "\(left)")

        let written = try sandbox.run(command, stdout: .captured)
        #expect(written.exitCode == 0 && FileManager.default.fileExists(atPath: target), "\(written)")
    }
}
