/// One value in a report, typed so each format can render it faithfully:
/// JSON gets numbers as numbers, CSV keeps text as text, the terminal gets labels.
public enum Cell: Sendable, Equatable {
    case text(String)
    /// An exact decimal, as text ("144.73"): never a binary float.
    case number(String)
    case integer(Int64)
    case day(Day)
    case flag(Bool)
    case list([String])
    /// An enumeration: its stable English key (for scripts) and its Chinese label (for people).
    case choice(key: String, label: String)
    case empty

    public static func optional(_ text: String?) -> Cell { text.map(Cell.text) ?? .empty }
    public static func optional(_ day: Day?) -> Cell { day.map(Cell.day) ?? .empty }
    public static func optional<I: BinaryInteger>(_ value: I?) -> Cell { value.map { .integer(Int64($0)) } ?? .empty }
    public static func choice<Value: Labeled>(_ value: Value?) -> Cell { value.map { .choice(key: $0.rawValue, label: $0.label) } ?? .empty }

    /// How a person reads it: on the terminal, in Markdown, in a table cell.
    public var plain: String {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .integer(let value): String(value)
        case .day(let day): day.iso
        case .flag(let flag): flag ? "是" : ""
        case .list(let items): items.joined(separator: "；")
        case .choice(_, let label): label
        case .empty: ""
        }
    }
}

/// A column: a stable English key for JSON, a Chinese label for people. A choice column holds
/// enumerations: JSON gives each its key under `key` and its label under `key_label`.
public struct Column: Sendable, Equatable {
    public let key: String
    public let label: String
    public let english: String
    public let numeric: Bool
    public let choice: Bool

    public init(_ key: String, _ label: String, _ english: String? = nil, numeric: Bool = false, choice: Bool = false) {
        self.key = key
        self.label = label
        self.english = english ?? key.replacingOccurrences(of: "_", with: " ").capitalized
        self.numeric = numeric
        self.choice = choice
    }
}

public struct Table: Sendable, Equatable {
    public var columns: [Column]
    public var rows: [[Cell]]
    public init(columns: [Column], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }
}

/// One thing shown whole: its fields, then tables (history, milestones, …).
public struct Detail: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public let key: String
        public let label: String
        public let table: Table
    }
    public var title: String
    public var fields: [(Column, Cell)]
    public var sections: [Section]

    public init(title: String, fields: [(Column, Cell)], sections: [Section]) {
        self.title = title
        self.fields = fields
        self.sections = sections
    }

    public static func == (a: Detail, b: Detail) -> Bool {
        a.title == b.title && a.sections == b.sections
            && a.fields.map(\.0) == b.fields.map(\.0) && a.fields.map(\.1) == b.fields.map(\.1)
    }
}

extension Money {
    /// 万元, the unit of every money column.
    var wanCell: Cell { .number(wan) }
}

func moneyCell(_ yuan: Int64?) -> Cell { yuan.map { Money(yuan: $0).wanCell } ?? .empty }
func areaCell(_ hundredths: Int64?) -> Cell { hundredths.map { .number(Area(hundredths: $0).description) } ?? .empty }
func hundredthsCell(_ hundredths: Int64?) -> Cell { hundredths.map { .number(ExactDecimal(units: $0, scale: 2).description) } ?? .empty }
