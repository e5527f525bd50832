import ZoneLedgerCore

/// CSV: one file, one section per table (title line, header, rows, blank line), UTF-8 with BOM.
enum SheetCSV {
    static func render(_ sheet: MonthlySheet, _ labels: SheetLabels) -> String {
        let heading: (title: String, header: [String], rows: [[CSVCell]]) =
            (labels.title(sheet), [labels.english ? "Item" : "项目", labels.english ? "Value" : "内容"], [
                [.text(labels.english ? "Zone" : "开发区"), .text(sheet.zone)],
                [.text(labels.english ? "Month" : "月份"), .text(sheet.month.description)],
                [.text(labels.english ? "As of" : "数据截至"), .text(sheet.asOf.iso)],
                [.text(labels.english ? "Generated" : "生成时间"), .text(sheet.generatedAt)],
            ])
        return CSVWriter.sections([heading] + sheet.sections.map { section in
            (labels.section(section), section.table.columns.map(labels.column), section.table.rows.map { $0.map(Output.csvCell) })
        })
    }
}
