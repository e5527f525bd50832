import GRDB

/// Milestones as they stood on a day, derived from their entries in one query:
/// the last done/cancel/reopen decides the state, the last reschedule the due date.
enum MilestoneQuery {
    static func sql(where condition: String = "1") -> String {
        """
        SELECT m.*, coalesce(p.code, l.code, y.code, t.code) AS subject_code,
          coalesce(p.name, l.name, y.name, t.name) AS subject_name,
          CASE WHEN m.project_id IS NOT NULL THEN 'project' WHEN m.parcel_id IS NOT NULL THEN 'parcel'
               WHEN m.park_id IS NOT NULL THEN 'park' ELSE 'tenant' END AS subject_kind,
          coalesce(p.department, m.department) AS responsible,
          (SELECT effective_on FROM live_entry WHERE milestone_id = m.id AND action = 'add') AS created_on,
          (SELECT action FROM live_entry WHERE milestone_id = m.id AND action IN ('done', 'cancel', 'reopen')
             AND effective_on <= :day ORDER BY effective_on DESC, id DESC LIMIT 1) AS closing_action,
          (SELECT effective_on FROM live_entry WHERE milestone_id = m.id AND action IN ('done', 'cancel', 'reopen')
             AND effective_on <= :day ORDER BY effective_on DESC, id DESC LIMIT 1) AS closing_on,
          (SELECT due_on FROM live_entry WHERE milestone_id = m.id AND action = 'reschedule' AND effective_on <= :day
             ORDER BY effective_on DESC, id DESC LIMIT 1) AS rescheduled_due_on,
          (SELECT due_text FROM live_entry WHERE milestone_id = m.id AND action = 'reschedule' AND effective_on <= :day
             ORDER BY effective_on DESC, id DESC LIMIT 1) AS rescheduled_due_text,
          (SELECT count(*) FROM live_entry WHERE milestone_id = m.id AND action = 'reschedule' AND effective_on <= :day) AS reschedules,
          (SELECT effective_on || '|' || note FROM live_entry
             WHERE (milestone_id = m.id OR project_id = m.project_id OR parcel_id = m.parcel_id OR park_id = m.park_id OR tenant_id = m.tenant_id)
               AND note IS NOT NULL AND effective_on <= :day
             ORDER BY effective_on DESC, id DESC LIMIT 1) AS latest_noted
        FROM milestone m
          LEFT JOIN project p ON p.id = m.project_id LEFT JOIN parcel l ON l.id = m.parcel_id
          LEFT JOIN park y ON y.id = m.park_id LEFT JOIN tenant t ON t.id = m.tenant_id
        WHERE \(existed("milestone", "m")) AND \(condition)
        """
    }

    static func status(_ row: Row) -> MilestoneStatus {
        let closing: String? = row["closing_action"]
        let state: MilestoneState = closing == "done" ? .done : closing == "cancel" ? .cancelled : .open
        return MilestoneStatus(
            state: state,
            due: row["rescheduled_due_on"] ?? row["due_on"],
            dueText: row["rescheduled_due_text"] ?? row["due_text"],
            reschedules: row["reschedules"],
            closedOn: state == .open ? nil : row["closing_on"])
    }
}

extension Ledger {
    public func listMilestones(asOf day: Day, state: MilestoneState? = nil) throws -> Table {
        try read { db in try Self.milestones(asOf: day, state: state, subject: nil, in: db) }
    }

    static func milestones(asOf day: Day, state: MilestoneState?, subject: SubjectID?, in db: Database) throws -> Table {
            let condition = subject.map { "m.\($0.kind.foreignKey) = \($0.id)" } ?? "1"
            let rows = try Row.fetchAll(db, sql: MilestoneQuery.sql(where: condition), arguments: ["day": day])
            let shown = rows.map { ($0, MilestoneQuery.status($0)) }.filter { state == nil || $0.1.state == state }
                .sorted { ($0.1.due, $0.0["id"] as Int64) < ($1.1.due, $1.0["id"] as Int64) }
            return Table(columns: [
                Column("code", "编号"), Column("subject", "对象"), Column("title", "节点"),
                Column("due_text", "到期(原话)"), Column("due_on", "到期日"), Column("state", "状态"),
                Column("reschedules", "改期", numeric: true), Column("original_due_on", "原定到期"), Column("closed_on", "完成/取消日"),
            ], rows: shown.map { row, status in
                [.text(row["code"]), .text("\(row["subject_code"] as String) \(row["subject_name"] as String)"), .text(row["title"]),
                 .text(status.dueText), .day(status.due), .text(status.state.label), .integer(Int64(status.reschedules)),
                 status.reschedules > 0 ? .day(row["due_on"]) : .empty, .optional(status.closedOn)]
            })
    }
}
