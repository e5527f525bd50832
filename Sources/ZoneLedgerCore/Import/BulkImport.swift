import Foundation
import GRDB

/// The bulk path, for files of thousands of rows: rows streamed into TEMP staging tables, each cell
/// read by the same parsers as the row path, checked against the ledger in set-based SQL, written
/// with INSERT … SELECT, and the spans of every subject the file touched built in one ordered pass.
///
/// It gives what the row path gives: the same rows added or skipped, the same ids and codes, the
/// same problems with the same words. The row path checks each row against the ledger as the rows
/// before it left it; the bulk path checks every row against the ledger as the file found it, which
/// is the same wherever no two rows of the file can meet (one naming what another adds, two with one
/// code or one name). Where they could, the file's bulk work is taken back (a savepoint) and the file
/// goes through the row path instead: slower, never different.
struct BulkImport {
    enum Outcome {
        case done(added: Int, skipped: Int)
        /// The file needs the row path: everything the bulk path did for it is taken back.
        case fallback
    }

    let ledger: Ledger
    let kind: ImportKind
    let file: String
    let text: ImportText
    let header: ImportHeader
    let rows: Int
    let batches: ImportBatches
    /// Files after this one in the same import: they must find the ledger as the row path would leave it.
    let laterFiles: Bool
    let dryRun: Bool
    let db: Session
    /// With ZONELEDGER_DEBUG=1, the time each step took, on standard error.
    let laps: Laps?

    init?(ledger: Ledger, kind: ImportKind, file: String, text: ImportText, header: ImportHeader, rows: Int,
          batches: ImportBatches, laterFiles: Bool, dryRun: Bool, debug: Bool = false, db: Session) {
        guard Self.takes(kind) else { return nil }
        self.ledger = ledger
        self.kind = kind
        self.file = file
        self.text = text
        self.header = header
        self.rows = rows
        self.batches = batches
        self.laterFiles = laterFiles
        self.dryRun = dryRun
        self.db = db
        laps = debug ? Laps(file) : nil
    }

    func lap(_ step: String) { laps?.lap(step) }

    /// The kinds of file the bulk path reads (zone and figures files are small; they take the row path).
    static func takes(_ kind: ImportKind) -> Bool { [.parks, .parcels, .projects, .tenants, .milestones, .updates].contains(kind) }

    var context: WriteContext { batches.context }
    var today: Day { context.today }

    /// The counts, or nil when the file must take the row path (nothing of it left in the ledger).
    func run(sink: inout ProblemSink, meter: ImportProgress) throws -> (added: Int, skipped: Int)? {
        let saved = batches.snapshot()
        let mark = meter.mark()
        var counts: (Int, Int)?
        var problems: [ImportProblem] = []
        var more = 0
        let room = sink.room
        do {
            try db.inSavepoint {
                try db.execute(sql: """
                    DROP TABLE IF EXISTS temp.bulk_problem;
                    CREATE TEMP TABLE bulk_problem (line INTEGER NOT NULL, seq INTEGER NOT NULL, col TEXT NOT NULL, reason TEXT NOT NULL);
                    """)
                let outcome = kind == .updates ? try BulkUpdates(self).run(meter) : try BulkAdds(self).run(meter)
                guard case .done(let added, let skipped) = outcome else { return .rollback }
                counts = (added, skipped)
                problems = try SessionRow.fetchAll(db, sql: "SELECT line, col, reason FROM temp.bulk_problem ORDER BY line, seq LIMIT ?",
                                            arguments: [room])
                    .map { ImportProblem(line: $0[0], column: $0[1], reason: $0[2]) }
                more = (try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.bulk_problem") ?? 0) - problems.count
                // The staging tables are done with: their pages go back to the temp file's free list.
                for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_temp_master WHERE type = 'table' AND name GLOB 'bulk_*'") {
                    try db.execute(sql: "DROP TABLE temp.\(table)")
                }
                return .commit
            }
        } catch {
            batches.restore(saved)
            throw error
        }
        guard let counts else {
            batches.restore(saved)
            meter.rewind(to: mark)
            return nil
        }
        for problem in problems { sink.add(problem) }
        if more > 0 { sink.count(more) }
        return counts
    }

    /// A problem found in SQL or after the row was read, for the report.
    func problem(_ line: Int, _ column: String, _ reason: String, seq: Int = 0) throws {
        try db.cachedStatement(sql: "INSERT INTO temp.bulk_problem (line, seq, col, reason) VALUES (?, ?, ?, ?)")
            .execute(arguments: [line, seq, column, reason])
    }

    /// A refusal as the row path reports it: a problem at a cell as it is, anything else on the row.
    static func problem(_ error: Error, line: Int) throws -> ImportProblem {
        switch error {
        case let problem as ImportProblem: return problem
        case let error as LedgerError: return ImportProblem(line: line, column: "", reason: error.message)
        case let error as DatabaseError: return ImportProblem(line: line, column: "", reason: translate(error).message)
        default: throw error
        }
    }

    /// Every data row of the file, in order, with its record; the header skipped.
    func forEachRow(_ meter: ImportProgress, share: Double, _ body: (CSVRecord) throws -> Void) throws {
        var first = true
        try text.forEachRecord(file: file) { record in
            if first { first = false; return }
            try body(record)
            meter.advance(share)
        }
    }
}

/// `References.resolve` remembered for the texts a file repeats, within a bound: a file of a million
/// milestones names a hundred thousand projects. Only ids and refusals are kept. A file's rows never
/// change the subjects of the kinds they refer to, so an answer holds for the whole file.
final class ReferenceCache {
    private struct Key: Hashable {
        let kind: SubjectKind
        let text: String
    }

    private var known: [Key: Result<Int64, LedgerError>] = [:]
    private let limit: Int
    let db: Session

    init(db: Session, limit: Int = 100_000) {
        self.db = db
        self.limit = limit
    }

    /// The subject's id, or the row path's problem at the cell.
    func resolve(_ row: ImportRow, _ key: String, _ kind: SubjectKind) throws -> Int64? {
        guard let text = row.text(key) else { return nil }
        let cacheKey = Key(kind: kind, text: text)
        let result: Result<Int64, LedgerError>
        if let found = known[cacheKey] {
            result = found
        } else {
            do { result = .success(try References.resolve(text, kind: kind, in: db).id) } catch let error as LedgerError { result = .failure(error) }
            if known.count >= limit { known.removeAll(keepingCapacity: true) }
            known[cacheKey] = result
        }
        switch result {
        case .success(let id): return id
        case .failure(let error): throw row.problem(key, error.message)
        }
    }
}

extension ImportProgress {
    /// Where the count stood, to go back to when a file's bulk work is taken back.
    func mark() -> Double { doneSoFar }
}

/// Seconds per step of a bulk file, for whoever tunes it.
final class Laps {
    private let file: String
    private var last = Date()

    init(_ file: String) { self.file = file }

    func lap(_ step: String) {
        let now = Date()
        FileHandle.standardError.write(Data("\(file): \(step) \(String(format: "%.2f", now.timeIntervalSince(last)))s\n".utf8))
        last = now
    }
}
