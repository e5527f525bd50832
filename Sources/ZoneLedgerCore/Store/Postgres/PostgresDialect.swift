import GRDB

/// The core's SQL, as GRDB and SQLite take it, made into SQL PostgreSQL takes: the few forms that
/// cannot be written the same for both. Everything else in the core is meant to be portable SQL
/// (SQLite ≥ 3.39 and PostgreSQL ≥ 15 both read it alike); this is not a general translator, and a
/// statement it leaves alone that PostgreSQL refuses is a statement to make portable in the core.
///
/// What it changes, outside string literals, quoted identifiers, comments and dollar quotes:
///
/// - Parameters. `?`, `?NNN` and `:name` (or `@name`) become `$1…$n`, numbered in order of first
///   appearance; a repeated `:name` or `?NNN` reuses its number. A bare `?` takes the number after the
///   largest one given so far, as SQLite numbers it (`?, ?2, ?2` is 1, 2, 2). `parameters[k - 1]`
///   says which of GRDB's arguments `$k` carries. PostgreSQL casts (`x::text`) are left alone.
/// - `INDEXED BY index` and `NOT INDEXED` after a table: SQLite's planner hints, which the core
///   needs there and PostgreSQL has no syntax for; removed, the query means the same.
/// - `CROSS JOIN t ON …`: SQLite reads it as an inner join whose tables it must not reorder (a
///   planner hint); PostgreSQL allows no ON after CROSS JOIN. Becomes `JOIN t ON …`. A CROSS JOIN
///   without ON or USING is left as it is.
/// - `a = b COLLATE NOCASE` (a and b each a column or a parameter): SQLite's NOCASE folds ASCII
///   letters only, and PostgreSQL has no such collation. Becomes
///   `lower(a COLLATE "C") = lower(b COLLATE "C")`: lower() under "C" folds ASCII letters only too,
///   and the ledger's `*_code_nocase` indexes on lower(code) serve it.
///
/// `statements(_:)` cuts a text of several statements (GRDB runs them one after another; a
/// PostgreSQL prepared statement holds one) at the semicolons between them, each translated alone;
/// each numbers its own parameters, and `binds(_:consumed:)` takes GRDB's positional arguments
/// in turn across them, as GRDB does.
///
/// Not handled (the core does not use them): `$name` parameters, `[bracketed]` and backquoted
/// identifiers, nested block comments, and PostgreSQL's jsonb `?` operators, which would be read
/// as parameters.
enum PostgresDialect {
    static func translate(_ sql: String) -> TranslatedSQL {
        translate(Lexer.tokens(sql))
    }

    /// Each statement of a text that may hold several, translated, without the space around it;
    /// empty statements (a trailing semicolon, a comment alone) are left out. Cut where psql cuts
    /// (`SQLScript`, which the link's scripts use too): one owner of where a statement ends.
    static func statements(_ sql: String) -> [TranslatedSQL] {
        SQLScript.statements(sql).map(translate)
    }

    private static func translate(_ lexed: [Token]) -> TranslatedSQL {
        var tokens = lexed
        removeIndexHints(&tokens)
        crossJoinsWithOn(&tokens)
        nocaseEquality(&tokens)
        return numberParameters(tokens)
    }
}

/// A statement for PostgreSQL, and what each of its `$k` takes: `parameters[k - 1]`.
struct TranslatedSQL: Equatable, Sendable {
    enum Parameter: Equatable, Sendable {
        /// The n-th (from 1) of GRDB's positional arguments.
        case positional(Int)
        /// GRDB's named argument, without its colon.
        case named(String)
    }

    let sql: String
    let parameters: [Parameter]

    /// How many of GRDB's positional arguments the statement uses: its largest `?NNN`.
    var positionalCount: Int {
        parameters.reduce(0) { count, parameter in
            if case .positional(let number) = parameter { return max(count, number) }
            return count
        }
    }

    /// The values for `$1…$n`: positional ones after the `consumed` that earlier statements of the
    /// same text took (GRDB hands a multi-statement text's arguments out in turn), named ones by name.
    /// Nil names what is missing: "第3个", "“day”".
    func binds(_ arguments: SQLArguments, consumed: Int) -> Result<[DatabaseValue], MissingArgument> {
        var values: [DatabaseValue] = []
        for parameter in parameters {
            switch parameter {
            case .positional(let number):
                guard number >= 1, consumed + number <= arguments.positional.count else { return .failure(MissingArgument(what: "第\(consumed + number)个")) }
                values.append(arguments.positional[consumed + number - 1])
            case .named(let name):
                guard let value = arguments.value(named: name) else { return .failure(MissingArgument(what: "“\(name)”")) }
                values.append(value)
            }
        }
        return .success(values)
    }
}

struct MissingArgument: Error {
    let what: String
}

// MARK: - Tokens

