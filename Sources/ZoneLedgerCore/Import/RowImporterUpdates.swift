import Foundation
import GRDB

extension RowImporter {
    /// A history row: a status entry on any subject, by the same rules as the commands.
    /// With 记录人 and 记录时间 columns (as exports write them) the entries keep their author and time.
    func update(_ row: ImportRow) throws -> Bool {
        let subjectText = try row.required("subject")
        let subject: Subject
        do { subject = try subjects.resolve(subjectText, kind: nil, in: db) } catch let error as LedgerError { throw row.problem("subject", error.message) }
        guard let on = try row.day("on") else { throw row.problem("on", "不能为空") }
        let action = try row.read("action") { text -> EntryAction in
            guard let action = EntryAction.allCases.first(where: { $0.label == text || $0.label(for: .problem) == text || $0.rawValue == text.lowercased() }),
                  action != .add else {
                throw LedgerError.data("动作“\(text)”无效：可选 更新、完成、改期、取消、重开、修改")
            }
            return action
        } ?? .update
        let note = row.text("note")
        let due = action == .reschedule || subject.kind == .problem && action == .edit ? try row.due("due", promisedOn: on) : nil
        if action != .edit, try alreadyRecorded(row, subject, on, action, note: note, due: due?.day) { return false }
        let batch = try historyBatch(for: row)
        switch (subject.kind, action) {
        case (.problem, .edit):
            return try recordProblemEdit(row, subject, on: on, due: due, note: note, batch: batch)
        case (.problem, .done), (.problem, .reopen):
            _ = try ledger.recordProblemAction(action, subject, on: on, note: note, batch: batch, context: context, in: db)
        case (_, .edit):
            return try recordEdit(row, subject, on: on, note: note, batch: batch)
        case (.project, .update) where row.text("plan_year") != nil || row.text("plan_investment") != nil || row.text("plan_image") != nil:
            // A plan row: 计划年度 and 年度计划投资 (and 形象进度计划), as `project plan` records it.
            guard let year = try row.integer("plan_year") else { throw row.problem("plan_year", "年度计划须填计划年度") }
            guard let money = try row.money("plan_investment", allowingZero: true) else { throw row.problem("plan_investment", "年度计划须填计划投资") }
            guard row.text("stage") == nil, row.text("progress") == nil, row.text("invested") == nil, row.text("invested_ytd") == nil,
                  row.text("invested_total") == nil else {
                throw row.problem("plan_year", "年度计划与进展、完成投资分两行记录")
            }
            _ = try ledger.recordPlan(subject, year: year, investment: money, image: row.text("plan_image"), note: note, on: on,
                                      batch: batch, context: context, in: db)
        case (.project, .update):
            var update = ProjectUpdate(on: on)
            update.invested = try row.money("invested", allowingZero: true)
            update.investedYearToDate = try row.money("invested_ytd", allowingZero: true)
            update.investedTotal = try row.money("invested_total", allowingZero: true)
            update.stage = try row.choice("stage", ProjectStage.self)
            update.progress = try row.integer("progress")
            update.note = note
            update.correction = try row.flag("correction") ?? false
            _ = try ledger.recordProjectUpdate(subject, update, batch: batch, context: context, in: db)
        case (.parcel, .update):
            guard let status = try row.choice("status", ParcelStatus.self) else { throw row.problem("status", "地块的状态记录须填状态") }
            var update = StatusUpdate(status: status, on: on)
            update.note = note
            update.correction = try row.flag("correction") ?? false
            _ = try ledger.recordParcelUpdate(subject, update, batch: batch, context: context, in: db)
        case (.tenant, .update):
            guard let status = try row.choice("status", TenantStatus.self) else { throw row.problem("status", "企业的状态记录须填状态") }
            var update = StatusUpdate(status: status, on: on)
            update.note = note
            update.correction = try row.flag("correction") ?? false
            _ = try ledger.recordTenantUpdate(subject, update, batch: batch, context: context, in: db)
        case (.park, .update):
            guard let note else { throw row.problem("note", "园区的记录须填说明") }
            _ = try ledger.recordParkNote(subject, note: note, on: on, batch: batch, context: context, in: db)
        case (.milestone, .done), (.milestone, .cancel), (.milestone, .reopen):
            if action != .done, note == nil { throw row.problem("note", "取消或重开须在说明里写原因") }
            _ = try ledger.recordMilestoneAction(action, subject, on: on, note: note, batch: batch, context: context, in: db)
        case (.milestone, .reschedule):
            guard let due else { throw row.problem("due", "改期须填新的到期日") }
            _ = try ledger.recordReschedule(subject, to: due, on: on, reason: note ?? "", batch: batch, context: context, in: db)
        default:
            throw row.problem("action", "\(subject.kind.label)没有“\(action.label)”这种记录")
        }
        return true
    }

