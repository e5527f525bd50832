import Foundation
import Testing
@testable import ZoneLedgerCore

/// A closed month's sheet: nothing effective after it changes it; a correction effective in it
/// does, and says so in 更正; the sheet as recorded just before the correction is the one handed
/// out then, exactly, however much is written afterwards.
@Suite struct TemporalSheetTests {
    private let november = Month(year: 2020, month: 11)!

    /// A write context `minute` minutes after the seeding (1_800_000_000), so each command has its own moment.
    static func at(_ minute: Int) -> WriteContext {
        WriteContext(author: "测试", now: Date(timeIntervalSince1970: 1_800_000_000 + Double(minute) * 60), today: day("2026-11-29"),
                     command: "test")
    }

    /// The moment `minute` minutes (and `seconds`) after the seeding, as `--as-recorded` takes it.
    static func moment(_ minute: Int, seconds: Int = 0) throws -> RecordedAt {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return try RecordedAt.parse(formatter.string(from: Date(timeIntervalSince1970: 1_800_000_000 + Double(minute * 60 + seconds))))
    }

    func sheet(_ ledger: Ledger, recorded: RecordedAt? = nil) throws -> MonthlySheet {
        try ledger.sheet(month: november, today: day("2026-11-29"), recorded: recorded, generatedAt: "2026-11-29 10:00")
    }

    /// The sheet as it would read had it been asked for as known now: the moment it was read at aside.
    func unmarked(_ sheet: MonthlySheet) -> MonthlySheet {
        var copy = sheet
        copy.recorded = nil
        return copy
    }

    /// Writes of every kind, all effective after November, one command per minute from minute 1.
    static let afterNovember: [(String, @Sendable (Ledger, WriteContext) throws -> Void)] = [
        ("project edit, every field", { ledger, context in
            try ledger.edit(.project, "P5", [("name", "台邦新名"), ("kind", "平台"), ("investment", "9亿元"), ("park", "Y5"), ("parcel", "L1"),
                                             ("provincial_major", "否"), ("registered", "否"), ("department", "经发局"),
                                             ("planned_start", "2021-01-01"), ("planned_completion", "2021-12-31")],
                            note: "十二月改", on: day("2020-12-05"), context: context)
        }),
        ("project update", { try $0.updateProject("P6", projectUpdate(on: "2020-12-15", stage: .construction, progress: 20, note: "十二月"), context: $1) }),
        ("parcel edit", { try $0.edit(.parcel, "L1", [("name", "乐海新名"), ("area_mu", "150"), ("land_use", "商业")], note: nil, on: day("2020-12-07"), context: $1) }),
        ("parcel update", { try $0.updateParcel("L1", statusUpdate(ParcelStatus.sold, on: "2020-12-20"), context: $1) }),
        ("park edit, every field", { ledger, context in
            try ledger.edit(.park, "Y5", [("name", "博通园"), ("kind", "产业平台"), ("area_mu", "60"), ("area_approximate", "是"),
                                          ("plot_ratio", "2.6"), ("floor_area_m2", "70000"), ("investment", "3亿元"),
                                          ("expected_output", "12亿元"), ("expected_tax", "6000万元"), ("buildings", "25"),
                                          ("industries", "智能制造")], note: nil, on: day("2020-12-06"), context: context)
        }),
        ("park note", { try $0.notePark("Y2", note: "十二月说明", on: day("2020-12-08"), context: $1) }),
        ("tenant edit", { try $0.edit(.tenant, "E1", [("name", "百川新名"), ("park", "Y5")], note: nil, on: day("2021-01-05"), context: $1) }),
        ("tenant update", { try $0.updateTenant("E2", statusUpdate(TenantStatus.construction, on: "2020-12-09"), context: $1) }),
        ("milestone edit", { try $0.edit(.milestone, "M3", [("title", "交付使用"), ("department", "经发局"), ("project", "P1")], note: nil,
                                         on: day("2020-12-02"), context: $1) }),
        ("milestone done", { try $0.completeMilestone("M7", on: day("2020-12-30"), note: "提前", context: $1) }),
        ("milestone reschedule", { try $0.rescheduleMilestone("M4", to: due("2021-03-31"), on: day("2021-01-10"), reason: "延后", context: $1) }),
        ("milestone cancel", { try $0.cancelMilestone("M1", on: day("2021-02-01"), reason: "不再争创", context: $1) }),
        ("milestone reopen", { try $0.reopenMilestone("M1", on: day("2021-02-15"), reason: "恢复", context: $1) }),
        ("adds", { ledger, context in
            try ledger.addPark(ParkDraft(name: "十二月园区", kind: .microPark, on: day("2020-12-01")), context: context)
        }),
        ("project add", { ledger, context in
            var draft = ProjectDraft(name: "十二月项目", kind: .industrial, on: day("2020-12-01"))
            draft.park = "Y5"
            try ledger.addProject(draft, context: context)
        }),
        ("parcel add with a project", { ledger, context in
            var draft = ParcelDraft(name: "十二月地块", area: try Area.parse("12.34"), on: day("2020-12-03"))
            draft.project = "P6"
            try ledger.addParcel(draft, context: context)
        }),
        ("tenant add", { try $0.addTenant(TenantDraft(name: "十二月企业", park: "Y5", on: day("2020-12-04")), context: $1) }),
        ("milestone add, due in November", { ledger, context in
            // Back-filled: promised in December, due in November.
            var history = context
            history.backfill = true
            try ledger.addMilestone(MilestoneDraft(title: "补记节点", subjectKind: .project, subject: "P5", due: due("2020-11-15"),
                                                   on: day("2020-12-01")), context: history)
        }),
        ("figure known in January", { ledger, context in
            try ledger.addFigure(FigureDraft(category: .indicator, metric: "工业总产值", from: day("2020-01-01"), to: day("2020-11-30"),
                                             knownOn: day("2021-01-10"), value: ExactDecimal(units: 190, scale: 0), unit: "亿元"), context: context)
        }),
        ("undo", { ledger, context in _ = try ledger.undo(context: context) }),
        ("back-dated update between two", { try $0.updateProject("P6", projectUpdate(on: "2020-12-10", progress: 10), context: $1) }),
    ]

