import Foundation
import GRDB

/// The whole ledger as tables. Two sets in one export:
/// - the files people read and edit in Excel, with the import's own columns: each subject with the
///   state it was added with, and the later live entries (updates.csv); importing them into any
///   ledger adds what is missing;
/// - the whole truth, for a restore: every batch (author, recorded time, command, undo), every
///   subject's code, every entry (undone ones included) with the fields it set, every void.
///   `import all` of an export into an empty ledger replays these and gives back the same ledger:
///   every view, the log and `--as-recorded` alike.
public struct LedgerExport: Sendable {
    public struct File: Sendable {
        public let name: String
        public let table: Table
    }
    public let files: [File]
}

extension Ledger {
    public func export() throws -> LedgerExport {
        try read { db in
            var files = try ImportKind.loadOrder.map { kind in
                LedgerExport.File(name: kind.rawValue, table: Table(
                    columns: kind.columns.map { Column($0.key, $0.header) }, rows: try Self.exportRows(kind, in: db)))
            }
            files += try RestoreFile.allCases.map { file in
                LedgerExport.File(name: file.rawValue, table: Table(columns: file.columns.map { Column($0, $0) }, rows: try file.rows(in: db)))
            }
            return LedgerExport(files: files)
        }
    }

    private static func exportRows(_ kind: ImportKind, in db: Session) throws -> [[Cell]] {
        switch kind {
        case .zone:
            return try SessionRow.fetchAll(db, sql: "SELECT * FROM zone").map { [.text($0["name"]), .optional($0["report_day"] as Day?)] }
        case .parks, .parcels, .projects, .tenants, .milestones, .problems:
            return try addedSubjects(kind, in: db)
        case .figures:
            return try SessionRow.fetchAll(db, sql: """
                SELECT s.*, y.code AS park_code FROM live_figure s LEFT JOIN park y ON y.id = s.park_id ORDER BY s.id
                """).map { row in
                [.text(row["code"]), .text(label(FigureCategory.self, row["category"])), .text(row["metric"]), .optional(row["key"] as String?),
                 .optional(row["park_code"] as String?), .day(row["period_from"]), .day(row["period_to"]), .number(row["value"]), .text(row["unit"]),
                 .text((row["approximate"] as Bool) ? "是" : "否"), (row["yoy_percent"] as String?).map(Cell.number) ?? .empty,
                 .day(row["known_on"]), .optional(row["quote"] as String?)]
            }
        case .updates:
            return try SessionRow.fetchAll(db, sql: """
                SELECT e.*, b.author, b.recorded_at, \(SubjectNames.select)
                FROM live_entry e JOIN batch b ON b.id = e.batch_id \(SubjectNames.joins)
                WHERE e.action <> 'add' ORDER BY e.id
                """).map { row in
                let entry = try Entry(row: row)
                let status = entry.parcelStatus?.label ?? entry.tenantStatus?.label
                let reports: [Cell] = ["invested_month_yuan", "invested_ytd_yuan", "invested_total_yuan"].map { moneyCell(Int64.fromDatabaseValue(entry[$0])) }
                let plan: [Cell] = [.optional(Int64.fromDatabaseValue(entry["plan_year"])), moneyCell(Int64.fromDatabaseValue(entry["plan_investment_yuan"])),
                                    .optional(String.fromDatabaseValue(entry["plan_image"]))]
                // A problem's new deadline rides on its edit row's 到期 column, as a reschedule's does.
                let due = entry.action == .reschedule || entry.subject.kind == .problem ? entry.due?.text : nil
                let cells: [Cell] = [.text(row["subject_code"]), .day(entry.effectiveOn), .text(entry.action.label), .optional(entry.stage?.label),
                        .optional(entry.progress), .optional(status), .optional(due),
                        .optional(entry.note), .text(entry.correction ? "是" : "否"), .text(row["author"]), .text(row["recorded_at"]),
                        .optional(entry.action == .edit && !entry.fieldsSet.isEmpty ? try fieldTexts(entry, in: db) : nil)]
                return cells + reports + plan
            }
        }
    }

