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

/// Every problem found in a file (up to the import's limit): nothing was written.
public struct ImportFailure: Error, Sendable, Equatable {
    public let file: String
    public let problems: [ImportProblem]
}

/// One file to import: what it holds and where its bytes are.
public struct ImportFile: Sendable {
    public let kind: ImportKind
    public let name: String
    let source: ByteSource

    public init(kind: ImportKind, name: String, data: Data) {
        self.kind = kind
        self.name = name
        self.source = .data(data)
    }

    /// A file on disk, read as the import goes: a file of millions of rows is never held whole.
    public init(kind: ImportKind, name: String, path: String) {
        self.kind = kind
        self.name = name
        self.source = .file(path)
    }

    /// The whole file's bytes (for small files only, such as zone.csv).
    public var data: Data {
        get throws {
            switch source {
            case .data(let data): return data
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path) else { throw LedgerError.data("读不到文件“\(path)”") }
                return data
            }
        }
    }
}

/// How an import runs; tests move the bulk threshold to take either path on any file.
struct ImportOptions {
    /// Files with at least this many data rows, of the kinds that have one, take the bulk path.
    var bulkRows = 2_000
    /// Problems listed; the rest are counted.
    var problemLimit = 1_000
    /// The page cache the import's connection keeps, in KiB (SQLite's default is 2,000). SQLite
    /// sizes each sort's memory by it too, and the bulk path's checks run several sorts at once:
    /// measured at province scale, the peak RSS is about 50 MiB plus 3.5 times the two caches
    /// (24 + 8 MiB gave 168 MiB; 10 + 2 MiB gives about 85).
    var cacheKiB = 10 * 1024
    /// And for the TEMP tables the bulk path stages rows in.
    var tempCacheKiB = 2 * 1024
    /// Told, for each file, whether it took the bulk path (for tests).
    var observe: ((ImportKind, Bool) -> Void)?
    /// ZONELEDGER_DEBUG=1: which path each file took, on standard error.
    var debug = false
    /// ZONELEDGER_BULK_ROWS moves the threshold, to compare the two paths on one file from the command line.
    static var standard: ImportOptions {
        var options = ImportOptions()
        let environment = ProcessInfo.processInfo.environment
        if let rows = environment["ZONELEDGER_BULK_ROWS"].flatMap(Int.init) { options.bulkRows = rows }
        options.debug = environment["ZONELEDGER_DEBUG"] == "1"
        return options
    }
}

extension Ledger {
    /// Imports CSV files in one transaction, all or nothing: every row is checked and every bad row
    /// reported with its file, line, column and reason (the first thousand listed, the rest counted);
    /// if any is bad, nothing is written. A row already in the ledger is skipped, so importing the
    /// same file twice adds nothing the second time. Files are read as they are imported, never
    /// held whole; `progress` hears the rows done and the rows in all files, now and then.
    public func importCSV(_ files: [ImportFile], encoding: TextEncoding? = nil, dryRun: Bool = false,
                          context: WriteContext, progress: ((Int, Int) -> Void)? = nil) throws -> [ImportResult] {
        try importCSV(files, encoding: encoding, dryRun: dryRun, context: context, options: .standard, progress: progress)
    }

