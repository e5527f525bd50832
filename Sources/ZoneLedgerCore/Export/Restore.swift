import Foundation
import GRDB

/// The export's whole-truth files: every batch, subject, figure, entry and void as stored, ids
/// kept, links by code. Machine files: English headers, stored keys, no units.
public enum RestoreFile: String, CaseIterable, Sendable {
    case batches, subjects, figureRecords = "figure-records", entries, voids

    var columns: [String] {
        switch self {
        case .batches: ["id", "recorded_at", "author", "command", "part_of", "undoes"]
        case .subjects: ["kind", "id", "code", "created_batch", "quote"]
        case .figureRecords: ["id", "code", "category", "metric", "key", "park", "period_from", "period_to", "known_on", "value", "unit",
                              "approximate", "yoy_percent", "batch_id", "quote"]
        case .entries: ["id", "batch_id", "kind", "subject", "effective_on", "action", "correction", "note"] + Entry.fieldColumns
        case .voids: ["kind", "id", "batch_id"]
        }
    }

    /// Columns a file from an older zoneledger lacks; read as empty: every entry column from
    /// `owner` on, which migration 0009 appended (a project's owner, leader, scope, investment reports).
    var addedLater: Set<String> {
        self == .entries ? Set(Entry.fieldColumns.drop { $0 != "owner" }) : []
    }

    func rows(in db: Session) throws -> [[Cell]] {
        func text(_ value: DatabaseValue) -> Cell {
            switch value.storage {
            case .null: .empty
            case .int64(let number): .integer(number)
            case .string(let string): .text(string)
            default: .text(String(describing: value))
            }
        }
        switch self {
        case .batches:
            return try SessionRow.fetchAll(db, sql: "SELECT id, recorded_at, author, command, part_of, undoes FROM batch ORDER BY id")
                .map { row in (0..<6).map { text(row[$0]) } }
        case .subjects:
            return try SubjectKind.allCases.flatMap { kind in
                try SessionRow.fetchAll(db, sql: "SELECT id, code, created_batch, quote FROM \(kind.table) ORDER BY id").map { row in
                    [.text(kind.rawValue)] + (0..<4).map { text(row[$0]) }
                }
            }
        case .figureRecords:
            return try SessionRow.fetchAll(db, sql: """
                SELECT f.id, f.code, f.category, f.metric, f.key, y.code, f.period_from, f.period_to, f.known_on, f.value, f.unit,
                  f.approximate, f.yoy_percent, f.batch_id, f.quote
                FROM figure f LEFT JOIN park y ON y.id = f.park_id ORDER BY f.id
                """).map { row in (0..<15).map { text(row[$0]) } }
        case .entries:
            let links = ["set_project_id": SubjectKind.project, "set_parcel_id": .parcel, "set_park_id": .park, "set_tenant_id": .tenant]
            return try SessionRow.fetchAll(db, sql: "SELECT * FROM entry ORDER BY id").map { row in
                let entry = try Entry(row: row)
                var cells: [Cell] = [.integer(entry.id ?? 0), .integer(entry.batchId), .text(entry.subject.kind.rawValue),
                                     .text(Ledger.code(entry.subject.kind, entry.subject.id, in: db) ?? ""), .day(entry.effectiveOn),
                                     .text(entry.action.rawValue), .integer(entry.correction ? 1 : 0), .optional(entry.note)]
                for (index, column) in Entry.fieldColumns.enumerated() {
                    let value = entry.values[index]
                    if let kind = links[column] {
                        cells.append(.optional(Int64.fromDatabaseValue(value).flatMap { Ledger.code(kind, $0, in: db) }))
                    } else {
                        cells.append(text(value))
                    }
                }
                return cells
            }
        case .voids:
            let entries = try SessionRow.fetchAll(db, sql: "SELECT entry_id, batch_id FROM entry_void ORDER BY entry_id")
                .map { [Cell.text("entry"), .integer($0[0]), .integer($0[1])] }
            let figures = try SessionRow.fetchAll(db, sql: "SELECT f.code, v.batch_id FROM figure_void v JOIN figure f ON f.id = v.figure_id ORDER BY v.figure_id")
                .map { [Cell.text("figure"), .text($0[0]), .integer($0[1])] }
            return entries + figures
        }
    }
}

/// A restore's input: each whole-truth file's rows by column name, with their line numbers.
public struct RestoreTable: Sendable {
    public let file: RestoreFile
    public let name: String
    let rows: [(line: Int, values: [String: String])]
}

