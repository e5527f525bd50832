import ArgumentParser
import ZoneLedgerCore

struct MilestoneReschedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule", abstract: "节点改期：原定到期日保留，改期次数可见。",
        discussion: "例：zoneledger milestone reschedule M7 --due 2021年6月底 --reason 招标延后")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @OptionGroup var history: BackfillOption
    @Argument(help: "节点：编号、id 或内容的一部分") var ref: String
    @Option(help: ArgumentHelp("新的到期日（按生效日期理解）", valueName: "date")) var due: String
    @Option(help: "改期原因") var reason: String

    func run() throws {
        let ledger = try global.openForWriting()
        let on = try write.effectiveDay()
        let receipt = try ledger.rescheduleMilestone(ref, to: try parseDue(due, promisedOn: on), on: on, reason: reason,
                                                   context: history.applied(to: write.context("milestone reschedule")))
        try Output.confirm(confirmation(receipt))
    }
}
