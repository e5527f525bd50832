import GRDB

// Records are plain structs; their columns are the snake_case of their properties.
// A subject's row keeps only what never changes; everything else is in its entries, and its
// state on a day in its spans (State/).

protocol LedgerRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension LedgerRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

public struct Zone: LedgerRecord, Sendable {
    public static let databaseTableName = "zone"
    public var id: Int64 = 1
    public var name: String
    public var reportDay: Day?
}

extension Zone {
    // The zone's one row, in SQL both stores run (GRDB's record methods are SQLite's only).
    static func fetchOne(_ db: Session, key: Int64) throws -> Zone? {
        try SessionRow.fetchOne(db, sql: "SELECT id, name, report_day FROM zone WHERE id = ?", arguments: [key]).map {
            Zone(id: $0["id"], name: $0["name"], reportDay: $0["report_day"])
        }
    }

    func insert(_ db: Session) throws {
        try db.execute(sql: "INSERT INTO zone (id, name, report_day) VALUES (?, ?, ?)", arguments: [id, name, reportDay])
    }

    func update(_ db: Session) throws {
        try db.execute(sql: "UPDATE zone SET name = ?, report_day = ? WHERE id = ?", arguments: [name, reportDay, id])
    }
}

public struct Batch: LedgerRecord, Sendable {
    public static let databaseTableName = "batch"
    public var id: Int64?
    public var recordedAt: String
    public var author: String
    public var command: String
    /// The first batch of the same command, when a command writes several.
    public var partOf: Int64?
    /// The command this one takes back.
    public var undoes: Int64?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What names a subject for good: its id, its code, the command that added it, the report's words.
public struct SubjectRow: Sendable, Equatable {
    public var kind: SubjectKind
    public var id: Int64?
    public var code: String
    public var createdBatch: Int64
    public var quote: String?
}

public enum EntryAction: String, Codable, Sendable, CaseIterable {
    case add, update, edit, done, reschedule, cancel, reopen
    public var label: String {
        switch self {
        case .add: "新增"
        case .update: "更新"
        case .edit: "修改"
        case .done: "完成"
        case .reschedule: "改期"
        case .cancel: "取消"
        case .reopen: "重开"
        }
    }

    /// The same, in the words used for a kind: a problem is 提出 and 解决, not 新增 and 完成.
    public func label(for kind: SubjectKind) -> String {
        switch (kind, self) {
        case (.problem, .add): "提出"
        case (.problem, .done): "解决"
        default: label
        }
    }
}

/// One dated entry about one subject, setting the fields it names. Append-only: the database
/// refuses updates and deletes.
public struct Entry: Sendable, Equatable {
    public var id: Int64?
    public var batchId: Int64
    public var effectiveOn: Day
    public var action: EntryAction
    public var subject: SubjectID
    public var correction = false
    public var note: String?
    /// The fields it sets, by entry column (`Entry.fieldColumns`); NULL for a field left alone.
    var values: [DatabaseValue] = Array(repeating: .null, count: Entry.fieldColumns.count)

    init(batchId: Int64, on day: Day, action: EntryAction, subject: SubjectID) {
        self.batchId = batchId
        self.effectiveOn = day
        self.action = action
        self.subject = subject
    }

    /// Every column an entry can set a field through, in the schema's order.
    static let fieldColumns = [
        "name", "title", "project_kind", "park_kind", "investment_yuan", "expected_output_yuan", "expected_tax_yuan",
        "area_mu_hundredths", "area_approximate", "plot_ratio_hundredths", "floor_area_m2", "buildings", "industries",
        "land_use", "department", "provincial_major", "registered", "planned_start", "planned_completion",
        "set_project_id", "set_parcel_id", "set_park_id", "set_tenant_id",
        "stage", "progress", "parcel_status", "tenant_status", "due_on", "due_text", "due_precision",
        "owner", "leader", "scope", "invested_month_yuan", "invested_ytd_yuan", "invested_total_yuan",
        "plan_year", "plan_investment_yuan", "plan_image",
    ]
    static let columnIndex = Dictionary(uniqueKeysWithValues: fieldColumns.enumerated().map { ($1, $0) })

    /// The field columns the schema types INTEGER; the others are TEXT. A value is bound with its
    /// column's type: SQLite converts '123' for an INTEGER column, PostgreSQL refuses text there.
    static let integerFieldColumns: Set<String> = [
        "investment_yuan", "expected_output_yuan", "expected_tax_yuan", "area_mu_hundredths", "area_approximate",
        "plot_ratio_hundredths", "floor_area_m2", "buildings", "provincial_major", "registered",
        "set_project_id", "set_parcel_id", "set_park_id", "set_tenant_id", "progress",
        "invested_month_yuan", "invested_ytd_yuan", "invested_total_yuan", "plan_year", "plan_investment_yuan",
    ]

