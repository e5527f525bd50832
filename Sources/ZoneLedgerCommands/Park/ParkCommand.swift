import ArgumentParser

struct ParkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "park", abstract: "园区和平台（小微园、特色小镇、高新园区…）：新增、列表、查看、记录进展、修改。",
        subcommands: [ParkAdd.self, ParkList.self, ParkShow.self, ParkUpdate.self, ParkEdit.self])
}
