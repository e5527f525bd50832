import GRDB

/// Loads Seeds/ (embedded in the binary) through the same operations the CLI uses,
/// so seed rows pass every check a user's input would.
struct SeedLoader {
    static let anonymisedZoneName = "__经济开发区"
    /// The report's data run to the end of November 2020 (1—11月, 截止11月): see Seeds/README.md.
    static let reportDay = Day(year: 2020, month: 11, day: 30) ?? Day.lastDay(year: 2020, month: 11)
    static let author = "工作报告"

    static let files: [(name: String, bytes: [UInt8])] = [
        ("parks.txt", PackageResources.parks_txt),
        ("parcels.txt", PackageResources.parcels_txt),
        ("projects.txt", PackageResources.projects_txt),
        ("tenants.txt", PackageResources.tenants_txt),
        ("milestones.txt", PackageResources.milestones_txt),
        ("figures.txt", PackageResources.figures_txt),
    ]

    /// The report itself, which every seed quote must come from.
    static var report: String { String(decoding: PackageResources.work_report_2020_txt, as: UTF8.self) }

    let context: WriteContext

    static func records(_ name: String) throws -> [SeedRecord] {
        guard let file = files.first(where: { $0.name == name }) else { return [] }
        return try SeedFile.parse(String(decoding: file.bytes, as: UTF8.self), file: name)
    }

    func load(into db: Session, ledger: Ledger) throws {
        try db.execute(sql: "UPDATE zone SET report_day = ? WHERE id = 1", arguments: [Self.reportDay])
        let seedContext = WriteContext(author: Self.author, now: context.now, today: context.today, command: "init")
        let batch = try ledger.newBatch(db, seedContext)
        for record in try Self.records("parks.txt") {
            _ = try ledger.insertPark(try parkDraft(record), batch: batch, context: seedContext, in: db)
        }
        // A parcel names the project it serves; the project's add states its parcel.
        var parcelOf: [String: String] = [:]
        for record in try Self.records("parcels.txt") {
            var draft = ParcelDraft(name: try record.required("name"), area: try Area.parse(try record.required("area_mu")),
                                    on: try day(record))
            draft.code = record.code
            draft.landUse = record.value("land_use")
            draft.status = try enumValue(record, "status")
            draft.note = record.value("note")
            draft.quote = quote(record)
            if let project = record.value("project") { parcelOf[project] = record.code }
            _ = try ledger.insertParcel(draft, batch: batch, context: seedContext, in: db)
        }
        for record in try Self.records("projects.txt") {
            var draft = try projectDraft(record)
            draft.parcel = draft.parcel ?? parcelOf[record.code]
            _ = try ledger.insertProject(draft, batch: batch, context: seedContext, in: db)
        }
        for record in try Self.records("tenants.txt") {
            var draft = TenantDraft(name: try record.required("name"), park: try record.required("park"), on: try day(record))
            draft.code = record.code
            draft.status = try enumValue(record, "status")
            draft.note = record.value("note")
            draft.quote = quote(record)
            _ = try ledger.insertTenant(draft, batch: batch, context: seedContext, in: db)
        }
        for record in try Self.records("milestones.txt") {
            let draft = try milestoneDraft(record)
            let subject = try References.resolve(draft.subject, kind: draft.subjectKind, in: db)
            _ = try ledger.insertMilestone(draft, about: subject, batch: batch, context: seedContext, in: db)
        }
        for record in try Self.records("figures.txt") {
            _ = try ledger.insertFigure(try figureDraft(record), batch: batch.id, context: seedContext, in: db)
        }
    }

