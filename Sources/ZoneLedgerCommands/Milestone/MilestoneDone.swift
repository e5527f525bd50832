import ArgumentParser
import ZoneLedgerCore

struct MilestoneDone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "标记节点完成（不早于节点立下之日）。",
        discussion: "例：zoneledger milestone done M3 --on 2021-02-05 --note 已交付企业")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "节点：编号、id 或内容的一部分") var ref: String
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let receipt = try ledger.completeMilestone(ref, on: try write.effectiveDay(), note: note, context: write.context("milestone done"))
        try Output.confirm(confirmation(receipt))
    }
}
