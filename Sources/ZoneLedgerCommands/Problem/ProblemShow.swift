import ArgumentParser
import ZoneLedgerCore

struct ProblemShow: ShowCommand {
    static let kind = SubjectKind.problem
    static let configuration = showConfiguration("zoneledger problem show W1")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: "问题：编号、id 或描述的一部分") var ref: String
}
