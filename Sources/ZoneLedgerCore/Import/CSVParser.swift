/// The CSV grammar as a byte-at-a-time state machine: fed any number of chunks (a record may
/// span two), it hands out each record once it ends. `CSVReader.records` and the streaming import
/// both read through it, so a file reads the same whole or in pieces.
///
/// Every byte the grammar looks at is ASCII, and in UTF-8 no byte of a longer character is, so a
/// field is just the bytes between them. Without `materialise` the parser only checks the text
/// (quotes, cell length) and counts records: no field becomes a String unless it is long enough
/// to need its characters counted.
struct CSVParser {
    let file: String
    private var materialise: Bool
    /// Only the first record (the header) becomes Strings.
    private let firstOnly: Bool
    /// Records ended so far.
    private(set) var records = 0

    private var line = 1
    private var recordLine = 1
    private var fields: [String] = []
    private var fieldCount = 0
    private var lastFieldEmpty = false
    private var field: [UInt8] = []
    private var quoted = false, afterQuote = false, fieldStarted = false
    /// A quote inside quotes: a quoted quote if the next byte is one too, else the closing quote.
    private var pendingQuote = false
    /// A CR ended a record: an LF right after it is the same line break.
    private var pendingCR = false

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    init(file: String, materialise: Bool = true, firstOnly: Bool = false) {
        self.file = file
        self.materialise = materialise || firstOnly
        self.firstOnly = firstOnly
        field.reserveCapacity(256)
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecord) throws -> Void) throws {
        let comma = Self.comma, quote = Self.quote, cr = Self.cr, lf = Self.lf
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if pendingCR {
                pendingCR = false
                if byte == lf { continue }
            }
            if pendingQuote {
                pendingQuote = false
                if byte == quote { field.append(quote); continue }
                quoted = false
                afterQuote = true
            }
            if quoted {
                if byte == quote {
                    pendingQuote = true
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                    // The bytes up to the next quote or line feed are the field's as they are.
                    while index < count {
                        let next = bytes[index]
                        if next == quote || next == lf { break }
                        field.append(next)
                        index += 1
                    }
                }
                continue
            }
            switch byte {
            case comma:
                try endField()
            case cr, lf:
                try endRecord(emit)
                line += 1
                recordLine = line
                pendingCR = byte == cr
            case quote where !fieldStarted:
                quoted = true
                fieldStarted = true
            default:
                if afterQuote {
                    throw LedgerError.data("\(file) 第\(recordLine)行第\(fieldCount + 1)列：引号后面还有字符（引号内的引号应写成两个）")
                }
                fieldStarted = true
                field.append(byte)
                // The rest of an unquoted field, up to the next byte the grammar looks at.
                while index < count {
                    let next = bytes[index]
                    if next == comma || next == cr || next == lf || next == quote { break }
                    field.append(next)
                    index += 1
                }
            }
        }
    }

    /// The end of the text: a last record without a line break, or an unclosed quote.
    mutating func finish(_ emit: (CSVRecord) throws -> Void) throws {
        if pendingQuote {
            pendingQuote = false
            quoted = false
            afterQuote = true
        }
        if quoted { throw LedgerError.data("\(file) 第\(recordLine)行第\(fieldCount + 1)列：引号没有闭合") }
        if fieldStarted || fieldCount > 0 || !field.isEmpty { try endRecord(emit) }
    }

    private mutating func endField() throws {
        // A character takes at least one byte, so only a long field needs counting.
        if field.count > CSVReader.fieldLimit, String(decoding: field, as: UTF8.self).count > CSVReader.fieldLimit {
            throw LedgerError.data("\(file) 第\(recordLine)行第\(fieldCount + 1)列：单元格超过\(CSVReader.fieldLimit)个字符")
        }
        if materialise { fields.append(String(decoding: field, as: UTF8.self)) }
        lastFieldEmpty = field.isEmpty
        fieldCount += 1
        field.removeAll(keepingCapacity: true)
        quoted = false; afterQuote = false; fieldStarted = false
    }

    private mutating func endRecord(_ emit: (CSVRecord) throws -> Void) throws {
        try endField()
        // A line with nothing on it is no record (Excel leaves them at the end).
        if !(fieldCount == 1 && lastFieldEmpty) {
            records += 1
            try emit(CSVRecord(line: recordLine, fields: materialise ? fields : []))
            if firstOnly { materialise = false }
        }
        fields.removeAll(keepingCapacity: true)
        fieldCount = 0
    }
}
