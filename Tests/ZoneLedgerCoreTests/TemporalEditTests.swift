import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// Every descriptive field of every kind, edited out of order: the later edit (2021-03-01) is
/// recorded first, then one back-dated to 2021-01-15, between the subject's add and a note already
/// there on 2021-02-01. Each day reads the value in force on it, the history's change text names
/// the value the field had on the edit's own day, and undoing the edits puts each day back.
@Suite struct TemporalEditTests {
    /// One field to edit: the subject, the field's key (for a milestone's subject, the kind of the
    /// new subject), the text typed for the back-dated edit and for the later one, and the cell
    /// `show` gives for each (plain text), and the change text's words for each.
    struct Case: CustomTestStringConvertible, Sendable {
        let kind: SubjectKind
        let ref: String
        let key: String
        let early: String
        let late: String
        /// show's cell, plain, on the days each value holds.
        let earlyCell: String
        let lateCell: String
        /// The history's words for the value before any edit, and for each edit's value.
        let originalWords: String
        let earlyWords: String
        let lateWords: String
        var testDescription: String { "\(kind.rawValue) \(ref) \(key)" }

        /// show's column for this field.
        var column: String {
            if kind == .milestone && ["project", "parcel", "park", "tenant"].contains(key) { return "subject" }
            return kind.field(key)?.column.key ?? key
        }
    }

