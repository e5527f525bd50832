import ArgumentParser
import ZoneLedgerCore

struct MilestoneEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "修改节点内容、责任部门或所关于的对象（到期日请用 reschedule）。",
        discussion: "例：zoneledger milestone edit M3 --title 交付使用 --department 经发局；zoneledger milestone edit M7 --project P31")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "节点：编号、id 或内容的一部分") var ref: String
    @Option(help: "新的节点内容") var title: String?
    @Option(help: "责任部门（留空则改为项目的责任部门）") var department: String?
    @OptionGroup var about: SubjectLinkOptions
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let texts = [("title", title), ("department", department)].compactMap { key, text in text.map { (key, $0) } } + about.texts
        let receipt = try ledger.edit(.milestone, ref, texts, note: note, on: try write.effectiveDay(), context: write.context("milestone edit"))
        try Output.confirm(confirmation(receipt))
    }
}
