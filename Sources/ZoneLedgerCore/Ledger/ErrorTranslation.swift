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
        return StoreRefusal.busy
    case .SQLITE_READONLY, .SQLITE_PERM:
        return LedgerError(.permission, "账本不可写：检查账本文件及其文件夹的权限（本次什么也没有写入）")
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
        return .data("文件不是 zoneledger 账本，或已损坏：不会改动它")
    case .SQLITE_CANTOPEN:
        return LedgerError(.noLedger, "无法打开账本文件：检查路径和权限")
    case .SQLITE_CONSTRAINT:
        return StoreRefusal.constraint(constraint(error))
    case .SQLITE_FULL:
        return StoreRefusal.diskFull("磁盘已满")
    default:
        // ZONELEDGER_DEBUG=1 adds SQLite's own words, for whoever works on zoneledger itself.
        let detail = ProcessInfo.processInfo.environment["ZONELEDGER_DEBUG"] == "1" ? " [\(error)]" : ""
        return .data(sentence(for: error.resultCode) + "（SQLite 代码 \(error.resultCode.rawValue)）：本次什么也没有写入" + detail)
    }
}

/// Every other result code SQLite can return, in words a user can act on.
func sentence(for code: ResultCode) -> String {
    switch code.primaryResultCode {
    case .SQLITE_IOERR: "读写账本文件时出错：磁盘或网络盘出了问题，或账本不是普通文件"
    case .SQLITE_NOMEM: "内存不足，无法完成"
    case .SQLITE_INTERRUPT: "操作被中断"
    case .SQLITE_PROTOCOL: "账本的文件锁出了问题：账本放在不支持文件锁的网络盘上时会这样，请放到本地磁盘"
    case .SQLITE_SCHEMA: "账本结构在读取时被其他程序改动：请重试"
    case .SQLITE_TOOBIG: "一项内容过大，超出账本的上限"
    case .SQLITE_MISMATCH: "数据类型与账本不符"
    case .SQLITE_NOLFS: "文件系统不支持这么大的文件"
    case .SQLITE_AUTH: "没有访问这部分账本的授权"
    case .SQLITE_RANGE, .SQLITE_MISUSE, .SQLITE_INTERNAL, .SQLITE_NOTFOUND: "zoneledger 内部出错，请把这条消息报告给维护者"
    case .SQLITE_NOTICE, .SQLITE_WARNING: "SQLite 报告了账本文件的异常情况，请运行 zoneledger check"
    case .SQLITE_FORMAT, .SQLITE_EMPTY: "账本文件的格式不对"
    case .SQLITE_ABORT: "操作被放弃"
    case .SQLITE_ERROR: "账本操作出错"
    default: "账本操作失败"
    }
}

private func constraint(_ error: DatabaseError) -> StoreRefusal.Constraint {
    switch error.extendedResultCode {
    case .SQLITE_CONSTRAINT_UNIQUE: .unique
    case .SQLITE_CONSTRAINT_FOREIGNKEY: .foreignKey
    case .SQLITE_CONSTRAINT_NOTNULL: .notNull
    case .SQLITE_CONSTRAINT_CHECK: .check
    case .SQLITE_CONSTRAINT_TRIGGER: .appendOnly
    default: .other
    }
}

/// The sentences a store's refusal becomes, the same whichever store refused (SQLite's result
/// codes above, PostgreSQL's SQLSTATEs in `translate(_: PostgresFailure)`).
enum StoreRefusal {
    static var busy: LedgerError {
        LedgerError(.busy, "账本正被其他人写入，等待\(String(format: "%g", Ledger.busyTimeout))秒后仍未轮到：请稍后再试（本次什么也没有写入）")
    }

    static func diskFull(_ what: String) -> LedgerError { .data("\(what)：本次什么也没有写入") }

    enum Constraint {
        case unique, foreignKey, notNull, check, appendOnly, other

        var words: String {
            switch self {
            case .unique: "名称或编号重复"
            case .foreignKey: "引用的对象不存在"
            case .notNull: "缺少必填项"
            case .check: "数值超出允许范围"
            case .appendOnly: "历史记录只能追加，不能修改或删除"
            case .other: "约束冲突"
            }
        }
    }

    static func constraint(_ kind: Constraint) -> LedgerError { .data("数据不符合账本的约束，未写入：\(kind.words)") }
}
