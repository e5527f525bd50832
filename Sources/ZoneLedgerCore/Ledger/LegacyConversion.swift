import Foundation
import GRDB

/// Between migrations 0007 and 0008: a ledger written before every fact was an entry gets its
/// facts moved into entries. The old rows held each subject's values as they stand; each edit held
/// `{"field": [old, new]}` as the row was when the edit was typed in, so the first edit of a field
/// after an add still holds the value the add gave it. An add entry takes those values (else the
/// row's); an edit entry takes the new values it recorded. Ids, batches and voids stay as they were.
enum LegacyConversion {
    /// Old edit keys → the entry column that now carries the field (links by code).
    private static let columns: [SubjectKind: [String: String]] = [
        .project: ["name": "name", "kind": "project_kind", "investment_yuan": "investment_yuan", "park": "set_park_id",
                   "parcel": "set_parcel_id", "provincial_major": "provincial_major", "registered": "registered",
                   "department": "department", "planned_start": "planned_start", "planned_completion": "planned_completion"],
        .parcel: ["name": "name", "area_mu_hundredths": "area_mu_hundredths", "land_use": "land_use"],
        .park: ["name": "name", "kind": "park_kind", "area_mu_hundredths": "area_mu_hundredths", "area_approximate": "area_approximate",
                "plot_ratio_hundredths": "plot_ratio_hundredths", "floor_area_m2": "floor_area_m2", "investment_yuan": "investment_yuan",
                "expected_output_yuan": "expected_output_yuan", "expected_tax_yuan": "expected_tax_yuan", "buildings": "buildings",
                "industries": "industries"],
        .tenant: ["name": "name", "park": "set_park_id"],
        .milestone: ["title": "title", "department": "department"],
    ]
    private static let integers: Set<String> = ["investment_yuan", "area_mu_hundredths", "area_approximate", "plot_ratio_hundredths",
                                                "floor_area_m2", "expected_output_yuan", "expected_tax_yuan", "buildings",
                                                "provincial_major", "registered"]
    private static let clearable: Set<String> = ["department", "land_use", "industries"]

    static func run(_ db: Session) throws {
        let reportDay = try String.fetchOne(db, sql: "SELECT report_day FROM zone WHERE id = 1")
        try db.execute(sql: """
            INSERT INTO figure_next (id, code, category, metric, key, park_id, period_from, period_to, known_on, value, unit, approximate,
                                     yoy_percent, batch_id, quote)
            SELECT f.id, f.code, f.category, f.metric, f.key, f.park_id, f.period_from, f.period_to,
              CASE WHEN b.command = 'init' THEN coalesce(?, f.period_to) ELSE substr(b.recorded_at, 1, 10) END,
              f.value, f.unit, f.approximate, f.yoy_percent, f.batch_id, f.quote
            FROM figure f JOIN batch b ON b.id = f.batch_id
            """, arguments: [reportDay])
        let old = try SessionRow.fetchAll(db, sql: "SELECT * FROM entry ORDER BY id")
        var codes: [SubjectKind: [String: Int64]] = [:]
        // Problems came later (0010): a ledger this old has none.
        for kind in SubjectKind.allCases where kind != .problem {
            try db.execute(sql: """
                INSERT INTO \(kind.table)_next (id, code, created_batch, quote)
                SELECT r.id, r.code, coalesce((SELECT min(e.batch_id) FROM entry e WHERE e.\(kind.foreignKey) = r.id AND e.action = 'add'),
                                              (SELECT min(id) FROM batch)), r.quote
                FROM \(kind.table) r
                """)
            for row in try SessionRow.fetchAll(db, sql: "SELECT id, code FROM \(kind.table)") { codes[kind, default: [:]][row[1]] = row[0] }
        }
        for row in old {
            guard let subject = Entry.subject(of: row) else { continue }
            var entry = Entry(batchId: row["batch_id"], on: row["effective_on"], action: row["action"], subject: subject)
            entry.id = row["id"]
            entry.correction = row["correction"]
            entry.note = row["note"]
            for column in ["stage", "progress", "parcel_status", "tenant_status", "due_on", "due_text", "due_precision"] {
                entry[column] = row[column] as DatabaseValue? ?? .null
            }
            switch entry.action {
            case .add:
                try fillAdd(&entry, old: old, codes: codes, in: db)
            case .edit:
                if let changes = row["changes"] as String? {
                    for (key, pair) in try decode(changes) {
                        try set(&entry, key, pair.count > 1 ? pair[1] : nil, codes: codes)
                    }
                }
            default:
                break
            }
            try insert(entry, into: db)
        }
    }

