import ArgumentParser
import ZoneLedgerCore

struct ProjectShow: ShowCommand {
    static let kind = SubjectKind.project
    static let configuration = showConfiguration("zoneledger project show 台邦；zoneledger project show P5 --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: "项目：编号、id 或名称的一部分") var ref: String
}
