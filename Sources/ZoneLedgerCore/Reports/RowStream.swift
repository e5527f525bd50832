/// A table whose rows come one at a time, inside the read that produces them. The reports that
/// grow with the ledger (the overdue list, the sheet's project and overdue tables) are streams, so
/// a renderer holds one row at a time however big the ledger. Read once, in order, and only within
/// the `with…` call that handed it out: the rows come from a live database cursor.
public struct RowStream {
    public let columns: [Column]
    private let produce: (_ body: ([Cell]) throws -> Void) throws -> Void

    public init(columns: [Column], produce: @escaping (_ body: ([Cell]) throws -> Void) throws -> Void) {
        self.columns = columns
        self.produce = produce
    }

    /// A small table already held, as a stream.
    public init(_ table: Table) {
        self.init(columns: table.columns) { body in for row in table.rows { try body(row) } }
    }

    public func forEach(_ body: ([Cell]) throws -> Void) throws { try produce(body) }

    /// Every row held: for tests, and for formats that need the whole table at once.
    public func collect() throws -> Table {
        var table = Table(columns: columns)
        try forEach { table.rows.append($0) }
        return table
    }

    /// The same rows, each changed by `transform`.
    public func map(_ transform: @escaping ([Cell]) -> [Cell]) -> RowStream {
        RowStream(columns: columns) { body in try self.forEach { try body(transform($0)) } }
    }
}

/// A report's titled stream, as the overdue command and the sheet hand them to renderers.
public struct StreamSection {
    public let key: String
    public let title: String
    public let english: String
    public let rows: RowStream

    public init(key: String, title: String, english: String, rows: RowStream) {
        self.key = key
        self.title = title
        self.english = english
        self.rows = rows
    }
}
