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
            let keys = RowKeys(section.rows.columns)
            try section.rows.forEach { row in
                try sink.write(rows == 0 ? "[\n    " : ",\n    ")
                try sink.append { bytes in keys.write(row, into: &bytes) }
                rows += 1
            }
            try sink.write(rows == 0 ? "[]" : "\n  ]")
        }
        try sink.write(members == 0 ? "{}\n" : "\n}\n")
    }
}

/// A section's member names, quoted once, and its rows written as bytes straight into the
/// output: a province's overdue list is hundreds of thousands of rows, and building each as a
/// String cost more than reading it. The bytes are those `JSONValue.object(…).serialized(depth: 2)`
/// writes.
struct RowKeys {
    /// Per column: the quoted key, and for a choice column the quoted `key_label` too.
    private let names: [(key: [UInt8], label: [UInt8]?)]

    init(_ columns: [Column]) {
        func quoted(_ text: String) -> [UInt8] {
            var bytes: [UInt8] = []
            JSONBytes.string(text, into: &bytes)
            return bytes + Array(": ".utf8)
        }
        names = columns.map { (quoted($0.key), $0.choice ? quoted($0.key + "_label") : nil) }
    }

    func write(_ row: [Cell], into out: inout [UInt8]) {
        guard !names.isEmpty, !row.isEmpty else { out += Array("{}".utf8); return }
        out.append(UInt8(ascii: "{"))
        var first = true
        func member(_ name: [UInt8]) {
            out += first ? JSONBytes.firstMember : JSONBytes.nextMember
            first = false
            out += name
        }
        for (name, cell) in zip(names, row) {
            if let label = name.label {
                // An enumeration: its key, then its label.
                member(name.key)
                switch cell {
                case .choice(let key, _): JSONBytes.string(key, into: &out)
                case .empty: out += JSONBytes.null
                default: JSONBytes.string(cell.plain, into: &out)
                }
                member(label)
                if cell == .empty { out += JSONBytes.null } else { JSONBytes.string(cell.plain, into: &out) }
                continue
            }
            member(name.key)
            switch cell {
            case .text(let text): JSONBytes.string(text, into: &out)
            case .day(let day): JSONBytes.string(day.iso, into: &out)
            case .integer(let value): out += Array(String(value).utf8)
            case .empty: out += JSONBytes.null
            case .list(let items) where !items.isEmpty:
                out.append(UInt8(ascii: "["))
                for (position, item) in items.enumerated() {
                    out += position == 0 ? JSONBytes.firstItem : JSONBytes.nextItem
                    JSONBytes.string(item, into: &out)
                }
                out += JSONBytes.closeList
            default: out += Array(Output.jsonValue(cell).serialized(depth: 3).utf8)
            }
        }
        out += JSONBytes.closeObject
    }
}

/// JSON pieces as bytes, for `RowKeys`.
enum JSONBytes {
    static let firstMember = Array("\n      ".utf8), nextMember = Array(",\n      ".utf8)
    static let firstItem = Array("\n        ".utf8), nextItem = Array(",\n        ".utf8)
    static let closeList = Array("\n      ]".utf8), closeObject = Array("\n    }".utf8), null = Array("null".utf8)

    /// A JSON string, escaped as `JSONValue.writeString` escapes it.
    static func string(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.append(0x22)
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: bytes[start..<index])
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, UInt8(ascii: "n")]
                case 0x0D: out += [0x5C, UInt8(ascii: "r")]
                case 0x09: out += [0x5C, UInt8(ascii: "t")]
                case 0x08: out += [0x5C, UInt8(ascii: "b")]
                case 0x0C: out += [0x5C, UInt8(ascii: "f")]
                default:
                    let hex = String(byte, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                start = index + 1
            }
            out.append(contentsOf: bytes[start..<bytes.count])
            out.append(0x22)
        }
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
