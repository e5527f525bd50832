// Helpers for the `sheet` and `overdue` end-to-end tests: a JSON reader that keeps key order and
// number literals (so "52.0" stays "52.0"), readers for the sheet's text, Markdown and CSV
// sections, and a runner for the outside tools (chromium, python3 with openpyxl) that check the
// HTML and XLSX formats. Like Checks.swift, none of it shares code with the CLI's renderers.

import Foundation
import Testing

// MARK: - JSON with order and exact numbers

/// One member of a JSON object.
struct JSONMember: Equatable {
    let key: String
    let value: JSONNode
}

/// A JSON value as written: objects keep their key order, numbers keep their literal text.
indirect enum JSONNode: Equatable, CustomStringConvertible {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    var description: String {
        switch self {
        case .object(let members): "{" + members.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .array(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .string(let text): "\"\(text)\""
        case .number(let literal): literal
        case .bool(let flag): String(flag)
        case .null: "null"
        }
    }

    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var members: [JSONMember] {
        if case .object(let members) = self { return members }
        return []
    }

    var items: [JSONNode] {
        if case .array(let items) = self { return items }
        return []
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number's literal text ("52.0"), nil for anything else.
    var literal: String? {
        if case .number(let literal) = self { return literal }
        return nil
    }

    var isNumber: Bool { literal != nil }

    /// The cell a renderer shows for this value, in the given format (the README's rules:
    /// lists joined with "；", null empty, a flag 是 (and 否 in CSV, empty elsewhere),
    /// CSV text that a spreadsheet would run as a formula prefixed with "'", Markdown on one line).
    func cellText(_ format: CellFormat) -> String {
        switch self {
        case .string(let text):
            switch format {
            case .plain: return text
            case .markdown: return text.replacingOccurrences(of: "\n", with: " ")
            case .terminal:
                let line = String(text.map { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 })
                return line.trimmingCharacters(in: .whitespaces)
            case .csv:
                guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
                return "'" + text
            }
        case .number(let literal): return literal
        case .bool(let flag): return flag ? "是" : (format == .csv ? "否" : "")
        case .null: return ""
        case .array(let items):
            let joined = items.map { $0.cellText(.plain) }.joined(separator: "；")
            return JSONNode.string(joined).cellText(format)
        case .object: return description
        }
    }

    /// plain: the value as text; terminal: on one line (a control character shows as a space) and
    /// trimmed, as a table cell is read back; markdown: on one line; csv: formula-guarded, 否 for false.
    enum CellFormat { case plain, terminal, markdown, csv }

    static func parse(_ data: Data) throws -> JSONNode {
        var parser = JSONNodeParser(bytes: [UInt8](data))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw HarnessError("JSON: trailing bytes at \(parser.index)") }
        return value
    }
}

private struct JSONNodeParser {
    let bytes: [UInt8]
    var index = 0

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    func failure(_ what: String) -> HarnessError { HarnessError("JSON: \(what) at byte \(index)") }

    mutating func expect(_ text: String) throws {
        let expected = Array(text.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else { throw failure("expected \(text)") }
        index += expected.count
    }

    mutating func value() throws -> JSONNode {
        skipSpace()
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [JSONMember] = []
            skipSpace()
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(":")
                members.append(JSONMember(key: key, value: try value()))
                skipSpace()
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect("}")
                return .object(members)
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONNode] = []
            skipSpace()
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                items.append(try value())
                skipSpace()
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect("]")
                return .array(items)
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default:
            let start = index
            while index < bytes.count, "-+.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            guard index > start else { throw failure("unexpected byte \(bytes[index])") }
            let literal = String(decoding: bytes[start..<index], as: UTF8.self)
            guard literal.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/) != nil else { throw failure("bad number \(literal)") }
            return .number(literal)
        }
    }

    mutating func string() throws -> String {
        try expect("\"")
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw = [] }
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { flush(); return String(scalars) }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { throw failure("control character in string") }
                raw.append(byte)
                continue
            }
            flush()
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    try expect("\\u")
                    let low = try hex4()
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw failure("bad \\u escape") }
                scalars.append(scalar)
            default: throw failure("bad escape")
            }
        }
    }

    mutating func hex4() throws -> UInt32 {
        guard bytes.count - index >= 4, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw failure("bad \\u escape")
        }
        index += 4
        return code
    }
}