    func importCSV(_ files: [ImportFile], encoding: TextEncoding? = nil, dryRun: Bool = false, context: WriteContext,
                   options: ImportOptions, progress: ((Int, Int) -> Void)? = nil) throws -> [ImportResult] {
        // Every file read through first, as before anything is written: encodings, CSV, headers.
        var scanned: [(ImportFile, ScannedFile, ImportHeader)] = []
        for file in files {
            let scan = try TextDecoding.scan(file.source, as: encoding, file: file.name)
            guard let header = scan.header else {
                throw LedgerError.data("“\(file.name)”是空文件：第一行应为表头，可用 zoneledger import --template \(file.kind.rawValue) 生成")
            }
            scanned.append((file, scan, ImportHeader(kind: file.kind, header: header, today: context.today)))
        }
        if case .postgres(let postgres) = store, Self.takesBulkPath(scanned, options: options) {
            // A large import into a database: through a scratch SQLite copy (ShadowLedger).
            return try postgres.write { db in
                let shadow = try ShadowLedger(copying: db)
                let results = try shadow.ledger.importCSV(files, encoding: encoding, dryRun: dryRun, context: context,
                                                          options: options, progress: progress)
                try shadow.applyChanges(to: db)
                return results
            }
        }
        let meter = ImportProgress(total: scanned.reduce(0) { $0 + $1.1.records - 1 }, report: progress)
        var sink = ProblemSink(limit: options.problemLimit)
        var results: [ImportResult] = []
        // The files, in one transaction whichever the store: `.rollback` when a row was refused or
        // for a dry run. The bulk path is SQLite's (its C API, its TEMP tables); a small import
        // into PostgreSQL takes the row path.
        func importAll(_ db: Session) throws -> Database.TransactionCompletion {
            let batches = ImportBatches(ledger: self, context: context, command: "import " + files.map(\.kind.rawValue).joined(separator: " "))
            for (index, (file, scan, header)) in scanned.enumerated() {
                var result = ImportResult(kind: file.kind, encoding: scan.text.encoding, dryRun: dryRun)
                sink.startFile(file.name)
                for problem in header.problems { sink.add(problem) }
                let rows = scan.records - 1
                var done = false
                if db.sqlite != nil, !header.isBroken, rows >= options.bulkRows,
                   let bulk = BulkImport(ledger: self, kind: file.kind, file: file.name, text: scan.text, header: header,
                                         rows: rows, batches: batches, laterFiles: index + 1 < scanned.count,
                                         dryRun: dryRun, debug: options.debug, db: db) {
                    if let counts = try bulk.run(sink: &sink, meter: meter) {
                        result.added = counts.added
                        result.skipped = counts.skipped
                        done = true
                    }
                }
                options.observe?(file.kind, done)
                if options.debug { FileHandle.standardError.write(Data("\(file.name): \(done ? "bulk" : "row by row")\n".utf8)) }
                if !done {
                    let counts = try importRows(file, scan, header, batches: batches, sink: &sink, meter: meter, db: db)
                    result.added = counts.added
                    result.skipped = counts.skipped
                }
                sink.endFile()
                results.append(result)
            }
            meter.finish()
            return sink.isEmpty && !dryRun ? .commit : .rollback
        }
        if case .postgres(let postgres) = store {
            // A refusal rolls the whole transaction back: thrown out of it, caught here.
            struct TakeBack: Error {}
            do {
                try postgres.write { db in
                    if try importAll(db) == .rollback { throw TakeBack() }
                }
            } catch is TakeBack {}
        } else {
            try importIntoFile(scanned, options: options, importAll)
        }
        if !sink.isEmpty { throw ImportFailures(failures: sink.failures, omitted: sink.omitted) }
        return results
    }

