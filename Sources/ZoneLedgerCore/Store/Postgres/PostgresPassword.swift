import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The password for a connection, found where libpq (psql, pg_dump) finds it, so one pgpass file
/// serves both: PGPASSWORD if set and not empty, else the first matching line of the password file
/// (PGPASSFILE if set and not empty, else `$HOME/.pgpass`). The rules follow libpq's
/// `passwordFromFile` and `pwdfMatchesString` (fe-connect.c), including its refusal of a file
/// that group or others may access.
public struct PostgresPassword: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case environment        // PGPASSWORD
        case file(String)       // the pgpass file at this path
        case none
    }

    /// Why a password file was passed over, to be said when the server then refuses the login.
    public enum SkippedFile: Sendable, Equatable {
        case groupOrWorldAccess(String)
        case notPlainFile(String)
    }

    public let value: String?
    public let source: Source
    public let skipped: SkippedFile?

    /// The password for `url`. Reads the password file but no other state: the environment is a
    /// parameter. HOME missing means no default file (libpq would ask the user database instead).
    public static func find(for url: PostgresURL, environment: [String: String]) -> PostgresPassword {
        if let password = environment["PGPASSWORD"], !password.isEmpty {
            return PostgresPassword(value: password, source: .environment, skipped: nil)
        }
        let path: String
        if let file = environment["PGPASSFILE"], !file.isEmpty {
            path = file
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.pgpass"
        } else {
            return PostgresPassword(value: nil, source: .none, skipped: nil)
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return PostgresPassword(value: nil, source: .none, skipped: nil) }
        guard status.st_mode & 0o170000 == 0o100000 else {  // S_IFMT, S_IFREG
            return PostgresPassword(value: nil, source: .none, skipped: .notPlainFile(path))
        }
        // libpq ignores a password file that anyone but its owner may read, write or run.
        guard status.st_mode & 0o077 == 0 else {  // S_IRWXG | S_IRWXO
            return PostgresPassword(value: nil, source: .none, skipped: .groupOrWorldAccess(path))
        }
        guard let contents = FileManager.default.contents(atPath: path),
              let password = match(in: Array(contents), host: url.host, port: String(url.port),
                                    database: url.database, user: url.user)
        else { return PostgresPassword(value: nil, source: .none, skipped: nil) }
        return PostgresPassword(value: password, source: .file(path), skipped: nil)
    }

    /// The password of the first line of a pgpass file that matches, as libpq reads it: lines
    /// `host:port:database:username:password`, `#` at the start of a line for a comment, `*` as a
    /// whole field for anything, `\` escaping the next character (`\:`, `\\`), and the password
    /// ending at the first unescaped `:`. Bytes are compared as they are, as libpq does.
    static func match(in contents: [UInt8], host: String, port: String, database: String, user: String) -> String? {
        let wanted = [host, port, database, user].map { Array($0.utf8) }
        for rawLine in contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            guard rawLine.first != UInt8(ascii: "#") else { continue }
            var line = rawLine[...]
            while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") { line = line.dropLast() }
            guard !line.isEmpty else { continue }
            var rest: ArraySlice<UInt8>? = line
            for field in wanted { rest = rest.flatMap { matchField($0, field) } }
            if let rest { return String(decoding: unescapedPassword(rest), as: UTF8.self) }
        }
        return nil
    }

    /// libpq's `pwdfMatchesString`: the line after the field and its `:` when the field matches.
    private static func matchField(_ line: ArraySlice<UInt8>, _ token: [UInt8]) -> ArraySlice<UInt8>? {
        let colon = UInt8(ascii: ":"), backslash = UInt8(ascii: "\\")
        if line.starts(with: [UInt8(ascii: "*"), colon]) { return line.dropFirst(2) }
        var index = line.startIndex
        var tokenIndex = 0
        while index < line.endIndex {
            var escaped = false
            if line[index] == backslash {
                index += 1
                escaped = true
                // A backslash at the very end: libpq reads the terminating NUL and gives up.
                guard index < line.endIndex else { return nil }
            }
            if line[index] == colon && tokenIndex == token.count && !escaped { return line[(index + 1)...] }
            guard tokenIndex < token.count, line[index] == token[tokenIndex] else { return nil }
            index += 1
            tokenIndex += 1
        }
        return nil
    }

    /// The password field de-escaped, ending at the first unescaped `:` (a sixth field is ignored).
    private static func unescapedPassword(_ field: ArraySlice<UInt8>) -> [UInt8] {
        var password: [UInt8] = []
        var index = field.startIndex
        while index < field.endIndex, field[index] != UInt8(ascii: ":") {
            if field[index] == UInt8(ascii: "\\"), index + 1 < field.endIndex { index += 1 }
            password.append(field[index])
            index += 1
        }
        return password
    }
}
