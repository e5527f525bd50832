import ArgumentParser

struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure", abstract: "目标、报告数和经济指标：列表、查看、新增。",
        subcommands: [FigureList.self, FigureShow.self, FigureAdd.self])
}
