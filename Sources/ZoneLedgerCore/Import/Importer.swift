import Foundation
import GRDB

/// What an import did, or (with a dry run) would do.
public struct ImportResult: Sendable, Equatable {
    public var kind: ImportKind
    public var encoding: TextEncoding
    public var added = 0
    public var skipped = 0
    public var dryRun = false
}

/// Every problem found in a file: nothing was written.
public struct ImportFailure: Error, Sendable, Equatable {
    public let file: String
    public let problems: [ImportProblem]
}

/// One file to import: what it holds and its bytes.
public struct ImportFile: Sendable {
    public let kind: ImportKind
    public let name: String
    public let data: Data
    public init(kind: ImportKind, name: String, data: Data) {
        self.kind = kind
        self.name = name
        self.data = data
    }
}

extension Ledger {
    /// Imports CSV files in one transaction, all or nothing: every row is checked and every bad row
    /// reported with its file, line, column and reason; if any is bad, nothing is written. A row
    /// already in the ledger is skipped, so importing the same file twice adds nothing the second time.
    public func importCSV(_ files: [ImportFile], encoding: TextEncoding? = nil, dryRun: Bool = false,
                          context: WriteContext) throws -> [ImportResult] {
        var tables: [(ImportFile, TextEncoding, ImportTable)] = []
        var failures: [ImportFailure] = []
        for file in files {
            let (text, used) = try TextDecoding.decode(file.data, as: encoding, file: file.name)
            let table = try ImportTable(kind: file.kind, records: try CSVReader.records(text, file: file.name), file: file.name, today: context.today)
            tables.append((file, used, table))
        }
        var results: [ImportResult] = []
        try translatingErrors {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let batches = ImportBatches(ledger: self, context: context,
                                                command: "import " + files.map(\.kind.rawValue).joined(separator: " "))
                    for (file, used, table) in tables {
                        var result = ImportResult(kind: file.kind, encoding: used, dryRun: dryRun)
                        var problems = table.problems
                        let importer = RowImporter(ledger: self, kind: file.kind, batches: batches, db: db)
                        // A file whose header is wrong is not read further: every row would fail alike.
                        for row in table.headerIsBroken ? [] : table.rows {
                            do {
                                if try importer.importRow(row) { result.added += 1 } else { result.skipped += 1 }
                            } catch let problem as ImportProblem {
                                problems.append(problem)
                            } catch let error as LedgerError {
                                problems.append(ImportProblem(line: row.line, column: "", reason: error.message))
                            } catch let error as DatabaseError {
                                problems.append(ImportProblem(line: row.line, column: "", reason: translate(error).message))
                            }
                        }
                        if !problems.isEmpty { failures.append(ImportFailure(file: file.name, problems: problems.sorted { $0.line < $1.line })) }
                        results.append(result)
                    }
                    return failures.isEmpty && !dryRun ? .commit : .rollback
                }
            }
        }
        if !failures.isEmpty { throw ImportFailures(failures: failures) }
        return results
    }

    /// An empty file with the headers a kind takes (Chinese, as in exports).
    public static func template(_ kind: ImportKind) -> [String] { kind.columns.map(\.header) }
}

/// Every problem in every file of an import: nothing was written.
public struct ImportFailures: Error, Sendable, Equatable {
    public let failures: [ImportFailure]
}

/// The header mapped to columns, and the data rows.
struct ImportTable {
    var rows: [ImportRow] = []
    var problems: [ImportProblem] = []
    var headerIsBroken = false

    init(kind: ImportKind, records: [CSVRecord], file: String, today: Day) throws {
        guard let header = records.first else { throw LedgerError.data("“\(file)”是空文件：第一行应为表头，可用 zoneledger import --template \(kind.rawValue) 生成") }
        var keys: [Int: String] = [:]
        var units: [String: String] = [:]
        for (index, name) in header.fields.enumerated() {
            let normalised = ImportColumn.normalised(name)
            guard !normalised.isEmpty else { continue }
            guard let (column, unit) = Self.match(normalised, kind.columns) else {
                problems.append(ImportProblem(line: header.line, column: name, reason: "不认识的列：可用的列有 \(kind.columns.map(\.header).joined(separator: "、"))"))
                continue
            }
            if keys.values.contains(column.key) {
                problems.append(ImportProblem(line: header.line, column: name, reason: "与另一列重复（都是“\(column.header)”）"))
            }
            keys[index] = column.key
            if let unit { units[column.key] = unit }
        }
        for column in kind.columns where column.required && !keys.values.contains(column.key) {
            problems.append(ImportProblem(line: header.line, column: column.header, reason: "缺少必需的列"))
        }
        headerIsBroken = !problems.isEmpty
        // Of two columns with one key (a broken header) the later wins, as it would in a row's cells.
        var fieldIndex: [String: Int] = [:]
        for (index, key) in keys.sorted(by: { $0.key < $1.key }) { fieldIndex[key] = index }
        let layout = ImportLayout(fieldIndex: fieldIndex, headers: header.fields, moneyUnits: units, today: today)
        for record in records.dropFirst() {
            if record.fields.count > header.fields.count, record.fields[header.fields.count...].contains(where: { !$0.isEmpty }) {
                problems.append(ImportProblem(line: record.line, column: "", reason: "比表头多出\(record.fields.count - header.fields.count)列"))
                continue
            }
            rows.append(ImportRow(line: record.line, fields: record.fields, layout: layout))
        }
    }

    /// A header's column, and for money the unit its header names: 总投资(亿元), investment_yuan.
    static func match(_ header: String, _ columns: [ImportColumn]) -> (ImportColumn, String?)? {
        for column in columns {
            if column.names.contains(header) { return (column, column.isMoney && header.hasSuffix("(万元)") ? "万元" : nil) }
            guard column.isMoney else { continue }
            let bases = column.names.map { $0.replacingOccurrences(of: "(万元)", with: "") }
            for unit in ["元", "万元", "亿元"] where bases.contains(where: { header == "\($0)(\(unit))" }) { return (column, unit) }
            if header == column.key + "_yuan" { return (column, "元") }
            if header == column.key + "_wan" { return (column, "万元") }
            if header == column.key + "_yi" { return (column, "亿元") }
        }
        return nil
    }
}
