import GRDB

/// The whole live ledger as tables with the import's own columns, so that importing an export
/// into an empty ledger gives an equivalent ledger (same export again).
public struct LedgerExport: Sendable {
    public struct File: Sendable {
        public let kind: ImportKind
        public let table: Table
    }
    public let files: [File]
}

extension Ledger {
    public func export() throws -> LedgerExport {
        try read { db in
            LedgerExport(files: try ImportKind.loadOrder.map { kind in
                let rows = try Self.exportRows(kind, in: db)
                return LedgerExport.File(kind: kind, table: Table(
                    columns: kind.columns.map { Column($0.key, $0.header, numeric: false) }, rows: rows))
            })
        }
    }

    private static func exportRows(_ kind: ImportKind, in db: Database) throws -> [[Cell]] {
        func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
        func flag(_ value: Bool) -> Cell { .text(value ? "是" : "否") }
        func money(_ yuan: Int64?) -> Cell { yuan.map { .number(Money(yuan: $0).wan) } ?? .empty }
        func area(_ hundredths: Int64?) -> Cell { hundredths.map { .number(Area(hundredths: $0).description) } ?? .empty }
        // The add entry holds each subject's first state, day and note.
        let added = """
            (SELECT effective_on FROM live_entry a WHERE a.%@ = s.id AND a.action = 'add') AS added_on,
            (SELECT note FROM live_entry a WHERE a.%@ = s.id AND a.action = 'add') AS added_note
            """
        func addedColumns(_ foreignKey: String) -> String { added.replacingOccurrences(of: "%@", with: foreignKey) }
        func live(_ foreignKey: String) -> String { "EXISTS (SELECT 1 FROM live_entry a WHERE a.\(foreignKey) = s.id AND a.action = 'add')" }
        switch kind {
        case .zone:
            return try Row.fetchAll(db, sql: "SELECT * FROM zone").map { [.text($0["name"]), .optional($0["report_day"] as Day?)] }
        case .parks:
            return try Row.fetchAll(db, sql: "SELECT s.*, \(addedColumns("park_id")) FROM park s WHERE \(live("park_id")) ORDER BY s.id").map { row in
                [.text(row["code"]), .text(row["name"]), .text(label(ParkKind.self, row["kind"])), area(row["area_mu_hundredths"]),
                 flag(row["area_approximate"]), hundredthsCell(row["plot_ratio_hundredths"]), .optional(row["floor_area_m2"] as Int64?),
                 money(row["investment_yuan"]), money(row["expected_output_yuan"]), money(row["expected_tax_yuan"]),
                 .optional(row["buildings"] as Int64?), text(row["industries"]), .day(row["added_on"]), text(row["added_note"]), text(row["quote"])]
            }
        case .parcels:
            return try Row.fetchAll(db, sql: """
                SELECT s.*, \(addedColumns("parcel_id")),
                  (SELECT parcel_status FROM live_entry a WHERE a.parcel_id = s.id AND a.action = 'add') AS first_status
                FROM parcel s WHERE \(live("parcel_id")) ORDER BY s.id
                """).map { row in
                // The link to a project travels on the project (地块 column), and its history as an edit.
                [.text(row["code"]), .text(row["name"]), area(row["area_mu_hundredths"]), text(row["land_use"]),
                 .text(label(ParcelStatus.self, row["first_status"])), .empty, .day(row["added_on"]), text(row["added_note"]), text(row["quote"])]
            }
        case .projects:
            return try Row.fetchAll(db, sql: """
                SELECT s.*, \(addedColumns("project_id")), y.code AS park_code, l.code AS parcel_code,
                  (SELECT stage FROM live_entry a WHERE a.project_id = s.id AND a.action = 'add') AS first_stage,
                  (SELECT progress FROM live_entry a WHERE a.project_id = s.id AND a.action = 'add') AS first_progress
                FROM project s LEFT JOIN park y ON y.id = s.park_id LEFT JOIN parcel l ON l.id = s.parcel_id
                WHERE \(live("project_id")) ORDER BY s.id
                """).map { row in
                [.text(row["code"]), .text(row["name"]), .text(label(ProjectKind.self, row["kind"])),
                 .text(label(ProjectStage.self, row["first_stage"])), .optional(row["first_progress"] as Int64?), money(row["investment_yuan"]),
                 text(row["park_code"]), text(row["parcel_code"]), flag(row["provincial_major"]), flag(row["registered"]),
                 text(row["department"]), .optional(row["planned_start"] as Day?), .optional(row["planned_completion"] as Day?),
                 .day(row["added_on"]), text(row["added_note"]), text(row["quote"])]
            }
        case .tenants:
            return try Row.fetchAll(db, sql: """
                SELECT s.*, \(addedColumns("tenant_id")), y.code AS park_code,
                  (SELECT tenant_status FROM live_entry a WHERE a.tenant_id = s.id AND a.action = 'add') AS first_status
                FROM tenant s JOIN park y ON y.id = s.park_id WHERE \(live("tenant_id")) ORDER BY s.id
                """).map { row in
                [.text(row["code"]), .text(row["name"]), .text(row["park_code"]), .text(label(TenantStatus.self, row["first_status"])),
                 .day(row["added_on"]), text(row["added_note"]), text(row["quote"])]
            }
        case .milestones:
            return try Row.fetchAll(db, sql: """
                SELECT s.*, \(addedColumns("milestone_id")), p.code AS project_code, l.code AS parcel_code, y.code AS park_code, t.code AS tenant_code
                FROM milestone s LEFT JOIN project p ON p.id = s.project_id LEFT JOIN parcel l ON l.id = s.parcel_id
                  LEFT JOIN park y ON y.id = s.park_id LEFT JOIN tenant t ON t.id = s.tenant_id
                WHERE \(live("milestone_id")) ORDER BY s.id
                """).map { row in
                [.text(row["code"]), .text(row["title"]), text(row["project_code"]), text(row["parcel_code"]), text(row["park_code"]),
                 text(row["tenant_code"]), .text(row["due_text"]), text(row["department"]), .day(row["added_on"]),
                 text(row["added_note"]), text(row["quote"])]
            }
        case .figures:
            return try Row.fetchAll(db, sql: """
                SELECT s.*, y.code AS park_code FROM live_figure s LEFT JOIN park y ON y.id = s.park_id ORDER BY s.id
                """).map { row in
                [.text(row["code"]), .text(label(FigureCategory.self, row["category"])), .text(row["metric"]), text(row["key"]),
                 text(row["park_code"]), .day(row["period_from"]), .day(row["period_to"]), .number(row["value"]), .text(row["unit"]),
                 flag(row["approximate"]), (row["yoy_percent"] as String?).map(Cell.number) ?? .empty, text(row["quote"])]
            }
        case .updates:
            return try Row.fetchAll(db, sql: """
                SELECT e.*, b.author, b.recorded_at, coalesce(p.code, l.code, y.code, t.code, m.code) AS subject_code
                FROM live_entry e JOIN batch b ON b.id = e.batch_id
                  LEFT JOIN project p ON p.id = e.project_id LEFT JOIN parcel l ON l.id = e.parcel_id
                  LEFT JOIN park y ON y.id = e.park_id LEFT JOIN tenant t ON t.id = e.tenant_id LEFT JOIN milestone m ON m.id = e.milestone_id
                WHERE e.action <> 'add' ORDER BY e.id
                """).map { row in
                let entry = try Entry(row: row)
                let status = entry.parcelStatus?.label ?? entry.tenantStatus?.label
                return [.text(row["subject_code"]), .day(entry.effectiveOn), .text(entry.action.label), text(entry.stage?.label),
                        .optional(entry.progress), text(status), text(entry.dueText), text(entry.note), flag(entry.correction),
                        .text(row["author"]), .text(row["recorded_at"]), text(entry.changes)]
            }
        }
    }
}
