import ArgumentParser
import ZoneLedgerCore

/// Reads the ledger as it stood on a day: entries effective later are ignored.
struct AsOfOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("按某日的状态（默认今天）", valueName: "date"))
    var asOf: String?

    func day() throws -> Day {
        guard let asOf else { return Clock.today }
        return try parseDate(asOf, relativeTo: Clock.today).day
    }
}
