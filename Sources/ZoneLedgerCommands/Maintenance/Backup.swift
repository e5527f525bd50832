import ArgumentParser
import ZoneLedgerCore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "备份账本：他人写入时也得到一致的副本，写完后校验；不覆盖已有文件。",
        discussion: "恢复：停止使用旧账本，把备份文件复制为账本路径（或用 --db 指向备份）。例：zoneledger backup 台账-2021-01-31.sqlite")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "备份文件") var file: String

    func run() throws {
        let counts = try global.openForReading().backup(to: file)
        try Output.confirm("已备份到 \(file)，校验通过：项目\(counts.projects)个，记录\(counts.entries)条\n",
                           done: "已备份到“\(file)”并校验", seeAlso: nil)
    }
}
