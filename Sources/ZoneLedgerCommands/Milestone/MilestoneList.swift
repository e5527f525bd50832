import ArgumentParser
import ZoneLedgerCore

struct MilestoneList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出节点（按到期日），及其在某日的状态。",
        discussion: "例：zoneledger milestone list --state 未完成")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: ArgumentHelp("只列此状态：\(choiceHelp(MilestoneState.self))", valueName: "state")) var state: String?

    func run() throws {
        let state = try choice(state, MilestoneState.self)
        try Output.emit(try global.openForReading().listMilestones(try asOf.moment(), state: state), output.format)
    }
}