    static let cases: [Case] = [
        // P5 台邦精密减速器项目: industrial, no investment, park or parcel, 省重大 and 入库, no department or plan.
        // P6 is given 经发局 on 2020-12-01 (see `ledger(for:)`), to be cleared.
        Case(kind: .project, ref: "P5", key: "name", early: "台邦甲", late: "台邦乙", earlyCell: "台邦甲", lateCell: "台邦乙",
             originalWords: "台邦精密减速器项目", earlyWords: "台邦甲", lateWords: "台邦乙"),
        Case(kind: .project, ref: "P5", key: "kind", early: "平台", late: "社会事业", earlyCell: "平台", lateCell: "社会事业",
             originalWords: "工业", earlyWords: "平台", lateWords: "社会事业"),
        Case(kind: .project, ref: "P5", key: "investment", early: "9亿元", late: "12亿元", earlyCell: "90000", lateCell: "120000",
             originalWords: "（空）", earlyWords: "9亿元", lateWords: "12亿元"),
        Case(kind: .project, ref: "P5", key: "park", early: "Y1", late: "Y5", earlyCell: "Y1 __湾电力科技小镇", lateCell: "Y5 __博通小微园",
             originalWords: "（空）", earlyWords: "Y1", lateWords: "Y5"),
        Case(kind: .project, ref: "P5", key: "parcel", early: "L1", late: "L2", earlyCell: "L1 盐盆九个村乐海围垦区安置工业返回地",
             lateCell: "L2 测试地块", originalWords: "（空）", earlyWords: "L1", lateWords: "L2"),
        // Two values only: both edits clear the flag, so the later one changes nothing once the earlier is in.
        Case(kind: .project, ref: "P5", key: "provincial_major", early: "否", late: "否", earlyCell: "", lateCell: "",
             originalWords: "是", earlyWords: "否", lateWords: "否"),
        Case(kind: .project, ref: "P5", key: "registered", early: "否", late: "否", earlyCell: "", lateCell: "",
             originalWords: "是", earlyWords: "否", lateWords: "否"),
        Case(kind: .project, ref: "P5", key: "department", early: "经发局", late: "建设局", earlyCell: "经发局", lateCell: "建设局",
             originalWords: "（空）", earlyWords: "经发局", lateWords: "建设局"),
        Case(kind: .project, ref: "P6", key: "department", early: "建设局", late: "", earlyCell: "建设局", lateCell: "",
             originalWords: "经发局", earlyWords: "建设局", lateWords: "（空）"),
        Case(kind: .project, ref: "P5", key: "planned_start", early: "2021-04-01", late: "2021-05-01", earlyCell: "2021-04-01",
             lateCell: "2021-05-01", originalWords: "（空）", earlyWords: "2021-04-01", lateWords: "2021-05-01"),
        Case(kind: .project, ref: "P5", key: "planned_completion", early: "2022-12-31", late: "2023-06-30", earlyCell: "2022-12-31",
             lateCell: "2023-06-30", originalWords: "（空）", earlyWords: "2022-12-31", lateWords: "2023-06-30"),
        // L1: 144.73 亩, 工业.
        Case(kind: .parcel, ref: "L1", key: "name", early: "乐海甲", late: "乐海乙", earlyCell: "乐海甲", lateCell: "乐海乙",
             originalWords: "盐盆九个村乐海围垦区安置工业返回地", earlyWords: "乐海甲", lateWords: "乐海乙"),
        Case(kind: .parcel, ref: "L1", key: "area_mu", early: "150", late: "160.5", earlyCell: "150", lateCell: "160.5",
             originalWords: "144.73亩", earlyWords: "150亩", lateWords: "160.5亩"),
        Case(kind: .parcel, ref: "L1", key: "land_use", early: "商业", late: "住宅", earlyCell: "商业", lateCell: "住宅",
             originalWords: "工业", earlyWords: "商业", lateWords: "住宅"),
        // Y5 __博通小微园: 小微园, 56 亩, 容积率 1.72, 64618 ㎡, 2.5亿元, 10亿元, 5000万元, 20 幢, 电子、电器.
        Case(kind: .park, ref: "Y5", key: "name", early: "博通甲", late: "博通乙", earlyCell: "博通甲", lateCell: "博通乙",
             originalWords: "__博通小微园", earlyWords: "博通甲", lateWords: "博通乙"),
        Case(kind: .park, ref: "Y5", key: "kind", early: "产业平台", late: "创业园", earlyCell: "产业平台", lateCell: "创业园",
             originalWords: "小微园", earlyWords: "产业平台", lateWords: "创业园"),
        Case(kind: .park, ref: "Y5", key: "area_mu", early: "60", late: "70", earlyCell: "60", lateCell: "70",
             originalWords: "56亩", earlyWords: "60亩", lateWords: "70亩"),
        Case(kind: .park, ref: "Y5", key: "area_approximate", early: "是", late: "是", earlyCell: "是", lateCell: "是",
             originalWords: "否", earlyWords: "是", lateWords: "是"),
        Case(kind: .park, ref: "Y5", key: "plot_ratio", early: "2.6", late: "3.1", earlyCell: "2.6", lateCell: "3.1",
             originalWords: "1.72", earlyWords: "2.6", lateWords: "3.1"),
        Case(kind: .park, ref: "Y5", key: "floor_area_m2", early: "70000", late: "80000", earlyCell: "70000", lateCell: "80000",
             originalWords: "64618平方米", earlyWords: "70000平方米", lateWords: "80000平方米"),
        Case(kind: .park, ref: "Y5", key: "investment", early: "3亿元", late: "4亿元", earlyCell: "30000", lateCell: "40000",
             originalWords: "2.5亿元", earlyWords: "3亿元", lateWords: "4亿元"),
        Case(kind: .park, ref: "Y5", key: "expected_output", early: "12亿元", late: "15亿元", earlyCell: "120000", lateCell: "150000",
             originalWords: "10亿元", earlyWords: "12亿元", lateWords: "15亿元"),
        Case(kind: .park, ref: "Y5", key: "expected_tax", early: "6000万元", late: "8000万元", earlyCell: "6000", lateCell: "8000",
             originalWords: "5000万元", earlyWords: "6000万元", lateWords: "8000万元"),
        Case(kind: .park, ref: "Y5", key: "buildings", early: "25", late: "30", earlyCell: "25", lateCell: "30",
             originalWords: "20幢", earlyWords: "25幢", lateWords: "30幢"),
        Case(kind: .park, ref: "Y5", key: "industries", early: "智能制造", late: "新材料", earlyCell: "智能制造", lateCell: "新材料",
             originalWords: "电子、电器", earlyWords: "智能制造", lateWords: "新材料"),
        // E1 百川生物科技, in Y2 生态智慧岛.
        Case(kind: .tenant, ref: "E1", key: "name", early: "百川甲", late: "百川乙", earlyCell: "百川甲", lateCell: "百川乙",
             originalWords: "百川生物科技", earlyWords: "百川甲", lateWords: "百川乙"),
        Case(kind: .tenant, ref: "E1", key: "park", early: "Y5", late: "Y1", earlyCell: "Y5 __博通小微园", lateCell: "Y1 __湾电力科技小镇",
             originalWords: "Y2", earlyWords: "Y5", lateWords: "Y1"),
        // M3 交付企业使用, about Y5, no department.
        Case(kind: .milestone, ref: "M3", key: "title", early: "交付甲", late: "交付乙", earlyCell: "交付甲", lateCell: "交付乙",
             originalWords: "交付企业使用", earlyWords: "交付甲", lateWords: "交付乙"),
        Case(kind: .milestone, ref: "M3", key: "department", early: "建设局", late: "规划科", earlyCell: "建设局", lateCell: "规划科",
             originalWords: "（空）", earlyWords: "建设局", lateWords: "规划科"),
        Case(kind: .milestone, ref: "M3", key: "project", early: "P1", late: "P1", earlyCell: "P1 固力发", lateCell: "P1 固力发",
             originalWords: "Y5", earlyWords: "P1", lateWords: "P1"),
        Case(kind: .milestone, ref: "M3", key: "tenant", early: "E1", late: "E2", earlyCell: "E1 百川生物科技", lateCell: "E2 格林美新材料",
             originalWords: "Y5", earlyWords: "E1", lateWords: "E2"),
    ]

