/// Options an office import takes besides the file.
public struct OfficeImportOptions: Sendable {
    /// The sheet to read (default: the first with a header we recognise).
    public var sheet: String?
    /// 类别 for rows that have none from a column or a heading row.
    public var kind: ProjectKind?
    /// The year of headers that do not say it, when the title does not either.
    public var year: Int?

    public init(sheet: String? = nil, kind: ProjectKind? = nil, year: Int? = nil) {
        self.sheet = sheet
        self.kind = kind
        self.year = year
    }
}

/// A row the import leaves out, and why: 合计/小计, 分类, 脚注.
public struct OfficeSkippedRow: Sendable, Equatable {
    public let row: Int
    public let reason: String
    public let text: String
}

/// One dated figure or note of a project, as an updates row will carry it.
struct OfficeEntry {
    var day: Day
    var invested: Int64?
    var yearToDate: Int64?
    var total: Int64?
    var planYear: Int?
    var plan: Int64?
    var planImage: String?
    var note: String?
    /// The updates file's column → where on the sheet its value came from.
    var places: [String: String] = [:]
}

/// One project row of the sheet, as an add row and its entries.
struct OfficeProject {
    let row: Int
    var values: [String: String] = [:]
    var places: [String: String] = [:]
    var entries: [OfficeEntry] = []
}

/// A column with its dates settled: the year, and the month of monthly and year-to-date figures.
struct DatedColumn {
    let column: OfficeColumn
    let year: Int
    let month: Int?
}

/// The sheet read into projects and entries, before anything touches the ledger.
struct OfficeReading {
    var projects: [OfficeProject] = []
    var skipped: [OfficeSkippedRow] = []
    /// What the reading chose or stripped, for the dry run.
    var notes: [String] = []
    var problems: [ImportProblem] = []
    var dated: [Int: DatedColumn] = [:]
    var reportDay: Day

    init(_ table: OfficeTable, options: OfficeImportOptions, today: Day) {
        let headerRow = table.headerRows.lowerBound + 1
        let baseYear = table.title.year ?? options.year
        let explicitMonths = table.columns.compactMap { column -> Int? in
            guard [.yearToDate, .monthInvested, .monthImage].contains(column.meaning.field) else { return nil }
            guard column.meaning.year == nil || column.meaning.year == baseYear else { return nil }
            return column.meaning.month
        }
        let reportMonth = table.title.month ?? explicitMonths.max()
        reportDay = baseYear.flatMap { year in reportMonth.map { Day.lastDay(year: year, month: $0) } } ?? today
        var problems: [ImportProblem] = []
        for column in table.columns where column.meaning.isDated {
            let meaning = column.meaning
            var year = meaning.year ?? baseYear
            if meaning.field == .openingBalance, meaning.year == nil { year = baseYear.map { $0 - 1 } }
            guard let year else {
                problems.append(ImportProblem(line: headerRow, column: column.place,
                                              reason: "表头没有写年份，标题里也没有：请用 --year 指定（如 --year 2010）"))
                continue
            }
            var month = meaning.month
            if [.yearToDate, .monthInvested, .monthImage].contains(meaning.field), month == nil {
                guard let reportMonth else {
                    problems.append(ImportProblem(line: headerRow, column: column.place,
                                                  reason: "表头没有填月份，标题和其他表头也没有写报告月份，无法确定是哪个月的数"))
                    continue
                }
                month = reportMonth
                notes.append("\(column.letter)列“\(column.header)”没写月份：按报告月份\(reportMonth)月读")
            }
            dated[column.index] = DatedColumn(column: column, year: year, month: month)
        }
        self.problems = problems
        guard problems.isEmpty else { return }
        readRows(table, options: options)
    }