    subscript(column: String) -> DatabaseValue {
        get { Entry.columnIndex[column].map { values[$0] } ?? .null }
        set {
            guard let index = Entry.columnIndex[column] else { preconditionFailure("no entry column \(column)") }
            values[index] = newValue
        }
    }

    public subscript(field: Field) -> DatabaseValue {
        get { self[field.entryColumn] }
        set { self[field.entryColumn] = newValue }
    }

    public var stage: ProjectStage? {
        get { String.fromDatabaseValue(self["stage"]).flatMap(ProjectStage.init(rawValue:)) }
        set { self["stage"] = newValue?.rawValue.databaseValue ?? .null }
    }
    public var progress: Int? {
        get { Int.fromDatabaseValue(self["progress"]) }
        set { self["progress"] = newValue?.databaseValue ?? .null }
    }
    public var parcelStatus: ParcelStatus? {
        get { String.fromDatabaseValue(self["parcel_status"]).flatMap(ParcelStatus.init(rawValue:)) }
        set { self["parcel_status"] = newValue?.rawValue.databaseValue ?? .null }
    }
    public var tenantStatus: TenantStatus? {
        get { String.fromDatabaseValue(self["tenant_status"]).flatMap(TenantStatus.init(rawValue:)) }
        set { self["tenant_status"] = newValue?.rawValue.databaseValue ?? .null }
    }
    /// A milestone's due date: the first one on its add, the new one on a reschedule.
    public var due: LedgerDate? {
        get {
            guard let day = Day.fromDatabaseValue(self["due_on"]), let text = String.fromDatabaseValue(self["due_text"]),
                  let precision = String.fromDatabaseValue(self["due_precision"]).flatMap(DatePrecision.init(rawValue:)) else { return nil }
            return LedgerDate(day: day, text: text, precision: precision)
        }
        set {
            self["due_on"] = newValue?.day.databaseValue ?? .null
            self["due_text"] = newValue?.text.databaseValue ?? .null
            self["due_precision"] = newValue?.precision.rawValue.databaseValue ?? .null
        }
    }

    /// The descriptive fields it sets, in the kind's order.
    var fieldsSet: [Field] { subject.kind.fields.filter { !self[$0].isNull } + subjectLinkSet }

    /// A milestone's or a problem's subject, when this entry sets it.
    var subjectLink: SubjectID? {
        guard subject.kind.isAboutSubject else { return nil }
        for kind in [SubjectKind.project, .parcel, .park, .tenant] {
            if let id = Int64.fromDatabaseValue(self["set_\(kind.rawValue)_id"]) { return SubjectID(kind: kind, id: id) }
        }
        return nil
    }

    private var subjectLinkSet: [Field] { subjectLink.map { [Field.milestoneSubject($0.kind)] } ?? [] }
}

extension Field {
    /// A milestone's subject, as a field of the kind it names (for change text and exports).
    static func milestoneSubject(_ kind: SubjectKind) -> Field {
        Field("subject", "对象", .link(kind), entry: "set_\(kind.rawValue)_id", span: "\(kind.rawValue)_id")
    }
}

public struct Figure: LedgerRecord, Sendable {
    public static let databaseTableName = "figure"
    public var id: Int64?
    public var code: String
    public var category: FigureCategory
    public var metric: String
    public var key: String?
    public var parkId: Int64?
    public var periodFrom: Day
    public var periodTo: Day
    /// The day it became known: a sheet as of an earlier day does not show it.
    public var knownOn: Day
    public var value: String
    public var unit: String
    public var approximate: Bool = false
    public var yoyPercent: String?
    public var batchId: Int64
    public var quote: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A reference to one row of one kind.
public struct SubjectID: Hashable, Sendable {
    public let kind: SubjectKind
    public let id: Int64
    public init(kind: SubjectKind, id: Int64) { self.kind = kind; self.id = id }
}

// Stored by their English keys and ISO text.
extension ProjectKind: Codable {}
extension ParkKind: Codable {}
extension FigureCategory: Codable {}
extension ProjectStage: Codable {}
extension ParcelStatus: Codable {}
extension TenantStatus: Codable {}
extension DatePrecision: Codable {}
extension ProjectKind: DatabaseValueConvertible {}
extension ParkKind: DatabaseValueConvertible {}
extension FigureCategory: DatabaseValueConvertible {}
extension ProjectStage: DatabaseValueConvertible {}
extension ParcelStatus: DatabaseValueConvertible {}
extension TenantStatus: DatabaseValueConvertible {}
extension EntryAction: DatabaseValueConvertible {}
extension DatePrecision: DatabaseValueConvertible {}

extension Day: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Day? {
        String.fromDatabaseValue(dbValue).flatMap(Day.init(iso:))
    }
}
