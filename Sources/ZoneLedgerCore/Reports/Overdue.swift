import GRDB

public struct OverdueQuery: Sendable {
    public var asOf: Day
    /// With a number: also the open milestones due within that many days (预警).
    public var within: Int?
    public var kind: SubjectKind?
    public var park: String?
    /// A moment of recording: the report as the ledger stood then.
    public var recorded: RecordedAt?
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
    public var state: MilestoneState = .open
    public var closedOn: Day?
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
    /// Open problems past their deadline (存在问题), in their own part.
    public var problems: [ProblemLine] = []
    public var isEmpty: Bool { overdue.isEmpty && dueSoon.isEmpty && behind.isEmpty && problems.isEmpty }
}

/// The overdue report as streams (see `Ledger.withOverdue`): due soon only with --within,
/// behind only when projects are in scope.
public struct OverdueStreams {
    public var asOf: Day
    public var within: Int?
    public var overdue: RowStream
    public var dueSoon: RowStream?
    public var behind: RowStream?
    /// Problems past their deadline: unless --kind names a kind of milestone subject.
    public var problems: RowStream?
    /// The same rows as lines, for reports built in the core.
    let lines: OverdueLines
}

extension Ledger {
    public func overdue(_ query: OverdueQuery) throws -> OverdueReport {
        try withOverdue(query) { streams in
            var report = OverdueReport(asOf: query.asOf, within: query.within, overdue: [], dueSoon: [], behind: [])
            try streams.lines.overdue { report.overdue.append($0) }
            try streams.lines.dueSoon? { report.dueSoon.append($0) }
            try streams.lines.behind? { report.behind.append($0) }
            try streams.lines.problems? { report.problems.append($0) }
            return report
        }
    }

    /// The same report as streams, handed to `body` inside the read: rows come one at a time,
    /// so a province's overdue list needs no more memory than a zone's.
    public func withOverdue<T>(_ query: OverdueQuery, _ body: (OverdueStreams) throws -> T) throws -> T {
        try read(at: AsOf(query.asOf, recorded: query.recorded)) { db, view in
            guard query.within.map({ $0 >= 0 }) ?? true else { throw LedgerError.usage("--within 应为不小于0的天数") }
            let park = try query.park.map { try References.resolve($0, kind: .park, in: db).id }
            let lines = OverdueLines(query: query, view: view, park: park, db: db)
            return try body(OverdueStreams(
                asOf: query.asOf, within: query.within,
                overdue: RowStream(columns: OverdueTables.overdueColumns) { row in try lines.overdue { try row(OverdueTables.cells($0)) } },
                dueSoon: lines.dueSoon.map { each in
                    RowStream(columns: OverdueTables.dueSoon([]).columns) { row in try each { try row(OverdueTables.dueSoonCells($0)) } }
                },
                behind: lines.behind.map { each in
                    RowStream(columns: OverdueTables.behind([]).columns) { row in try each { try row(OverdueTables.cells($0)) } }
                },
                problems: lines.problems.map { each in
                    RowStream(columns: ProblemTables.columns) { row in try each { try row(ProblemTables.cells($0, on: view.day)) } }
                },
                lines: lines))
        }
    }
}

/// The overdue report's three lists, each read when asked for.
public struct OverdueLines {
    let query: OverdueQuery
    let view: Viewpoint
    let park: Int64?
    let db: Session

    /// Open milestones due before the as-of day, most overdue first (none when only problems are asked for).
    func overdue(_ body: (MilestoneLine) throws -> Void) throws {
        guard query.kind != .problem else { return }
        try MilestoneRows.each(MilestoneRows.sql(.openDue(from: nil, to: view.day.adding(days: -1)), view, filter: MilestoneRows.filter(kind: query.kind, park: park, view)),
                               MilestoneRows.arguments(view, to: view.day.adding(days: -1), park: park), asOf: view.day, in: db, body)
    }

    /// With --within: open milestones due from the as-of day to that many days later, soonest first.
    var dueSoon: (((MilestoneLine) throws -> Void) throws -> Void)? {
        guard let within = query.within, query.kind != .problem else { return nil }
        return { body in
            let to = view.day.adding(days: within)
            try MilestoneRows.each(MilestoneRows.sql(.openDue(from: view.day, to: to), view, filter: MilestoneRows.filter(kind: query.kind, park: park, view)),
                                   MilestoneRows.arguments(view, from: view.day, to: to, park: park), asOf: view.day, in: db, body)
        }
    }

    /// Projects below the straight line from planned start to planned completion, when projects are in scope.
    var behind: (((BehindLine) throws -> Void) throws -> Void)? {
        guard query.kind == nil || query.kind == .project else { return nil }
        return { body in try Ledger.eachBehind(view, park: park, in: db, body) }
    }

    /// Open problems past their deadline, longest overdue first: with every kind, or `--kind problem`.
    var problems: (((ProblemLine) throws -> Void) throws -> Void)? {
        guard query.kind == nil || query.kind == .problem else { return nil }
        return { body in for line in try Ledger.overdueProblems(view, park: park, in: db) { try body(line) } }
    }
}

extension Ledger {
    /// Projects below the straight line from planned start to planned completion, in code order.
    static func eachBehind(_ view: Viewpoint, park: Int64?, in db: Session, _ body: (BehindLine) throws -> Void) throws {
        let rows = try SessionRow.fetchCursor(try db.cachedStatement(sql: """
            SELECT p.code, s.name, s.planned_start, s.planned_completion, s.department, s.stage, s.progress, s.valid_from, n.note
            FROM project p \(view.span(.project, "s", of: "p.id")) LEFT JOIN entry n ON n.id = s.note_entry
            WHERE s.planned_start IS NOT NULL AND s.planned_completion IS NOT NULL AND s.planned_start < :day
              AND (\(PortableSQL.isNull("park", .integer)) OR s.park_id = :park)
            ORDER BY p.id
            """), arguments: view.arguments + ["park": park])
        while let row = try rows.next() {
            guard var line = BehindLine(code: row[0], name: row[1], plannedStart: row[2], plannedCompletion: row[3],
                                        stage: row[5], progress: row[6], asOf: view.day) else { continue }
            line.latestOn = row[7]
            line.latestNote = row[8]
            line.department = row[4]
            try body(line)
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
