import ArgumentParser
import ZoneLedgerCore

struct ParkAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "新增园区或平台。",
        discussion: "例：zoneledger park add 新材料小微园 --kind 小微园 --area 80 --plot-ratio 2.0 --investment 3亿元")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "园区名称") var name: String
    @Option(help: ArgumentHelp("类别：\(choiceHelp(ParkKind.self))", valueName: "kind")) var kind: String
    @OptionGroup var figures: ParkFigureOptions
    @Option(help: "编号（默认自动 Y1、Y2…）") var code: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        var draft = ParkDraft(name: name, kind: try ParkKind.parse(kind), on: try write.effectiveDay())
        draft.code = code
        draft.figures = try figures.figures()
        draft.note = note
        let park = try ledger.addPark(draft, context: write.context("park add"))
        try Output.confirm("已新增园区 \(park.subject.code) \(park.subject.name)（\(draft.kind.label)）\n")
    }
}