    /// Each body row: a project, or a row skipped (合计, 分类, 脚注), or a problem.
    private mutating func readRows(_ table: OfficeTable, options: OfficeImportOptions) {
        guard let nameColumn = table.column(.name) else { return }
        let serialColumn = table.column(.serial)
        var outer: (kind: ProjectKind?, stage: ProjectStage?, row: Int) = (nil, nil, 0)
        var inner: (kind: ProjectKind?, stage: ProjectStage?, row: Int) = (nil, nil, 0)
        var footnotes = false
        for row in table.bodyRows {
            let filled = table.body[row] ?? []
            let stored = table.stored.cells[row].map { $0.trimmingWhitespaceAndNewlines() }.filter { !$0.isEmpty }
            guard filled.contains(where: { !$0.trimmingWhitespaceAndNewlines().isEmpty }) else { continue }
            let first = stored.first ?? filled.first { !$0.trimmingWhitespaceAndNewlines().isEmpty } ?? ""
            let line = row + 1
            if footnotes || OfficeRows.isFootnote(first) {
                footnotes = true
                skipped.append(OfficeSkippedRow(row: line, reason: "脚注", text: OfficeRows.text(first) ?? first))
                continue
            }
            let nameCell = table.cell(row, nameColumn)
            let serialCell = serialColumn.map { table.cell(row, $0) } ?? ""
            let name = OfficeRows.stripMarkers(nameCell)
            let serial = OfficeRows.stripMarkers(serialCell)
            if [name, serial, first].contains(where: OfficeRows.isTotal) {
                let text = [serial, name].filter { !$0.isEmpty }.joined(separator: " ")
                skipped.append(OfficeSkippedRow(row: line, reason: "合计/小计", text: OfficeRows.text(text.isEmpty ? first : text) ?? first))
                continue
            }
            let numbered = serial.wholeMatch(of: /[一二三四五六七八九十]+/) != nil || serial.wholeMatch(of: /[(（][一二三四五六七八九十]+[)）]/) != nil
            // A heading is written in the first columns (序号, 名称), not under 项目性质 further right.
            let firstColumn = table.stored.cells[row].firstIndex { !$0.trimmingWhitespaceAndNewlines().isEmpty } ?? 0
            let candidates = [firstColumn <= nameColumn.index ? first : nil, numbered ? serial + (serial.hasSuffix(")") || serial.hasSuffix("）") ? "" : "、") + name : nil, name].compactMap { $0 }
            if let (text, heading) = candidates.lazy.compactMap({ text in OfficeRows.heading(text).map { (text, $0) } }).first,
               heading.kind != nil || heading.stage != nil || stored.count <= 2 {
                if heading.level == 1 {
                    outer = (heading.kind, heading.stage, line)
                    inner = (nil, nil, 0)
                } else {
                    inner = (heading.kind, heading.stage, line)
                }
                let sets = [heading.kind.map { "类别为\($0.label)" }, heading.stage.map { "阶段为\($0.label)" }].compactMap { $0 }
 
                skipped.append(OfficeSkippedRow(row: line, reason: "分类", text: (OfficeRows.text(text) ?? text) + (sets.isEmpty ? "" : "（此后各行\(sets.joined(separator: "、"))）")))
                continue
            }
            guard !name.isEmpty else {
                problems.append(ImportProblem(line: line, column: nameColumn.place, reason: "没有项目名称：这一行不是合计、小计、分类或脚注，也读不成项目"))
                continue
            }
            let marks = OfficeRows.markersIn(serialCell) + OfficeRows.markersIn(nameCell)
            if !marks.isEmpty { notes.append("第\(line)行“\(name)”：去掉标记\(marks)") }
            let kind = inner.kind.map { ($0, inner.row) } ?? outer.kind.map { ($0, outer.row) }
            let stage = inner.stage.map { ($0, inner.row) } ?? outer.stage.map { ($0, outer.row) }
            var reader = OfficeProjectReader(table: table, row: row, dated: dated, options: options, reportDay: reportDay)
            let project = reader.read(name: name, heldKind: kind, heldStage: stage)
            problems += reader.problems
            if let project { projects.append(project) }
        }
    }
}