extension Ledger {
    /// Whether the ledger has nothing in it yet (no command ever wrote to it): only then can an
    /// export be restored into it with its ids, batches and times.
    func isEmpty(_ db: Session) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM batch") == 0
    }

    static func restoreTable(_ file: RestoreFile, name: String, records: [CSVRecord]) throws -> RestoreTable {
        guard let header = records.first else { throw LedgerError.data("“\(name)”是空文件") }
        let names = header.fields
        for column in file.columns where !names.contains(column) && !file.addedLater.contains(column) {
            throw LedgerError.data("\(name) 第\(header.line)行：缺少列“\(column)”（这是 zoneledger export 写的文件吗？）")
        }
        return RestoreTable(file: file, name: name, rows: records.dropFirst().map { record in
            (record.line, Dictionary(zip(names, record.fields + Array(repeating: "", count: max(0, names.count - record.fields.count))),
                                     uniquingKeysWith: { first, _ in first }))
        })
    }

    /// Replays an export into this empty ledger: batches, subjects, figures, entries and voids with
    /// their ids, then the spans rebuilt from them. Every value is checked as the schema and the
    /// commands check it; a ledger the export could not have come from is refused whole.
    func restore(_ tables: [RestoreFile: RestoreTable], zone: (name: String, reportDay: Day?)?, today: Day, in db: Session) throws {
        guard try isEmpty(db) else { throw LedgerError.data("账本已有记录：完整恢复只能导入到空账本（zoneledger init --empty）") }
        func each(_ file: RestoreFile, _ body: (String, (String) -> String?) throws -> Void) throws {
            guard let table = tables[file] else { return }
            for row in table.rows {
                let value = { (column: String) -> String? in row.values[column].flatMap { $0.isEmpty ? nil : Self.unguarded($0) } }
                do { try body(table.name, value) } catch let error as LedgerError {
                    throw LedgerError.data("\(table.name) 第\(row.line)行：\(error.message)")
                } catch let error as DatabaseError {
                    throw LedgerError.data("\(table.name) 第\(row.line)行：\(translate(error).message)")
                }
            }
        }
        func integer(_ text: String?, _ what: String) throws -> Int64? {
            guard let text else { return nil }
            guard let value = Int64(text) else { throw LedgerError.data("\(what)“\(text)”不是整数") }
            return value
        }
        if let zone {
            try db.execute(sql: "UPDATE zone SET name = ?, report_day = ? WHERE id = 1",
                           arguments: [try Validate.name(zone.name, what: "开发区名称"), zone.reportDay])
        }
        try each(.batches) { _, value in
            var batch = Batch(id: try integer(value("id"), "id"), recordedAt: value("recorded_at") ?? "", author: value("author") ?? "",
                              command: value("command") ?? "", partOf: try integer(value("part_of"), "part_of"),
                              undoes: try integer(value("undoes"), "undoes"))
            guard !batch.recordedAt.isEmpty, Day(iso: String(batch.recordedAt.prefix(10))) != nil else {
                throw LedgerError.data("记录时间“\(batch.recordedAt)”无效")
            }
            try batch.insertPrepared(db)
        }
        var ids: [SubjectKind: [String: Int64]] = [:]
        try each(.subjects) { _, value in
            guard let kind = value("kind").flatMap(SubjectKind.init(rawValue:)) else { throw LedgerError.data("对象类别“\(value("kind") ?? "")”无效") }
            var row = SubjectRow(kind: kind, id: try integer(value("id"), "id"), code: try Validate.code(value("code")) ?? "",
                                 createdBatch: try integer(value("created_batch"), "created_batch") ?? 0, quote: value("quote"))
            try row.insertPrepared(db)
            ids[kind, default: [:]][row.code] = row.id
        }
        func id(_ kind: SubjectKind, _ code: String?) throws -> Int64? {
            guard let code else { return nil }
            guard let id = ids[kind]?[code] else { throw LedgerError.data("找不到\(kind.label)“\(code)”") }
            return id
        }
        try each(.figureRecords) { _, value in
            guard let category = value("category").flatMap(FigureCategory.init(rawValue:)),
                  let from = value("period_from").flatMap(Day.init(iso:)), let to = value("period_to").flatMap(Day.init(iso:)),
                  let known = value("known_on").flatMap(Day.init(iso:)), let batch = try integer(value("batch_id"), "batch_id") else {
                throw LedgerError.data("数据的类别、统计期、获知日期或批次无效")
            }
            var figure = Figure(id: try integer(value("id"), "id"), code: try Validate.code(value("code")) ?? "", category: category,
                                metric: try Validate.name(value("metric") ?? "", what: "指标名称"), key: value("key"),
                                parkId: try id(.park, value("park")), periodFrom: from, periodTo: to, knownOn: known,
                                value: value("value") ?? "", unit: try Validate.unit(value("unit") ?? ""),
                                approximate: value("approximate") == "1", yoyPercent: value("yoy_percent"), batchId: batch, quote: value("quote"))
            try figure.insertPrepared(db)
        }
        let links = ["set_project_id": SubjectKind.project, "set_parcel_id": .parcel, "set_park_id": .park, "set_tenant_id": .tenant]
        try each(.entries) { _, value in
            guard let kind = value("kind").flatMap(SubjectKind.init(rawValue:)), let day = value("effective_on").flatMap(Day.init(iso:)),
                  let action = value("action").flatMap(EntryAction.init(rawValue:)), let batch = try integer(value("batch_id"), "batch_id") else {
                throw LedgerError.data("记录的对象类别、生效日期、动作或批次无效")
            }
            guard let subject = try id(kind, value("subject")) else { throw LedgerError.data("记录缺少对象") }
            guard day <= today else { throw LedgerError.data("生效日期“\(day.iso)”晚于今天（\(today.iso)）") }
            var entry = Entry(batchId: batch, on: day, action: action, subject: SubjectID(kind: kind, id: subject))
            entry.id = try integer(value("id"), "id")
            entry.correction = value("correction") == "1"
            entry.note = try Validate.note(value("note"))
            for column in Entry.fieldColumns {
                guard let text = row(value, column) else { continue }
                if let linked = links[column] {
                    entry[column] = try id(linked, text)?.databaseValue ?? .null
                } else if Entry.integerFieldColumns.contains(column) {
                    entry[column] = try integer(text, column)?.databaseValue ?? .null
                } else {
                    entry[column] = text.databaseValue
                }
            }
            try entry.insertPrepared(db)
        }
        try each(.voids) { _, value in
            let batch = try integer(value("batch_id"), "batch_id")
            switch value("kind") {
            case "entry": try db.execute(sql: "INSERT INTO entry_void(entry_id, batch_id) VALUES (?, ?)", arguments: [try integer(value("id"), "id"), batch])
            case "figure":
                guard let figure = try Int64.fetchOne(db, sql: "SELECT id FROM figure WHERE code = ?", arguments: [value("id")]) else {
                    throw LedgerError.data("找不到数据“\(value("id") ?? "")”")
                }
                try db.execute(sql: "INSERT INTO figure_void(figure_id, batch_id) VALUES (?, ?)", arguments: [figure, batch])
            default: throw LedgerError.data("作废的类别“\(value("kind") ?? "")”无效：应为 entry 或 figure")
            }
        }
        try SpanHistory.rebuildAll(in: db)
        // What the commands would have refused, refused here too.
        let problems = try [LedgerCheck.foreignKeys, .milestoneDates, .statusOrder, .spans].flatMap { check in
            try Self.run(check, today: today, in: db).map { "\(check.rawValue): \($0)" }
        }
        if let first = problems.first {
            throw LedgerError.data("导出文件不能恢复为一致的账本：\(first)\(problems.count > 1 ? "（另有\(problems.count - 1)处）" : "")")
        }
    }

    private func row(_ value: (String) -> String?, _ column: String) -> String? { value(column) }

    /// A field as stored: export puts an apostrophe before text a spreadsheet would run as a
    /// formula (= + - @ TAB CR) and before text that starts with an apostrophe; that one is
    /// dropped, nothing else (no trimming: a restore gives back every character).
    static func unguarded(_ field: String) -> String {
        var scalars = field.unicodeScalars.makeIterator()
        guard scalars.next() == "'", let next = scalars.next(), "=+-@\t\r'".unicodeScalars.contains(next) else { return field }
        return String(field.unicodeScalars.dropFirst())
    }
}

