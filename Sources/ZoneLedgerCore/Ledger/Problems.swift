import GRDB

/// A problem to coordinate (存在问题) as a person raises it: what it is, what it holds up, who
/// answers for it, and by when it should be solved (often left open).
public struct ProblemDraft: Sendable {
    public var text: String
    public var code: String?
    /// The subject it holds up: a project, parcel, park or tenant, by REF.
    public var subjectKind: SubjectKind
    public var subject: String
    public var department: String?
    public var leader: String?
    public var due: LedgerDate?
    public var note: String?
    public var on: Day
    public var quote: String?

    public init(text: String, subjectKind: SubjectKind, subject: String, on: Day) {
        self.text = text
        self.subjectKind = subjectKind
        self.subject = subject
        self.on = on
    }
}

/// A problem as of a day, read from its span.
public struct ProblemStatus: Sendable {
    public var state: ProblemState
    public var raisedOn: Day
    public var closedOn: Day?
    public var due: LedgerDate?

    init(_ state: SpanState) {
        let layout = SpanLayout.problem
        self.state = String.fromDatabaseValue(state[layout, "state"]).flatMap(ProblemState.init(rawValue:)) ?? .open
        raisedOn = Day.fromDatabaseValue(state[layout, "raised_on"]) ?? Day(year: 1990, month: 1, day: 1)!
        closedOn = Day.fromDatabaseValue(state[layout, "closed_on"])
        due = ProblemStatus.due(state)
    }

    static func due(_ state: SpanState) -> LedgerDate? {
        let layout = SpanLayout.problem
        guard let day = Day.fromDatabaseValue(state[layout, "due_on"]), let text = String.fromDatabaseValue(state[layout, "due_text"]),
              let precision = String.fromDatabaseValue(state[layout, "due_precision"]).flatMap(DatePrecision.init(rawValue:)) else { return nil }
        return LedgerDate(day: day, text: text, precision: precision)
    }

    static func of(_ subject: Subject, asOf day: Day, in db: Session) throws -> ProblemStatus {
        guard let span = try SpanStore.state(of: subject.subjectID, on: day, in: db) else {
            throw LedgerError.data("问题\(subject.listing)在\(day.iso)尚未提出")
        }
        return ProblemStatus(span.state)
    }
}

extension Ledger {
    @discardableResult
    public func addProblem(_ draft: ProblemDraft, context: WriteContext) throws -> Receipt {
        try write { db in
            guard !draft.subjectKind.isAboutSubject else { throw LedgerError.usage("问题的对象须是项目、地块、园区或企业") }
            let subject = try References.resolve(draft.subject, kind: draft.subjectKind, in: db)
            return try insertProblem(draft, about: subject, batch: try newBatch(db, context), context: context, in: db)
        }
    }

    func insertProblem(_ draft: ProblemDraft, about subject: Subject, batch: WriteBatch, context: WriteContext,
                       codes: CodeCounter? = nil, in db: Session) throws -> Receipt {
        try checkEntryDay(draft.on, for: subject, context: context, in: db)
        let text = try Validate.name(draft.text, what: "问题描述")
        let code = try Validate.code(draft.code) ?? Self.nextCode(.problem, in: db, counter: codes)
        try Self.checkCodeFree(code, .problem, in: db)
        var row = SubjectRow(kind: .problem, code: code, createdBatch: batch.command, quote: draft.quote)
        try row.insertPrepared(db)
        var entry = Entry(batchId: batch.id, on: draft.on, action: .add, subject: SubjectID(kind: .problem, id: row.id ?? 0))
        entry[.problemTitle] = text.databaseValue
        entry[Field.milestoneSubject(subject.kind)] = subject.id.databaseValue
        entry[.problemDepartment] = try Validate.optionalText(draft.department, what: "责任单位", limit: 100)?.databaseValue ?? .null
        entry[.problemLeader] = try Validate.optionalText(draft.leader, what: "挂钩领导", limit: 100)?.databaseValue ?? .null
        if let due = draft.due {
            try Self.checkDue(due, promisedOn: draft.on, context, of: .problem)
            entry.due = LedgerDate(day: due.day, text: try Validate.name(due.text, what: "期限写法"), precision: due.precision)
        }
        entry.note = try Validate.note(draft.note)
        try record(&entry, in: batch, db: db)
        return try receipt(Subject(kind: .problem, id: row.id ?? 0, code: code, name: text), entry, in: db)
    }

