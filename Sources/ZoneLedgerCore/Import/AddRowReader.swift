import GRDB

/// A row of a file that adds subjects (parks, parcels, projects, tenants, milestones), read cell by
/// cell into the values its add entry would hold, in the row path's order; the bulk path stages
/// these values, and both paths compare them with the add entry of a subject already there.
struct AddRowReader {
    let subject: SubjectKind
    /// The entry columns an add of this kind sets.
    let fields: [String]
    private let positions: [String: Int]
    let ledger: Ledger
    let context: WriteContext

    init(_ kind: ImportKind, ledger: Ledger, context: WriteContext) {
        self.ledger = ledger
        self.context = context
        switch kind {
        case .parks:
            subject = .park
            fields = ["name", "park_kind", "area_mu_hundredths", "area_approximate", "plot_ratio_hundredths", "floor_area_m2",
                      "investment_yuan", "expected_output_yuan", "expected_tax_yuan", "buildings", "industries"]
        case .parcels:
            subject = .parcel
            fields = ["name", "area_mu_hundredths", "land_use", "parcel_status"]
        case .projects:
            subject = .project
            fields = ["name", "project_kind", "stage", "progress", "investment_yuan", "set_park_id", "set_parcel_id",
                      "provincial_major", "registered", "department", "planned_start", "planned_completion", "owner", "leader", "scope"]
        case .tenants:
            subject = .tenant
            fields = ["name", "set_park_id", "tenant_status"]
        case .problems:
            subject = .problem
            fields = ["title", "set_project_id", "set_parcel_id", "set_park_id", "set_tenant_id", "due_on", "due_text",
                      "due_precision", "department", "leader"]
        default:
            subject = .milestone
            fields = ["title", "set_project_id", "set_parcel_id", "set_park_id", "set_tenant_id", "due_on", "due_text",
                      "due_precision", "department"]
        }
        positions = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1, $0) })
    }

    /// One staged row: its first refusal and where, what the ledger checks need, the add's values.
    struct Staged {
        var segment: Int?
        var problem: ImportProblem?
        var code: String?
        /// What "already there" compares when there is no code (a milestone: its title).
        var name: String?
        /// A milestone's due text, for "already there".
        var due: String?
        /// A tenant's park, a milestone's subject, a parcel's project.
        var link: Int64?
        var linkKind: SubjectKind?
        var on: Day?
        var quote: String?
        var note: String?
        var values: [DatabaseValue]
        /// Which of `AddRowReader.compared` keys the row fills, one bit each.
        var given = 0
    }

    func blank() -> Staged { Staged(values: Array(repeating: .null, count: fields.count)) }

    func set(_ staged: inout Staged, _ column: String, _ value: DatabaseValue) {
        guard let index = positions[column] else { preconditionFailure("no staged column \(column)") }
        staged.values[index] = value
    }

    // MARK: - Reading a row, in the row path's order

    /// RowImporter.park … and the checks of Ledger.insertPark … that need no ledger, in their order.
    func read(_ row: ImportRow, into staged: inout Staged, segment: inout Int, _ references: ReferenceCache) throws {
        staged.given = givenMask(row)
        switch subject {
        case .park:
            let name = try row.required("name")
            staged.name = name
            staged.code = row.text("code")
            segment = 1
            set(&staged, "park_kind", (try row.choice("kind", ParkKind.self) ?? .microPark).rawValue.databaseValue)
            let on = try row.day("on") ?? row.today
            staged.on = on
            set(&staged, "area_mu_hundredths", try row.area("area_mu")?.hundredths.databaseValue ?? .null)
            set(&staged, "area_approximate", try row.flag("area_approximate")?.databaseValue ?? .null)
            set(&staged, "plot_ratio_hundredths", try row.read("plot_ratio") { try parseHundredths($0, what: row.header("plot_ratio")) }?.databaseValue ?? .null)
            set(&staged, "floor_area_m2", try row.read("floor_area_m2") {
                try parseCount($0, what: row.header("floor_area_m2"), units: ["平方米", "㎡"])
            }?.databaseValue ?? .null)
            set(&staged, "investment_yuan", try row.money("investment")?.yuan.databaseValue ?? .null)
            set(&staged, "expected_output_yuan", try row.money("expected_output")?.yuan.databaseValue ?? .null)
            set(&staged, "expected_tax_yuan", try row.money("expected_tax")?.yuan.databaseValue ?? .null)
            set(&staged, "buildings", try row.read("buildings") { try parseCount($0, what: row.header("buildings"), units: ["幢"]) }?.databaseValue ?? .null)
            let industries = row.text("industries")
            let note = row.text("note")
            staged.quote = row.text("quote")
            try ledger.checkEffective(on, context)
            set(&staged, "name", try Validate.name(name, what: "园区名称").databaseValue)
            segment = 2
            try validateCode(&staged)
            segment = 4
            set(&staged, "industries", try industries.map { (try Validate.optionalText($0, what: "主导产业", limit: 500) ?? "").databaseValue } ?? .null)
            staged.note = try Validate.note(note)
        case .parcel:
            let name = try row.required("name")
            staged.name = name
            staged.code = row.text("code")
            segment = 1
            guard let area = try row.area("area_mu") else { throw row.problem("area_mu", "不能为空") }
            set(&staged, "area_mu_hundredths", area.hundredths.databaseValue)
            let on = try row.day("on") ?? row.today
            staged.on = on
            let landUse = row.text("land_use")
            set(&staged, "parcel_status", (try row.choice("status", ParcelStatus.self) ?? .planned).rawValue.databaseValue)
            staged.link = try references.resolve(row, "project", .project)
            let note = row.text("note")
            staged.quote = row.text("quote")
            try ledger.checkEffective(on, context)
            set(&staged, "name", try Validate.name(name, what: "地块名称").databaseValue)
            segment = 2
            try validateCode(&staged)
            segment = 4
            set(&staged, "land_use", try Validate.optionalText(landUse, what: "用地性质", limit: 100)?.databaseValue ?? .null)
            staged.note = try Validate.note(note)
        case .project:
            let name = try row.required("name")
            staged.name = name
            staged.code = row.text("code")
            segment = 1
            let on = try row.day("on") ?? row.today
            staged.on = on
            set(&staged, "project_kind", (try row.choice("kind", ProjectKind.self) ?? .industrial).rawValue.databaseValue)
            set(&staged, "stage", (try row.choice("stage", ProjectStage.self) ?? .planning).rawValue.databaseValue)
            let progress = try row.integer("progress")
            set(&staged, "investment_yuan", try row.money("investment")?.yuan.databaseValue ?? .null)
            set(&staged, "set_park_id", try references.resolve(row, "park", .park)?.databaseValue ?? .null)
            set(&staged, "set_parcel_id", try references.resolve(row, "parcel", .parcel)?.databaseValue ?? .null)
            set(&staged, "provincial_major", (try row.flag("provincial_major") ?? false).databaseValue)
            set(&staged, "registered", (try row.flag("registered") ?? false).databaseValue)
            let department = row.text("department")
            let start = try row.day("planned_start", relativeTo: on)
            let completion = try row.day("planned_completion", relativeTo: on)
            set(&staged, "planned_start", start?.databaseValue ?? .null)
            set(&staged, "planned_completion", completion?.databaseValue ?? .null)
            let note = row.text("note")
            staged.quote = row.text("quote")
            try ledger.checkEffective(on, context)
            set(&staged, "name", try Validate.name(name, what: "项目名称").databaseValue)
            segment = 2
            try validateCode(&staged)
            segment = 3
            try Ledger.checkPlan(start, completion)
            segment = 4
            set(&staged, "progress", try Validate.progress(progress)?.databaseValue ?? .null)
            set(&staged, "department", try Validate.optionalText(department, what: "责任部门", limit: 100)?.databaseValue ?? .null)
            for field in [Field.owner, .leader, .scope] {
                guard case .text(let limit) = field.type else { continue }
                set(&staged, field.entryColumn, try Validate.optionalText(row.text(field.key), what: field.label, limit: limit)?.databaseValue ?? .null)
            }
            staged.note = try Validate.note(note)
        case .tenant:
            let name = try row.required("name")
            staged.name = name
            guard let park = try references.resolve(row, "park", .park) else { throw row.problem("park", "不能为空") }
            staged.link = park
            set(&staged, "set_park_id", park.databaseValue)
            staged.code = row.text("code")
            segment = 1
            let on = try row.day("on") ?? row.today
            staged.on = on
            set(&staged, "tenant_status", (try row.choice("status", TenantStatus.self) ?? .signed).rawValue.databaseValue)
            let note = row.text("note")
            staged.quote = row.text("quote")
            try ledger.checkEffective(on, context)
            set(&staged, "name", try Validate.name(name, what: "企业名称").databaseValue)
            segment = 2
            try validateCode(&staged)
            segment = 4
            staged.note = try Validate.note(note)
        case .milestone, .problem:
            // Alike but for their words, a problem's leader, and its deadline, which may be left open.
            let milestone = subject == .milestone
            let (kind, id) = try link(row, references)
            staged.link = id
            staged.linkKind = kind
            set(&staged, "set_\(kind.rawValue)_id", id.databaseValue)
            let title = try row.required("title")
            staged.name = title
            let on = try row.day("on") ?? row.today
            staged.on = on
            let due = try row.due("due", promisedOn: on)
            if milestone, due == nil { throw row.problem("due", "不能为空") }
            if milestone { staged.due = due?.text }
            staged.code = row.text("code")
            segment = 1
            let department = row.text("department"), leader = milestone ? nil : row.text("leader")
            let note = row.text("note")
            staged.quote = row.text("quote")
            try ledger.checkEffective(on, context)
            segment = 2
            set(&staged, "title", try Validate.name(title, what: milestone ? "节点内容" : "问题描述").databaseValue)
            try validateCode(&staged)
            segment = 3
            if let due {
                set(&staged, "due_on", due.day.databaseValue)
                set(&staged, "due_text", try Validate.name(due.text, what: milestone ? "到期日写法" : "期限写法").databaseValue)
                set(&staged, "due_precision", due.precision.rawValue.databaseValue)
                try Ledger.checkDue(due, promisedOn: on, context, of: subject)
            }
            segment = 4
            set(&staged, "department", try Validate.optionalText(department, what: milestone ? "责任部门" : "责任单位", limit: 100)?.databaseValue ?? .null)
            if !milestone {
                set(&staged, "leader", try Validate.optionalText(leader, what: "挂钩领导", limit: 100)?.databaseValue ?? .null)
            }
            staged.note = try Validate.note(note)
        }
    }

    /// The subject a milestone or problem row is about: exactly one of its four link columns.
    private func link(_ row: ImportRow, _ references: ReferenceCache) throws -> (SubjectKind, Int64) {
        var given: [(SubjectKind, Int64)] = []
        for (key, kind) in [("project", SubjectKind.project), ("parcel", .parcel), ("park", .park), ("tenant", .tenant)] {
            if let id = try references.resolve(row, key, kind) { given.append((kind, id)) }
        }
        guard given.count == 1, let only = given.first else {
            throw row.problem("", "项目、地块、园区、企业四列中应恰好填一列，指明\(subject.label)关于谁")
        }
        return only
    }

    /// `Validate.code` on the code the file gives (none: one is handed out when the row is written).
    private func validateCode(_ staged: inout Staged) throws {
        if let code = staged.code { staged.code = try Validate.code(code) }
    }
}
