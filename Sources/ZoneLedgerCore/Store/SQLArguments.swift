import GRDB

/// A statement's arguments, positional (`?`) and named (`:name`), held as values so either store
/// can bind them: GRDB's `StatementArguments` for SQLite, `$1…$n` for PostgreSQL.
public struct SQLArguments: Sendable, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    var positional: [DatabaseValue] = []
    var named: [(String, DatabaseValue)] = []

    public init() {}

    public init(_ values: [DatabaseValue]) { positional = values }

    public init(_ values: [(any DatabaseValueConvertible)?]) { positional = values.map { $0?.databaseValue ?? .null } }

    public init(arrayLiteral elements: (any DatabaseValueConvertible)?...) { self.init(elements) }

    public init(dictionaryLiteral elements: (String, (any DatabaseValueConvertible)?)...) {
        named = elements.map { ($0.0, $0.1?.databaseValue ?? .null) }
    }

    /// Both sets of arguments; a name given twice takes the right-hand value.
    public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
        var sum = lhs
        sum.positional += rhs.positional
        for (name, value) in rhs.named {
            if let index = sum.named.firstIndex(where: { $0.0 == name }) { sum.named[index].1 = value } else { sum.named.append((name, value)) }
        }
        return sum
    }

    public static func += (lhs: inout SQLArguments, rhs: SQLArguments) { lhs = lhs + rhs }

    /// The named value, or nil when the name was not given.
    func value(named name: String) -> DatabaseValue? { named.first { $0.0 == name }?.1 }

    /// For GRDB: built once per statement run, as GRDB's own literal would have been.
    var statementArguments: StatementArguments {
        var arguments = StatementArguments(positional)
        if !named.isEmpty {
            arguments += StatementArguments(Dictionary(named.map { ($0.0, $0.1 as (any DatabaseValueConvertible)?) }) { $1 })
        }
        return arguments
    }
}
