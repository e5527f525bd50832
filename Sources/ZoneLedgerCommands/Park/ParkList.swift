import ArgumentParser
import ZoneLedgerCore

struct ParkList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出园区和平台。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions

    func run() throws {
        try Output.emit(try global.openForReading().listParks(try asOf.moment()), output.format)
    }
}
