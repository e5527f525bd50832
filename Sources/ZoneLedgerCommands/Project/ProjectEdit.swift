import ArgumentParser
import ZoneLedgerCore

struct ProjectEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "修改项目的描述字段；修改本身记入历史（旧值和新值）。",
        discussion: "例：zoneledger project edit 台邦 --department 经发局 --planned-completion 2022年底")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "项目：编号、id 或名称的一部分") var ref: String
    @Option(help: "新名称") var name: String?
    @Option(help: ArgumentHelp("类别：\(choiceHelp(ProjectKind.self))", valueName: "kind")) var kind: String?
    @Option(help: ArgumentHelp("总投资：9亿元、5000万元；只写数字按万元计", valueName: "money")) var investment: String?
    @Option(help: "所在园区或平台") var park: String?
    @Option(help: "所用地块") var parcel: String?
    @Option(help: ArgumentHelp("省重大产业项目：是/否", valueName: "yes|no")) var provincialMajor: String?
    @Option(help: ArgumentHelp("统计入库：是/否", valueName: "yes|no")) var registered: String?
    @Option(help: "责任部门（责任单位）") var department: String?
    @Option(help: "项目业主单位（写空字符串清除）") var owner: String?
    @Option(help: "挂钩领导（写空字符串清除）") var leader: String?
    @Option(help: "建设内容及规模（写空字符串清除）") var scope: String?
    @Option(help: ArgumentHelp("计划开工日期", valueName: "date")) var plannedStart: String?
    @Option(help: ArgumentHelp("计划竣工日期", valueName: "date")) var plannedCompletion: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        let on = try write.effectiveDay()
        let flags = [("provincial_major", try provincialMajor.map { try yesNo($0, "--provincial-major") }),
                     ("registered", try registered.map { try yesNo($0, "--registered") })]
        let texts = [("name", name), ("kind", kind), ("investment", investment), ("park", park), ("parcel", parcel),
                     ("department", department), ("planned_start", plannedStart), ("planned_completion", plannedCompletion),
                     ("owner", owner), ("leader", leader), ("scope", scope)]
            .compactMap { key, text in text.map { (key, $0) } }
            + flags.compactMap { key, flag in flag.map { (key, $0 ? "是" : "否") } }
        let receipt = try ledger.edit(.project, ref, texts, note: note, on: on, context: write.context("project edit"))
        try Output.confirm(confirmation(receipt))
    }
}

func yesNo(_ text: String, _ option: String) throws -> Bool {
    switch text.lowercased() {
    case "yes", "true", "1", "是", "y": return true
    case "no", "false", "0", "否", "n": return false
    default: throw LedgerError.usage("\(option) 的值“\(text)”无效：应为 是/否（yes/no）")
    }
}
