import GRDB

public struct ProjectDraft: Sendable {
    public var name: String
    public var code: String?
    public var kind: ProjectKind
    public var stage: ProjectStage = .planning
    public var progress: Int?
    public var investment: Money?
    /// REFs, resolved in the same transaction as the insert.
    public var park: String?
    public var parcel: String?
    public var provincialMajor = false
    public var registered = false
    public var department: String?
    public var plannedStart: Day?
    public var plannedCompletion: Day?
    public var note: String?
    public var on: Day
    public var quote: String?

    public init(name: String, kind: ProjectKind, on: Day) {
        self.name = name
        self.kind = kind
        self.on = on
    }
}

public struct ProjectUpdate: Sendable {
    public var stage: ProjectStage?
    public var progress: Int?
    public var note: String?
    public var on: Day
    public var correction = false
    public init(on: Day) { self.on = on }
}

/// Descriptive fields to change; nil leaves a field as it is.
public struct ProjectEdit: Sendable {
    public var name: String?
    public var kind: ProjectKind?
    public var investment: Money?
    public var park: String?
    public var parcel: String?
    public var provincialMajor: Bool?
    public var registered: Bool?
    public var department: String?
    public var plannedStart: Day?
    public var plannedCompletion: Day?
    public var note: String?
    public var on: Day
    public init(on: Day) { self.on = on }
}

extension Ledger {
    @discardableResult
    public func addProject(_ draft: ProjectDraft, context: WriteContext) throws -> Project {
        try write { db in try insertProject(draft, batch: try beginBatch(db, context), context: context, in: db) }
    }