    static let before = ["2020-12-01", "2021-01-14"]
    static let early = ["2021-01-15", "2021-02-01", "2021-02-28"]
    static let late = ["2021-03-01", "2021-12-31"]

    /// The ledger for a case: seeded, a second parcel (L2, for the parcel link), and a note on the
    /// subject dated 2021-02-01, so that the back-dated edit falls between two entries.
    static func ledger(for test: Case) throws -> Ledger {
        let ledger = try seededCopy()
        try addParcel(ledger, "测试地块", area: "10", on: "2020-11-01")
        if test.ref == "P6" { try ledger.edit(.project, "P6", [("department", "经发局")], note: nil, on: day("2020-12-01"), context: context()) }
        switch test.kind {
        case .project: try ledger.updateProject(test.ref, projectUpdate(on: "2021-02-01", note: "二月说明"), context: context())
        case .parcel: try ledger.updateParcel(test.ref, statusUpdate(ParcelStatus.listed, on: "2021-02-01", note: "二月说明"), context: context())
        case .park: try ledger.notePark(test.ref, note: "二月说明", on: day("2021-02-01"), context: context())
        case .tenant: try ledger.updateTenant(test.ref, statusUpdate(TenantStatus.construction, on: "2021-02-01", note: "二月说明"), context: context())
        case .milestone: try ledger.edit(.milestone, test.ref, [], note: "二月说明", on: day("2021-02-01"), context: context())
        case .problem: try ledger.editProblem(test.ref, [], due: nil, note: "二月说明", on: day("2021-02-01"), context: context())
        }
        return ledger
    }

    static func cell(_ ledger: Ledger, _ test: Case, on date: String) throws -> String? {
        let detail = try ledger.show(test.ref, kind: test.kind, asOf: day(date))
        return detail.fields.first { $0.0.key == test.column }?.1.plain
    }

    /// The live (not undone) edit of the subject effective on a day, in the history: its change text.
    static func change(_ ledger: Ledger, _ test: Case, on date: String) throws -> String? {
        var query = HistoryQuery()
        query.subject = test.ref
        let table = try ledger.history(query)
        let row = table.rows.first {
            $0[table.index("effective_on")] == .day(day(date)) && $0[table.index("action")].plain == "修改"
                && $0[table.index("voided_by")] == .empty
        }
        return row?[table.index("change")].plain
    }

