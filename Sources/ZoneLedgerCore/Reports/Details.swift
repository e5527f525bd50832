import GRDB

/// One subject shown whole, as it stood on a day: its fields, milestones, history and source.
extension Ledger {
    public func show(_ ref: String, kind: SubjectKind, asOf day: Day) throws -> Detail {
        try read { db in
            let subject = try References.resolve(ref, kind: kind, in: db)
            let id = subject.subjectID
            var fields: [(Column, Cell)]
            var sections: [Detail.Section] = []
            switch kind {
            case .project: fields = try projectFields(subject.id, day, db)
            case .parcel: fields = try parcelFields(subject.id, day, db)
            case .park:
                fields = try parkFields(subject.id, day, db)
                let tenants = try Self.tenantTable(park: subject.id, asOf: day, in: db)
                sections.append(.init(key: "tenants", label: "在册企业", table: tenants))
                let figures = try Row.fetchAll(db, sql: """
                    SELECT f.*, y.name AS park_name FROM live_figure f JOIN park y ON y.id = f.park_id
                    WHERE f.park_id = ? AND f.period_to <= ? ORDER BY f.id
                    """, arguments: [subject.id, day])
                sections.append(.init(key: "figures", label: "报告数据", table: Table(columns: Self.figureColumns, rows: figures.map(Self.figureRow))))
            case .tenant: fields = try tenantFields(subject.id, day, db)
            case .milestone: fields = try milestoneFields(subject.id, day, db)
            }
            if kind != .milestone {
                sections.append(.init(key: "milestones", label: "节点", table: try Self.milestones(asOf: day, state: nil, subject: id, in: db)))
            }
            var upToTheDay = HistoryQuery()
            upToTheDay.until = day
            sections.append(.init(key: "history", label: "历史记录", table: try Self.history(upToTheDay, subject: subject, in: db)))
            let quote = try String.fetchOne(db, sql: "SELECT quote FROM \(kind.table) WHERE id = ?", arguments: [subject.id])
            fields.append((Column("quote", "报告原文"), quote.map { .list($0.components(separatedBy: "\n")) } ?? .empty))
            return Detail(title: "\(kind.label) \(subject.listing)", fields: fields, sections: sections)
        }
    }

