import GRDB

/// Turns one row of each kind into the same operations the commands use, inside the import's
/// transaction. Returns false for a row already in the ledger (skipped, so imports repeat safely).
/// The batches of one import: a first one for the command, and for history rows that keep their
/// own author and time, more that point to it, so that `undo` takes the whole import back.
final class ImportBatches {
    let ledger: Ledger
    let context: WriteContext
    let command: String
    /// Codes for rows the files give none, handed out without a scan per row.
    let codes = CodeCounter()
    private var root: Int64?
    private var current: (author: String, recordedAt: String, batch: WriteBatch)?

    init(ledger: Ledger, context: WriteContext, command: String) {
        self.ledger = ledger
        self.context = context
        self.command = command
    }

    /// The batches made so far, to go back to when the work that made later ones is taken back.
    struct Snapshot {
        fileprivate let root: Int64?
        fileprivate let current: (author: String, recordedAt: String, batch: WriteBatch)?
    }

    func snapshot() -> Snapshot { Snapshot(root: root, current: current) }

    func restore(_ snapshot: Snapshot) {
        root = snapshot.root
        current = snapshot.current
    }

    /// Whether the command's first batch is written yet.
    var hasShared: Bool { root != nil }

    func shared(in db: Session) throws -> WriteBatch {
        if let root { return WriteBatch(id: root) }
        let id = try ledger.beginBatch(db, author: context.author, recordedAt: context.recordedAt, command: String(command.prefix(100)))
        root = id
        return WriteBatch(id: id)
    }

    /// Consecutive rows by one author at one time form one batch, as they did when recorded; the
    /// import is still the one command that recorded them here.
    func history(author: String, recordedAt: String, in db: Session) throws -> WriteBatch {
        if let current, current.author == author, current.recordedAt == recordedAt { return current.batch }
        let root = try shared(in: db)
        let id = try ledger.beginBatch(db, author: author, recordedAt: recordedAt, command: String(command.prefix(100)), partOf: root.id)
        let batch = WriteBatch(id: id, command: root.id)
        current = (author, recordedAt, batch)
        return batch
    }
}

/// Turns one row of each kind into the same operations the commands use, inside the import's
/// transaction. Returns false for a row already in the ledger (skipped, so imports repeat safely).
final class RowImporter {
    let ledger: Ledger
    let kind: ImportKind
    let context: WriteContext
    let db: Session
    let batches: ImportBatches
    let subjects = KnownSubjects()

    init(ledger: Ledger, kind: ImportKind, batches: ImportBatches, db: Session) {
        self.ledger = ledger
        self.kind = kind
        self.context = batches.context
        self.batches = batches
        self.db = db
    }

    func sharedBatch() throws -> WriteBatch { try batches.shared(in: db) }

    private func exists(_ sql: String, _ arguments: SQLArguments) throws -> Bool {
        try Bool.fetchOne(try db.cachedStatement(sql: "SELECT \(PortableSQL.flag("EXISTS (\(sql))"))"), arguments: arguments) ?? false
    }

    private lazy var reader = AddRowReader(kind, ledger: ledger, context: context)
    private lazy var references = ReferenceCache(db: db)

    /// Whether a row is already in the ledger: by its code when the file gives one (two rows alike
    /// in content but with different codes are two rows), else by what names it (`name`, and for a
    /// tenant its park, for a milestone its subject and due). A row that names a subject there is
    /// read whole and must be what that subject's add recorded; a row that differs is refused.
    private func alreadyThere(_ row: ImportRow, name: String, link: Int64? = nil, linkKind: SubjectKind? = nil, due: String? = nil) throws -> Bool {
        var key = reader.blank()
        key.code = row.text("code")
        key.name = name.trimmingWhitespaceAndNewlines()
        key.link = link
        key.linkKind = linkKind
        key.due = due
        guard let id = try reader.matched(key, in: db) else { return false }
        var staged = reader.blank()
        var segment = 0
        try reader.read(row, into: &staged, segment: &segment, references)
        if let problem = try reader.conflict(staged, subject: id, line: row.line, header: row.header, in: db) { throw problem }
        return true
    }

    private func reference(_ row: ImportRow, _ key: String, _ kind: SubjectKind) throws -> Subject? {
        guard let text = row.text(key) else { return nil }
        do { return try subjects.resolve(text, kind: kind, in: db) } catch let error as LedgerError { throw row.problem(key, error.message) }
    }