    private func parkDraft(_ record: SeedRecord) throws -> ParkDraft {
        var draft = ParkDraft(name: try record.required("name"), kind: try enumValue(record, "kind"), on: try day(record))
        draft.code = record.code
        draft.figures.area = try record.value("area_mu").map { try Area.parse($0) }
        draft.figures.areaApproximate = record.flag("area_approx")
        draft.figures.plotRatioHundredths = try record.value("plot_ratio").map { try parseHundredths($0, what: "容积率") }
        draft.figures.floorAreaM2 = try record.value("floor_area_m2").map { try parseCount($0, what: "建筑面积", units: ["平方米"]) }
        draft.figures.investment = try record.value("investment").map { try Money.parse($0, what: "总投资") }
        draft.figures.expectedOutput = try record.value("expected_output").map { try Money.parse($0, what: "预计年产值") }
        draft.figures.expectedTax = try record.value("expected_tax").map { try Money.parse($0, what: "预计年税收") }
        draft.figures.buildings = try record.value("buildings").map { try parseCount($0, what: "建筑幢数", units: ["幢"]) }
        draft.figures.industries = record.value("industries")
        draft.note = record.value("note")
        draft.quote = quote(record)
        return draft
    }

    private func projectDraft(_ record: SeedRecord) throws -> ProjectDraft {
        var draft = ProjectDraft(name: try record.required("name"), kind: try enumValue(record, "kind"), on: try day(record))
        draft.code = record.code
        draft.stage = try enumValue(record, "stage")
        draft.progress = try record.value("progress").map { text in
            guard let value = Int(text) else { throw record.problem("进度“\(text)”不是整数") }
            return value
        }
        draft.investment = try record.value("investment").map { try Money.parse($0, what: "总投资") }
        draft.park = record.value("park")
        draft.parcel = record.value("parcel")
        draft.provincialMajor = record.flag("provincial_major")
        draft.registered = record.flag("registered")
        draft.department = record.value("department")
        draft.note = record.value("note")
        draft.quote = quote(record)
        return draft
    }

    private func milestoneDraft(_ record: SeedRecord) throws -> MilestoneDraft {
        let subject = try record.required("subject")
        guard let kind = SubjectKind.allCases.first(where: { subject.hasPrefix($0.codePrefix) && $0 != .milestone }) else {
            throw record.problem("对象“\(subject)”不是 P/L/Y/E 开头的编号")
        }
        let on = try day(record)
        let due: LedgerDate
        let dueText = try record.required("due")
        do { due = try DateParser.parseDue(dueText, promisedOn: on) } catch {
            throw record.problem(error.message)
        }
        var draft = MilestoneDraft(title: try record.required("title"), subjectKind: kind, subject: subject, due: due, on: on)
        draft.code = record.code
        draft.department = record.value("department")
        draft.note = record.value("note")
        draft.quote = quote(record)
        return draft
    }

    private func figureDraft(_ record: SeedRecord) throws -> FigureDraft {
        func isoDay(_ key: String) throws -> Day {
            let text = try record.required(key)
            guard let day = Day(iso: text) else { throw record.problem("“\(key)”应为 ISO 日期：\(text)") }
            return day
        }
        func decimal(_ key: String) throws -> ExactDecimal? {
            guard let text = record.value(key) else { return nil }
            guard let value = ExactDecimal(text) else { throw record.problem("“\(key)”不是数字：\(text)") }
            return value
        }
        guard let value = try decimal("value") else { throw record.problem("缺少“value”") }
        var draft = FigureDraft(category: try enumValue(record, "category"), metric: try record.required("metric"),
                                from: try isoDay("from"), to: try isoDay("to"), knownOn: Self.reportDay, value: value,
                                unit: try record.required("unit"))
        draft.code = record.code
        draft.key = record.value("key")
        draft.park = record.value("scope")
        draft.approximate = record.flag("approx")
        draft.yoyPercent = try decimal("yoy")
        draft.quote = quote(record)
        return draft
    }

    /// The day a record describes: its `on`, in any form the CLI takes, read against the report's day.
    private func day(_ record: SeedRecord) throws -> Day {
        guard let text = record.value("on") else { return Self.reportDay }
        do { return try DateParser.parse(text, relativeTo: Self.reportDay).day } catch {
            throw record.problem(error.message)
        }
    }

    private func enumValue<Value: Labeled>(_ record: SeedRecord, _ key: String) throws -> Value {
        let text = try record.required(key)
        guard let value = Value(key: text) else { throw record.problem("\(Value.noun)“\(text)”无效：可选 \(Value.choices)") }
        return value
    }

    private func quote(_ record: SeedRecord) -> String? {
        let quotes = record.values("quote")
        return quotes.isEmpty ? nil : quotes.joined(separator: "\n")
    }
}