// MARK: - The sheet

/// The sheet's sections in order, as the README lists them: JSON key, Chinese and English title.
enum SheetSections {
    static let all: [(key: String, chinese: String, english: String)] = [
        ("projects_by_stage", "项目形象进度", "Projects by stage"),
        ("investment", "投资完成情况", "Investment against plan"),
        ("investment_by_month", "投资进度（按月）", "Investment by month"),
        ("milestone_summary", "节点与记录", "Milestones and entries"),
        ("problem_summary", "问题协调", "Problems"),
        ("land", "土地出让", "Land sale"),
        ("tenants_by_park", "园区企业", "Tenants by park"),
        ("targets", "目标完成情况", "Targets"),
        ("projects", "重点项目进度", "Projects"),
        ("overdue", "逾期节点", "Overdue milestones"),
        ("problems", "存在问题及协调事项", "Problems to coordinate"),
        ("parks", "园区和平台", "Parks and platforms"),
        ("parcels", "地块", "Land parcels"),
        ("indicators", "指标和报告数", "Indicators and reported figures"),
        ("corrections", "更正（月末之后记录）", "Corrections recorded after the month"),
    ]
    static let headingKeys = ["zone", "month", "as_of", "generated_at"]
    /// Project kinds in the order the sheet groups them.
    static let kindOrder = ["工业", "基础设施", "社会事业", "商住", "平台"]
}

/// The sheet's JSON, read in order: each section's rows as (key, value) pairs.
struct SheetDocument {
    let root: JSONNode

    init(_ outcome: Outcome) throws {
        root = try JSONNode.parse(outcome.stdoutData)
    }

    init(data: Data) throws {
        root = try JSONNode.parse(data)
    }

    var keys: [String] { root.members.map(\.key) }

    func heading(_ key: String) -> String? { root[key]?.string }

    /// The rows of a section as every other format shows them, each an ordered list of (column
    /// key, value): a choice column's `key` and `key_label` are one cell, the label (see `shown`).
    func rows(_ section: String) -> [[JSONMember]] {
        rawRows(section).map(shown)
    }

    /// The rows of a section exactly as the JSON has them (choice columns as key and label).
    func rawRows(_ section: String) -> [[JSONMember]] {
        (root[section]?.items ?? []).map(\.members)
    }

    /// One row's values by key, as shown (a choice column's value is its label): the first row
    /// whose `column` shows `value`.
    func row(_ section: String, where column: String, is value: String) -> JSONNode? {
        rows(section).map(JSONNode.object).first { $0[column]?.cellText(.plain) == value }
    }
}

/// A JSON row as people see it: a choice column is two members in JSON, its stable English key
/// under `k` and its Chinese label under `k_label` right after it; every other format shows one
/// cell, the label, under the column `k`. A `k` without its `k_label` (or a `k_label` alone) stays
/// as it is, so a renderer that drops the label or shows the key still disagrees with the JSON.
func shown(_ row: [JSONMember]) -> [JSONMember] {
    var result: [JSONMember] = []
    var index = 0
    while index < row.count {
        let member = row[index]
        if index + 1 < row.count, row[index + 1].key == member.key + "_label" {
            result.append(JSONMember(key: member.key, value: row[index + 1].value))
            index += 2
        } else {
            result.append(member)
            index += 1
        }
    }
    return result
}

/// One section of a rendered sheet: its title and, unless it said "none", its table.
struct RenderedSection {
    let title: String
    let header: [String]
    /// Markdown only: the alignment row (" --- " or " ---: ").
    let alignment: [String]
    let rows: [[String]]
    let saidNone: Bool
}

