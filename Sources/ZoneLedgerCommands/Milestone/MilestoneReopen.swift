import ArgumentParser
import ZoneLedgerCore

struct MilestoneReopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "重开已完成或已取消的节点（更正；两条记录都保留）。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "节点：编号、id 或内容的一部分") var ref: String
    @Option(help: "重开原因") var reason: String

    func run() throws {
        let ledger = try global.openForWriting()
        let receipt = try ledger.reopenMilestone(ref, on: try write.effectiveDay(), reason: reason, context: write.context("milestone reopen"))
        try Output.confirm(confirmation(receipt))
    }
}
