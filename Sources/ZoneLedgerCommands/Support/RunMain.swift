import ArgumentParser
import Foundation
import ZoneLedgerCore

extension ZoneLedger {
    /// Parses, runs, and turns every failure into one line on stderr and a documented exit code.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(GlobalOptions.hoistingLedgerOption(arguments ?? Array(CommandLine.arguments.dropFirst())))
            try command.run()
            Foundation.exit(0)
        } catch let error as LedgerError {
            FileHandle.standardError.write(Data("zoneledger: \(error.message)\n".utf8))
            Foundation.exit(error.kind.exitCode)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

extension LedgerError.Kind {
    /// sysexits(3), as the README documents.
    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .data: 65
        case .noLedger: 66
        case .busy: 75
        case .permission: 77
        }
    }
}