/// A Markdown sheet: "# title", a meta line, then "## section" each followed by a pipe table or a "none" line.
func markdownSections(_ text: String) throws -> (title: String, meta: String, sections: [RenderedSection]) {
    let lines = text.components(separatedBy: "\n")
    guard let first = lines.first, first.hasPrefix("# ") else { throw HarnessError("no # title: \(text.prefix(200))") }
    let meta = lines.count > 2 ? lines[2] : ""
    var sections: [RenderedSection] = []
    var index = 0
    while index < lines.count {
        guard lines[index].hasPrefix("## ") else { index += 1; continue }
        let title = String(lines[index].dropFirst(3))
        index += 1
        while index < lines.count, lines[index].isEmpty { index += 1 }
        guard index < lines.count, lines[index].hasPrefix("|") else {
            sections.append(RenderedSection(title: title, header: [], alignment: [], rows: [], saidNone: index < lines.count && !lines[index].isEmpty))
            continue
        }
        var table: [[String]] = []
        while index < lines.count, lines[index].hasPrefix("|") { table.append(try markdownCells(lines[index])); index += 1 }
        guard table.count >= 2 else { throw HarnessError("table under \(title) has no alignment row") }
        sections.append(RenderedSection(title: title, header: table[0], alignment: table[1], rows: Array(table.dropFirst(2)), saidNone: false))
    }
    return (String(first.dropFirst(2)), meta, sections)
}

/// The cells of a pipe-table line: split at unescaped "|", one space of padding off each side, "\|" back to "|".
func markdownCells(_ line: String) throws -> [String] {
    guard line.hasPrefix("|"), line.hasSuffix("|") else { throw HarnessError("not a table line: \(line)") }
    var parts: [String] = [], current = "", escaped = false
    for character in line {
        if escaped {
            if character != "|" { current.append("\\") }
            current.append(character)
            escaped = false
            continue
        }
        if character == "\\" { escaped = true; continue }
        if character == "|" { parts.append(current); current = ""; continue }
        current.append(character)
    }
    guard current.isEmpty, parts.first == "" else { throw HarnessError("table line does not start and end with |: \(line)") }
    return try parts.dropFirst().map { part in
        guard part.hasPrefix(" "), part.hasSuffix(" "), part.count >= 2 else { throw HarnessError("cell “\(part)” is not padded by one space: \(line)") }
        return String(part.dropFirst().dropLast())
    }
}

/// A sectioned CSV (title record, header, rows; sections split by an empty line) as sections.
func csvSections(_ data: Data) -> [RenderedSection] {
    var sections: [RenderedSection] = []
    var block: [[String]] = []
    func close() {
        guard !block.isEmpty else { return }
        let title = block[0].first ?? ""
        sections.append(RenderedSection(title: title, header: block.count > 1 ? block[1] : [], alignment: [],
                                        rows: Array(block.dropFirst(2)), saidNone: false))
        block = []
    }
    for record in csvRecords(data) {
        if record == [""] { close() } else { block.append(record) }
    }
    close()
    return sections
}

/// Line ends outside quoted fields that are not CRLF (csvProblems counts any bare LF, even one inside a cell).
func csvLineEndProblems(_ data: Data) -> [String] {
    var quoted = false, previous: UInt8 = 0
    for (index, byte) in data.enumerated() {
        if byte == UInt8(ascii: "\"") { quoted.toggle() }
        if byte == 0x0A, !quoted, previous != 0x0D { return ["bare LF outside a quoted field at byte \(index)"] }
        previous = byte
    }
    return quoted ? ["unterminated quoted field"] : []
}

/// A terminal sheet: the title, the as-of line, then "【section】" each followed by a table or a "none" line.
func textSections(_ text: String) -> (title: String, meta: String, sections: [(title: String, table: PrintedTable?, body: [String])]) {
    let lines = text.components(separatedBy: "\n")
    var sections: [(title: String, table: PrintedTable?, body: [String])] = []
    var index = 0
    while index < lines.count {
        let line = lines[index]
        guard line.hasPrefix("【"), line.hasSuffix("】") else { index += 1; continue }
        let title = String(line.dropFirst().dropLast())
        let body = Array(lines[(index + 1)...].prefix { !$0.isEmpty })
        let table = body.count >= 2 && body[1].allSatisfy({ $0 == "─" }) && !body[1].isEmpty
            ? PrintedTable(header: body[0], rule: body[1], rows: Array(body.dropFirst(2))) : nil
        sections.append((title, table, body))
        index += 1 + body.count
    }
    return (lines.first ?? "", lines.count > 1 ? lines[1] : "", sections)
}

