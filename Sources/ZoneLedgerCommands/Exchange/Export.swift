import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ZoneLedgerCore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出整个账本（含历史记录）：CSV 每类一个文件，或一个 JSON；导入空账本即得同样的账本。",
        discussion: "例：zoneledger export --out 台账导出；zoneledger export --format json > 台账.json；恢复：zoneledger init --empty --db 新.sqlite && zoneledger import all 台账导出 --db 新.sqlite")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("format"), help: ExportFormats.help) var format = FormatChoice<ExportFormats>(ExportFormats.defaultFormat)
    @Option(help: ArgumentHelp("写到这个文件夹（不存在则新建）", valueName: "dir")) var out: String?

    func run() throws {
        let export = try global.openForReading().export()
        switch (format.value, out) {
        case (.csv, nil):
            throw LedgerError.usage("CSV 导出是一组文件：请用 --out 文件夹，或 --format json")
        case (.csv, let folder?):
            try makeFolder(folder)
            for file in export.files {
                let text = CSVWriter.document(header: file.table.columns.map(\.label), rows: file.table.rows.map { $0.map(Output.csvCell) })
                try OutputFile.write(Data(text.utf8), to: folder + "/" + file.name + ".csv")
            }
            let summary = export.files.map { "\($0.name).csv \($0.table.rows.count)行" }.joined(separator: "，")
            try Output.confirm("已导出到 \(folder)：\(summary)\n", done: "已导出到“\(folder)”", seeAlso: nil)
        case (.table, _), (.md, _), (.html, _), (.xlsx, _):
            throw Output.unsupported(format.value, ExportFormats.self)
        case (.json, let folder):
            let json = JSONValue.object(export.files.map { ($0.name, Output.json($0.table)) }).serialized() + "\n"
            if let folder {
                try makeFolder(folder)
                try OutputFile.write(Data(json.utf8), to: folder + "/ledger.json")
            } else {
                try Output.write(json)
            }
        }
    }

    private func makeFolder(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw LedgerError.usage("--out “\(path)”是文件：应为文件夹") }
            return
        }
        guard mkdir(path, 0o777) == 0 else {
            // A folder that is there but not writable is a permission (77), as for every --out.
            let reason = errno
            if reason == EACCES || reason == EPERM || reason == EROFS {
                throw LedgerError(.permission, "无法创建文件夹“\(path)”：上级文件夹不可写（检查文件夹权限）")
            }
            throw LedgerError.usage("无法创建文件夹“\(path)”：上级文件夹须已存在且可写")
        }
    }
}
