import GRDB

/// A row that names a subject already in the ledger (by its code, else by what names it) is
/// skipped only when it is what that subject's add recorded; a row that differs is a conflict,
/// refused with its line and its differences, never silently dropped. A cell left empty says
/// nothing and is not compared. Both import paths call these, so they decide alike.
extension AddRowReader {
    /// The file's columns compared, each with the entry columns it sets; `on`, `note` and `quote`
    /// are the add's day, its note and the subject's quote; a parcel's `project` is the link the
    /// add made on the project.
    var compared: [(key: String, columns: [String])] {
        let own: [(String, [String])] = switch subject {
        case .park: [("name", ["name"]), ("kind", ["park_kind"]), ("area_mu", ["area_mu_hundredths"]),
                     ("area_approximate", ["area_approximate"]), ("plot_ratio", ["plot_ratio_hundredths"]),
                     ("floor_area_m2", ["floor_area_m2"]), ("investment", ["investment_yuan"]),
                     ("expected_output", ["expected_output_yuan"]), ("expected_tax", ["expected_tax_yuan"]),
                     ("buildings", ["buildings"]), ("industries", ["industries"])]
        case .parcel: [("name", ["name"]), ("area_mu", ["area_mu_hundredths"]), ("land_use", ["land_use"]),
                       ("status", ["parcel_status"]), ("project", [])]
        case .project: [("name", ["name"]), ("kind", ["project_kind"]), ("stage", ["stage"]), ("progress", ["progress"]),
                        ("investment", ["investment_yuan"]), ("park", ["set_park_id"]), ("parcel", ["set_parcel_id"]),
                        ("provincial_major", ["provincial_major"]), ("registered", ["registered"]),
                        ("department", ["department"]), ("planned_start", ["planned_start"]),
                        ("planned_completion", ["planned_completion"]), ("owner", ["owner"]), ("leader", ["leader"]), ("scope", ["scope"])]
        case .tenant: [("name", ["name"]), ("park", ["set_park_id"]), ("status", ["tenant_status"])]
        case .milestone: [("title", ["title"]), ("project", ["set_project_id"]), ("parcel", ["set_parcel_id"]),
                          ("park", ["set_park_id"]), ("tenant", ["set_tenant_id"]), ("due", ["due_on", "due_text"]),
                          ("department", ["department"])]
        case .problem: [("title", ["title"]), ("project", ["set_project_id"]), ("parcel", ["set_parcel_id"]),
                        ("park", ["set_park_id"]), ("tenant", ["set_tenant_id"]), ("due", ["due_on", "due_text"]),
                        ("department", ["department"]), ("leader", ["leader"])]
        }
        return own + [("on", []), ("note", []), ("quote", [])]
    }

    /// Which compared columns the row fills, one bit each.
    func givenMask(_ row: ImportRow) -> Int {
        compared.enumerated().reduce(0) { mask, item in row.text(item.element.key) == nil ? mask : mask | (1 << item.offset) }
    }

