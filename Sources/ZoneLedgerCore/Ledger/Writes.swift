import GRDB

/// The batch a write goes into, and its command: the command's first batch, whose id is the
/// moment every span the command changes is recorded at.
struct WriteBatch: Sendable {
    let id: Int64
    let command: Int64
    init(id: Int64, command: Int64? = nil) {
        self.id = id
        self.command = command ?? id
    }
}

/// One field an edit changed, in words: "名称：甲 → 乙".
public struct FieldChange: Sendable, Equatable {
    public let label: String
    public let old: String
    public let new: String
    public var text: String { "\(label)：\(old) → \(new)" }
}

/// What a write recorded, for its confirmation: the subject as it stands after it, and the entry.
/// Commands print this; they never look the REF up a second time.
public struct Receipt: Sendable {
    public let subject: Subject
    public let entry: Entry
    public let changes: [FieldChange]
    /// What the entry set, in words: "阶段：在建；进度：30%" or an edit's changes.
    public let summary: String
}

extension Ledger {
    func newBatch(_ db: Session, _ context: WriteContext) throws -> WriteBatch {
        WriteBatch(id: try beginBatch(db, context))
    }

    /// Writes an entry and, in the same transaction, brings its subject's spans in line from the
    /// entry's day on: the one path every write takes.
    func record(_ entry: inout Entry, in batch: WriteBatch, db: Session) throws {
        entry.batchId = batch.id
        try entry.insertPrepared(db)
        // Most writes come last in their subject's history: only the latest span changes.
        if try !SpanStore.append(entry, command: batch.command, in: db) {
            try SpanStore.refresh(entry.subject, from: entry.effectiveOn, command: batch.command, in: db)
        }
    }

    /// The subject again after a write, under the name it now has.
    func receipt(_ subject: Subject, _ entry: Entry, changes: [FieldChange] = [], in db: Session) throws -> Receipt {
        let now = try References.resolve(String(subject.id), kind: subject.kind, in: db)
        let summary = changes.isEmpty ? try EntryText.summary(entry, in: db) : changes.map(\.text).joined(separator: "；")
        return Receipt(subject: now, entry: entry, changes: changes, summary: summary)
    }

    /// Shared by every status command: not in the future, not before the subject existed.
    func checkEntryDay(_ day: Day, for subject: Subject, context: WriteContext, in db: Session) throws {
        try checkEffective(day, context)
        if let created = try SpanStore.createdOn(subject.subjectID, in: db), day < created {
            throw LedgerError.data("\(subject.listing)于\(created.iso)记入账本，不能记录更早（\(day.iso)）的情况")
        }
    }

    /// The code of a linked subject, for change text: "Y5".
    static func code(_ kind: SubjectKind, _ id: Int64, in db: Session) -> String? {
        try? String.fetchOne(try db.cachedStatement(sql: "SELECT code FROM \(kind.table) WHERE id = ?"), arguments: [id])
    }

    /// A field's value in a state, in words. A milestone's subject may have been of another kind.
    static func oldWords(_ field: Field, _ state: SpanState?, _ layout: SpanLayout, in db: Session) -> String {
        guard let state else { return "（空）" }
        if field.key == "subject" {
            for kind in [SubjectKind.project, .parcel, .park, .tenant] {
                if let id = Int64.fromDatabaseValue(state[layout, kind.foreignKey]) { return code(kind, id, in: db) ?? "（空）" }
            }
        }
        return field.words(state[layout, field.spanColumn]) { code($0, $1, in: db) }
    }

    /// Sets each field whose value differs from the state on the entry's day, and says what changed.
    /// Fields left as they are stay out of the entry: it records changes, nothing more.
    static func setChanged(_ values: [(Field, DatabaseValue)], on entry: inout Entry, before state: SpanState,
                           _ layout: SpanLayout, in db: Session) -> [FieldChange] {
        var changes: [FieldChange] = []
        for (field, value) in values {
            let old = state[layout, field.spanColumn]
            // Clearing an optional text is '' in the entry and nothing in the state.
            let new = field.isClearable && String.fromDatabaseValue(value) == "" ? DatabaseValue.null : value
            guard old != new else { continue }
            entry[field] = value
            changes.append(FieldChange(label: field.label, old: oldWords(field, state, layout, in: db),
                                       new: field.words(new) { code($0, $1, in: db) }))
        }
        return changes
    }
}

extension Ledger {
    /// Changes descriptive fields, effective on a day. Each value is checked as `Field.parse`
    /// reads it; links are REFs. The entry carries only the fields that change on that day, and
    /// the change text compares with the state on that day (not with today's).
    func editSubject(_ subject: Subject, _ values: [(Field, DatabaseValue)], note: String?, on day: Day,
                     batch: WriteBatch? = nil, context: WriteContext, in db: Session) throws -> Receipt {
        var (entry, changes) = try prepareEdit(subject, values, note: note, on: day, context: context, in: db)
        guard !changes.isEmpty || entry.note != nil else {
            if values.isEmpty { throw LedgerError.usage("没有要修改的内容：请给出要改的字段") }
            throw LedgerError.data("\(subject.listing)在\(day.iso)已是这些值：没有要修改的内容")
        }
        try record(&entry, in: try batch ?? newBatch(db, context), db: db)
        return try receipt(subject, entry, changes: changes, in: db)
    }

