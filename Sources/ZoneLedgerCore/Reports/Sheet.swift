import GRDB

/// The 月度进度表: everything as it stood on the month's last day, as tables of values.
/// Every format (text, md, csv, json, html, xlsx) renders these same tables, so they agree.
public struct MonthlySheet: Sendable, Equatable {
    public var zone: String
    public var month: Month
    public var asOf: Day
    /// The moment of recording the sheet was read at (`--as-recorded`); nil for "as known now".
    public var recorded: RecordedAt?
    public var generatedAt: String
    public var sections: [Section]
    /// A zone's own sheet, or a city's rollup of several.
    public var kind: SheetKind = .zone

    public struct Section: Sendable, Equatable {
        public let key: String
        public let title: String
        public let english: String
        public let table: Table
    }
}

/// Whose sheet it is: one zone's, or a city's rollup of zones (named in the order given).
public enum SheetKind: Sendable, Equatable {
    case zone
    case city(zones: [String])
}

/// A project's health on the sheet, worst first.
public enum ProjectHealth: String, Sendable, CaseIterable {
    case overdue, behind, warning, normal
    public var label: String {
        switch self {
        case .overdue: "逾期"
        case .behind: "滞后"
        case .warning: "预警"
        case .normal: "正常"
        }
    }
}

/// The sheet as the renderers read it: small sections held, the big ones (projects, overdue,
/// parcels) streamed from the database inside `Ledger.withSheet`.
public struct SheetStream {
    public var zone: String
    public var month: Month
    public var asOf: Day
    public var recorded: RecordedAt?
    public var generatedAt: String
    public var sections: [StreamSection]
    public var kind: SheetKind = .zone

    public init(zone: String, month: Month, asOf: Day, recorded: RecordedAt?, generatedAt: String, sections: [StreamSection], kind: SheetKind = .zone) {
        self.zone = zone
        self.month = month
        self.asOf = asOf
        self.recorded = recorded
        self.generatedAt = generatedAt
        self.sections = sections
        self.kind = kind
    }

    /// A held sheet streamed to the same renderers.
    public init(_ sheet: MonthlySheet) {
        self.init(zone: sheet.zone, month: sheet.month, asOf: sheet.asOf, recorded: sheet.recorded, generatedAt: sheet.generatedAt,
                  sections: sheet.sections.map(StreamSection.init), kind: sheet.kind)
    }

    /// Every row held, as a value: for tests and for formats that need the whole sheet at once.
    public func collected() throws -> MonthlySheet {
        MonthlySheet(zone: zone, month: month, asOf: asOf, recorded: recorded, generatedAt: generatedAt, sections: try sections.map {
            MonthlySheet.Section(key: $0.key, title: $0.title, english: $0.english, table: try $0.rows.collect())
        }, kind: kind)
    }
}

extension StreamSection {
    public init(_ section: MonthlySheet.Section) {
        self.init(key: section.key, title: section.title, english: section.english, rows: RowStream(section.table))
    }
}

extension Ledger {
    /// Days ahead of the as-of day within which an open milestone marks its project 预警.
    public static let warningDays = 30

    /// `generatedAt` is passed in, so the same month regenerates byte-identically when pinned.
    /// The sheet is as of the month's last day, or `today` while the month is still running.
    public func sheet(month: Month, today: Day, recorded: RecordedAt? = nil, generatedAt: String) throws -> MonthlySheet {
        try withSheet(month: month, today: today, recorded: recorded, generatedAt: generatedAt) { try $0.collected() }
    }

    /// The sheet handed to `body` inside one read: every section sees the same ledger, and the
    /// big tables stream, so memory does not grow with the number of projects or milestones.
    public func withSheet<T>(month: Month, today: Day, recorded: RecordedAt? = nil, generatedAt: String,
                             _ body: (SheetStream) throws -> T) throws -> T {
        let asOf = min(month.last, today)
        return try read(at: AsOf(asOf, recorded: recorded)) { db, view in
            guard let zone = try Zone.fetchOne(db, key: 1) else { throw LedgerError.data("账本缺少开发区信息") }
            let notes = try SheetNotes(month: month, view, in: db)
            let investment = try SheetInvestment(month: month, view, in: db)
            let problems = try SheetProblems(month: month, view, in: db)
            var sections = try SheetSummary.sections(month: month, investment, problems, view, in: db).map(StreamSection.init)
            sections.append(SheetProjects.section(view, notes: notes, investment: investment, problems: problems, in: db))
            sections.append(SheetOverdue.section(view, in: db))
            sections.append(StreamSection(problems.section))
            sections.append(StreamSection(try SheetPlaces.parks(view, notes: notes, in: db)))
            sections.append(SheetPlaces.parcels(view, notes: notes, in: db))
            sections.append(StreamSection(try SheetPlaces.indicators(view, in: db)))
            sections.append(StreamSection(try SheetCorrections.section(month: month, view, in: db)))
            return try body(SheetStream(zone: zone.name, month: month, asOf: asOf, recorded: recorded, generatedAt: generatedAt, sections: sections))
        }
    }
}

/// The month's entries, grouped by subject: "11-20 说明" lines for 本月进展.
struct SheetNotes {
    private var bySubject: [SubjectID: [String]] = [:]

    init(month: Month, _ view: Viewpoint, in db: Session) throws {
        // Read row by row: a province's month holds some 100,000 entries, and only their texts are kept.
        let rows = try SessionRow.fetchCursor(db, sql: """
            SELECT e.* FROM entry e WHERE e.effective_on BETWEEN :first AND :day AND \(view.liveEntry("e")) ORDER BY e.effective_on, e.id
            """, arguments: view.arguments + ["first": month.first])
        while let row = try rows.next() {
            let entry = try Entry(row: row)
            let text = [entry.action == .add ? "记入台账" : "", try EntryText.summary(entry, view: view, in: db), entry.note ?? ""]
                .filter { !$0.isEmpty }.joined(separator: "，")
            let day = String(format: "%02d-%02d", entry.effectiveOn.month, entry.effectiveOn.day)
            bySubject[entry.subject, default: []].append("\(day) \(text)")
        }
    }

    func lines(_ subject: SubjectID) -> [String] { bySubject[subject] ?? [] }
}

extension MilestoneLine {
    /// "交付企业使用（春节前，2021-02-11）"
    var nextText: String { "\(title)（\(dueText)，\(dueOn.iso)）" }
}
