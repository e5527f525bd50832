import GRDB

/// The enumerations a field can hold, stored by their English keys.
public enum ChoiceKind: Sendable, Hashable {
    case projectKind, parkKind, projectStage, parcelStatus, tenantStatus

    /// The stored key for a label, key or alias people type ("结顶" or "topped-out").
    func parse(_ text: String) throws(LedgerError) -> String {
        switch self {
        case .projectKind: try ProjectKind.parse(text).rawValue
        case .parkKind: try ParkKind.parse(text).rawValue
        case .projectStage: try ProjectStage.parse(text).rawValue
        case .parcelStatus: try ParcelStatus.parse(text).rawValue
        case .tenantStatus: try TenantStatus.parse(text).rawValue
        }
    }

    /// The Chinese label of a stored key ("" for none).
    public func label(_ key: String?) -> String {
        guard let key else { return "" }
        let label: String? = switch self {
        case .projectKind: ProjectKind(rawValue: key)?.label
        case .parkKind: ParkKind(rawValue: key)?.label
        case .projectStage: ProjectStage(rawValue: key)?.label
        case .parcelStatus: ParcelStatus(rawValue: key)?.label
        case .tenantStatus: TenantStatus(rawValue: key)?.label
        }
        return label ?? key
    }
}

/// How a field's value is read from people and files, kept, and shown.
public enum FieldType: Sendable, Hashable {
    /// Required text (a name or title): 1 to 200 characters, no control characters.
    case name
    /// Optional text up to a length; writing it empty clears it.
    case text(limit: Int)
    /// Whole yuan; typed as 9亿元, 5000万元, 66300元 (a bare number is 万元); shown in 万元.
    case money
    /// Hundredths of a 亩.
    case area
    /// A ratio in hundredths (容积率 2.6 = 260).
    case hundredths
    /// A positive whole number, perhaps written with its unit (37.5万平方米, 20幢).
    case count(units: [String])
    case flag
    case day
    case choice(ChoiceKind)
    /// Another subject of this kind, named by a REF and kept by id (shown and exported by code).
    case link(SubjectKind)
}

/// One descriptive field of a kind of subject: the one description that add, edit, show, list,
/// import, export and the history's change text all read.
public struct Field: Sendable, Hashable {
    /// Stable English key: the JSON key, the export column's key, the import column's key.
    public let key: String
    /// The Chinese label, as a column header and in change text.
    public let label: String
    /// Other headers an import file may use for it.
    public let aliases: [String]
    public let type: FieldType
    /// The entry column that sets it, and the span column that holds it.
    let entryColumn: String
    let spanColumn: String
    /// The report column's header when it is not the label with its unit.
    let header: String?

    init(_ key: String, _ label: String, _ type: FieldType, entry: String, span: String? = nil, aliases: [String] = [],
         header: String? = nil) {
        self.key = key
        self.label = label
        self.type = type
        self.entryColumn = entry
        self.spanColumn = span ?? entry
        self.aliases = aliases
        self.header = header
    }

    public static func == (a: Field, b: Field) -> Bool { a.key == b.key && a.entryColumn == b.entryColumn }
    public func hash(into hasher: inout Hasher) { hasher.combine(entryColumn) }

    /// Whether writing it empty clears it.
    var isClearable: Bool { if case .text = type { true } else { false } }
}

