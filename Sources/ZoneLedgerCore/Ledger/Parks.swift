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
    public func addPark(_ draft: ParkDraft, context: WriteContext) throws -> Receipt {
        try write { db in try insertPark(draft, batch: try newBatch(db, context), context: context, in: db) }
    }

    func insertPark(_ draft: ParkDraft, batch: WriteBatch, context: WriteContext, codes: CodeCounter? = nil, in db: Session) throws -> Receipt {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "园区名称")
        try Self.checkNameFree(name, .park, in: db)
        let code = try Validate.code(draft.code) ?? Self.nextCode(.park, in: db, counter: codes)
        try Self.checkCodeFree(code, .park, in: db)
        var row = SubjectRow(kind: .park, code: code, createdBatch: batch.command, quote: draft.quote)
        try row.insertPrepared(db)
        var entry = Entry(batchId: batch.id, on: draft.on, action: .add, subject: SubjectID(kind: .park, id: row.id ?? 0))
        entry[.name] = name.databaseValue
        entry[.parkKind] = draft.kind.rawValue.databaseValue
        for (field, value) in try Self.values(draft.figures) where !value.isNull { entry[field] = value }
        entry.note = try Validate.note(draft.note)
        try record(&entry, in: batch, db: db)
        return try receipt(Subject(kind: .park, id: row.id ?? 0, code: code, name: name), entry, in: db)
    }

    /// A park has no stage of its own: its entries are dated notes.
    @discardableResult
    public func notePark(_ ref: String, note: String, on day: Day, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .park, in: db)
            let entry = try recordParkNote(subject, note: note, on: day, batch: try newBatch(db, context), context: context, in: db)
            return try receipt(subject, entry, in: db)
        }
    }

    func recordParkNote(_ subject: Subject, note: String, on day: Day, batch: WriteBatch, context: WriteContext, in db: Session) throws -> Entry {
        try checkEntryDay(day, for: subject, context: context, in: db)
        guard let text = try Validate.note(note) else { throw LedgerError.usage("说明不能为空：请给出 --note") }
        var entry = Entry(batchId: batch.id, on: day, action: .update, subject: subject.subjectID)
        entry.note = text
        try record(&entry, in: batch, db: db)
        return entry
    }

    @discardableResult
    public func editPark(_ ref: String, _ edit: ParkEdit, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .park, in: db)
            var values: [(Field, DatabaseValue)] = []
            if let name = edit.name { values.append((.name, try Validate.name(name, what: "园区名称").databaseValue)) }
            if let kind = edit.kind { values.append((.parkKind, kind.rawValue.databaseValue)) }
            values += try Self.values(edit.figures).filter { !$0.1.isNull }
            return try editSubject(subject, values, note: edit.note, on: edit.on, context: context, in: db)
        }
    }

    /// A park's figures as field values; a figure not given is NULL (left alone).
    private static func values(_ figures: ParkFigures) throws -> [(Field, DatabaseValue)] {
        [
            (.area, figures.area?.hundredths.databaseValue ?? .null),
            (.areaApproximate, figures.areaApproximate?.databaseValue ?? .null),
            (.plotRatio, figures.plotRatioHundredths?.databaseValue ?? .null),
            (.floorArea, figures.floorAreaM2?.databaseValue ?? .null),
            (.investment, figures.investment?.yuan.databaseValue ?? .null),
            (.expectedOutput, figures.expectedOutput?.yuan.databaseValue ?? .null),
            (.expectedTax, figures.expectedTax?.yuan.databaseValue ?? .null),
            (.buildings, figures.buildings?.databaseValue ?? .null),
            (.industries, try figures.industries.map { (try Validate.optionalText($0, what: "主导产业", limit: 500) ?? "").databaseValue } ?? .null),
        ]
    }
}
