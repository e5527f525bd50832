import GRDB

// Records are plain structs; their columns are the snake_case of their properties.
// Derived state (stage, status, whether a milestone is done) lives in `entry`, not here.

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

public struct Batch: LedgerRecord, Sendable {
    public static let databaseTableName = "batch"
    public var id: Int64?
    public var recordedAt: String
    public var author: String
    public var command: String
    /// The first batch of the same command, when a command writes several.
    public var partOf: Int64?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Park: LedgerRecord, Sendable {
    public static let databaseTableName = "park"
    public var id: Int64?
    public var code: String
    public var name: String
    public var kind: ParkKind
    public var areaMuHundredths: Int64?
    public var areaApproximate: Bool = false
    public var plotRatioHundredths: Int64?
    public var floorAreaM2: Int64?
    public var investmentYuan: Int64?
    public var expectedOutputYuan: Int64?
    public var expectedTaxYuan: Int64?
    public var buildings: Int64?
    public var industries: String?
    public var quote: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Parcel: LedgerRecord, Sendable {
    public static let databaseTableName = "parcel"
    public var id: Int64?
    public var code: String
    public var name: String
    public var areaMuHundredths: Int64
    public var landUse: String?
    public var quote: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
    public var area: Area { Area(hundredths: areaMuHundredths) }
}

public struct Project: LedgerRecord, Sendable {
    public static let databaseTableName = "project"
    public var id: Int64?
    public var code: String
    public var name: String
    public var kind: ProjectKind
    public var investmentYuan: Int64?
    public var parkId: Int64?
    public var parcelId: Int64?
    public var provincialMajor: Bool = false
    public var registered: Bool = false
    public var department: String?
    public var plannedStart: Day?
    public var plannedCompletion: Day?
    public var quote: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Tenant: LedgerRecord, Sendable {
    public static let databaseTableName = "tenant"
    public var id: Int64?
    public var code: String
    public var name: String
    public var parkId: Int64
    public var quote: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public struct Milestone: LedgerRecord, Sendable {
    public static let databaseTableName = "milestone"
    public var id: Int64?
    public var code: String
    public var title: String
    public var projectId: Int64?
    public var parcelId: Int64?
    public var parkId: Int64?
    public var tenantId: Int64?
    public var dueOn: Day
    public var dueText: String
    public var duePrecision: DatePrecision
    public var department: String?
    public var quote: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The subject this milestone is about.
    public var subject: SubjectID? {
        if let projectId { return SubjectID(kind: .project, id: projectId) }
        if let parcelId { return SubjectID(kind: .parcel, id: parcelId) }
        if let parkId { return SubjectID(kind: .park, id: parkId) }
        if let tenantId { return SubjectID(kind: .tenant, id: tenantId) }
        return nil
    }
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
}

/// One dated status entry. Append-only: the database refuses updates and deletes.
public struct Entry: LedgerRecord, Sendable {
    public static let databaseTableName = "entry"
    public var id: Int64?
    public var batchId: Int64
    public var effectiveOn: Day
    public var action: EntryAction
    public var projectId: Int64?
    public var parcelId: Int64?
    public var parkId: Int64?
    public var tenantId: Int64?
    public var milestoneId: Int64?
    public var stage: ProjectStage?
    public var progress: Int?
    public var parcelStatus: ParcelStatus?
    public var tenantStatus: TenantStatus?
    public var dueOn: Day?
    public var dueText: String?
    public var duePrecision: DatePrecision?
    public var correction: Bool = false
    public var note: String?
    public var changes: String?
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(batchId: Int64, on day: Day, action: EntryAction, subject: SubjectID) {
        self.batchId = batchId
        self.effectiveOn = day
        self.action = action
        switch subject.kind {
        case .project: projectId = subject.id
        case .parcel: parcelId = subject.id
        case .park: parkId = subject.id
        case .tenant: tenantId = subject.id
        case .milestone: milestoneId = subject.id
        }
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
