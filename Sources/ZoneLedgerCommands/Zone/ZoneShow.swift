import ArgumentParser
import ZoneLedgerCore

struct ZoneShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "查看开发区名称和账本位置。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let zone = try global.openForReading().zone()
        let detail = Detail(title: zone.name, fields: [
            (Column("name", "开发区"), .text(zone.name)),
            (Column("report_day", "报告数据截至"), zone.reportDay.map(Cell.day) ?? .empty),
            (Column("ledger", "账本"), .text(global.path)),
        ], sections: [])
        try Output.emit(detail, output.format)
    }
}
