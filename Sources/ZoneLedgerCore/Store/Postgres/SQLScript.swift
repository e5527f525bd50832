import Foundation

/// A script of several statements cut where psql would cut it: at a `;` outside quotes, comments
/// and parentheses. postgres-nio speaks only the extended query protocol, which takes one
/// statement at a time (the simple query protocol, which would take the whole script, is not in
/// its API), so `PostgresLink.execute` runs a migration statement by statement.
///
/// Understood: '…' strings with '' inside, E'…' strings with backslash escapes, "…" identifiers,
/// $tag$…$tag$ bodies, -- and nested /* */ comments. Not understood: SQL-standard function bodies
/// (BEGIN ATOMIC … END), whose inner semicolons psql also tracks; write such a body as $$…$$.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        var scanner = Scanner(Array(script.utf8))
        var statements: [String] = []
        var start = 0
        while let end = scanner.nextTerminator() {
            statements.append(String(decoding: scanner.bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        statements.append(String(decoding: scanner.bytes[start...], as: UTF8.self))
        return statements
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !isOnlyComments($0) }
    }

    /// Whether a piece has nothing for the server to run (the server would answer an empty query,
    /// which postgres-nio does not expect).
    private static func isOnlyComments(_ piece: String) -> Bool {
        var scanner = Scanner(Array(piece.utf8))
        return !scanner.hasCode()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var parentheses = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        /// The index of the next `;` that ends a statement, or nil at the end of the script.
        mutating func nextTerminator() -> Int? {
            while index < bytes.count {
                if skipQuotedOrComment() { continue }
                switch bytes[index] {
                case UInt8(ascii: "("): parentheses += 1
                case UInt8(ascii: ")"): parentheses = max(0, parentheses - 1)
                case UInt8(ascii: ";") where parentheses == 0:
                    index += 1
                    return index - 1
                default: break
                }
                index += 1
            }
            return nil
        }

        /// Whether anything but whitespace and comments is left.
        mutating func hasCode() -> Bool {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "/") {
                    if skipQuotedOrComment() { continue }
                }
                if !isWhitespace(bytes[index]) { return true }
                index += 1
            }
            return false
        }

        /// Steps over a string, quoted identifier, dollar-quoted body or comment starting here.
        mutating func skipQuotedOrComment() -> Bool {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"):
                skipString(backslashEscapes: startsEscapeString())
            case UInt8(ascii: "\""):
                skipDoubled(UInt8(ascii: "\""))
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                skipBlockComment()
            case UInt8(ascii: "$"):
                guard let tag = dollarTag() else { return false }
                skipDollarBody(tag)
            default:
                return false
            }
            return true
        }

        func peek(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        /// E'…' (or e'…'): the E is a token of its own, not the end of an identifier like `table'`.
        func startsEscapeString() -> Bool {
            guard index >= 1, bytes[index - 1] == UInt8(ascii: "E") || bytes[index - 1] == UInt8(ascii: "e") else {
                return false
            }
            return index < 2 || !isIdentifierByte(bytes[index - 2])
        }

        mutating func skipString(backslashEscapes: Bool) {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if backslashEscapes && byte == UInt8(ascii: "\\") { index += 2; continue }
                index += 1
                if byte == UInt8(ascii: "'") {
                    guard peek(0) == UInt8(ascii: "'") else { return }
                    index += 1
                }
            }
        }

        mutating func skipDoubled(_ quote: UInt8) {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == quote {
                    guard peek(0) == quote else { return }
                    index += 1
                }
            }
        }

        mutating func skipBlockComment() {
            var depth = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                    depth += 1
                    index += 2
                } else if bytes[index] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") {
                    depth -= 1
                    index += 2
                    if depth == 0 { return }
                } else {
                    index += 1
                }
            }
        }

        /// `$tag$` or `$$` starting here; nil for `$1` (a parameter) or a `$` inside an identifier.
        func dollarTag() -> [UInt8]? {
            if index > 0 && isIdentifierByte(bytes[index - 1]) { return nil }
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "$") {
                let byte = bytes[end]
                let first = end == index + 1
                guard isIdentifierByte(byte), !(first && isDigit(byte)) else { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            return Array(bytes[index...end])
        }

        mutating func skipDollarBody(_ tag: [UInt8]) {
            index += tag.count
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "$") && bytes[index...].starts(with: tag) {
                    index += tag.count
                    return
                }
                index += 1
            }
        }

        func isIdentifierByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || isDigit(byte)
                || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        }
    }
}
