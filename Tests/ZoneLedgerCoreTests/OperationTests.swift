import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// Every write of the seeded ledger, each with the entry it should append.
enum Write: String, CaseIterable, Sendable {
    case addProject, updateProject, editProject, addParcel, updateParcel, editParcel, addPark, notePark, editPark
    case addTenant, updateTenant, editTenant, addMilestone, completeMilestone, rescheduleMilestone, cancelMilestone
    case reopenMilestone, editMilestone, addFigure

    /// Performs the write on the seeded ledger; returns the action and subject of each entry it should append.
    func perform(on ledger: Ledger, _ ctx: WriteContext) throws -> [(action: EntryAction, kind: SubjectKind, code: String)] {
        let on = day("2020-12-10")
        switch self {
        case .addProject:
            try ledger.addProject(ProjectDraft(name: "新项目", kind: .social, on: on), context: ctx)
            return [(.add, .project, "P37")]
        case .updateProject:
            try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", stage: .construction), context: ctx)
            return [(.update, .project, "P5")]
        case .editProject:
            var edit = ProjectEdit(on: on)
            edit.department = "经发局"
            try ledger.editProject("P5", edit, context: ctx)
            return [(.edit, .project, "P5")]
        case .addParcel:
            var draft = ParcelDraft(name: "新地块", area: Area(hundredths: 1234), on: on)
            draft.project = "P6"
            try ledger.addParcel(draft, context: ctx)
            // The project's link to its parcel is an entry of the project's own
            return [(.add, .parcel, "L2"), (.edit, .project, "P6")]
        case .updateParcel:
            try ledger.updateParcel("L1", statusUpdate(ParcelStatus.sold, on: "2020-12-10"), context: ctx)
            return [(.update, .parcel, "L1")]
        case .editParcel:
            var edit = ParcelEdit(on: on)
            edit.landUse = "工业用地"
            try ledger.editParcel("L1", edit, context: ctx)
            return [(.edit, .parcel, "L1")]
        case .addPark:
            try ledger.addPark(ParkDraft(name: "新园区", kind: .startupPark, on: on), context: ctx)
            return [(.add, .park, "Y7")]
        case .notePark:
            try ledger.notePark("Y5", note: "厂房交付", on: on, context: ctx)
            return [(.update, .park, "Y5")]
        case .editPark:
            var edit = ParkEdit(on: on)
            edit.figures.buildings = 21
            try ledger.editPark("Y5", edit, context: ctx)
            return [(.edit, .park, "Y5")]
        case .addTenant:
            try ledger.addTenant(TenantDraft(name: "新企业", park: "Y5", on: on), context: ctx)
            return [(.add, .tenant, "E4")]
        case .updateTenant:
            try ledger.updateTenant("E1", statusUpdate(TenantStatus.construction, on: "2020-12-10"), context: ctx)
            return [(.update, .tenant, "E1")]
        case .editTenant:
            var edit = TenantEdit(on: on)
            edit.name = "百川生物"
            try ledger.editTenant("E1", edit, context: ctx)
            return [(.edit, .tenant, "E1")]
        case .addMilestone:
            try ledger.addMilestone(MilestoneDraft(title: "开工", subjectKind: .project, subject: "P5", due: due("2021-03-31"), on: on),
                                    context: ctx)
            return [(.add, .milestone, "M8")]
        case .completeMilestone:
            try ledger.completeMilestone("M7", on: on, note: nil, context: ctx)
            return [(.done, .milestone, "M7")]
        case .rescheduleMilestone:
            try ledger.rescheduleMilestone("M7", to: due("2021-03-31"), on: on, reason: "拆迁延后", context: ctx)
            return [(.reschedule, .milestone, "M7")]
        case .cancelMilestone:
            try ledger.cancelMilestone("M7", on: on, reason: "规划调整", context: ctx)
            return [(.cancel, .milestone, "M7")]
        case .reopenMilestone:
            try ledger.completeMilestone("M7", on: day("2020-12-01"), note: nil, context: context())
            let before = try ledger.sizes
            try ledger.reopenMilestone("M7", on: on, reason: "验收未通过", context: ctx)
            #expect(try ledger.sizes.entries == before.entries + 1)
            return [(.reopen, .milestone, "M7")]
        case .editMilestone:
            try ledger.editMilestone("M7", title: "三个地块竣工投产", department: nil, note: nil, on: on, context: ctx)
            return [(.edit, .milestone, "M7")]
        case .addFigure:
            try ledger.addFigure(FigureDraft(category: .indicator, metric: "工业总产值", from: day("2020-01-01"), to: day("2020-12-31"),
                                             knownOn: on, value: ExactDecimal(units: 190, scale: 0), unit: "亿元"), context: ctx)
            return []
        }
    }
}

