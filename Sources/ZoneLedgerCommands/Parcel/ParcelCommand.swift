import ArgumentParser

struct ParcelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcel", abstract: "地块（亩）：新增、列表、查看、更新状态、修改。",
        subcommands: [ParcelAdd.self, ParcelList.self, ParcelShow.self, ParcelUpdate.self, ParcelEdit.self])
}
