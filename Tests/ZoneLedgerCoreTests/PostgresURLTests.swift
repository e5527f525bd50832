import Foundation
import Testing
@testable import ZoneLedgerCore

/// The login name the tests pretend to have, so defaults do not depend on who runs them.
private let login = ["USER": "办公室", "LOGNAME": "ignored"]

@Suite struct PostgresURLTests {
    @Test(arguments: [
        ("postgres://zl@127.0.0.1:5433/ledger", PostgresURL(host: "127.0.0.1", port: 5433, user: "zl", database: "ledger")),
        ("postgresql://zl@db.example/ledger", PostgresURL(host: "db.example", user: "zl", database: "ledger")),
        ("POSTGRES://zl@Host/ledger", PostgresURL(host: "Host", user: "zl", database: "ledger")),
        // user from the environment, database from the user, as libpq does
        ("postgres://localhost/ledger", PostgresURL(host: "localhost", user: "办公室", database: "ledger")),
        ("postgres://zl@localhost", PostgresURL(host: "localhost", user: "zl", database: "zl")),
        ("postgres://zl@localhost:6543/", PostgresURL(host: "localhost", port: 6543, user: "zl", database: "zl")),
        ("postgres://@localhost/ledger", PostgresURL(host: "localhost", user: "办公室", database: "ledger")),
        // percent-decoding, Chinese included; + is a plus in a URI
        ("postgres://%E5%8A%9E%E5%85%AC%E5%AE%A4@h/%E5%8F%B0%E8%B4%A6", PostgresURL(host: "h", user: "办公室", database: "台账")),
        ("postgres://a%40b@h/x+y%2Fz", PostgresURL(host: "h", user: "a@b", database: "x+y/z")),
        // IPv6 in brackets, with and without a port
        ("postgres://zl@[::1]:5433/ledger", PostgresURL(host: "::1", port: 5433, user: "zl", database: "ledger")),
        ("postgres://zl@[fe80::1]/ledger", PostgresURL(host: "fe80::1", user: "zl", database: "ledger")),
        // the parameters we know
        ("postgres://zl@h/l?application_name=%E5%8F%B0%E8%B4%A6&connect_timeout=3&sslmode=disable",
         PostgresURL(host: "h", user: "zl", database: "l", applicationName: "台账", connectTimeout: 3)),
        ("postgres://zl@h/l?", PostgresURL(host: "h", user: "zl", database: "l")),
    ])
    func parses(_ text: String, _ expected: PostgresURL) throws {
        #expect(try PostgresURL.parse(text, environment: login) == expected)
    }

    @Test(arguments: ["ledger.sqlite", "/var/lib/zoneledger/ledger.sqlite", "postgres.sqlite", "postgres:ledger",
                      "./postgres://x", "mysql://zl@h/l", "", "http://h/l"])
    func aPathIsNotAURL(_ text: String) throws {
        #expect(try PostgresURL.parse(text, environment: login) == nil)
    }

