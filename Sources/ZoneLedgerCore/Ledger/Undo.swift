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

    /// Takes back the most recent command not yet undone, by voiding its entries (and restoring
    /// the fields its edits changed). Both the command and its undoing stay in the history.
    public func undo(context: WriteContext) throws -> UndoCandidate {
        try write { db in
            guard let candidate = try Self.candidates(limit: 1, in: db).first else {
                throw LedgerError.data("没有可以撤销的命令（初始化和开发区改名不能撤销）")
            }
            let batch = try beginBatch(db, WriteContext(author: context.author, now: context.now, today: context.today, command: "undo"))
            try db.execute(sql: "UPDATE batch SET undoes = ? WHERE id = ?", arguments: [candidate.batch, batch])
            // Newest first, so fields changed twice in one command end at their first old value.
            let entries = try Entry.fetchAll(db, sql: """
                SELECT * FROM entry WHERE batch_id IN (SELECT id FROM batch WHERE id = ?1 OR part_of = ?1) ORDER BY id DESC
                """, arguments: [candidate.batch])
            for entry in entries {
                if entry.action == .edit, let changes = entry.changes, let subject = entry.subject {
                    try restore(changes, of: subject, in: db)
                }
                try db.execute(sql: "INSERT INTO entry_void(entry_id, batch_id) VALUES (?, ?)", arguments: [entry.id, batch])
            }
            try db.execute(sql: "INSERT INTO figure_void(figure_id, batch_id) SELECT id, ? FROM figure WHERE batch_id = ?",
                           arguments: [batch, candidate.batch])
            return candidate
        }
    }

    static func candidates(limit: Int, in db: Database) throws -> [UndoCandidate] {
        let batches = try Row.fetchAll(db, sql: """
            SELECT b.* FROM batch b
            WHERE b.undoes IS NULL AND b.part_of IS NULL AND b.command <> 'init' AND b.command NOT LIKE 'zone rename%'
              AND NOT EXISTS (SELECT 1 FROM batch u WHERE u.undoes = b.id)
              AND (EXISTS (SELECT 1 FROM entry e JOIN batch p ON p.id = e.batch_id WHERE p.id = b.id OR p.part_of = b.id)
                   OR EXISTS (SELECT 1 FROM figure WHERE batch_id = b.id))
            ORDER BY b.id DESC LIMIT ?
            """, arguments: [limit])
        return try batches.map { row in
            let id: Int64 = row["id"]
            let entries = try Row.fetchAll(db, sql: """
                SELECT e.*, coalesce(p.code, l.code, y.code, t.code, m.code) || ' ' || coalesce(p.name, l.name, y.name, t.name, m.title) AS subject
                FROM entry e LEFT JOIN project p ON p.id = e.project_id LEFT JOIN parcel l ON l.id = e.parcel_id
                  LEFT JOIN park y ON y.id = e.park_id LEFT JOIN tenant t ON t.id = e.tenant_id LEFT JOIN milestone m ON m.id = e.milestone_id
                WHERE e.batch_id IN (SELECT id FROM batch WHERE id = ?1 OR part_of = ?1) ORDER BY e.id
                """, arguments: [id])
            var lines = try entries.map { entryRow -> String in
                let entry = try Entry(row: entryRow)
                let what = [entry.summary, entry.note ?? ""].filter { !$0.isEmpty }.joined(separator: "；")
                return "\(entry.effectiveOn.iso) \(entryRow["subject"] as String) \(entry.action.label)\(what.isEmpty ? "" : "：" + what)"
            }
            lines += try String.fetchAll(db, sql: "SELECT code || ' ' || metric || '：' || value || unit FROM figure WHERE batch_id = ?",
                                         arguments: [id]).map { "数据 \($0)" }
            return UndoCandidate(batch: id, recordedAt: row["recorded_at"], author: row["author"], command: row["command"], lines: lines)
        }
    }

    /// Puts back the old values an edit recorded: the keys of `changes` are the row's columns.
    private func restore(_ changes: String, of subject: SubjectID, in db: Database) throws {
        guard let data = changes.data(using: .utf8),
              let fields = try JSONSerialization.jsonObject(with: data) as? [String: [Any]] else { return }
        let columns = try db.columns(in: subject.kind.table)
        for (field, pair) in fields.sorted(by: { $0.key < $1.key }) {
            let old = pair.first as? String
            // Links are kept by code: put back the id of the row with that code.
            if let kind = ["park": SubjectKind.park, "parcel": .parcel][field] {
                let id = try old.flatMap { try Int64.fetchOne(db, sql: "SELECT id FROM \(kind.table) WHERE code = ?", arguments: [$0]) }
                try db.execute(sql: "UPDATE \(subject.kind.table) SET \(kind.foreignKey) = ? WHERE id = ?", arguments: [id, subject.id])
                continue
            }
            guard let column = columns.first(where: { $0.name == field }) else { continue }
            let value: DatabaseValueConvertible? = switch (column.type.uppercased(), old) {
            case (_, nil): nil
            case ("INTEGER", "true"): 1
            case ("INTEGER", "false"): 0
            case ("INTEGER", let text?): Int64(text)
            case (_, let text?): text
            }
            try db.execute(sql: "UPDATE \(subject.kind.table) SET \(field) = ? WHERE id = ?", arguments: [value, subject.id])
        }
    }
}
