import Foundation
import GRDB

/// Turns SQLite's errors into messages for people. Operations validate first, so a
/// constraint failure reaching here is a bug or a race, but it still gets a readable line.
func translatingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LedgerError {
        throw error
    } catch let error as DatabaseError {
        throw translate(error)
    }
}

func translate(_ error: DatabaseError) -> LedgerError {
    switch error.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
        return LedgerError(.busy, "账本正被其他人写入，等待\(String(format: "%g", Ledger.busyTimeout))秒后仍未轮到：请稍后再试（本次什么也没有写入）")
    case .SQLITE_READONLY, .SQLITE_PERM:
        return LedgerError(.permission, "账本不可写：检查账本文件及其文件夹的权限（本次什么也没有写入）")
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        return .data("文件不是 zoneledger 账本，或已损坏：不会改动它")
    case .SQLITE_CANTOPEN:
        return LedgerError(.noLedger, "无法打开账本文件：检查路径和权限")
    case .SQLITE_CONSTRAINT:
        return .data("数据不符合账本的约束，未写入：\(constraintSummary(error))")
    case .SQLITE_FULL:
        return .data("磁盘已满：本次什么也没有写入")
    default:
        // ZONELEDGER_DEBUG=1 shows SQLite's own words, for whoever works on zoneledger itself.
        let detail = ProcessInfo.processInfo.environment["ZONELEDGER_DEBUG"] == "1" ? " [\(error)]" : ""
        return .data("账本操作失败（\(error.resultCode.rawValue)）：本次什么也没有写入\(detail)")
    }
}

private func constraintSummary(_ error: DatabaseError) -> String {
    switch error.extendedResultCode {
    case .SQLITE_CONSTRAINT_UNIQUE: "名称或编号重复"
    case .SQLITE_CONSTRAINT_FOREIGNKEY: "引用的对象不存在"
    case .SQLITE_CONSTRAINT_NOTNULL: "缺少必填项"
    case .SQLITE_CONSTRAINT_CHECK: "数值超出允许范围"
    case .SQLITE_CONSTRAINT_TRIGGER: "历史记录只能追加，不能修改或删除"
    default: "约束冲突"
    }
}
