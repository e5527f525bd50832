import GRDB

/// A milestone as of a day: open, done or cancelled; its current due date; its reschedules.
public struct MilestoneStatus: Sendable {
    public var state: MilestoneState
    public var due: Day
    public var dueText: String
    public var reschedules: Int
    /// When it was done or cancelled, if it was.
    public var closedOn: Day?

    /// For writes, which check it once per milestone row of an import: only the columns that decide
    /// the status, by the same rules as `MilestoneQuery` (which also finds subjects and notes for listings).
    static func of(_ id: Int64, asOf day: Day, in db: Database) throws -> MilestoneStatus {
        guard let row = try Row.fetchOne(try db.cachedStatement(sql: statusSQL), arguments: ["day": day, "id": id]) else {
            throw LedgerError.data("节点 \(id) 在\(day.iso)尚未立下")
        }
        // The same columns as MilestoneQuery's, so the same mapping reads them.
        return MilestoneQuery.status(row)
    }

    private static let statusSQL: String = {
        let latest = { (column: String, actions: String) in
            """
            (SELECT \(column) FROM live_entry WHERE milestone_id = m.id AND action IN (\(actions)) AND effective_on <= :day
               ORDER BY effective_on DESC, id DESC LIMIT 1)
            """
        }
        let closing = "'done', 'cancel', 'reopen'", reschedule = "'reschedule'"
        return """
            SELECT m.due_on, m.due_text, \(latest("action", closing)) AS closing_action, \(latest("effective_on", closing)) AS closing_on,
              \(latest("due_on", reschedule)) AS rescheduled_due_on, \(latest("due_text", reschedule)) AS rescheduled_due_text,
              (SELECT count(*) FROM live_entry WHERE milestone_id = m.id AND action = 'reschedule' AND effective_on <= :day) AS reschedules
            FROM milestone m
            WHERE m.id = :id AND EXISTS (SELECT 1 FROM live_entry WHERE milestone_id = m.id AND action = 'add' AND effective_on <= :day)
            """
    }()
}
