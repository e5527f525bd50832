import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// A due date without a year is its next occurrence ending on or after the day it was promised,
/// in every form; with a year it is taken as written; other dates keep the reference year.
struct DueDateTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let promised: String
        let due: String
        var testDescription: String { "\(text) promised \(promised) → \(due)" }
    }

    static let cases: [Case] = [
        // Already past on the day promised: next year.
        Case(text: "3月上旬", promised: "2021-08-01", due: "2022-03-10"),
        Case(text: "3月中旬", promised: "2021-08-01", due: "2022-03-20"),
        Case(text: "2月下旬", promised: "2023-08-01", due: "2024-02-29"),
        Case(text: "2月底", promised: "2020-12-31", due: "2021-02-28"),
        Case(text: "3月", promised: "2021-08-01", due: "2022-03-31"),
        Case(text: "3月5日", promised: "2021-08-01", due: "2022-03-05"),
        Case(text: "3月前", promised: "2021-08-01", due: "2022-02-28"),
        Case(text: "第1季度", promised: "2021-08-01", due: "2022-03-31"),
        Case(text: "Q2", promised: "2021-08-01", due: "2022-06-30"),
        Case(text: "上半年", promised: "2021-08-01", due: "2022-06-30"),
        Case(text: "春季", promised: "2021-08-01", due: "2022-05-31"),
        Case(text: "夏季", promised: "2021-09-01", due: "2022-08-31"),
        // Still ahead, or ending on the day itself: this year.
        Case(text: "8月中旬", promised: "2021-08-01", due: "2021-08-20"),
        Case(text: "8月1日", promised: "2021-08-01", due: "2021-08-01"),
        Case(text: "12月", promised: "2021-08-01", due: "2021-12-31"),
        Case(text: "下半年", promised: "2021-08-01", due: "2021-12-31"),
        Case(text: "年底", promised: "2021-08-01", due: "2021-12-31"),
        Case(text: "第3季度", promised: "2021-08-01", due: "2021-09-30"),
        Case(text: "春节前", promised: "2021-08-01", due: "2022-01-31"),
        // A year written is a year meant, even one already past (back-filled history).
        Case(text: "2021年3月", promised: "2021-08-01", due: "2021-03-31"),
        Case(text: "今年3月", promised: "2021-08-01", due: "2021-03-31"),
        Case(text: "2021-03-05", promised: "2021-08-01", due: "2021-03-05"),
    ]

    @Test(arguments: cases)
    func aDueWithoutAYearIsItsNextOccurrence(_ c: Case) throws {
        let due = try DateParser.parseDue(c.text, promisedOn: day(c.promised))
        #expect(due.day == day(c.due))
        #expect(due.text == c.text, "the words are kept as written")
    }

    @Test func otherDatesKeepTheReferenceYear() throws {
        // --as-of 3月底 on 2021-08-01 asks about the March just gone, not the next one.
        #expect(try DateParser.parse("3月底", relativeTo: day("2021-08-01")).day == day("2021-03-31"))
        #expect(try DateParser.parse("上半年", relativeTo: day("2021-08-01")).day == day("2021-06-30"))
    }

    /// The same rule on every path a due date comes in by: a milestone added, a reschedule, and
    /// both as imported rows, by the row path and the bulk path.
    @Test(arguments: [false, true])
    func everyPathReadsADueTheSameWay(_ bulk: Bool) throws {
        let ledger = try seededCopy()
        let draft = MilestoneDraft(title: "新节点", subjectKind: .project, subject: "P5",
                                   due: try DateParser.parseDue("3月上旬", promisedOn: day("2021-08-01")), on: day("2021-08-01"))
        let added = try ledger.addMilestone(draft, context: context())
        #expect(added.entry.due?.day == day("2022-03-10"))
        try ledger.rescheduleMilestone(added.subject.code, to: DateParser.parseDue("2月底", promisedOn: day("2021-09-01")),
                                       on: day("2021-09-01"), reason: "顺延", context: context())
        let milestones = "节点,项目,到期,立下日期\n导入节点甲,P5,5月上旬,2021-08-01\n导入节点乙,P6,第1季度,2021-08-01\n"
        let updates = "编号,日期,动作,到期,说明\nM1,2021-08-01,改期,6月底,延后\n"
        var options = ImportOptions()
        options.bulkRows = bulk ? 1 : Int.max
        _ = try ledger.importCSV([ImportFile(kind: .milestones, name: "m.csv", data: Data(milestones.utf8)),
                                  ImportFile(kind: .updates, name: "u.csv", data: Data(updates.utf8))],
                                 context: context(), options: options)
        let dues = try ledger.read { db in
            try SessionRow.fetchAll(db, sql: """
                SELECT s.title, s.due_on FROM milestone_span s WHERE s.recorded_to IS NULL AND s.valid_to IS NULL
                AND s.title IN ('新节点', '导入节点甲', '导入节点乙', '争创省级特色小镇') ORDER BY s.title
                """).map { "\($0["title"] as String) \($0["due_on"] as String)" }
        }
        #expect(dues == ["争创省级特色小镇 2022-06-30", "导入节点乙 2022-03-31", "导入节点甲 2022-05-10", "新节点 2022-02-28"])
    }
}