    /// Each refusal: its message, and the secret it must not repeat.
    @Test(arguments: [
        ("postgres://zl:S3cretPw@h/l", "连接串里不要写密码", "S3cretPw"),
        ("postgres://zl:@h/l", "连接串里不要写密码", "zl:@"),
        ("postgresql://zl:p%40ss@h:5433/l", "连接串里不要写密码", "p%40ss"),
        ("postgres://zl:pa@ss@h/l", "连接串里不要写密码", "pa@ss"),
        ("postgres://zl@h/l?password=S3cretPw", "连接串里不要写密码", "S3cretPw"),
        ("postgres://zl@h/l?sslmode=disable&password=S3cretPw", "连接串里不要写密码", "S3cretPw"),
        // no @host: libpq reads the "password" as a port; still never quoted
        ("postgres://zl:S3cretPw/l", "端口不对", "S3cretPw"),
        ("postgres://zl@h/l#S3cretPw", "不能带 #", "S3cretPw"),
        ("postgres://zl@h:0/l", "端口不对", "h:0"),
        ("postgres://zl@h:65536/l", "端口不对", "65536"),
        ("postgres://zl@h:+5/l", "端口不对", "+5"),
        ("postgres://zl@/l", "缺少主机", "@/l"),
        ("postgres:///l", "缺少主机", "///"),
        ("postgres://zl@a,b/l", "只能写一个主机", "a,b"),
        ("postgres://zl@::1/l", "方括号", "::1/l"),
        ("postgres://zl@[::1/l", "方括号", "[::1/l"),
        ("postgres://zl@[::1]x/l", "方括号后只能接 :端口", "]x"),
        ("postgres://zl@h/a/b", "数据库名只能有一段", "a/b"),
        ("postgres://zl@h/l%zz", "数据库名里 % 后面应是两位十六进制数", "%zz"),
        ("postgres://zl@h/l%ff", "数据库名解码后不是 UTF-8", "%ff"),
        ("postgres://zl@h/l?target_session_attrs=any", "参数 target_session_attrs 不认识：只认 application_name", "any"),
        ("postgres://zl@h/l?sslmode=require", "sslmode=require", "zl@h"),
        ("postgres://zl@h/l?connect_timeout=soon", "connect_timeout 应为正整数", "soon"),
        ("postgres://zl@h/l?application_name=a&application_name=b", "参数 application_name 写了两次", "=b"),
    ])
    func refuses(_ text: String, _ message: String, _ secret: String) {
        do {
            let url = try PostgresURL.parse(text, environment: login)
            Issue.record("\(text) parsed as \(String(describing: url))")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.message.contains(secret), "\(error.message) repeats \(secret)")
        }
    }

    @Test func thePasswordRefusalSaysWhereThePasswordGoes() {
        let message = refusal { _ = try PostgresURL.parse("postgres://zl:hunter2@h/l", environment: login) }
        #expect(message == "连接串里不要写密码：请用环境变量 PGPASSWORD 或 ~/.pgpass（PGPASSFILE）提供")
    }

    @Test func withNoUserAnywhereItSaysSo() throws {
        let message = refusal { _ = try PostgresURL.parse("postgres://h/l", environment: [:]) }
        #expect(message?.contains("USER 和 LOGNAME") == true, "\(message ?? "parsed")")
        #expect(try PostgresURL.parse("postgres://h/l", environment: ["LOGNAME": "zl"])?.user == "zl")
    }

    @Test(arguments: [
        (PostgresURL(host: "127.0.0.1", user: "zl", database: "ledger"), "postgres://zl@127.0.0.1:5432/ledger"),
        (PostgresURL(host: "::1", port: 5433, user: "办公室", database: "台账"), "postgres://办公室@[::1]:5433/台账"),
        (PostgresURL(host: "h", user: "a@b", database: "x/y z"), "postgres://a%40b@h:5432/x%2Fy%20z"),
        (PostgresURL(host: "h", user: "zl", database: "l", applicationName: "app", connectTimeout: 3), "postgres://zl@h:5432/l"),
    ])
    func redacts(_ url: PostgresURL, _ expected: String) throws {
        #expect(url.redacted == expected)
        #expect("\(url)" == expected)
        // What redaction prints parses back to the same place.
        let again = try #require(try PostgresURL.parse(url.redacted, environment: login))
        #expect((again.host, again.port, again.user, again.database) == (url.host, url.port, url.user, url.database))
    }
}

@Suite struct PostgresPasswordTests {
    /// (pgpass file, host, port, database, user) → the password libpq would use.
    @Test(arguments: [
        ("127.0.0.1:5432:ledger:zl:pw1\n", "127.0.0.1", "5432", "ledger", "zl", "pw1" as String?),
        // each field must match exactly: no match for another host, port, database or user
        ("127.0.0.1:5432:ledger:zl:pw1\n", "localhost", "5432", "ledger", "zl", nil),
        ("127.0.0.1:5432:ledger:zl:pw1\n", "127.0.0.1", "5433", "ledger", "zl", nil),
        ("127.0.0.1:5432:ledger:zl:pw1\n", "127.0.0.1", "5432", "ledger2", "zl", nil),
        ("127.0.0.1:5432:ledger:zl:pw1\n", "127.0.0.1", "5432", "ledger", "z", nil),
        // * is a whole field matching anything; inside a field it is a plain character
        ("*:*:*:zl:pw2\n", "db.example", "6000", "any", "zl", "pw2"),
        ("127.0.0.*:*:*:zl:pw2\n", "127.0.0.1", "5432", "l", "zl", nil),
        // the first matching line wins, even over a more specific later one
        ("*:*:*:*:first\n127.0.0.1:5432:l:zl:second\n", "127.0.0.1", "5432", "l", "zl", "first"),
        ("h:1:l:zl:no\n*:*:*:zl:yes\nh:5432:l:zl:late\n", "h", "5432", "l", "zl", "yes"),
        // comments, blank lines, CRLF
        ("# *:*:*:*:commented\n\n*:*:*:zl:after\r\n", "h", "5432", "l", "zl", "after"),
        // a line starting with # is a comment even where it would match (a host named #h)
        ("#h:5432:l:zl:commented\n*:*:*:zl:after\n", "#h", "5432", "l", "zl", "after"),
        ("  # not a comment:*:*:*:x\n*:*:*:*:real\n", "h", "5432", "l", "zl", "real"),
        // \: and \\ in a field and in the password; the password ends at an unescaped :
        ("fe80\\:\\:1:5432:l:zl:v6\n", "fe80::1", "5432", "l", "zl", "v6"),
        ("h:5432:a\\\\b:zl:pw\n", "h", "5432", "a\\b", "zl", "pw"),
        ("*:*:*:zl:p\\:w\\\\d\n", "h", "5432", "l", "zl", "p:w\\d"),
        ("*:*:*:zl:before:after\n", "h", "5432", "l", "zl", "before"),
        ("*:*:*:zl:ends\\\n", "h", "5432", "l", "zl", "ends\\"),
        // a field cut short, or a line without a password field, matches nothing
        ("h:5432:l:zl\n", "h", "5432", "l", "zl", nil),
        ("h:5432:l\n", "h", "5432", "l", "zl", nil),
        // an empty password is a password
        ("*:*:*:zl:\n", "h", "5432", "l", "zl", ""),
        // Chinese in fields and password
        ("*:*:台账:办公室:密码\n", "h", "5432", "台账", "办公室", "密码"),
        // no newline at the end of the file
        ("*:*:*:zl:last", "h", "5432", "l", "zl", "last"),
    ])
    func matchesLikeLibpq(_ file: String, _ host: String, _ port: String, _ database: String, _ user: String, _ expected: String?) {
        #expect(PostgresPassword.match(in: Array(file.utf8), host: host, port: port, database: database, user: user) == expected)
    }

