import ArgumentParser
import ZoneLedgerCore

struct ParkEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "修改园区的名称、类别和各项数据；修改本身记入历史。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "园区：编号、id 或名称的一部分") var ref: String
    @Option(help: "新名称") var name: String?
    @Option(help: ArgumentHelp("类别：\(choiceHelp(ParkKind.self))", valueName: "kind")) var kind: String?
    @OptionGroup var figures: ParkFigureOptions
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let texts = [("name", name), ("kind", kind)].compactMap { key, text in text.map { (key, $0) } } + figures.texts
        let receipt = try ledger.edit(.park, ref, texts, note: note, on: try write.effectiveDay(), context: write.context("park edit"))
        try Output.confirm(confirmation(receipt))
    }
}
