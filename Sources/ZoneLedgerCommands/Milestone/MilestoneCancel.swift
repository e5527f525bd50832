import ArgumentParser
import ZoneLedgerCore

struct MilestoneCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "取消节点（须写原因）。",
        discussion: "例：zoneledger milestone cancel M1 --reason 申报政策调整")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "节点：编号、id 或内容的一部分") var ref: String
    @Option(help: "取消原因") var reason: String

    func run() throws {
        let ledger = try global.openForWriting()
        let receipt = try ledger.cancelMilestone(ref, on: try write.effectiveDay(), reason: reason, context: write.context("milestone cancel"))
        try Output.confirm(confirmation(receipt))
    }
}