    /// The subject a row names, as it stands: by the file's code, else by name (a tenant: name and
    /// park; a milestone: its subject, title and due as written).
    func matched(_ staged: Staged, in db: Session) throws -> Int64? {
        let layout = SpanLayout.of(subject)
        let current = "s.recorded_to IS NULL AND s.valid_to IS NULL"
        if let code = staged.code {
            return try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT x.id FROM \(subject.table) x JOIN \(layout.table) s ON s.\(layout.key) = x.id AND \(current)
                WHERE x.code = ? COLLATE NOCASE LIMIT 1
                """), arguments: [code])
        }
        switch subject {
        case .tenant:
            return try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT s.tenant_id FROM tenant_span s WHERE \(current) AND s.name = ? AND s.park_id = ? LIMIT 1
                """), arguments: [staged.name, staged.link])
        case .milestone:
            guard let kind = staged.linkKind else { return nil }
            return try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT s.milestone_id FROM milestone_span s WHERE \(current) AND s.\(kind.foreignKey) = ?
                  AND s.title = ? AND s.original_due_text = ? LIMIT 1
                """), arguments: [staged.link, staged.name, staged.due])
        case .problem:
            // As first raised: a problem's wording may be edited later, its add row stays the same.
            guard let kind = staged.linkKind else { return nil }
            return try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT a.problem_id FROM live_entry a WHERE a.problem_id IS NOT NULL AND a.action = 'add'
                  AND a.set_\(kind.rawValue)_id = ? AND a.title = ? LIMIT 1
                """), arguments: [staged.link, staged.name])
        default:
            return try Int64.fetchOne(db.cachedStatement(sql: """
                SELECT s.\(layout.key) FROM \(layout.table) s WHERE \(current) AND s.name = ? LIMIT 1
                """), arguments: [staged.name])
        }
    }

    /// Nil when every cell the row fills is what the subject's add recorded; else the refusal,
    /// at the first column that differs, naming each difference in words.
    func conflict(_ staged: Staged, subject id: Int64, line: Int, header: (String) -> String, in db: Session) throws -> ImportProblem? {
        guard let add = try SessionRow.fetchOne(db.cachedStatement(sql: """
            SELECT e.effective_on, e.note, x.quote, x.code, \(fields.map { "e." + $0 }.joined(separator: ", "))
            FROM live_entry e JOIN \(subject.table) x ON x.id = e.\(subject.foreignKey)
            WHERE e.\(subject.foreignKey) = ? AND e.action = 'add' ORDER BY e.id DESC LIMIT 1
            """), arguments: [id]) else { return nil }
        var differences: [(key: String, text: String)] = []
        func differ(_ key: String, file: String, ledger: String) {
            differences.append((key, "\(header(key))：文件为“\(file)”，账本为“\(ledger)”"))
        }
        for (bit, item) in compared.enumerated() where staged.given & (1 << bit) != 0 {
            switch item.key {
            case "on":
                let recorded: String = add[0]
                if staged.on?.iso != recorded { differ("on", file: staged.on?.iso ?? "", ledger: recorded) }
            case "note":
                let recorded: String? = add[1]
                if staged.note != recorded { differ("note", file: staged.note ?? "（空）", ledger: recorded ?? "（空）") }
            case "quote":
                let recorded: String? = add[2]
                if staged.quote != recorded { differ("quote", file: staged.quote ?? "（空）", ledger: recorded ?? "（空）") }
            case "project" where subject == .parcel:
                let linked = try Int64.fetchAll(db.cachedStatement(sql: """
                    SELECT project_id FROM live_entry WHERE action = 'edit' AND set_parcel_id = ? AND project_id IS NOT NULL ORDER BY id
                    """), arguments: [id])
                if let link = staged.link, !linked.contains(link) {
                    differ("project", file: try code(.project, link, in: db),
                           ledger: try linked.first.map { try code(.project, $0, in: db) } ?? "（空）")
                }
            default:
                let mine = item.columns.map { column in staged.values[fields.firstIndex(of: column)!] }
                let theirs = item.columns.map { column in add[4 + fields.firstIndex(of: column)!] as DatabaseValue }
                if mine != theirs {
                    differ(item.key, file: try words(item.columns[0], mine, in: db), ledger: try words(item.columns[0], theirs, in: db))
                }
            }
        }
        guard let first = differences.first else { return nil }
        let named = staged.code.map { " \($0) " } ?? "“\(staged.name ?? "")”（\(add[3] as String)）"
        let verb = subject == .milestone ? "reschedule/edit" : subject == .problem ? "edit/resolve" : "update/edit"
        return ImportProblem(line: line, column: header(first.key), reason: """
            \(subject.label)\(named)已在账本中，这一行却与它登记时不同——\(differences.map(\.text).joined(separator: "；"))。\
            与账本所记完全相同的行才会跳过；要记下变化，请用 import updates 或 \(subject.rawValue) \(verb)
            """)
    }

    /// A stored value in words, for a difference: labels, codes, 万元, days; a due as written and its day.
    private func words(_ column: String, _ values: [DatabaseValue], in db: Session) throws -> String {
        guard let value = values.first, !value.isNull else { return "（空）" }
        if column == "due_on", values.count > 1, let day = String.fromDatabaseValue(value), let text = String.fromDatabaseValue(values[1]) {
            return text == day ? day : "\(text)（\(day)）"
        }
        if let field = subject.fields.first(where: { $0.entryColumn == column }) {
            var codes: [String: String] = [:]
            if case .link(let kind) = field.type, let id = Int64.fromDatabaseValue(value) { codes["\(id)"] = try code(kind, id, in: db) }
            return field.words(value) { _, id in codes["\(id)"] }
        }
        switch column {
        case "stage": return ChoiceKind.projectStage.label(String.fromDatabaseValue(value))
        case "parcel_status": return ChoiceKind.parcelStatus.label(String.fromDatabaseValue(value))
        case "tenant_status": return ChoiceKind.tenantStatus.label(String.fromDatabaseValue(value))
        case "progress": return "\(Int64.fromDatabaseValue(value) ?? 0)%"
        default:
            if column.hasPrefix("set_"), let kind = SubjectKind(rawValue: String(column.dropFirst(4).dropLast(3))),
               let id = Int64.fromDatabaseValue(value) {
                return try code(kind, id, in: db)
            }
            return String.fromDatabaseValue(value) ?? "\(value)"
        }
    }

    private func code(_ kind: SubjectKind, _ id: Int64, in db: Session) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT code FROM \(kind.table) WHERE id = ?"), arguments: [id]) ?? "#\(id)"
    }
}

extension ImportLayout {
    /// The header a key's column has in this file, or the key when the file has no such column.
    func header(_ key: String) -> String { fieldIndex[key].map { headers[$0] } ?? key }
}
