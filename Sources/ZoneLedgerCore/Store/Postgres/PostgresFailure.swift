/// A statement the PostgreSQL server refused, kept whole (SQLSTATE, message, constraint, table)
/// so the store above can turn it into a domain message: which CHECK failed says which rule.
/// The server's text is English and technical; it is never shown to a user as it is.
public struct PostgresFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The five-character SQLSTATE (https://www.postgresql.org/docs/15/errcodes-appendix.html).
    public let sqlState: String
    public let message: String
    public let detail: String?
    public let hint: String?
    public let constraint: String?
    public let table: String?
    public let column: String?

    public init(sqlState: String, message: String, detail: String? = nil, hint: String? = nil,
                constraint: String? = nil, table: String? = nil, column: String? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// The SQLSTATEs the store acts on.
    public enum Code {
        public static let uniqueViolation = "23505"
        public static let checkViolation = "23514"
        public static let foreignKeyViolation = "23503"
        public static let notNullViolation = "23502"
        public static let readOnlyTransaction = "25006"
        public static let serializationFailure = "40001"
        public static let deadlockDetected = "40P01"
        public static let lockNotAvailable = "55P03"
    }

    /// The transaction lost to a concurrent one and can be run again from its start as it was.
    public var isRetryable: Bool { sqlState == Code.serializationFailure || sqlState == Code.deadlockDetected }

    /// A lock was not had within lock_timeout (or NOWAIT): another writer holds the ledger (busy, 75).
    public var isLockTimeout: Bool { sqlState == Code.lockNotAvailable }

    public var description: String {
        var text = "PostgreSQL \(sqlState): \(message)"
        if let detail { text += " (\(detail))" }
        if let constraint { text += " [constraint \(constraint)]" }
        return text
    }
}
