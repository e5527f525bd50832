import Foundation
import PostgresNIO
#if canImport(Glibc)
import Glibc
#endif

/// postgres-nio's errors in the ledger's words. What went wrong while connecting becomes a
/// LedgerError naming the redacted URL (never the password); a statement the server refused
/// becomes a PostgresFailure, kept whole for the store to map.
enum PostgresErrors {
    static func connecting(_ error: any Error, url: PostgresURL, password: PostgresPassword) -> LedgerError {
        let cannot = "无法连接 PostgreSQL 账本 \(url.redacted)："
        guard let error = error as? PSQLError else { return LedgerError(.noLedger, cannot + "\(type(of: error))") }
        switch error.code {
        case .server:
            return refusedAtLogin(failure(error), url: url, password: password)
        case .authMechanismRequiresPassword:
            return LedgerError(.permission, "PostgreSQL 账本 \(url.redacted) 要求密码，但没有找到：请设环境变量 PGPASSWORD，"
                + "或在 ~/.pgpass（或 PGPASSFILE 指的文件）里写一行 主机:端口:数据库:用户:密码" + skippedNote(password))
        case .unsupportedAuthMechanism:
            return LedgerError(.permission, cannot + "服务器要求的登录方式不受支持（请在 pg_hba.conf 里用 scram-sha-256 或 md5）")
        case .connectionError:
            return LedgerError(.noLedger, cannot + unreachable(error.underlying, url: url))
        case .serverClosedConnection, .uncleanShutdown:
            return LedgerError(.noLedger, cannot + "服务器关闭了连接")
        default:
            return LedgerError(.noLedger, cannot + "\(error.code)")
        }
    }

    /// What the server said while we logged in.
    private static func refusedAtLogin(_ failure: PostgresFailure, url: PostgresURL, password: PostgresPassword) -> LedgerError {
        switch failure.sqlState {
        case "28P01":  // invalid_password
            return LedgerError(.permission, "PostgreSQL 账本 \(url.redacted) 拒绝了登录：用户 \(url.user) 的密码不对"
                + sourceNote(password) + skippedNote(password))
        case "28000":  // invalid_authorization_specification: pg_hba.conf has no line for us
            return LedgerError(.permission, "PostgreSQL 账本 \(url.redacted) 拒绝了登录：服务器不允许用户 \(url.user) 从这里连接这个数据库（pg_hba.conf）")
        case "3D000":  // invalid_catalog_name
            return LedgerError(.noLedger, "PostgreSQL 账本 \(url.redacted) 不存在：服务器上没有数据库 \(url.database)（先用 createdb 创建）")
        case "53300":  // too_many_connections
            return LedgerError(.busy, "PostgreSQL 账本 \(url.redacted) 的连接数已满：稍后再试")
        case "57P03":  // cannot_connect_now
            return LedgerError(.noLedger, "无法连接 PostgreSQL 账本 \(url.redacted)：服务器正在启动或关闭")
        default:
            return LedgerError(.noLedger, "无法连接 PostgreSQL 账本 \(url.redacted)：服务器拒绝（\(failure.sqlState) \(failure.message)）")
        }
    }

    private static func sourceNote(_ password: PostgresPassword) -> String {
        switch password.source {
        case .environment: "（密码取自环境变量 PGPASSWORD）"
        case .file(let path): "（密码取自 \(path)）"
        case .none: "（没有找到密码）"
        }
    }

    /// libpq passes over an unsafe pgpass file with only a warning; we say it where it matters.
    private static func skippedNote(_ password: PostgresPassword) -> String {
        switch password.skipped {
        case .groupOrWorldAccess(let path): "；密码文件 \(path) 同组或其他用户也能访问，按 libpq 的规则没有用它：请 chmod 600 \(path)"
        case .notPlainFile(let path): "；密码文件 \(path) 不是普通文件，没有用它"
        case nil: ""
        }
    }

    /// Refused, unknown host or timed out, from NIO's connect error.
    private static func unreachable(_ underlying: (any Error)?, url: PostgresURL) -> String {
        if let failed = underlying as? NIOConnectionError {
            let errors = failed.connectionErrors.map(\.error)
            if errors.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) {
                return "连接被拒绝（服务器没有运行，或端口 \(url.port) 不对）"
            }
            if errors.isEmpty && (failed.dnsAError != nil || failed.dnsAAAAError != nil) {
                return "找不到主机 \(url.host)"
            }
            return "连不上主机 \(url.host) 的端口 \(url.port)"
        }
        if let channel = underlying as? ChannelError, case .connectTimeout = channel {
            return "连接超时（主机 \(url.host) 的端口 \(url.port) 没有回应）"
        }
        if let io = underlying as? IOError, io.errnoCode == ECONNREFUSED {
            return "连接被拒绝（服务器没有运行，或端口 \(url.port) 不对）"
        }
        return "连不上主机 \(url.host) 的端口 \(url.port)"
    }

    /// An error from a statement: the server's refusal kept whole, a lost connection as noLedger.
    static func running(_ error: any Error, url: PostgresURL) -> any Error {
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .server:
            return failure(error)
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return LedgerError(.noLedger, "与 PostgreSQL 账本 \(url.redacted) 的连接断了：未提交的改动不会写入")
        default:
            return LedgerError(.data, "PostgreSQL 账本 \(url.redacted) 出错：\(error.code)")
        }
    }

    static func failure(_ error: PSQLError) -> PostgresFailure {
        let info = error.serverInfo
        return PostgresFailure(
            sqlState: info?[.sqlState] ?? "XX000", message: info?[.message] ?? "\(error.code)",
            detail: info?[.detail], hint: info?[.hint], constraint: info?[.constraintName],
            table: info?[.tableName], column: info?[.columnName])
    }
}