/// Every difference between a rendered section's rows and the JSON's rows for it, cell by cell
/// (a choice column compared with its label, as `shown` says).
func cellMismatches(_ rendered: [[String]], _ json: [[JSONMember]], format: JSONNode.CellFormat,
                    section: String) -> [String] {
    let json = json.map(shown)
    var problems: [String] = []
    if rendered.count != json.count { problems.append("\(section): \(rendered.count) rows, JSON has \(json.count)") }
    for (index, (row, expected)) in zip(rendered, json).enumerated() {
        if row.count != expected.count { problems.append("\(section) row \(index + 1): \(row.count) cells, JSON has \(expected.count)") }
        for (cell, pair) in zip(row, expected) where cell != pair.value.cellText(format) {
            problems.append("\(section) row \(index + 1) \(pair.key): “\(cell)”, JSON \(pair.value)")
        }
    }
    return problems
}

// MARK: - Outside tools

/// What an outside program produced.
struct ToolOutcome: CustomStringConvertible {
    let command: [String]
    let status: Int32
    let stdout: String
    let stderr: String
    var description: String { "\(command.joined(separator: " ")) → exit \(status)\n--- stdout\n\(stdout.prefix(3000))\n--- stderr\n\(stderr.suffix(3000))" }
}

enum Tools {
    /// The first of `names` found on PATH.
    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static let chromium: String? = find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
    static let python3: String? = find(["python3"])

    /// Whether python3 can import openpyxl (scripts/install-deps installs it).
    static let openpyxl: Bool = {
        guard let python3, let outcome = try? run(python3, ["-c", "import openpyxl"], timeout: 60) else { return false }
        return outcome.status == 0
    }()

    /// The repository root (Tests/EndToEndTests/Support/ is three folders below it).
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a program with output to files (never a full pipe), killing it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120,
                    environment: [String: String]? = nil, in folder: URL? = nil) throws -> ToolOutcome {
        let io = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-tool-\(UUID().uuidString)")
        let outURL = io.appendingPathExtension("out"), errURL = io.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let folder { process.currentDirectoryURL = folder }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            process.terminate()
            process.waitUntilExit()
        }
        try out.close()
        try err.close()
        let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return ToolOutcome(command: [executable] + arguments, status: timedOut ? -1 : process.terminationStatus,
                           stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                           stderr: timedOut ? "timed out after \(timeout) s\n" + stderr : stderr)
    }

    /// python3 running `script` (a program text) with `arguments`.
    static func python(_ script: String, _ arguments: [String], timeout: TimeInterval = 120) throws -> ToolOutcome {
        guard let python3 else { throw HarnessError("python3 is not on PATH: run scripts/install-deps") }
        return try run(python3, ["-c", script] + arguments, timeout: timeout)
    }
}

