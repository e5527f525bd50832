import ArgumentParser
import ZoneLedgerCore

struct ProjectUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "记录项目进展：阶段、进度、完成投资、说明，生效于某日。",
        discussion: """
            例：zoneledger project update 台邦 --stage 在建 --progress 15 --note 已取得施工许可证 --on 2020-12-20
                zoneledger project update 台邦 --invested 600万元 --on 2021年1月        （1月本月完成投资；再报一次即替换，不累加）
                zoneledger project update 台邦 --invested-ytd 3495万元 --on 2021年7月   （1-7月累计完成投资）
                zoneledger project update 台邦 --invested-total 3亿元 --on 2020年底      （开工至2020年底累计：期初数）
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "项目：编号、id 或名称的一部分") var ref: String
    @Option(help: ArgumentHelp("阶段：\(choiceHelp(ProjectStage.self))", valueName: "stage")) var stage: String?
    @Option(parsing: .unconditional, help: "形象进度 %（0—100）") var progress: Int?
    // .unconditional: "-5万元" reaches the money parser, which says why it is refused.
    @Option(parsing: .unconditional, help: ArgumentHelp("本月完成投资（生效日期所在月份）：600万元；只写数字按万元计", valueName: "money"))
    var invested: String?
    @Option(name: .customLong("invested-ytd"), parsing: .unconditional, help: ArgumentHelp("1-N月累计完成投资（N 为生效日期所在月）", valueName: "money")) var investedYearToDate: String?
    @Option(name: .customLong("invested-total"), parsing: .unconditional, help: ArgumentHelp("开工累计完成投资，截至生效日期所在月底（期初数）", valueName: "money")) var investedTotal: String?
    @Option(help: "说明") var note: String?
    @Flag(help: "这是对此前记录的更正（允许阶段或进度倒退）") var correction = false

    func run() throws {
        let ledger = try global.openForWriting()
        var update = ZoneLedgerCore.ProjectUpdate(on: try write.effectiveDay())
        update.stage = try choice(stage, ProjectStage.self)
        update.progress = progress
        update.invested = try invested.map { try Money.parse($0, what: "本月完成投资", allowingZero: true) }
        update.investedYearToDate = try investedYearToDate.map { try Money.parse($0, what: "1-N月累计完成投资", allowingZero: true) }
        update.investedTotal = try investedTotal.map { try Money.parse($0, what: "开工累计完成投资", allowingZero: true) }
        update.note = note
        update.correction = correction
        let receipt = try ledger.updateProject(ref, update, context: write.context("project update"))
        try Output.confirm(confirmation(receipt))
    }
}

/// "已记录 P5 台邦精密减速器项目（2020-12-20）：阶段：在建；进度：15%"
func confirmation(_ receipt: Receipt) -> String {
    let summary = [receipt.summary, receipt.entry.note.map { "说明：\($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: "；")
    return "已记录 \(receipt.subject.listing)（\(receipt.entry.effectiveOn.iso)）\(summary.isEmpty ? "" : "：" + summary)\n"
}
