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
        var text = text
        return try text.withUTF8 { try records(utf8: $0, file: file) }
    }

    // Read as UTF-8 bytes, not characters: every byte the grammar looks at is ASCII, and in UTF-8
    // no byte of a longer character is, so a field is just the bytes between them: no String is
    // grown a scalar at a time.
    private static func records(utf8 bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [CSVRecord] {
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, afterQuote = false, fieldStarted = false
        var line = 1, recordLine = 1

        func endField() throws {
            let text = String(decoding: field, as: UTF8.self)
            // A character takes at least one byte, so only a long field needs counting.
            guard field.count <= fieldLimit || text.count <= fieldLimit else {
                throw LedgerError.data("\(file) 第\(recordLine)行第\(fields.count + 1)列：单元格超过\(fieldLimit)个字符")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            quoted = false; afterQuote = false; fieldStarted = false
        }
        func endRecord() throws {
            try endField()
            // A line with nothing on it is no record (Excel leaves them at the end).
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote { field.append(quote); index += 1 } else { quoted = false; afterQuote = true }
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                try endField()
            case cr, lf:
                if byte == cr, index < bytes.count, bytes[index] == lf { index += 1 }
                try endRecord()
                line += 1
                recordLine = line
            case quote where !fieldStarted:
                quoted = true; fieldStarted = true
            default:
                if afterQuote {
                    throw LedgerError.data("\(file) 第\(recordLine)行第\(fields.count + 1)列：引号后面还有字符（引号内的引号应写成两个）")
                }
                fieldStarted = true
                field.append(byte)
            }
        }
        if quoted { throw LedgerError.data("\(file) 第\(recordLine)行第\(fields.count + 1)列：引号没有闭合") }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { try endRecord() }
        return records
    }
}
