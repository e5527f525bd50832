import ArgumentParser
import ZoneLedgerCore

struct TenantUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "记录企业状态：签约→在建→结顶→入驻→投产，或退出。",
        discussion: "例：zoneledger tenant update 百川 --status 在建 --on 2021-03-01")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "企业：编号、id 或名称的一部分") var ref: String
    @Option(help: ArgumentHelp("状态：\(choiceHelp(TenantStatus.self))", valueName: "status")) var status: String
    @Option(help: "说明") var note: String?
    @Flag(help: "这是对此前记录的更正（允许状态倒退）") var correction = false

    func run() throws {
        let ledger = try global.openForWriting()
        var update = StatusUpdate(status: try TenantStatus.parse(status), on: try write.effectiveDay())
        update.note = note
        update.correction = correction
        let receipt = try ledger.updateTenant(ref, update, context: write.context("tenant update"))
        try Output.confirm(confirmation(receipt))
    }
}
