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

/// The overdue report as streams (see `Ledger.withOverdue`): due soon only with --within,
/// behind only when projects are in scope.
public struct OverdueStreams {
    public var asOf: Day
    public var within: Int?
    public var overdue: RowStream
    public var dueSoon: RowStream?
    public var behind: RowStream?
}

extension Ledger {
    public func overdue(_ query: OverdueQuery) throws -> OverdueReport {
        try read { db in
            let parkID = try Self.checkedPark(query, in: db)
            let edits = try EditOverrides(after: query.asOf, in: db)
            var report = OverdueReport(asOf: query.asOf, within: query.within, overdue: [], dueSoon: [], behind: [])
            try Self.eachOverdue(query, park: parkID, edits: edits, in: db) { report.overdue.append($0) }
            try Self.eachDueSoon(query, park: parkID, edits: edits, in: db) { report.dueSoon.append($0) }
            if query.kind == nil || query.kind == .project {
                try Self.eachBehind(asOf: query.asOf, park: parkID, edits: edits, in: db) { report.behind.append($0) }
            }
            return report
        }
    }

    /// The same report as streams, handed to `body` inside the read: rows come one at a time,
    /// so a province's overdue list needs no more memory than a zone's.
    public func withOverdue<T>(_ query: OverdueQuery, _ body: (OverdueStreams) throws -> T) throws -> T {
        try read { db in
            let parkID = try Self.checkedPark(query, in: db)
            let edits = try EditOverrides(after: query.asOf, in: db)
            let lines = { (each: @escaping (OverdueQuery, Int64?, EditOverrides, Database, (MilestoneLine) throws -> Void) throws -> Void, table: Table) in
                RowStream(columns: table.columns) { row in try each(query, parkID, edits, db) { try row(OverdueTables.cells($0)) } }
            }
            let dueSoonColumns = OverdueTables.dueSoon([]).columns
            return try body(OverdueStreams(
                asOf: query.asOf, within: query.within,
                overdue: lines(Self.eachOverdue, OverdueTables.overdue([])),
                dueSoon: query.within == nil ? nil : RowStream(columns: dueSoonColumns) { row in
                    try Self.eachDueSoon(query, park: parkID, edits: edits, in: db) { try row(OverdueTables.dueSoonCells($0)) }
                },
                behind: query.kind == nil || query.kind == .project ? RowStream(columns: OverdueTables.behind([]).columns) { row in
                    try Self.eachBehind(asOf: query.asOf, park: parkID, edits: edits, in: db) { try row(OverdueTables.cells($0)) }
                } : nil))
        }
    }

    private static func checkedPark(_ query: OverdueQuery, in db: Database) throws -> Int64? {
        guard query.within.map({ $0 >= 0 }) ?? true else { throw LedgerError.usage("--within 应为不小于0的天数") }
        return try query.park.map { try References.resolve($0, kind: .park, in: db).id }
    }

    /// Open milestones due before the as-of day, most overdue first.
    static func eachOverdue(_ query: OverdueQuery, park: Int64?, edits: EditOverrides, in db: Database,
                            _ body: (MilestoneLine) throws -> Void) throws {
        try OpenMilestones.each(OpenMilestones.sql(where: OpenMilestones.filter(kind: query.kind, park: park)),
                                OpenMilestones.arguments(day: query.asOf, from: nil, to: query.asOf.adding(days: -1), park: park),
                                asOf: query.asOf, edits: edits, in: db, body)
    }

    /// With --within: open milestones due from the as-of day to that many days later, soonest first.
    static func eachDueSoon(_ query: OverdueQuery, park: Int64?, edits: EditOverrides, in db: Database,
                            _ body: (MilestoneLine) throws -> Void) throws {
        guard let within = query.within else { return }
        try OpenMilestones.each(OpenMilestones.sql(where: OpenMilestones.filter(kind: query.kind, park: park)),
                                OpenMilestones.arguments(day: query.asOf, from: query.asOf, to: query.asOf.adding(days: within), park: park),
                                asOf: query.asOf, edits: edits, in: db, body)
    }

    /// Projects below the straight line from planned start to planned completion, in code order.
    static func eachBehind(asOf day: Day, park: Int64?, edits: EditOverrides, in db: Database,
                           _ body: (BehindLine) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.id, p.code, p.name, p.planned_start, p.planned_completion, p.department,
              \(latest("stage", "project")), \(latest("progress", "project")), \(latestNote("project"))
            FROM project p
            WHERE p.planned_start IS NOT NULL AND p.planned_completion IS NOT NULL AND p.planned_start < :day
              AND (:park IS NULL OR p.park_id = :park) AND \(existed("project", "p"))
            ORDER BY p.id
            """, arguments: ["day": day, "park": park])
        while let row = try rows.next() {
            let project = SubjectID(kind: .project, id: row[0])
            guard let start = edits.day(project, "planned_start", row[3]), let end = edits.day(project, "planned_completion", row[4]),
                  let line = BehindLine(code: row[1], name: edits.text(project, "name", row[2]) ?? "", plannedStart: start,
                                        plannedCompletion: end, stage: row[6], progress: row[7], asOf: day)
            else { continue }
            var behind = line
            behind.latestOn = row[8]
            behind.latestNote = row[9]
            behind.department = row[5]
            try body(behind)
        }
    }
}

extension BehindLine {
    /// Behind, or nil: not started by the day, finished (竣工/投产), or on or above the line.
    /// Exact: progress × span < elapsed × 100, in whole days, no floating point.
    init?(code: String, name: String, plannedStart start: Day, plannedCompletion end: Day, stage: String?, progress: Int?, asOf day: Day) {
        let stage = stage.flatMap(ProjectStage.init(rawValue:))
        guard stage != .completed, stage != .operating, start < day else { return nil }
        let span = max(1, start.days(until: end))
        let elapsed = min(span, start.days(until: day))
        let progress = progress ?? 0
        guard progress * span < elapsed * 100 else { return nil }
        self.init(code: code, name: name, plannedStart: start, plannedCompletion: end, expectedPercent: elapsed * 100 / span,
                  progress: progress, latestOn: nil, latestNote: nil, department: nil)
    }
}
