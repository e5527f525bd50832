import ZoneLedgerCore

/// The terminal sheet: each section a table aligned by display width, cut to the terminal's width.
enum SheetText {
    static func write(_ sheet: SheetStream, _ labels: SheetLabels, width: Int?, color: Bool = false, to sink: OutputSink) throws {
        try sink.write(labels.title(sheet) + "\n" + labels.asOf(sheet) + "    " + labels.generated(sheet) + "\n")
        for section in sheet.sections {
            try sink.write("\n【\(labels.section(section))】\n")
            let table = try SpilledTextTable(section.rows, label: labels.column, dropEmpty: false)
            guard table.count > 0 else { try sink.write(labels.none + "\n"); continue }
            var recolour: ((String) -> String)?
            if color && section.key == "projects" { recolour = { Self.colored($0) } }
            try table.render(maxWidth: width, to: sink, line: recolour)
        }
    }

    /// The status is the last column, so colouring the end of a line cannot shift any column.
    static func colored(_ line: String) -> String {
        let colors = [ProjectHealth.overdue.label: "31", ProjectHealth.behind.label: "33", ProjectHealth.warning.label: "36"]
        let text = line.hasSuffix("\n") ? String(line.dropLast()) : line
        guard let (word, code) = colors.first(where: { text.hasSuffix($0.key) }) else { return line }
        return text.dropLast(word.count) + "\u{1B}[\(code)m\(word)\u{1B}[0m" + (line.hasSuffix("\n") ? "\n" : "")
    }
}
