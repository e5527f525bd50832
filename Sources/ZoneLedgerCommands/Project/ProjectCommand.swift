import ArgumentParser
import ZoneLedgerCore

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "项目：新增、列表、查看、更新进展、修改。",
        subcommands: [ProjectAdd.self, ProjectList.self, ProjectShow.self, ProjectUpdate.self, ProjectEdit.self])
}
