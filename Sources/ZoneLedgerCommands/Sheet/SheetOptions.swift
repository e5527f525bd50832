import ArgumentParser
import ZoneLedgerCore

/// The options a sheet is asked for with, the same for a zone's `sheet` and a city's `rollup`.
struct SheetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("月份：2020-11 或 2020年11月（默认本月）", valueName: "month")) var month: String?
    @Option(name: .customLong("format"), help: SheetFormats.help) var formatChoice = FormatChoice<SheetFormats>(SheetFormats.defaultFormat)
    @Option(help: ArgumentHelp("写入文件（先写临时文件再改名）", valueName: "file")) var out: String?
    @Option(help: "标题语言：zh 或 en（数据保持原样）") var lang: SheetLanguage = .zh
    @Option(help: "xlsx 和 html 的纸张：a4 或 a3（横向，每个工作表一页宽）") var paper: SheetPaper = .a4
    @Option(name: .customLong("as-recorded"),
            help: ArgumentHelp("按某一时刻账本里已有的记录重新生成（如当时报送的 2020-12-05）：之后补记、更正的都不算", valueName: "time"))
    var asRecorded: String?

    var format: OutputFormat { formatChoice.value }

    /// The month asked for (this month by default), once a binary format is known not to go to a terminal.
    func checkedMonth(today: Day) throws -> Month {
        let month = try month.map(Sheet.parseMonth) ?? Month(today)
        if format.isBinary && out == nil && Terminal.isTerminal(1) {
            throw LedgerError.usage("\(SheetFormats.name(format)) 是二进制文件，不写到终端：请加 --out 文件名，或重定向到文件")
        }
        return month
    }

    func recorded() throws -> RecordedAt? { try asRecorded.map { try RecordedAt.parse($0) } }

    func render(_ sheet: SheetStream) throws {
        try Sheet.render(sheet, format: format, labels: SheetLabels(lang), paper: paper.value, out: out)
    }
}
