import Foundation
import GRDB

/// Checks shared by every write, each with a message that names the bad value.
enum Validate {
    /// Names and titles: not empty, at most 200 characters, no control characters.
    /// Quotes, semicolons and the like are fine: values are bound, never spliced into SQL.
    static func name(_ text: String, what: String = "名称") throws -> String {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        guard !trimmed.isEmpty else { throw LedgerError.data("\(what)不能为空") }
        // Counted as SQLite's length() counts (code points), so the schema's CHECK never refuses first.
        guard trimmed.unicodeScalars.count <= 200 else {
            throw LedgerError.data("\(what)过长（\(trimmed.unicodeScalars.count)个字符）：最多200个字符")
        }
        guard !trimmed.unicodeScalars.contains(where: \.isControl) else {
            throw LedgerError.data("\(what)“\(trimmed.prefix(40))”含有控制字符")
        }
        try refuseByteOrderMark(trimmed, what: what)
        return trimmed
    }

    /// U+FEFF belongs only at the start of a file; inside a value (a CSV row pasted after another
    /// file's start) it is invisible and would make "P3" and "\u{FEFF}P3" two different codes.
    static func refuseByteOrderMark(_ text: String, what: String) throws {
        if text.unicodeScalars.contains("\u{FEFF}") {
            throw LedgerError.data("\(what)“\(text.replacingOccurrences(of: "\u{FEFF}", with: "").prefix(40))”含有字节顺序标记（BOM，U+FEFF）：请删去")
        }
    }

    static func optionalText(_ text: String?, what: String, limit: Int) throws -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingWhitespaceAndNewlines()
        if trimmed.isEmpty { return nil }
        guard trimmed.unicodeScalars.count <= limit else {
            throw LedgerError.data("\(what)过长（\(trimmed.unicodeScalars.count)个字符）：最多\(limit)个字符")
        }
        // Line breaks and tabs are text a note may hold; NUL and the other controls are not.
        guard !trimmed.unicodeScalars.contains(where: { $0.isControl && !["\n", "\r", "\t"].contains($0) }) else {
            throw LedgerError.data("\(what)“\(trimmed.prefix(40))”含有控制字符")
        }
        try refuseByteOrderMark(trimmed, what: what)
        return trimmed
    }

    /// A figure's unit: 亿元, 亩, 家 … at most 20 characters.
    static func unit(_ text: String) throws -> String {
        guard let unit = try optionalText(text, what: "单位", limit: 20) else { throw LedgerError.data("单位不能为空") }
        return unit
    }

    static func note(_ text: String?) throws -> String? { try optionalText(text, what: "说明", limit: 2000) }

    static func progress(_ value: Int?) throws -> Int? {
        guard let value else { return nil }
        guard (0...100).contains(value) else { throw LedgerError.data("进度无效“\(value)”：应在0至100之间") }
        return value
    }

    /// A user-chosen code: short, no spaces, not all digits (those are ids).
    static func code(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 40, !trimmed.contains(" "),
              !trimmed.allSatisfy(\.isASCIIDigit), !trimmed.unicodeScalars.contains(where: { $0.isControl || $0 == "\u{FEFF}" }) else {
            throw LedgerError.data("编号无效“\(text)”：1至40个字符，不含空格、控制字符或字节顺序标记（BOM），不能全是数字")
        }
        return trimmed
    }
}

extension Ledger {
    /// The next free code of a kind: P1, P2, … (gaps left by custom codes are not reused).
    /// An import passes its counter, which gives the same answer without a scan per row.
    static func nextCode(_ kind: SubjectKind, in db: Session, counter: CodeCounter? = nil) throws -> String {
        if let counter { return try counter.next(table: kind.table, prefix: kind.codePrefix, in: db) }
        let prefix = kind.codePrefix
        return try CodeCounter.code(after: CodeCounter.highest(table: kind.table, prefix: prefix, in: db), prefix: prefix)
    }

    static func checkCodeFree(_ code: String, _ kind: SubjectKind, in db: Session, except id: Int64? = nil) throws {
        if try Bool.fetchOne(try db.cachedStatement(sql: "SELECT 1 FROM \(kind.table) WHERE code = ? COLLATE NOCASE AND id IS DISTINCT FROM ?"), arguments: [code, id]) == true {
            throw LedgerError.data("编号“\(code)”已被另一个\(kind.label)使用")
        }
    }

    /// Names are unique among the subjects of a kind as they stand (tenants: within their park).
    static func checkNameFree(_ name: String, _ kind: SubjectKind, park: Int64? = nil, in db: Session, except id: Int64? = nil) throws {
        let layout = SpanLayout.of(kind)
        let clash = try String.fetchOne(try db.cachedStatement(sql: """
            SELECT r.code FROM \(layout.table) s JOIN \(kind.table) r ON r.id = s.\(layout.key)
            WHERE s.name = ? AND s.recorded_to IS NULL AND s.valid_to IS NULL AND r.id IS DISTINCT FROM ?\(park == nil ? "" : " AND s.park_id = ?")
            LIMIT 1
            """), arguments: park.map { [name, id, $0] } ?? [name, id])
        guard let clash else { return }
        if kind == .tenant, let park {
            let parkName = try References.resolve(String(park), kind: .park, in: db).name
            throw LedgerError.data("\(parkName)已有企业“\(name)”（\(clash)）")
        }
        throw LedgerError.data("已有同名\(kind.label)“\(name)”（\(clash)）")
    }
}
