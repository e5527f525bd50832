// A due date without a year, typed at the command line, is its next occurrence: a milestone is
// never overdue on the day it is promised because its month has already passed this year.

import Foundation
import Testing

struct DueDateCommandTests {
    @Test(arguments: [("3月上旬", "2022-03-10"), ("2月底", "2022-02-28"), ("上半年", "2022-06-30"), ("第1季度", "2022-03-31"),
                      ("年底", "2021-12-31"), ("2021年3月", "2021-03-31")])
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
}
