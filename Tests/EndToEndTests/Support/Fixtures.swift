// Files that are not ledgers, for the CLI to refuse without touching them.

import Foundation

enum Fixture: String, Sendable, CaseIterable {
    case seeded, textFile, randomBytes, foreignSQLite, emptyFile

    var fileName: String {
        switch self {
        case .seeded: "ledger.sqlite"
        case .textFile: "笔记.txt"
        case .randomBytes: "random.bin"
        case .foreignSQLite: "inventory.db"
        case .emptyFile: "empty.sqlite"
        }
    }

    /// A valid SQLite database of another program: one table `inventory(item, qty)`, one row.
    /// Made by sqlite3 3.40.1 with
    ///   sqlite3 inventory.db "PRAGMA page_size=512; CREATE TABLE inventory(item TEXT, qty INTEGER);
    ///                         INSERT INTO inventory VALUES ('widget', 3);"
    /// and embedded so the tests need no sqlite3 command (rollback journal mode, 1024 bytes).
    static let foreignSQLiteBytes: Data = {
        let zeros = { (count: Int) in String(repeating: "A", count: count) }  // base64 of zero bytes
        let base64 = "U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAAAgAAAAIAAAAAAAAAAAAAAAEAAAAEAAAAAAAAAAAAAAAB" + zeros(47)
            + "CAC5jAQ0AAAABAbIAAbI" + zeros(431)
            + "BMAQYXHx8BaXRhYmxlaW52ZW50b3J5aW52ZW50b3J5AkNSRUFURSBUQUJMRSBpbnZlbnRvcnkoaXRlbSBURVhULCBxdHkgSU5URUdFUikNAAAAAQH0AAH0"
            + zeros(654) + "oBAxkBd2lkZ2V0Aw=="
        return Data(base64Encoded: base64)!
    }()
}

extension Sandbox {
    /// Writes the fixture into the sandbox and returns its path.
    @discardableResult
    func make(_ fixture: Fixture) throws -> String {
        switch fixture {
        case .seeded: return try seeded()
        case .textFile: try write(Data("这是会议记录，不是账本。\nnot a ledger\n".utf8), to: fixture.fileName)
        case .randomBytes:
            var generator = SystemRandomNumberGenerator()
            try write(Data((0..<4096).map { _ in UInt8.random(in: .min ... .max, using: &generator) }), to: fixture.fileName)
        case .foreignSQLite: try write(Fixture.foreignSQLiteBytes, to: fixture.fileName)
        case .emptyFile: try write(Data(), to: fixture.fileName)
        }
        return path(fixture.fileName)
    }
}
