import ArgumentParser
import ZoneLedgerCore

struct ParcelShow: ShowCommand {
    static let kind = SubjectKind.parcel
    static let configuration = showConfiguration("zoneledger parcel show 乐海")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Argument(help: "地块：编号、id 或名称的一部分") var ref: String
}
