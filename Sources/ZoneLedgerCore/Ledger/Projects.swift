import GRDB

public struct ProjectDraft: Sendable {
    public var name: String
    public var code: String?
    public var kind: ProjectKind
    public var stage: ProjectStage = .planning
    public var progress: Int?
    public var investment: Money?
    /// REFs, resolved in the same transaction as the insert.
    public var park: String?
    public var parcel: String?
    public var provincialMajor = false
    public var registered = false
    public var department: String?
    /// 项目业主单位, 挂钩领导, 建设内容及规模.
    public var owner: String?
    public var leader: String?
    public var scope: String?
    public var plannedStart: Day?
    public var plannedCompletion: Day?
    public var note: String?
    public var on: Day
    public var quote: String?

    public init(name: String, kind: ProjectKind, on: Day) {
        self.name = name
        self.kind = kind
        self.on = on
    }
}

public struct ProjectUpdate: Sendable {
    public var stage: ProjectStage?
    public var progress: Int?
    /// At most one investment report: 本月完成投资 for the day's month, 1-N月累计 at it, or
    /// 开工累计 at its month's end (`InvestmentSeries` says how they combine).
    public var invested: Money?
    public var investedYearToDate: Money?
    public var investedTotal: Money?
    public var note: String?
    public var on: Day
    public var correction = false
    public init(on: Day) { self.on = on }
}

/// Descriptive fields to change; nil leaves a field as it is.
public struct ProjectEdit: Sendable {
    public var name: String?
    public var kind: ProjectKind?
    public var investment: Money?
    public var park: String?
    public var parcel: String?
    public var provincialMajor: Bool?
    public var registered: Bool?
    public var department: String?
    public var plannedStart: Day?
    public var plannedCompletion: Day?
    public var note: String?
    public var on: Day
    public init(on: Day) { self.on = on }
}

extension Ledger {
    @discardableResult
    public func addProject(_ draft: ProjectDraft, context: WriteContext) throws -> Receipt {
        try write { db in try insertProject(draft, batch: try newBatch(db, context), context: context, in: db) }
    }

    func insertProject(_ draft: ProjectDraft, batch: WriteBatch, context: WriteContext, codes: CodeCounter? = nil, in db: Session) throws -> Receipt {
        try checkEffective(draft.on, context)
        let name = try Validate.name(draft.name, what: "项目名称")
        try Self.checkNameFree(name, .project, in: db)
        let code = try Validate.code(draft.code) ?? Self.nextCode(.project, in: db, counter: codes)
        try Self.checkCodeFree(code, .project, in: db)
        try Self.checkPlan(draft.plannedStart, draft.plannedCompletion)
        let park = try draft.park.map { try References.resolve($0, kind: .park, in: db) }
        let parcel = try draft.parcel.map { try References.resolve($0, kind: .parcel, in: db) }
        var row = SubjectRow(kind: .project, code: code, createdBatch: batch.command, quote: draft.quote)
        try row.insertPrepared(db)
        var entry = Entry(batchId: batch.id, on: draft.on, action: .add, subject: SubjectID(kind: .project, id: row.id ?? 0))
        entry[.name] = name.databaseValue
        entry[.projectKind] = draft.kind.rawValue.databaseValue
        entry.stage = draft.stage
        entry.progress = try Validate.progress(draft.progress)
        entry[.investment] = draft.investment?.yuan.databaseValue ?? .null
        entry[.projectPark] = park?.id.databaseValue ?? .null
        entry[.projectParcel] = parcel?.id.databaseValue ?? .null
        entry[.provincialMajor] = draft.provincialMajor.databaseValue
        entry[.registered] = draft.registered.databaseValue
        entry[.department] = try Validate.optionalText(draft.department, what: "责任部门", limit: 100)?.databaseValue ?? .null
        entry[.plannedStart] = draft.plannedStart?.databaseValue ?? .null
        entry[.plannedCompletion] = draft.plannedCompletion?.databaseValue ?? .null
        entry[.owner] = try Validate.optionalText(draft.owner, what: Field.owner.label, limit: 100)?.databaseValue ?? .null
        entry[.leader] = try Validate.optionalText(draft.leader, what: Field.leader.label, limit: 100)?.databaseValue ?? .null
        entry[.scope] = try Validate.optionalText(draft.scope, what: Field.scope.label, limit: 500)?.databaseValue ?? .null
        entry.note = try Validate.note(draft.note)
        try record(&entry, in: batch, db: db)
        return try receipt(Subject(kind: .project, id: row.id ?? 0, code: code, name: name), entry, in: db)
    }

