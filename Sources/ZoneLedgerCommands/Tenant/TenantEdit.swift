import ArgumentParser
import ZoneLedgerCore

struct TenantEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "修改企业名称或所在园区；修改本身记入历史。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "企业：编号、id 或名称的一部分") var ref: String
    @Option(help: "新名称") var name: String?
    @Option(help: "所在园区") var park: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let texts = [("name", name), ("park", park)].compactMap { key, text in text.map { (key, $0) } }
        let receipt = try ledger.edit(.tenant, ref, texts, note: note, on: try write.effectiveDay(), context: write.context("tenant edit"))
        try Output.confirm(confirmation(receipt))
    }
}
