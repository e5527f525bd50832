import GRDB

/// Filters for the history; every matching entry, newest first.
public struct HistoryQuery: Sendable {
    public var subject: String?
    public var since: Day?
    public var until: Day?
    public var limit: Int?
    public init() {}
}

extension Ledger {
    public func history(_ query: HistoryQuery) throws -> Table {
        try read { db in
            try Self.history(query, subject: try query.subject.map { try References.resolveAny($0, in: db) }, in: db)
        }
    }

    static func history(_ query: HistoryQuery, subject: Subject?, in db: Session) throws -> Table {
        // Exactly the subject's own entries: `log REF` answers "what was recorded about this".
        let filter = subject.map { "e.\($0.kind.foreignKey) = :subject" } ?? PortableSQL.always
        let rows = try SessionRow.fetchAll(db, sql: """
            SELECT e.*, b.recorded_at, b.author, b.command, u.recorded_at || ' ' || u.author AS voided_by, \(SubjectNames.select)
            FROM entry e JOIN batch b ON b.id = e.batch_id
              LEFT JOIN entry_void v ON v.entry_id = e.id LEFT JOIN batch u ON u.id = v.batch_id
              \(SubjectNames.joins)
            WHERE \(filter) AND (\(PortableSQL.isNull("since", .text)) OR e.effective_on >= :since)
              AND (\(PortableSQL.isNull("until", .text)) OR e.effective_on <= :until)
            ORDER BY e.effective_on DESC, e.id DESC
            LIMIT :limit
            """, arguments: ["subject": subject?.id, "since": query.since, "until": query.until, "limit": query.limit.map(Int64.init) ?? PortableSQL.noLimit])
        return Table(columns: [
            Column("id", "序号", numeric: true), Column("effective_on", "生效日期"), Column("subject", "对象"),
            Column("action", "动作", choice: true), Column("change", "内容"), Column("note", "说明"), Column("correction", "更正"),
            Column("author", "记录人"), Column("recorded_at", "记录时间"), Column("voided_by", "已撤销(时间 撤销人)"),
        ], rows: try rows.map { row in
            let entry = try Entry(row: row)
            return [.integer(entry.id ?? 0), .day(entry.effectiveOn), .text("\(row["subject_code"] as String? ?? "") \(row["subject_name"] as String? ?? "")"),
                    .choice(key: entry.action.rawValue, label: entry.action.label(for: entry.subject.kind)), .text(try EntryText.summary(entry, in: db)),
                    .optional(entry.note), .flag(entry.correction),
                    .text(row["author"]), .text(row["recorded_at"]), .optional(row["voided_by"] as String?)]
        })
    }
}
