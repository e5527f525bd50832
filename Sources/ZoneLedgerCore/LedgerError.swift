/// A refusal the user can act on: one line, naming the bad value, never a raw SQLite message.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure, which the CLI turns into a sysexits(3) code.
    public enum Kind: Sendable, Equatable {
        case usage       // 64: the command line is wrong
        case data        // 65: values understood but refused
        case noLedger    // 66: the ledger file is missing
        case busy        // 75: other writers held the ledger past the timeout
        case permission  // 77: the ledger cannot be written (read-only file or folder)
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func data(_ message: String) -> LedgerError { LedgerError(.data, message) }
    public static func usage(_ message: String) -> LedgerError { LedgerError(.usage, message) }

    public var description: String { message }
}

extension DateError {
    var asLedgerError: LedgerError { .data(message) }
}