    public func showFigure(_ ref: String) throws -> Detail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT f.*, y.name AS park_name FROM live_figure f LEFT JOIN park y ON y.id = f.park_id WHERE f.code = ? COLLATE NOCASE
                """, arguments: [ref.trimmingCharacters(in: .whitespaces)]) else {
                throw LedgerError.data("找不到数据“\(ref)”：请用 figure list 查看编号（如 F1）")
            }
            var fields = Array(zip(Self.figureColumns, Self.figureRow(row)))
            fields.append((Column("quote", "报告原文"), (row["quote"] as String?).map { .list($0.components(separatedBy: "\n")) } ?? .empty))
            return Detail(title: "数据 \(row["code"] as String) \(row["metric"] as String)", fields: fields, sections: [])
        }
    }

    private func projectFields(_ id: Int64, _ day: Day, _ db: Database) throws -> [(Column, Cell)] {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT p.*, y.code AS park_code, l.code AS parcel_code,
              \(latest("stage", "project")), \(latest("progress", "project"))
            FROM project p LEFT JOIN park y ON y.id = p.park_id LEFT JOIN parcel l ON l.id = p.parcel_id WHERE p.id = :id
            """, arguments: ["id": id, "day": day]) else { return [] }
        let edits = try EditOverrides(after: day, in: db), subject = SubjectID(kind: .project, id: id)
        func text(_ column: String) -> String? { edits.text(subject, column, row[column]) }
        func flag(_ column: String) -> Cell { .flag(edits.text(subject, column, (row[column] as Bool).description) == "true") }
        return [
            (Column("code", "编号"), .text(row["code"])), (Column("name", "项目名称"), .optional(text("name"))),
            (Column("kind", "类别"), .text(label(ProjectKind.self, text("kind")))),
            (Column("stage", "阶段"), .text(label(ProjectStage.self, row["stage"]))),
            (Column("progress", "进度%", numeric: true), .optional(row["progress"] as Int64?)),
            (Column("investment_wan", "总投资(万元)", numeric: true), moneyCell(edits.integer(subject, "investment_yuan", row["investment_yuan"]))),
            (Column("park", "园区"), .optional(try linked(.park, edits.text(subject, "park", row["park_code"]), in: db))),
            (Column("parcel", "地块"), .optional(try linked(.parcel, edits.text(subject, "parcel", row["parcel_code"]), in: db))),
            (Column("provincial_major", "省重大产业项目"), flag("provincial_major")),
            (Column("registered", "统计入库"), flag("registered")),
            (Column("department", "责任部门"), .optional(text("department"))),
            (Column("planned_start", "计划开工"), .optional(edits.day(subject, "planned_start", row["planned_start"]))),
            (Column("planned_completion", "计划竣工"), .optional(edits.day(subject, "planned_completion", row["planned_completion"]))),
            (Column("created_on", "记入账本"), .optional(try State.createdOn(SubjectID(kind: .project, id: id), in: db))),
        ]
    }

    private func parcelFields(_ id: Int64, _ day: Day, _ db: Database) throws -> [(Column, Cell)] {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT l.*, (SELECT group_concat(code || ' ' || name, '、') FROM project WHERE parcel_id = l.id) AS projects,
              \(latest("parcel_status", "parcel", "l"))
            FROM parcel l WHERE l.id = :id
            """, arguments: ["id": id, "day": day]) else { return [] }
        let edits = try EditOverrides(after: day, in: db), subject = SubjectID(kind: .parcel, id: id)
        return [
            (Column("code", "编号"), .text(row["code"])), (Column("name", "地块名称"), .optional(edits.text(subject, "name", row["name"]))),
            (Column("area_mu", "面积(亩)", numeric: true), areaCell(edits.integer(subject, "area_mu_hundredths", row["area_mu_hundredths"]))),
            (Column("land_use", "用地性质"), .optional(edits.text(subject, "land_use", row["land_use"]))),
            (Column("status", "状态"), .text(label(ParcelStatus.self, row["parcel_status"]))),
            (Column("projects", "项目"), .optional(row["projects"] as String?)),
            (Column("created_on", "记入账本"), .optional(try State.createdOn(SubjectID(kind: .parcel, id: id), in: db))),
        ]
    }

    private func parkFields(_ id: Int64, _ day: Day, _ db: Database) throws -> [(Column, Cell)] {
        guard let park = try Park.fetchOne(db, key: id) else { return [] }
        let edits = try EditOverrides(after: day, in: db), subject = SubjectID(kind: .park, id: id)
        func number(_ column: String, _ current: Int64?) -> Int64? { edits.integer(subject, column, current) }
        return [
            (Column("code", "编号"), .text(park.code)), (Column("name", "名称"), .optional(edits.text(subject, "name", park.name))),
            (Column("kind", "类别"), .text(label(ParkKind.self, edits.text(subject, "kind", park.kind.rawValue)))),
            (Column("area_mu", "面积(亩)", numeric: true), areaCell(number("area_mu_hundredths", park.areaMuHundredths))),
            (Column("area_approximate", "面积为约数"), .flag(edits.text(subject, "area_approximate", park.areaApproximate.description) == "true")),
            (Column("plot_ratio", "容积率", numeric: true), hundredthsCell(number("plot_ratio_hundredths", park.plotRatioHundredths))),
            (Column("floor_area_m2", "建筑面积(㎡)", numeric: true), .optional(number("floor_area_m2", park.floorAreaM2))),
            (Column("investment_wan", "总投资(万元)", numeric: true), moneyCell(number("investment_yuan", park.investmentYuan))),
            (Column("expected_output_wan", "预计年产值(万元)", numeric: true), moneyCell(number("expected_output_yuan", park.expectedOutputYuan))),
            (Column("expected_tax_wan", "预计年税收(万元)", numeric: true), moneyCell(number("expected_tax_yuan", park.expectedTaxYuan))),
            (Column("buildings", "建筑(幢)", numeric: true), .optional(number("buildings", park.buildings))),
            (Column("industries", "主导产业"), .optional(edits.text(subject, "industries", park.industries))),
            (Column("created_on", "记入账本"), .optional(try State.createdOn(SubjectID(kind: .park, id: id), in: db))),
        ]
    }

    private func tenantFields(_ id: Int64, _ day: Day, _ db: Database) throws -> [(Column, Cell)] {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.*, y.code || ' ' || y.name AS park_name, \(latest("tenant_status", "tenant", "t"))
            FROM tenant t JOIN park y ON y.id = t.park_id WHERE t.id = :id
            """, arguments: ["id": id, "day": day]) else { return [] }
        return [
            (Column("code", "编号"), .text(row["code"])),
            (Column("name", "企业名称"), .optional(try EditOverrides(after: day, in: db).text(SubjectID(kind: .tenant, id: id), "name", row["name"]))),
            (Column("park", "园区"), .text(row["park_name"])),
            (Column("status", "状态"), .text(label(TenantStatus.self, row["tenant_status"]))),
            (Column("created_on", "记入账本"), .optional(try State.createdOn(SubjectID(kind: .tenant, id: id), in: db))),
        ]
    }

    private func milestoneFields(_ id: Int64, _ day: Day, _ db: Database) throws -> [(Column, Cell)] {
        guard let row = try Row.fetchOne(db, sql: MilestoneQuery.sql(where: "m.id = :id"), arguments: ["id": id, "day": day]) else {
            throw LedgerError.data("该节点在\(day.iso)尚未立下")
        }
        let status = MilestoneQuery.status(row)
        let edits = try EditOverrides(after: day, in: db), subject = SubjectID(kind: .milestone, id: id)
        return [
            (Column("code", "编号"), .text(row["code"])),
            (Column("subject", "对象"), .text("\(row["subject_code"] as String) \(row["subject_name"] as String)")),
            (Column("title", "节点"), .optional(edits.text(subject, "title", row["title"]))),
            (Column("due_text", "到期(原话)"), .text(status.dueText)), (Column("due_on", "到期日"), .day(status.due)),
            (Column("original_due_text", "原定到期(原话)"), .text(row["due_text"])),
            (Column("original_due_on", "原定到期日"), .day(row["due_on"])),
            (Column("reschedules", "改期次数", numeric: true), .integer(Int64(status.reschedules))),
            (Column("state", "状态"), .text(status.state.label)), (Column("closed_on", "完成/取消日"), .optional(status.closedOn)),
            (Column("created_on", "立下日期"), .optional(row["created_on"] as Day?)),
            (Column("department", "责任部门"), .optional(edits.text(subject, "department", row["responsible"]))),
        ]
    }

    /// "Y5 __博通小微园" for a code, as a link to another row is shown.
    private func linked(_ kind: SubjectKind, _ code: String?, in db: Database) throws -> String? {
        guard let code else { return nil }
        return try String.fetchOne(db, sql: "SELECT code || ' ' || name FROM \(kind.table) WHERE code = ?", arguments: [code]) ?? code
    }

    static func tenantTable(park: Int64, asOf day: Day, in db: Database) throws -> Table {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.code, t.name, \(latest("tenant_status", "tenant", "t")) FROM tenant t
            WHERE t.park_id = :park AND \(existed("tenant", "t")) ORDER BY t.id
            """, arguments: ["park": park, "day": day])
        return Table(columns: [Column("code", "编号"), Column("name", "企业名称"), Column("status", "状态")], rows: rows.map {
            [.text($0["code"]), .text($0["name"]), .text(label(TenantStatus.self, $0["tenant_status"]))]
        })
    }
}
