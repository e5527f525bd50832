import GRDB

/// One problem a check found.
public struct CheckProblem: Sendable, Equatable, CustomStringConvertible {
    public let check: String
    public let message: String
    public var description: String { "\(check): \(message)" }
}

/// The named checks `zoneledger check` runs; each is silent when all is well.
public enum LedgerCheck: String, CaseIterable, Sendable {
    case integrity, foreignKeys = "foreign-keys", positive, milestoneDates = "milestone-dates",
         parkTenants = "park-tenants", futureEntries = "future-entries", statusOrder = "status-order",
         seedQuotes = "seed-quotes", spans

    public var summary: String {
        switch self {
        case .integrity: "SQLite 完整性（PRAGMA integrity_check）"
        case .foreignKeys: "外键（PRAGMA foreign_key_check）"
        case .positive: "面积、金额、容积率为正"
        case .milestoneDates: "节点不在立下之前完成或取消"
        case .parkTenants: "园区在册企业数不超过报告的企业数"
        case .futureEntries: "没有生效日期在今天之后的记录"
        case .statusOrder: "阶段和状态只前进，倒退须标为更正"
        case .seedQuotes: "报告原文仍与内置的工作报告一致"
        case .spans: "派生状态（span）与由历史记录重建的一致"
        }
    }
}

