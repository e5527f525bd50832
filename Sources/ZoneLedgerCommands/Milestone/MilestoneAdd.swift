import ArgumentParser
import ZoneLedgerCore

struct MilestoneAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "新增节点：关于一个项目、地块、园区或企业，到期日保留原话（春节前、2021年春季…）。",
        discussion: "例：zoneledger milestone add 主体结顶 --project 台邦 --due 2021年下半年")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @OptionGroup var history: BackfillOption
    @Argument(help: "节点内容") var title: String
    @Option(help: "关于哪个项目") var project: String?
    @Option(help: "关于哪个地块") var parcel: String?
    @Option(help: "关于哪个园区") var park: String?
    @Option(help: "关于哪个企业") var tenant: String?
    @Option(help: ArgumentHelp("到期：2021-02-11、2021年2月、年底、春节前、明年…（按生效日期理解）", valueName: "date")) var due: String
    @Option(help: "责任部门") var department: String?
    @Option(help: "编号（默认自动 M1、M2…）") var code: String?
    @Option(help: "说明") var note: String?

    func validate() throws {
        let given = [project, parcel, park, tenant].compactMap { $0 }
        guard given.count == 1 else {
            throw ValidationError("请用 --project、--parcel、--park、--tenant 中的一个指明节点关于谁")
        }
    }

    func run() throws {
        let ledger = try global.openForWriting()
        let on = try write.effectiveDay()
        let (kind, ref): (SubjectKind, String) =
            if let project { (.project, project) } else if let parcel { (.parcel, parcel) }
            else if let park { (.park, park) } else { (.tenant, tenant ?? "") }
        var draft = MilestoneDraft(title: title, subjectKind: kind, subject: ref, due: try parseDue(due, promisedOn: on), on: on)
        draft.code = code
        draft.department = department
        draft.note = note
        let milestone = try ledger.addMilestone(draft, context: history.applied(to: write.context("milestone add")))
        try Output.confirm("已新增节点 \(milestone.subject.code) \(milestone.subject.name)，到期：\(draft.due.text)（\(draft.due.day.iso)）\n")
    }
}