    /// SQLite's framing of an import: a larger page cache for its one long transaction, and foreign
    /// keys checked once over what a bulk path wrote (ReferenceCheck) rather than row by row.
    private func importIntoFile(_ scanned: [(ImportFile, ScannedFile, ImportHeader)], options: ImportOptions,
                                _ importAll: (Session) throws -> Database.TransactionCompletion) throws {
        try translatingErrors {
            try queue.writeWithoutTransaction { connection in
                let db = Session(connection)
                // Its indexes take their new rows in the cache rather than page by page through the journal.
                let cache = try Int.fetchOne(db, sql: "PRAGMA main.cache_size") ?? -2_000
                let tempCache = try Int.fetchOne(db, sql: "PRAGMA temp.cache_size") ?? -2_000
                try db.execute(sql: "PRAGMA main.cache_size = \(-options.cacheKiB); PRAGMA temp.cache_size = \(-options.tempCacheKiB)")
                defer { try? db.execute(sql: "PRAGMA main.cache_size = \(cache); PRAGMA temp.cache_size = \(tempCache)") }
                // SQLite's per-row checks cost a span table a third of its insert.
                let bulkAhead = Self.takesBulkPath(scanned, options: options)
                let enforced = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
                if bulkAhead, enforced { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if bulkAhead, enforced { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                let references = bulkAhead && enforced ? try ReferenceCheck(db) : nil
                try connection.inTransaction(.immediate) {
                    guard try importAll(db) == .commit else { return .rollback }
                    try references?.verify(db)
                    return .commit
                }
            }
        }
    }

    /// Whether a file of the import takes the bulk path (SQLite's, so on PostgreSQL the scratch copy's).
    private static func takesBulkPath(_ scanned: [(ImportFile, ScannedFile, ImportHeader)], options: ImportOptions) -> Bool {
        scanned.contains { file, scan, header in
            !header.isBroken && scan.records - 1 >= options.bulkRows && BulkImport.takes(file.kind)
        }
    }

    /// The row path: each row through the same operations the commands use, in file order.
    private func importRows(_ file: ImportFile, _ scan: ScannedFile, _ header: ImportHeader, batches: ImportBatches,
                            sink: inout ProblemSink, meter: ImportProgress, db: Session) throws -> (added: Int, skipped: Int) {
        var added = 0, skipped = 0
        let importer = RowImporter(ledger: self, kind: file.kind, batches: batches, db: db)
        var first = true
        try scan.text.forEachRecord(file: file.name) { record in
            if first { first = false; return }
            defer { meter.advance(1) }
            if let problem = header.extraColumns(record) { sink.add(problem); return }
            // A file whose header is wrong is not read further: every row would fail alike.
            guard !header.isBroken else { return }
            let row = ImportRow(line: record.line, fields: record.fields, layout: header.layout)
            do {
                // On PostgreSQL a failed statement spoils its whole transaction: each row in a
                // savepoint, so a refused row is taken back alone and the next rows still run.
                var imported = false
                if db.isPostgres {
                    try db.inSavepoint { imported = try importer.importRow(row); return .commit }
                } else {
                    imported = try importer.importRow(row)
                }
                if imported { added += 1 } else { skipped += 1 }
            } catch let problem as ImportProblem {
                sink.add(problem)
            } catch let error as LedgerError {
                sink.add(ImportProblem(line: row.line, column: "", reason: error.message))
            } catch let error as DatabaseError {
                sink.add(ImportProblem(line: row.line, column: "", reason: translate(error).message))
            } catch let error as PostgresFailure {
                sink.add(ImportProblem(line: row.line, column: "", reason: translate(error).message))
            }
        }
        return (added, skipped)
    }

    /// An empty file with the headers a kind takes (Chinese, as in exports).
    public static func template(_ kind: ImportKind) -> [String] { kind.columns.map(\.header) }
}

/// Every problem in every file of an import: nothing was written. Past the import's limit,
/// problems are only counted (`omitted`).
public struct ImportFailures: Error, Sendable, Equatable {
    public let failures: [ImportFailure]
    public var omitted = 0

    public init(failures: [ImportFailure], omitted: Int = 0) {
        self.failures = failures
        self.omitted = omitted
    }
}

/// The problems of an import, file by file, each file's in line order; past the limit, counted.
struct ProblemSink {
    let limit: Int
    private(set) var failures: [ImportFailure] = []
    private(set) var omitted = 0
    private var listed = 0
    private var file = ""
    private var current: [ImportProblem] = []
    /// Problems found in the current file, listed or not.
    private(set) var inFile = 0

    init(limit: Int) { self.limit = limit }

    var isEmpty: Bool { failures.isEmpty && current.isEmpty && omitted == 0 }
    /// How many more the list takes.
    var room: Int { max(0, limit - listed) }

    mutating func startFile(_ name: String) {
        file = name
        current = []
        inFile = 0
    }

    mutating func add(_ problem: ImportProblem) {
        inFile += 1
        if listed < limit {
            current.append(problem)
            listed += 1
        } else {
            omitted += 1
        }
    }

    /// Problems counted elsewhere (a bulk file's, past what it listed).
    mutating func count(_ more: Int) {
        inFile += more
        omitted += more
    }

    mutating func endFile() {
        // Stable: a line's problems keep their order (the header's several, for one).
        if !current.isEmpty { failures.append(ImportFailure(file: file, problems: current.sorted { $0.line < $1.line })) }
        current = []
    }
}

/// Rows done out of the rows of every file, told to the caller now and then.
final class ImportProgress {
    private let total: Int
    private let report: ((Int, Int) -> Void)?
    private var done = 0.0
    private var told = 0

    init(total: Int, report: ((Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance(_ rows: Double) {
        guard let report else { return }
        done += rows
        let now = Int(done)
        if now - told >= 512 {
            told = now
            report(min(now, total), total)
        }
    }

    func finish() { report?(total, total) }

    var doneSoFar: Double { done }

    func rewind(to mark: Double) {
        done = mark
        told = Int(mark)
    }
}

/// What a file's header says: each column's field, problems with it, and the layout rows read by.
struct ImportHeader {
    let layout: ImportLayout
    let fields: [String]
    let line: Int
    var problems: [ImportProblem] = []
    /// A broken header: no row is read (every row would fail alike).
    var isBroken: Bool { !problems.isEmpty }

    init(kind: ImportKind, header: CSVRecord, today: Day) {
        fields = header.fields
        line = header.line
        var keys: [Int: String] = [:]
        var units: [String: String] = [:]
        var problems: [ImportProblem] = []
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
        self.problems = problems
        // Of two columns with one key (a broken header) the later wins, as it would in a row's cells.
        var fieldIndex: [String: Int] = [:]
        for (index, key) in keys.sorted(by: { $0.key < $1.key }) { fieldIndex[key] = index }
        layout = ImportLayout(fieldIndex: fieldIndex, headers: header.fields, moneyUnits: units, today: today)
    }

    /// A row with more cells than the header, the extra ones not empty: refused whole.
    func extraColumns(_ record: CSVRecord) -> ImportProblem? {
        guard record.fields.count > fields.count, record.fields[fields.count...].contains(where: { !$0.isEmpty }) else { return nil }
        return ImportProblem(line: record.line, column: "", reason: "比表头多出\(record.fields.count - fields.count)列")
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

/// The foreign keys of every row an import wrote, checked once at its end, for when SQLite's own
/// per-row checks are off during a bulk import: the subjects, entries, figures and batches it added
/// must point at rows that exist. (Spans are derived from those, and `check` checks them all.)
struct ReferenceCheck {
    private let since: [String: Int64]
    private static let tables = ["batch", "entry", "figure"] + SubjectKind.allCases.map(\.table)

    init(_ db: Session) throws {
        var since: [String: Int64] = [:]
        for table in Self.tables { since[table] = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM \(table)") ?? 0 }
        self.since = since
    }

    func verify(_ db: Session) throws {
        let exists = { (table: String, column: String) in
            "(x.\(column) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \(table) p WHERE p.id = x.\(column)))"
        }
        var checks: [(String, [String])] = [
            ("batch", [exists("batch", "part_of"), exists("batch", "undoes")]),
            ("entry", [exists("batch", "batch_id")] + SubjectKind.allCases.map { exists($0.table, $0.foreignKey) }
                + [SubjectKind.project, .parcel, .park, .tenant].map { exists($0.table, "set_\($0.rawValue)_id") }),
            ("figure", [exists("batch", "batch_id"), exists("park", "park_id")]),
        ]
        checks += SubjectKind.allCases.map { ($0.table, [exists("batch", "created_batch")]) }
        for (table, conditions) in checks {
            if let id = try Int64.fetchOne(db, sql: "SELECT x.id FROM \(table) x WHERE x.id > ? AND (\(conditions.joined(separator: " OR "))) LIMIT 1",
                                           arguments: [since[table] ?? 0]) {
                throw LedgerError.data("导入写入了指向不存在对象的行（\(table) #\(id)），未写入任何数据：这是 zoneledger 的错误，请报告")
            }
        }
    }
}