extension Ledger {
    /// Replaces the spans with the ones the entries give (`check spans` names any that differ).
    /// Returns the number of subjects.
    public func rebuildSpans(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Int {
        try write { db in try SpanHistory.rebuildAll(in: db, progress: progress) }
    }

    public func check(_ checks: [LedgerCheck] = LedgerCheck.allCases, today: Day) throws -> [CheckProblem] {
        try read { db in
            try checks.flatMap { check in try Self.run(check, today: today, in: db).map { CheckProblem(check: check.rawValue, message: $0) } }
        }
    }

    static func run(_ check: LedgerCheck, today: Day, in db: Session) throws -> [String] {
        switch check {
        // A PostgreSQL server keeps its own pages whole and checks every foreign key as it writes
        // (it cannot be switched off there): these two are SQLite's file, and pass on PostgreSQL.
        case .integrity:
            guard !db.isPostgres else { return [] }
            return try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        case .foreignKeys:
            guard !db.isPostgres else { return [] }
            return try SessionRow.fetchAll(db, sql: "PRAGMA foreign_key_check").map {
                "\($0[0] as String) 第\($0[1] as Int64)行引用了不存在的 \($0[2] as String)"
            }
        case .positive:
            // Parks, then parcels, then projects, each in id order.
            return try String.fetchAll(db, sql: """
                SELECT problem FROM (
                  SELECT DISTINCT 1 AS part, y.id AS subject, y.code || ' 面积、金额或容积率不为正' AS problem
                  FROM park_span s JOIN park y ON y.id = s.park_id
                  WHERE s.area_mu_hundredths <= 0 OR s.investment_yuan <= 0 OR s.plot_ratio_hundredths <= 0 OR s.floor_area_m2 <= 0
                    OR s.expected_output_yuan <= 0 OR s.expected_tax_yuan <= 0
                  UNION ALL SELECT DISTINCT 2, l.id, l.code || ' 面积不为正' FROM parcel_span s JOIN parcel l ON l.id = s.parcel_id
                  WHERE s.area_mu_hundredths <= 0
                  UNION ALL SELECT DISTINCT 3, p.id, p.code || ' 总投资不为正' FROM project_span s JOIN project p ON p.id = s.project_id
                  WHERE s.investment_yuan <= 0) AS found
                ORDER BY part, subject
                """)
        case .milestoneDates:
            return try String.fetchAll(db, sql: """
                SELECT m.code || ' 于' || a.effective_on || '立下，却在' || e.effective_on || '记为' ||
                       CASE e.action WHEN 'done' THEN '完成' ELSE '取消' END
                FROM live_entry e JOIN milestone m ON m.id = e.milestone_id
                  JOIN live_entry a ON a.milestone_id = e.milestone_id AND a.action = 'add'
                WHERE e.action IN ('done', 'cancel') AND e.effective_on < a.effective_on
                ORDER BY e.effective_on, e.id
                """)
        case .parkTenants:
            return try parkTenantProblems(in: db)
        case .futureEntries:
            return try String.fetchAll(db, sql: "SELECT '记录 #' || id || ' 生效于 ' || effective_on || '，晚于今天' FROM live_entry WHERE effective_on > ? ORDER BY id",
                                       arguments: [today])
        case .statusOrder:
            return try statusOrderProblems(in: db)
        case .spans:
            return try SpanHistory.mismatches(in: db).map { subject, problem in
                "\(try SubjectNames.listing(subject, in: db))：\(problem)（运行 zoneledger rebuild 可由历史记录重建）"
            }
        case .seedQuotes:
            let report = SeedLoader.report
            var problems: [String] = []
            for table in SubjectKind.allCases.map(\.table) + ["figure"] {
                for row in try SessionRow.fetchAll(db, sql: "SELECT code, quote FROM \(table) WHERE quote IS NOT NULL ORDER BY id") {
                    let quote: String = row["quote"]
                    for line in quote.split(separator: "\n") where !report.contains(line) {
                        problems.append("\(row["code"] as String) 的报告原文不在工作报告中：\(line.prefix(30))")
                    }
                }
            }
            return problems
        }
    }

    /// Itemised tenants of a park may not outnumber the enterprises the report counted there.
    private static func parkTenantProblems(in db: Session) throws -> [String] {
        try SessionRow.fetchAll(db, sql: """
            SELECT y.code, ys.name, f.metric, f.value,
              (SELECT count(*) FROM tenant_span t WHERE t.park_id = y.id AND t.recorded_to IS NULL AND t.valid_to IS NULL) AS listed
            FROM live_figure f JOIN park y ON y.id = f.park_id
              JOIN park_span ys ON ys.park_id = y.id AND ys.recorded_to IS NULL AND ys.valid_to IS NULL
            WHERE f.unit = '家' AND f.metric LIKE '%企业%' AND f.category <> 'target'
              AND f.period_to = (SELECT max(period_to) FROM live_figure g WHERE g.park_id = f.park_id AND g.metric = f.metric)
            ORDER BY y.id, f.id
            """).compactMap { row in
            let listed: Int64 = row["listed"]
            guard let reported = Int64(row["value"] as String), listed > reported else { return nil }
            return "\(row["code"] as String) \(row["name"] as String) 在册企业\(listed)家，多于报告的\(row["metric"] as String)\(reported)家"
        }
    }

    /// Walks each subject's status entries in effective order; a step backwards must be a correction.
    private static func statusOrderProblems(in db: Session) throws -> [String] {
        var problems: [String] = []
        func walk<Status: Progression & DatabaseValueConvertible>(_ column: String, _ kind: SubjectKind, _ type: Status.Type) throws {
            let rows = try SessionRow.fetchAll(db, sql: """
                SELECT e.id, e.\(kind.foreignKey) AS subject, e.\(column) AS status, e.correction, s.code
                FROM live_entry e JOIN \(kind.table) s ON s.id = e.\(kind.foreignKey)
                WHERE e.\(column) IS NOT NULL ORDER BY e.\(kind.foreignKey), e.effective_on, e.id
                """)
            var previous: (subject: Int64, status: Status)?
            for row in rows {
                guard let status = Status.fromDatabaseValue(row["status"]) else { continue }
                let subject: Int64 = row["subject"]
                if let previous, previous.subject == subject, previous.status.isBackwards(to: status), !(row["correction"] as Bool) {
                    problems.append("\(row["code"] as String) 记录 #\(row["id"] as Int64) 从“\(previous.status.label)”倒退到“\(status.label)”，未标为更正")
                }
                previous = (subject, status)
            }
        }
        try walk("stage", .project, ProjectStage.self)
        try walk("parcel_status", .parcel, ParcelStatus.self)
        try walk("tenant_status", .tenant, TenantStatus.self)
        return problems
    }
}
