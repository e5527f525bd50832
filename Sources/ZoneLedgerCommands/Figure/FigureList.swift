import ArgumentParser
import ZoneLedgerCore

struct FigureList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出截止某日的目标、报告数和指标。",
        discussion: "例：zoneledger figure list --category 指标")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: ArgumentHelp("只列此类：\(choiceHelp(FigureCategory.self))", valueName: "category")) var category: String?

    func run() throws {
        let category = try choice(category, FigureCategory.self)
        try Output.emit(try global.openForReading().listFigures(try asOf.moment(), category: category), output.format)
    }
}
