import Foundation
import ZoneLedgerCore

/// `import projects 进度表.xlsx`: the key-project sheets offices keep in Excel. An .xls is
/// converted by LibreOffice first, when it is installed.
extension Import {
    /// What an office file is: by its first bytes (a zip, or an old OLE workbook), else by its name.
    enum OfficeFormat {
        case xlsx, xls

        init?(path: String) {
            let handle = FileHandle(forReadingAtPath: path)
            let head = (try? handle?.read(upToCount: 4)) ?? nil
            try? handle?.close()
            let bytes = head.map { [UInt8]($0) } ?? []
            let name = path.lowercased()
            if bytes == [0x50, 0x4B, 0x03, 0x04] || name.hasSuffix(".xlsx") { self = .xlsx }
            else if bytes == [0xD0, 0xCF, 0x11, 0xE0] || name.hasSuffix(".xls") { self = .xls }
            else { return nil }
        }
    }

    func importOffice(_ file: String, format: OfficeFormat, context: WriteContext) throws {
        let options = OfficeImportOptions(sheet: sheet, kind: try projectKind.map { try ProjectKind.parse($0) }, year: year)
        let workbook: XLSXWorkbook
        switch format {
        case .xlsx: workbook = try XLSXWorkbook(path: file, name: file)
        case .xls: workbook = try Self.convertedXLS(file)
        }
        let ledger = try global.openForWriting()
        let report: OfficeImportReport
        do {
            report = try ledger.importOffice(workbook, file: file, options: options, dryRun: dryRun, context: context)
        } catch let failures as ImportFailures {
            throw Self.failed(failures)
        }
        var text = "工作表“\(report.sheet)”" + (report.title.isEmpty ? "" : "：\(report.title)") + "；报告日期 \(report.reportDay.iso)\n"
        if dryRun {
            text += "列：\n" + report.columns.map { column, meaning in
                "  \(column.letter)列 \(column.header)" + (meaning.map { " → \($0)" } ?? "：\(column.meaning.reason ?? "不导入")") + "\n"
            }.joined()
        }
        if !report.skipped.isEmpty {
            text += "跳过的行：\n" + report.skipped.map { "  第\($0.row)行 \($0.reason)：\($0.text)\n" }.joined()
        }
        if dryRun, !report.notes.isEmpty { text += "说明：\n" + report.notes.map { "  \($0)\n" }.joined() }
        text += report.results.map { result in
            "\(dryRun ? "试导入（未写入）" : "已导入")\(result.kind == .projects ? "项目" : "投资与进度记录")：新增\(result.added)行，跳过\(result.skipped)行（已在账本中）\n"
        }.joined()
        if dryRun { try Output.write(text) } else { try Output.confirm(text, done: "已导入账本") }
    }

    /// Every problem of a refused import, one line each under the count.
    static func failed(_ failures: ImportFailures) -> LedgerError {
        let lines = failures.failures.flatMap { failure in failure.problems.map { "  \(failure.file) \($0)" } }
        let rest = failures.omitted > 0 ? "\n  ……另有\(failures.omitted)处问题未列出" : ""
        return LedgerError.data("导入失败，未写入任何数据（\(lines.count + failures.omitted)处问题）：\n" + lines.joined(separator: "\n") + rest)
    }

    /// An .xls read through LibreOffice (`soffice --headless --convert-to xlsx`) in a temporary folder.
    static func convertedXLS(_ file: String) throws -> XLSXWorkbook {
        guard let soffice = Self.onPath(["soffice", "libreoffice"]) else {
            throw LedgerError.data("读不了 .xls：本机没有 LibreOffice。请在 Excel/WPS 中另存为 .xlsx 再导入")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-xls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = URL(fileURLWithPath: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // A profile of its own: a LibreOffice already open for the user does not take the job over.
        process.arguments = ["-env:UserInstallation=" + folder.appendingPathComponent("profile").absoluteString,
                             "--headless", "--convert-to", "xlsx", "--outdir", folder.path, source.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let converted = folder.appendingPathComponent(source.deletingPathExtension().lastPathComponent + ".xlsx")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: converted.path) else {
            throw LedgerError.data("LibreOffice 没能把“\(file)”转成 .xlsx：请在 Excel/WPS 中另存为 .xlsx 再导入")
        }
        return try XLSXWorkbook(path: converted.path, name: file)
    }

    private static func onPath(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}
