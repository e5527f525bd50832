import ArgumentParser
import ZoneLedgerCore

struct ProblemReopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "重开已解决的问题（问题又出现，或解决记错了；两条记录都保留）。",
        discussion: "例：zoneledger problem reopen W1 --reason 指标被收回 --on 2021-03-02")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "问题：编号、id 或描述的一部分") var ref: String
    @Option(help: "重开原因") var reason: String

    func run() throws {
        let ledger = try global.openForWriting()
        let receipt = try ledger.reopenProblem(ref, on: try write.effectiveDay(), reason: reason, context: write.context("problem reopen"))
        try Output.confirm(confirmation(receipt))
    }
}
