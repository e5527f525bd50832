import ArgumentParser
import ZoneLedgerCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查账本：全部正常时不输出、退出码0；每个问题一行，退出码65。",
        discussion: "检查项：\n" + LedgerCheck.allCases.map { "  \($0.rawValue)  \($0.summary)" }.joined(separator: "\n")
            + "\n例：zoneledger check；zoneledger check status-order seed-quotes")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "只运行这些检查（默认全部）") var checks: [String] = []

    func run() throws {
        let selected = try checks.map { name in
            guard let check = LedgerCheck(rawValue: name) else {
                throw LedgerError.usage("没有检查项“\(name)”：可选 \(LedgerCheck.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            return check
        }
        let problems = try global.openForReading().check(selected.isEmpty ? LedgerCheck.allCases : selected, today: Clock.today)
        guard !problems.isEmpty else { return }
        try Output.write(problems.map { "\($0)\n" }.joined())
        throw ExitCode(65)
    }
}
