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
///
/// The columns are found without trusting the renderer: a separator is a run of display
/// columns that is blank on every line (header and rows). Every cell is padded to its column's
/// width, and the widest cell of a column reaches its edge, so in a sound table the only such
/// run between two header labels is exactly the two-space separator (one column more after a
/// cell cut with "…"). A table padded by `String.count` instead of display width breaks this
/// as soon as a row holds Chinese text (HarnessTests shows the check catching it).
struct PrintedTable {
    let header: String
    let rule: String
    let rows: [String]
    /// The header labels, and each column's display range (nil end: to the end of the line).
    private(set) var labels: [String] = []
    private(set) var extents: [(start: Int, end: Int?)] = []
    private(set) var problems: [String] = []

    init(header: String, rule: String, rows: [String]) {
        self.header = header
        self.rule = rule
        self.rows = rows
        let headerSlots = DisplayWidth.slots(header)
        // Labels: runs of the header separated by two or more spaces.
        var labelRanges: [Range<Int>] = []
        var index = 0
        while index < headerSlots.count {
            guard headerSlots[index] != " " else { index += 1; continue }
            var end = index
            while end < headerSlots.count, !(headerSlots[end] == " " && (end + 1 == headerSlots.count || headerSlots[end + 1] == " ")) {
                end += 1
            }
            labelRanges.append(index..<end)
            index = end
        }
        labels = labelRanges.map { String(headerSlots[$0].compactMap { $0 }) }
        if !rule.allSatisfy({ $0 == "─" }) { problems.append("rule is not all ─: \(rule)") }
        let lines = [header] + rows
        let widest = lines.map(DisplayWidth.of).max() ?? 0
        if DisplayWidth.of(rule) != widest { problems.append("rule is \(DisplayWidth.of(rule)) columns wide, widest line \(widest)") }
        let allSlots = lines.map(DisplayWidth.slots)
        func blankEverywhere(_ column: Int) -> Bool { allSlots.allSatisfy { column >= $0.count || $0[column] == " " } }
        var start = 0
        for (left, right) in zip(labelRanges, labelRanges.dropFirst()) {
            // Runs of columns blank on every line, between the two labels.
            var runs: [Range<Int>] = []
            var column = left.upperBound
            while column < right.lowerBound {
                guard blankEverywhere(column) else { column += 1; continue }
                var end = column
                while end < right.lowerBound, blankEverywhere(end) { end += 1 }
                runs.append(column..<end)
                column = end
            }
            let separators = runs.filter { $0.count >= 2 }
            // One column more is fine where a cell was cut: "…" after a cut wide character
            // can leave the cell one column short of its column's edge.
            let cut = separators.count == 1 && separators[0].count == 3
                && allSlots.contains { separators[0].lowerBound - 1 < $0.count && $0[separators[0].lowerBound - 1] == "…" }
            if separators.count != 1 || (separators[0].count != 2 && !cut) {
                problems.append("between “\(labels[extents.count])” and the next column, blank runs \(runs) instead of one two-column separator")
            }
            let separator = separators.first.map { $0.upperBound - 2..<$0.upperBound } ?? (left.upperBound..<right.lowerBound)
            extents.append((start, separator.lowerBound))
            start = separator.upperBound
        }
        extents.append((start, nil))
    }

    /// The cell under `column` in the row whose first cell is `key`, cut at the column's range.
    func cell(_ column: String, row key: String) -> String? {
        guard let index = labels.firstIndex(of: column),
              let row = rows.first(where: { cell(0, of: $0) == key }) else { return nil }
        return cell(index, of: row)
    }

    func cell(_ index: Int, of row: String) -> String {
        let slots = DisplayWidth.slots(row)
        let (start, end) = extents[index]
        let stop = min(end ?? slots.count, slots.count)
        guard start < stop else { return "" }
        return String(slots[start..<stop].compactMap { $0 }).trimmingCharacters(in: .whitespaces)
    }

    /// Everything out of line, described; empty when the table is sound.
    var alignmentProblems: [String] {
        labels.count < 2 ? problems + ["header has fewer than two columns: \(header)"] : problems
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

/// A JSON number as a Double, however JSONSerialization boxed it; nil for text, null or nothing.
func jsonNumber(_ value: Any?) -> Double? {
    guard let value, !(value is String), !(value is NSNull) else { return nil }
    if let int = value as? Int { return Double(int) }
    if let double = value as? Double { return double }
    return (value as? NSNumber)?.doubleValue
}
