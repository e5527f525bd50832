import Foundation
import Testing
@testable import ZoneLedgerCore

@Suite struct MilestoneOperationTests {
    @Test(arguments: [(SubjectKind.project, "P5"), (.parcel, "L1"), (.park, "Y5"), (.tenant, "E1")])
    func aMilestoneIsAboutExactlyOneSubject(kind: SubjectKind, ref: String) throws {
        let ledger = try seededCopy()
        let milestone = try addMilestone(ledger, "完成验收", about: kind, ref, due: "2021年3月", on: "2020-12-01") { $0.department = "建设局" }
        #expect(milestone.code == "M8")
        #expect(milestone.entry.subjectLink == (try ledger.resolve(ref, kind: kind).subjectID))
        #expect(milestone.due == LedgerDate(day: day("2021-03-31"), text: "2021年3月", precision: .month))
        let entry = try #require(try ledger.entries().last)
        #expect(entry.action == .add)
        #expect(entry.subject == SubjectID(kind: .milestone, id: milestone.id))
        #expect(refusal { try addMilestone(ledger, "x", about: .milestone, "M1", due: "2021-12-31", on: "2020-12-01") } == "节点的对象须是项目、地块、园区或企业")
    }

    @Test func doneIsRecordedOnItsDayAndOnlyOnce() throws {
        // Given M7, promised on 2020-11-30
        let ledger = try seededCopy()
        // When done before it was promised: refused
        #expect(refusal { try ledger.completeMilestone("M7", on: day("2020-11-29"), note: nil, context: context()) }
                == "节点M7 三个地块全部竣工投产于2020-11-30立下，不能在此之前（2020-11-29）完成")
        // When done on 2020-12-10: recorded, and the state follows from that day
        let entry = try ledger.completeMilestone("M7", on: day("2020-12-10"), note: "三块均已投产", context: context())
        #expect(entry.action == .done)
        #expect(entry.note == "三块均已投产")
        #expect(try ledger.milestoneStatus("M7", asOf: "2020-12-09").state == .open)
        let done = try ledger.milestoneStatus("M7", asOf: "2020-12-10")
        #expect(done.state == .done)
        #expect(done.closedOn == day("2020-12-10"))
        // When done again, later or earlier: refused
        #expect(refusal { try ledger.completeMilestone("M7", on: day("2020-12-15"), note: nil, context: context()) }
                == "节点M7 三个地块全部竣工投产已完成，不能再标记完成")
        #expect(refusal { try ledger.completeMilestone("M7", on: day("2020-12-05"), note: nil, context: context()) }
                == "节点M7 三个地块全部竣工投产在2020-12-10已有完成、取消或重开的记录：不能在它之前再记一次")
        #expect(refusal { try ledger.cancelMilestone("M7", on: day("2020-12-15"), reason: "x", context: context()) }?.contains("已完成，不能再取消") == true)
    }

    @Test func aRescheduleKeepsTheOriginalDueDate() throws {
        // Given M7 due 2021年1月前 (2020-12-31)
        let ledger = try seededCopy()
        // When moved twice
        let first = try ledger.rescheduleMilestone("M7", to: due("2021年3月"), on: day("2020-12-20"), reason: "拆迁延后", context: context())
        #expect(first.action == .reschedule)
        #expect(first.due == LedgerDate(day: day("2021-03-31"), text: "2021年3月", precision: .month))
        #expect(first.note == "拆迁延后")
        try ledger.rescheduleMilestone("M7", to: due("2021-06-30"), on: day("2021-03-01"), reason: "疫情", context: context())
        // Then the milestone still holds the first promise
        let row = try ledger.current(.milestone, "M7")
        #expect(row?["original_due_on"] == "2020-12-31")
        #expect(row?["original_due_text"] == "2021年1月前")
        // And the status as of each day shows the due date then in force and how often it moved
        let cases: [(String, String, String, Int)] = [
            ("2020-12-19", "2020-12-31", "2021年1月前", 0), ("2020-12-20", "2021-03-31", "2021年3月", 1),
            ("2021-03-01", "2021-06-30", "2021-06-30", 2),
        ]
        for (asOf, dueOn, dueText, count) in cases {
            let status = try ledger.milestoneStatus("M7", asOf: asOf)
            #expect(status.due == day(dueOn), "as of \(asOf)")
            #expect(status.dueText == dueText, "as of \(asOf)")
            #expect(status.reschedules == count, "as of \(asOf)")
        }
    }

    @Test func aRescheduleMustMoveTheDateOfAnOpenMilestone() throws {
        let ledger = try seededCopy()
        #expect(refusal { try ledger.rescheduleMilestone("M7", to: due("2020-12-31"), on: day("2020-12-20"), reason: "x", context: context()) }
                == "节点M7 三个地块全部竣工投产的到期日已是2020-12-31，无需改期")
        try ledger.cancelMilestone("M7", on: day("2020-12-21"), reason: "规划调整", context: context())
        #expect(refusal { try ledger.rescheduleMilestone("M7", to: due("2021-06-30"), on: day("2020-12-22"), reason: "x", context: context()) }
                == "节点M7 三个地块全部竣工投产已取消，不能改期")
    }

    @Test(arguments: ["", "   ", "\n"])
    func cancelRescheduleAndReopenNeedAReason(reason: String) throws {
        let ledger = try seededCopy()
        let before = try ledger.sizes
        let attempts = [
            failure { try ledger.cancelMilestone("M7", on: day("2020-12-20"), reason: reason, context: context()) },
            failure { try ledger.rescheduleMilestone("M7", to: due("2021-06-30"), on: day("2020-12-20"), reason: reason, context: context()) },
            failure { try ledger.reopenMilestone("M7", on: day("2020-12-20"), reason: reason, context: context()) },
        ]
        for error in attempts {
            #expect(error?.kind == .usage)
            #expect(error?.message == "请用 --reason 写明原因")
        }
        #expect(try ledger.sizes == before)
    }

    @Test func cancelAndReopen() throws {
        // Given M7 cancelled on 2020-12-20
        let ledger = try seededCopy()
        let cancel = try ledger.cancelMilestone("M7", on: day("2020-12-20"), reason: "规划调整", context: context())
        #expect(cancel.action == .cancel)
        #expect(cancel.note == "规划调整")
        #expect(try ledger.milestoneStatus("M7", asOf: "2020-12-20").state == .cancelled)
        #expect(refusal { try ledger.cancelMilestone("M7", on: day("2020-12-21"), reason: "x", context: context()) }?.contains("已取消，不能再取消") == true)
        // When reopened: open again from that day, with both entries kept
        try ledger.reopenMilestone("M7", on: day("2021-01-05"), reason: "规划恢复", context: context())
        #expect(try ledger.milestoneStatus("M7", asOf: "2021-01-04").state == .cancelled)
        #expect(try ledger.milestoneStatus("M7", asOf: "2021-01-05").state == .open)
        // And it may then be done
        try ledger.completeMilestone("M7", on: day("2021-01-10"), note: nil, context: context())
        #expect(try ledger.milestoneStatus("M7", asOf: "2021-01-10").closedOn == day("2021-01-10"))
        let m7 = try ledger.resolve("M7", kind: .milestone).id
        #expect(try ledger.entries().filter { $0.id(of: .milestone) == m7 }.map(\.action) == [.add, .cancel, .reopen, .done])
    }

    @Test func reopeningAnOpenMilestoneIsRefused() throws {
        let ledger = try seededCopy()
        #expect(refusal { try ledger.reopenMilestone("M7", on: day("2020-12-20"), reason: "x", context: context()) }
                == "节点M7 三个地块全部竣工投产尚未完成或取消，无需重开")
    }

    @Test func anEditChangesWordingNotDates() throws {
        let ledger = try seededCopy()
        let entry = try ledger.editMilestone("M7", title: "三个地块竣工投产", department: "招商局", note: nil, on: day("2020-12-05"),
                                             context: context())
        #expect(entry.changed == ["节点": ["三个地块全部竣工投产", "三个地块竣工投产"], "责任部门": ["（空）", "招商局"]])
        #expect(try ledger.resolve("M7", kind: .milestone).name == "三个地块竣工投产")
        #expect(try ledger.milestoneStatus("M7", asOf: "2020-12-05").due == day("2020-12-31"))
        #expect(refusal { try ledger.editMilestone("M7", title: nil, department: nil, note: nil, on: day("2020-12-05"), context: context()) }
                == "没有要修改的内容：请给出要改的字段")
    }
}