@Suite struct OperationTests {
    @Test(arguments: Write.allCases)
    func eachWriteAppendsItsEntriesInOneBatchWithItsAuthor(write: Write) throws {
        // Given the seeded ledger and a writer
        let ledger = try seededCopy()
        let ctx = context(author: "王科长", command: "demo \(write.rawValue)")
        var before = try ledger.sizes
        if write == .reopenMilestone { before.entries += 1; before.batches += 1 }  // its setup writes a done entry first
        // When the write runs
        let expected = try write.perform(on: ledger, ctx)
        // Then exactly one batch names the author and the command
        let (entries, batches) = try ledger.appended(since: before)
        try #require(batches.count == 1)
        #expect(batches[0].author == "王科长")
        #expect(batches[0].command == "demo \(write.rawValue)")
        #expect(batches[0].recordedAt == ctx.recordedAt)
        // And exactly the expected entries, in that batch, about those subjects
        try #require(entries.count == expected.count)
        for (entry, expected) in zip(entries, expected) {
            #expect(entry.batchId == batches[0].id)
            #expect(entry.action == expected.action)
            #expect(entry.effectiveOn == day("2020-12-10"))
            #expect(entry.subject == (try ledger.resolve(expected.code, kind: expected.kind).subjectID))
        }
        if write == .addFigure {
            #expect(try ledger.read { try Int64.fetchOne($0, sql: "SELECT batch_id FROM figure WHERE code = 'F71'") } == batches[0].id)
        }
    }

    @Test func addingAProjectRecordsItsStartingStateAndLinks() throws {
        let ledger = try seededCopy()
        var draft = ProjectDraft(name: "智能装备产业园", kind: .industrial, on: day("2020-12-01"))
        draft.stage = .preliminary
        draft.progress = 5
        draft.investment = try Money.parse("9亿元")
        draft.park = "博通"
        draft.parcel = "L1"
        draft.plannedStart = day("2021-01-01")
        draft.plannedCompletion = day("2021-12-31")
        let project = try ledger.addProject(draft, context: context())
        #expect(project.code == "P37")
        let state = try #require(try ledger.current(.project, "P37"))
        #expect(state["investment_yuan"] == 900_000_000 as Int64)
        #expect(state["park_id"] == (try ledger.resolve("Y5", kind: .park).id))
        let entry = try #require(try ledger.entries().last)
        #expect(entry.stage == .preliminary)
        #expect(entry.progress == 5)
        #expect(entry.id(of: .project) == project.id)
        // A project with no stage given starts at 谋划
        try addProject(ledger, "储备项目", on: "2020-12-01")
        #expect(try ledger.entries().last?.stage == .planning)
    }

    @Test func aRefusedWriteLeavesNothingBehind() throws {
        let ledger = try seededCopy()
        let before = try ledger.sizes
        let projects = try ledger.count("project"), parcels = try ledger.count("parcel")
        // A project in a park that does not exist, a parcel for a project that does not exist
        #expect(refusal { try addProject(ledger, "孤儿项目", on: "2020-12-01") { $0.park = "不存在的园区" } }?.contains("找不到园区") == true)
        #expect(refusal { try addParcel(ledger, "孤儿地块", on: "2020-12-01") { $0.project = "P999" } }?.contains("找不到项目") == true)
        #expect(try ledger.sizes == before)
        #expect(try ledger.count("project") == projects)
        #expect(try ledger.count("parcel") == parcels)
    }

