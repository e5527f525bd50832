import Foundation
import GRDB

/// A ledger in a PostgreSQL database: one connection for the command's life. Reads run in one
/// REPEATABLE READ READ ONLY snapshot; writes run one at a time, as SQLite's do: each takes the
/// ledger's writer lock first, so a span is rebuilt from entries no other writer is changing and a
/// new row's id (the table's largest plus one, as SQLite's rowid) is never taken twice. A writer
/// waits up to `Ledger.busyTimeout` for the lock, then gives up with the busy exit (75), having
/// written nothing; the command can simply be run again.
final class PostgresStore: @unchecked Sendable {
    // @unchecked: a link is used from the one thread a command runs on, never shared.
    let url: PostgresURL
    let link: PostgresLink

    init(url: PostgresURL, environment: [String: String]) throws {
        self.url = url
        link = try PostgresLink.connect(url, environment: environment)
    }

    /// The advisory lock every write transaction takes: one number for "the zoneledger writer".
    static let writerLock: Int64 = 0x7A6C_6564_6765_72   // "zledger"

    /// The write transaction under way, if any: a read or write inside it joins it, so that
    /// `init` makes the schema and the first rows in one transaction (all of it, or nothing).
    private var current: Session?

    func read<T>(_ body: (Session) throws -> T) throws -> T {
        if let current { return try body(current) }
        return try translatingPostgresErrors(url) {
            try link.transaction(readOnly: true) { try body(Session(PostgresSession(link))) }
        }
    }

    func write<T>(_ body: (Session) throws -> T) throws -> T {
        if let current { return try body(current) }
        return try translatingPostgresErrors(url) {
            try link.transaction(readOnly: false) {
                // READ COMMITTED under the lock: each statement sees every writer that finished
                // before this one took the lock, and none can start until this one ends.
                try link.execute("SET LOCAL lock_timeout = '\(Int(Ledger.busyTimeout * 1000))ms'")
                try link.query("SELECT 1 FROM pg_advisory_xact_lock($1)", [Self.writerLock.databaseValue])
                let session = Session(PostgresSession(link))
                current = session
                defer { current = nil }
                return try body(session)
            }
        }
    }

    func close() { link.close() }
}

/// The server's refusals in the same words SQLite's get (`translate(_: DatabaseError)`); the
/// connection string in messages never carries a password (there is none in it to carry).
func translatingPostgresErrors<T>(_ url: PostgresURL, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PostgresFailure {
        throw translate(error, url: url)
    }
}

func translate(_ failure: PostgresFailure, url: PostgresURL? = nil) -> LedgerError {
    let code = failure.sqlState
    switch code {
    case PostgresFailure.Code.lockNotAvailable, PostgresFailure.Code.serializationFailure, PostgresFailure.Code.deadlockDetected:
        return StoreRefusal.busy
    case PostgresFailure.Code.readOnlyTransaction, "42501":
        return LedgerError(.permission, "PostgreSQL 账本\(url.map { " " + $0.redacted } ?? "")不可写：检查该用户的权限（本次什么也没有写入）")
    case "53100":
        return StoreRefusal.diskFull("PostgreSQL 服务器磁盘已满")
    case "23Z01": return StoreRefusal.constraint(.appendOnly)
    case PostgresFailure.Code.uniqueViolation: return StoreRefusal.constraint(.unique)
    case PostgresFailure.Code.foreignKeyViolation: return StoreRefusal.constraint(.foreignKey)
    case PostgresFailure.Code.notNullViolation: return StoreRefusal.constraint(.notNull)
    case PostgresFailure.Code.checkViolation: return StoreRefusal.constraint(.check)
    case _ where code.hasPrefix("23"): return StoreRefusal.constraint(.other)
    default:
        // ZONELEDGER_DEBUG=1 adds the server's own words, for whoever works on zoneledger itself.
        let detail = ProcessInfo.processInfo.environment["ZONELEDGER_DEBUG"] == "1" ? " [\(failure)]" : ""
        return .data("PostgreSQL 账本操作出错（SQLSTATE \(code)）：本次什么也没有写入" + detail)
    }
}
