import ArgumentParser
import ZoneLedgerCore

/// Reads the ledger as it stood on a day (entries effective later are ignored), as known now or as
/// recorded at a past moment (what the ledger held then: later back-dated corrections are ignored).
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("按某日的状态（默认今天）", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("as-recorded"),
            help: ArgumentHelp("按某一时刻账本里已有的记录（如 2020-12-05 或 \"2020-12-05 10:30\"）：之后补记、更正的都不算", valueName: "time"))
    var asRecorded: String?

    func day() throws -> Day {
        guard let asOf else { return Clock.today }
        return try parseDate(asOf, relativeTo: Clock.today).day
    }

    func recorded() throws -> RecordedAt? { try asRecorded.map { try RecordedAt.parse($0) } }

    func moment() throws -> AsOf { AsOf(try day(), recorded: try recorded()) }
}
