import CXlsxWriter
import Foundation
import ZoneLedgerCore

/// A real workbook through libxlsxwriter: a sheet per section with its Chinese name, the heading
/// merged over the table, a styled header row frozen, widths that fit Chinese text, number formats.
/// Rows stream into the workbook in libxlsxwriter's constant-memory mode (each row goes to a
/// temporary file as the next begins), so a province's sheet does not sit in memory twice.
enum SheetXLSX {
    /// The printer's paper, by libxlsxwriter's (Excel's) number.
    enum Paper: String, CaseIterable, Sendable {
        case a4, a3
        var code: UInt8 { self == .a4 ? 9 : 8 }
    }

    static func write(_ sheet: SheetStream, _ labels: SheetLabels, paper: Paper = .a4, to sink: OutputSink) throws {
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
            try write(section, of: sheet, named: name, to: worksheet, workbook, styles, labels, paper, x)
        }
        let status = x.workbook_close(workbook)
        guard status == LXW_NO_ERROR, let file = FileHandle(forReadingAtPath: path) else {
            throw LedgerError.data("写 xlsx 失败：\(x.lxw_strerror(status).map { String(cString: $0) } ?? "\(status)")")
        }
        defer { try? file.close() }
        // Copied on a chunk at a time: a province's workbook is some 30 MB.
        while let chunk = try file.read(upToCount: 1 << 16), !chunk.isEmpty { try sink.write(chunk) }
    }

    private static func write(_ section: StreamSection, of sheet: SheetStream, named name: String,
                              to worksheet: UnsafeMutablePointer<lxw_worksheet>, _ workbook: UnsafeMutablePointer<lxw_workbook>,
                              _ styles: Styles, _ labels: SheetLabels, _ paper: Paper, _ x: zl_xlsx_api) throws {
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
            // 小计 and 合计 rows in bold; long text wraps within its column, the row as tall as its
            // tallest cell (set before its cells: rows stream out in constant-memory mode, and
            // LibreOffice does not grow a row for wrapped text by itself).
            let sum = SheetProjects.isSum(row, columns)
            let lines = row.map { cell -> Int in
                let pieces: [String] = if case .list(let items) = cell { items } else { [cell.plain] }
                return pieces.map { max(1, ($0.displayWidth + Self.wrapWidth - 1) / Self.wrapWidth) }.reduce(0, +)
            }.max() ?? 1
            if lines > 1 { _ = x.worksheet_set_row(worksheet, excelRow, 15 * Double(min(lines, 20)), nil) }
            for (index, (column, cell)) in zip(columns, row).enumerated() {
                let excelColumn = lxw_col_t(index)
                switch cell {
                case .number(let text):
                    _ = x.worksheet_write_number(worksheet, excelRow, excelColumn, Double(text) ?? 0,
                                                 styles.number(places: decimals(text), column.key, bold: sum))
                case .integer(let value):
                    _ = x.worksheet_write_number(worksheet, excelRow, excelColumn, Double(value), styles.number(places: 0, column.key, bold: sum))
                case .empty:
                    _ = x.worksheet_write_blank(worksheet, excelRow, excelColumn, sum ? styles.sum : styles.text)
                case .list(let items):
                    _ = x.worksheet_write_string(worksheet, excelRow, excelColumn, items.joined(separator: "\n"), styles.wrapped)
                default:
                    let format = sum ? styles.sum : cell.plain.displayWidth > Self.wrapWidth ? styles.wrapped : styles.text
                    _ = x.worksheet_write_string(worksheet, excelRow, excelColumn, cell.plain, format)
                }
                let longest = cell.plain.split(separator: "；").map { String($0).displayWidth }.max() ?? 0
                widths[index] = max(widths[index], longest)
            }
        }
        for (index, width) in widths.enumerated() {
            // Excel's width unit is about one Latin character: a Han character takes two.
            _ = x.worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), Double(min(max(width, 4), Self.wrapWidth)) + 2, nil)
        }
        x.worksheet_freeze_panes(worksheet, 3, 0)
        // Ready to print: landscape, one page wide (as many tall as it takes), the header on every page.
        x.worksheet_set_landscape(worksheet)
        x.worksheet_set_paper(worksheet, paper.code)
        x.worksheet_fit_to_pages(worksheet, 1, 0)
        _ = x.worksheet_repeat_rows(worksheet, 2, 2)
        if section.key == "investment_by_month", rowIndex > 0 {
            chart(rows: rowIndex, sheet: name, labels: labels, after: columns.count, in: worksheet, workbook, x)
        }
    }

    /// Text wider than this (display columns) wraps; columns are no wider.
    static let wrapWidth = 40

    /// A native line chart of 1-N月累计完成投资 against time progress, from the table's own cells
    /// (columns B and C, rows 4 …), beside the table.
    private static func chart(rows: Int, sheet name: String, labels: SheetLabels, after columns: Int,
                              in worksheet: UnsafeMutablePointer<lxw_worksheet>, _ workbook: UnsafeMutablePointer<lxw_workbook>,
                              _ x: zl_xlsx_api) {
        guard let chart = x.workbook_add_chart(workbook, UInt8(LXW_CHART_LINE.rawValue)) else { return }
        let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        let range = { (column: String) in "=\(quoted)!$\(column)$4:$\(column)$\(3 + rows)" }
        let english = labels.english
        if let actual = x.chart_add_series(chart, range("A"), range("B")) {
            x.chart_series_set_name(actual, english ? "Invested this year (10k yuan)" : "1-N月累计完成投资(万元)")
        }
        if let time = x.chart_add_series(chart, range("A"), range("C")) {
            x.chart_series_set_name(time, english ? "Time progress (10k yuan)" : "按时间进度应完成(万元)")
            var line = lxw_chart_line()
            line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
            line.color = 0x999999
            x.chart_series_set_line(time, &line)
        }
        x.chart_title_set_name(chart, english ? "Investment this year against time progress" : "1-N月累计完成投资与时间进度")
        x.chart_axis_set_name(chart.pointee.y_axis, english ? "10k yuan" : "万元")
        x.chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        _ = x.worksheet_insert_chart(worksheet, 3, lxw_col_t(columns + 1), chart)
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
    let title, meta, header, text, wrapped, sum: UnsafeMutablePointer<lxw_format>?
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
        sum = x.workbook_add_format(workbook)
        x.format_set_bold(sum)
        x.format_set_border(sum, UInt8(LXW_BORDER_THIN.rawValue))
        x.format_set_align(sum, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }

    /// Money with thousands separators, areas and decimals with their places, percentages with a %.
    func number(places: Int, _ key: String, bold: Bool = false) -> UnsafeMutablePointer<lxw_format>? {
        let fraction = places > 0 ? "." + String(repeating: "0", count: places) : ""
        let pattern = key.hasSuffix("_wan") ? "#,##0" + fraction : key.hasSuffix("percent") ? "0" + fraction + "\"%\"" : "0" + fraction
        if let made = numbers[pattern + (bold ? " bold" : "")] { return made }
        let format = x.workbook_add_format(workbook)
        x.format_set_num_format(format, pattern)
        if bold { x.format_set_bold(format) }
        x.format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
        x.format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        numbers[pattern + (bold ? " bold" : "")] = format
        return format
    }
}