    /// Each live subject with the state its add entry gave it, in the kind's import columns.
    private static func addedSubjects(_ kind: ImportKind, in db: Session) throws -> [[Cell]] {
        guard let subjectKind = kind.subjectKind else { return [] }
        let layout = SpanLayout.of(subjectKind)
        let rows = try SessionRow.fetchAll(db, sql: """
            SELECT r.code, r.quote, a.* FROM \(subjectKind.table) r
            JOIN entry a ON a.id = (SELECT max(x.id) FROM live_entry x WHERE x.\(subjectKind.foreignKey) = r.id AND x.action = 'add')
            WHERE EXISTS (SELECT 1 FROM \(layout.table) s WHERE s.\(layout.key) = r.id AND s.recorded_to IS NULL)
            ORDER BY r.id
            """)
        return try rows.map { row in
            let entry = try Entry(row: row)
            return try kind.columns.map { column -> Cell in
                switch column.key {
                case "code": return .text(row["code"])
                case "quote": return .optional(row["quote"] as String?)
                case "on": return .day(entry.effectiveOn)
                case "note": return .optional(entry.note)
                case "stage": return .optional(entry.stage?.label)
                case "progress": return .optional(entry.progress)
                case "status": return .optional(entry.parcelStatus?.label ?? entry.tenantStatus?.label)
                case "due": return .optional(entry.due?.text)
                default:
                    if subjectKind.isAboutSubject, ["project", "parcel", "park", "tenant"].contains(column.key) {
                        return .optional(entry.subjectLink.flatMap { $0.kind.rawValue == column.key ? code($0.kind, $0.id, in: db) : nil })
                    }
                    guard let field = subjectKind.field(column.key) else { return .empty }
                    return try exportCell(field, entry[field], in: db)
                }
            }
        }
    }

    /// A field's stored value as the import reads it back: money in 万元, flags 是/否, links by code.
    static func exportCell(_ field: Field, _ value: DatabaseValue, in db: Session) throws -> Cell {
        if value.isNull { return field.type == .flag ? .text("否") : .empty }
        switch field.type {
        case .money: return .number(Money(yuan: Int64.fromDatabaseValue(value) ?? 0).wan)
        case .area: return areaCell(Int64.fromDatabaseValue(value))
        case .hundredths: return hundredthsCell(Int64.fromDatabaseValue(value))
        case .flag: return .text(Bool.fromDatabaseValue(value) == true ? "是" : "否")
        case .choice(let choice): return .text(choice.label(String.fromDatabaseValue(value)))
        case .link(let kind): return .optional(Int64.fromDatabaseValue(value).flatMap { code(kind, $0, in: db) })
        case .count: return .optional(Int64.fromDatabaseValue(value))
        default: return .optional(String.fromDatabaseValue(value))
        }
    }

    /// An edit's fields as the import's 修改内容: {"name": "甲", "investment": "90000万元", "park": "Y5"}.
    static func fieldTexts(_ entry: Entry, in db: Session) throws -> String {
        var object: [String: String] = [:]
        for field in entry.fieldsSet {
            let value = entry[field]
            let key = field.key == "subject" ? entry.subjectLink?.kind.rawValue ?? field.key : field.key
            object[key] = switch field.type {
            case .money: Money(yuan: Int64.fromDatabaseValue(value) ?? 0).wan + "万元"
            default: try exportCell(field, value, in: db).plain
            }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

extension ImportKind {
    var subjectKind: SubjectKind? {
        switch self {
        case .parks: .park
        case .parcels: .parcel
        case .projects: .project
        case .tenants: .tenant
        case .milestones: .milestone
        case .problems: .problem
        default: nil
        }
    }
}