private struct Token: Equatable {
    enum Kind: Equatable {
        case space, comment, string, quotedName, word, number, parameter, symbol
    }

    var kind: Kind
    var text: String

    /// A keyword or an unquoted name, compared without regard to case.
    func isWord(_ word: String) -> Bool { kind == .word && text.uppercased() == word }
    var isName: Bool { kind == .word || kind == .quotedName }
    var isSignificant: Bool { kind != .space && kind != .comment }
}

private enum Lexer {
    static func tokens(_ sql: String) -> [Token] {
        let bytes = Array(sql.utf8)
        var tokens: [Token] = []
        var index = 0
        func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }
        func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

        while index < bytes.count {
            let start = index
            let first = bytes[index]
            let kind: Token.Kind
            switch first {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C:
                while let next = byte(index), next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x0C { index += 1 }
                kind = .space
            case UInt8(ascii: "-") where byte(index + 1) == UInt8(ascii: "-"):
                while let next = byte(index), next != 0x0A { index += 1 }
                kind = .comment
            case UInt8(ascii: "/") where byte(index + 1) == UInt8(ascii: "*"):
                index += 2
                while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && byte(index + 1) == UInt8(ascii: "/")) { index += 1 }
                index = min(index + 2, bytes.count)
                kind = .comment
            case UInt8(ascii: "'"):
                index = quoted(bytes, from: index, quote: UInt8(ascii: "'"), backslashes: false)
                kind = .string
            case UInt8(ascii: "\""):
                index = quoted(bytes, from: index, quote: UInt8(ascii: "\""), backslashes: false)
                kind = .quotedName
            case UInt8(ascii: "E") where byte(index + 1) == UInt8(ascii: "'"), UInt8(ascii: "e") where byte(index + 1) == UInt8(ascii: "'"):
                // PostgreSQL's escape string: a backslash escapes the quote after it.
                index = quoted(bytes, from: index + 1, quote: UInt8(ascii: "'"), backslashes: true)
                kind = .string
            case UInt8(ascii: "$") where dollarTag(bytes, at: index) != nil:
                let tag = dollarTag(bytes, at: index) ?? []
                index += tag.count
                while index < bytes.count, !bytes[index...].starts(with: tag) { index += 1 }
                index = min(index + tag.count, bytes.count)
                kind = .string
            case UInt8(ascii: "?"):
                index += 1
                while let next = byte(index), isDigit(next) { index += 1 }
                kind = .parameter
            case UInt8(ascii: ":") where byte(index + 1) == UInt8(ascii: ":"):
                index += 2
                kind = .symbol
            case UInt8(ascii: ":"), UInt8(ascii: "@"):
                if let next = byte(index + 1), isNameStart(next) {
                    index += 1
                    while let next = byte(index), isNamePart(next) { index += 1 }
                    kind = .parameter
                } else {
                    index += 1
                    kind = .symbol
                }
            case _ where isDigit(first):
                while let next = byte(index), isNamePart(next) || next == UInt8(ascii: ".") { index += 1 }
                kind = .number
            case _ where isNameStart(first):
                while let next = byte(index), isNamePart(next) { index += 1 }
                kind = .word
            default:
                index += 1
                kind = .symbol
            }
            tokens.append(Token(kind: kind, text: text(start, index)))
        }
        return tokens
    }

    /// The index after a quoted text that starts at `start` (its opening quote); a doubled quote
    /// stands for one. Unterminated: the end of the text.
    private static func quoted(_ bytes: [UInt8], from start: Int, quote: UInt8, backslashes: Bool) -> Int {
        var index = start + 1
        while index < bytes.count {
            if backslashes && bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote {
                if index + 1 < bytes.count && bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    /// `$$` or `$tag$` opening a dollar-quoted string at `index`, or nil (`$1` is not one).
    private static func dollarTag(_ bytes: [UInt8], at index: Int) -> [UInt8]? {
        var end = index + 1
        if end < bytes.count, isDigit(bytes[end]) { return nil }
        while end < bytes.count, bytes[end] != UInt8(ascii: "$") {
            guard isNamePart(bytes[end]) else { return nil }
            end += 1
        }
        return end < bytes.count ? Array(bytes[index...end]) : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
    private static func isNamePart(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$") }
}

// MARK: - Rewrites

extension PostgresDialect {
    /// Indexes of the tokens that are neither space nor comment, in order.
    private static func significant(_ tokens: [Token]) -> [Int] {
        tokens.indices.filter { tokens[$0].isSignificant }
    }

    /// Removes tokens `from...to` and the space just before them.
    private static func remove(_ tokens: inout [Token], from: Int, to: Int) {
        let start = from > 0 && tokens[from - 1].kind == .space ? from - 1 : from
        tokens.removeSubrange(start...to)
    }

    private static func removeIndexHints(_ tokens: inout [Token]) {
        var changed = true
        while changed {
            changed = false
            let marks = significant(tokens)
            for (position, index) in marks.enumerated() where tokens[index].isWord("INDEXED") {
                if position + 2 < marks.count, tokens[marks[position + 1]].isWord("BY"), tokens[marks[position + 2]].isName {
                    remove(&tokens, from: index, to: marks[position + 2])
                    changed = true
                    break
                }
                if position > 0, tokens[marks[position - 1]].isWord("NOT") {
                    remove(&tokens, from: marks[position - 1], to: index)
                    changed = true
                    break
                }
            }
        }
    }

    private static let notAliases: Set<String> = [
        "ON", "USING", "WHERE", "JOIN", "CROSS", "LEFT", "RIGHT", "FULL", "INNER", "OUTER", "NATURAL",
        "GROUP", "ORDER", "LIMIT", "HAVING", "WINDOW", "UNION", "EXCEPT", "INTERSECT", "AS",
    ]

    private static func crossJoinsWithOn(_ tokens: inout [Token]) {
        var changed = true
        while changed {
            changed = false
            let marks = significant(tokens)
            for (position, index) in marks.enumerated()
            where tokens[index].isWord("CROSS") && position + 2 < marks.count && tokens[marks[position + 1]].isWord("JOIN") {
                // The table: a name, or schema.name; then an alias, with or without AS.
                var next = position + 2
                guard tokens[marks[next]].isName else { continue }
                next += 1
                if next + 1 < marks.count, tokens[marks[next]].text == ".", tokens[marks[next + 1]].isName { next += 2 }
                if next < marks.count, tokens[marks[next]].isWord("AS") { next += 1 }
                if next < marks.count, tokens[marks[next]].isName, !notAliases.contains(tokens[marks[next]].text.uppercased()) { next += 1 }
                guard next < marks.count, tokens[marks[next]].isWord("ON") || tokens[marks[next]].isWord("USING") else { continue }
                // "CROSS JOIN" → "JOIN": drop CROSS and the space after it.
                let end = index + 1 < tokens.count && tokens[index + 1].kind == .space ? index + 1 : index
                tokens.removeSubrange(index...end)
                changed = true
                break
            }
        }
    }

    /// The significant positions of the qualified name (`a`, `a.b`) or parameter ending at `last`,
    /// or nil when the tokens there are something else.
    private static func operand(endingAt last: Int, _ marks: [Int], _ tokens: [Token]) -> Int? {
        let token = tokens[marks[last]]
        if token.kind == .parameter { return last }
        guard token.isName else { return nil }
        var first = last
        while first >= 2, tokens[marks[first - 1]].text == ".", tokens[marks[first - 2]].isName { first -= 2 }
        return first
    }

    private static func nocaseEquality(_ tokens: inout [Token]) {
        var changed = true
        while changed {
            changed = false
            let marks = significant(tokens)
            for position in marks.indices
            where position + 1 < marks.count && tokens[marks[position]].isWord("COLLATE") && tokens[marks[position + 1]].isWord("NOCASE") {
                guard position >= 3, let right = operand(endingAt: position - 1, marks, tokens),
                      right >= 2, tokens[marks[right - 1]].text == "=",
                      let left = operand(endingAt: right - 2, marks, tokens) else { continue }
                // Each side wrapped, its own tokens kept (a parameter stays a parameter); the right
                // side first, so that the left side's indexes still hold.
                let open = Token(kind: .symbol, text: "lower("), close = Token(kind: .symbol, text: " COLLATE \"C\")")
                let rightTokens = Array(tokens[marks[right]...marks[position - 1]])
                tokens.replaceSubrange(marks[right]...marks[position + 1], with: [open] + rightTokens + [close])
                let leftTokens = Array(tokens[marks[left]...marks[right - 2]])
                tokens.replaceSubrange(marks[left]...marks[right - 2], with: [open] + leftTokens + [close])
                changed = true
                break
            }
        }
    }

    private static func numberParameters(_ tokens: [Token]) -> TranslatedSQL {
        var parameters: [TranslatedSQL.Parameter] = []
        var highestPositional = 0
        var sql = ""
        for token in tokens {
            guard token.kind == .parameter else {
                sql += token.text
                continue
            }
            let parameter: TranslatedSQL.Parameter
            if token.text.hasPrefix("?") {
                let position = Int(token.text.dropFirst()) ?? highestPositional + 1
                highestPositional = max(highestPositional, position)
                parameter = .positional(position)
            } else {
                parameter = .named(String(token.text.dropFirst()))
            }
            if let known = parameters.firstIndex(of: parameter) {
                sql += "$\(known + 1)"
            } else {
                parameters.append(parameter)
                sql += "$\(parameters.count)"
            }
        }
        return TranslatedSQL(sql: sql, parameters: parameters)
    }
}
