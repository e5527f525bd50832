import ArgumentParser
import Foundation
import ZoneLedgerCore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "创建账本：默认载入2020年工作报告的数据，--empty 建空账本；不覆盖已有文件。",
        discussion: "例：zoneledger init；zoneledger init --db 台账.sqlite --empty")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "建空账本，不载入报告数据")
    var empty = false

    @Option(name: .long, help: ArgumentHelp("记录人（默认登录名）", valueName: "name"))
    var by: String?

    func run() throws {
        let path = global.path
        // The per-user default folder is ours to make; a folder named with --db must already exist.
        if global.db == nil && ProcessInfo.processInfo.environment["ZONELEDGER_DB"]?.isEmpty ?? true {
            try? FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        }
        let context = WriteContext(author: by ?? Clock.loginName, now: Clock.now, today: Clock.today, command: "init")
        let ledger = try Ledger.create(at: path, seeded: !empty, context: context)
        let counts = try ledger.counts()
        let contents = counts.map { "\($0.label)\($0.count)" }.joined(separator: "、")
        try Output.confirm("已创建账本 \(path)\(empty ? "（空）" : "，载入2020年工作报告：" + contents)\n", done: "已创建账本“\(path)”")
    }
}
