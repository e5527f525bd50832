import ArgumentParser
import ZoneLedgerCore

struct ProblemEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "修改问题的描述、责任单位、挂钩领导、期限或所关于的对象（自生效日期起）。",
        discussion: "例：zoneledger problem edit W1 --due 2021年3月底 --note 协调会议定延期；zoneledger problem edit W2 --department 建设局")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @OptionGroup var history: BackfillOption
    @Argument(help: "问题：编号、id 或描述的一部分") var ref: String
    @Option(help: "新的问题描述") var text: String?
    @Option(help: "责任单位（留空则清除）") var department: String?
    @Option(help: "挂钩领导（留空则清除）") var leader: String?
    @Option(help: ArgumentHelp("新的期限", valueName: "date")) var due: String?
    @OptionGroup var about: SubjectLinkOptions
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let on = try write.effectiveDay()
        let texts = [("title", text), ("department", department), ("leader", leader)].compactMap { key, text in text.map { (key, $0) } }
            + about.texts
        let deadline = try due.map { try parseDue($0, promisedOn: on) }
        let receipt = try ledger.editProblem(ref, texts, due: deadline, note: note, on: on,
                                             context: history.applied(to: write.context("problem edit")))
        try Output.confirm(confirmation(receipt))
    }
}
