import GRDB

public struct TenantDraft: Sendable {
    public var name: String
    public var code: String?
    public var park: String
    public var status: TenantStatus = .signed
    public var note: String?
    public var on: Day
    public var quote: String?

    public init(name: String, park: String, on: Day) {
        self.name = name
        self.park = park
        self.on = on
    }
}

public struct TenantEdit: Sendable {
    public var name: String?
    public var park: String?
    public var note: String?
    public var on: Day
    public init(on: Day) { self.on = on }
}

extension Ledger {
    @discardableResult
    public func addTenant(_ draft: TenantDraft, context: WriteContext) throws -> Receipt {
        try write { db in try insertTenant(draft, batch: try newBatch(db, context), context: context, in: db) }
    }

    func insertTenant(_ draft: TenantDraft, batch: WriteBatch, context: WriteContext, codes: CodeCounter? = nil, in db: Session) throws -> Receipt {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "企业名称")
        let park = try References.resolve(draft.park, kind: .park, in: db)
        try Self.checkNameFree(name, .tenant, park: park.id, in: db)
        let code = try Validate.code(draft.code) ?? Self.nextCode(.tenant, in: db, counter: codes)
        try Self.checkCodeFree(code, .tenant, in: db)
        var row = SubjectRow(kind: .tenant, code: code, createdBatch: batch.command, quote: draft.quote)
        try row.insertPrepared(db)
        var entry = Entry(batchId: batch.id, on: draft.on, action: .add, subject: SubjectID(kind: .tenant, id: row.id ?? 0))
        entry[.name] = name.databaseValue
        entry[.tenantPark] = park.id.databaseValue
        entry.tenantStatus = draft.status
        entry.note = try Validate.note(draft.note)
        try record(&entry, in: batch, db: db)
        return try receipt(Subject(kind: .tenant, id: row.id ?? 0, code: code, name: name), entry, in: db)
    }

    @discardableResult
    public func updateTenant(_ ref: String, _ update: StatusUpdate<TenantStatus>, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .tenant, in: db)
            let entry = try recordTenantUpdate(subject, update, batch: try newBatch(db, context), context: context, in: db)
            return try receipt(subject, entry, in: db)
        }
    }

    func recordTenantUpdate(_ subject: Subject, _ update: StatusUpdate<TenantStatus>, batch: WriteBatch, context: WriteContext, in db: Session) throws -> Entry {
        try recordStatus(subject, column: "status", update, batch: batch, context: context, in: db) { $0.tenantStatus = $1 }
    }

    @discardableResult
    public func editTenant(_ ref: String, _ edit: TenantEdit, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .tenant, in: db)
            var values: [(Field, DatabaseValue)] = []
            if let name = edit.name { values.append((.name, try Validate.name(name, what: "企业名称").databaseValue)) }
            if let park = edit.park { values.append((.tenantPark, try References.resolve(park, kind: .park, in: db).id.databaseValue)) }
            return try editSubject(subject, values, note: edit.note, on: edit.on, context: context, in: db)
        }
    }
}
