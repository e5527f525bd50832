import ZoneLedgerCore

/// CSV: one file, one section per table (title line, header, rows, blank line), UTF-8 with BOM.
enum SheetCSV {
    static func write(_ sheet: SheetStream, _ labels: SheetLabels, to sink: OutputSink) throws {
        let english = labels.english
        let heading = ZoneLedgerCore.Table(columns: [Column("item", english ? "Item" : "项目"), Column("value", english ? "Value" : "内容")], rows: [
            [.text(english ? "Zone" : "开发区"), .text(sheet.zone)],
            [.text(english ? "Month" : "月份"), .text(sheet.month.description)],
            [.text(english ? "As of" : "数据截至"), .text(sheet.asOf.iso)],
            [.text(english ? "Generated" : "生成时间"), .text(sheet.generatedAt)],
        ])
        try StreamCSV.write([(labels.title(sheet), heading.columns.map(\.label), RowStream(heading))]
            + sheet.sections.map { (labels.section($0), $0.rows.columns.map(labels.column), $0.rows) }, to: sink)
    }
}
