import ArgumentParser
import ZoneLedgerCore

struct ProjectUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "记录项目进展：阶段、进度、说明，生效于某日。",
        discussion: "例：zoneledger project update 台邦 --stage 在建 --progress 15 --note 已取得施工许可证 --on 2020-12-20")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "项目：编号、id 或名称的一部分") var ref: String
    @Option(help: ArgumentHelp("阶段：\(choiceHelp(ProjectStage.self))", valueName: "stage")) var stage: String?
    @Option(parsing: .unconditional, help: "形象进度 %（0—100）") var progress: Int?
    @Option(help: "说明") var note: String?
    @Flag(help: "这是对此前记录的更正（允许阶段或进度倒退）") var correction = false

    func run() throws {
        let ledger = try global.openForWriting()
        var update = ZoneLedgerCore.ProjectUpdate(on: try write.effectiveDay())
        update.stage = try choice(stage, ProjectStage.self)
        update.progress = progress
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
