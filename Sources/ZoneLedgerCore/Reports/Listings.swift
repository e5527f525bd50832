import GRDB

/// Lists of each kind as they stood on a day: only what existed by then, each with the
/// state its entries give on that day.
extension Ledger {
    public func listProjects(asOf day: Day) throws -> Table {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.*, pk.code AS park_code, pc.code AS parcel_code,
                  \(latest("stage", "project")), \(latest("progress", "project")), \(latestNote("project"))
                FROM project p LEFT JOIN park pk ON pk.id = p.park_id LEFT JOIN parcel pc ON pc.id = p.parcel_id
                WHERE \(existed("project", "p"))
                ORDER BY p.id
                """, arguments: ["day": day])
            let edits = try EditOverrides(after: day, in: db)
            let parkNames = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT code, name FROM park").map { ($0["code"] as String, $0["name"] as String) })
            let kinds = rows.map { row in edits.text(SubjectID(kind: .project, id: row["id"]), "kind", row["kind"]) }
            let ordered = zip(rows, kinds).enumerated().sorted { a, b in
                (kindRank(a.element.1), a.offset) < (kindRank(b.element.1), b.offset)
            }.map(\.element)
            return Table(columns: [
                Column("code", "编号"), Column("name", "项目名称"), Column("kind", "类别"), Column("stage", "阶段"),
                Column("progress", "进度%", numeric: true), Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
                Column("park", "园区"), Column("parcel", "地块"), Column("provincial_major", "省重大"), Column("registered", "入库"),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: ordered.map { row, kind in
                let id = SubjectID(kind: .project, id: row["id"])
                return [.text(row["code"]), .text(edits.text(id, "name", row["name"]) ?? ""), .text(label(ProjectKind.self, kind)),
                 .text(label(ProjectStage.self, row["stage"])), .optional(row["progress"] as Int64?),
                 moneyCell(edits.integer(id, "investment_yuan", row["investment_yuan"])),
                 .optional(edits.text(id, "park", row["park_code"]).map { parkNames[$0] ?? $0 }),
                 .optional(edits.text(id, "parcel", row["parcel_code"])),
                 .flag(edits.text(id, "provincial_major", (row["provincial_major"] as Bool).description) == "true"),
                 .flag(edits.text(id, "registered", (row["registered"] as Bool).description) == "true"),
                 .optional(row["latest_on"] as Day?), .optional(row["latest_note"] as String?)]
            })
        }
    }

    public func listParcels(asOf day: Day) throws -> Table {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT l.*, (SELECT group_concat(code, '、') FROM project WHERE parcel_id = l.id) AS projects,
                  \(latest("parcel_status", "parcel", "l")), \(latestNote("parcel", "l"))
                FROM parcel l WHERE \(existed("parcel", "l")) ORDER BY l.id
                """, arguments: ["day": day])
            let edits = try EditOverrides(after: day, in: db)
            return Table(columns: [
                Column("code", "编号"), Column("name", "地块名称"), Column("area_mu", "面积(亩)", "Area (mu)", numeric: true),
                Column("land_use", "用地性质"), Column("status", "状态"), Column("projects", "项目"),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: rows.map { row in
                let id = SubjectID(kind: .parcel, id: row["id"])
                return [.text(row["code"]), .text(edits.text(id, "name", row["name"]) ?? ""),
                 areaCell(edits.integer(id, "area_mu_hundredths", row["area_mu_hundredths"])),
                 .optional(edits.text(id, "land_use", row["land_use"])),
                 .text(label(ParcelStatus.self, row["parcel_status"])), .optional(row["projects"] as String?),
                 .optional(row["latest_on"] as Day?), .optional(row["latest_note"] as String?)]
            })
        }
    }

    public func listParks(asOf day: Day) throws -> Table {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT y.*, (SELECT count(*) FROM tenant t WHERE t.park_id = y.id AND \(existed("tenant", "t"))) AS tenants,
                  \(latestNote("park", "y"))
                FROM park y WHERE \(existed("park", "y")) ORDER BY y.id
                """, arguments: ["day": day])
            let edits = try EditOverrides(after: day, in: db)
            return Table(columns: [
                Column("code", "编号"), Column("name", "名称"), Column("kind", "类别"),
                Column("area_mu", "面积(亩)", "Area (mu)", numeric: true), Column("area_approximate", "约数"),
                Column("plot_ratio", "容积率", numeric: true),
                Column("floor_area_m2", "建筑面积(㎡)", "Floor area (m²)", numeric: true),
                Column("investment_wan", "总投资(万元)", "Investment (10k yuan)", numeric: true),
                Column("tenants_listed", "在册企业", "Tenants listed", numeric: true),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: rows.map { row in
                let id = SubjectID(kind: .park, id: row["id"])
                let approximate = edits.text(id, "area_approximate", (row["area_approximate"] as Bool).description) == "true"
                return [.text(row["code"]), .text(edits.text(id, "name", row["name"]) ?? ""),
                        .text(label(ParkKind.self, edits.text(id, "kind", row["kind"]))),
                        areaCell(edits.integer(id, "area_mu_hundredths", row["area_mu_hundredths"])), .flag(approximate),
                        hundredthsCell(edits.integer(id, "plot_ratio_hundredths", row["plot_ratio_hundredths"])),
                        .optional(edits.integer(id, "floor_area_m2", row["floor_area_m2"])),
                        moneyCell(edits.integer(id, "investment_yuan", row["investment_yuan"])), .integer(row["tenants"]),
                        .optional(row["latest_on"] as Day?), .optional(row["latest_note"] as String?)]
            })
        }
    }

    public func listTenants(asOf day: Day, park: String? = nil) throws -> Table {
        try read { db in
            let parkID = try park.map { try References.resolve($0, kind: .park, in: db).id }
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.*, y.name AS park_name, \(latest("tenant_status", "tenant", "t")), \(latestNote("tenant", "t"))
                FROM tenant t JOIN park y ON y.id = t.park_id
                WHERE \(existed("tenant", "t")) AND (:park IS NULL OR t.park_id = :park) ORDER BY t.park_id, t.id
                """, arguments: ["day": day, "park": parkID])
            let edits = try EditOverrides(after: day, in: db)
            return Table(columns: [
                Column("code", "编号"), Column("name", "企业名称"), Column("park", "园区"), Column("status", "状态"),
                Column("latest_on", "最近记录"), Column("latest_note", "最新进展"),
            ], rows: rows.map { row in
                let id = SubjectID(kind: .tenant, id: row["id"])
                return [.text(row["code"]), .text(edits.text(id, "name", row["name"]) ?? ""), .text(row["park_name"]),
                 .text(label(TenantStatus.self, row["tenant_status"])),
                 .optional(row["latest_on"] as Day?), .optional(row["latest_note"] as String?)]
            })
        }
    }

    public func listFigures(asOf day: Day, category: FigureCategory? = nil) throws -> Table {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.*, y.name AS park_name FROM live_figure f LEFT JOIN park y ON y.id = f.park_id
                WHERE f.period_to <= :day AND (:category IS NULL OR f.category = :category) ORDER BY f.id
                """, arguments: ["day": day, "category": category?.rawValue])
            return Table(columns: Self.figureColumns, rows: rows.map(Self.figureRow))
        }
    }

    static let figureColumns = [
        Column("code", "编号"), Column("category", "类别"), Column("metric", "指标"), Column("scope", "范围"),
        Column("period_from", "起"), Column("period_to", "止"), Column("value", "数值", numeric: true), Column("unit", "单位"),
        Column("approximate", "约数"), Column("yoy_percent", "同比%", "YoY %", numeric: true),
    ]

    static func figureRow(_ row: Row) -> [Cell] {
        [.text(row["code"]), .text(label(FigureCategory.self, row["category"])), .text(row["metric"]),
         .text(row["park_name"] as String? ?? "全区"), .day(row["period_from"]), .day(row["period_to"]),
         .number(row["value"]), .text(row["unit"]), .flag(row["approximate"]), (row["yoy_percent"] as String?).map(Cell.number) ?? .empty]
    }
}

// SQL fragments shared by the listings. Column and table names here are ours, never user input.

/// The subject had its "add" entry by the day.
func existed(_ kind: String, _ alias: String? = nil) -> String {
    "EXISTS (SELECT 1 FROM live_entry WHERE \(kind)_id = \(alias ?? kind).id AND action = 'add' AND effective_on <= :day)"
}

/// The latest value of one column on or before the day, named after the column.
func latest(_ column: String, _ kind: String, _ alias: String = "p") -> String {
    """
    (SELECT \(column) FROM live_entry WHERE \(kind)_id = \(alias).id AND \(column) IS NOT NULL AND effective_on <= :day
     ORDER BY effective_on DESC, id DESC LIMIT 1) AS \(column)
    """
}

/// The latest entry's day and note (or, when it has none, nothing), as latest_on / latest_note.
func latestNote(_ kind: String, _ alias: String = "p") -> String {
    """
    (SELECT effective_on FROM live_entry WHERE \(kind)_id = \(alias).id AND effective_on <= :day
     ORDER BY effective_on DESC, id DESC LIMIT 1) AS latest_on,
    (SELECT note FROM live_entry WHERE \(kind)_id = \(alias).id AND note IS NOT NULL AND effective_on <= :day
     ORDER BY effective_on DESC, id DESC LIMIT 1) AS latest_note
    """
}

/// A project kind's place in the declared order (工业 first), for sorting by the kind as it was.
func kindRank(_ raw: String?) -> Int {
    raw.flatMap(ProjectKind.init(rawValue:)).flatMap { ProjectKind.allCases.firstIndex(of: $0) } ?? 99
}

func label<Value: Labeled>(_ type: Value.Type, _ raw: String?) -> String {
    raw.flatMap(Value.init(rawValue:))?.label ?? ""
}
