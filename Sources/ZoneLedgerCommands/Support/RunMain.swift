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
            // Help and --version print as the parser does; any other refusal is one line, like ours.
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }
            let message = oneLine(self.message(for: error))
            FileHandle.standardError.write(Data("zoneledger: \(message)（用 --help 查看用法）\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

/// The parser's messages can list choices on lines of their own ("- text"); fold them into one line.
func oneLine(_ message: String) -> String {
    var text = ""
    var choices: [String] = []
    for line in message.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
        if line.hasPrefix("- ") { choices.append(String(line.dropFirst(2))); continue }
        text += (text.isEmpty ? "" : " ") + line
    }
    return choices.isEmpty ? text : text + " " + choices.joined(separator: "、")
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
