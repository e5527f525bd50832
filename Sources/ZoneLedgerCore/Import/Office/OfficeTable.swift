/// One column of an office sheet: where it is, its header as written (parents joined with
/// children by "/"), and what it means.
public struct OfficeColumn: Sendable, Equatable {
    public let index: Int
    public let header: String
    public var meaning: HeaderMeaning

    public var letter: String { CellReference.letters(index) }
    /// `F列（2010年计划投资(万元)）`: how messages name the column.
    public var place: String { "\(letter)列（\(header)）" }
}

/// What the rows above the header say: `2010年1-8月__开发区重点项目进度表`, `单位：万元`.
public struct OfficeTitle: Sendable, Equatable {
    public var text = ""
    public var year: Int?
    /// The month the title reports (1-8月, 8月).
    public var month: Int?
    public var unit: String?

    init(_ lines: [String]) {
        text = lines.joined(separator: " ")
        let plain = OfficeHeader.normalised(lines.joined())
        if let year = plain.firstMatch(of: /(\d{4})年/) { self.year = Int(year.1) }
        if let range = plain.firstMatch(of: /1(-|至|到)(\d{1,2})月/) { month = Int(range.2) }
        else if let single = plain.firstMatch(of: /年(度)?(\d{1,2})月/) { month = Int(single.2) }
        unit = OfficeHeader.unit(plain).1 ?? (plain.contains("单位:万元") ? "万元" : nil)
    }
}

/// An office sheet read into its parts: the title, the header block (rows `headerRows`, 0-based),
/// each column's meaning, and the filled cells of the rows below.
public struct OfficeTable: Sendable {
    public let sheet: String
    public let title: OfficeTitle
    public let headerRows: ClosedRange<Int>
    public let columns: [OfficeColumn]
    /// The body's cells, 0-based rows of the sheet; a cell merged down repeats in the rows below.
    let body: [Int: [String]]
    /// The body's cells as stored (merged ranges not filled), to tell headings from data.
    let stored: XLSXSheet

    /// Finds the header block in a sheet, or nil when the sheet has none we recognise.
    public init?(_ sheet: XLSXSheet) {
        guard let start = Self.headerStart(sheet) else { return nil }
        var end = start
        var grew = true
        while grew {
            grew = false
            for range in sheet.merges where (start...end).contains(range.firstRow) && range.lastRow > end && range.lastRow <= start + 4 {
                end = range.lastRow
                grew = true
            }
        }
        while end + 1 < sheet.cells.count, end < start + 3, Self.continuesHeader(sheet, row: end + 1) { end += 1 }
        // The header's cells, every merged range filled.
        var filled = Array(sheet.cells[start...end])
        for range in sheet.merges where range.firstRow <= end && range.lastRow >= start {
            let value = sheet.text(range.firstRow, range.firstColumn)
            for row in max(start, range.firstRow)...min(end, range.lastRow) {
                for column in range.firstColumn...range.lastColumn where column < sheet.width { filled[row - start][column] = value }
            }
        }
        var columns: [OfficeColumn] = []
        for column in 0..<sheet.width {
            var parts: [String] = []
            for row in filled {
                let text = OfficeHeader.normalised(row[column])
                if !text.isEmpty, parts.last != text { parts.append(text) }
            }
            guard !parts.isEmpty else { continue }
            columns.append(OfficeColumn(index: column, header: parts.joined(separator: "/"), meaning: OfficeHeader.meaning(parts)))
        }
        guard columns.contains(where: { $0.meaning.field == .name }) else { return nil }
        // A field that needs one column: the first wins, the others are named as repeats.
        let single: Set<HeaderMeaning.Field> = [.name, .kind, .stage, .investment, .owner, .department, .leader, .scope, .period,
                                                  .plannedStart, .plannedCompletion, .note, .serial]
        var seen: [HeaderMeaning.Field: String] = [:]
        for index in columns.indices where single.contains(columns[index].meaning.field) {
            let field = columns[index].meaning.field
            if let first = seen[field], field != .serial {
                columns[index].meaning = HeaderMeaning(.ignored, reason: "与\(first)列重复，不导入")
            } else {
                seen[field] = columns[index].letter
            }
        }
        var body: [Int: [String]] = [:]
        for row in (end + 1)..<max(end + 1, sheet.cells.count) { body[row] = sheet.cells[row] }
        // A cell merged down (one 责任单位 for several projects) applies to each row it covers.
        for range in sheet.merges where range.firstRow > end && range.lastRow > range.firstRow {
            let value = sheet.text(range.firstRow, range.firstColumn)
            for row in (range.firstRow + 1)...range.lastRow where body[row] != nil { body[row]![range.firstColumn] = value }
        }
        self.sheet = sheet.name
        self.title = OfficeTitle((0..<start).map { sheet.cells[$0].filter { !$0.trimmingWhitespaceAndNewlines().isEmpty }.joined(separator: " ") })
        self.headerRows = start...end
        self.columns = columns
        self.body = body
        self.stored = sheet
    }

    /// The first row with at least three cells of which two or more are headers we know.
    private static func headerStart(_ sheet: XLSXSheet) -> Int? {
        for row in 0..<min(sheet.cells.count, 20) {
            let texts = sheet.cells[row].map(OfficeHeader.normalised).filter { !$0.isEmpty }
            guard texts.count >= 3 else { continue }
            let known = texts.filter { OfficeHeader.meaning([$0]).field != .ignored || $0.contains("联系人") || $0.contains("电话") }
            if known.count >= 2, texts.contains(where: { OfficeHeader.meaning([$0]).field == .name }) { return row }
        }
        return nil
    }

    /// A row under the header that is more header (children without merges): no number in it,
    /// and no heading, total or footnote.
    private static func continuesHeader(_ sheet: XLSXSheet, row: Int) -> Bool {
        let texts = sheet.cells[row].map(OfficeHeader.normalised).filter { !$0.isEmpty }
        guard !texts.isEmpty else { return false }
        for text in texts {
            if ExactDecimal(text.replacingOccurrences(of: ",", with: "")) != nil { return false }
            if OfficeRows.isTotal(text) || OfficeRows.heading(text) != nil || OfficeRows.isFootnote(text) { return false }
        }
        return texts.contains { text in
            OfficeHeader.meaning([text]).field != .ignored || ["联系人", "负责人", "电话"].contains { text.contains($0) }
        }
    }

    public func column(_ field: HeaderMeaning.Field) -> OfficeColumn? { columns.first { $0.meaning.field == field } }

    /// The body rows, 0-based, in order.
    var bodyRows: [Int] { body.keys.sorted() }

    func cell(_ row: Int, _ column: OfficeColumn) -> String { body[row].map { column.index < $0.count ? $0[column.index] : "" } ?? "" }
}
