import ArgumentParser
import ZoneLedgerCore

struct ParcelList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出地块及其在某日的状态。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        try Output.emit(try global.openForReading().listParcels(try asOf.moment()), output.format)
    }
}
