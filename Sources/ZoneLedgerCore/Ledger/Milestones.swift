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

/// A milestone as of a day, read from its span: open, done or cancelled; its current due date.
public struct MilestoneStatus: Sendable {
    public var state: MilestoneState
    public var due: Day
    public var dueText: String
    public var reschedules: Int
    /// When it was done or cancelled, if it was.
    public var closedOn: Day?

    static func of(_ id: Int64, asOf day: Day, in db: Session) throws -> MilestoneStatus {
        guard let span = try SpanStore.state(of: SubjectID(kind: .milestone, id: id), on: day, in: db) else {
            throw LedgerError.data("节点 \(id) 在\(day.iso)尚未立下")
        }
        return MilestoneStatus(span.state)
    }

    init(_ state: SpanState) {
        let layout = SpanLayout.milestone
        self.state = String.fromDatabaseValue(state[layout, "state"]).flatMap(MilestoneState.init(rawValue:)) ?? .open
        due = Day.fromDatabaseValue(state[layout, "due_on"]) ?? .lastDay(year: 2200, month: 12)
        dueText = String.fromDatabaseValue(state[layout, "due_text"]) ?? ""
        reschedules = Int.fromDatabaseValue(state[layout, "reschedules"]) ?? 0
        closedOn = Day.fromDatabaseValue(state[layout, "closed_on"])
    }
}

extension Ledger {
    @discardableResult
    public func addMilestone(_ draft: MilestoneDraft, context: WriteContext) throws -> Receipt {
        try write { db in
            guard draft.subjectKind != .milestone else { throw LedgerError.usage("节点的对象须是项目、地块、园区或企业") }
            let subject = try References.resolve(draft.subject, kind: draft.subjectKind, in: db)
            return try insertMilestone(draft, about: subject, batch: try newBatch(db, context), context: context, in: db)
        }
    }

    /// The same for a subject already resolved (of the draft's kind): an import has resolved it once.
    func insertMilestone(_ draft: MilestoneDraft, about subject: Subject, batch: WriteBatch, context: WriteContext,
                         codes: CodeCounter? = nil, in db: Session) throws -> Receipt {
        guard draft.subjectKind != .milestone else { throw LedgerError.usage("节点的对象须是项目、地块、园区或企业") }
        try checkEntryDay(draft.on, for: subject, context: context, in: db)
        let title = try Validate.name(draft.title, what: "节点内容")
        let code = try Validate.code(draft.code) ?? Self.nextCode(.milestone, in: db, counter: codes)
        try Self.checkCodeFree(code, .milestone, in: db)
        let due = LedgerDate(day: draft.due.day, text: try Validate.name(draft.due.text, what: "到期日写法"), precision: draft.due.precision)
        try Self.checkDue(due, promisedOn: draft.on, context)
        var row = SubjectRow(kind: .milestone, code: code, createdBatch: batch.command, quote: draft.quote)
        try row.insertPrepared(db)
        var entry = Entry(batchId: batch.id, on: draft.on, action: .add, subject: SubjectID(kind: .milestone, id: row.id ?? 0))
        entry[.title] = title.databaseValue
        entry[Field.milestoneSubject(subject.kind)] = subject.id.databaseValue
        entry.due = due
        entry[.milestoneDepartment] = try Validate.optionalText(draft.department, what: "责任部门", limit: 100)?.databaseValue ?? .null
        entry.note = try Validate.note(draft.note)
        try record(&entry, in: batch, db: db)
        return try receipt(Subject(kind: .milestone, id: row.id ?? 0, code: code, name: title), entry, in: db)
    }

    /// Marks a milestone done on a day, which may not precede the day it was promised.
    @discardableResult
    public func completeMilestone(_ ref: String, on day: Day, note: String?, context: WriteContext) throws -> Receipt {
        try milestoneAction(.done, ref, on: day, note: note, context: context)
    }

    @discardableResult
    public func cancelMilestone(_ ref: String, on day: Day, reason: String, context: WriteContext) throws -> Receipt {
        try milestoneAction(.cancel, ref, on: day, note: try Self.reason(reason), context: context)
    }

    /// Takes back a done or cancelled mark (a correction that keeps both entries).
    @discardableResult
    public func reopenMilestone(_ ref: String, on day: Day, reason: String, context: WriteContext) throws -> Receipt {
        try milestoneAction(.reopen, ref, on: day, note: try Self.reason(reason), context: context)
    }

    /// Moves the due date; the original stays on the milestone, so slippage stays visible.
    @discardableResult
    public func rescheduleMilestone(_ ref: String, to due: LedgerDate, on day: Day, reason: String,
                                    context: WriteContext) throws -> Receipt {
        try write { db in
            let reason = try Self.reason(reason)
            let subject = try References.resolve(ref, kind: .milestone, in: db)
            let entry = try recordReschedule(subject, to: due, on: day, reason: reason, batch: try newBatch(db, context), context: context, in: db)
            return try receipt(subject, entry, in: db)
        }
    }

    func recordReschedule(_ subject: Subject, to due: LedgerDate, on day: Day, reason: String, batch: WriteBatch,
                          context: WriteContext, in db: Session) throws -> Entry {
        let reason = try Self.reason(reason)
        try Self.checkDue(due, promisedOn: day, context, rescheduling: true)
        try checkEntryDay(day, for: subject, context: context, in: db)
        let status = try MilestoneStatus.of(subject.id, asOf: day, in: db)
        guard status.state == .open else { throw LedgerError.data("节点\(subject.listing)\(status.state.label)，不能改期") }
        guard status.due != due.day else {
            throw LedgerError.data("节点\(subject.listing)的到期日已是\(due.day.iso)，无需改期")
        }
        var entry = Entry(batchId: batch.id, on: day, action: .reschedule, subject: subject.subjectID)
        entry.due = LedgerDate(day: due.day, text: try Validate.name(due.text, what: "到期日写法"), precision: due.precision)
        entry.note = reason
        try record(&entry, in: batch, db: db)
        return entry
    }

