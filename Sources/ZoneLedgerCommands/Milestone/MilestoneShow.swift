import ArgumentParser
import ZoneLedgerCore

struct MilestoneShow: ShowCommand {
    static let kind = SubjectKind.milestone
    static let configuration = showConfiguration("zoneledger milestone show M3")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: "节点：编号、id 或内容的一部分") var ref: String
}
