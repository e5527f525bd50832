import ArgumentParser
import ZoneLedgerCore

struct ZoneRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "设定开发区的真实名称（显示在每张月度进度表上）。",
        discussion: "例：zoneledger zone rename 某某经济开发区")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("记录人（默认登录名）", valueName: "name")) var by: String?
    @Argument(help: "开发区名称") var name: String

    func run() throws {
        let context = WriteContext(author: by ?? Clock.loginName, now: Clock.now, today: Clock.today, command: "zone rename")
        let change = try global.openForWriting().renameZone(name, context: context)
        try Output.confirm("开发区名称：\(change.old) → \(change.new)\n")
    }
}
