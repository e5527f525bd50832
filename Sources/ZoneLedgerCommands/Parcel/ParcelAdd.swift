import ArgumentParser
import ZoneLedgerCore

struct ParcelAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "新增地块。面积以亩计，最多两位小数，精确保存。",
        discussion: "例：zoneledger parcel add 滨海二期A地块 --area 52.36 --land-use 工业 --status 规划 --project 台邦")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "地块名称") var name: String
    @Option(parsing: .unconditional, help: ArgumentHelp("面积（亩）：144.73", valueName: "mu")) var area: String
    @Option(help: "用地性质") var landUse: String?
    @Option(help: ArgumentHelp("状态（默认规划）：\(choiceHelp(ParcelStatus.self))", valueName: "status")) var status: String?
    @Option(help: "服务的项目") var project: String?
    @Option(help: "编号（默认自动 L1、L2…）") var code: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        var draft = ParcelDraft(name: name, area: try Area.parse(area), on: try write.effectiveDay())
        draft.code = code
        draft.landUse = landUse
        draft.status = try choice(status, ParcelStatus.self) ?? .planned
        draft.project = project
        draft.note = note
        let parcel = try ledger.addParcel(draft, context: write.context("parcel add"))
        try Output.confirm("已新增地块 \(parcel.subject.code) \(parcel.subject.name)（\(draft.area)亩，\(draft.status.label)）\n")
    }
}
