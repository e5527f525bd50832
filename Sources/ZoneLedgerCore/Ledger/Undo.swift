import Foundation
import GRDB

/// A command that can be undone: its batch and what it recorded.
public struct UndoCandidate: Sendable, Equatable {
    public let batch: Int64
    public let recordedAt: String
    public let author: String
    public let command: String
    public let lines: [String]
}

extension Ledger {
    /// The commands `undo` would take back, most recent first.
    public func undoCandidates(limit: Int = 10) throws -> [UndoCandidate] {
        try read { db in try Self.candidates(limit: limit, in: db) }
    }

    /// Takes back the most recent command not yet undone, by voiding its entries and figures; the
    /// spans of every subject it touched are brought in line in the same transaction. Both the
    /// command and its undoing stay in the history.
    public func undo(context: WriteContext) throws -> UndoCandidate {
        try write { db in
            guard let candidate = try Self.candidates(limit: 1, in: db).first else {
                throw LedgerError.data("没有可以撤销的命令（初始化和开发区改名不能撤销）")
            }
            var batch = Batch(recordedAt: context.recordedAt, author: context.author, command: "undo", undoes: candidate.batch)
            try batch.insertPrepared(db)
            let undoing = batch.id ?? 0
            let entries = try SessionRow.fetchAll(db, sql: """
                SELECT * FROM entry WHERE batch_id IN (SELECT id FROM batch WHERE id = ?1 OR part_of = ?1) ORDER BY id
                """, arguments: [candidate.batch]).map(Entry.init(row:))
            var earliest: [SubjectID: Day] = [:]
            for entry in entries {
                try db.execute(sql: "INSERT INTO entry_void(entry_id, batch_id) VALUES (?, ?)", arguments: [entry.id, undoing])
                earliest[entry.subject] = min(earliest[entry.subject] ?? entry.effectiveOn, entry.effectiveOn)
            }
            for (subject, day) in earliest.sorted(by: { ($0.key.kind.rawValue, $0.key.id) < ($1.key.kind.rawValue, $1.key.id) }) {
                try SpanStore.refresh(subject, from: day, command: undoing, in: db)
            }
            try db.execute(sql: "INSERT INTO figure_void(figure_id, batch_id) SELECT id, ? FROM figure WHERE batch_id IN (SELECT id FROM batch WHERE id = ?2 OR part_of = ?2)",
                           arguments: [undoing, candidate.batch])
            return candidate
        }
    }

    static func candidates(limit: Int, in db: Session) throws -> [UndoCandidate] {
        let batches = try SessionRow.fetchAll(db, sql: """
            SELECT b.* FROM batch b
            WHERE b.undoes IS NULL AND b.part_of IS NULL AND b.command <> 'init' AND lower(b.command) NOT LIKE 'zone rename%'
              AND NOT EXISTS (SELECT 1 FROM batch u WHERE u.undoes = b.id)
              AND (EXISTS (SELECT 1 FROM entry e JOIN batch p ON p.id = e.batch_id WHERE p.id = b.id OR p.part_of = b.id)
                   OR EXISTS (SELECT 1 FROM figure WHERE batch_id = b.id))
            ORDER BY b.id DESC LIMIT ?
            """, arguments: [limit])
        return try batches.map { row in
            let id: Int64 = row["id"]
            let entries = try SessionRow.fetchAll(db, sql: """
                SELECT e.* FROM entry e WHERE e.batch_id IN (SELECT id FROM batch WHERE id = ?1 OR part_of = ?1) ORDER BY e.id
                """, arguments: [id])
            var lines = try entries.map { entryRow -> String in
                let entry = try Entry(row: entryRow)
                let what = [try EntryText.summary(entry, in: db), entry.note ?? ""].filter { !$0.isEmpty }.joined(separator: "；")
                return "\(entry.effectiveOn.iso) \(try SubjectNames.listing(entry.subject, in: db)) \(entry.action.label(for: entry.subject.kind))\(what.isEmpty ? "" : "：" + what)"
            }
            lines += try String.fetchAll(db, sql: "SELECT code || ' ' || metric || '：' || value || unit FROM figure WHERE batch_id = ? ORDER BY id",
                                         arguments: [id]).map { "数据 \($0)" }
            return UndoCandidate(batch: id, recordedAt: row["recorded_at"], author: row["author"], command: row["command"], lines: lines)
        }
    }
}