    /// Records a status entry: stage, progress and a note, effective on a day.
    @discardableResult
    public func updateProject(_ ref: String, _ update: ProjectUpdate, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .project, in: db)
            let entry = try recordProjectUpdate(subject, update, batch: try newBatch(db, context), context: context, in: db)
            return try receipt(subject, entry, in: db)
        }
    }

    /// The same for a project already resolved: an import has resolved each row's subject once.
    func recordProjectUpdate(_ subject: Subject, _ update: ProjectUpdate, batch: WriteBatch, context: WriteContext, in db: Session) throws -> Entry {
        let reports = [update.invested, update.investedYearToDate, update.investedTotal].compactMap { $0 }
        guard update.stage != nil || update.progress != nil || update.note != nil || !reports.isEmpty else {
            throw LedgerError.usage("没有要记录的内容：请给出 --stage、--progress、--invested 或 --note")
        }
        guard reports.count <= 1 else {
            throw LedgerError.usage("一条记录只报一种投资数：--invested（本月）、--invested-ytd（1-N月累计）或 --invested-total（开工累计），分开记录")
        }
        let progress = try Validate.progress(update.progress)
        try checkEntryDay(update.on, for: subject, context: context, in: db)
        if !update.correction {
            let order = try StatusOrder(subject, on: update.on, in: db)
            if let stage = update.stage {
                try order.check(stage, column: "stage", subject: subject, on: update.on)
            }
            if let progress {
                if let previous = order.before(Int.self, "progress"), progress < previous {
                    throw LedgerError.data("\(subject.listing)的进度已是\(previous)%，改为\(progress)%是倒退：如确为更正，请加 --correction")
                }
                if let following = order.after(Int.self, "progress"), following < progress {
                    throw LedgerError.data("\(subject.listing)在\(update.on.iso)之后已记为\(following)%，此前不能是更高的\(progress)%：如确为更正，请加 --correction")
                }
            }
        }
        if let ytd = update.investedYearToDate, !update.correction, update.on.month > 1 {
            // 1-N月累计 below 1-(N-1)月累计 would make this month's figure negative.
            let previous = Month(update.on).adding(months: -1)
            let series = try Self.investmentSeries(through: previous.last, Viewpoint(day: previous.last, threshold: nil, latest: false),
                                                   project: subject.id, in: db)[subject.id]
            if let before = series?.figures(previous).yearToDate, ytd.yuan < before {
                throw LedgerError.data("""
                    \(subject.listing)的1-\(previous.month)月累计完成投资已是\(Money(yuan: before))，1-\(update.on.month)月累计\(ytd)比它少：\
                    如确为更正，请加 --correction
                    """)
            }
        }
        var entry = Entry(batchId: batch.id, on: update.on, action: .update, subject: subject.subjectID)
        entry.stage = update.stage
        entry.progress = progress
        entry["invested_month_yuan"] = update.invested?.yuan.databaseValue ?? .null
        entry["invested_ytd_yuan"] = update.investedYearToDate?.yuan.databaseValue ?? .null
        entry["invested_total_yuan"] = update.investedTotal?.yuan.databaseValue ?? .null
        entry.note = try Validate.note(update.note)
        entry.correction = update.correction
        try record(&entry, in: batch, db: db)
        return entry
    }

    /// Changes descriptive fields; the edit is itself an entry, effective on its day.
    @discardableResult
    public func editProject(_ ref: String, _ edit: ProjectEdit, context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .project, in: db)
            var values: [(Field, DatabaseValue)] = []
            if let name = edit.name { values.append((.name, try Validate.name(name, what: "项目名称").databaseValue)) }
            if let kind = edit.kind { values.append((.projectKind, kind.rawValue.databaseValue)) }
            if let money = edit.investment { values.append((.investment, money.yuan.databaseValue)) }
            if let park = edit.park { values.append((.projectPark, try References.resolve(park, kind: .park, in: db).id.databaseValue)) }
            if let parcel = edit.parcel { values.append((.projectParcel, try References.resolve(parcel, kind: .parcel, in: db).id.databaseValue)) }
            if let flag = edit.provincialMajor { values.append((.provincialMajor, flag.databaseValue)) }
            if let flag = edit.registered { values.append((.registered, flag.databaseValue)) }
            if let department = edit.department {
                values.append((.department, (try Validate.optionalText(department, what: "责任部门", limit: 100) ?? "").databaseValue))
            }
            if let day = edit.plannedStart { values.append((.plannedStart, day.databaseValue)) }
            if let day = edit.plannedCompletion { values.append((.plannedCompletion, day.databaseValue)) }
            return try editSubject(subject, values, note: edit.note, on: edit.on, context: context, in: db)
        }
    }
}

extension Ledger {
    /// 年度计划投资 (and the year's 形象进度计划) for a project: in force from its effective day
    /// until a later plan for the same year; history keeps every plan.
    @discardableResult
    public func planProject(_ ref: String, year: Int, investment: Money, image: String?, note: String?, on day: Day,
                            context: WriteContext) throws -> Receipt {
        try write { db in
            let subject = try References.resolve(ref, kind: .project, in: db)
            let entry = try recordPlan(subject, year: year, investment: investment, image: image, note: note, on: day,
                                       batch: try newBatch(db, context), context: context, in: db)
            return try receipt(subject, entry, in: db)
        }
    }

    /// The same for a project already resolved, in a batch: the import's row path calls it.
    func recordPlan(_ subject: Subject, year: Int, investment: Money, image: String?, note: String?, on day: Day,
                    batch: WriteBatch, context: WriteContext, in db: Session) throws -> Entry {
        guard (1990...2200).contains(year) else { throw LedgerError.data("计划年度无效“\(year)”：应为 1990 至 2200 年") }
        try checkEntryDay(day, for: subject, context: context, in: db)
        var entry = Entry(batchId: batch.id, on: day, action: .update, subject: subject.subjectID)
        entry["plan_year"] = year.databaseValue
        entry["plan_investment_yuan"] = investment.yuan.databaseValue
        entry["plan_image"] = try Validate.optionalText(image, what: "形象进度计划", limit: 500)?.databaseValue ?? .null
        entry.note = try Validate.note(note)
        try record(&entry, in: batch, db: db)
        return entry
    }
}
