import ArgumentParser
import ZoneLedgerCore

struct ProblemResolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "标记问题已解决，写明解决情况（不早于问题提出之日）。",
        discussion: "例：zoneledger problem resolve W1 --note 用地指标已落实 --on 2021-01-25")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "问题：编号、id 或描述的一部分") var ref: String
    @Option(help: "解决情况") var note: String

    func run() throws {
        let ledger = try global.openForWriting()
        let receipt = try ledger.resolveProblem(ref, on: try write.effectiveDay(), note: note, context: write.context("problem resolve"))
        try Output.confirm(confirmation(receipt))
    }
}
