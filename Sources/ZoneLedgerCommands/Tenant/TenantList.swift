import ArgumentParser
import ZoneLedgerCore

struct TenantList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出园区企业及其状态。")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(help: "只列这个园区的企业") var park: String?

    func run() throws {
        try Output.emit(try global.openForReading().listTenants(try asOf.moment(), park: park), output.format)
    }
}