extension Field {
    static let name = Field("name", "名称", .name, entry: "name")
    static let title = Field("title", "节点", .name, entry: "title", aliases: ["节点内容", "内容"])
    static let projectKind = Field("kind", "类别", .choice(.projectKind), entry: "project_kind", span: "kind", aliases: ["项目类别"])
    static let parkKind = Field("kind", "类别", .choice(.parkKind), entry: "park_kind", span: "kind", aliases: ["园区类别"])
    static let investment = Field("investment", "总投资", .money, entry: "investment_yuan")
    static let projectPark = Field("park", "园区", .link(.park), entry: "set_park_id", span: "park_id")
    static let projectParcel = Field("parcel", "地块", .link(.parcel), entry: "set_parcel_id", span: "parcel_id")
    static let provincialMajor = Field("provincial_major", "省重大产业项目", .flag, entry: "provincial_major", aliases: ["省重大"])
    static let registered = Field("registered", "统计入库", .flag, entry: "registered", aliases: ["入库"])
    static let department = Field("department", "责任部门", .text(limit: 100), entry: "department", aliases: ["责任单位"])
    static let plannedStart = Field("planned_start", "计划开工", .day, entry: "planned_start", aliases: ["计划开工日期"])
    static let plannedCompletion = Field("planned_completion", "计划竣工", .day, entry: "planned_completion", aliases: ["计划竣工日期"])
    static let area = Field("area_mu", "面积", .area, entry: "area_mu_hundredths", aliases: ["面积(亩)"])
    static let parcelArea = Field("area_mu", "面积", .area, entry: "area_mu_hundredths", aliases: ["面积(亩)"])
    static let landUse = Field("land_use", "用地性质", .text(limit: 100), entry: "land_use")
    static let areaApproximate = Field("area_approximate", "面积为约数", .flag, entry: "area_approximate", aliases: ["约数"])
    static let plotRatio = Field("plot_ratio", "容积率", .hundredths, entry: "plot_ratio_hundredths")
    static let floorArea = Field("floor_area_m2", "建筑面积", .count(units: ["平方米", "㎡"]), entry: "floor_area_m2",
                                 aliases: ["建筑面积(平方米)", "总建筑面积", "建筑面积(㎡)"], header: "建筑面积(㎡)")
    static let expectedOutput = Field("expected_output", "预计年产值", .money, entry: "expected_output_yuan")
    static let expectedTax = Field("expected_tax", "预计年税收", .money, entry: "expected_tax_yuan")
    static let buildings = Field("buildings", "建筑幢数", .count(units: ["幢"]), entry: "buildings", aliases: ["幢数"], header: "建筑(幢)")
    static let industries = Field("industries", "主导产业", .text(limit: 500), entry: "industries")
    static let tenantPark = Field("park", "园区", .link(.park), entry: "set_park_id", span: "park_id")
    static let owner = Field("owner", "项目业主单位", .text(limit: 100), entry: "owner", aliases: ["业主单位", "项目业主", "业主名称"])
    static let leader = Field("leader", "挂钩领导", .text(limit: 100), entry: "leader", aliases: ["挂钩责任领导", "联系领导"])
    static let scope = Field("scope", "建设内容及规模", .text(limit: 500), entry: "scope", aliases: ["建设内容", "建设规模及内容", "建设规模"])
    static let milestoneDepartment = Field("department", "责任部门", .text(limit: 100), entry: "department", aliases: ["责任单位"])
    static let problemTitle = Field("title", "问题", .name, entry: "title", aliases: ["存在问题", "问题描述", "需协调解决问题"])
    static let problemDepartment = Field("department", "责任单位", .text(limit: 100), entry: "department", aliases: ["责任部门", "牵头单位"])
    static let problemLeader = Field("leader", "挂钩领导", .text(limit: 100), entry: "leader", aliases: ["责任领导", "协调领导"])
}

extension SubjectKind {
    /// The descriptive fields, in the order people read them: set by add and edit.
    public var fields: [Field] {
        switch self {
        case .project: [.name, .projectKind, .investment, .projectPark, .projectParcel, .provincialMajor, .registered,
                        .department, .plannedStart, .plannedCompletion, .owner, .leader, .scope]
        case .parcel: [.name, .parcelArea, .landUse]
        case .park: [.name, .parkKind, .area, .areaApproximate, .plotRatio, .floorArea, .investment, .expectedOutput,
                     .expectedTax, .buildings, .industries]
        case .tenant: [.name, .tenantPark]
        case .milestone: [.title, .milestoneDepartment]
        case .problem: [.problemTitle, .problemDepartment, .problemLeader]
        }
    }

    /// The field a kind is named by.
    var nameField: Field {
        switch self {
        case .milestone: .title
        case .problem: .problemTitle
        default: .name
        }
    }

    /// Milestones and problems are about another subject (a project, parcel, park or tenant).
    var isAboutSubject: Bool { self == .milestone || self == .problem }

    /// A field of this kind by its key ("name", "park").
    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }
}

