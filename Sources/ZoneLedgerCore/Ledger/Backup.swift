import Foundation
import GRDB

extension Ledger {
    /// A consistent copy taken while others may write (VACUUM INTO reads one snapshot), written
    /// under a temporary name, verified (integrity, identity, schema), then moved into place.
    public func backup(to path: String) throws -> (projects: Int, entries: Int) {
        if FileManager.default.fileExists(atPath: path) {
            throw LedgerError.data("“\(path)”已存在：备份不会覆盖已有文件")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LedgerError.data("文件夹“\(folder)”不存在：无法写入备份")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw LedgerError(.permission, "文件夹“\(folder)”不可写：无法写入备份")
        }
        // A short hidden name: the file's own name may already be near the 255-byte limit.
        let temporary = folder + "/.zoneledger-backup-\(ProcessInfo.processInfo.processIdentifier)"
        defer { Self.removeFiles(temporary) }
        // Counted first: the history only grows, so the copy must hold at least as much.
        let expected = try translatingErrors {
            try queue.writeWithoutTransaction { db -> (Int, Int) in
                let counts = (try Int.fetchOne(db, sql: "SELECT count(*) FROM project") ?? 0,
                              try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0)
                do { try db.execute(sql: "VACUUM INTO ?", arguments: [temporary]) } catch let error as DatabaseError
                    where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR].contains(error.resultCode) {
                    throw LedgerError(.permission, "无法在文件夹“\(folder)”写入备份（\(error.resultCode == .SQLITE_IOERR ? "写入出错" : "不可写")）")
                }
                return counts
            }
        }
        let copy = try Ledger.open(at: temporary, writable: false)
        let problems = try copy.check([.integrity, .foreignKeys], today: .lastDay(year: 2200, month: 12))
        guard problems.isEmpty else { throw LedgerError.data("备份校验失败：\(problems.map(\.description).joined(separator: "；"))") }
        let counts = try copy.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM project") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM entry") ?? 0)
        }
        guard counts.0 >= expected.0, counts.1 >= expected.1 else {
            throw LedgerError.data("备份校验失败：备份中的记录少于账本")
        }
        guard link(temporary, path) == 0 else { throw LedgerError.data("“\(path)”已存在：备份不会覆盖已有文件") }
        return counts
    }
}
