import ArgumentParser
import Foundation
import ZoneLedgerCore

enum SheetLanguage: String, ExpressibleByArgument, CaseIterable {
    case zh, en
}

enum SheetPaper: String, ExpressibleByArgument, CaseIterable {
    case a4, a3
    var value: SheetXLSX.Paper { self == .a4 ? .a4 : .a3 }
}

struct Sheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "月度进度表：截至该月最后一天的台账（当月未过完时截至今天）。",
        discussion: """
            同一个月份、同一份账本，任何时候重新生成都得到同样的内容（生成时间取 SOURCE_DATE_EPOCH，如已设定）。
            例：zoneledger sheet --month 2020-11；zoneledger sheet --month 2020-11 --format xlsx --out 2020年11月进度表.xlsx
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: SheetOptions

    func run() throws {
        let today = Clock.today
        let month = try options.checkedMonth(today: today)
        let ledger = try global.openForReading()
        // Every format streams: rows go out as the ledger yields them, so memory stays flat however
        // many projects and milestones the sheet lists (xlsx through libxlsxwriter's temporary files).
        try ledger.withSheet(month: month, today: today, recorded: try options.recorded(), generatedAt: Self.generatedAt()) { sheet in
            try options.render(sheet)
        }
    }

    /// One sheet in one format, to a file (written beside it, then renamed) or standard output.
    /// The city's rollup renders through here too.
    static func render(_ sheet: SheetStream, format: OutputFormat, labels: SheetLabels, paper: SheetXLSX.Paper, out: String?) throws {
        let render = { (sink: OutputSink) throws in
            switch format {
            case .table:
                // Colour only on a terminal, never with NO_COLOR, never into a file.
                try SheetText.write(sheet, labels, width: out == nil ? Terminal.columns() : nil,
                                    color: out == nil && Terminal.colorAllowed, to: sink)
            case .md: try SheetMarkdown.write(sheet, labels, to: sink)
            case .csv: try SheetCSV.write(sheet, labels, to: sink)
            case .json: try SheetJSON.write(sheet, to: sink)
            case .html: try SheetHTML.write(sheet, labels, paper: paper, to: sink)
            case .xlsx: try SheetXLSX.write(sheet, labels, paper: paper, to: sink)
            }
        }
        if let out {
            try OutputSink.toFile(out, render)
        } else {
            try OutputSink.toStandardOutput(render)
        }
    }

    static func parseMonth(_ text: String) throws -> Month {
        do { return try Month.parse(text) } catch { throw LedgerError.data(error.message) }
    }
    /// SOURCE_DATE_EPOCH (the reproducible-builds convention) pins the time, else now; local time, minutes.
    static func generatedAt() -> String {
        let environment = ProcessInfo.processInfo.environment
        let date = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = environment["SOURCE_DATE_EPOCH"] == nil ? .current : TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