    func insertProject(_ draft: ProjectDraft, batch: Int64, context: WriteContext, codes: CodeCounter? = nil, in db: Database) throws -> Project {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "项目名称")
        let revived = try Self.undoneRow(name, .project, in: db)
        if revived == nil { try Self.checkNameFree(name, .project, in: db) }
        let code = try Validate.code(draft.code) ?? revived?.code ?? Self.nextCode(.project, in: db, counter: codes)
        try Self.checkCodeFree(code, .project, in: db, except: revived?.id)
        try Self.checkPlan(draft.plannedStart, draft.plannedCompletion)
        var project = Project(
            code: code, name: name, kind: draft.kind, investmentYuan: draft.investment?.yuan,
            parkId: try draft.park.map { try References.resolve($0, kind: .park, in: db).id },
            parcelId: try draft.parcel.map { try References.resolve($0, kind: .parcel, in: db).id },
            provincialMajor: draft.provincialMajor, registered: draft.registered,
            department: try Validate.optionalText(draft.department, what: "责任部门", limit: 100),
            plannedStart: draft.plannedStart, plannedCompletion: draft.plannedCompletion, quote: draft.quote)
        project.id = revived?.id
        if revived == nil { try project.insertPrepared(db) } else { try project.update(db) }
        var entry = Entry(batchId: batch, on: draft.on, action: .add, subject: SubjectID(kind: .project, id: project.id ?? 0))
        entry.stage = draft.stage
        entry.progress = try Validate.progress(draft.progress)
        entry.note = try Validate.note(draft.note)
        try entry.insertPrepared(db)
        return project
    }

    /// Records a status entry: stage, progress and a note, effective on a day.
    @discardableResult
    public func updateProject(_ ref: String, _ update: ProjectUpdate, context: WriteContext) throws -> Entry {
        try write { db in try recordProjectUpdate(ref, update, batch: nil, context: context, in: db) }
    }

    func recordProjectUpdate(_ ref: String, _ update: ProjectUpdate, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        try recordProjectUpdate(try References.resolve(ref, kind: .project, in: db), update, batch: batch, context: context, in: db)
    }

    /// The same for a project already resolved: an import has resolved each row's subject once.
    func recordProjectUpdate(_ subject: Subject, _ update: ProjectUpdate, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        guard update.stage != nil || update.progress != nil || update.note != nil else {
            throw LedgerError.usage("没有要记录的内容：请给出 --stage、--progress 或 --note")
        }
        let checked: [String] = update.correction ? [] : (update.stage == nil ? [] : ["stage"]) + (update.progress == nil ? [] : ["progress"])
        let around = try State.surroundings(of: subject.subjectID, on: update.on, columns: checked, in: db)
        try checkEntryDay(update.on, for: subject, createdOn: around.createdOn, context: context)
        if let stage = update.stage {
            try State.checkOrder(stage, previous: around.previous("stage"), following: around.following("stage"),
                                 subject: subject, on: update.on, correction: update.correction)
        }
        if let progress = try Validate.progress(update.progress), !update.correction {
            if let previous: Int = around.previous("progress"), progress < previous {
                throw LedgerError.data("\(subject.listing)的进度已是\(previous)%，改为\(progress)%是倒退：如确为更正，请加 --correction")
            }
            if let following: Int = around.following("progress"), following < progress {
                throw LedgerError.data("\(subject.listing)在\(update.on.iso)之后已记为\(following)%，此前不能是更高的\(progress)%：如确为更正，请加 --correction")
            }
        }
        var entry = Entry(batchId: try batch ?? beginBatch(db, context), on: update.on, action: .update, subject: subject.subjectID)
        entry.stage = update.stage
        entry.progress = update.progress
        entry.note = try Validate.note(update.note)
        entry.correction = update.correction
        try entry.insertPrepared(db)
        return entry
    }

    /// Changes descriptive fields; the edit is itself an entry listing old and new values.
    @discardableResult
    public func editProject(_ ref: String, _ edit: ProjectEdit, context: WriteContext) throws -> Entry {
        try write { db in
            let subject = try References.resolve(ref, kind: .project, in: db)
            try checkEntryDay(edit.on, for: subject, context: context, in: db)
            guard var project = try Project.fetchOne(db, key: subject.id) else { throw LedgerError.data("找不到项目\(subject.code)") }
            var changes = ChangeSet()
            if let name = edit.name {
                let valid = try Validate.name(name, what: "项目名称")
                try Self.checkNameFree(valid, .project, in: db, except: project.id)
                changes.set("name", &project.name, valid)
            }
            if let kind = edit.kind { changes.set("kind", &project.kind, kind) }
            if let money = edit.investment { changes.set("investment_yuan", &project.investmentYuan, money.yuan) }
            if let park = edit.park { try changes.link("park", &project.parkId, to: try References.resolve(park, kind: .park, in: db), in: db) }
            if let parcel = edit.parcel { try changes.link("parcel", &project.parcelId, to: try References.resolve(parcel, kind: .parcel, in: db), in: db) }
            if let flag = edit.provincialMajor { changes.set("provincial_major", &project.provincialMajor, flag) }
            if let flag = edit.registered { changes.set("registered", &project.registered, flag) }
            if let department = edit.department {
                changes.set("department", &project.department, try Validate.optionalText(department, what: "责任部门", limit: 100))
            }
            if let day = edit.plannedStart { changes.set("planned_start", &project.plannedStart, day) }
            if let day = edit.plannedCompletion { changes.set("planned_completion", &project.plannedCompletion, day) }
            try Self.checkPlan(project.plannedStart, project.plannedCompletion)
            try project.update(db)
            return try recordEdit(changes, note: edit.note, subject: subject, on: edit.on, context: context, in: db)
        }
    }

    static func checkPlan(_ start: Day?, _ completion: Day?) throws {
        if let start, let completion, completion < start {
            throw LedgerError.data("计划竣工日期（\(completion.iso)）早于计划开工日期（\(start.iso)）")
        }
    }

    /// Shared by every status command: not in the future, not before the subject existed.
    func checkEntryDay(_ day: Day, for subject: Subject, context: WriteContext, in db: Database) throws {
        try checkEntryDay(day, for: subject, createdOn: try State.createdOn(subject.subjectID, in: db), context: context)
    }

    /// The same, with the day the subject was added already read (`Surroundings`).
    func checkEntryDay(_ day: Day, for subject: Subject, createdOn created: Day?, context: WriteContext) throws {
        try checkEffective(day, context)
        if let created, day < created {
            throw LedgerError.data("\(subject.listing)于\(created.iso)记入账本，不能记录更早（\(day.iso)）的情况")
        }
    }

    func recordEdit(_ changes: ChangeSet, note: String?, subject: Subject, on day: Day,
                    context: WriteContext, in db: Database) throws -> Entry {
        guard !changes.isEmpty || note != nil else {
            throw LedgerError.usage("没有要修改的内容：请给出要改的字段")
        }
        var entry = Entry(batchId: try beginBatch(db, context), on: day, action: .edit, subject: subject.subjectID)
        entry.changes = changes.json
        entry.note = try Validate.note(note)
        try entry.insertPrepared(db)
        return entry
    }
}

/// What an edit changed, field by field, as text for the history.
struct ChangeSet {
    private var fields: [String: (String?, String?)] = [:]
    var isEmpty: Bool { fields.isEmpty }
    var json: String? { Ledger.changesJSON(fields) }

    mutating func set<Value: Equatable>(_ field: String, _ target: inout Value, _ new: Value) {
        guard target != new else { return }
        fields[field] = (Self.text(target), Self.text(new))
        target = new
    }

    /// A link to another row is kept by its code, which survives export and import; ids may not.
    mutating func link(_ field: String, _ target: inout Int64?, to subject: Subject, in db: Database) throws {
        guard target != subject.id else { return }
        let old = try target.flatMap {
            try String.fetchOne(try db.cachedStatement(sql: "SELECT code FROM \(subject.kind.table) WHERE id = ?"), arguments: [$0])
        }
        fields[field] = (old, subject.code)
        target = subject.id
    }

    private static func text(_ value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return text(wrapped)
        }
        if let labeled = value as? any Labeled { return labeled.rawValue }
        if let day = value as? Day { return day.iso }
        return "\(value)"
    }
}
