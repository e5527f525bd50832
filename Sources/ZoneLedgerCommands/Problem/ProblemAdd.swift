import ArgumentParser
import ZoneLedgerCore

struct ProblemAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "提出一个存在问题：关于一个项目（或地块、园区、企业），写明责任单位、挂钩领导和期限（可不写）。",
        discussion: """
            对象默认按项目查找；--parcel、--park、--tenant 指明其他对象。
            例：zoneledger problem add 台邦 土地指标未落实 --department 自然资源分局 --leader 分管副主任 --due 2021年1月底
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @OptionGroup var history: BackfillOption
    @Argument(help: "项目：编号、id 或名称的一部分（用 --parcel/--park/--tenant 时不写）") var ref: String?
    @Argument(help: "问题描述") var text: String?
    @Option(help: "关于哪个地块") var parcel: String?
    @Option(help: "关于哪个园区") var park: String?
    @Option(help: "关于哪个企业") var tenant: String?
    @Option(help: "责任单位") var department: String?
    @Option(help: "挂钩领导") var leader: String?
    @Option(help: ArgumentHelp("期限：2021-01-31、2021年1月底、春节前…（按生效日期理解）", valueName: "date")) var due: String?
    @Option(help: "编号（默认自动 W1、W2…）") var code: String?
    @Option(help: "说明") var note: String?

    /// `problem add 台邦 描述`, or `problem add 描述 --park 博通`.
    private var target: (kind: SubjectKind, ref: String, text: String)? {
        let other: (SubjectKind, String)? =
            if let parcel { (.parcel, parcel) } else if let park { (.park, park) } else if let tenant { (.tenant, tenant) } else { nil }
        switch (other, ref, text) {
        case (nil, let ref?, let text?): return (.project, ref, text)
        case (let (kind, ref)?, let text?, nil): return (kind, ref, text)
        default: return nil
        }
    }

    func validate() throws {
        if [parcel, park, tenant].compactMap({ $0 }).count > 1 {
            throw ValidationError("--parcel、--park、--tenant 只能给一个：问题只关于一个对象")
        }
        if target == nil {
            throw ValidationError("请写 zoneledger problem add 项目 问题描述，或 zoneledger problem add 问题描述 --park 园区")
        }
    }

    func run() throws {
        guard let target else { return }
        let ledger = try global.openForWriting()
        let on = try write.effectiveDay()
        var draft = ProblemDraft(text: target.text, subjectKind: target.kind, subject: target.ref, on: on)
        draft.code = code
        draft.department = department
        draft.leader = leader
        draft.due = try due.map { try parseDue($0, promisedOn: on) }
        draft.note = note
        let receipt = try ledger.addProblem(draft, context: history.applied(to: write.context("problem add")))
        let deadline = draft.due.map { "，期限：\($0.words)" } ?? "，未定期限"
        try Output.confirm("已记录问题 \(receipt.subject.code) \(receipt.subject.name)\(deadline)\n")
    }
}