    /// An add entry states its subject whole: the row's values with every later edit undone.
    private static func fillAdd(_ entry: inout Entry, old: [SessionRow], codes: [SubjectKind: [String: Int64]], in db: Session) throws {
        let kind = entry.subject.kind
        guard let row = try SessionRow.fetchOne(db, sql: "SELECT * FROM \(kind.table) WHERE id = ?", arguments: [entry.subject.id]) else { return }
        // The first edit of each field after this add holds the value the add gave it.
        var first: [String: Any?] = [:]
        for edit in old where (edit["id"] as Int64) > (entry.id ?? 0) && edit["action"] == "edit"
            && (edit[kind.foreignKey] as Int64?) == entry.subject.id {
            guard let changes = edit["changes"] as String? else { continue }
            for (key, pair) in try decode(changes) where first[key] == nil { first[key] = .some(pair.first ?? nil) }
        }
        for (key, column) in columns[kind] ?? [:] {
            if let recorded = first[key] {
                try set(&entry, key, recorded, codes: codes)
                continue
            }
            // No later edit: the row still holds the value the add gave it (links by id).
            let rowColumn = column.hasPrefix("set_") ? String(column.dropFirst(4)) : (key == "kind" ? "kind" : key)
            if row.hasColumn(rowColumn) { entry[column] = row[rowColumn] as DatabaseValue? ?? .null }
        }
        if kind == .milestone {
            for linked in [SubjectKind.project, .parcel, .park, .tenant] {
                if let id = row[linked.foreignKey] as Int64? { entry["set_\(linked.rawValue)_id"] = id.databaseValue }
            }
            entry["due_on"] = row["due_on"]
            entry["due_text"] = row["due_text"]
            entry["due_precision"] = row["due_precision"]
        }
        // Optional texts the add left empty are simply not set.
        for column in clearable where String.fromDatabaseValue(entry[column]) == "" { entry[column] = .null }
    }

    private static func decode(_ json: String) throws -> [(String, [Any?])] {
        guard let data = json.data(using: .utf8), let object = try JSONSerialization.jsonObject(with: data) as? [String: [Any]] else { return [] }
        return object.keys.sorted().map { key in (key, (object[key] ?? []).map { $0 is NSNull ? nil : $0 }) }
    }

    private static func set(_ entry: inout Entry, _ key: String, _ value: Any?, codes: [SubjectKind: [String: Int64]]) throws {
        guard let column = columns[entry.subject.kind]?[key] else { return }
        let text = value.map { "\($0)" }
        if column.hasPrefix("set_") {
            let kind: SubjectKind = key == "parcel" ? .parcel : .park
            entry[column] = text.flatMap { codes[kind]?[$0] }?.databaseValue ?? .null
        } else if integers.contains(column) {
            entry[column] = text.flatMap { $0 == "true" ? 1 : $0 == "false" ? 0 : Int64($0) }?.databaseValue ?? .null
        } else if let text {
            entry[column] = text.databaseValue
        } else {
            // Set to nothing: an optional text cleared.
            entry[column] = clearable.contains(column) ? "".databaseValue : .null
        }
    }

    private static func insert(_ entry: Entry, into db: Session) throws {
        var columns = ["id", "batch_id", "effective_on", "action", entry.subject.kind.foreignKey, "correction", "note"]
        var arguments: [DatabaseValueConvertible?] = [entry.id, entry.batchId, entry.effectiveOn, entry.action, entry.subject.id, entry.correction, entry.note]
        for (index, value) in entry.values.enumerated() where !value.isNull {
            columns.append(Entry.fieldColumns[index])
            arguments.append(value)
        }
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO entry_next (\(columns.joined(separator: ", "))) VALUES (\(marks))", arguments: SQLArguments(arguments))
    }
}
