import ArgumentParser
import Foundation
import ZoneLedgerCore

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "由历史记录重建派生状态（span）：check 报告 spans 不一致时使用；记录本身不变。",
        discussion: "例：zoneledger check spans || zoneledger rebuild")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try global.openForWriting()
        let progress = Progress.line(label: "重建")
        let count = try ledger.rebuildSpans(progress: progress?.report)
        progress?.finish()
        try Output.confirm("已由历史记录重建派生状态：\(count)个对象\n", done: "已重建派生状态")
    }
}
