// Checks on what the CLI prints: terminal tables by display width, JSON, CSV.
// Deliberately independent of the CLI's own rendering code, so a bug there cannot hide here.

import Foundation
import Testing

// MARK: - Display width

enum DisplayWidth {
    /// Terminal columns of a character: 2 for Han and other East Asian wide/fullwidth forms,
    /// 0 for combining marks, 1 otherwise (ambiguous-width “ ” … ─ count 1, as in most terminals).
    static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD:
            return 2
        default:
            return first.properties.isEmojiPresentation ? 2 : 1
        }
    }

    static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    /// One slot per terminal column: a wide character fills its slot and leaves nil in the next.
    static func slots(_ line: String) -> [Character?] {
        var slots: [Character?] = []
        for character in line {
            let width = of(character)
            if width == 0 { continue }
            slots.append(character)
            if width == 2 { slots.append(nil) }
        }
        return slots
    }
}

// MARK: - Text tables

/// A table as printed: a header line, a rule of "─", then rows, read back by display column.
struct PrintedTable {
    let header: String
    let rule: String
    let rows: [String]
    /// The display column where each header label starts, and the labels.
    let starts: [Int]
    let labels: [String]

    init(header: String, rule: String, rows: [String]) {
        self.header = header
        self.rule = rule
        self.rows = rows
        let slots = DisplayWidth.slots(header)
        var starts: [Int] = [], labels: [String] = []
        for index in slots.indices where slots[index] != " " && slots[index] != nil {
            let afterGap = index == 0 || (index >= 2 && slots[index - 1] == " " && slots[index - 2] == " ")
            if afterGap { starts.append(index); labels.append("") }
        }
        self.starts = starts
        self.labels = starts.indices.map { Self.slice(slots, from: starts[$0], to: $0 + 1 < starts.count ? starts[$0 + 1] - 2 : nil) }
    }

    private static func slice(_ slots: [Character?], from start: Int, to end: Int?) -> String {
        guard start < slots.count else { return "" }
        let stop = min(end ?? slots.count, slots.count)
        guard start < stop else { return "" }
        return String(slots[start..<stop].compactMap { $0 }).trimmingCharacters(in: .whitespaces)
    }

    /// The cell under `column` in the row whose first cell is `key`, cut by the header's columns:
    /// it comes out whole only if the row lines up with the header by display width.
    func cell(_ column: String, row key: String) -> String? {
        guard let index = labels.firstIndex(of: column),
              let row = rows.first(where: { cell(0, of: $0) == key }) else { return nil }
        return cell(index, of: row)
    }

    func cell(_ index: Int, of row: String) -> String {
        Self.slice(DisplayWidth.slots(row), from: starts[index], to: index + 1 < starts.count ? starts[index + 1] - 2 : nil)
    }

    /// Everything that is out of line, described; empty when the table is sound.
    var alignmentProblems: [String] {
        var problems: [String] = []
        if starts.count < 2 { problems.append("header has fewer than two columns: \(header)") }
        if !rule.allSatisfy({ $0 == "─" }) { problems.append("rule is not all ─: \(rule)") }
        let widest = ([header] + rows).map(DisplayWidth.of).max() ?? 0
        if DisplayWidth.of(rule) != widest {
            problems.append("rule is \(DisplayWidth.of(rule)) columns, widest line is \(widest)")
        }
        for row in rows {
            let slots = DisplayWidth.slots(row)
            if slots.first == " " && !row.hasPrefix("  ") { problems.append("row starts with one space: \(row)") }
            for start in starts.dropFirst() where start < slots.count {
                // A column start must follow the two-space separator and must not split a wide character.
                if slots[start] == nil { problems.append("a wide character straddles column \(start): \(row)") }
                if slots[start - 1] != " " || slots[start - 2] != " " {
                    problems.append("no separator before column \(start): \(row)")
                }
            }
        }
        return problems
    }
}

/// Every table in a command's output: a line followed by a rule line is a header.
func printedTables(_ output: String) -> [PrintedTable] {
    let lines = output.components(separatedBy: "\n")
    var tables: [PrintedTable] = []
    for index in lines.indices.dropFirst() where !lines[index].isEmpty && lines[index].allSatisfy({ $0 == "─" }) {
        let rows = lines[(index + 1)...].prefix { !$0.isEmpty }
        tables.append(PrintedTable(header: lines[index - 1], rule: lines[index], rows: Array(rows)))
    }
    return tables
}

