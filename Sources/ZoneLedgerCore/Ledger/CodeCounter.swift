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
            SELECT (SELECT max(CAST(substr(code, 2) AS INTEGER)) FROM \(table) NOT INDEXED
                    WHERE id > ? AND code GLOB '\(prefix)[0-9]*' AND substr(code, 2) NOT GLOB '*[^0-9]*'),
                   (SELECT max(id) FROM \(table))
            """), arguments: [known.lastID])
        let highest = max(known.highest, row?[0] ?? 0)
        seen[table] = (highest, row?[1] ?? known.lastID)
        return "\(prefix)\(highest + 1)"
    }
}
