/// A problem with one cell or row of an imported file: where, and why.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: String
    public let reason: String
    public var description: String { "第\(line)行" + (column.isEmpty ? "" : " \(column)") + "：\(reason)" }
}

/// One data row, its cells by column key, read into typed values; every refusal names its column.
struct ImportRow {
    let line: Int
    private let fields: [String]
    private let layout: ImportLayout
    /// The day relative dates in the row are read against.
    var today: Day { layout.today }

    init(line: Int, fields: [String], layout: ImportLayout) {
        self.line = line
        self.fields = fields
        self.layout = layout
    }

    /// The field under the column, nil when the row stops short of it.
    private func field(_ key: String) -> Int? {
        guard let index = layout.fieldIndex[key], index < fields.count else { return nil }
        return index
    }

    func header(_ key: String) -> String { field(key).map { layout.headers[$0] } ?? key }

    /// The cell's text, or nil when empty. The apostrophe CSV exports put before text a spreadsheet
    /// would run as a formula (or before an apostrophe) is dropped.
    func text(_ key: String) -> String? {
        guard let index = field(key) else { return nil }
        let value = fields[index]
        let trimmed = value.trimmingWhitespaceAndNewlines()
        guard !trimmed.isEmpty else { return nil }
        var scalars = value.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let next = scalars.next(), "=+-@\t\r'".unicodeScalars.contains(next) else { return trimmed }
        let unquoted = String(value.unicodeScalars.dropFirst()).trimmingWhitespaceAndNewlines()
        return unquoted.isEmpty ? nil : unquoted
    }

    func problem(_ key: String, _ reason: String) -> ImportProblem {
        ImportProblem(line: line, column: key.isEmpty ? "" : header(key), reason: reason)
    }

    /// Runs a parse, turning its refusal into a problem at this cell.
    func read<T>(_ key: String, _ parse: (String) throws -> T) throws -> T? {
        guard let text = text(key) else { return nil }
        do { return try parse(text) } catch let error as LedgerError { throw problem(key, error.message) }
        catch let error as DateError { throw problem(key, error.message) }
    }

    func required(_ key: String) throws -> String {
        guard let text = text(key) else { throw problem(key, "不能为空") }
        return text
    }

    func date(_ key: String, relativeTo day: Day? = nil) throws -> LedgerDate? {
        try read(key) { try layout.dates.parse($0, relativeTo: day ?? today) }
    }

    func day(_ key: String, relativeTo day: Day? = nil) throws -> Day? { try date(key, relativeTo: day)?.day }

    /// A due date promised on `day` (`DateParser.parseDue`).
    func due(_ key: String, promisedOn day: Day) throws -> LedgerDate? {
        try read(key) { try layout.dates.parse($0, relativeTo: day, upcoming: true) }
    }

    func money(_ key: String, allowingZero: Bool = false) throws -> Money? {
        try read(key) { text in
            // A bare number takes the unit of the header: 总投资(亿元) 9 is 9亿元.
            let hasUnit = text.hasSuffix("元") || text.hasSuffix("万") || text.hasSuffix("亿")
            return try Money.parse(hasUnit ? text : text + (layout.moneyUnits[key] ?? "万元"), what: header(key), allowingZero: allowingZero)
        }
    }

    func area(_ key: String) throws -> Area? { try read(key) { try Area.parse($0, what: header(key)) } }

    func integer(_ key: String) throws -> Int? {
        try read(key) { text in
            guard let value = Int(text.hasSuffix("%") ? String(text.dropLast()) : text) else {
                throw LedgerError.data("“\(text)”不是整数")
            }
            return value
        }
    }

    func decimal(_ key: String) throws -> ExactDecimal? {
        try read(key) { text in
            guard let value = ExactDecimal(text.hasSuffix("%") ? String(text.dropLast()) : text) else {
                throw LedgerError.data("“\(text)”不是数字")
            }
            return value
        }
    }

    func flag(_ key: String) throws -> Bool? {
        try read(key) { text in
            switch text.lowercased() {
            case "是", "yes", "true", "1", "y", "√", "✓": return true
            case "否", "no", "false", "0", "n": return false
            default: throw LedgerError.data("“\(text)”应为 是 或 否")
            }
        }
    }

    func choice<Value: Labeled>(_ key: String, _ type: Value.Type) throws -> Value? {
        try read(key) { try layout.choices.parse($0, as: Value.self) }
    }
}
