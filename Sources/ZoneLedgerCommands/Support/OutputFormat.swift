import ArgumentParser
import Foundation
import ZoneLedgerCore

/// Every format zoneledger writes, one enum for every command; each command says which of them
/// it writes (a `Formats` set). JSON is the stable contract for scripts; the table is for people
/// (the sheet calls it `text`, and either name is accepted wherever it is offered); CSV opens in
/// Excel and WPS; md, html and xlsx are the sheet's.
enum OutputFormat: String, CaseIterable, Sendable {
    case table, md, csv, json, html, xlsx

    /// The format a name on the command line means: its own name, or `text` for the table.
    static func named(_ text: String) -> OutputFormat? {
        let lowered = text.lowercased()
        return lowered == "text" ? .table : OutputFormat(rawValue: lowered)
    }

    /// Bytes a terminal cannot show: refused on a terminal without --out.
    var isBinary: Bool { self == .xlsx }
}

/// The formats one command writes, in the order its help lists them, with its default.
protocol Formats {
    static var formats: [OutputFormat] { get }
    static var defaultFormat: OutputFormat { get }
    /// What each format is, for the help.
    static func describe(_ format: OutputFormat) -> String
    /// The name the help gives the table: `table`, or `text` for the sheet.
    static var tableName: String { get }
}

extension Formats {
    static var tableName: String { "table" }

    static func name(_ format: OutputFormat) -> String { format == .table ? tableName : format.rawValue }

    /// The --format help: exactly this command's formats, each with what it is.
    static var help: ArgumentHelp {
        let listed = formats.map { "\(name($0))（\(describe($0))）" }.joined(separator: "、")
        let alias = formats.contains(.table) ? "；\(tableName == "table" ? "text" : "table") 同 \(tableName)" : ""
        return ArgumentHelp("输出格式：\(listed)\(alias)", valueName: "format")
    }
}

/// Lists, shows, the log, the zone, figures and overdue.
enum TableFormats: Formats {
    static let formats: [OutputFormat] = [.table, .json, .csv]
    static let defaultFormat = OutputFormat.table
    static func describe(_ format: OutputFormat) -> String {
        switch format {
        case .table: "终端表格"
        case .json: "给脚本"
        case .csv: "Excel/WPS，UTF-8 带 BOM"
        default: ""
        }
    }
}

/// The monthly sheet.
enum SheetFormats: Formats {
    static let formats: [OutputFormat] = [.table, .md, .csv, .json, .html, .xlsx]
    static let defaultFormat = OutputFormat.table
    static let tableName = "text"
    static func describe(_ format: OutputFormat) -> String {
        switch format {
        case .table: "终端"
        case .md: "Markdown"
        case .csv: "UTF-8 带 BOM，分节"
        case .json: "给脚本"
        case .html: "可打印，A4横向"
        case .xlsx: "Excel 工作簿"
        }
    }
}

/// The whole ledger's export.
enum ExportFormats: Formats {
    static let formats: [OutputFormat] = [.csv, .json]
    static let defaultFormat = OutputFormat.csv
    static func describe(_ format: OutputFormat) -> String {
        switch format {
        case .csv: "每类一个文件，须 --out"
        case .json: "一个文件，各类为其成员"
        default: ""
        }
    }
}

/// A --format value for a command whose formats are `F`: the parser accepts exactly those (by
/// name, or `text`/`table` for the table), lists exactly those in the help, and refuses any other
/// as a usage error (exit 64) that names them.
struct FormatChoice<F: Formats>: ExpressibleByArgument, Equatable, Sendable, AnyFormatChoice {
    let value: OutputFormat

    init(_ value: OutputFormat) { self.value = value }

    init?(argument: String) {
        guard let format = OutputFormat.named(argument), F.formats.contains(format) else { return nil }
        value = format
    }

    static var allValueStrings: [String] { F.formats.map(F.name) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { F.name(value) }
}

/// A --format value whatever the command's formats.
protocol AnyFormatChoice {
    var value: OutputFormat { get }
}

/// The --format option of every list and show, the log, the zone and overdue.
struct FormatOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: TableFormats.help)
    var choice = FormatChoice<TableFormats>(TableFormats.defaultFormat)

    var format: OutputFormat { choice.value }
}

/// Rendering per format; the bytes leave through StandardStreams.swift.
enum Output {
    static func emit(_ table: ZoneLedgerCore.Table, _ format: OutputFormat) throws {
        switch format {
        case .md, .html, .xlsx: throw unsupported(format, TableFormats.self)
        case .table:
            try write(table.rows.isEmpty ? "（无）\n" : textTable(table).render(maxWidth: Terminal.columns()))
        case .json:
            try write(json(table).serialized() + "\n")
        case .csv:
            try write(CSVWriter.document(header: table.columns.map(\.label), rows: table.rows.map { $0.map(csvCell) }))
        }
    }