    @Test func anEmptyAuthorIsRefused() throws {
        let ledger = try seededCopy()
        let message = refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", note: "x"), context: context(author: "  ")) }
        #expect(message?.contains("记录人无效") == true)
    }

    // MARK: Effective days

    @Test(arguments: [
        ("project", "P5"), ("project edit", "P5"), ("parcel", "L1"), ("parcel edit", "L1"), ("park", "Y1"), ("park edit", "Y1"),
        ("tenant", "E1"), ("tenant edit", "E1"), ("milestone edit", "M1"), ("milestone reschedule", "M1"), ("milestone on subject", "P5"),
    ])
    func nothingIsRecordedBeforeItsSubjectEnteredTheLedger(what: String, ref: String) throws {
        // Given subjects recorded on 2020-11-30; When something is recorded about them on 2020-11-29
        let ledger = try seededCopy()
        let on = day("2020-11-29")
        let message = refusal {
            switch what {
            case "project": try ledger.updateProject(ref, projectUpdate(on: "2020-11-29", progress: 10), context: context())
            case "project edit": var e = ProjectEdit(on: on); e.department = "x"; try ledger.editProject(ref, e, context: context())
            case "parcel": try ledger.updateParcel(ref, statusUpdate(ParcelStatus.sold, on: "2020-11-29"), context: context())
            case "parcel edit": var e = ParcelEdit(on: on); e.landUse = "x"; try ledger.editParcel(ref, e, context: context())
            case "park": try ledger.notePark(ref, note: "x", on: on, context: context())
            case "park edit": var e = ParkEdit(on: on); e.kind = .platform; try ledger.editPark(ref, e, context: context())
            case "tenant": try ledger.updateTenant(ref, statusUpdate(TenantStatus.producing, on: "2020-11-29"), context: context())
            case "tenant edit": var e = TenantEdit(on: on); e.name = "x"; try ledger.editTenant(ref, e, context: context())
            case "milestone edit": try ledger.editMilestone(ref, title: "x", department: nil, note: nil, on: on, context: context())
            case "milestone reschedule": try ledger.rescheduleMilestone(ref, to: due("2022-12-31"), on: on, reason: "x", context: context())
            default: try addMilestone(ledger, "x", about: .project, ref, due: "2021-12-31", on: "2020-11-29")
            }
        }
        // Then it is refused, naming the day the subject was recorded
        #expect(message?.contains("于2020-11-30记入账本，不能记录更早（2020-11-29）的情况") == true, "\(what): \(message ?? "accepted")")
    }

    @Test(arguments: ["add project", "add parcel", "add park", "add tenant", "update project", "update parcel", "update tenant",
                      "note park", "edit project", "add milestone", "done", "cancel", "reopen", "reschedule"])
    func noEntryMayBeEffectiveAfterToday(what: String) throws {
        // Given today is 2026-11-29; When something is recorded as of 2026-11-30
        let ledger = try seededCopy()
        let later = day("2026-11-30")
        if what == "reopen" { try ledger.completeMilestone("M7", on: day("2021-01-05"), note: nil, context: context()) }
        let message = refusal {
            switch what {
            case "add project": try addProject(ledger, "未来项目", on: "2026-11-30")
            case "add parcel": try addParcel(ledger, "未来地块", on: "2026-11-30")
            case "add park": try addPark(ledger, "未来园区", on: "2026-11-30")
            case "add tenant": try addTenant(ledger, "未来企业", park: "Y5", on: "2026-11-30")
            case "update project": try ledger.updateProject("P5", projectUpdate(on: "2026-11-30", progress: 10), context: context())
            case "update parcel": try ledger.updateParcel("L1", statusUpdate(ParcelStatus.sold, on: "2026-11-30"), context: context())
            case "update tenant": try ledger.updateTenant("E1", statusUpdate(TenantStatus.producing, on: "2026-11-30"), context: context())
            case "note park": try ledger.notePark("Y1", note: "x", on: later, context: context())
            case "edit project": var e = ProjectEdit(on: later); e.department = "x"; try ledger.editProject("P5", e, context: context())
            case "add milestone": try addMilestone(ledger, "x", about: .park, "Y1", due: "2027-12-31", on: "2026-11-30")
            case "done": try ledger.completeMilestone("M7", on: later, note: nil, context: context())
            case "cancel": try ledger.cancelMilestone("M7", on: later, reason: "x", context: context())
            case "reopen": try ledger.reopenMilestone("M7", on: later, reason: "x", context: context())
            default: try ledger.rescheduleMilestone("M7", to: due("2027-12-31"), on: later, reason: "x", context: context())
            }
        }
        #expect(message?.contains("生效日期“2026-11-30”晚于今天（2026-11-29）") == true, "\(what): \(message ?? "accepted")")
        // And today itself is fine
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2026-11-29", note: "今天"), context: context()) } == nil)
    }

