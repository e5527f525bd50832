import ArgumentParser
import ZoneLedgerCore

struct ParcelEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "修改地块的名称、面积、用地性质；修改本身记入历史。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "地块：编号、id 或名称的一部分") var ref: String
    @Option(help: "新名称") var name: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("面积（亩）", valueName: "mu")) var area: String?
    @Option(help: "用地性质") var landUse: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let texts = [("name", name), ("area_mu", area), ("land_use", landUse)].compactMap { key, text in text.map { (key, $0) } }
        let receipt = try ledger.edit(.parcel, ref, texts, note: note, on: try write.effectiveDay(), context: write.context("parcel edit"))
        try Output.confirm(confirmation(receipt))
    }
}
