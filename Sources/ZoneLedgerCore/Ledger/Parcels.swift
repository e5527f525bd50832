import GRDB

public struct ParcelDraft: Sendable {
    public var name: String
    public var code: String?
    public var area: Area
    public var landUse: String?
    public var status: ParcelStatus = .planned
    public var project: String?
    public var note: String?
    public var on: Day
    public var quote: String?

    public init(name: String, area: Area, on: Day) {
        self.name = name
        self.area = area
        self.on = on
    }
}

public struct StatusUpdate<Status: Sendable>: Sendable {
    public var status: Status
    public var note: String?
    public var on: Day
    public var correction = false
    public init(status: Status, on: Day) {
        self.status = status
        self.on = on
    }
}

public struct ParcelEdit: Sendable {
    public var name: String?
    public var area: Area?
    public var landUse: String?
    public var note: String?
    public var on: Day
    public init(on: Day) { self.on = on }
}

extension Ledger {
    @discardableResult
    public func addParcel(_ draft: ParcelDraft, context: WriteContext) throws -> Receipt {
        try write { db in try insertParcel(draft, batch: try newBatch(db, context), context: context, in: db) }
    }

    func insertParcel(_ draft: ParcelDraft, batch: WriteBatch, context: WriteContext, codes: CodeCounter? = nil, in db: Session) throws -> Receipt {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "地块名称")
        try Self.checkNameFree(name, .parcel, in: db)
        let code = try Validate.code(draft.code) ?? Self.nextCode(.parcel, in: db, counter: codes)
        try Self.checkCodeFree(code, .parcel, in: db)
        let project = try draft.project.map { try References.resolve($0, kind: .project, in: db) }
        var row = SubjectRow(kind: .parcel, code: code, createdBatch: batch.command, quote: draft.quote)
        try row.insertPrepared(db)
        let id = row.id ?? 0
        var entry = Entry(batchId: batch.id, on: draft.on, action: .add, subject: SubjectID(kind: .parcel, id: id))
        entry[.name] = name.databaseValue
        entry[.parcelArea] = draft.area.hundredths.databaseValue
        entry[.landUse] = try Validate.optionalText(draft.landUse, what: "用地性质", limit: 100)?.databaseValue ?? .null
        entry.parcelStatus = draft.status
        entry.note = try Validate.note(draft.note)
        try record(&entry, in: batch, db: db)
        let subject = Subject(kind: .parcel, id: id, code: code, name: name)
        // A parcel serving a project: the project points to it, and that change is an entry of its own,
        // effective when both exist.
        if let project {
            let on = max(draft.on, try SpanStore.createdOn(project.subjectID, in: db) ?? draft.on)
            guard let before = try SpanStore.state(of: project.subjectID, on: on, in: db)?.state else {
                throw LedgerError.data("找不到项目\(project.code)")
            }
            var link = Entry(batchId: batch.id, on: on, action: .edit, subject: project.subjectID)
            _ = Self.setChanged([(.projectParcel, id.databaseValue)], on: &link, before: before, .project, in: db)
            link.note = "地块 \(code) 服务此项目"
            try record(&link, in: batch, db: db)
        }
        return try receipt(subject, entry, in: db)
    }

    @discardableResult
    public func updateParcel(_ ref: String, _ update: StatusUpdate<ParcelStatus>, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .parcel, in: db)
            let entry = try recordStatus(subject, column: "status", update, batch: try newBatch(db, context), context: context, in: db) { $0.parcelStatus = $1 }
            return try receipt(subject, entry, in: db)
        }
    }

    func recordParcelUpdate(_ subject: Subject, _ update: StatusUpdate<ParcelStatus>, batch: WriteBatch, context: WriteContext, in db: Session) throws -> Entry {
        try recordStatus(subject, column: "status", update, batch: batch, context: context, in: db) { $0.parcelStatus = $1 }
    }

    /// A parcel's or a tenant's status entry: in order (or a correction), not before the subject existed.
    func recordStatus<Status: Progression & DatabaseValueConvertible>(
        _ subject: Subject, column: String, _ update: StatusUpdate<Status>, batch: WriteBatch,
        context: WriteContext, in db: Session, set: (inout Entry, Status) -> Void
    ) throws -> Entry {
        try checkEntryDay(update.on, for: subject, context: context, in: db)
        if !update.correction {
            try StatusOrder(subject, on: update.on, in: db).check(update.status, column: column, subject: subject, on: update.on)
        }
        var entry = Entry(batchId: batch.id, on: update.on, action: .update, subject: subject.subjectID)
        set(&entry, update.status)
        entry.note = try Validate.note(update.note)
        entry.correction = update.correction
        try record(&entry, in: batch, db: db)
        return entry
    }

    @discardableResult
    public func editParcel(_ ref: String, _ edit: ParcelEdit, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .parcel, in: db)
            var values: [(Field, DatabaseValue)] = []
            if let name = edit.name { values.append((.name, try Validate.name(name, what: "地块名称").databaseValue)) }
            if let area = edit.area { values.append((.parcelArea, area.hundredths.databaseValue)) }
            if let use = edit.landUse { values.append((.landUse, (try Validate.optionalText(use, what: "用地性质", limit: 100) ?? "").databaseValue)) }
            return try editSubject(subject, values, note: edit.note, on: edit.on, context: context, in: db)
        }
    }
}
