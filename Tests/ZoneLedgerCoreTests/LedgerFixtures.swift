import Foundation
import GRDB
@testable import ZoneLedgerCore

// Builders and readers shared by the core tests. Every ledger here is in memory.

/// The seeded ledger, built once through the real seeding and copied page for page (SQLite's
/// backup) into a fresh in-memory ledger per test: the same ledger `seededLedger()` builds, faster.
private let seededTemplate = Result { try seededLedger() }

func seededCopy() throws -> Ledger {
    let template = try seededTemplate.get()
    let copy = try DatabaseQueue(configuration: Ledger.configuration(readonly: false))
    try template.queue.backup(to: copy)
    return Ledger(queue: copy, path: nil)
}

/// A due date given as an ISO day (precision: day) or as the office writes it, read against `reference`.
func due(_ text: String, relativeTo reference: String = "2020-11-30") -> LedgerDate {
    if let day = Day(iso: text) { return LedgerDate(day: day, text: text, precision: .day) }
    do { return try DateParser.parse(text, relativeTo: day(reference)) } catch { preconditionFailure("bad test due \(text)") }
}

/// The LedgerError a call throws, or nil when it succeeds (for checking `kind`).
func failure(_ body: () throws -> Void) -> LedgerError? {
    do { try body(); return nil } catch let error as LedgerError { return error } catch { return LedgerError.data("\(error)") }
}

@discardableResult
func addProject(_ ledger: Ledger, _ name: String, on: String = "2021-01-01", kind: ProjectKind = .industrial,
                _ configure: (inout ProjectDraft) -> Void = { _ in }) throws -> Receipt {
    var draft = ProjectDraft(name: name, kind: kind, on: day(on))
    configure(&draft)
    return try ledger.addProject(draft, context: context())
}

@discardableResult
func addPark(_ ledger: Ledger, _ name: String, on: String = "2021-01-01", kind: ParkKind = .microPark,
             _ configure: (inout ParkDraft) -> Void = { _ in }) throws -> Receipt {
    var draft = ParkDraft(name: name, kind: kind, on: day(on))
    configure(&draft)
    return try ledger.addPark(draft, context: context())
}

@discardableResult
func addParcel(_ ledger: Ledger, _ name: String, area: String = "10", on: String = "2021-01-01",
               _ configure: (inout ParcelDraft) -> Void = { _ in }) throws -> Receipt {
    var draft = ParcelDraft(name: name, area: try Area.parse(area), on: day(on))
    configure(&draft)
    return try ledger.addParcel(draft, context: context())
}

@discardableResult
func addTenant(_ ledger: Ledger, _ name: String, park: String, on: String = "2021-01-01",
               _ configure: (inout TenantDraft) -> Void = { _ in }) throws -> Receipt {
    var draft = TenantDraft(name: name, park: park, on: day(on))
    configure(&draft)
    return try ledger.addTenant(draft, context: context())
}

@discardableResult
func addMilestone(_ ledger: Ledger, _ title: String, about kind: SubjectKind, _ subject: String, due dueText: String,
                  on: String = "2021-01-01", _ configure: (inout MilestoneDraft) -> Void = { _ in }) throws -> Receipt {
    var draft = MilestoneDraft(title: title, subjectKind: kind, subject: subject, due: due(dueText, relativeTo: on), on: day(on))
    configure(&draft)
    return try ledger.addMilestone(draft, context: context())
}

func projectUpdate(on: String, stage: ProjectStage? = nil, progress: Int? = nil, note: String? = nil,
                   correction: Bool = false) -> ProjectUpdate {
    var update = ProjectUpdate(on: day(on))
    update.stage = stage
    update.progress = progress
    update.note = note
    update.correction = correction
    return update
}

func statusUpdate<S>(_ status: S, on: String, note: String? = nil, correction: Bool = false) -> StatusUpdate<S> {
    var update = StatusUpdate(status: status, on: day(on))
    update.note = note
    update.correction = correction
    return update
}

extension Ledger {
    func entries() throws -> [Entry] { try read { try SessionRow.fetchAll($0, sql: "SELECT * FROM entry ORDER BY id").map(Entry.init(row:)) } }
    func batches() throws -> [Batch] { try read { try Batch.fetchAll($0.sqlite!, sql: "SELECT * FROM batch ORDER BY id") } }
    func count(_ table: String) throws -> Int { try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 } }

    func milestoneStatus(_ code: String, asOf: String) throws -> MilestoneStatus {
        try read { db in
            let subject = try References.resolve(code, kind: .milestone, in: db)
            return try MilestoneStatus.of(subject.id, asOf: day(asOf), in: db)
        }
    }

    /// What one write added: its entries and batches, given what was there before.
    func appended(since before: (entries: Int, batches: Int)) throws -> (entries: [Entry], batches: [Batch]) {
        (Array(try entries().dropFirst(before.entries)), Array(try batches().dropFirst(before.batches)))
    }

    var sizes: (entries: Int, batches: Int) { get throws { (try count("entry"), try count("batch")) } }
}

extension ZoneLedgerCore.Table {
    func index(_ key: String) -> Int {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { preconditionFailure("no column \(key)") }
        return index
    }

    func column(_ key: String) -> [Cell] { rows.map { $0[index(key)] } }

    /// The projects table without its 小计 and 合计 rows (the rows with no code).
    var withoutSums: ZoneLedgerCore.Table { ZoneLedgerCore.Table(columns: columns, rows: rows.filter { $0[index("code")] != .empty }) }

    /// The plain text of the code column, row by row.
    var codes: [String] { column("code").map(\.plain) }

    /// The cell in `key`'s column of the row whose code is `code`.
    func cell(_ key: String, code: String) -> Cell? {
        rows.first { $0[index("code")] == .text(code) }.map { $0[index(key)] }
    }
}

extension MonthlySheet {
    func table(_ key: String) -> ZoneLedgerCore.Table {
        guard let section = sections.first(where: { $0.key == key }) else { preconditionFailure("no section \(key)") }
        return section.table
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zoneledger-core-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Ledger {
    /// A subject's state as it stands (its latest span), or nil if it does not exist.
    func current(_ kind: SubjectKind, _ ref: String) throws -> SessionRow? {
        try read { db in
            let subject = try References.resolve(ref, kind: kind, in: db)
            let layout = SpanLayout.of(kind)
            return try SessionRow.fetchOne(db, sql: "SELECT * FROM \(layout.table) WHERE \(layout.key) = ? AND recorded_to IS NULL AND valid_to IS NULL",
                                    arguments: [subject.id])
        }
    }
}

extension Entry {
    /// The subject's id when it is of this kind.
    func id(of kind: SubjectKind) -> Int64? { subject.kind == kind ? subject.id : nil }
}

/// What tests read off a write's receipt.
extension Receipt {
    var action: EntryAction { entry.action }
    var note: String? { entry.note }
    var correction: Bool { entry.correction }
    var code: String { subject.code }
    var name: String { subject.name }
    var id: Int64 { subject.id }
    var due: LedgerDate? { entry.due }
    /// label → [old, new], in words.
    var changed: [String: [String]] { Dictionary(uniqueKeysWithValues: changes.map { ($0.label, [$0.old, $0.new]) }) }
}
