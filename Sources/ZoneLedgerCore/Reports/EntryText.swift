import GRDB

/// An entry in words, for the history, the sheet's 本月进展 and undo's list: what it set,
/// "阶段：在建；进度：30%", and for an edit what changed, "名称：甲 → 乙", the old value being the
/// field's value on that day just before the entry (as the ledger now knows that day), not the
/// value it had when the edit was typed in.
enum EntryText {
    static func summary(_ entry: Entry, view: Viewpoint? = nil, in db: Session) throws -> String {
        var parts: [String] = []
        if let stage = entry.stage { parts.append("阶段：\(stage.label)") }
        if let progress = entry.progress { parts.append("进度：\(progress)%") }
        if let status = entry.parcelStatus { parts.append("状态：\(status.label)") }
        if let status = entry.tenantStatus { parts.append("状态：\(status.label)") }
        if entry.action == .reschedule, let due = entry.due { parts.append("到期改为：\(due.text)（\(due.day.iso)）") }
        if entry.subject.kind == .problem {
            switch entry.action {
            case .add: if let due = entry.due { parts.append("期限：\(due.words)") }
            case .edit: if let due = entry.due { parts.append("期限改为：\(due.words)") }
            case .done: parts.append("已解决")
            case .reopen: parts.append("重开")
            default: break
            }
        }
        parts += investmentWords(entry)
        if entry.action == .edit {
            parts += try changes(entry, view: view, in: db).map(\.text)
        }
        return parts.joined(separator: "；")
    }

    /// The fields an edit set, each with the value it replaced.
    static func changes(_ entry: Entry, view: Viewpoint? = nil, in db: Session) throws -> [FieldChange] {
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
    static func stateBefore(_ entry: Entry, view: Viewpoint? = nil, in db: Session) throws -> SpanState? {
        let layout = SpanLayout.of(entry.subject.kind)
        let seen = Viewpoint(day: entry.effectiveOn.adding(days: -1), threshold: view?.threshold, latest: false)
        var state = try SessionRow.fetchOne(try db.cachedStatement(sql: """
            SELECT \(SpanStore.selection(layout, alias: "s")) FROM \(entry.subject.kind.table) r \(seen.span(entry.subject.kind, "s", of: "r.id")) WHERE r.id = :id
            """), arguments: seen.arguments + ["id": entry.subject.id]).map { SpanStore.decode($0, layout).span.state }
        let sameDay = try SessionRow.fetchAll(try db.cachedStatement(sql: """
            SELECT * FROM entry e WHERE e.\(entry.subject.kind.foreignKey) = :subject AND e.effective_on = :on AND e.id < :id
              AND \(seen.liveEntry("e")) ORDER BY e.id
            """), arguments: seen.arguments + ["subject": entry.subject.id, "on": entry.effectiveOn, "id": entry.id]).map(Entry.init(row:))
        for earlier in sameDay { state = Fold.apply(earlier, to: state, layout) }
        return state
    }
}

extension EntryText {
    /// An investment report in words, with the month it is for: "本月完成投资（2021年1月）：600万元".
    static func investmentWords(_ entry: Entry) -> [String] {
        let month = Month(entry.effectiveOn)
        var parts: [String] = []
        if let yuan = Int64.fromDatabaseValue(entry["invested_month_yuan"]) { parts.append("本月完成投资（\(month.chinese)）：\(Money(yuan: yuan))") }
        if let yuan = Int64.fromDatabaseValue(entry["invested_ytd_yuan"]) {
            parts.append("\(month.year)年1-\(month.month)月累计完成投资：\(Money(yuan: yuan))")
        }
        if let yuan = Int64.fromDatabaseValue(entry["invested_total_yuan"]) {
            parts.append("开工累计完成投资（至\(month.chinese)底）：\(Money(yuan: yuan))")
        }
        if let year = Int.fromDatabaseValue(entry["plan_year"]), let yuan = Int64.fromDatabaseValue(entry["plan_investment_yuan"]) {
            parts.append("\(year)年计划投资：\(Money(yuan: yuan))")
            if let image = String.fromDatabaseValue(entry["plan_image"]) { parts.append("形象进度计划：\(image)") }
        }
        return parts
    }
}
