import ZoneLedgerCore

/// The terminal sheet: each section a table aligned by display width, cut to the terminal's width.
enum SheetText {
    static func render(_ sheet: MonthlySheet, _ labels: SheetLabels, width: Int?) -> String {
        var text = labels.title(sheet) + "\n" + labels.asOf(sheet) + "    " + labels.generated(sheet) + "\n"
        for section in sheet.sections {
            text += "\n【\(labels.section(section))】\n"
            guard !section.table.rows.isEmpty else { text += labels.none + "\n"; continue }
            let table = TextTable(
                columns: section.table.columns.map { TextTable.Column(header: labels.column($0), alignment: $0.numeric ? .right : .left) },
                rows: section.table.rows.map { $0.map(\.oneLine) })
            text += table.render(maxWidth: width)
        }
        return text
    }
}