    private let url = PostgresURL(host: "127.0.0.1", port: 5433, user: "zl", database: "ledger")

    @Test func theEnvironmentWinsOverTheFileUnlessEmpty() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("pgpass", "*:*:*:*:from-file\n", mode: 0o600)
        let fromEnvironment = PostgresPassword.find(for: url, environment: ["PGPASSWORD": "from-env", "PGPASSFILE": file])
        #expect(fromEnvironment == PostgresPassword(value: "from-env", source: .environment, skipped: nil))
        let emptyEnvironment = PostgresPassword.find(for: url, environment: ["PGPASSWORD": "", "PGPASSFILE": file])
        #expect(emptyEnvironment == PostgresPassword(value: "from-file", source: .file(file), skipped: nil))
    }

    @Test func pgpassFileElseHomeDotPgpass() throws {
        let folder = try TemporaryFolder()
        let home = try folder.write(".pgpass", "127.0.0.1:5433:ledger:zl:home\n", mode: 0o600)
        let other = try folder.write("other", "127.0.0.1:5433:ledger:zl:other\n", mode: 0o600)
        #expect(PostgresPassword.find(for: url, environment: ["HOME": folder.path]).value == "home")
        #expect(PostgresPassword.find(for: url, environment: ["HOME": folder.path, "PGPASSFILE": other]).value == "other")
        #expect(PostgresPassword.find(for: url, environment: ["HOME": folder.path, "PGPASSFILE": ""]).source == .file(home))
        #expect(PostgresPassword.find(for: url, environment: [:]) == PostgresPassword(value: nil, source: .none, skipped: nil))
        #expect(PostgresPassword.find(for: url, environment: ["PGPASSFILE": folder.path + "/missing"]).skipped == nil)
    }

    @Test(arguments: [0o640, 0o604, 0o620, 0o610, 0o601, 0o644])
    func aFileOthersMayAccessIsSkipped(_ mode: Int) throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("pgpass", "*:*:*:*:secret\n", mode: mode)
        let found = PostgresPassword.find(for: url, environment: ["PGPASSFILE": file])
        #expect(found == PostgresPassword(value: nil, source: .none, skipped: .groupOrWorldAccess(file)))
    }

    @Test func aFolderIsNotAPasswordFile() throws {
        let folder = try TemporaryFolder()
        let found = PostgresPassword.find(for: url, environment: ["PGPASSFILE": folder.path])
        #expect(found.skipped == .notPlainFile(folder.path))
        #expect(found.value == nil)
    }

    @Test func ownerOnlyModesAreUsed() throws {
        let folder = try TemporaryFolder()
        for mode in [0o600, 0o400, 0o700] {
            let file = try folder.write("pgpass-\(mode)", "*:*:*:*:ok\n", mode: mode)
            #expect(PostgresPassword.find(for: url, environment: ["PGPASSFILE": file]).value == "ok", "mode \(String(mode, radix: 8))")
        }
    }
}
