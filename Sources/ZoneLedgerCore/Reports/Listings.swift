import GRDB

/// Lists of each kind as they stood on a day (as known now, or at a moment of recording): only
/// what existed by then, each with the state its span holds on that day.
extension Ledger {
    public func listProjects(asOf day: Day) throws -> Table { try listProjects(AsOf(day)) }
    public func listParcels(asOf day: Day) throws -> Table { try listParcels(AsOf(day)) }
    public func listParks(asOf day: Day) throws -> Table { try listParks(AsOf(day)) }
    public func listTenants(asOf day: Day, park: String? = nil) throws -> Table { try listTenants(AsOf(day), park: park) }
    public func listFigures(asOf day: Day, category: FigureCategory? = nil) throws -> Table { try listFigures(AsOf(day), category: category) }

    /// Reads at a viewpoint: the day and the moment of recording resolved once, in the same snapshot.
    func read<T>(at asOf: AsOf, _ body: (Session, Viewpoint) throws -> T) throws -> T {
        try read { db in try body(db, try Viewpoint.resolve(asOf, in: db)) }
    }

    public func listProjects(_ asOf: AsOf) throws -> Table {
        try read(at: asOf) { db, view in
            let rows = try SessionRow.fetchAll(db, sql: """
                SELECT p.code, s.name, s.kind, s.stage, s.progress, s.investment_yuan, ys.name AS park_name, l.code AS parcel_code,
                  s.provincial_major, s.registered, s.valid_from AS latest_on, n.note AS latest_note
                FROM project p \(view.span(.project, "s", of: "p.id"))
                  \(view.span(.park, "ys", of: "s.park_id", join: "LEFT JOIN")) LEFT JOIN parcel l ON l.id = s.parcel_id
                  LEFT JOIN entry n ON n.id = s.note_entry
                ORDER BY \(kindOrder("s.kind")), p.id
                """, arguments: view.arguments)
            return Table(columns: [
                Column("code", "编号"), Column("name", "项目名称"), Column("kind", "类别", choice: true), Column("stage", "阶段", choice: true),
                Column("progress", "进度%", numeric: true), Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
                Column("park", "园区"), Column("parcel", "地块"), Column("provincial_major", "省重大"), Column("registered", "入库"),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: rows.map { row in
                [.text(row[0]), .text(row[1]), choice(ProjectKind.self, row[2]), choice(ProjectStage.self, row[3]),
                 .optional(row[4] as Int64?), moneyCell(row[5]), .optional(row[6] as String?), .optional(row[7] as String?),
                 .flag(row[8]), .flag(row[9]), .optional(row[10] as Day?), .optional(row[11] as String?)]
            })
        }
    }

    public func listParcels(_ asOf: AsOf) throws -> Table {
        try read(at: asOf) { db, view in
            let rows = try SessionRow.fetchAll(db, sql: """
                SELECT l.id, l.code, s.name, s.area_mu_hundredths, s.land_use, s.status, s.valid_from, n.note
                FROM parcel l \(view.span(.parcel, "s", of: "l.id")) LEFT JOIN entry n ON n.id = s.note_entry
                ORDER BY l.id
                """, arguments: view.arguments)
            let projects = try Self.projectsByParcel(view, in: db)
            return Table(columns: [
                Column("code", "编号"), Column("name", "地块名称"), Column("area_mu", "面积(亩)", "Area (mu)", numeric: true),
                Column("land_use", "用地性质"), Column("status", "状态", choice: true), Column("projects", "项目"),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: rows.map { row in
                [.text(row[1]), .text(row[2]), areaCell(row[3]), .optional(row[4] as String?), choice(ParcelStatus.self, row[5]),
                 .optional(projects[row[0]].map { $0.joined(separator: "、") }), .optional(row[6] as Day?), .optional(row[7] as String?)]
            })
        }
    }

    /// The codes of the projects on each parcel on the viewpoint's day.
    static func projectsByParcel(_ view: Viewpoint, withNames: Bool = false, in db: Session) throws -> [Int64: [String]] {
        var found: [Int64: [String]] = [:]
        // Each project's span on the day, one seek each: a scan of every span that ever named a
        // parcel would read the whole history.
        for row in try SessionRow.fetchAll(db, sql: """
            SELECT s.parcel_id, p.code, s.name FROM project p \(view.span(.project, "s", of: "p.id"))
            WHERE s.parcel_id IS NOT NULL ORDER BY p.id
            """, arguments: view.arguments) {
            found[row[0], default: []].append(withNames ? "\(row[1] as String) \(row[2] as String)" : row[1])
        }
        return found
    }

    public func listParks(_ asOf: AsOf) throws -> Table {
        try read(at: asOf) { db, view in
            let rows = try SessionRow.fetchAll(db, sql: """
                SELECT y.code, s.name, s.kind, s.area_mu_hundredths, s.area_approximate, s.plot_ratio_hundredths, s.floor_area_m2,
                  s.investment_yuan, (SELECT count(*) FROM tenant_span t WHERE t.park_id = y.id AND \(view.valid("t"))),
                  s.valid_from, n.note
                FROM park y \(view.span(.park, "s", of: "y.id")) LEFT JOIN entry n ON n.id = s.note_entry
                ORDER BY y.id
                """, arguments: view.arguments)
            return Table(columns: [
                Column("code", "编号"), Column("name", "名称"), Column("kind", "类别", choice: true),
                Column("area_mu", "面积(亩)", "Area (mu)", numeric: true), Column("area_approximate", "约数"),
                Column("plot_ratio", "容积率", numeric: true),
                Column("floor_area_m2", "建筑面积(㎡)", "Floor area (m²)", numeric: true),
                Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
                Column("tenants_listed", "在册企业", "Tenants listed", numeric: true),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: rows.map { row in
                [.text(row[0]), .text(row[1]), choice(ParkKind.self, row[2]), areaCell(row[3]), .flag(row[4]),
                 hundredthsCell(row[5]), .optional(row[6] as Int64?), moneyCell(row[7]), .integer(row[8]),
                 .optional(row[9] as Day?), .optional(row[10] as String?)]
            })
        }
    }

    public func listTenants(_ asOf: AsOf, park: String? = nil) throws -> Table {
        try read(at: asOf) { db, view in
            let parkID = try park.map { try References.resolve($0, kind: .park, in: db).id }
            var arguments = view.arguments
            arguments += ["park": parkID]
            let rows = try SessionRow.fetchAll(db, sql: """
                SELECT t.code, s.name, ys.name, s.status, s.valid_from, n.note
                FROM tenant t \(view.span(.tenant, "s", of: "t.id"))
                  \(view.span(.park, "ys", of: "s.park_id", join: "LEFT JOIN")) LEFT JOIN entry n ON n.id = s.note_entry
                WHERE \(PortableSQL.isNull("park", .integer)) OR s.park_id = :park
                ORDER BY s.park_id, t.id
                """, arguments: arguments)
            return Table(columns: [
                Column("code", "编号"), Column("name", "企业名称"), Column("park", "园区"), Column("status", "状态", choice: true),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: rows.map { row in
                [.text(row[0]), .text(row[1]), .optional(row[2] as String?), choice(TenantStatus.self, row[3]),
                 .optional(row[4] as Day?), .optional(row[5] as String?)]
            })
        }
    }

    /// The figures known by the day (as recorded at the moment), whatever period they are about.
    public func listFigures(_ asOf: AsOf, category: FigureCategory? = nil) throws -> Table {
        try read(at: asOf) { db, view in
            var arguments = view.arguments
            arguments += ["category": category?.rawValue]
            let rows = try SessionRow.fetchAll(db, sql: """
                SELECT f.*, ys.name AS park_name FROM figure f \(view.span(.park, "ys", of: "f.park_id", join: "LEFT JOIN"))
                WHERE \(view.liveFigure("f")) AND (\(PortableSQL.isNull("category", .text)) OR f.category = :category) ORDER BY f.id
                """, arguments: arguments)
            return Table(columns: Self.figureColumns, rows: rows.map(Self.figureRow))
        }
    }

    static let figureColumns = [
        Column("code", "编号"), Column("category", "类别", choice: true), Column("metric", "指标"), Column("scope", "范围"),
        Column("period_from", "起"), Column("period_to", "止"), Column("value", "数值", numeric: true), Column("unit", "单位"),
        Column("approximate", "约数"), Column("yoy_percent", "同比%", "YoY %", numeric: true), Column("known_on", "获知日期"),
    ]

    static func figureRow(_ row: SessionRow) -> [Cell] {
        [.text(row["code"]), choice(FigureCategory.self, row["category"]), .text(row["metric"]),
         .text(row["park_name"] as String? ?? "全区"), .day(row["period_from"]), .day(row["period_to"]),
         .number(row["value"]), .text(row["unit"]), .flag(row["approximate"]), (row["yoy_percent"] as String?).map(Cell.number) ?? .empty,
         .day(row["known_on"])]
    }
}

/// Project kinds in the declared order (工业 first), for sorting by the kind a project had on the day.
func kindOrder(_ column: String) -> String {
    let ranks = ProjectKind.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ")
    return "CASE \(column) \(ranks) ELSE 99 END"
}

/// A stored enumeration key as a cell: key and label.
func choice<Value: Labeled>(_ type: Value.Type, _ raw: String?) -> Cell {
    .choice(raw.flatMap(Value.init(rawValue:)))
}

func label<Value: Labeled>(_ type: Value.Type, _ raw: String?) -> String {
    raw.flatMap(Value.init(rawValue:))?.label ?? ""
}
