import Foundation
import GRDB
import PostgresNIO

/// What a query returned: column names in order, and each row's values in GRDB's vocabulary.
public struct PostgresRows: Sendable, Equatable {
    public let columns: [String]
    public let rows: [[DatabaseValue]]
}

/// One connection to a PostgreSQL ledger, used synchronously, as the CLI is. Each link has an
/// event loop thread of its own where postgres-nio runs; a call sends its work there and waits,
/// so nothing waits on Swift's shared thread pool (see `LinkExecutor`). Not for several threads.
///
/// Errors: `PostgresFailure` for a statement the server refused; `LedgerError` for the rest
/// (cannot connect, connection lost, a column type the ledger does not read).
public final class PostgresLink {
    public let url: PostgresURL
    private let group: MultiThreadedEventLoopGroup
    private let executor: LinkExecutor
    private var connection: PostgresConnection?
    private let logger: Logger
    private var inTransaction = false

    private init(url: PostgresURL, group: MultiThreadedEventLoopGroup, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.group = group
        self.executor = LinkExecutor(connection.eventLoop)
        self.connection = connection
        self.logger = logger
    }

    deinit { close() }

    /// Connects and logs in, with the password from PGPASSWORD or the pgpass file (never the URL).
    public static func connect(_ url: PostgresURL, environment: [String: String]) throws -> PostgresLink {
        let password = PostgresPassword.find(for: url, environment: environment)
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: password.value,
            database: url.database, tls: .disable)
        if let seconds = url.connectTimeout { configuration.options.connectTimeout = .seconds(Int64(seconds)) }
        // postgres-nio sends no client_encoding: without it, text from a database in another
        // encoding would arrive in that encoding and be read as UTF-8.
        // No JIT: the ledger's queries are many and short, and compiling one of the sheet's took
        // 3.4 s of a 3.5 s statement (measured at zone scale; the server's default is on).
        configuration.options.additionalStartupParameters = [
            ("client_encoding", "UTF8"), ("application_name", url.applicationName ?? "zoneledger"), ("jit", "off"),
        ]
        // Quiet: the ledger reports what matters through its own errors, in Chinese.
        var logger = Logger(label: "zoneledger.postgres")
        logger.logLevel = .critical

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: 1, logger: logger
            ).wait()
            return PostgresLink(url: url, group: group, connection: connection, logger: logger)
        } catch {
            try? group.syncShutdownGracefully()
            throw PostgresErrors.connecting(error, url: url, password: password)
        }
    }

    /// Runs one statement with `$1`, `$2`… bound to `binds`: int64 as int8, string as text,
    /// double as float8, blob as bytea, null untyped (the server infers its type).
    @discardableResult
    public func query(_ sql: String, _ binds: [DatabaseValue] = []) throws -> PostgresRows {
        let connection = try open()
        let query = PostgresQuery(unsafeSQL: sql, binds: PostgresValues.bindings(binds))
        let logger = self.logger
        do {
            return try executor.run {
                let sequence = try await connection.query(query, logger: logger)
                let columns = Array(sequence.columns)
                try PostgresValues.checkReadable(columns)
                var rows: [[DatabaseValue]] = []
                for try await row in sequence { rows.append(try PostgresValues.values(of: row)) }
                return PostgresRows(columns: columns.map(\.name), rows: rows)
            }
        } catch {
            throw PostgresErrors.running(error, url: url)
        }
    }

    /// Runs a script of statements without binds, in order, stopping at the first that fails.
    /// Statement by statement (see `SQLScript`), so a script is atomic only inside a transaction.
    public func execute(_ sql: String) throws {
        for statement in SQLScript.statements(sql) { _ = try command(statement) }
    }

    /// Runs `body` in one transaction: REPEATABLE READ READ ONLY to read (one snapshot for a whole
    /// report); to write, READ COMMITTED, because the ledger's writers take its writer lock first
    /// (`PostgresStore.write`) and each statement after it must see every writer that finished
    /// before (a snapshot taken before the lock was granted would not). Any error thrown rolls it back.
    public func transaction<T>(readOnly: Bool, serializable: Bool = false, _ body: () throws -> T) throws -> T {
        guard !inTransaction else { throw LedgerError.usage("PostgreSQL 账本的事务不能嵌套") }
        _ = try command(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                        : serializable ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL READ COMMITTED")
        inTransaction = true
        defer { inTransaction = false }
        let value: T
        do {
            value = try body()
        } catch {
            // The body's error is the one worth reporting, even if the rollback fails as well.
            _ = try? command("ROLLBACK")
            throw error
        }
        // A transaction that had a failed statement answers COMMIT with ROLLBACK, without an error.
        guard try command("COMMIT") == "COMMIT" else {
            throw LedgerError(.data, "PostgreSQL 账本 \(url.redacted) 的事务中有语句失败，事务已回滚，什么也没有写入")
        }
        return value
    }

    /// Closes the connection and stops the link's thread. Safe to call twice.
    public func close() {
        guard let connection else { return }
        self.connection = nil
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// One statement without binds; its command tag (`COMMIT`, `INSERT`…).
    private func command(_ sql: String) throws -> String {
        let connection = try open()
        do {
            return try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait().metadata.command
        } catch {
            throw PostgresErrors.running(error, url: url)
        }
    }

    private func open() throws -> PostgresConnection {
        guard let connection, !connection.isClosed else {
            throw LedgerError(.noLedger, "与 PostgreSQL 账本 \(url.redacted) 的连接已关闭")
        }
        return connection
    }
}