    /// Marks a problem resolved on a day, saying how (解决情况).
    @discardableResult
    public func resolveProblem(_ ref: String, on day: Day, note: String, context: WriteContext) throws -> Receipt {
        try problemAction(.done, ref, on: day, note: note, context: context)
    }

    /// Takes a resolution back: the problem is open again from that day (both entries stay).
    @discardableResult
    public func reopenProblem(_ ref: String, on day: Day, reason: String, context: WriteContext) throws -> Receipt {
        try problemAction(.reopen, ref, on: day, note: reason, context: context)
    }

    private func problemAction(_ action: EntryAction, _ ref: String, on day: Day, note: String, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .problem, in: db)
            let entry = try recordProblemAction(action, subject, on: day, note: note, batch: try newBatch(db, context), context: context, in: db)
            return try receipt(subject, entry, in: db)
        }
    }

    /// Resolve and reopen: each only from the state that makes sense on its day, and never before a
    /// later resolve or reopen already recorded.
    func recordProblemAction(_ action: EntryAction, _ subject: Subject, on day: Day, note: String?, batch: WriteBatch,
                             context: WriteContext, in db: Session) throws -> Entry {
        guard let note = try Validate.note(note) else {
            throw LedgerError.usage(action == .done ? "请用 --note 写明解决情况" : "请用 --reason 写明重开的原因")
        }
        if let created = try SpanStore.createdOn(subject.subjectID, in: db), day < created {
            throw LedgerError.data("问题\(subject.listing)于\(created.iso)提出，不能在此之前（\(day.iso)）\(action == .done ? "解决" : "重开")")
        }
        try checkEffective(day, context)
        let state = try ProblemStatus.of(subject, asOf: day, in: db).state
        switch action {
        case .done: guard state == .open else { throw LedgerError.data("问题\(subject.listing)在\(day.iso)已解决，不能再标记解决") }
        default: guard state == .resolved else { throw LedgerError.data("问题\(subject.listing)在\(day.iso)尚未解决，无需重开") }
        }
        if let later = try Self.laterClosing(subject, after: day, in: db) {
            throw LedgerError.data("问题\(subject.listing)在\(later.iso)已有解决或重开的记录：不能在它之前再记一次")
        }
        var entry = Entry(batchId: batch.id, on: day, action: action, subject: subject.subjectID)
        entry.note = note
        try record(&entry, in: batch, db: db)
        return entry
    }

    /// Changes a problem's wording, unit, leader, subject or deadline, effective on a day.
    @discardableResult
    public func editProblem(_ ref: String, _ texts: [(key: String, text: String)], due: LedgerDate?, note: String?,
                            on day: Day, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .problem, in: db)
            let values = try Self.fieldValues(.problem, texts, on: day, in: db)
            let (entry, changes) = try prepareProblemEdit(subject, values, due: due, note: note, on: day, context: context, in: db)
            guard var entry else {
                if values.isEmpty && due == nil { throw LedgerError.usage("没有要修改的内容：请给出要改的字段") }
                throw LedgerError.data("\(subject.listing)在\(day.iso)已是这些值：没有要修改的内容")
            }
            try record(&entry, in: try newBatch(db, context), db: db)
            return try receipt(subject, entry, changes: changes, in: db)
        }
    }

    /// An edit's entry (nil when it changes nothing and says nothing) and its changes: the fields
    /// as `edit` sets them, and the deadline, which is no field (it has a day and the words written).
    func prepareProblemEdit(_ subject: Subject, _ values: [(Field, DatabaseValue)], due: LedgerDate?, note: String?, on day: Day,
                            context: WriteContext, in db: Session) throws -> (Entry?, [FieldChange]) {
        var (entry, changes) = try prepareEdit(subject, values, note: note, on: day, context: context, in: db)
        if let due {
            let before = try ProblemStatus.of(subject, asOf: day, in: db).due
            if before?.day != due.day || before?.text != due.text {
                try Self.checkDue(due, promisedOn: day, context, of: .problem)
                entry.due = LedgerDate(day: due.day, text: try Validate.name(due.text, what: "期限写法"), precision: due.precision)
                changes.append(FieldChange(label: "期限", old: before.map { $0.words } ?? "（空）", new: due.words))
            }
        }
        return (changes.isEmpty && entry.note == nil ? nil : entry, changes)
    }

}
