import CXlsxWriter
import Foundation
import ZoneLedgerCore

/// A real workbook through libxlsxwriter: a sheet per section with its Chinese name, the heading
/// merged over the table, a styled header row frozen, widths that fit Chinese text, number formats.
/// Rows stream into the workbook in libxlsxwriter's constant-memory mode (each row goes to a
/// temporary file as the next begins), so a province's sheet does not sit in memory twice.
enum SheetXLSX {
    static func write(_ sheet: SheetStream, _ labels: SheetLabels, to sink: OutputSink) throws {
        guard let x = zl_xlsx()?.pointee else {
            throw LedgerError.data("写 xlsx 需要 libxlsxwriter：请运行 scripts/install-deps（或 apt-get install libxlsxwriter-dev）")
        }
        let path = NSTemporaryDirectory() + "zoneledger-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = lxw_workbook_options()
        options.constant_memory = 1
        guard let workbook = x.workbook_new_opt(path, &options) else { throw LedgerError.data("无法创建 xlsx 工作簿") }
        // With SOURCE_DATE_EPOCH the workbook's own creation time is pinned too, so a month's
        // workbook regenerates byte for byte; otherwise libxlsxwriter stamps the current time.
        let title = strdup(labels.title(sheet))
        defer { free(title) }
        var properties = lxw_doc_properties()
        properties.title = title
        properties.created = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { time_t($0) } ?? 0
        _ = x.workbook_set_properties(workbook, &properties)
        let styles = Styles(workbook, x)
        var usedNames: Set<String> = []
        for section in sheet.sections {
            let name = sheetName(labels.section(section), used: &usedNames)
            guard let worksheet = x.workbook_add_worksheet(workbook, name) else { continue }
            try write(section, of: sheet, to: worksheet, styles, labels, x)
        }
        let status = x.workbook_close(workbook)
        guard status == LXW_NO_ERROR, let file = FileHandle(forReadingAtPath: path) else {
            throw LedgerError.data("写 xlsx 失败：\(x.lxw_strerror(status).map { String(cString: $0) } ?? "\(status)")")
        }
        defer { try? file.close() }
        // Copied on a chunk at a time: a province's workbook is some 30 MB.
        while let chunk = try file.read(upToCount: 1 << 16), !chunk.isEmpty { try sink.write(chunk) }
    }

