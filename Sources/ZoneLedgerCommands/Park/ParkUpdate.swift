import ArgumentParser
import ZoneLedgerCore

struct ParkUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "记录园区进展（一条带日期的说明）。",
        discussion: "例：zoneledger park update 博通 --note 已通过竣工验收 --on 2021-01-20")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "园区：编号、id 或名称的一部分") var ref: String
    @Option(help: "说明") var note: String

    func run() throws {
        let ledger = try global.openForWriting()
        let receipt = try ledger.notePark(ref, note: note, on: try write.effectiveDay(), context: write.context("park update"))
        try Output.confirm(confirmation(receipt))
    }
}