    func importRow(_ row: ImportRow) throws -> Bool {
        switch kind {
        case .zone: return try zone(row)
        case .parks: return try park(row)
        case .parcels: return try parcel(row)
        case .projects: return try project(row)
        case .tenants: return try tenant(row)
        case .milestones: return try milestone(row)
        case .problems: return try problem(row)
        case .figures: return try figure(row)
        case .updates: return try update(row)
        }
    }

    private func zone(_ row: ImportRow) throws -> Bool {
        let name = try Validate.name(try row.required("name"), what: "开发区名称")
        let reportDay = try row.day("report_day")
        guard var zone = try Zone.fetchOne(db, key: 1) else { throw row.problem("", "账本缺少开发区信息") }
        guard zone.name != name || zone.reportDay != reportDay else { return false }
        _ = try ledger.beginBatch(db, author: context.author, recordedAt: context.recordedAt, command: "zone rename: \(zone.name) → \(name)".prefix(100).description,
                                  partOf: try sharedBatch().id)
        zone.name = name
        zone.reportDay = reportDay ?? zone.reportDay
        try zone.update(db)
        return true
    }

    private func park(_ row: ImportRow) throws -> Bool {
        let name = try row.required("name")
        if try alreadyThere(row, name: name) { return false }
        var draft = ParkDraft(name: name, kind: try row.choice("kind", ParkKind.self) ?? .microPark, on: try row.day("on") ?? row.today)
        draft.code = row.text("code")
        draft.figures.area = try row.area("area_mu")
        draft.figures.areaApproximate = try row.flag("area_approximate")
        draft.figures.plotRatioHundredths = try row.read("plot_ratio") { try parseHundredths($0, what: row.header("plot_ratio")) }
        draft.figures.floorAreaM2 = try row.read("floor_area_m2") { try parseCount($0, what: row.header("floor_area_m2"), units: ["平方米", "㎡"]) }
        draft.figures.investment = try row.money("investment")
        draft.figures.expectedOutput = try row.money("expected_output")
        draft.figures.expectedTax = try row.money("expected_tax")
        draft.figures.buildings = try row.read("buildings") { try parseCount($0, what: row.header("buildings"), units: ["幢"]) }
        draft.figures.industries = row.text("industries")
        draft.note = row.text("note")
        draft.quote = row.text("quote")
        _ = try ledger.insertPark(draft, batch: try sharedBatch(), context: context, codes: batches.codes, in: db)
        return true
    }

    private func parcel(_ row: ImportRow) throws -> Bool {
        let name = try row.required("name")
        if try alreadyThere(row, name: name) { return false }
        guard let area = try row.area("area_mu") else { throw row.problem("area_mu", "不能为空") }
        var draft = ParcelDraft(name: name, area: area, on: try row.day("on") ?? row.today)
        draft.code = row.text("code")
        draft.landUse = row.text("land_use")
        draft.status = try row.choice("status", ParcelStatus.self) ?? .planned
        draft.project = try reference(row, "project", .project)?.code
        draft.note = row.text("note")
        draft.quote = row.text("quote")
        _ = try ledger.insertParcel(draft, batch: try sharedBatch(), context: context, codes: batches.codes, in: db)
        return true
    }

    private func project(_ row: ImportRow) throws -> Bool {
        let name = try row.required("name")
        if try alreadyThere(row, name: name) { return false }
        let on = try row.day("on") ?? row.today
        var draft = ProjectDraft(name: name, kind: try row.choice("kind", ProjectKind.self) ?? .industrial, on: on)
        draft.code = row.text("code")
        draft.stage = try row.choice("stage", ProjectStage.self) ?? .planning
        draft.progress = try row.integer("progress")
        draft.investment = try row.money("investment")
        draft.park = try reference(row, "park", .park)?.code
        draft.parcel = try reference(row, "parcel", .parcel)?.code
        draft.provincialMajor = try row.flag("provincial_major") ?? false
        draft.registered = try row.flag("registered") ?? false
        draft.department = row.text("department")
        draft.owner = row.text("owner")
        draft.leader = row.text("leader")
        draft.scope = row.text("scope")
        draft.plannedStart = try row.day("planned_start", relativeTo: on)
        draft.plannedCompletion = try row.day("planned_completion", relativeTo: on)
        draft.note = row.text("note")
        draft.quote = row.text("quote")
        _ = try ledger.insertProject(draft, batch: try sharedBatch(), context: context, codes: batches.codes, in: db)
        return true
    }

