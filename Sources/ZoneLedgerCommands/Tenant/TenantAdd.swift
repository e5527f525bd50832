import ArgumentParser
import ZoneLedgerCore

struct TenantAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "新增园区企业。",
        discussion: "例：zoneledger tenant add 某某电气有限公司 --park 博通 --status 签约")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var write: WriteOptions
    @Argument(help: "企业名称") var name: String
    @Option(help: "所在园区或平台") var park: String
    @Option(help: ArgumentHelp("状态（默认签约）：\(choiceHelp(TenantStatus.self))", valueName: "status")) var status: String?
    @Option(help: "编号（默认自动 E1、E2…）") var code: String?
    @Option(help: "说明") var note: String?

    func run() throws {
        let ledger = try global.openForWriting()
        var draft = TenantDraft(name: name, park: park, on: try write.effectiveDay())
        draft.code = code
        draft.status = try choice(status, TenantStatus.self) ?? .signed
        draft.note = note
        let tenant = try ledger.addTenant(draft, context: write.context("tenant add"))
        try Output.confirm("已新增企业 \(tenant.subject.code) \(tenant.subject.name)（\(draft.status.label)）\n")
    }
}
