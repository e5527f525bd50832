import ZoneLedgerCore

/// Markdown: a heading per section and a pipe table, right-aligned numbers.
enum SheetMarkdown {
    static func write(_ sheet: SheetStream, _ labels: SheetLabels, to sink: OutputSink) throws {
        try sink.write("# \(labels.title(sheet))\n\n\(labels.asOf(sheet))，\(labels.generated(sheet))\n")
        for section in sheet.sections {
            try sink.write("\n## \(labels.section(section))\n\n")
            let columns = section.rows.columns
            var rows = 0
            try section.rows.forEach { row in
                // The header goes out with the first row: an empty section gets "（无）" instead.
                if rows == 0 {
                    try sink.write("| " + columns.map { escape(labels.column($0)) }.joined(separator: " | ") + " |\n")
                    try sink.write("|" + columns.map { $0.numeric ? " ---: |" : " --- |" }.joined() + "\n")
                }
                try sink.write("| " + row.map { escape($0.oneLine) }.joined(separator: " | ") + " |\n")
                rows += 1
            }
            if rows == 0 { try sink.write(labels.none + "\n") }
        }
    }

    /// A pipe or line break inside a cell would end the cell or the row.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