    // MARK: Progress and order

    @Test(arguments: [120, -1, 101])
    func progressOutsideZeroToHundredIsRefused(progress: Int) throws {
        let ledger = try seededCopy()
        let expected = "进度无效“\(progress)”：应在0至100之间"
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", progress: progress), context: context()) } == expected)
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", progress: progress, correction: true), context: context()) } == expected)
        #expect(refusal { try addProject(ledger, "新", on: "2020-12-01") { $0.progress = progress } } == expected)
    }

    @Test func progressBoundsAreAccepted() throws {
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", progress: 0), context: context())
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-02", progress: 100), context: context())
        #expect(try ledger.entries().suffix(2).map(\.progress) == [0, 100])
    }

    @Test func anUpdateWithNothingToRecordIsRefused() throws {
        let ledger = try seededCopy()
        #expect(failure { try ledger.updateProject("P5", projectUpdate(on: "2020-12-01"), context: context()) }?.kind == .usage)
    }

    @Test func aBackwardStageNeedsCorrection() throws {
        // Given P5 at 开工 since 2020-11-30
        let ledger = try seededCopy()
        // When it is set back to 前期 without correction: refused
        let message = refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", stage: .preliminary), context: context()) }
        #expect(message == "P5 台邦精密减速器项目的阶段已是“开工”，改回“前期”是倒退：如确为更正，请加 --correction")
        // When it is marked a correction: recorded, flagged, and the state follows
        let entry = try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", stage: .preliminary, correction: true), context: context())
        #expect(entry.correction)
        #expect(try ledger.entries().last?.correction == true)
        #expect(try ledger.listProjects(asOf: day("2020-12-01")).cell("stage", code: "P5")?.plain == "前期")
        // And the same stage again is not backwards
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-02", stage: .preliminary), context: context()) } == nil)
    }

    @Test func aBackDatedStageMayNotOvertakeALaterOne() throws {
        // Given P5 started on 2020-11-30 and topped out on 2020-12-20
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-20", stage: .toppedOut), context: context())
        // When 竣工 is back-dated to 2020-12-10, before the later 结顶: refused by the "next" rule
        let message = refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", stage: .completed), context: context()) }
        #expect(message == "P5 台邦精密减速器项目在2020-12-10之后已记为“结顶”，此前不能是更后的“竣工”：如确为更正，请加 --correction")
        // But 在建 fits between 开工 and 结顶, and a correction may do anything
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", stage: .construction), context: context()) } == nil)
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-11", stage: .completed, correction: true), context: context()) } == nil)
    }

