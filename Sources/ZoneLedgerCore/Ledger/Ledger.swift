import Foundation
import GRDB

/// The one gateway to a ledger file: opens it, migrates it, and offers intention-named
/// operations (in extensions, one file per subject). Every write is one transaction.
public final class Ledger: Sendable {
    /// Where the ledger is kept: an SQLite file through GRDB, or a PostgreSQL database.
    enum Store: Sendable {
        case sqlite(DatabaseQueue)
        case postgres(PostgresStore)
    }

    let store: Store
    /// Where the ledger lives: a file path, or a PostgreSQL URL (never with a password); nil for
    /// an in-memory ledger in tests.
    public let path: String?

    init(queue: DatabaseQueue, path: String?) {
        self.store = .sqlite(queue)
        self.path = path
    }

    init(postgres: PostgresStore) {
        self.store = .postgres(postgres)
        self.path = postgres.url.redacted
    }

    /// True for a ledger kept in PostgreSQL.
    public var isPostgres: Bool {
        if case .postgres = store { return true }
        return false
    }

    /// The SQLite file's connection, for what only a file ledger has (the bulk import's C API,
    /// backup of the file, restore's one long transaction). A PostgreSQL ledger says so.
    var queue: DatabaseQueue {
        get throws(LedgerError) {
            switch store {
            case .sqlite(let queue): return queue
            case .postgres(let postgres):
                throw LedgerError.usage("这一操作只用于 SQLite 账本文件，PostgreSQL 账本 \(postgres.url.redacted) 不支持：请用 zoneledger copy 在两者之间转换")
            }
        }
    }

    /// Reads in one consistent snapshot.
    public func read<T>(_ body: (Session) throws -> T) throws -> T {
        switch store {
        case .sqlite(let queue): try translatingErrors { try queue.read { try body(Session($0)) } }
        case .postgres(let postgres): try postgres.read(body)
        }
    }

    /// Writes in one transaction, one writer at a time: all of it lands, or none.
    func write<T>(_ body: (Session) throws -> T) throws -> T {
        switch store {
        case .sqlite(let queue): try translatingErrors { try queue.write { try body(Session($0)) } }
        case .postgres(let postgres): try postgres.write(body)
        }
    }
}

/// Who writes, and when: passed by the CLI so the core never reads the clock itself.
public struct WriteContext: Sendable {
    public var author: String
    public var now: Date
    public var today: Day
    /// The command as the user would name it ("project update"), kept on the batch.
    public var command: String
    /// Back-filled history: a due date written in full may fall before the day it was promised.
    public var backfill: Bool

    public init(author: String, now: Date, today: Day, command: String, backfill: Bool = false) {
        self.author = author
        self.now = now
        self.today = today
        self.command = command
        self.backfill = backfill
    }

    /// Local time with its offset, so the office reads it as the clock on the wall.
    /// Formatted by hand: an ISO8601DateFormatter costs more to build than the whole write it stamps.
    var recordedAt: String {
        var seconds = time_t(now.timeIntervalSince1970.rounded(.down))
        var local = tm()
        localtime_r(&seconds, &local)
        let pad = { (value: Int32, width: Int) in String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        let offset = Int32(local.tm_gmtoff / 60)
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        return "\(pad(local.tm_year + 1900, 4))-\(pad(local.tm_mon + 1, 2))-\(pad(local.tm_mday, 2))T"
            + "\(pad(local.tm_hour, 2)):\(pad(local.tm_min, 2)):\(pad(local.tm_sec, 2))\(zone)"
    }
}

extension Ledger {
    /// Starts a batch: the command's one row that all its entries point to.
    func beginBatch(_ db: Session, _ context: WriteContext) throws -> Int64 {
        try beginBatch(db, author: context.author, recordedAt: context.recordedAt, command: context.command)
    }

    /// A batch with its own author and time: an import keeps those of the history it brings back.
    func beginBatch(_ db: Session, author: String, recordedAt: String, command: String, partOf: Int64? = nil) throws -> Int64 {
        guard !author.trimmingWhitespace().isEmpty, author.count <= 100 else {
            throw LedgerError.data("记录人无效“\(author)”：应为1至100个字符")
        }
        var batch = Batch(recordedAt: recordedAt, author: author, command: command, partOf: partOf)
        try batch.insertPrepared(db)
        return batch.id ?? db.lastInsertedRowID
    }

    /// An effective date may not lie in the future: the ledger records what happened.
    func checkEffective(_ day: Day, _ context: WriteContext) throws {
        if day > context.today {
            throw LedgerError.data("生效日期“\(day.iso)”晚于今天（\(context.today.iso)）：只能记录已经发生的情况")
        }
    }
}
