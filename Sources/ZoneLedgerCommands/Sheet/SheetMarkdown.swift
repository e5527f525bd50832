import ZoneLedgerCore

/// Markdown: a heading per section and a pipe table, right-aligned numbers.
enum SheetMarkdown {
    static func render(_ sheet: MonthlySheet, _ labels: SheetLabels) -> String {
        var text = "# \(labels.title(sheet))\n\n\(labels.asOf(sheet))，\(labels.generated(sheet))\n"
        for section in sheet.sections {
            text += "\n## \(labels.section(section))\n\n"
            guard !section.table.rows.isEmpty else { text += labels.none + "\n"; continue }
            let columns = section.table.columns
            text += "| " + columns.map { escape(labels.column($0)) }.joined(separator: " | ") + " |\n"
            text += "|" + columns.map { $0.numeric ? " ---: |" : " --- |" }.joined() + "\n"
            for row in section.table.rows {
                text += "| " + row.map { escape($0.oneLine) }.joined(separator: " | ") + " |\n"
            }
        }
        return text
    }

    /// A pipe or line break inside a cell would end the cell or the row.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