    @Test(arguments: cases)
    func anEditRecordedOutOfOrderHoldsOnItsOwnDays(_ test: Case) throws {
        let ledger = try Self.ledger(for: test)
        let original = try Self.cell(ledger, test, on: "2021-01-14")
        #expect(original != nil, "show has no \(test.column)")
        #expect(original != test.earlyCell || test.early == test.late)
        let label = test.column == "subject" ? "对象" : test.kind.field(test.key)?.label ?? "?"

        // The later edit first, compared with the state on its own day.
        let lateReceipt = try ledger.edit(test.kind, test.ref, [(test.key, test.late)], note: nil, on: day("2021-03-01"), context: context())
        #expect(lateReceipt.changes.map(\.text) == ["\(label)：\(test.originalWords) → \(test.lateWords)"])
        // Then one back-dated into the middle: compared with 2021-01-15, not with today.
        let earlyReceipt = try ledger.edit(test.kind, test.ref, [(test.key, test.early)], note: nil, on: day("2021-01-15"), context: context())
        #expect(earlyReceipt.changes.map(\.text) == ["\(label)：\(test.originalWords) → \(test.earlyWords)"])

        for date in Self.before { #expect(try Self.cell(ledger, test, on: date) == original, "\(date)") }
        for date in Self.early { #expect(try Self.cell(ledger, test, on: date) == test.earlyCell, "\(date)") }
        for date in Self.late { #expect(try Self.cell(ledger, test, on: date) == test.lateCell, "\(date)") }
        // The history says what each edit changed on its day: the later one now starts from the earlier's value.
        #expect(try Self.change(ledger, test, on: "2021-01-15") == "\(label)：\(test.originalWords) → \(test.earlyWords)")
        #expect(try Self.change(ledger, test, on: "2021-03-01") == "\(label)：\(test.earlyWords) → \(test.lateWords)")
        #expect(try ledger.read { try SpanHistory.mismatches(in: $0) }.isEmpty)

        // Undo the back-dated edit: its days read the original again, the later edit starts from it.
        _ = try ledger.undo(context: context())
        for date in Self.before + Self.early { #expect(try Self.cell(ledger, test, on: date) == original, "undone: \(date)") }
        for date in Self.late { #expect(try Self.cell(ledger, test, on: date) == test.lateCell, "undone: \(date)") }
        #expect(try Self.change(ledger, test, on: "2021-01-15") == nil)
        #expect(try Self.change(ledger, test, on: "2021-03-01") == "\(label)：\(test.originalWords) → \(test.lateWords)")

        // Undo the later one too: every day reads the original.
        _ = try ledger.undo(context: context())
        for date in Self.before + Self.early + Self.late { #expect(try Self.cell(ledger, test, on: date) == original, "both undone: \(date)") }
        #expect(try Self.change(ledger, test, on: "2021-03-01") == nil)
        #expect(try ledger.read { try SpanHistory.mismatches(in: $0) }.isEmpty)
        #expect(try ledger.check([.spans], today: day("2026-11-29")).isEmpty)
    }

    /// The lists agree with `show`: the same field read from the list of its kind, where the list has it.
    @Test(arguments: [
        (SubjectKind.project, "P5", "name", "台邦甲", "台邦乙"), (.project, "P5", "kind", "平台", "社会事业"),
        (.project, "P5", "investment", "9亿元", "12亿元"), (.parcel, "L1", "area_mu", "150", "160.5"),
        (.parcel, "L1", "land_use", "商业", "住宅"), (.park, "Y5", "plot_ratio", "2.6", "3.1"),
        (.park, "Y5", "floor_area_m2", "70000", "80000"), (.tenant, "E1", "name", "百川甲", "百川乙"),
        (.milestone, "M3", "title", "交付甲", "交付乙"),
    ] as [(SubjectKind, String, String, String, String)])
    func listsReadTheValueOfTheirDay(kind: SubjectKind, ref: String, key: String, early: String, late: String) throws {
        let ledger = try seededCopy()
        func list(_ date: String) throws -> ZoneLedgerCore.Table {
            switch kind {
            case .project: try ledger.listProjects(asOf: day(date))
            case .parcel: try ledger.listParcels(asOf: day(date))
            case .park: try ledger.listParks(asOf: day(date))
            case .tenant: try ledger.listTenants(asOf: day(date))
            case .milestone: try ledger.listMilestones(asOf: day(date))
            case .problem: try ledger.listProblems(AsOf(day(date)))
            }
        }
        let column = kind.field(key)?.column.key ?? key
        let original = try list("2021-01-14").cell(column, code: ref)
        try ledger.edit(kind, ref, [(key, late)], note: nil, on: day("2021-03-01"), context: context())
        try ledger.edit(kind, ref, [(key, early)], note: nil, on: day("2021-01-15"), context: context())
        let cells = try ["2021-01-14", "2021-01-15", "2021-02-28", "2021-03-01"].map { try list($0).cell(column, code: ref) }
        let shown = try ["2021-01-14", "2021-01-15", "2021-02-28", "2021-03-01"].map { date in
            try ledger.show(ref, kind: kind, asOf: day(date)).fields.first { $0.0.key == column }?.1
        }
        #expect(cells == shown)
        #expect(cells[0] == original && cells[1] == cells[2] && cells[1] != cells[0] && cells[3] != cells[1])
        _ = try ledger.undo(context: context())
        #expect(try list("2021-02-28").cell(column, code: ref) == original)
        #expect(try list("2021-03-01").cell(column, code: ref) == cells[3])
    }
}

/// A planned date edited on a past day holds on the later days, until a later entry sets it again:
/// an edit that would leave a later day with its completion before its start is refused, as it is
/// on its own day.
@Suite struct BackDatedPlanTests {
    @Test(arguments: [
        // Completion set later, then a start back-dated past it.
        ("planned_completion", "2021-06-30", "planned_start", "2021-12-01"),
        // Start set later, then a completion back-dated before it.
        ("planned_start", "2021-12-01", "planned_completion", "2021-06-30"),
    ])
    func aBackDatedPlanMayNotCrossALaterOne(laterKey: String, laterValue: String, earlierKey: String, earlierValue: String) throws {
        let ledger = try seededCopy()
        try ledger.edit(.project, "P5", [(laterKey, laterValue)], note: nil, on: day("2021-03-01"), context: context())
        let before = try ledger.entries().count
        let message = refusal { _ = try ledger.edit(.project, "P5", [(earlierKey, earlierValue)], note: nil, on: day("2021-01-15"), context: context()) }
        #expect(message == "P5 台邦精密减速器项目自2021-03-01起的计划竣工日期（2021-06-30）将早于计划开工日期（2021-12-01）")
        #expect(try ledger.entries().count == before)
        // On its own day (a later day than the other) it is refused as before.
        #expect(refusal { _ = try ledger.edit(.project, "P5", [(earlierKey, earlierValue)], note: nil, on: day("2021-03-02"), context: context()) }
                == "计划竣工日期（2021-06-30）早于计划开工日期（2021-12-01）")
        // Once a later entry sets the date again before the other takes effect, the back-dated one is fine.
        try ledger.edit(.project, "P5", [(earlierKey, earlierKey == "planned_start" ? "2021-01-01" : "2022-12-31")], note: nil,
                        on: day("2021-02-01"), context: context())
        try ledger.edit(.project, "P5", [(earlierKey, earlierValue)], note: nil, on: day("2021-01-15"), context: context())
        #expect(try ledger.check(today: day("2026-11-29")).isEmpty)
    }
}

@Suite struct MilestoneSubjectEditTests {
    /// A milestone moved to a subject added later, effective before that subject existed, is refused
    /// (as adding a milestone about it on that day is); from the subject's first day on it is fine.
    @Test(arguments: [(SubjectKind.project, "新项目"), (.park, "新园区")])
    func aMilestoneMayNotBeAboutSomethingBeforeItExists(kind: SubjectKind, name: String) throws {
        let ledger = try seededCopy()
        let added = kind == .project ? try addProject(ledger, name, on: "2021-02-10") : try addPark(ledger, name, on: "2021-02-10")
        let before = try ledger.entries().count
        #expect(refusal { _ = try ledger.editMilestone("M3", title: nil, department: nil, subject: (kind, added.code), note: nil,
                                                       on: day("2021-01-01"), context: context()) }
                == "节点的对象\(added.code) \(name)在2021-01-01还不存在")
        #expect(refusal { _ = try ledger.addMilestone(MilestoneDraft(title: "x", subjectKind: kind, subject: added.code, due: due("2021-03-01"),
                                                                     on: day("2021-01-01")), context: context()) } != nil)
        #expect(try ledger.entries().count == before)
        try ledger.editMilestone("M3", title: nil, department: nil, subject: (kind, added.code), note: nil, on: day("2021-02-10"), context: context())
        #expect(try ledger.show("M3", kind: .milestone, asOf: day("2021-02-10")).fields.first { $0.0.key == "subject" }?.1.plain
                == "\(added.code) \(name)")
    }
}
