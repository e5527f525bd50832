import ArgumentParser
import ZoneLedgerCore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "历史记录：每条状态记录，新的在前；可按对象和日期筛选。",
        discussion: "例：zoneledger log 台邦；zoneledger log --since 2020-11 --until 2020-11-30 --format csv")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "对象：编号（P1、L1、Y1、E1、M1）或名称的一部分；不写则列全部") var ref: String?
    @Option(help: ArgumentHelp("起（含）：生效日期不早于此日；写月份则从该月1日起", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("止（含）：生效日期不晚于此日", valueName: "date")) var until: String?
    @Option(help: "最多列出几条") var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit 应为正整数") }
    }

    func run() throws {
        var query = HistoryQuery()
        query.subject = ref
        let today = Clock.today
        query.since = try since.map { try parseDate($0, relativeTo: today).startDay }
        query.until = try until.map { try parseDate($0, relativeTo: today).day }
        query.limit = limit
        try Output.emit(try global.openForReading().history(query), output.format)
    }
}