    /// Where two sheets differ: each section that does, with its first differing row (short, unlike a dump of both).
    static func differences(_ old: MonthlySheet, _ new: MonthlySheet) -> [String] {
        var found: [String] = []
        if old.recorded != new.recorded || old.asOf != new.asOf || old.zone != new.zone { found.append("heading") }
        for (was, now) in zip(old.sections, new.sections) where was != now {
            let rows = zip(was.table.rows, now.table.rows).first { $0 != $1 }
            found.append("\(was.key): \(was.table.rows.count) → \(now.table.rows.count) rows"
                         + (rows.map { "; \($0.0.map(\.plain)) → \($0.1.map(\.plain))" } ?? ""))
        }
        return found
    }

    @Test func aClosedMonthIsUntouchedByAnythingEffectiveAfterIt() throws {
        let ledger = try seededCopy()
        // Corrections of November first, so that its 更正 section lists subjects that change later.
        try ledger.updateProject("P6", projectUpdate(on: "2020-11-30", progress: 5, note: "补记"), context: Self.at(0))
        try ledger.edit(.tenant, "E1", [("name", "百川十一月")], note: nil, on: day("2020-11-30"), context: Self.at(0))
        try ledger.edit(.parcel, "L1", [("land_use", "工业用地")], note: nil, on: day("2020-11-30"), context: Self.at(0))
        let before = try sheet(ledger)
        #expect(before.table("corrections").rows.count == 3)
        for (index, (what, write)) in Self.afterNovember.enumerated() {
            try write(ledger, Self.at(index + 1))
            let differences = Self.differences(before, try sheet(ledger))
            #expect(differences.isEmpty, "after \(what): \(differences)")
        }
        #expect(try ledger.read { try SpanHistory.mismatches(in: $0) }.isEmpty)
        // And the comparison can fail: an entry effective on the month's last day changes it.
        try ledger.updateProject("P6", projectUpdate(on: "2020-11-30", note: "补记十一月"), context: Self.at(100))
        #expect(try sheet(ledger) != before)
    }

