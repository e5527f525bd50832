import Foundation

/// Where a PostgreSQL ledger is: `postgres://user@host:port/database`, as libpq writes it, less
/// what we refuse. It never holds a password: a password in a URL ends up in shell history, `ps`
/// and error messages, so it comes from PGPASSWORD or a pgpass file instead (`PostgresPassword`).
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    /// `?application_name=`: how the server lists this connection (pg_stat_activity).
    public var applicationName: String?
    /// `?connect_timeout=` in seconds; nil keeps the client's default.
    public var connectTimeout: Int?

    public init(host: String, port: Int = 5432, user: String, database: String,
                applicationName: String? = nil, connectTimeout: Int? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
    }

    /// The URL for messages: user, host, port and database, never a password or a parameter.
    public var redacted: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : URLText.encoded(self.host)
        return "postgres://\(URLText.encoded(user))@\(host):\(port)/\(URLText.encoded(database))"
    }

    public var description: String { redacted }

    /// The message every refusal of a password shows; it never repeats the text it refuses.
    static let passwordRefusal = "连接串里不要写密码：请用环境变量 PGPASSWORD 或 ~/.pgpass（PGPASSFILE）提供"

    /// nil when `text` is not a postgres URL at all (so a file path keeps meaning SQLite); a refusal
    /// when it is one but malformed. The user defaults to the login name (USER, else LOGNAME), the
    /// database to the user, as libpq does. No refusal repeats the whole text.
    public static func parse(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LedgerError) -> PostgresURL? {
        let lowered = text.lowercased()
        guard let scheme = ["postgres://", "postgresql://"].first(where: { lowered.hasPrefix($0) }) else { return nil }
        var rest = Substring(text.dropFirst(scheme.count))
        guard !rest.contains("#") else { throw refusal("不能带 #片段") }

        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count).dropFirst()

        var user = ""
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            // Checked before anything is decoded, so no later message can quote a password.
            guard !userInfo.contains(":") else { throw LedgerError.usage(passwordRefusal) }
            user = try URLText.decoded(userInfo, part: "用户名")
            hostPort = authority[authority.index(after: at)...]
        }
        let (host, port) = try hostAndPort(hostPort)
        let parameters = try Parameters(query)

        if user.isEmpty { user = environment["USER"] ?? environment["LOGNAME"] ?? "" }
        guard !user.isEmpty else {
            throw refusal("没有写用户，环境变量 USER 和 LOGNAME 也都没有：写成 postgres://用户@主机/数据库")
        }
        guard !path.contains("/") else { throw refusal("的数据库名只能有一段：写成 postgres://用户@主机/数据库") }
        let database = try URLText.decoded(path, part: "数据库名")
        return PostgresURL(host: host, port: port, user: user, database: database.isEmpty ? user : database,
                           applicationName: parameters.applicationName, connectTimeout: parameters.connectTimeout)
    }

    /// `host`, `host:port`, `[ipv6]` or `[ipv6]:port`. Only one host: libpq's comma lists try
    /// hosts in turn, which a ledger with one writer must not do silently.
    private static func hostAndPort(_ text: Substring) throws(LedgerError) -> (String, Int) {
        var host: String
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw refusal("的 IPv6 地址要写在方括号里：如 postgres://用户@[::1]:5432/数据库")
            }
            host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw refusal("的主机写错了：方括号后只能接 :端口") }
                portText = after.dropFirst()
            }
        } else {
            guard text.filter({ $0 == ":" }).count <= 1 else {
                throw refusal("的 IPv6 地址要写在方括号里：如 postgres://用户@[::1]:5432/数据库")
            }
            if let colon = text.firstIndex(of: ":") {
                portText = text[text.index(after: colon)...]
                host = try URLText.decoded(text[..<colon], part: "主机")
            } else {
                host = try URLText.decoded(text, part: "主机")
            }
        }
        guard !host.isEmpty else {
            throw refusal("缺少主机：写成 postgres://用户@主机:端口/数据库（只支持 TCP 连接）")
        }
        guard !host.contains(",") else { throw refusal("只能写一个主机，不支持逗号分隔的多个主机") }
        guard let portText else { return (host, 5432) }
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (1...65535).contains(port) else {
            // Not quoted: in `postgres://user:secret/db` (no @host) the "port" is a password.
            throw refusal("的端口不对：应为 1–65535 的整数")
        }
        return (host, port)
    }

    static func refusal(_ what: String) -> LedgerError {
        .usage("PostgreSQL 连接串\(what)")
    }
}

/// The query parameters we understand; any other is refused by name, since libpq would act on it
/// and silently ignoring it (sslmode=require, say) would do something other than what was asked.
private struct Parameters {
    var applicationName: String?
    var connectTimeout: Int?

    static let known = "application_name、connect_timeout、sslmode=disable"

    init(_ query: Substring) throws(LedgerError) {
        var seen: Set<String> = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name = try URLText.decoded(pair.prefix { $0 != "=" }, part: "参数名")
            // Before the value is decoded or quoted anywhere.
            guard name != "password" else { throw LedgerError.usage(PostgresURL.passwordRefusal) }
            guard seen.insert(name).inserted else { throw PostgresURL.refusal("的参数 \(name) 写了两次") }
            let value = try URLText.decoded(pair.drop { $0 != "=" }.dropFirst(), part: "参数 \(name) 的值")
            switch name {
            case "application_name":
                applicationName = value
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw PostgresURL.refusal("的 connect_timeout 应为正整数（秒）")
                }
                connectTimeout = seconds
            case "sslmode":
                // We connect without TLS; a URL asking for it must not get a plain connection.
                guard value == "disable" || value == "allow" else {
                    throw PostgresURL.refusal("要求加密连接（sslmode=\(value)），目前不支持：本机连接请去掉 sslmode 或写 sslmode=disable")
                }
            default:
                throw PostgresURL.refusal("的参数 \(name) 不认识：只认 \(Self.known)")
            }
        }
    }
}
