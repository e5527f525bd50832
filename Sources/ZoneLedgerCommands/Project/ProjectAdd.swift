import ArgumentParser
import ZoneLedgerCore

struct ProjectAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "新增项目。",
        discussion: "例：zoneledger project add 新能源装备产业园项目 --kind 工业 --stage 前期 --investment 3.5亿元 --provincial-major")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "项目名称") var name: String
    @Option(help: ArgumentHelp("类别：\(choiceHelp(ProjectKind.self))", valueName: "kind")) var kind: String
    @Option(help: ArgumentHelp("阶段（默认谋划）：\(choiceHelp(ProjectStage.self))", valueName: "stage")) var stage: String?
    @Option(parsing: .unconditional, help: "形象进度 %（0—100）") var progress: Int?
    @Option(help: ArgumentHelp("总投资：9亿元、5000万元、66300元；只写数字按万元计", valueName: "money")) var investment: String?
    @Option(help: "所在园区或平台（编号或名称）") var park: String?
    @Option(help: "所用地块（编号或名称）") var parcel: String?
    @Flag(help: "省重大产业项目") var provincialMajor = false
    @Flag(help: "已统计入库") var registered = false
    @Option(help: "责任部门（责任单位）") var department: String?
    @Option(help: "项目业主单位") var owner: String?
    @Option(help: "挂钩领导") var leader: String?
    @Option(help: "建设内容及规模") var scope: String?
    @Option(help: ArgumentHelp("计划开工日期", valueName: "date")) var plannedStart: String?
    @Option(help: ArgumentHelp("计划竣工日期", valueName: "date")) var plannedCompletion: String?
    @Option(help: "编号（默认自动 P1、P2…）") var code: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let on = try write.effectiveDay()
        var draft = ProjectDraft(name: name, kind: try ProjectKind.parse(kind), on: on)
        draft.code = code
        draft.stage = try choice(stage, ProjectStage.self) ?? .planning
        draft.progress = progress
        draft.investment = try investment.map { try Money.parse($0, what: "总投资") }
        draft.park = park
        draft.parcel = parcel
        draft.provincialMajor = provincialMajor
        draft.registered = registered
        draft.department = department
        draft.owner = owner
        draft.leader = leader
        draft.scope = scope
        draft.plannedStart = try plannedStart.map { try parseDate($0, relativeTo: on).day }
        draft.plannedCompletion = try plannedCompletion.map { try parseDate($0, relativeTo: on).day }
        draft.note = note
        let project = try ledger.addProject(draft, context: write.context("project add"))
        try Output.confirm("已新增项目 \(project.subject.code) \(project.subject.name)（\(on.iso)，\(draft.stage.label)）\n")
    }
}
