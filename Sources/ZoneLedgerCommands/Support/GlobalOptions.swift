import ArgumentParser
import Foundation
import ZoneLedgerCore

/// Where the ledger is. Every command takes it, before or after the subcommand.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("账本文件，或 PostgreSQL 账本 postgres://用户@主机:端口/数据库（密码用 PGPASSWORD 或 ~/.pgpass）。默认：环境变量 ZONELEDGER_DB，否则 ~/.local/share/zoneledger/ledger.sqlite", valueName: "path"))
    var db: String?

    /// The ledger's path: --db, else ZONELEDGER_DB, else the per-user default.
    var path: String {
        if let db, !db.isEmpty { return db }
        let environment = ProcessInfo.processInfo.environment
        if let fromEnvironment = environment["ZONELEDGER_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        return Self.defaultPath(environment)
    }

    static func defaultPath(_ environment: [String: String]) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/zoneledger/ledger.sqlite"
    }

    func openForReading() throws -> Ledger { try Ledger.open(at: path, writable: false) }
    func openForWriting() throws -> Ledger { try Ledger.open(at: path, writable: true) }

    /// `zoneledger --db X project list` works like `zoneledger project list --db X`:
    /// the option is moved behind the subcommand path, where the parser looks for it.
    static func hoistingLedgerOption(_ arguments: [String]) -> [String] {
        var rest = arguments
        var moved: [String] = []
        var index = 0
        // Only the leading run of options before the first subcommand word is rewritten.
        while index < rest.count, rest[index].hasPrefix("-") {
            if rest[index] == "--db", index + 1 < rest.count {
                moved += [rest[index], rest[index + 1]]
                rest.removeSubrange(index...(index + 1))
            } else if rest[index].hasPrefix("--db=") {
                moved.append(rest.remove(at: index))
            } else {
                index += 1
            }
        }
        guard !moved.isEmpty else { return arguments }
        // After a "--" terminator the option would be read as an argument: put it before.
        if let terminator = rest.firstIndex(of: "--") { rest.insert(contentsOf: moved, at: terminator); return rest }
        return rest + moved
    }
}

/// When and by whom: the options of every command that writes.
struct WriteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("生效日期（默认今天）：2021-02-11、2021年2月底、上半年… 时段取最后一天", valueName: "date"))
    var on: String?

    @Option(name: .long, help: ArgumentHelp("记录人（默认登录名）", valueName: "name"))
    var by: String?

    /// The effective day, read against today.
    func effectiveDay() throws -> Day {
        guard let on else { return Clock.today }
        return try parseDate(on, relativeTo: Clock.today).day
    }

    func context(_ command: String) -> WriteContext {
        WriteContext(author: by ?? Clock.loginName, now: Clock.now, today: Clock.today, command: command)
    }
}

/// Dates are free text, so a bad one is refused data (65), naming the value.
func parseDate(_ text: String, relativeTo day: Day) throws -> LedgerDate {
    do { return try DateParser.parse(text, relativeTo: day) } catch { throw LedgerError.data(error.message) }
}

/// A due date promised on `day`: a period without a year is its next occurrence (`DateParser.parseDue`).
func parseDue(_ text: String, promisedOn day: Day) throws -> LedgerDate {
    do { return try DateParser.parseDue(text, promisedOn: day) } catch { throw LedgerError.data(error.message) }
}

enum Clock {
    /// Today in the machine's time zone; ZONELEDGER_TODAY (an ISO day) pins it for scripts and tests.
    static var today: Day {
        if let pinned = ProcessInfo.processInfo.environment["ZONELEDGER_TODAY"], let day = Day(iso: pinned) { return day }
        return Day.today()
    }

    /// The moment a write is recorded at; ZONELEDGER_NOW (seconds since 1970) pins it, so a
    /// script can replay the same commands into two ledgers and get the same history.
    static var now: Date {
        ProcessInfo.processInfo.environment["ZONELEDGER_NOW"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
    }

    static var loginName: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["ZONELEDGER_AUTHOR", "LOGNAME", "USER"] { if let name = environment[key], !name.isEmpty { return name } }
        let name = NSUserName()
        return name.isEmpty ? "unknown" : name
    }
}

/// `--backfill`: history recorded after the fact, where a due date written in full may fall before
/// the day it was promised (`Ledger.checkDue`); without it such a milestone is refused.
struct BackfillOption: ParsableArguments {
    @Flag(help: "补录过去的节点：允许写明的到期日早于立下（改期）的日期") var backfill = false

    func applied(to context: WriteContext) -> WriteContext {
        var context = context
        context.backfill = backfill
        return context
    }
}
