// A due date without a year, typed at the command line, is its next occurrence: a milestone is
// never overdue on the day it is promised because its month has already passed this year.

import Foundation
import Testing

struct DueDateCommandTests {
    @Test(arguments: [("3月上旬", "2022-03-10"), ("2月底", "2022-02-28"), ("上半年", "2022-06-30"), ("第1季度", "2022-03-31"),
                      ("年底", "2021-12-31"), ("2021年12月", "2021-12-31")])
    func aMilestoneAddedAndRescheduledWithoutAYear(_ due: String, _ expected: String) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let added = try sandbox.zl("milestone", "add", "--project", "P5", "二期开工", "--due", due, "--on", "2021-08-01")
        expectSuccess(added)
        #expect(added.stdout.contains("到期：\(due)（\(expected)）"), "\(added)")
        let moved = try sandbox.zl("milestone", "reschedule", "M3", "--due", due, "--reason", "再议", "--on", "2021-08-01")
        expectSuccess(moved)
        #expect(moved.stdout.contains(expected), "\(moved)")
    }

    /// A due date written in full before the day it is promised: refused (nothing written) unless
    /// --backfill says the milestone is history recorded after the fact; on add and on reschedule.
    @Test(arguments: [("2021年3月", "2021-03-31"), ("2021-07-31", "2021-07-31"), ("2021年上半年", "2021-06-30"), ("去年底", "2020-12-31")])
    func aFullDueDateBeforeThePromiseNeedsBackfill(_ due: String, _ expected: String) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        let add = ["milestone", "add", "--project", "P5", "补录节点", "--due", due, "--on", "2021-08-01", "--db", sandbox.ledger]
        expectRefusal(try sandbox.run(add), 65, ["早于立下的日期2021-08-01", "--backfill", expected])
        let move = ["milestone", "reschedule", "M3", "--due", due, "--reason", "补记", "--on", "2021-08-01", "--db", sandbox.ledger]
        expectRefusal(try sandbox.run(move), 65, ["新的到期日", "早于改期的日期2021-08-01", "--backfill"])
        #expect(sandbox.bytes() == before)
        let added = try sandbox.run(add + ["--backfill"])
        expectSuccess(added)
        #expect(added.stdout.contains("（\(expected)）"), "\(added)")
        expectSuccess(try sandbox.run(move + ["--backfill"]))
        // The same in an import file, whose --backfill covers its rows.
        let file = sandbox.path("补录.csv")
        try sandbox.write(Data("节点,项目,到期,立下日期\r\n导入补录,P5,\(due),2021-08-01\r\n".utf8), to: "补录.csv")
        let after = sandbox.bytes()
        expectRefusal(try sandbox.zl("import", "milestones", file), 65, ["第2行", "早于立下的日期2021-08-01", "--backfill"])
        #expect(sandbox.bytes() == after)
        expectSuccess(try sandbox.zl("import", "milestones", file, "--backfill"))
    }
}