    /// The edit's entry (not yet written) and what it changes, checked.
    func prepareEdit(_ subject: Subject, _ values: [(Field, DatabaseValue)], note: String?, on day: Day,
                     context: WriteContext, in db: Session) throws -> (Entry, [FieldChange]) {
        try checkEntryDay(day, for: subject, context: context, in: db)
        let layout = SpanLayout.of(subject.kind)
        guard let before = try SpanStore.state(of: subject.subjectID, on: day, in: db)?.state else {
            throw LedgerError.data("\(subject.listing)在\(day.iso)还不存在")
        }
        var entry = Entry(batchId: 0, on: day, action: .edit, subject: subject.subjectID)
        let changes = Self.setChanged(values, on: &entry, before: before, layout, in: db)
        entry.note = try Validate.note(note)
        try checkEdited(subject, entry, before: before, layout, in: db)
        return (entry, changes)
    }

    /// What an edit may not make: two subjects with one name, a completion before the start, a
    /// milestone about something that does not exist yet.
    private func checkEdited(_ subject: Subject, _ entry: Entry, before: SpanState, _ layout: SpanLayout, in db: Session) throws {
        var after = before
        for field in subject.kind.fields where !entry[field].isNull { after[layout, field.spanColumn] = entry[field] }
        if !subject.kind.isAboutSubject, let name = String.fromDatabaseValue(entry[.name]) {
            let park = subject.kind == .tenant ? Int64.fromDatabaseValue(after[layout, "park_id"]) : nil
            try Self.checkNameFree(name, subject.kind, park: park, in: db, except: subject.id)
        } else if subject.kind == .tenant, let park = Int64.fromDatabaseValue(entry[.tenantPark]),
                  let name = String.fromDatabaseValue(after[layout, "name"]) {
            try Self.checkNameFree(name, .tenant, park: park, in: db, except: subject.id)
        }
        // A milestone or problem is about a subject that exists on the day, as when it is added.
        if let link = entry.subjectLink, try SpanStore.state(of: link, on: entry.effectiveOn, in: db) == nil {
            throw LedgerError.data("\(subject.kind.label)的对象\(try SubjectNames.listing(link, in: db))在\(entry.effectiveOn.iso)还不存在")
        }
        if subject.kind == .project {
            let plan = { (state: SpanState) in
                (Day.fromDatabaseValue(state[layout, "planned_start"]), Day.fromDatabaseValue(state[layout, "planned_completion"]))
            }
            try Self.checkPlan(plan(after).0, plan(after).1)
            // A planned date set on a past day holds on the later days too, until a later entry sets it again.
            guard !entry[.plannedStart].isNull || !entry[.plannedCompletion].isNull else { return }
            var state = after
            for later in try SpanStore.liveEntries(of: subject.subjectID, from: entry.effectiveOn.adding(days: 1), in: db) {
                state = Fold.apply(later, to: state, layout) ?? state
                if let start = plan(state).0, let completion = plan(state).1, completion < start {
                    throw LedgerError.data("\(subject.listing)自\(later.effectiveOn.iso)起的计划竣工日期（\(completion.iso)）将早于计划开工日期（\(start.iso)）")
                }
            }
        }
    }

    static func checkPlan(_ start: Day?, _ completion: Day?) throws {
        if let start, let completion, completion < start {
            throw LedgerError.data("计划竣工日期（\(completion.iso)）早于计划开工日期（\(start.iso)）")
        }
    }

    /// Edits given as text by field key ("name": "甲", "park": "博通"), as the CLI and imports give
    /// them: each read by its field's own parser, links resolved as REFs.
    public func edit(_ kind: SubjectKind, _ ref: String, _ texts: [(key: String, text: String)], note: String?,
                     on day: Day, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: kind, in: db)
            let values = try Self.fieldValues(kind, texts, on: day, in: db)
            return try editSubject(subject, values, note: note, on: day, context: context, in: db)
        }
    }

    static func fieldValues(_ kind: SubjectKind, _ texts: [(key: String, text: String)], on day: Day, in db: Session) throws -> [(Field, DatabaseValue)] {
        try texts.map { key, text in
            // A milestone's or problem's subject is named by the kind of its REF: --project, --parcel, --park, --tenant.
            if kind.isAboutSubject, let linked = SubjectKind(rawValue: key), !linked.isAboutSubject {
                return (Field.milestoneSubject(linked), try References.resolve(text, kind: linked, in: db).id.databaseValue)
            }
            guard let field = kind.field(key) else { throw LedgerError.usage("\(kind.label)没有“\(key)”这个字段") }
            if case .link(let linked) = field.type {
                return (field, try References.resolve(text, kind: linked, in: db).id.databaseValue)
            }
            return (field, try field.parse(text, relativeTo: day))
        }
    }
}