/// One whole-truth file to restore from.
public struct RestoreInput: Sendable {
    public let file: RestoreFile
    public let name: String
    public let data: Data
    public init(file: RestoreFile, name: String, data: Data) {
        self.file = file
        self.name = name
        self.data = data
    }
}

extension Ledger {
    /// Whether nothing was ever recorded in this ledger.
    public func isEmpty() throws -> Bool { try read { try isEmpty($0) } }

    /// Restores an export into this empty ledger, all or nothing. `zone` is the export's zone.csv.
    /// Returns the rows read from each file.
    public func restore(_ inputs: [RestoreInput], zone: ImportFile?, context: WriteContext) throws -> [(RestoreFile, Int)] {
        var tables: [RestoreFile: RestoreTable] = [:]
        for input in inputs {
            let (text, _) = try TextDecoding.decode(input.data, as: .utf8, file: input.name)
            tables[input.file] = try Self.restoreTable(input.file, name: input.name, records: try CSVReader.records(text, file: input.name))
        }
        var zoneRow: (String, Day?)?
        if let zone {
            let (text, _) = try TextDecoding.decode(zone.data, as: nil, file: zone.name)
            let records = try CSVReader.records(text, file: zone.name)
            if records.count > 1, let name = records[1].fields.first {
                zoneRow = (name, records[1].fields.count > 1 ? Day(iso: records[1].fields[1]) : nil)
            }
        }
        // One transaction in either store: all of the history, or none.
        try write { db in try restore(tables, zone: zoneRow, today: context.today, in: db) }
        return RestoreFile.allCases.compactMap { file in tables[file].map { (file, $0.rows.count) } }
    }
}
