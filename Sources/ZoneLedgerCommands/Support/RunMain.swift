import ArgumentParser
import Foundation
import ZoneLedgerCore

extension ZoneLedger {
    /// Parses, runs, and turns every failure into one line on stderr and a documented exit code.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        StandardStreams.prepare()
        // Long work deep in the core (a migration) shows a progress line on a terminal.
        if let migrating = Progress.line(label: "升级账本") {
            LongWork.report = { @Sendable (_: String, done: Int, total: Int) in migrating.report(done, total) }
        }
        do {
            if arguments == nil { try checkArgumentBytes() }
            var command = try parseAsRoot(GlobalOptions.hoistingLedgerOption(arguments ?? Array(CommandLine.arguments.dropFirst())))
            try command.run()
            Foundation.exit(0)
        } catch {
            Foundation.exit(exitCode(after: error))
        }
    }

    /// Swift reads each argument as UTF-8 and quietly turns bytes that are not into U+FFFD; a name
    /// typed in a GBK terminal would be stored as "�". Such an argument is refused (65) before
    /// anything runs, naming its place.
    private static func checkArgumentBytes() throws {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
            if String(validating: bytes, as: UTF8.self) == nil {
                throw LedgerError.data("第 \(index) 个参数不是有效的 UTF-8 文本（终端的编码可能是 GBK）：请把终端设为 UTF-8 后重输")
            }
        }
    }

    /// Reports `error` (one line on stderr, unless it has none) and gives the exit code for it.
    private static func exitCode(after error: Error) -> Int32 {
        switch error {
        case let error as LedgerError:
            StandardStreams.report("zoneledger: \(error.message)")
            return error.kind.exitCode
        case let error as OutputError:
            if error.readerWentAway { return 0 }
            StandardStreams.report("zoneledger: \(error.message)")
            return 74
        case let error as ExitCode:
            return error.rawValue
        default:
            let code = exitCode(for: error)
            // Help and --version: the parser's text, but written as our own output is, so that a
            // failed write is told and not lost under exit 0.
            guard code != .success else {
                let text = fullMessage(for: error)
                do { if !text.isEmpty { try Output.write(text + "\n") } } catch { return exitCode(after: error) }
                return 0
            }
            // Any other refusal is one line, like ours.
            StandardStreams.report("zoneledger: \(oneLine(message(for: error)))（用 --help 查看用法）")
            return code.rawValue
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
    /// sysexits(3), as the README documents (and 74, EX_IOERR, for output that could not be
    /// written: an `OutputError`, not a kind of ledger error).
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