extension Field {
    /// Reads what a person or a file wrote into the stored value: refusals name the field.
    /// Links are resolved by the caller (they need the database); here they stay text.
    /// Days without a year are read against `day`, the entry's effective day.
    func parse(_ text: String, relativeTo day: Day) throws -> DatabaseValue {
        switch type {
        case .name:
            return try Validate.name(text, what: label).databaseValue
        case .text(let limit):
            // Empty clears the field: kept as '' in the entry, read as nothing.
            return (try Validate.optionalText(text, what: label, limit: limit) ?? "").databaseValue
        case .money:
            return try Money.parse(text, what: label).yuan.databaseValue
        case .area:
            return try Area.parse(text, what: label).hundredths.databaseValue
        case .hundredths:
            return try parseHundredths(text, what: label).databaseValue
        case .count(let units):
            return try parseCount(text, what: label, units: units).databaseValue
        case .flag:
            switch text.trimmingWhitespace().lowercased() {
            case "是", "yes", "true", "1", "y", "√", "✓": return true.databaseValue
            case "否", "no", "false", "0", "n": return false.databaseValue
            default: throw LedgerError.data("\(label)的值“\(text)”无效：应为 是 或 否（yes/no）")
            }
        case .day:
            do { return try DateParser.parse(text, relativeTo: day).day.databaseValue }
            catch { throw LedgerError.data(error.message) }
        case .choice(let choice):
            return try choice.parse(text).databaseValue
        case .link:
            return text.databaseValue
        }
    }

    /// A stored value in words, for change text: "9亿元", "144.73亩", "是".
    func words(_ value: DatabaseValue, codes: (SubjectKind, Int64) -> String?) -> String {
        if value.isNull { return "（空）" }
        switch type {
        case .name, .text:
            let text = String.fromDatabaseValue(value) ?? ""
            return text.isEmpty ? "（空）" : text
        case .money: return Int64.fromDatabaseValue(value).map { Money(yuan: $0).description } ?? "（空）"
        case .area: return Int64.fromDatabaseValue(value).map { Area(hundredths: $0).description + "亩" } ?? "（空）"
        case .hundredths: return Int64.fromDatabaseValue(value).map { ExactDecimal(units: $0, scale: 2).description } ?? "（空）"
        case .count(let units): return Int64.fromDatabaseValue(value).map { "\($0)\(units.first ?? "")" } ?? "（空）"
        case .flag: return Bool.fromDatabaseValue(value) == true ? "是" : "否"
        case .day: return String.fromDatabaseValue(value) ?? "（空）"
        case .choice(let choice): return choice.label(String.fromDatabaseValue(value))
        case .link(let kind): return Int64.fromDatabaseValue(value).flatMap { codes(kind, $0) } ?? "（空）"
        }
    }

    /// A stored value as a report cell: money in 万元, areas and ratios as exact decimals.
    func cell(_ value: DatabaseValue, link: (SubjectKind, Int64) -> String?) -> Cell {
        if value.isNull { return type == .flag ? .flag(false) : .empty }
        switch type {
        case .name, .text:
            let text = String.fromDatabaseValue(value) ?? ""
            return text.isEmpty ? .empty : .text(text)
        case .money: return moneyCell(Int64.fromDatabaseValue(value))
        case .area: return areaCell(Int64.fromDatabaseValue(value))
        case .hundredths: return hundredthsCell(Int64.fromDatabaseValue(value))
        case .count: return .optional(Int64.fromDatabaseValue(value))
        case .flag: return .flag(Bool.fromDatabaseValue(value) == true)
        case .day: return .optional(Day.fromDatabaseValue(value))
        case .choice(let choice):
            let key = String.fromDatabaseValue(value)
            return key.map { .choice(key: $0, label: choice.label($0)) } ?? .empty
        case .link(let kind): return .optional(Int64.fromDatabaseValue(value).flatMap { link(kind, $0) })
        }
    }

    /// The report column for this field: money columns say their unit.
    var column: Column {
        if let header { return Column(key, header, numeric: true) }
        return switch type {
        case .money: Column(key + "_wan", label + "(万元)", numeric: true)
        case .area: Column(key, label + "(亩)", numeric: true)
        case .count(let units): Column(key, label + (units.first.map { "(\($0))" } ?? ""), numeric: true)
        case .hundredths: Column(key, label, numeric: true)
        case .choice: Column(key, label, choice: true)
        default: Column(key, label)
        }
    }
}
