import ArgumentParser
import Foundation
import ZoneLedgerCore

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "撤销最近一条命令：追加作废记录，原记录保留（log 中标为已撤销）；可重复执行，逐条往前撤销。",
        discussion: "例：zoneledger undo --list；zoneledger undo")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "只列出可以撤销的命令（最近的在前），不撤销") var list = false
    @Option(help: ArgumentHelp("记录人（默认登录名）", valueName: "name")) var by: String?

    func run() throws {
        if list {
            let candidates = try global.openForReading().undoCandidates()
            try Output.write(candidates.isEmpty ? "没有可以撤销的命令\n" : candidates.map(describe).joined(separator: "\n"))
            return
        }
        let context = WriteContext(author: by ?? Clock.loginName, now: Clock.now, today: Clock.today, command: "undo")
        let undone = try global.openForWriting().undo(context: context)
        // Run again, undo would take back the command before this one.
        try Output.confirm("已撤销 " + describe(undone), done: "已撤销 #\(undone.batch)")
    }

    private func describe(_ candidate: UndoCandidate) -> String {
        "#\(candidate.batch) \(candidate.command)（\(candidate.recordedAt)，\(candidate.author)）\n"
            + candidate.lines.map { "  \($0)\n" }.joined()
    }
}
