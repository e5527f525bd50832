import ArgumentParser
import ZoneLedgerCore

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "项目：新增、列表、查看、更新进展和完成投资、年度计划、修改。",
        subcommands: [ProjectAdd.self, ProjectList.self, ProjectShow.self, ProjectUpdate.self, ProjectPlan.self, ProjectEdit.self])
}
