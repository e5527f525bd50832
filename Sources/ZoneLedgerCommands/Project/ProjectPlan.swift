import ArgumentParser
import ZoneLedgerCore

struct ProjectPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "记录项目的年度计划投资（和形象进度计划）；同一年度的新计划自其生效日起取代旧计划。",
        discussion: "例：zoneledger project plan 台邦 --year 2021 --investment 8000万元 --image 主体结顶 --on 2021-01-15")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "项目：编号、id 或名称的一部分") var ref: String
    @Option(help: ArgumentHelp("计划年度：2021", valueName: "year")) var year: Int
    @Option(help: ArgumentHelp("年度计划投资：8000万元、1.2亿元；只写数字按万元计", valueName: "money")) var investment: String
    @Option(help: ArgumentHelp("年度形象进度计划（文字）", valueName: "text")) var image: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let money = try Money.parse(investment, what: "年度计划投资", allowingZero: true)
        let receipt = try ledger.planProject(ref, year: year, investment: money, image: image, note: note, on: try write.effectiveDay(),
                                             context: write.context("project plan"))
        try Output.confirm(confirmation(receipt))
    }
}
