/// RFC 4180 CSV as Excel and WPS write it: commas, "quoted" fields with "" for a quote,
/// line breaks inside quotes, CRLF or LF. Every record remembers the line it starts on.
struct CSVRecord: Equatable {
    let line: Int
    let fields: [String]
}

enum CSVReader {
    /// Fields longer than this are refused: no cell in a ledger needs more, and it bounds memory.
    static let fieldLimit = 10_000

    static func records(_ text: String, file: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, afterQuote = false, fieldStarted = false
        var line = 1, recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func endField() throws {
            guard field.count <= fieldLimit else {
                throw LedgerError.data("\(file) 第\(recordLine)行第\(fields.count + 1)列：单元格超过\(fieldLimit)个字符")
            }
            fields.append(field)
            field = ""
            quoted = false; afterQuote = false; fieldStarted = false
        }
        func endRecord() throws {
            try endField()
            // A line with nothing on it is no record (Excel leaves them at the end).
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                try endField()
            case "\r", "\n":
                if scalar == "\r" { let next = scalars.next(); if next != "\n" { pending = next } }
                try endRecord()
                line += 1
                recordLine = line
            case "\"" where !fieldStarted:
                quoted = true; fieldStarted = true
            default:
                if afterQuote {
                    throw LedgerError.data("\(file) 第\(recordLine)行第\(fields.count + 1)列：引号后面还有字符（引号内的引号应写成两个）")
                }
                fieldStarted = true
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw LedgerError.data("\(file) 第\(recordLine)行第\(fields.count + 1)列：引号没有闭合") }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { try endRecord() }
        return records
    }
}