    @Test func progressMayNotRunBackwards() throws {
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", progress: 50), context: context())
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-11", progress: 40), context: context()) }
                == "P5 台邦精密减速器项目的进度已是50%，改为40%是倒退：如确为更正，请加 --correction")
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-11", progress: 40, correction: true), context: context()) } == nil)
    }

    @Test func aBackDatedProgressMayNotExceedALaterOne() throws {
        // Given P5 at 50% on 2020-12-20
        let ledger = try seededCopy()
        try ledger.updateProject("P5", projectUpdate(on: "2020-12-20", progress: 50), context: context())
        // When 60% is back-dated to 2020-12-10, the history would run 60% → 50% with no correction flag
        let message = refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", progress: 60), context: context()) }
        #expect(message != nil)
    }

    @Test func parcelAndTenantStatusesKeepTheirOrderToo() throws {
        let ledger = try seededCopy()
        // L1 is 挂牌: back to 规划 is refused; 闲置 is a side state reachable from anywhere
        #expect(refusal { try ledger.updateParcel("L1", statusUpdate(ParcelStatus.planned, on: "2020-12-01"), context: context()) }?
            .contains("地块状态已是“挂牌”，改回“规划”是倒退") == true)
        #expect(refusal { try ledger.updateParcel("L1", statusUpdate(ParcelStatus.idle, on: "2020-12-01"), context: context()) } == nil)
        let corrected = try ledger.updateParcel("L1", statusUpdate(ParcelStatus.planned, on: "2020-12-02", correction: true), context: context())
        #expect(corrected.correction)
        // E1 签约 → 投产 → 在建 is backwards; 退出 is always allowed
        try ledger.updateTenant("E1", statusUpdate(TenantStatus.producing, on: "2020-12-01"), context: context())
        #expect(refusal { try ledger.updateTenant("E1", statusUpdate(TenantStatus.construction, on: "2020-12-02"), context: context()) }?
            .contains("企业状态已是“投产”，改回“在建”是倒退") == true)
        #expect(refusal { try ledger.updateTenant("E1", statusUpdate(TenantStatus.exited, on: "2020-12-02"), context: context()) } == nil)
    }

    // MARK: Names and codes

    @Test(arguments: [
        ("", "不能为空"), ("   ", "不能为空"), (String(repeating: "字", count: 201), "过长（201个字符）：最多200个字符"),
        ("名\u{7}称", "含有控制字符"), ("名\n称", "含有控制字符"), ("a\tb", "含有控制字符"), ("删\u{7F}除", "含有控制字符"),
        ("空\u{0}字", "含有控制字符"), ("\u{FEFF}三尚", "字节顺序标记"), ("三\u{FEFF}尚", "字节顺序标记"),
    ])
    func badNamesAreRefusedForEveryKind(name: String, expected: String) throws {
        let ledger = try seededCopy()
        let refusals = [
            refusal { try addProject(ledger, name, on: "2020-12-01") },
            refusal { try addParcel(ledger, name, on: "2020-12-01") },
            refusal { try addPark(ledger, name, on: "2020-12-01") },
            refusal { try addTenant(ledger, name, park: "Y5", on: "2020-12-01") },
            refusal { try addMilestone(ledger, name, about: .park, "Y5", due: "2021-12-31", on: "2020-12-01") },
            refusal { var e = ProjectEdit(on: day("2020-12-01")); e.name = name; try ledger.editProject("P5", e, context: context()) },
        ]
        for message in refusals { #expect(message?.contains(expected) == true, "\(name.debugDescription): \(message ?? "accepted")") }
    }

    @Test(arguments: [("\u{FEFF}P9", "字节顺序标记"), ("P\u{0}9", "控制字符"), ("P\u{1B}9", "控制字符"), ("P 9", "不含空格"), ("123", "不能全是数字")])
    func badCodesAreRefusedWithTheRule(code: String, expected: String) throws {
        let ledger = try seededCopy()
        let message = refusal { try addProject(ledger, "新项目", on: "2020-12-01") { $0.code = code } }
        #expect(message?.contains("编号无效") == true && message?.contains(expected) == true, "\(code.debugDescription): \(message ?? "accepted")")
    }

    @Test(arguments: [("进展\u{0}", "控制字符"), ("进展\u{7}", "控制字符"), ("\u{FEFF}进展", "字节顺序标记")])
    func badNotesAreRefusedAndLineBreaksKept(note: String, expected: String) throws {
        let ledger = try seededCopy()
        let message = refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", note: note), context: context()) }
        #expect(message?.contains(expected) == true, "\(note.debugDescription): \(message ?? "accepted")")
        // A note of several lines (a cell typed with Alt+Enter) is text, kept as written.
        #expect(refusal { try ledger.updateProject("P5", projectUpdate(on: "2020-12-01", note: "第一行\n第二行\t完"), context: context()) } == nil)
    }

    @Test func namesAreTrimmedAndMayBeTwoHundredCharactersLong() throws {
        let ledger = try emptyLedger()
        let long = String(repeating: "字", count: 200)
        #expect(try addProject(ledger, long).name == long)
        #expect(try addProject(ledger, "  前后有空格  ").name == "前后有空格")
    }

    @Test func namesAreMeasuredAsTheSchemaMeasuresThem() throws {
        // Given a name of 150 characters as people count them, written with combining accents (300 code points)
        let ledger = try emptyLedger()
        let accented = String(repeating: "e\u{301}", count: 150)
        #expect(accented.count == 150)
        let message = refusal { try addProject(ledger, accented) }
        // Then it is either stored, or refused with a message naming the field, not a bare constraint failure
        #expect(message == nil || message?.contains("项目名称") == true, "\(message ?? "")")
    }

    @Test func aFigureUnitLongerThanTheSchemaAllowsIsRefusedByName() throws {
        // The schema allows units of 1–20 characters; Validate.name allows 200
        let ledger = try emptyLedger()
        let draft = FigureDraft(category: .indicator, metric: "产值", from: day("2021-01-01"), to: day("2021-12-31"),
                                knownOn: day("2021-01-01"), value: ExactDecimal(units: 1, scale: 0), unit: String(repeating: "个", count: 21))
        let message = refusal { try ledger.addFigure(draft, context: context()) }
        #expect(message != nil)
        #expect(message?.contains("单位") == true, "\(message ?? "")")
    }

    @Test func duplicateNamesAreRefused() throws {
        let ledger = try seededCopy()
        #expect(refusal { try addProject(ledger, "台邦精密减速器项目", on: "2020-12-01") } == "已有同名项目“台邦精密减速器项目”（P5）")
        #expect(refusal { try addProject(ledger, " 台邦精密减速器项目 ", on: "2020-12-01") } == "已有同名项目“台邦精密减速器项目”（P5）")
        #expect(refusal { try addParcel(ledger, "盐盆九个村乐海围垦区安置工业返回地", on: "2020-12-01") }?.contains("已有同名地块") == true)
        #expect(refusal { try addPark(ledger, "生态智慧岛", on: "2020-12-01") }?.contains("已有同名园区") == true)
        #expect(refusal { var e = ProjectEdit(on: day("2020-12-01")); e.name = "固力发"; try ledger.editProject("P2", e, context: context()) }
                == "已有同名项目“固力发”（P1）")
        // A tenant's name is unique within its park only
        #expect(refusal { try addTenant(ledger, "韩宇光电", park: "Y2", on: "2020-12-01") } == "生态智慧岛已有企业“韩宇光电”（E3）")
        #expect(try addTenant(ledger, "韩宇光电", park: "Y5", on: "2020-12-01").code == "E4")
        #expect(refusal { var e = TenantEdit(on: day("2020-12-01")); e.park = "Y2"; try ledger.editTenant("E4", e, context: context()) }
                == "生态智慧岛已有企业“韩宇光电”（E3）")
    }

    @Test(arguments: [("p5", "编号“p5”已被另一个项目使用"), ("12", "编号无效“12”"), ("A B", "编号无效“A B”"),
                      (String(repeating: "X", count: 41), "编号无效")])
    func codesAreCheckedAndUnique(code: String, expected: String) throws {
        let ledger = try seededCopy()
        let message = refusal { try addProject(ledger, "自定编号项目", on: "2020-12-01") { $0.code = code } }
        #expect(message?.contains(expected) == true, "\(code): \(message ?? "accepted")")
    }

    @Test func customCodesLeaveTheSequenceAlone() throws {
        let ledger = try emptyLedger()
        #expect(try addProject(ledger, "甲") { $0.code = "P10" }.code == "P10")
        #expect(try addProject(ledger, "乙") { $0.code = "GX-1" }.code == "GX-1")
        #expect(try addProject(ledger, "丙").code == "P11")
    }

    @Test func sqlMetacharactersAreStoredVerbatim() throws {
        // Given names and notes full of quotes, semicolons and wildcards
        let ledger = try emptyLedger()
        let name = "O'Brien\"; DROP TABLE entry; -- 100%_项目"
        let note = "'); DELETE FROM batch; -- \\ %"
        let project = try addProject(ledger, name) { $0.note = note; $0.department = "a' OR '1'='1" }
        // Then they come back byte for byte, and every table is intact
        #expect(project.name == name)
        #expect(try ledger.resolve(name, kind: .project).code == "P1")
        #expect(try ledger.read { try String.fetchOne($0, sql: "SELECT name FROM entry WHERE project_id IS NOT NULL") } == name)
        #expect(try ledger.entries().map(\.note) == [note])
        #expect(try ledger.count("batch") == 1)
        #expect(try ledger.listProjects(asOf: day("2021-01-01")).cell("latest_note", code: "P1") == .text(note))
    }

    // MARK: Edits

    @Test func anEditRecordsOldAndNewValues() throws {
        // Given P5 with no investment, department or plan
        let ledger = try seededCopy()
        var edit = ProjectEdit(on: day("2020-12-05"))
        edit.name = "台邦减速器项目"
        edit.investment = try Money.parse("2.5亿")
        edit.department = "经发局"
        edit.plannedStart = day("2021-01-01")
        edit.kind = .industrial  // unchanged: not listed
        edit.note = "按备案名称"
        // When edited
        let entry = try ledger.editProject("P5", edit, context: context())
        // Then the entry lists exactly the changed fields, old and new
        #expect(entry.action == .edit)
        #expect(entry.note == "按备案名称")
        #expect(entry.changed == [
            "名称": ["台邦精密减速器项目", "台邦减速器项目"], "总投资": ["（空）", "2.5亿元"],
            "责任部门": ["（空）", "经发局"], "计划开工": ["（空）", "2021-01-01"],
        ])
        // And the entry carries exactly those fields
        #expect(Set(entry.entry.fieldsSet.map(\.key)) == ["name", "investment", "department", "planned_start"])
        // And the subject has the new values from that day, still reachable by code
        let project = try ledger.current(.project, "P5")
        #expect(project?["name"] == "台邦减速器项目")
        #expect(project?["investment_yuan"] == 250_000_000 as Int64)
    }

    @Test func anEditWithNothingChangedIsRefusedAndWritesNothing() throws {
        let ledger = try seededCopy()
        let before = try ledger.sizes
        var edit = ProjectEdit(on: day("2020-12-05"))
        edit.name = "台邦精密减速器项目"
        let refused = failure { try ledger.editProject("P5", edit, context: context()) }
        #expect(refused?.kind == .data)
        #expect(refused?.message == "P5 台邦精密减速器项目在2020-12-05已是这些值：没有要修改的内容")
        #expect(failure { try ledger.editProject("P5", ProjectEdit(on: day("2020-12-05")), context: context()) }?.kind == .usage)
        #expect(try ledger.sizes == before)
    }

    @Test func aPlanMustNotEndBeforeItStarts() throws {
        let ledger = try seededCopy()
        var edit = ProjectEdit(on: day("2020-12-05"))
        edit.plannedStart = day("2021-06-01")
        edit.plannedCompletion = day("2021-05-31")
        #expect(refusal { try ledger.editProject("P5", edit, context: context()) } == "计划竣工日期（2021-05-31）早于计划开工日期（2021-06-01）")
    }

    @Test func parcelAndParkEditsListTheirChanges() throws {
        let ledger = try seededCopy()
        var park = ParkEdit(on: day("2020-12-05"))
        park.figures.investment = try Money.parse("5000万元")
        park.kind = .platform
        let parkEntry = try ledger.editPark("Y6", park, context: context())
        #expect(parkEntry.changed == ["总投资": ["（空）", "5000万元"], "类别": ["创业园", "产业平台"]])

        var tenant = TenantEdit(on: day("2020-12-05"))
        tenant.park = "Y5"
        let tenantEntry = try ledger.editTenant("E1", tenant, context: context())
        // A link reads as the linked subject's code
        #expect(tenantEntry.changed == ["园区": ["Y2", "Y5"]])
        #expect(try ledger.listTenants(asOf: day("2020-12-05"), park: "Y5").codes == ["E1"])
    }

    @Test func anAreaEditIsRecordedInHundredthsAndReadInMu() throws {
        // Given L1 of 144.73 亩; When its area is edited to 200 亩
        let ledger = try seededCopy()
        var edit = ParcelEdit(on: day("2020-12-05"))
        edit.area = try Area.parse("200")
        let entry = try ledger.editParcel("L1", edit, context: context())
        #expect(try ledger.listParcels(asOf: day("2020-12-05")).cell("area_mu", code: "L1") == .number("200"))
        // Then the change names the column and its unit, exactly, and the history reads it in 亩
        #expect(entry.changed == ["面积": ["144.73亩", "200亩"]])
        #expect(entry.entry[.parcelArea] == 20000.databaseValue)
        var query = HistoryQuery()
        query.subject = "L1"
        #expect(try ledger.history(query).column("change").first == .text("面积：144.73亩 → 200亩"))
    }

    // MARK: Append-only

    @Test(arguments: ["UPDATE entry SET note = 'rewritten'", "DELETE FROM entry", "UPDATE entry SET effective_on = '2019-01-01' WHERE id = 1"])
    func theHistoryCannotBeRewritten(sql: String) throws {
        // Given the seeded ledger's entries
        let ledger = try seededCopy()
        let before = try ledger.entries()
        // When anything tries to change or remove one, even bypassing the operations
        let message = refusal { try ledger.write { try $0.execute(sql: sql) } }
        // Then the database refuses, and the history is exactly as it was
        #expect(message == "数据不符合账本的约束，未写入：历史记录只能追加，不能修改或删除")
        let after = try ledger.entries()
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.note) == before.map(\.note))
        #expect(after.map(\.effectiveOn) == before.map(\.effectiveOn))
    }

    // MARK: Figures

    @Test func aFigureKeepsItsDigitsAndScope() throws {
        let ledger = try seededCopy()
        var draft = FigureDraft(category: .reported, metric: "容积率", from: day("2020-01-01"), to: day("2020-12-31"),
                                knownOn: day("2020-12-31"), value: try #require(ExactDecimal("2.60")), unit: "倍")
        draft.park = "博通"
        draft.key = "plot_ratio_2"
        draft.yoyPercent = ExactDecimal("-3.5")
        let figure = try ledger.addFigure(draft, context: context())
        #expect(figure.code == "F71")
        #expect(figure.value == "2.60")
        #expect(figure.yoyPercent == "-3.5")
        #expect(figure.parkId == (try ledger.resolve("Y5", kind: .park).id))
    }

    @Test(arguments: [("period", "统计期无效"), ("key", "键名无效“Land-Sold”"), ("negative", "不能为负"), ("park", "找不到园区"),
                      ("code", "编号“f1”已被另一条数据使用"), ("metric", "指标名称不能为空")])
    func badFiguresAreRefused(what: String, expected: String) throws {
        let ledger = try seededCopy()
        var draft = FigureDraft(category: .indicator, metric: "产值", from: day("2020-01-01"), to: day("2020-12-31"),
                                knownOn: day("2020-12-31"), value: ExactDecimal(units: 5, scale: 0), unit: "亿元")
        switch what {
        case "period": draft.from = day("2021-01-01")
        case "key": draft.key = "Land-Sold"
        case "negative": draft.value = ExactDecimal(units: -5, scale: 0)
        case "park": draft.park = "不存在"
        case "code": draft.code = "f1"
        default: draft.metric = " "
        }
        let before = try ledger.count("figure")
        #expect(refusal { try ledger.addFigure(draft, context: context()) }?.contains(expected) == true)
        #expect(try ledger.count("figure") == before)
    }
}
