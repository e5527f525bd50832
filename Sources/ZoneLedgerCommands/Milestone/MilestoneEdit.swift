import ArgumentParser
import ZoneLedgerCore

struct MilestoneEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "修改节点内容或责任部门（到期日请用 reschedule）。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "节点：编号、id 或内容的一部分") var ref: String
    @Option(help: "新的节点内容") var title: String?
    @Option(help: "责任部门") var department: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let receipt = try ledger.editMilestone(ref, title: title, department: department, note: note,
                                             on: try write.effectiveDay(), context: write.context("milestone edit"))
        try Output.confirm(confirmation(receipt))
    }
}
