import GRDB

public struct MilestoneDraft: Sendable {
    public var title: String
    public var code: String?
    /// The subject's kind and REF: a milestone is about one project, parcel, park or tenant.
    public var subjectKind: SubjectKind
    public var subject: String
    public var due: LedgerDate
    public var department: String?
    public var note: String?
    public var on: Day
    public var quote: String?

    public init(title: String, subjectKind: SubjectKind, subject: String, due: LedgerDate, on: Day) {
        self.title = title
        self.subjectKind = subjectKind
        self.subject = subject
        self.due = due
        self.on = on
    }
}

extension Ledger {
    @discardableResult
    public func addMilestone(_ draft: MilestoneDraft, context: WriteContext) throws -> Milestone {
        try write { db in try insertMilestone(draft, batch: try beginBatch(db, context), context: context, in: db) }
    }

    func insertMilestone(_ draft: MilestoneDraft, batch: Int64, context: WriteContext, in db: Database) throws -> Milestone {
        guard draft.subjectKind != .milestone else { throw LedgerError.usage("节点的对象须是项目、地块、园区或企业") }
        let subject = try References.resolve(draft.subject, kind: draft.subjectKind, in: db)
        return try insertMilestone(draft, about: subject, batch: batch, context: context, in: db)
    }

    /// The same for a subject already resolved (of the draft's kind): an import has resolved it once.
    func insertMilestone(_ draft: MilestoneDraft, about subject: Subject, batch: Int64, context: WriteContext,
                         codes: CodeCounter? = nil, in db: Database) throws -> Milestone {
        guard draft.subjectKind != .milestone else { throw LedgerError.usage("节点的对象须是项目、地块、园区或企业") }
        try checkEntryDay(draft.on, for: subject, context: context, in: db)
        let code = try Validate.code(draft.code) ?? Self.nextCode(.milestone, in: db, counter: codes)
        try Self.checkCodeFree(code, .milestone, in: db)
        var milestone = Milestone(
            code: code, title: try Validate.name(draft.title, what: "节点内容"),
            dueOn: draft.due.day, dueText: try Validate.name(draft.due.text, what: "到期日写法"),
            duePrecision: draft.due.precision,
            department: try Validate.optionalText(draft.department, what: "责任部门", limit: 100), quote: draft.quote)
        switch draft.subjectKind {
        case .project: milestone.projectId = subject.id
        case .parcel: milestone.parcelId = subject.id
        case .park: milestone.parkId = subject.id
        case .tenant: milestone.tenantId = subject.id
        case .milestone: break
        }
        try milestone.insertPrepared(db)
        var entry = Entry(batchId: batch, on: draft.on, action: .add, subject: SubjectID(kind: .milestone, id: milestone.id ?? db.lastInsertedRowID))
        entry.note = try Validate.note(draft.note)
        try entry.insertPrepared(db)
        return milestone
    }

    /// Marks a milestone done on a day, which may not precede the day it was promised.
    @discardableResult
    public func completeMilestone(_ ref: String, on day: Day, note: String?, context: WriteContext) throws -> Entry {
        try milestoneAction(.done, ref, on: day, note: note, context: context)
    }

    @discardableResult
    public func cancelMilestone(_ ref: String, on day: Day, reason: String, context: WriteContext) throws -> Entry {
        try milestoneAction(.cancel, ref, on: day, note: try Self.reason(reason), context: context)
    }

    /// Takes back a done or cancelled mark (a correction that keeps both entries).
    @discardableResult
    public func reopenMilestone(_ ref: String, on day: Day, reason: String, context: WriteContext) throws -> Entry {
        try milestoneAction(.reopen, ref, on: day, note: try Self.reason(reason), context: context)
    }

    /// Moves the due date; the original stays on the milestone, so slippage stays visible.
    @discardableResult
    public func rescheduleMilestone(_ ref: String, to due: LedgerDate, on day: Day, reason: String,
                                    context: WriteContext) throws -> Entry {
        try write { db in try recordReschedule(ref, to: due, on: day, reason: reason, batch: nil, context: context, in: db) }
    }

    func recordReschedule(_ ref: String, to due: LedgerDate, on day: Day, reason: String, batch: Int64?,
                          context: WriteContext, in db: Database) throws -> Entry {
        let reason = try Self.reason(reason)
        let subject = try References.resolve(ref, kind: .milestone, in: db)
        return try recordReschedule(subject, to: due, on: day, reason: reason, batch: batch, context: context, in: db)
    }

