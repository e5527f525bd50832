import ArgumentParser
import Foundation
import ZoneLedgerCore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入 Excel/WPS 存的 CSV 台账：全部成功才写入；同一文件导入两次不会重复。",
        discussion: """
            种类：\(ImportKind.allCases.map(\.rawValue).joined(separator: "|"))，或 all（导入 export 写出的整个文件夹）。
            编码：UTF-8（有无 BOM 均可）或 GB18030，不指定时自动识别。表头用中文或英文；金额按表头单位：总投资(亿元)、总投资(万元)、总投资(元)。
            日期写法同命令行，另可写 Excel 的 2021/2/28。任何一行有错，一行也不写入，并逐行列出错误（行、列、原因）。
            例：zoneledger import --template projects > 项目模板.csv；zoneledger import projects 项目台账.csv --dry-run
            projects 也能直接读办公室的重点项目进度表 .xlsx（.xls 需本机装有 LibreOffice）：多行表头、合并单元格、合计/小计/分类/脚注行都认得；
            --dry-run 列出每列对应的字段和跳过的行。例：zoneledger import projects 重点项目进度表.xlsx --sheet 8月 --dry-run
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "种类：projects、parcels、parks、tenants、milestones、updates、figures、zone，或 all") var kind: String?
    @Argument(help: "CSV 文件（all 时为 export 写出的文件夹；projects 也可为 .xlsx/.xls 重点项目进度表）") var file: String?
    @Flag(help: "只检查、报告将导入什么，不写入") var dryRun = false
    @Option(help: ArgumentHelp("文件编码：utf-8 或 gb18030（默认自动识别）", valueName: "encoding")) var encoding: String?
    @Option(help: ArgumentHelp("打印某种文件的空模板（表头）", valueName: "kind")) var template: String?
    @Option(help: ArgumentHelp("记录人（默认登录名）", valueName: "name")) var by: String?
    @OptionGroup var history: BackfillOption
    @Option(help: ArgumentHelp(".xlsx/.xls：读哪个工作表（默认第一个认得表头的）", valueName: "name")) var sheet: String?
    @Option(name: .customLong("kind"), help: ArgumentHelp(".xlsx/.xls：没有类别列、也没有分类行的项目按此类别", valueName: "kind")) var projectKind: String?
    @Option(help: ArgumentHelp(".xlsx/.xls：表头和标题都没写年份时的年份", valueName: "year")) var year: Int?

    func validate() throws {
        if template == nil && (kind == nil || file == nil) {
            throw ValidationError("请写 zoneledger import 种类 文件，或 zoneledger import --template 种类")
        }
    }

    func run() throws {
        if let template {
            try Output.write(CSVWriter.document(header: Ledger.template(try importKind(template)), rows: []))
            return
        }
        guard let kind, let file else { return }
        let context = history.applied(to: WriteContext(author: by ?? Clock.loginName, now: Clock.now, today: Clock.today, command: "import"))
        // An export brought into an empty ledger comes back whole: batches, ids, undone entries and all.
        if kind == "all", FileManager.default.fileExists(atPath: file + "/batches.csv"), !dryRun {
            let ledger = try global.openForWriting()
            if try ledger.isEmpty() {
                try restore(file, into: ledger, context: context)
                return
            }
        }
        if kind != "all", let format = OfficeFormat(path: try readable(file)) {
            guard kind.lowercased() == ImportKind.projects.rawValue else {
                throw LedgerError.data("“\(file)”是 Excel 工作簿：只有 zoneledger import projects 能直接读 .xlsx/.xls，其他种类请另存为 CSV")
            }
            try importOffice(file, format: format, context: context)
            return
        }
        if sheet != nil || projectKind != nil || year != nil {
            throw LedgerError.usage("--sheet、--kind、--year 只用于导入 .xlsx/.xls 重点项目进度表（zoneledger import projects 文件.xlsx）")
        }
        let files = kind == "all" ? try folder(file) : [ImportFile(kind: try importKind(kind), name: file, path: try readable(file))]
        let chosen = try encoding.map { text in
            guard let encoding = TextEncoding(rawValue: text.lowercased()) else { throw LedgerError.usage("--encoding 应为 utf-8 或 gb18030") }
            return encoding
        }
        do {
            let ledger = try global.openForWriting()
            let progress = Progress.line(label: "导入")
            defer { progress?.finish() }
            let results = try ledger.importCSV(files, encoding: chosen, dryRun: dryRun, context: context, progress: progress?.report)
            let report = results.map { result in
                "\(dryRun ? "试导入（未写入）" : "已导入")\(result.kind.label)：新增\(result.added)行，跳过\(result.skipped)行（已在账本中）；编码 \(result.encoding.rawValue)\n"
            }.joined()
            if dryRun { try Output.write(report) } else { try Output.confirm(report, done: "已导入账本") }
        } catch let failures as ImportFailures {
            throw Self.failed(failures)
        }
    }

    /// Replays an export's whole-truth files into this empty ledger.
    private func restore(_ folder: String, into ledger: Ledger, context: WriteContext) throws {
        let inputs = try RestoreFile.allCases.map { file in
            let name = folder + "/" + file.rawValue + ".csv"
            guard FileManager.default.fileExists(atPath: name) else {
                throw LedgerError.data("文件夹“\(folder)”缺少 \(file.rawValue).csv：完整恢复需要 export 写出的全部文件")
            }
            return RestoreInput(file: file, name: name, data: try read(name))
        }
        let zone = folder + "/zone.csv"
        let zoneFile = FileManager.default.fileExists(atPath: zone) ? ImportFile(kind: .zone, name: zone, data: try read(zone)) : nil
        let counts = try ledger.restore(inputs, zone: zoneFile, context: context)
        let summary = counts.map { "\($0.0.rawValue) \($0.1)行" }.joined(separator: "，")
        try Output.confirm("已从 \(folder) 完整恢复账本（原有的批次、记录人、记录时间和撤销都保留）：\(summary)\n", done: "已恢复账本")
    }

    private func importKind(_ text: String) throws -> ImportKind {
        guard let kind = ImportKind(rawValue: text.lowercased()) else {
            throw LedgerError.usage("没有“\(text)”这种导入：可选 \(ImportKind.allCases.map(\.rawValue).joined(separator: "、"))，或 all")
        }
        return kind
    }

    /// A file the import can read: it is read as the import goes, never whole.
    private func readable(_ path: String) throws -> String {
        guard FileManager.default.isReadableFile(atPath: path) else { throw LedgerError.data("读不到文件“\(path)”") }
        return path
    }

    private func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw LedgerError.data("读不到文件“\(path)”") }
        return data
    }

    /// The files `export --out DIR` writes, in the order rows refer to each other.
    private func folder(_ path: String) throws -> [ImportFile] {
        let files = try ImportKind.loadOrder.compactMap { kind -> ImportFile? in
            let name = path + "/" + kind.rawValue + ".csv"
            return FileManager.default.fileExists(atPath: name) ? ImportFile(kind: kind, name: name, path: try readable(name)) : nil
        }
        guard !files.isEmpty else { throw LedgerError.data("文件夹“\(path)”里没有 export 写出的 CSV 文件（projects.csv 等）") }
        return files
    }
}
