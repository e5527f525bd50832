import ZoneLedgerCore

/// JSON written row by row, byte for byte what `JSONValue.serialized()` writes for the whole
/// document: `{ heading…, "section": [ {row}, … ], … }`.
enum StreamJSON {
    static func write(heading: [(String, JSONValue)], sections: [(key: String, rows: RowStream)], to sink: OutputSink) throws {
        var members = 0
        func member(_ key: String) throws {
            var name = ""
            JSONValue.writeString(key, to: &name)
            try sink.write((members == 0 ? "{\n  " : ",\n  ") + name + ": ")
            members += 1
        }
        for (key, value) in heading {
            try member(key)
            try sink.write(value.serialized(depth: 1))
        }
        for section in sections {
            try member(section.key)
            var rows = 0
            try section.rows.forEach { row in
                try sink.write(rows == 0 ? "[\n    " : ",\n    ")
                try sink.write(rowObject(section.rows.columns, row))
                rows += 1
            }
            try sink.write(rows == 0 ? "[]" : "\n  ]")
        }
        try sink.write(members == 0 ? "{}\n" : "\n}\n")
    }

    /// A choice cell as its key and its label, as `Output.jsonMembers` gives them.
    private static func choiceMembers(_ column: Column, _ cell: Cell) -> [(String, Cell)] {
        if case .choice(let key, let label) = cell { return [(column.key, .text(key)), (column.key + "_label", .text(label))] }
        return [(column.key, cell == .empty ? .empty : .text(cell.plain)), (column.key + "_label", cell == .empty ? .empty : .text(cell.plain))]
    }

    /// One row as `JSONValue.object(…).serialized(depth: 2)` writes it, without building the tree:
    /// a province's overdue list is hundreds of thousands of these.
    static func rowObject(_ columns: [Column], _ row: [Cell]) -> String {
        guard !columns.isEmpty, !row.isEmpty else { return "{}" }
        var out = "{"
        var index = 0
        for (column, whole) in zip(columns, row) {
          for (key, cell) in column.choice ? choiceMembers(column, whole) : [(column.key, whole)] {
            out += index == 0 ? "\n      " : ",\n      "
            index += 1
            JSONValue.writeString(key, to: &out)
            out += ": "
            switch cell {
            case .text(let text): JSONValue.writeString(text, to: &out)
            case .day(let day): JSONValue.writeString(day.iso, to: &out)
            case .integer(let value): out += String(value)
            case .empty: out += "null"
            case .list(let items) where !items.isEmpty:
                out += "["
                for (position, item) in items.enumerated() {
                    out += position == 0 ? "\n        " : ",\n        "
                    JSONValue.writeString(item, to: &out)
                }
                out += "\n      ]"
            default: out += Output.jsonValue(cell).serialized(depth: 3)
            }
          }
        }
        return out + "\n    }"
    }
}

/// CSV sections row by row, as `CSVWriter.sections` writes them whole: one BOM, each table
/// after a line with its title, tables apart by an empty line.
enum StreamCSV {
    static func write(_ sections: [(title: String, header: [String], rows: RowStream)], to sink: OutputSink) throws {
        try sink.write(CSVWriter.byteOrderMark)
        for (index, section) in sections.enumerated() {
            if index > 0 { try sink.write(CSVWriter.lineEnding) }
            try sink.write(CSVWriter.line([.text(section.title)]))
            try sink.write(CSVWriter.line(section.header.map(CSVCell.text)))
            try section.rows.forEach { try sink.write(CSVWriter.line($0.map(Output.csvCell))) }
        }
    }
}
