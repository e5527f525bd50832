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
    public func addParcel(_ draft: ParcelDraft, context: WriteContext) throws -> Parcel {
        try write { db in try insertParcel(draft, batch: try beginBatch(db, context), context: context, in: db) }
    }

    func insertParcel(_ draft: ParcelDraft, batch: Int64, context: WriteContext, codes: CodeCounter? = nil, in db: Database) throws -> Parcel {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "地块名称")
        let revived = try Self.undoneRow(name, .parcel, in: db)
        if revived == nil { try Self.checkNameFree(name, .parcel, in: db) }
        let code = try Validate.code(draft.code) ?? revived?.code ?? Self.nextCode(.parcel, in: db, counter: codes)
        try Self.checkCodeFree(code, .parcel, in: db, except: revived?.id)
        var parcel = Parcel(code: code, name: name, areaMuHundredths: draft.area.hundredths,
                            landUse: try Validate.optionalText(draft.landUse, what: "用地性质", limit: 100), quote: draft.quote)
        parcel.id = revived?.id
        if revived == nil { try parcel.insertPrepared(db) } else { try parcel.update(db) }
        let id = parcel.id ?? db.lastInsertedRowID
        var entry = Entry(batchId: batch, on: draft.on, action: .add, subject: SubjectID(kind: .parcel, id: id))
        entry.parcelStatus = draft.status
        entry.note = try Validate.note(draft.note)
        try entry.insertPrepared(db)
        // A parcel serving a project: the project points to it, and that change is an entry of its own.
        if let ref = draft.project {
            let subject = try References.resolve(ref, kind: .project, in: db)
            guard var project = try Project.fetchOne(db, key: subject.id) else { throw LedgerError.data("找不到项目\(subject.code)") }
            var changes = ChangeSet()
            try changes.link("parcel", &project.parcelId, to: Subject(kind: .parcel, id: id, code: parcel.code, name: parcel.name), in: db)
            try project.update(db)
            var link = Entry(batchId: batch, on: max(draft.on, try State.createdOn(subject.subjectID, in: db) ?? draft.on),
                             action: .edit, subject: subject.subjectID)
            link.changes = changes.json
            link.note = "地块 \(parcel.code) 服务此项目"
            try link.insertPrepared(db)
        }
        return parcel
    }

    @discardableResult
    public func updateParcel(_ ref: String, _ update: StatusUpdate<ParcelStatus>, context: WriteContext) throws -> Entry {
        try write { db in try recordParcelUpdate(ref, update, batch: nil, context: context, in: db) }
    }

    func recordParcelUpdate(_ ref: String, _ update: StatusUpdate<ParcelStatus>, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        try recordParcelUpdate(try References.resolve(ref, kind: .parcel, in: db), update, batch: batch, context: context, in: db)
    }

    func recordParcelUpdate(_ subject: Subject, _ update: StatusUpdate<ParcelStatus>, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        try recordStatus(subject, column: "parcel_status", update, batch: batch, context: context, in: db) { $0.parcelStatus = $1 }
    }

    /// A parcel's or a tenant's status entry: in order (or a correction), not before the subject existed.
    func recordStatus<Status: Progression & DatabaseValueConvertible>(
        _ subject: Subject, column: String, _ update: StatusUpdate<Status>, batch: Int64?,
        context: WriteContext, in db: Database, set: (inout Entry, Status) -> Void
    ) throws -> Entry {
        let around = try State.surroundings(of: subject.subjectID, on: update.on, columns: update.correction ? [] : [column], in: db)
        try checkEntryDay(update.on, for: subject, createdOn: around.createdOn, context: context)
        try State.checkOrder(update.status, previous: around.previous(column), following: around.following(column),
                             subject: subject, on: update.on, correction: update.correction)
        var entry = Entry(batchId: try batch ?? beginBatch(db, context), on: update.on, action: .update, subject: subject.subjectID)
        set(&entry, update.status)
        entry.note = try Validate.note(update.note)
        entry.correction = update.correction
        try entry.insertPrepared(db)
        return entry
    }

    @discardableResult
    public func editParcel(_ ref: String, _ edit: ParcelEdit, context: WriteContext) throws -> Entry {
        try write { db in
            let subject = try References.resolve(ref, kind: .parcel, in: db)
            try checkEntryDay(edit.on, for: subject, context: context, in: db)
            guard var parcel = try Parcel.fetchOne(db, key: subject.id) else { throw LedgerError.data("找不到地块\(subject.code)") }
            var changes = ChangeSet()
            if let name = edit.name {
                let valid = try Validate.name(name, what: "地块名称")
                try Self.checkNameFree(valid, .parcel, in: db, except: parcel.id)
                changes.set("name", &parcel.name, valid)
            }
            if let area = edit.area { changes.set("area_mu_hundredths", &parcel.areaMuHundredths, area.hundredths) }
            if let use = edit.landUse { changes.set("land_use", &parcel.landUse, try Validate.optionalText(use, what: "用地性质", limit: 100)) }
            try parcel.update(db)
            return try recordEdit(changes, note: edit.note, subject: subject, on: edit.on, context: context, in: db)
        }
    }
}
