import ArgumentParser
import ZoneLedgerCore

struct TenantShow: ShowCommand {
    static let kind = SubjectKind.tenant
    static let configuration = showConfiguration("zoneledger tenant show 百川")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: "企业：编号、id 或名称的一部分") var ref: String
}