    private static func write(_ section: StreamSection, of sheet: SheetStream, to worksheet: UnsafeMutablePointer<lxw_worksheet>,
                              _ styles: Styles, _ labels: SheetLabels, _ x: zl_xlsx_api) throws {
        let columns = section.rows.columns
        let lastColumn = lxw_col_t(max(columns.count - 1, 0))
        // Rows 0–1: the heading merged across the table; row 2 the header; data from row 3.
        let heading = "\(labels.title(sheet))　\(labels.section(section))"
        if lastColumn > 0 {
            _ = x.worksheet_merge_range(worksheet, 0, 0, 0, lastColumn, heading, styles.title)
            _ = x.worksheet_merge_range(worksheet, 1, 0, 1, lastColumn, "\(labels.asOf(sheet))　\(labels.generated(sheet))", styles.meta)
        } else {
            _ = x.worksheet_write_string(worksheet, 0, 0, heading, styles.title)
            _ = x.worksheet_write_string(worksheet, 1, 0, "\(labels.asOf(sheet))　\(labels.generated(sheet))", styles.meta)
        }
        var widths = columns.map { labels.column($0).displayWidth }
        for (index, column) in columns.enumerated() {
            _ = x.worksheet_write_string(worksheet, 2, lxw_col_t(index), labels.column(column), styles.header)
        }
        var rowIndex = 0
        try section.rows.forEach { row in
            let excelRow = lxw_row_t(rowIndex + 3)
            rowIndex += 1
            for (index, (column, cell)) in zip(columns, row).enumerated() {
                let excelColumn = lxw_col_t(index)
                switch cell {
                case .number(let text):
                    _ = x.worksheet_write_number(worksheet, excelRow, excelColumn, Double(text) ?? 0, styles.number(places: decimals(text), column.key))
                case .integer(let value):
                    _ = x.worksheet_write_number(worksheet, excelRow, excelColumn, Double(value), styles.number(places: 0, column.key))
                case .empty:
                    _ = x.worksheet_write_blank(worksheet, excelRow, excelColumn, styles.text)
                case .list(let items):
                    _ = x.worksheet_write_string(worksheet, excelRow, excelColumn, items.joined(separator: "\n"), styles.wrapped)
                default:
                    _ = x.worksheet_write_string(worksheet, excelRow, excelColumn, cell.plain, styles.text)
                }
                let longest = cell.plain.split(separator: "；").map { String($0).displayWidth }.max() ?? 0
                widths[index] = max(widths[index], longest)
            }
        }
        for (index, width) in widths.enumerated() {
            // Excel's width unit is about one Latin character: a Han character takes two.
            _ = x.worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), Double(min(max(width, 4), 60)) + 2, nil)
        }
        x.worksheet_freeze_panes(worksheet, 3, 0)
        x.worksheet_set_landscape(worksheet)
        x.worksheet_set_paper(worksheet, 9)  // A4
        _ = x.worksheet_repeat_rows(worksheet, 2, 2)
    }

    private static func decimals(_ text: String) -> Int {
        text.split(separator: ".").dropFirst().first?.count ?? 0
    }

    /// Excel allows 31 characters and none of []:*?/\ in a sheet name, and no two alike.
    static func sheetName(_ title: String, used: inout Set<String>) -> String {
        let cleaned = String(title.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        var name = cleaned
        var suffix = 2
        while used.contains(name) {
            name = String(cleaned.prefix(28)) + "(\(suffix))"
            suffix += 1
        }
        used.insert(name)
        return name
    }
}

/// The workbook's formats, made once.
private final class Styles {
    let title, meta, header, text, wrapped: UnsafeMutablePointer<lxw_format>?
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let x: zl_xlsx_api
    private var numbers: [String: UnsafeMutablePointer<lxw_format>?] = [:]

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>, _ x: zl_xlsx_api) {
        self.workbook = workbook
        self.x = x
        title = x.workbook_add_format(workbook)
        x.format_set_bold(title)
        x.format_set_font_size(title, 14)
        meta = x.workbook_add_format(workbook)
        x.format_set_font_color(meta, 0x555555)
        header = x.workbook_add_format(workbook)
        x.format_set_bold(header)
        x.format_set_bg_color(header, 0xDDE4EE)
        x.format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        x.format_set_text_wrap(header)
        x.format_set_align(header, UInt8(LXW_ALIGN_CENTER.rawValue))
        text = x.workbook_add_format(workbook)
        x.format_set_border(text, UInt8(LXW_BORDER_THIN.rawValue))
        x.format_set_align(text, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        wrapped = x.workbook_add_format(workbook)
        x.format_set_border(wrapped, UInt8(LXW_BORDER_THIN.rawValue))
        x.format_set_text_wrap(wrapped)
        x.format_set_align(wrapped, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }

    /// Money with thousands separators, areas and decimals with their places, percentages with a %.
    func number(places: Int, _ key: String) -> UnsafeMutablePointer<lxw_format>? {
        let fraction = places > 0 ? "." + String(repeating: "0", count: places) : ""
        let pattern = key.hasSuffix("_wan") ? "#,##0" + fraction : key.hasSuffix("percent") ? "0" + fraction + "\"%\"" : "0" + fraction
        if let made = numbers[pattern] { return made }
        let format = x.workbook_add_format(workbook)
        x.format_set_num_format(format, pattern)
        x.format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        x.format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        numbers[pattern] = format
        return format
    }
}
