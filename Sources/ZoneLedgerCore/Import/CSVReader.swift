/// RFC 4180 CSV as Excel and WPS write it: commas, "quoted" fields with "" for a quote,
/// line breaks inside quotes, CRLF or LF. Every record remembers the line it starts on.
struct CSVRecord: Equatable {
    let line: Int
    let fields: [String]
}

enum CSVReader {
    /// Fields longer than this are refused: no cell in a ledger needs more, and it bounds memory.
    static let fieldLimit = 10_000

    /// Every record of a text held whole (the grammar is `CSVParser`'s, which imports stream through).
    static func records(_ text: String, file: String) throws -> [CSVRecord] {
        var text = text
        var parser = CSVParser(file: file)
        var records: [CSVRecord] = []
        try text.withUTF8 { try parser.feed($0) { records.append($0) } }
        try parser.finish { records.append($0) }
        return records
    }
}
