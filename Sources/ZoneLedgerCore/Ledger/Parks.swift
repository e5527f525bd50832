import GRDB

/// A park or platform's descriptive figures, as the report or the user gives them.
public struct ParkFigures: Sendable {
    public var area: Area?
    public var areaApproximate: Bool?
    public var plotRatioHundredths: Int64?
    public var floorAreaM2: Int64?
    public var investment: Money?
    public var expectedOutput: Money?
    public var expectedTax: Money?
    public var buildings: Int64?
    public var industries: String?
    public init() {}
}

public struct ParkDraft: Sendable {
    public var name: String
    public var code: String?
    public var kind: ParkKind
    public var figures = ParkFigures()
    public var note: String?
    public var on: Day
    public var quote: String?

    public init(name: String, kind: ParkKind, on: Day) {
        self.name = name
        self.kind = kind
        self.on = on
    }
}

public struct ParkEdit: Sendable {
    public var name: String?
    public var kind: ParkKind?
    public var figures = ParkFigures()
    public var note: String?
    public var on: Day
    public init(on: Day) { self.on = on }
}

extension Ledger {
    @discardableResult
    public func addPark(_ draft: ParkDraft, context: WriteContext) throws -> Park {
        try write { db in try insertPark(draft, batch: try beginBatch(db, context), context: context, in: db) }
    }

    func insertPark(_ draft: ParkDraft, batch: Int64, context: WriteContext, codes: CodeCounter? = nil, in db: Database) throws -> Park {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "园区名称")
        let revived = try Self.undoneRow(name, .park, in: db)
        if revived == nil { try Self.checkNameFree(name, .park, in: db) }
        let code = try Validate.code(draft.code) ?? revived?.code ?? Self.nextCode(.park, in: db, counter: codes)
        try Self.checkCodeFree(code, .park, in: db, except: revived?.id)
        var park = Park(code: code, name: name, kind: draft.kind, quote: draft.quote)
        var ignored = ChangeSet()
        try apply(draft.figures, to: &park, changes: &ignored)
        park.id = revived?.id
        if revived == nil { try park.insertPrepared(db) } else { try park.update(db) }
        var entry = Entry(batchId: batch, on: draft.on, action: .add, subject: SubjectID(kind: .park, id: park.id ?? db.lastInsertedRowID))
        entry.note = try Validate.note(draft.note)
        try entry.insertPrepared(db)
        return park
    }

    /// A park has no stage of its own: its entries are dated notes.
    @discardableResult
    public func notePark(_ ref: String, note: String, on day: Day, context: WriteContext) throws -> Entry {
        try write { db in try recordParkNote(ref, note: note, on: day, batch: nil, context: context, in: db) }
    }

    func recordParkNote(_ ref: String, note: String, on day: Day, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        try recordParkNote(try References.resolve(ref, kind: .park, in: db), note: note, on: day, batch: batch, context: context, in: db)
    }

    func recordParkNote(_ subject: Subject, note: String, on day: Day, batch: Int64?, context: WriteContext, in db: Database) throws -> Entry {
        try checkEntryDay(day, for: subject, context: context, in: db)
        guard let text = try Validate.note(note) else { throw LedgerError.usage("说明不能为空：请给出 --note") }
        var entry = Entry(batchId: try batch ?? beginBatch(db, context), on: day, action: .update, subject: subject.subjectID)
        entry.note = text
        try entry.insertPrepared(db)
        return entry
    }

    @discardableResult
    public func editPark(_ ref: String, _ edit: ParkEdit, context: WriteContext) throws -> Entry {
        try write { db in
            let subject = try References.resolve(ref, kind: .park, in: db)
            try checkEntryDay(edit.on, for: subject, context: context, in: db)
            guard var park = try Park.fetchOne(db, key: subject.id) else { throw LedgerError.data("找不到园区\(subject.code)") }
            var changes = ChangeSet()
            if let name = edit.name {
                let valid = try Validate.name(name, what: "园区名称")
                try Self.checkNameFree(valid, .park, in: db, except: park.id)
                changes.set("name", &park.name, valid)
            }
            if let kind = edit.kind { changes.set("kind", &park.kind, kind) }
            try apply(edit.figures, to: &park, changes: &changes)
            try park.update(db)
            return try recordEdit(changes, note: edit.note, subject: subject, on: edit.on, context: context, in: db)
        }
    }

    private func apply(_ figures: ParkFigures, to park: inout Park, changes: inout ChangeSet) throws {
        if let area = figures.area { changes.set("area_mu_hundredths", &park.areaMuHundredths, area.hundredths) }
        if let approximate = figures.areaApproximate { changes.set("area_approximate", &park.areaApproximate, approximate) }
        if let ratio = figures.plotRatioHundredths { changes.set("plot_ratio_hundredths", &park.plotRatioHundredths, ratio) }
        if let floor = figures.floorAreaM2 { changes.set("floor_area_m2", &park.floorAreaM2, floor) }
        if let money = figures.investment { changes.set("investment_yuan", &park.investmentYuan, money.yuan) }
        if let money = figures.expectedOutput { changes.set("expected_output_yuan", &park.expectedOutputYuan, money.yuan) }
        if let money = figures.expectedTax { changes.set("expected_tax_yuan", &park.expectedTaxYuan, money.yuan) }
        if let buildings = figures.buildings { changes.set("buildings", &park.buildings, buildings) }
        if let industries = figures.industries {
            changes.set("industries", &park.industries, try Validate.optionalText(industries, what: "主导产业", limit: 500))
        }
    }
}
