import GRDB

/// The next free code (P1, P2, …) of each table within one transaction, for writes that add
/// many rows: `nextCode` scans every code of the table, once per row, which made importing
/// 10,000 milestones without a 编号 column take most of a minute. This reads the highest number
/// once, and then only the rows added since: ids only grow, codes never change and nothing is
/// deleted, so every answer is the one `nextCode` would give. Not for use across transactions,
/// since a rollback takes rows back.
final class CodeCounter {
    private var seen: [String: (highest: Int64, lastID: Int64)] = [:]

    func next(table: String, prefix: String, in db: Session) throws -> String {
        let known = seen[table] ?? (highest: 0, lastID: Int64.min)
        // NOT INDEXED: left to itself, SQLite reads every code through the code index, not the new rows by id.
        let row = try SessionRow.fetchOne(try db.cachedStatement(sql: """
            SELECT (SELECT max(\(Self.number)) FROM \(table) NOT INDEXED WHERE id > ? AND \(Self.isNumbered(prefix))),
                   (SELECT max(id) FROM \(table))
            """), arguments: [known.lastID])
        let highest = max(known.highest, row?[0] ?? 0)
        seen[table] = (highest, row?[1] ?? known.lastID)
        return try Self.code(after: highest, prefix: prefix)
    }

    /// The code after the highest number: refused past `maxDigits` digits, where the next would no
    /// longer be counted (and so be handed out again).
    static func code(after highest: Int64, prefix: String) throws -> String {
        let next = highest + 1
        guard String(next).count <= maxDigits else {
            throw LedgerError.data("\(prefix)编号已用到\(prefix)\(highest)，没有更大的编号可分配：请为新的一行写明编号")
        }
        return "\(prefix)\(next)"
    }

    /// Whether `code` is the prefix and ASCII digits only (P12, P007; not P, P1a or p1): a range of
    /// the code index and a trim, which both stores read alike (SQLite's GLOB is SQLite's own).
    /// At most `maxDigits` digits: a longer number (an imported P99999999999999999999) is a code
    /// like any other name but is not counted, since it would not fit a 64-bit integer (SQLite
    /// would saturate it and the next code overflow; PostgreSQL would refuse the cast).
    static func isNumbered(_ prefix: String) -> String {
        let after = prefix.unicodeScalars.first.flatMap { Unicode.Scalar($0.value + 1) }.map { String($0) } ?? prefix
        return "code > '\(prefix)' AND code < '\(after)' AND length(code) <= \(prefix.count + maxDigits) AND trim(substr(code, 2), '0123456789') = ''"
    }

    /// 18 digits: the largest number of them, plus one, still fits an Int64.
    static let maxDigits = 18

    /// A numbered code's number, as a 64-bit integer on both stores (PostgreSQL's INTEGER is 32-bit).
    static let number = "CAST(substr(code, 2) AS BIGINT)"

    /// The highest number among the table's numbered codes, 0 when none: one read of the code index.
    static func highest(table: String, prefix: String, in db: Session) throws -> Int64 {
        try Int64.fetchOne(try db.cachedStatement(sql: "SELECT max(\(number)) FROM \(table) WHERE \(isNumbered(prefix))")) ?? 0
    }
}