/// The field block of a `show` (title line, then "label  value" lines up to the first blank
/// line): every value, and every continuation line, must start in the same display column.
func detailAlignmentProblems(_ output: String) -> [String] {
    let block = output.components(separatedBy: "\n").dropFirst().prefix { !$0.isEmpty }
    guard !block.isEmpty else { return ["no field lines"] }
    var valueColumns: Set<Int> = []
    for line in block {
        let slots = DisplayWidth.slots(line)
        var index = 0
        if slots.first != " " {
            // Skip the label up to its two-space gap.
            while index + 1 < slots.count, !(slots[index] == " " && slots[index + 1] == " ") { index += 1 }
        }
        while index < slots.count, slots[index] == " " { index += 1 }
        valueColumns.insert(index)
    }
    return valueColumns.count == 1 ? [] : ["field values start in columns \(valueColumns.sorted())"]
}

// MARK: - JSON

func parseJSON(_ outcome: Outcome) throws -> Any {
    try JSONSerialization.jsonObject(with: outcome.stdoutData, options: [.fragmentsAllowed])
}

func jsonObject(_ outcome: Outcome) throws -> [String: Any] {
    guard let object = try parseJSON(outcome) as? [String: Any] else { throw HarnessError("not a JSON object: \(outcome)") }
    return object
}

func jsonArray(_ outcome: Outcome) throws -> [[String: Any]] {
    guard let array = try parseJSON(outcome) as? [[String: Any]] else { throw HarnessError("not a JSON array of objects: \(outcome)") }
    return array
}

/// Keys anywhere in the tree that are not lower snake_case.
func nonSnakeCaseKeys(_ value: Any) -> [String] {
    if let object = value as? [String: Any] {
        let bad = object.keys.filter { key in
            key.isEmpty || !key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
                || !("a"..."z").contains(key.unicodeScalars.first!)
        }
        return bad + object.values.flatMap(nonSnakeCaseKeys)
    }
    if let array = value as? [Any] { return array.flatMap(nonSnakeCaseKeys) }
    return []
}

// MARK: - CSV

/// What is wrong with a CSV document for Excel/WPS: BOM, CRLF-only line ends, a Chinese header.
func csvProblems(_ data: Data) -> [String] {
    var problems: [String] = []
    let bytes = [UInt8](data)
    if !bytes.starts(with: [0xEF, 0xBB, 0xBF]) { problems.append("no UTF-8 BOM") }
    if bytes.last != 0x0A || bytes.dropLast().last != 0x0D { problems.append("does not end in CRLF") }
    for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
        problems.append("bare LF at byte \(index)")
        break
    }
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    let header = text.components(separatedBy: "\r\n").first ?? ""
    if !header.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) {
        problems.append("header is not Chinese: \(header)")
    }
    return problems
}

/// RFC 4180 records of a CSV document (after the BOM).
func csvRecords(_ data: Data) -> [[String]] {
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    var records: [[String]] = [], record: [String] = [], field = "", quoted = false
    var characters = Array(text.unicodeScalars)[...]
    while let scalar = characters.popFirst() {
        if quoted {
            if scalar == "\"" {
                if characters.first == "\"" { field.unicodeScalars.append(characters.removeFirst()) } else { quoted = false }
            } else { field.unicodeScalars.append(scalar) }
        } else if scalar == "\"" { quoted = true
        } else if scalar == "," { record.append(field); field = ""
        } else if scalar == "\r" { continue
        } else if scalar == "\n" { record.append(field); records.append(record); record = []; field = ""
        } else { field.unicodeScalars.append(scalar) }
    }
    if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
    return records
}

// MARK: - Outcomes

/// Expects a clean success: exit 0 and nothing on stderr.
func expectSuccess(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.stderr.isEmpty, "\(outcome)", sourceLocation: sourceLocation)
}

/// Expects a refusal: the exit code, nothing on stdout, and every fragment in the stderr message.
func expectRefusal(_ outcome: Outcome, _ status: Int32, _ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(outcome.status == status, "\(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.stdout.isEmpty, "\(outcome)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(outcome.stderr.contains(fragment), "missing “\(fragment)” in \(outcome)", sourceLocation: sourceLocation)
    }
}
