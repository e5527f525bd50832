import ArgumentParser
import ZoneLedgerCore

struct ParcelUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "记录地块状态：规划→挂牌→出让→在建→竣工，或闲置、收回、司法拍卖。",
        discussion: "例：zoneledger parcel update 乐海 --status 出让 --on 2020年12月底 --note 三个地块均已成交")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "地块：编号、id 或名称的一部分") var ref: String
    @Option(help: ArgumentHelp("状态：\(choiceHelp(ParcelStatus.self))", valueName: "status")) var status: String
    @Option(help: "说明") var note: String?
    @Flag(help: "这是对此前记录的更正（允许状态倒退）") var correction = false

    func run() throws {
        let ledger = try global.openForWriting()
        var update = StatusUpdate(status: try ParcelStatus.parse(status), on: try write.effectiveDay())
        update.note = note
        update.correction = correction
        let receipt = try ledger.updateParcel(ref, update, context: write.context("parcel update"))
        try Output.confirm(confirmation(receipt))
    }
}