    /// Corrections effective in November, each its own command at its own moment, some after
    /// later writes: each changes the sheet and is listed in 更正; the sheet as recorded before it is
    /// the sheet as it was read then, and stays so after everything else.
    @Test func aCorrectionChangesTheSheetButNotTheSheetAsRecordedBeforeIt() throws {
        let ledger = try seededCopy()
        let corrections: [(minute: Int, subject: String, write: (Ledger, WriteContext) throws -> Void)] = [
            (10, "P6", { try $0.updateProject("P6", projectUpdate(on: "2020-11-30", stage: .construction, progress: 15, note: "补记"), context: $1) }),
            (20, "P1", { try $0.edit(.project, "P1", [("name", "固力发更名"), ("investment", "9亿元")], note: nil, on: day("2020-11-20"), context: $1) }),
            (30, "L1", { try $0.updateParcel("L1", statusUpdate(ParcelStatus.sold, on: "2020-11-30", note: "已出让"), context: $1) }),
            (40, "Y5", { try $0.edit(.park, "Y5", [("name", "博通园"), ("area_mu", "60")], note: nil, on: day("2020-11-30"), context: $1) }),
            (50, "E1", { try $0.edit(.tenant, "E1", [("park", "Y5")], note: nil, on: day("2020-11-30"), context: $1) }),
            (60, "M7", { try $0.completeMilestone("M7", on: day("2020-11-30"), note: "当天完成", context: $1) }),
            (70, "M7", { ledger, context in _ = try ledger.undo(context: context) }),
        ]
        var handedOut: [(moment: RecordedAt, sheet: MonthlySheet)] = []
        for (index, correction) in corrections.enumerated() {
            // Something effective after November first, a few minutes before the correction (not
            // before the undo, which is to take back the correction before it).
            if index < corrections.count - 1 { try Self.afterNovember[index].1(ledger, Self.at(correction.minute - 5)) }
            let then = try sheet(ledger)
            let moment = try Self.moment(correction.minute - 1)
            #expect(Self.differences(then, unmarked(try sheet(ledger, recorded: moment))).isEmpty, "before correction \(index)")
            try correction.write(ledger, Self.at(correction.minute))
            let now = try sheet(ledger)
            #expect(now != then, "correction \(index) did not change the sheet")
            // It is in 更正, last (by time of recording).
            let rows = now.table("corrections").rows
            #expect(rows != then.table("corrections").rows, "correction \(index) is not in 更正")
            #expect(rows.last?[3].plain.hasPrefix(correction.subject + " ") == true, "\(rows.last.map { $0.map(\.plain) } ?? [])")
            // As recorded a moment before, the sheet is exactly the one read then.
            let asRecorded = try sheet(ledger, recorded: moment)
            #expect(asRecorded.recorded == moment)
            #expect(Self.differences(then, unmarked(asRecorded)).isEmpty, "as recorded before correction \(index)")
            // The correction's own second counts it in.
            #expect(Self.differences(now, unmarked(try sheet(ledger, recorded: try Self.moment(correction.minute)))).isEmpty)
            handedOut.append((moment, then))
        }
        // However much came after, each sheet as recorded at its moment is unchanged.
        var written = 0
        for (index, (what, write)) in Self.afterNovember.enumerated() where what != "undo" {
            // Some repeat what is there already and are refused: the others are written.
            if failure({ try write(ledger, Self.at(200 + index)) }) == nil { written += 1 }
        }
        #expect(written >= 5, "only \(written) writes after the corrections")
        for (index, (moment, then)) in handedOut.enumerated() {
            let differences = Self.differences(then, unmarked(try sheet(ledger, recorded: moment)))
            #expect(differences.isEmpty, "sheet \(index): \(differences)")
        }
        // The undo (last correction) took M7's completion back: but for 更正, the sheet is the one before it.
        let last = try sheet(ledger)
        let beforeM7 = handedOut[5].sheet
        #expect(Self.differences(beforeM7, last).map { String($0.prefix(11)) } == ["corrections"])
        #expect(last.table("corrections").column("action").map(\.plain).last == "撤销")
        #expect(try ledger.read { try SpanHistory.mismatches(in: $0) }.isEmpty)
    }
}
