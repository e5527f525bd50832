import Foundation
import ZIPFoundation

/// A rectangle of merged cells, 0-based and inclusive: `A1:M1` is row 0, columns 0 through 12.
public struct CellRange: Hashable, Sendable {
    public let firstRow: Int
    public let firstColumn: Int
    public let lastRow: Int
    public let lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// `B3:D4` or a single cell `B3`; nil when it is not a cell reference.
    public init?(reference: String) {
        let ends = reference.split(separator: ":").map(String.init)
        guard (1...2).contains(ends.count), let first = CellReference(ends[0]), let last = CellReference(ends.last!) else { return nil }
        self.init(firstRow: min(first.row, last.row), firstColumn: min(first.column, last.column),
                  lastRow: max(first.row, last.row), lastColumn: max(first.column, last.column))
    }

    public func contains(row: Int, column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }
}

/// `B3`: column 1, row 2 (0-based). Letters name the column as Excel does: A … Z, AA ….
struct CellReference {
    let row: Int
    let column: Int

    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 65...90 where digits == 0: column = column * 26 + Int(scalar.value - 64); letters += 1
            case 97...122 where digits == 0: column = column * 26 + Int(scalar.value - 96); letters += 1
            case 48...57: row = row * 10 + Int(scalar.value - 48); digits += 1
            case 36: continue // $A$1
            default: return nil
            }
            guard letters <= 3, digits <= 7 else { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.row = row - 1
        self.column = column - 1
    }

    /// Excel's letters for a 0-based column: 0 → A, 26 → AA.
    static func letters(_ column: Int) -> String {
        var number = column + 1
        var result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }
}

/// One worksheet as a person sees it: each cell's text ("" when empty), row by row, every row
/// as wide as the widest, and the merged ranges.
public struct XLSXSheet: Sendable {
    public let name: String
    public let cells: [[String]]
    public let merges: [CellRange]

    public init(name: String, cells: [[String]], merges: [CellRange]) {
        let width = cells.map(\.count).max() ?? 0
        self.name = name
        self.cells = cells.map { $0 + Array(repeating: "", count: width - $0.count) }
        self.merges = merges
    }

    public var width: Int { cells.first?.count ?? 0 }

    public func text(_ row: Int, _ column: Int) -> String {
        row < cells.count && column < cells[row].count ? cells[row][column] : ""
    }
}

/// An .xlsx workbook read whole (an office's sheet is small): the zip opened with ZIPFoundation,
/// its XML parts with Foundation's XMLParser. Sheets come in the workbook's order.
public struct XLSXWorkbook: Sendable {
    public let sheets: [XLSXSheet]

    public var sheetNames: [String] { sheets.map(\.name) }

    /// `name` is the file as the user wrote it, for messages.
    public init(data: Data, name: String) throws {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw LedgerError.data("“\(name)”不是有效的 .xlsx 文件（读不出其中的压缩包）：请在 Excel/WPS 中另存为 .xlsx 再导入")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            do { _ = try archive.extract(entry, skipCRC32: true) { bytes.append($0) } } catch {
                throw LedgerError.data("“\(name)”中的 \(path) 已损坏，读不出来")
            }
            return bytes
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw LedgerError.data("“\(name)”不是 Excel 工作簿（缺少 xl/workbook.xml）：请在 Excel/WPS 中另存为 .xlsx 再导入")
        }
        let listed = try XLSXParts.sheets(workbook, file: name)
        let targets = try part("xl/_rels/workbook.xml.rels").map { try XLSXParts.relationships($0, file: name) } ?? [:]
        let strings = try part("xl/sharedStrings.xml").map { try XLSXParts.sharedStrings($0, file: name) } ?? []
        var sheets: [XLSXSheet] = []
        for (sheetName, relation) in listed {
            guard let target = targets[relation] else { continue }
            // Targets are relative to xl/ unless absolute.
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try part(path) else { continue }
            let (cells, merges) = try XLSXParts.worksheet(xml, strings: strings, file: name, sheet: sheetName)
            sheets.append(XLSXSheet(name: sheetName, cells: cells, merges: merges))
        }
        guard !sheets.isEmpty else { throw LedgerError.data("“\(name)”里没有工作表") }
        self.sheets = sheets
    }

    /// Sheets already read (tests build grids directly).
    init(sheets: [XLSXSheet]) { self.sheets = sheets }

    public init(path: String, name: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw LedgerError.data("读不到文件“\(name)”") }
        try self.init(data: data, name: name)
    }

    /// The sheet named so, or a refusal listing the sheets there are.
    public func sheet(named wanted: String) throws -> XLSXSheet {
        guard let sheet = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.trimmingWhitespace() == wanted.trimmingWhitespace() }) else {
            throw LedgerError.data("工作簿里没有名为“\(wanted)”的工作表：有 \(sheetNames.map { "“\($0)”" }.joined(separator: "、"))")
        }
        return sheet
    }
}
