import ZoneLedgerCore

/// JSON written row by row, byte for byte what `JSONValue.serialized()` writes for the whole
/// document: `{ heading…, "section": [ {row}, … ], … }`.
enum StreamJSON {
    static func write(heading: [(String, JSONValue)], sections: [(key: String, rows: RowStream)], to sink: OutputSink) throws {
        var members = 0
        func member(_ key: String) {
            var name = ""
            JSONValue.writeString(key, to: &name)
            sink.write((members == 0 ? "{\n  " : ",\n  ") + name + ": ")
            members += 1
        }
        for (key, value) in heading {
            member(key)
            sink.write(value.serialized(depth: 1))
        }
        for section in sections {
            member(section.key)
            var rows = 0
            try section.rows.forEach { row in
                sink.write(rows == 0 ? "[\n    " : ",\n    ")
                sink.write(Output.jsonObject(section.rows.columns, row).serialized(depth: 2))
                rows += 1
            }
            sink.write(rows == 0 ? "[]" : "\n  ]")
        }
        sink.write(members == 0 ? "{}\n" : "\n}\n")
    }
}

/// CSV sections row by row, as `CSVWriter.sections` writes them whole: one BOM, each table
/// after a line with its title, tables apart by an empty line.
enum StreamCSV {
    static func write(_ sections: [(title: String, header: [String], rows: RowStream)], to sink: OutputSink) throws {
        sink.write(CSVWriter.byteOrderMark)
        for (index, section) in sections.enumerated() {
            if index > 0 { sink.write(CSVWriter.lineEnding) }
            sink.write(CSVWriter.line([.text(section.title)]))
            sink.write(CSVWriter.line(section.header.map(CSVCell.text)))
            try section.rows.forEach { sink.write(CSVWriter.line($0.map(Output.csvCell))) }
        }
    }
}
