import ArgumentParser

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone", abstract: "节点（带到期日的承诺）：新增、列表、查看、完成、改期、取消、重开、修改。",
        subcommands: [MilestoneAdd.self, MilestoneList.self, MilestoneShow.self, MilestoneDone.self,
                      MilestoneReschedule.self, MilestoneCancel.self, MilestoneReopen.self, MilestoneEdit.self])
}
