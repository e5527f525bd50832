import ArgumentParser

/// The root: a registry of commands and nothing more.
public struct ZoneLedger: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zoneledger",
        abstract: "开发区管委会台账：项目、地块、园区、企业、节点、存在问题，每次状态变化都是一条带日期的记录。",
        discussion: """
            账本位置：--db PATH，否则环境变量 ZONELEDGER_DB，否则 ~/.local/share/zoneledger/ledger.sqlite。
            退出码：0 成功，1 有逾期（--fail-if-any），64 用法错误，65 数据被拒绝，66 没有账本，74 无法写出结果（磁盘满、输出已关闭），75 账本忙，77 账本不可写。
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(name: "台账", subcommands: [
                ProjectCommand.self, ParcelCommand.self, ParkCommand.self, TenantCommand.self,
                MilestoneCommand.self, ProblemCommand.self, FigureCommand.self,
            ]),
            CommandGroup(name: "每月", subcommands: [Overdue.self, Sheet.self, Rollup.self]),
            CommandGroup(name: "账本", subcommands: [Init.self, ZoneCommand.self, Log.self, Undo.self, Check.self, Rebuild.self, Backup.self, Copy.self, Import.self, Export.self]),
        ]
    )

    public init() {}
}
