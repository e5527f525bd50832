import ArgumentParser
import ZoneLedgerCore

struct FigureAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "新增一条目标、报告数或指标（数值按原样精确保存）。",
        discussion: "例：zoneledger figure add 土地出让面积 --category 目标 --key land_sold_area --from 2021-01-01 --to 2021-12-31 --value 450 --unit 亩")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "指标名称") var metric: String
    @Option(help: ArgumentHelp("类别：\(choiceHelp(FigureCategory.self))", valueName: "category")) var category: String
    @Option(help: "键名（英文，用于目标与实际数对应，如 land_sold_area）") var key: String?
    @Option(help: "范围：某个园区（默认全区）") var park: String?
    @Option(help: ArgumentHelp("统计期起", valueName: "date")) var from: String
    @Option(help: ArgumentHelp("统计期止（时段取最后一天）", valueName: "date")) var to: String
    @Option(parsing: .unconditional, help: "数值：171、34.36") var value: String
    @Option(help: "单位：亿元、亩、家…") var unit: String
    @Flag(help: "约数（报告写“约”“余”）") var approximate = false
    @Option(parsing: .unconditional, help: "同比增长 %") var yoy: String?
    @Option(help: "编号（默认自动 F1、F2…）") var code: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let today = Clock.today
        guard let number = ExactDecimal(value) else { throw LedgerError.data("数值无效“\(value)”：应为数字，如 34.36") }
        var draft = FigureDraft(category: try FigureCategory.parse(category), metric: metric,
                                from: try parseDate(from, relativeTo: today).startDay, to: try parseDate(to, relativeTo: today).day,
                                knownOn: try write.effectiveDay(), value: number, unit: unit)
        draft.code = code
        draft.key = key
        draft.park = park
        draft.approximate = approximate
        draft.yoyPercent = try yoy.map { text in
            guard let number = ExactDecimal(text) else { throw LedgerError.data("同比无效“\(text)”：应为数字，如 11.7 或 -3.2") }
            return number
        }
        let figure = try ledger.addFigure(draft, context: write.context("figure add"))
        try Output.confirm("已新增数据 \(figure.code) \(figure.metric)：\(figure.value)\(figure.unit)（\(figure.periodFrom.iso)至\(figure.periodTo.iso)，\(figure.knownOn.iso)获知）\n")
    }
}