/// A small PNG reader in Python with only zlib (PIL may be absent): decodes 8-bit RGB/RGBA/grey,
/// undoes the scanline filters, and prints "WIDTH HEIGHT NONWHITE DARK": colour samples below 240
/// (not white) and below 128 (ink: text, borders), each divided by the colour channels, so about pixels.
let pngCensusScript = #"""
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, header = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
assert depth == 8 and interlace == 0, "unsupported PNG: depth %d interlace %d" % (depth, interlace)
n = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
raw = zlib.decompress(idat)
stride = width * n
previous = bytes(stride)
light = bytes(0 if v >= 240 else 1 for v in range(256))
ink = bytes(1 if v < 128 else 0 for v in range(256))
nonwhite = dark = 0
offset = 0
for _ in range(height):
    kind = raw[offset]
    line = bytearray(raw[offset + 1:offset + 1 + stride])
    offset += 1 + stride
    if kind == 1:
        for i in range(n, stride): line[i] = (line[i] + line[i - n]) & 255
    elif kind == 2:
        line = bytearray((x + y) & 255 for x, y in zip(line, previous))
    elif kind == 3:
        for i in range(stride): line[i] = (line[i] + ((line[i - n] if i >= n else 0) + previous[i]) // 2) & 255
    elif kind == 4:
        p = previous
        for i in range(stride):
            if i < n:
                line[i] = (line[i] + p[i]) & 255
                continue
            a = line[i - n]; b = p[i]; c = p[i - n]
            pa = b - c if b > c else c - b
            pb = a - c if a > c else c - a
            pc = a + b - c - c
            if pc < 0: pc = -pc
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    pixels = bytes(line) if n in (1, 3) else bytes(v for i, v in enumerate(line) if i % n != n - 1)
    nonwhite += pixels.translate(light).count(1)
    dark += pixels.translate(ink).count(1)
    previous = line
colours = 1 if n <= 2 else 3
print(width, height, nonwhite // colours, dark // colours)
"""#

// MARK: - Sheet runs

/// SOURCE_DATE_EPOCH for every sheet run: 2023-11-14 22:13:20 UTC, so "generated" is pinned.
enum SheetPin {
    static let epoch = "1700000000"
    static let generated = "2023-11-14 22:13"
    static var environment: [String: String?] { ["SOURCE_DATE_EPOCH": epoch] }
}

extension Sandbox {
    /// `zoneledger sheet ARGS --db <ledger>` with SOURCE_DATE_EPOCH pinned.
    func sheet(_ arguments: String..., environment: [String: String?] = [:]) throws -> Outcome {
        try run(["sheet"] + arguments + ["--db", ledger], environment: SheetPin.environment.merging(environment) { $1 })
    }

    /// The names in a folder (the sandbox's ledger folder by default), hidden ones included, sorted.
    /// The names in a folder (the sandbox's own by default), sorted. On the PostgreSQL pass the
    /// sandbox's ledger counts among its own folder's names once its database is made, so a test
    /// reads "the ledger and nothing else" alike on both passes.
    func listing(_ folder: String? = nil) -> [String] {
        var names = (try? FileManager.default.contentsOfDirectory(atPath: folder ?? folderPath)) ?? ["<unreadable>"]
        if folder == nil || folder == folderPath, database?.url != nil { names.append(Self.ledgerName) }
        return names.sorted()
    }

    /// The November entries `enriched()` adds to the seeded ledger, as CLI arguments (without --db).
    static let enrichingSteps: [[String]] = [
        ["project", "add", #"=HYPERLINK("x")|管道"#, "--kind", "工业", "--investment", "3.5亿元", "--on", "2020-11-20"],
        ["project", "update", "P37", "--progress", "40", "--note", "第一行\n第二行, \"引号\" <script>alert(1)</script>", "--on", "2020-11-25"],
        ["project", "update", "P5", "--progress", "35", "--on", "2020-11-30"],
        ["milestone", "add", "完成设计", "--project", "P37", "--due", "2020-11-25", "--department", "规划科", "--on", "2020-11-21"],
        ["milestone", "reschedule", "M8", "--due", "2020-11-27", "--reason", "设计调整", "--on", "2020-11-24"],
        // Investment against plan, and who answers for it: every money column and percentage filled.
        ["project", "plan", "P1", "--year", "2020", "--investment", "8000万元", "--image", "主体结顶, \"封顶\"", "--on", "2020-11-05"],
        ["project", "update", "P1", "--invested-total", "1.2亿元", "--on", "2020-10-31"],
        ["project", "update", "P1", "--invested", "600万元", "--on", "2020-11-10"],
        ["project", "update", "P1", "--invested-ytd", "2345.67万元", "--on", "2020-11-30"],
        ["project", "edit", "P37", "--leader", "分管副主任", "--scope", "新建厂房5万平方米，含\"研发楼\"", "--department", "经发局",
         "--owner", "某某科技有限公司", "--on", "2020-11-20"],
        // Problems: one overdue with a unit, a leader and a comma in its words, one resolved in the month.
        ["problem", "add", "P37", "用地指标未落实, \"待省批\"", "--department", "自然资源分局", "--leader", "分管副主任",
         "--due", "2020-11-26", "--on", "2020-11-21"],
        ["problem", "add", "P37", "施工用电未接入", "--on", "2020-11-22"],
        ["problem", "resolve", "W2", "--note", "已接入临时用电", "--on", "2020-11-28"],
    ]

    /// The seeded ledger plus November entries that exercise every kind of cell: a project whose
    /// name holds a pipe and starts like a formula (P37, 3.5亿元, 40%), a note over two lines with a
    /// comma, quotes and markup, progress on P5 (35%), an overdue, rescheduled milestone (M8), and
    /// problems on P37: W1 overdue, W2 raised and resolved in November.
    @discardableResult
    func enriched() throws -> String {
        try seeded()
        let steps = Self.enrichingSteps
        for step in steps {
            let outcome = try run(step + ["--db", ledger])
            guard outcome.status == 0 else { throw HarnessError("enriching the ledger failed: \(outcome)") }
        }
        return ledger
    }
}
