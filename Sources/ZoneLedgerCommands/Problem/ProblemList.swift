import ArgumentParser
import ZoneLedgerCore

struct ProblemList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出存在问题（按提出日期），及其在某日的状态、期限和解决情况。",
        discussion: "例：zoneledger problem list --open；zoneledger problem list --project 台邦 --as-of 2021-03-31")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Flag(help: "只列未解决的") var open = false
    @Option(help: "只列关于这个项目的") var project: String?

    func run() throws {
        let subject = project.map { (kind: SubjectKind.project, ref: $0) }
        try Output.emit(try global.openForReading().listProblems(try asOf.moment(), openOnly: open, subject: subject), output.format)
    }
}
