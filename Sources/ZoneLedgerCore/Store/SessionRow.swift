import GRDB

/// One result row, from either store, read as GRDB's `Row` is read: `row[0]`, `row["name"]`,
/// typed by the value asked for. SQLite's rows are GRDB's own (in a cursor, the same row object
/// is reused for each step, so a row is read before the next step); PostgreSQL's are values.
public struct SessionRow {
    enum Storage {
        case sqlite(Row)
        case values(SessionColumns, [DatabaseValue])
    }

    let storage: Storage

    init(_ row: Row) { storage = .sqlite(row) }
    init(_ columns: SessionColumns, _ values: [DatabaseValue]) { storage = .values(columns, values) }

    /// The column's value as stored; NULL for a column the row does not have.
    public func databaseValue(at index: Int) -> DatabaseValue {
        switch storage {
        case .sqlite(let row): row[index]
        case .values(_, let values): values[index]
        }
    }

    public func databaseValue(named name: String) -> DatabaseValue {
        switch storage {
        case .sqlite(let row): row[name] ?? .null
        case .values(let columns, let values): columns.index(of: name).map { values[$0] } ?? .null
        }
    }

    public var count: Int {
        switch storage {
        case .sqlite(let row): row.count
        case .values(_, let values): values.count
        }
    }

    public var columnNames: [String] {
        switch storage {
        case .sqlite(let row): Array(row.columnNames)
        case .values(let columns, _): columns.names
        }
    }

    // As GRDB's own: the type asked for decides, an optional type reads NULL (or a missing column) as nil.
    public subscript<Value: DatabaseValueConvertible>(_ index: Int) -> Value {
        switch storage {
        case .sqlite(let row): return row[index]
        case .values(let columns, let values): return Self.required(values[index], columns.names[index])
        }
    }

    public subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value {
        switch storage {
        case .sqlite(let row): return row[name]
        case .values(let columns, let values): return Self.required(columns.index(of: name).map { values[$0] } ?? .null, name)
        }
    }

    // The faster reads GRDB offers for its column types, kept on the SQLite path.
    public subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ index: Int) -> Value {
        switch storage {
        case .sqlite(let row): return row[index]
        case .values(let columns, let values): return Self.required(values[index], columns.names[index])
        }
    }

    public subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ name: String) -> Value {
        switch storage {
        case .sqlite(let row): return row[name]
        case .values(let columns, let values): return Self.required(columns.index(of: name).map { values[$0] } ?? .null, name)
        }
    }

    /// The column's value, or an error when it cannot be what is asked for (a damaged ledger).
    public func decode<Value: DatabaseValueConvertible>(forColumn name: String) throws -> Value {
        switch storage {
        case .sqlite(let row): return try row.decode(forColumn: name)
        case .values(let columns, let values):
            let value = columns.index(of: name).map { values[$0] } ?? .null
            guard let decoded = Value.fromDatabaseValue(value) else {
                throw LedgerError.data("账本里“\(name)”列的值“\(value)”无法读取：请运行 zoneledger check")
            }
            return decoded
        }
    }

    public func hasColumn(_ name: String) -> Bool {
        switch storage {
        case .sqlite(let row): row.hasColumn(name)
        case .values(let columns, _): columns.index(of: name) != nil
        }
    }

    /// As GRDB's own subscript does for a value that cannot be what the code asks for: a programming
    /// error, not data (both schemas type every column, and CHECKs hold days and enumerations to
    /// their forms). Where a stored value may be damaged, `decode(forColumn:)` throws instead.
    private static func required<Value: DatabaseValueConvertible>(_ value: DatabaseValue, _ column: String) -> Value {
        guard let decoded = Value.fromDatabaseValue(value) else {
            fatalError("could not read \(value) in column \(column) as \(Value.self)")
        }
        return decoded
    }
}

/// A result's column names, shared by its rows; a name found by the first column of that name, as in SQLite.
final class SessionColumns: Sendable {
    let names: [String]
    private let indexes: [String: Int]

    init(_ names: [String]) {
        self.names = names
        var indexes: [String: Int] = [:]
        for (index, name) in names.enumerated() where indexes[name.lowercased()] == nil { indexes[name.lowercased()] = index }
        self.indexes = indexes
    }

    func index(of name: String) -> Int? { indexes[name.lowercased()] }
}

extension SessionRow: Equatable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// Same columns, same values, from whichever store.
    public static func == (a: SessionRow, b: SessionRow) -> Bool {
        a.columnNames == b.columnNames && (0..<a.count).allSatisfy { a.databaseValue(at: $0) == b.databaseValue(at: $0) }
    }

    public init(dictionaryLiteral elements: (String, (any DatabaseValueConvertible)?)...) {
        self.init(SessionColumns(elements.map(\.0)), elements.map { $0.1?.databaseValue ?? .null })
    }

    /// The columns with their values, for messages and tests.
    public var pairs: [(String, DatabaseValue)] { zip(columnNames, (0..<count).map(databaseValue(at:))).map { ($0, $1) } }

    public var description: String { "[" + pairs.map { "\($0.0):\($0.1)" }.joined(separator: " ") + "]" }
}