    static func emit(_ detail: Detail, _ format: OutputFormat) throws {
        switch format {
        case .md, .html, .xlsx: throw unsupported(format, TableFormats.self)
        case .table:
            var text = detail.title + "\n"
            let width = detail.fields.map(\.0.label.displayWidth).max() ?? 0
            for (column, cell) in detail.fields where cell != .empty && cell != .flag(false) {
                let value = if case .list(let lines) = cell { lines.joined(separator: "\n" + String(repeating: " ", count: width + 2)) } else { display(cell) }
                text += column.label.padded(toWidth: width) + "  " + value + "\n"
            }
            for section in detail.sections {
                text += "\n" + section.label + "\n"
                text += section.table.rows.isEmpty ? "（无）\n" : textTable(section.table).render(maxWidth: Terminal.columns())
            }
            try write(text)
        case .json:
            var object = detail.fields.flatMap { jsonMembers($0.0, $0.1) }
            for section in detail.sections { object.append((section.key, json(section.table))) }
            try write(JSONValue.object(object).serialized() + "\n")
        case .csv:
            var sections: [(title: String, header: [String], rows: [[CSVCell]])] = [
                (detail.title, ["字段", "值"], detail.fields.map { [.text($0.0.label), csvCell($0.1)] }),
            ]
            for section in detail.sections {
                sections.append((section.label, section.table.columns.map(\.label), section.table.rows.map { $0.map(csvCell) }))
            }
            try write(CSVWriter.sections(sections))
        }
    }

    /// Several titled tables, written as their rows come: one JSON object keyed by section, CSV
    /// sections, or text tables one after another.
    static func emitStreams(_ sections: [(key: String, title: String, rows: RowStream)], heading: [(String, Cell)],
                            format: OutputFormat, to sink: OutputSink) throws {
        switch format {
        case .md, .html, .xlsx: throw unsupported(format, TableFormats.self)
        case .table:
            for (index, section) in sections.enumerated() {
                let table = try SpilledTextTable(section.rows)
                try sink.write((index > 0 ? "\n" : "") + "\(section.title)：\(table.count)项\n")
                if table.count > 0 { try table.render(maxWidth: Terminal.columns(), to: sink) }
            }
        case .json:
            try StreamJSON.write(heading: heading.map { ($0.0, jsonValue($0.1)) }, sections: sections.map { ($0.key, $0.rows) }, to: sink)
        case .csv:
            try StreamCSV.write(sections.map { ($0.title, $0.rows.columns.map(\.label), $0.rows) }, to: sink)
        }
    }

    /// For people: columns empty in every row are left out (JSON and CSV keep them), and only
    /// free text gives way when the terminal is narrow; codes, dates and numbers are never cut.
    static func textTable(_ table: ZoneLedgerCore.Table, label: (Column) -> String = \.label, dropEmpty: Bool = true) -> TextTable {
        let kept = table.columns.indices.filter { index in !dropEmpty || table.rows.contains { !$0[index].plain.isEmpty } }
        return TextTable(
            columns: kept.map { index in
                let column = table.columns[index]
                let dates = table.rows.contains { if case .day = $0[index] { true } else { false } }
                return TextTable.Column(header: label(column), alignment: column.numeric ? .right : .left,
                                        shrinkable: !column.numeric && !dates && column.key != "code")
            },
            rows: table.rows.map { row in kept.map { display(row[$0]) } })
    }

    static func display(_ cell: Cell) -> String { cell.plain }

    /// A format the command does not write (the parser refuses it first; this is for callers).
    static func unsupported<F: Formats>(_ format: OutputFormat, _ formats: F.Type) -> LedgerError {
        .usage("不支持 --format \(F.name(format))：可选 \(F.formats.map(F.name).joined(separator: "、"))")
    }

    static func json(_ table: ZoneLedgerCore.Table) -> JSONValue {
        .array(table.rows.map { jsonObject(table.columns, $0) })
    }

    static func jsonObject(_ columns: [Column], _ row: [Cell]) -> JSONValue {
        .object(zip(columns, row).flatMap { jsonMembers($0, $1) })
    }

    /// A cell as JSON members: an enumeration is its stable English key under the column's key and
    /// its Chinese label under `key_label` ("stage": "started", "stage_label": "开工").
    static func jsonMembers(_ column: Column, _ cell: Cell) -> [(String, JSONValue)] {
        guard column.choice else { return [(column.key, jsonValue(cell))] }
        if case .choice(let key, let label) = cell { return [(column.key, .string(key)), (column.key + "_label", .string(label))] }
        return [(column.key, cell == .empty ? .null : jsonValue(cell)), (column.key + "_label", cell == .empty ? .null : .string(cell.plain))]
    }

    static func jsonValue(_ cell: Cell) -> JSONValue {
        switch cell {
        case .text(let text): .string(text)
        case .number(let number): .number(number)
        case .integer(let value): .int(Int(value))
        case .day(let day): .string(day.iso)
        case .flag(let flag): .bool(flag)
        case .list(let items): .array(items.map(JSONValue.string))
        case .choice(let key, _): .string(key)
        case .empty: .null
        }
    }

    static func csvCell(_ cell: Cell) -> CSVCell {
        switch cell {
        case .number(let number): .number(number)
        case .integer(let value): .number(String(value))
        case .flag(let flag): .text(flag ? "是" : "否")
        default: .text(cell.plain)
        }
    }
}
