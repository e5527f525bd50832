import ArgumentParser
import ZoneLedgerCore

struct FigureShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "查看一条数据及其报告原文。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "数据编号，如 F1") var ref: String

    func run() throws {
        try Output.emit(try global.openForReading().showFigure(ref), output.format)
    }
}
