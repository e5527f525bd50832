import Foundation
import GRDB

/// Descriptive fields (names, kinds, amounts, planned dates) live on the rows and change by
/// `edit`, which records old and new values in its entry. To show a past day truly, the edits
/// effective after that day are undone in the report: each field takes the old value of the
/// earliest later edit.
struct EditOverrides {
    private var values: [SubjectID: [String: String?]] = [:]

    init(after day: Day, in db: Database) throws {
        let entries = try Entry.fetchAll(db, sql: """
            SELECT * FROM live_entry WHERE action = 'edit' AND changes IS NOT NULL AND effective_on > ?
            ORDER BY effective_on DESC, id DESC
            """, arguments: [day])
        for entry in entries {
            guard let subject = entry.subject, let data = entry.changes?.data(using: .utf8),
                  let changes = try? JSONSerialization.jsonObject(with: data) as? [String: [Any]] else { continue }
            for (field, pair) in changes {
                // Newest first, so the earliest edit after the day writes last and wins.
                values[subject, default: [:]][field] = .some(pair.first as? String)
            }
        }
    }

    var isEmpty: Bool { values.isEmpty }

    /// The subjects of one kind whose field changed after the day, with the value it had then.
    func overrides(_ kind: SubjectKind, _ field: String) -> [Int64: String?] {
        var found: [Int64: String?] = [:]
        for (subject, fields) in values where subject.kind == kind {
            if let value = fields[field] { found[subject.id] = value }
        }
        return found
    }

    /// The field as it was on the day: the override if an edit came later, else the row's value.
    func text(_ subject: SubjectID, _ field: String, _ current: String?) -> String? {
        guard let override = values[subject]?[field] else { return current }
        return override
    }

    func integer(_ subject: SubjectID, _ field: String, _ current: Int64?) -> Int64? {
        guard let override = values[subject]?[field] else { return current }
        return override.flatMap { Int64($0) }
    }

    func day(_ subject: SubjectID, _ field: String, _ current: Day?) -> Day? {
        guard let override = values[subject]?[field] else { return current }
        return override.flatMap(Day.init(iso:))
    }
}

