import ArgumentParser
import ZoneLedgerCore

struct ProjectList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出项目（按类别），及其在某日的阶段和进度。",
        discussion: "例：zoneledger project list；zoneledger project list --as-of 2020-11-30 --format csv > 项目.csv")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        try Output.emit(try global.openForReading().listProjects(try asOf.moment()), output.format)
    }
}