    func recordReschedule(_ subject: Subject, to due: LedgerDate, on day: Day, reason: String, batch: Int64?,
                          context: WriteContext, in db: Database) throws -> Entry {
        let reason = try Self.reason(reason)
        try checkEntryDay(day, for: subject, context: context, in: db)
        let status = try MilestoneStatus.of(subject.id, asOf: day, in: db)
        guard status.state == .open else { throw LedgerError.data("节点\(subject.listing)\(status.state.label)，不能改期") }
        guard status.due != due.day else {
            throw LedgerError.data("节点\(subject.listing)的到期日已是\(due.day.iso)，无需改期")
        }
        var entry = Entry(batchId: try batch ?? beginBatch(db, context), on: day, action: .reschedule, subject: subject.subjectID)
        entry.dueOn = due.day
        entry.dueText = try Validate.name(due.text, what: "到期日写法")
        entry.duePrecision = due.precision
        entry.note = reason
        try entry.insertPrepared(db)
        return entry
    }

    private func milestoneAction(_ action: EntryAction, _ ref: String, on day: Day, note: String?, context: WriteContext) throws -> Entry {
        try write { db in try recordMilestoneAction(action, ref, on: day, note: note, batch: nil, context: context, in: db) }
    }

    /// Done, cancel and reopen: each allowed only from the states that make sense.
    func recordMilestoneAction(_ action: EntryAction, _ ref: String, on day: Day, note: String?, batch: Int64?,
                               context: WriteContext, in db: Database) throws -> Entry {
        let subject = try References.resolve(ref, kind: .milestone, in: db)
        return try recordMilestoneAction(action, subject, on: day, note: note, batch: batch, context: context, in: db)
    }

    func recordMilestoneAction(_ action: EntryAction, _ subject: Subject, on day: Day, note: String?, batch: Int64?,
                               context: WriteContext, in db: Database) throws -> Entry {
        let allowed: (MilestoneState, Subject) throws -> Void = { state, subject in
            switch action {
            case .done: guard state == .open else { throw LedgerError.data("节点\(subject.listing)\(state.label)，不能再标记完成") }
            case .cancel: guard state == .open else { throw LedgerError.data("节点\(subject.listing)\(state.label)，不能再取消") }
            default: guard state != .open else { throw LedgerError.data("节点\(subject.listing)尚未完成或取消，无需重开") }
            }
        }
        if let created = try State.createdOn(subject.subjectID, in: db), day < created {
            throw LedgerError.data("节点\(subject.listing)于\(created.iso)立下，不能在此之前（\(day.iso)）\(action.label)")
        }
        try checkEffective(day, context)
        try allowed(try MilestoneStatus.of(subject.id, asOf: day, in: db).state, subject)
        if let later = try Day.fetchOne(try db.cachedStatement(sql: """
            SELECT effective_on FROM live_entry WHERE milestone_id = ? AND action IN ('done', 'cancel', 'reopen')
            AND effective_on > ? LIMIT 1
            """), arguments: [subject.id, day]) {
            throw LedgerError.data("节点\(subject.listing)在\(later.iso)已有完成、取消或重开的记录：不能在它之前再记一次")
        }
        var entry = Entry(batchId: try batch ?? beginBatch(db, context), on: day, action: action, subject: subject.subjectID)
        entry.note = try Validate.note(note)
        try entry.insertPrepared(db)
        return entry
    }

    static func reason(_ text: String) throws -> String {
        guard let reason = try Validate.note(text) else { throw LedgerError.usage("请用 --reason 写明原因") }
        return reason
    }
}

extension Ledger {
    /// Changes a milestone's wording or department; its dates change only by reschedule.
    @discardableResult
    public func editMilestone(_ ref: String, title: String?, department: String?, note: String?, on day: Day,
                              context: WriteContext) throws -> Entry {
        try write { db in
            let subject = try References.resolve(ref, kind: .milestone, in: db)
            try checkEntryDay(day, for: subject, context: context, in: db)
            guard var milestone = try Milestone.fetchOne(db, key: subject.id) else { throw LedgerError.data("找不到节点\(subject.code)") }
            var changes = ChangeSet()
            if let title { changes.set("title", &milestone.title, try Validate.name(title, what: "节点内容")) }
            if let department {
                changes.set("department", &milestone.department, try Validate.optionalText(department, what: "责任部门", limit: 100))
            }
            try milestone.update(db)
            return try recordEdit(changes, note: note, subject: subject, on: day, context: context, in: db)
        }
    }

    /// How many of each kind the ledger holds, for `init`'s summary.
    public func counts() throws -> [(label: String, count: Int)] {
        try read { db in
            try [("项目", "project", "个"), ("地块", "parcel", "块"), ("园区", "park", "个"), ("企业", "tenant", "家"),
                 ("节点", "milestone", "个"), ("数据", "figure", "条")].map { label, table, unit in
                ("\(label)", try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0, unit)
            }.map { ($0.0, $0.1) }
        }
    }
}