    /// An edit row: 修改内容 is a JSON object of field keys and values as a person writes them
    /// ({"name": "甲", "investment": "9亿元", "park": "Y5"}), as exports write it. Each value is
    /// checked by its field's own parser and applied exactly as `edit` applies it; a row that
    /// changes nothing on its day is already in the ledger.
    private func recordEdit(_ row: ImportRow, _ subject: Subject, on: Day, note: String?, batch: WriteBatch) throws -> Bool {
        let values = try editValues(row, subject, on: on)
        var (entry, changed) = try ledger.prepareEdit(subject, values, note: note, on: on, context: context, in: db)
        guard !changed.isEmpty else { return false }
        try ledger.record(&entry, in: batch, db: db)
        return true
    }

    /// 修改内容 read into field values, each by its field's own parser.
    private func editValues(_ row: ImportRow, _ subject: Subject, on: Day) throws -> [(Field, DatabaseValue)] {
        guard let changes = row.text("changes") else { throw row.problem("changes", "修改记录须有修改内容") }
        guard let data = changes.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              !object.isEmpty else {
            throw row.problem("changes", "修改内容应为 JSON 对象，如 {\"name\": \"新名称\"}")
        }
        var texts: [(key: String, text: String)] = []
        for key in object.keys.sorted() {
            guard let text = object[key] as? String else { throw row.problem("changes", "“\(key)”的值应为文字") }
            texts.append((key, text))
        }
        do { return try Ledger.fieldValues(subject.kind, texts, on: on, in: db) } catch let error as LedgerError {
            throw row.problem("changes", error.message)
        }
    }

    /// A problem's edit row: its changed fields as for any edit, its new deadline in 到期.
    private func recordProblemEdit(_ row: ImportRow, _ subject: Subject, on: Day, due: LedgerDate?, note: String?, batch: WriteBatch) throws -> Bool {
        var values: [(Field, DatabaseValue)] = []
        // A deadline alone needs no 修改内容 (older files may say {}).
        if let changes = row.text("changes"), changes != "{}" { values = try editValues(row, subject, on: on) }
        let (prepared, changes) = try ledger.prepareProblemEdit(subject, values, due: due, note: note, on: on, context: context, in: db)
        // As for any edit row: one that changes nothing on its day is already in the ledger.
        guard var entry = prepared, !changes.isEmpty else { return false }
        try ledger.record(&entry, in: batch, db: db)
        return true
    }

    /// The same entry already in the ledger: skipped, so the same history imports once.
    private func alreadyRecorded(_ row: ImportRow, _ subject: Subject, _ on: Day, _ action: EntryAction,
                                 note: String?, due: Day?) throws -> Bool {
        let status = row.text("status").flatMap { ParcelStatus(key: $0)?.rawValue ?? TenantStatus(key: $0)?.rawValue }
        // The action is written into the SQL, not bound: SQLite re-prepares a statement on every run
        // when a bound value decides whether a partial index (WHERE action = 'edit') applies.
        let reports: [DatabaseValue] = try ["invested", "invested_ytd", "invested_total"].map {
            try row.money($0, allowingZero: true)?.yuan.databaseValue ?? .null
        } + [try row.integer("plan_year")?.databaseValue ?? .null,
             try row.money("plan_investment", allowingZero: true)?.yuan.databaseValue ?? .null, row.text("plan_image")?.databaseValue ?? .null]
        let stage: DatabaseValue = try row.choice("stage", ProjectStage.self)?.rawValue.databaseValue ?? .null
        let progress: DatabaseValue = try row.integer("progress")?.databaseValue ?? .null
        var arguments: [DatabaseValue] = [subject.id.databaseValue, on.databaseValue, stage, progress]
        arguments += [status?.databaseValue ?? .null, due?.databaseValue ?? .null, note?.databaseValue ?? .null]
        arguments += reports
        let recorded = """
            EXISTS (SELECT 1 FROM live_entry WHERE \(subject.kind.foreignKey) = ? AND effective_on = ? AND action = '\(action.rawValue)'
              AND \(Self.sameValues))
            """
        return try Bool.fetchOne(try db.cachedStatement(sql: "SELECT \(PortableSQL.flag(recorded))"), arguments: SQLArguments(arguments)) ?? false
    }

    /// The entry's values `alreadyRecorded` compares, in its arguments' order, each equal or both NULL.
    private static let sameValues = ["stage", "progress", "coalesce(parcel_status, tenant_status)", "due_on", "note",
                                     "invested_month_yuan", "invested_ytd_yuan", "invested_total_yuan",
                                     "plan_year", "plan_investment_yuan", "plan_image"].map { "\($0) IS NOT DISTINCT FROM ?" }.joined(separator: " AND ")

    private func historyBatch(for row: ImportRow) throws -> WriteBatch {
        guard let author = row.text("author"), let recordedAt = row.text("recorded_at") else { return try sharedBatch() }
        return try batches.history(author: author, recordedAt: recordedAt, in: db)
    }
}
