import ArgumentParser
import Foundation
import ZoneLedgerCore

struct Rollup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "全市汇总表：各开发区账本同一月份的进度表，按地区列出并合计。",
        discussion: """
            每个账本都按该月最后一天读取（当月未过完时截至今天），每一行的数字就是该开发区自己月度进度表上的数字，合计是它们的和；
            完成率、时间进度按合计重新计算，不相加。任何一个账本读不了就报错并指出是哪一个，不输出缺了一个区的合计。
            例：zoneledger rollup --month 2021-03 甲区.sqlite 乙区.sqlite 丙区.sqlite --format xlsx --out 2021年3月全市汇总.xlsx
            """)

    @Argument(help: ArgumentHelp("各开发区的账本文件", valueName: "ledger")) var ledgers: [String] = []
    @OptionGroup var options: SheetOptions

    func run() throws {
        let today = Clock.today
        guard !ledgers.isEmpty else { throw LedgerError.usage("请给出至少一个开发区账本，如 zoneledger rollup --month 2021-03 甲区.sqlite 乙区.sqlite") }
        let month = try options.checkedMonth(today: today)
        try Self.refuseRepeats(ledgers)
        let recorded = try options.recorded()
        // Every ledger is read before anything is written: one that cannot be read stops the whole
        // rollup, so a total missing a zone is never printed.
        let zones = try ledgers.map { source in
            try Self.naming(source) { try Ledger.open(at: source, writable: false).zoneFigures(month: month, today: today, recorded: recorded) }
        }
        let names = CityRollup.rowNames(zones: zones.map(\.zone), sources: ledgers.map(Self.shortName))
        try options.render(SheetStream(CityRollup.sheet(month: month, zones: zones, names: names, recorded: recorded, generatedAt: Sheet.generatedAt())))
    }

    /// A file by its name, a PostgreSQL ledger by its database and host.
    static func shortName(_ source: String) -> String {
        if let url = try? PostgresURL.parse(source) { return "\(url.database)@\(url.host)" }
        return URL(fileURLWithPath: source).lastPathComponent
    }

    /// The same ledger named twice would be counted twice in the 合计.
    static func refuseRepeats(_ sources: [String]) throws {
        var seen: [String: String] = [:]
        for source in sources {
            let key = try PostgresURL.parse(source)?.redacted ?? URL(fileURLWithPath: source).resolvingSymlinksInPath().standardizedFileURL.path
            if let first = seen[key] {
                throw LedgerError.usage("账本“\(source)”与“\(first)”是同一个文件：同一个开发区会在合计里算两次")
            }
            seen[key] = source
        }
    }

    /// A failure names the ledger it came from, keeping its kind (and so its exit code).
    static func naming<T>(_ source: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as LedgerError {
            let message = error.message.contains("“\(source)”") ? "无法汇总：\(error.message)" : "无法汇总账本“\(source)”：\(error.message)"
            throw LedgerError(error.kind, message)
        }
    }
}
