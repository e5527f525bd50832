import GRDB

/// An entry in words, for the history, the sheet's 本月进展 and undo's list: what it set,
/// "阶段：在建；进度：30%", and for an edit what changed, "名称：甲 → 乙", the old value being the
/// field's value on that day just before the entry (as the ledger now knows that day), not the
/// value it had when the edit was typed in.
enum EntryText {
    static func summary(_ entry: Entry, view: Viewpoint? = nil, in db: Database) throws -> String {
        var parts: [String] = []
        if let stage = entry.stage { parts.append("阶段：\(stage.label)") }
        if let progress = entry.progress { parts.append("进度：\(progress)%") }
        if let status = entry.parcelStatus { parts.append("状态：\(status.label)") }
        if let status = entry.tenantStatus { parts.append("状态：\(status.label)") }
        if entry.action == .reschedule, let due = entry.due { parts.append("到期改为：\(due.text)（\(due.day.iso)）") }
        if entry.action == .edit {
            parts += try changes(entry, view: view, in: db).map(\.text)
        }
        return parts.joined(separator: "；")
    }

    /// The fields an edit set, each with the value it replaced.
    static func changes(_ entry: Entry, view: Viewpoint? = nil, in db: Database) throws -> [FieldChange] {
        let fields = entry.fieldsSet
        guard !fields.isEmpty else { return [] }
        let layout = SpanLayout.of(entry.subject.kind)
        let before = try stateBefore(entry, view: view, in: db)
        return fields.map { field in
            let new = field.isClearable && String.fromDatabaseValue(entry[field]) == "" ? DatabaseValue.null : entry[field]
            return FieldChange(label: field.label, old: Ledger.oldWords(field, before, layout, in: db),
                               new: field.words(new) { Ledger.code($0, $1, in: db) })
        }
    }

    /// The subject's state on the entry's day just before it: the span of the day before, with the
    /// same day's earlier live entries folded in; as known now, or at the view's moment of recording.
    static func stateBefore(_ entry: Entry, view: Viewpoint? = nil, in db: Database) throws -> SpanState? {
        let layout = SpanLayout.of(entry.subject.kind)
        let seen = Viewpoint(day: entry.effectiveOn.adding(days: -1), threshold: view?.threshold, latest: false)
        var state = try Row.fetchOne(try db.cachedStatement(sql: """
            SELECT \(SpanStore.selection(layout, alias: "s")) FROM \(entry.subject.kind.table) r \(seen.span(entry.subject.kind, "s", of: "r.id")) WHERE r.id = :id
            """), arguments: seen.arguments + ["id": entry.subject.id]).map { SpanStore.decode($0, layout).span.state }
        let sameDay = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM entry e WHERE e.\(entry.subject.kind.foreignKey) = :subject AND e.effective_on = :on AND e.id < :id
              AND \(seen.liveEntry("e")) ORDER BY e.id
            """), arguments: seen.arguments + ["subject": entry.subject.id, "on": entry.effectiveOn, "id": entry.id]).map(Entry.init(row:))
        for earlier in sameDay { state = Fold.apply(earlier, to: state, layout) }
        return state
    }
}
