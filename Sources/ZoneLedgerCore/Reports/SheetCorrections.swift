import GRDB

/// 更正: what was recorded after the month ended that changes the month's sheet: entries and
/// figures effective by the sheet's day, and undos of such entries, written by commands whose day
/// of recording is after the month's last day. Imports and the seeding are loads of earlier
/// records, not corrections, and are left out. So the sheet regenerated today says how it differs
/// from the one handed out when the month closed, and `--as-recorded` before a correction shows
/// the sheet without it (and without this line).
enum SheetCorrections {
    static let columns = [
        Column("recorded_at", "记录时间", "Recorded at"), Column("author", "记录人", "By"),
        Column("effective_on", "生效日期", "Effective"), Column("subject", "对象", "Subject"),
        Column("action", "动作", "Action", choice: true), Column("change", "内容", "Change"),
    ]

    static func section(month: Month, _ view: Viewpoint, in db: Session) throws -> MonthlySheet.Section {
        // Commands recorded after the month's last day (by the local day they were recorded on), and
        // known at the view's moment.
        let after = view.arguments + ["last": month.last]
        let commands = "SELECT id FROM batch c WHERE c.part_of IS NULL AND substr(c.recorded_at, 1, 10) > :last"
            + " AND c.command <> 'init' AND lower(c.command) NOT LIKE 'import%'" + (view.threshold == nil ? "" : " AND c.id <= :rec")
        var rows: [[Cell]] = []
        // The batches first, then their entries batch by batch through the entry_batch index. In one
        // join, PostgreSQL's planner took the batches' share of the entries as even and joined every
        // entry before filtering (1.7 s at zone scale, where one import holds them all, for no rows).
        let later = try Int64.fetchAll(db, sql: "SELECT id FROM batch WHERE id IN (\(commands)) OR part_of IN (\(commands)) ORDER BY id",
                                       arguments: after)
        let ofBatch = try db.cachedStatement(sql: """
            SELECT e.*, b.recorded_at AS recorded, b.author AS recorder, \(SubjectNames.select)
            FROM entry e JOIN batch b ON b.id = e.batch_id \(SubjectNames.joins(view))
            WHERE e.batch_id = :batch AND e.effective_on <= :day AND \(view.liveEntry("e"))
            ORDER BY e.id
            """)
        var entries: [SessionRow] = []
        for batch in later { entries += try SessionRow.fetchAll(ofBatch, arguments: after + ["batch": batch]) }
        for row in entries {
            let entry = try Entry(row: row)
            let text = [try EntryText.summary(entry, view: view, in: db), entry.note ?? ""].filter { !$0.isEmpty }.joined(separator: "；")
            rows.append([.text(row["recorded"]), .text(row["recorder"]), .day(entry.effectiveOn),
                         .text("\(row["subject_code"] as String? ?? "") \(row["subject_name"] as String? ?? "")"),
                         .choice(key: entry.action.rawValue, label: entry.action.label(for: entry.subject.kind)), .text(text)])
        }
        // Undos recorded later that took back entries effective by the day.
        let undone = try SessionRow.fetchAll(db, sql: """
            SELECT e.*, u.recorded_at AS recorded, u.author AS recorder, \(SubjectNames.select)
            FROM entry_void v JOIN batch u ON u.id = v.batch_id JOIN entry e ON e.id = v.entry_id \(SubjectNames.joins(view))
            WHERE v.batch_id IN (\(commands)) AND e.effective_on <= :day
            ORDER BY v.batch_id, e.id
            """, arguments: after)
        for row in undone {
            let entry = try Entry(row: row)
            rows.append([.text(row["recorded"]), .text(row["recorder"]), .day(entry.effectiveOn),
                         .text("\(row["subject_code"] as String? ?? "") \(row["subject_name"] as String? ?? "")"),
                         .choice(key: "undo", label: "撤销"), .text("撤销\(entry.action.label(for: entry.subject.kind))记录 #\(entry.id ?? 0)")])
        }
        let figures = try SessionRow.fetchAll(db, sql: """
            SELECT f.code, f.metric, f.value, f.unit, f.known_on, b.recorded_at, b.author FROM figure f JOIN batch b ON b.id = f.batch_id
            WHERE f.batch_id IN (\(commands)) AND \(view.liveFigure("f"))
            ORDER BY f.batch_id, f.id
            """, arguments: after)
        for row in figures {
            rows.append([.text(row[5]), .text(row[6]), .day(row[4]), .text("数据 \(row[0] as String)"), .choice(key: EntryAction.add.rawValue, label: EntryAction.add.label),
                         .text("\(row[1] as String)：\(row[2] as String)\(row[3] as String)")])
        }
        // By time of recording; rows of one command keep their order.
        rows = rows.enumerated().sorted { ($0.element[0].plain, $0.offset) < ($1.element[0].plain, $1.offset) }.map(\.element)
        return .init(key: "corrections", title: "更正（月末之后记录）", english: "Corrections recorded after the month",
                     table: Table(columns: columns, rows: rows))
    }
}
