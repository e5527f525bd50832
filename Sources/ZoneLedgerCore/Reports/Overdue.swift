import GRDB

public struct OverdueQuery: Sendable {
    public var asOf: Day
    /// With a number: also the open milestones due within that many days (预警).
    public var within: Int?
    public var kind: SubjectKind?
    public var park: String?
    public init(asOf: Day) { self.asOf = asOf }
}

/// An open milestone on the overdue or due-soon list.
public struct MilestoneLine: Sendable, Equatable {
    public var code: String
    public var title: String
    public var subjectKind: SubjectKind
    public var subjectCode: String
    public var subjectName: String
    public var dueText: String
    public var dueOn: Day
    public var originalDueText: String
    public var originalDueOn: Day
    public var reschedules: Int
    /// Days past due on the as-of day (negative: days left).
    public var daysOverdue: Int
    public var latestOn: Day?
    public var latestNote: String?
    public var department: String?
}

/// A project whose progress is below the straight line from planned start to planned completion.
public struct BehindLine: Sendable, Equatable {
    public var code: String
    public var name: String
    public var plannedStart: Day
    public var plannedCompletion: Day
    public var expectedPercent: Int
    public var progress: Int
    public var latestOn: Day?
    public var latestNote: String?
    public var department: String?
}

extension MilestoneLine {
    /// Most overdue first; ties in code order as people count (M2 before M10).
    static func mostOverdueFirst(_ lines: [MilestoneLine]) -> [MilestoneLine] {
        lines.sorted { ($0.daysOverdue, $1.code.count, $1.code) > ($1.daysOverdue, $0.code.count, $0.code) }
    }
}

public struct OverdueReport: Sendable, Equatable {
    public var asOf: Day
    public var within: Int?
    public var overdue: [MilestoneLine]
    public var dueSoon: [MilestoneLine]
    public var behind: [BehindLine]
    public var isEmpty: Bool { overdue.isEmpty && dueSoon.isEmpty && behind.isEmpty }
}

extension Ledger {
    public func overdue(_ query: OverdueQuery) throws -> OverdueReport {
        try read { db in try Self.overdue(query, in: db) }
    }

    static func overdue(_ query: OverdueQuery, in db: Database) throws -> OverdueReport {
        guard query.within.map({ $0 >= 0 }) ?? true else { throw LedgerError.usage("--within 应为不小于0的天数") }
        let parkID = try query.park.map { try References.resolve($0, kind: .park, in: db).id }
        let lines = try openMilestones(asOf: query.asOf, kind: query.kind, park: parkID, in: db)
        let overdue = MilestoneLine.mostOverdueFirst(lines.filter { $0.dueOn < query.asOf })
        let horizon = query.within.map { query.asOf.adding(days: $0) }
        let soon = horizon.map { end in lines.filter { $0.dueOn >= query.asOf && $0.dueOn <= end }.sorted { ($0.dueOn, $0.code.count, $0.code) < ($1.dueOn, $1.code.count, $1.code) } } ?? []
        let behind = query.kind == nil || query.kind == .project ? try behindProjects(asOf: query.asOf, park: parkID, in: db) : []
        return OverdueReport(asOf: query.asOf, within: query.within, overdue: overdue, dueSoon: soon, behind: behind)
    }

    /// Open milestones as of the day, filtered by subject kind and park (a park's own, its tenants',
    /// its projects', and the parcels of its projects).
    static func openMilestones(asOf day: Day, kind: SubjectKind?, park: Int64?, in db: Database) throws -> [MilestoneLine] {
        var conditions = ["1"]
        if let kind { conditions.append("m.\(kind.foreignKey) IS NOT NULL") }
        if park != nil {
            conditions.append("""
                (m.park_id = :park OR t.park_id = :park OR p.park_id = :park
                 OR m.parcel_id IN (SELECT parcel_id FROM project WHERE park_id = :park AND parcel_id IS NOT NULL))
                """)
        }
        let rows = try Row.fetchAll(db, sql: MilestoneQuery.sql(where: conditions.joined(separator: " AND ")),
                                    arguments: ["day": day, "park": park])
        return openLines(rows, asOf: day, edits: try EditOverrides(after: day, in: db))
    }

    /// The open milestones among rows of `MilestoneQuery`, as lines for the overdue list and the sheet.
    static func openLines(_ rows: [Row], asOf day: Day, edits: EditOverrides) -> [MilestoneLine] {
        rows.compactMap { row -> MilestoneLine? in
            let status = MilestoneQuery.status(row)
            guard status.state == .open, let kind = SubjectKind(rawValue: row["subject_kind"]) else { return nil }
            let subject = SubjectID(kind: kind, id: row[kind.foreignKey])
            // "2020-11-30|说明": the latest note about the milestone or its subject, read in the same query.
            let noted = (row["latest_noted"] as String?).map { $0.split(separator: "|", maxSplits: 1).map(String.init) }
            let latest = noted.flatMap { parts in parts.count == 2 ? Day(iso: parts[0]).map { (day: $0, note: parts[1]) } : nil }
            let milestone = SubjectID(kind: .milestone, id: row["id"])
            return MilestoneLine(
                code: row["code"], title: edits.text(milestone, "title", row["title"]) ?? "", subjectKind: kind,
                subjectCode: row["subject_code"], subjectName: edits.text(subject, "name", row["subject_name"]) ?? "", dueText: status.dueText, dueOn: status.due,
                originalDueText: row["due_text"], originalDueOn: row["due_on"], reschedules: status.reschedules,
                daysOverdue: status.due.days(until: day), latestOn: latest?.day, latestNote: latest?.note,
                department: row["responsible"])
        }
    }

    /// Projects below the straight line from planned start to planned completion.
    /// Exact: progress × span < elapsed × 100, in whole days, no floating point.
    static func behindProjects(asOf day: Day, park: Int64?, in db: Database) throws -> [BehindLine] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT p.*, \(latest("stage", "project")), \(latest("progress", "project")), \(latestNote("project"))
            FROM project p
            WHERE p.planned_start IS NOT NULL AND p.planned_completion IS NOT NULL AND p.planned_start < :day
              AND (:park IS NULL OR p.park_id = :park) AND \(existed("project", "p"))
            ORDER BY p.id
            """, arguments: ["day": day, "park": park])
        let edits = try EditOverrides(after: day, in: db)
        return rows.compactMap { row in
            let stage = (row["stage"] as String?).flatMap(ProjectStage.init(rawValue:))
            guard stage != .completed, stage != .operating else { return nil }
            let project = SubjectID(kind: .project, id: row["id"])
            guard let start = edits.day(project, "planned_start", row["planned_start"]),
                  let end = edits.day(project, "planned_completion", row["planned_completion"]), start < day else { return nil }
            let span = max(1, start.days(until: end))
            let elapsed = min(span, start.days(until: day))
            let progress = (row["progress"] as Int?) ?? 0
            guard progress * span < elapsed * 100 else { return nil }
            return BehindLine(code: row["code"], name: edits.text(project, "name", row["name"]) ?? "", plannedStart: start, plannedCompletion: end,
                              expectedPercent: elapsed * 100 / span, progress: progress,
                              latestOn: row["latest_on"], latestNote: row["latest_note"], department: row["department"])
        }
    }
}
