import ZoneLedgerCore

/// One self-contained printable page: inline CSS, A4 landscape, no network access,
/// a bar for each progress %, project rows grouped under their kind.
enum SheetHTML {
    static func write(_ sheet: SheetStream, _ labels: SheetLabels, paper: SheetXLSX.Paper = .a4, to sink: OutputSink) throws {
        try sink.write(page(labels.english, title: labels.title(sheet), paper: paper))
        try sink.write("<h1>\(escape(labels.title(sheet)))</h1>\n<p class=\"meta\">\(escape(labels.asOf(sheet)))　\(escape(labels.generated(sheet)))</p>\n")
        for section in sheet.sections {
            try sink.write("<h2>\(escape(labels.section(section)))</h2>\n")
            if section.key == "investment_by_month" {
                // A dozen rows at most: held, so the chart can follow the table it draws.
                let held = try section.rows.collect()
                try table(RowStream(held), labels, groupBy: nil, to: sink)
                if let chart = InvestmentChart.svg(held, english: labels.english) { try sink.write(chart) }
                continue
            }
            try table(section.rows, labels, groupBy: section.key == "projects" ? "kind" : nil, to: sink)
        }
        try sink.write("</body>\n</html>\n")
    }

    /// Everything before the sheet's own content: the page's head and its print style.
    private static func page(_ english: Bool, title: String, paper: SheetXLSX.Paper) -> String {
        """
            <!DOCTYPE html>
            <html lang="\(english ? "en" : "zh-CN")">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            @page { size: \(paper == .a4 ? "A4" : "A3") landscape; margin: 12mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; color: #222; }
            h1 { font-size: 16pt; margin: 0 0 4pt; }
            h2 { font-size: 12pt; margin: 14pt 0 4pt; border-bottom: 1.5pt solid #345; }
            .meta, .none { color: #555; }
            table { border-collapse: collapse; page-break-inside: auto; }
            table.wide { width: 100%; }
            tr { page-break-inside: avoid; }
            th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; }
            th { background: #dde4ee; white-space: nowrap; }
            td.short { white-space: nowrap; }
            td.num { text-align: right; white-space: nowrap; }
            tr.group td { background: #f0f0f0; font-weight: bold; }
            tr.sum td { background: #f7f7f7; font-weight: bold; }
            .bar { display: inline-block; width: 40pt; height: 6pt; background: #e3e3e3; margin-right: 4pt; }
            .bar span { display: block; height: 100%; background: #2b7a3d; }
            .status-逾期 { color: #b00; font-weight: bold; } .status-滞后 { color: #b60; font-weight: bold; } .status-预警 { color: #a80; }
            </style>
            </head>
            <body>

            """
    }

    /// Rows grouped under their kind; the header goes out with the first row, so an empty
    /// section gets a "none" line instead of an empty table.
    private static func table(_ rows: RowStream, _ labels: SheetLabels, groupBy: String?, to sink: OutputSink) throws {
        let columns = rows.columns
        let groupIndex = groupBy.flatMap { key in columns.firstIndex { $0.key == key } }
        var group: String?
        var count = 0
        try rows.forEach { row in
            if count == 0 {
                try sink.write("<table\(columns.count > 6 ? " class=\"wide\"" : "")>\n<thead><tr>" + columns.map { "<th>\(escape(labels.column($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n")
            }
            count += 1
            // A 小计 or 合计 row closes its group; it opens none.
            let sum = SheetProjects.isSum(row, columns)
            if let groupIndex, !sum, row[groupIndex].plain != group {
                group = row[groupIndex].plain
                try sink.write("<tr class=\"group\"><td colspan=\"\(columns.count)\">\(escape(group ?? ""))</td></tr>\n")
            }
            try sink.write((sum ? "<tr class=\"sum\">" : "<tr>") + zip(columns, row).map { cell($0, $1) }.joined() + "</tr>\n")
        }
        try sink.write(count == 0 ? "<p class=\"none\">\(escape(labels.none))</p>\n" : "</tbody>\n</table>\n")
    }

    private static func cell(_ column: Column, _ cell: Cell) -> String {
        if column.key == "progress", case .integer(let percent) = cell {
            return "<td class=\"num\"><span class=\"bar\"><span style=\"width:\(max(0, min(100, percent)))%\"></span></span>\(percent)</td>"
        }
        if column.key == "status" { return "<td class=\"short status-\(escape(cell.plain))\">\(escape(cell.plain))</td>" }
        // Codes, days and enumerations are never broken across lines.
        let short: Bool = switch cell {
        case .day, .choice: true
        default: column.key == "code"
        }
        if short { return "<td class=\"short\">\(escape(cell.plain))</td>" }
        if case .list(let items) = cell { return "<td>" + items.map(escape).joined(separator: "<br>") + "</td>" }
        return column.numeric ? "<td class=\"num\">\(escape(cell.plain))</td>" : "<td>\(escape(cell.plain))</td>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
