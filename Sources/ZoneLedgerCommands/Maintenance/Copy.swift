import ArgumentParser
import ZoneLedgerCore

struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "把整本账（历史记录、批次、编号都在内）复制到一个新的 SQLite 文件或 PostgreSQL 数据库。",
        discussion: """
            目标必须是新的：不存在的文件，或空的 PostgreSQL 数据库。密码从环境变量 PGPASSWORD 或 ~/.pgpass 读取，不写在连接串里。
            例：zoneledger copy --db 台账.sqlite --to postgres://jingfa@127.0.0.1:5432/zoneledger
                zoneledger copy --db postgres://jingfa@127.0.0.1:5432/zoneledger --to 台账-副本.sqlite
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("目标：新的账本文件，或 postgres://用户@主机:端口/数据库", valueName: "ledger")) var to: String

    func run() throws {
        let source = try global.openForReading()
        let report = try source.copy(to: to)
        let parts = report.tables.filter { ["batch", "entry", "project", "milestone"].contains($0.table) }
            .map { "\($0.table) \($0.rows)" }.joined(separator: "，")
        try Output.confirm("已复制到 \(to)：共\(report.total)行（\(parts)）\n",
                           done: "已复制到“\(to)”", seeAlso: nil)
    }
}
