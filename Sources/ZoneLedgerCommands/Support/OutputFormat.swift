import ArgumentParser
import Foundation
import ZoneLedgerCore

/// The formats of every list and show. JSON is the stable contract for scripts;
/// the table is for people; CSV opens in Excel and WPS.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "输出格式：table（终端表格）、json（给脚本）、csv（Excel/WPS，UTF-8 带 BOM）")
    var format: OutputFormat = .table
}

/// Rendering per format; the bytes leave through StandardStreams.swift.
enum Output {
    static func emit(_ table: ZoneLedgerCore.Table, _ format: OutputFormat) throws {
        switch format {
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
