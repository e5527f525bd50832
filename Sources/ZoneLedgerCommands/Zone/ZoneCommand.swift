import ArgumentParser

struct ZoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zone", abstract: "开发区：查看名称，或把报告里的“__经济开发区”改成真实名称。",
        subcommands: [ZoneShow.self, ZoneRename.self], defaultSubcommand: ZoneShow.self)
}
