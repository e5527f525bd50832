import ZoneLedgerCore

/// The terminal sheet: each section a table aligned by display width, cut to the terminal's width.
enum SheetText {
    static func render(_ sheet: MonthlySheet, _ labels: SheetLabels, width: Int?, color: Bool = false) -> String {
        var text = labels.title(sheet) + "\n" + labels.asOf(sheet) + "    " + labels.generated(sheet) + "\n"
        for section in sheet.sections {
            text += "\n【\(labels.section(section))】\n"
            guard !section.table.rows.isEmpty else { text += labels.none + "\n"; continue }
            let table = Output.textTable(section.table, label: labels.column, dropEmpty: false)
            let rendered = table.render(maxWidth: width)
            text += color && section.key == "projects" ? colored(rendered) : rendered
        }
        return text
    }

    /// The status is the last column, so colouring the end of a line cannot shift any column.
    static func colored(_ table: String) -> String {
        let colors = [ProjectHealth.overdue.label: "31", ProjectHealth.behind.label: "33", ProjectHealth.warning.label: "36"]
        return table.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let (word, code) = colors.first(where: { line.hasSuffix($0.key) }) else { return String(line) }
            return line.dropLast(word.count) + "\u{1B}[\(code)m\(word)\u{1B}[0m"
        }.joined(separator: "\n")
    }
}