    private func tenant(_ row: ImportRow) throws -> Bool {
        let name = try row.required("name")
        guard let park = try reference(row, "park", .park) else { throw row.problem("park", "不能为空") }
        if try alreadyThere(row, name: name, link: park.id) { return false }
        var draft = TenantDraft(name: name, park: park.code, on: try row.day("on") ?? row.today)
        draft.code = row.text("code")
        draft.status = try row.choice("status", TenantStatus.self) ?? .signed
        draft.note = row.text("note")
        draft.quote = row.text("quote")
        _ = try ledger.insertTenant(draft, batch: try sharedBatch(), context: context, codes: batches.codes, in: db)
        return true
    }

    /// What a milestone or problem row is about: exactly one of its four link columns.
    private func linked(_ row: ImportRow) throws -> Subject {
        let columns: [(String, SubjectKind)] = [("project", .project), ("parcel", .parcel), ("park", .park), ("tenant", .tenant)]
        let given = try columns.compactMap { key, kind in try reference(row, key, kind) }
        guard given.count == 1, let subject = given.first else {
            throw row.problem("", "项目、地块、园区、企业四列中应恰好填一列，指明\(kind.subjectKind?.label ?? "")关于谁")
        }
        return subject
    }

    private func milestone(_ row: ImportRow) throws -> Bool {
        let subject = try linked(row)
        let title = try row.required("title")
        let on = try row.day("on") ?? row.today
        guard let due = try row.due("due", promisedOn: on) else { throw row.problem("due", "不能为空") }
        if try alreadyThere(row, name: title, link: subject.id, linkKind: subject.kind, due: due.text) { return false }
        var draft = MilestoneDraft(title: title, subjectKind: subject.kind, subject: subject.code, due: due, on: on)
        draft.code = row.text("code")
        draft.department = row.text("department")
        draft.note = row.text("note")
        draft.quote = row.text("quote")
        _ = try ledger.insertMilestone(draft, about: subject, batch: try sharedBatch(), context: context, codes: batches.codes, in: db)
        return true
    }

    private func problem(_ row: ImportRow) throws -> Bool {
        let subject = try linked(row)
        let title = try row.required("title")
        if try alreadyThere(row, name: title, link: subject.id, linkKind: subject.kind) { return false }
        let on = try row.day("on") ?? row.today
        var draft = ProblemDraft(text: title, subjectKind: subject.kind, subject: subject.code, on: on)
        draft.due = try row.due("due", promisedOn: on)
        draft.code = row.text("code")
        draft.department = row.text("department")
        draft.leader = row.text("leader")
        draft.note = row.text("note")
        draft.quote = row.text("quote")
        _ = try ledger.insertProblem(draft, about: subject, batch: try sharedBatch(), context: context, codes: batches.codes, in: db)
        return true
    }

    private func figure(_ row: ImportRow) throws -> Bool {
        guard let category = try row.choice("category", FigureCategory.self) else { throw row.problem("category", "不能为空") }
        guard let from = try row.date("from"), let to = try row.day("to") else { throw row.problem("from", "统计期不能为空") }
        guard let value = try row.decimal("value") else { throw row.problem("value", "不能为空") }
        let park = try reference(row, "park", .park)
        var draft = FigureDraft(category: category, metric: try row.required("metric"), from: from.startDay, to: to,
                                knownOn: try row.day("known_on") ?? row.today, value: value, unit: try row.required("unit"))
        if try exists("""
            SELECT 1 FROM live_figure WHERE category = ? AND metric = ? AND park_id IS NOT DISTINCT FROM ? AND period_from = ? AND period_to = ?
              AND value = ? AND unit = ?
            """, [category.rawValue, draft.metric, park?.id, draft.from, draft.to, value.plainText, draft.unit]) { return false }
        draft.code = row.text("code")
        draft.key = row.text("key")
        draft.park = park?.code
        draft.approximate = try row.flag("approximate") ?? false
        draft.yoyPercent = try row.decimal("yoy")
        draft.quote = row.text("quote")
        _ = try ledger.insertFigure(draft, batch: try sharedBatch().id, context: context, codes: batches.codes, in: db)
        return true
    }
}

extension LedgerDate {
    /// Where a period begins: "2021-01" or "2021年" start on their first day; a day is itself.
    public var startDay: Day {
        switch precision {
        case .month: day.firstOfMonth
        case .year: Day(year: day.year, month: 1, day: 1) ?? day
        case .quarter: Day(year: day.year, month: day.month - 2, day: 1) ?? day
        case .half: Day(year: day.year, month: day.month - 5, day: 1) ?? day
        default: day
        }
    }
}