    private func milestoneAction(_ action: EntryAction, _ ref: String, on day: Day, note: String?, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .milestone, in: db)
            let entry = try recordMilestoneAction(action, subject, on: day, note: note, batch: try newBatch(db, context), context: context, in: db)
            return try receipt(subject, entry, in: db)
        }
    }

    /// Done, cancel and reopen: each allowed only from the states that make sense, and never
    /// before a later done, cancel or reopen already recorded.
    func recordMilestoneAction(_ action: EntryAction, _ subject: Subject, on day: Day, note: String?, batch: WriteBatch,
                               context: WriteContext, in db: Session) throws -> Entry {
        if let created = try SpanStore.createdOn(subject.subjectID, in: db), day < created {
            throw LedgerError.data("节点\(subject.listing)于\(created.iso)立下，不能在此之前（\(day.iso)）\(action.label)")
        }
        try checkEffective(day, context)
        let state = try MilestoneStatus.of(subject.id, asOf: day, in: db).state
        switch action {
        case .done: guard state == .open else { throw LedgerError.data("节点\(subject.listing)\(state.label)，不能再标记完成") }
        case .cancel: guard state == .open else { throw LedgerError.data("节点\(subject.listing)\(state.label)，不能再取消") }
        default: guard state != .open else { throw LedgerError.data("节点\(subject.listing)尚未完成或取消，无需重开") }
        }
        if let later = try Self.laterClosing(subject, after: day, in: db) {
            throw LedgerError.data("节点\(subject.listing)在\(later.iso)已有完成、取消或重开的记录：不能在它之前再记一次")
        }
        var entry = Entry(batchId: batch.id, on: day, action: action, subject: subject.subjectID)
        entry.note = try Validate.note(note)
        try record(&entry, in: batch, db: db)
        return entry
    }

    /// The first day after `day` on which a milestone's or problem's state or closing day changes
    /// (a later done, cancel, resolve or reopen): a closing may not be slipped in before it.
    static func laterClosing(_ subject: Subject, after day: Day, in db: Session) throws -> Day? {
        let layout = SpanLayout.of(subject.kind)
        let now = try SpanStore.state(of: subject.subjectID, on: day, in: db)?.state
        let closing = { (state: SpanState?) in [state?[layout, "state"], state?[layout, "closed_on"]] }
        return try SpanStore.spans(of: subject.subjectID, after: day, in: db).first { closing($0.state) != closing(now) }?.from
    }

    static func reason(_ text: String) throws -> String {
        guard let reason = try Validate.note(text) else { throw LedgerError.usage("请用 --reason 写明原因") }
        return reason
    }
}

extension Ledger {
    /// Changes a milestone's wording, department or subject; its dates change only by reschedule.
    @discardableResult
    public func editMilestone(_ ref: String, title: String?, department: String?, subject newSubject: (kind: SubjectKind, ref: String)? = nil,
                              note: String?, on day: Day, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .milestone, in: db)
            var values: [(Field, DatabaseValue)] = []
            if let title { values.append((.title, try Validate.name(title, what: "节点内容").databaseValue)) }
            if let department {
                values.append((.milestoneDepartment, (try Validate.optionalText(department, what: "责任部门", limit: 100) ?? "").databaseValue))
            }
            if let newSubject {
                guard newSubject.kind != .milestone else { throw LedgerError.usage("节点的对象须是项目、地块、园区或企业") }
                let target = try References.resolve(newSubject.ref, kind: newSubject.kind, in: db)
                values.append((Field.milestoneSubject(target.kind), target.id.databaseValue))
            }
            return try editSubject(subject, values, note: note, on: day, context: context, in: db)
        }
    }

    /// How many of each kind the ledger holds, for `init`'s summary: what exists now.
    public func counts() throws -> [(label: String, count: Int)] {
        try read { db in
            var counts: [(String, Int)] = try [("项目", SubjectKind.project), ("地块", .parcel), ("园区", .park), ("企业", .tenant), ("节点", .milestone)].map { label, kind in
                let layout = SpanLayout.of(kind)
                return (label, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(layout.table) WHERE recorded_to IS NULL AND valid_to IS NULL") ?? 0)
            }
            counts.append(("数据", try Int.fetchOne(db, sql: "SELECT count(*) FROM live_figure") ?? 0))
            return counts
        }
    }
}

extension Ledger {
    /// A due date (a milestone's) or deadline (a problem's) before the day it is set would be
    /// overdue the moment it is written: only back-filled history (`--backfill`) may say so. A due
    /// date without a year never is one: it was already read as its next occurrence (`DateParser.parseDue`).
    static func checkDue(_ due: LedgerDate, promisedOn day: Day, _ context: WriteContext, of kind: SubjectKind = .milestone,
                         rescheduling: Bool = false) throws {
        guard due.day < day, !context.backfill else { return }
        if kind == .problem {
            throw LedgerError.data("期限\(due.words)早于记录的日期\(day.iso)：问题当天就会逾期。若是补录过去的问题，请加 --backfill")
        }
        throw LedgerError.data("""
            \(rescheduling ? "新的到期日" : "到期日")\(due.words)早于\(rescheduling ? "改期" : "立下")的日期\(day.iso)：节点当天就会逾期。\
            若是补录过去的节点，请加 --backfill
            """)
    }
}
