import ArgumentParser
import ZoneLedgerCore

struct ParkShow: ShowCommand {
    static let kind = SubjectKind.park
    static let configuration = showConfiguration("zoneledger park show 博通（含在册企业和报告数据）")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: "园区：编号、id 或名称的一部分") var ref: String
}
