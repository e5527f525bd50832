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
    public func addTenant(_ draft: TenantDraft, context: WriteContext) throws -> Tenant {
        try write { db in try insertTenant(draft, batch: try beginBatch(db, context), context: context, in: db) }
    }

    func insertTenant(_ draft: TenantDraft, batch: Int64, context: WriteContext, codes: CodeCounter? = nil, in db: Database) throws -> Tenant {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "企业名称")
        let park = try References.resolve(draft.park, kind: .park, in: db)
        let revived = try Self.undoneRow(name, .tenant, park: park.id, in: db)
        if revived == nil { try checkTenantNameFree(name, parkID: park.id, park: park, in: db) }
        let code = try Validate.code(draft.code) ?? revived?.code ?? Self.nextCode(.tenant, in: db, counter: codes)
        try Self.checkCodeFree(code, .tenant, in: db, except: revived?.id)
        var tenant = Tenant(id: revived?.id, code: code, name: name, parkId: park.id, quote: draft.quote)
        if revived == nil { try tenant.insertPrepared(db) } else { try tenant.update(db) }
        var entry = Entry(batchId: batch, on: draft.on, action: .add, subject: SubjectID(kind: .tenant, id: tenant.id ?? db.lastInsertedRowID))
        entry.tenantStatus = draft.status
        entry.note = try Validate.note(draft.note)
        try entry.insertPrepared(db)
        return tenant
    }

    @discardableResult
    public func updateTenant(_ ref: String, _ update: StatusUpdate<TenantStatus>, context: WriteContext) throws -> Entry {
        try write { db in try recordTenantUpdate(ref, update, batch: nil, context: context, in: db) }
    }

    func recordTenantUpdate(_ ref: String, _ update: StatusUpdate<TenantStatus>, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        try recordTenantUpdate(try References.resolve(ref, kind: .tenant, in: db), update, batch: batch, context: context, in: db)
    }

    func recordTenantUpdate(_ subject: Subject, _ update: StatusUpdate<TenantStatus>, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        try recordStatus(subject, column: "tenant_status", update, batch: batch, context: context, in: db) { $0.tenantStatus = $1 }
    }

    @discardableResult
    public func editTenant(_ ref: String, _ edit: TenantEdit, context: WriteContext) throws -> Entry {
        try write { db in
            let subject = try References.resolve(ref, kind: .tenant, in: db)
            try checkEntryDay(edit.on, for: subject, context: context, in: db)
            guard var tenant = try Tenant.fetchOne(db, key: subject.id) else { throw LedgerError.data("找不到企业\(subject.code)") }
            var changes = ChangeSet()
            if let ref = edit.park {
                let park = try References.resolve(ref, kind: .park, in: db)
                var parkID: Int64? = tenant.parkId
                try changes.link("park", &parkID, to: park, in: db)
                tenant.parkId = park.id
            }
            if let name = edit.name { changes.set("name", &tenant.name, try Validate.name(name, what: "企业名称")) }
            let park = try References.resolve(String(tenant.parkId), kind: .park, in: db)
            try checkTenantNameFree(tenant.name, parkID: tenant.parkId, park: park, in: db, except: tenant.id)
            try tenant.update(db)
            return try recordEdit(changes, note: edit.note, subject: subject, on: edit.on, context: context, in: db)
        }
    }

    private func checkTenantNameFree(_ name: String, parkID: Int64, park: Subject, in db: Database, except id: Int64? = nil) throws {
        if let clash = try String.fetchOne(try db.cachedStatement(sql: "SELECT code FROM tenant WHERE park_id = ? AND name = ? AND id IS NOT ?"),
                                           arguments: [parkID, name, id]) {
            throw LedgerError.data("\(park.name)已有企业“\(name)”（\(clash)）")
        }
    }
}
