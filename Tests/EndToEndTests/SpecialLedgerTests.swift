// A ledger is a regular file. A FIFO, a device or a link to one given as the ledger is refused
// with a sentence that says what it is, before SQLite reads it (a FIFO would block, a device
// would be read as whatever it gives), and it is left as it was.

import Foundation
import Testing

struct SpecialLedgerTests {
    static let commands: [[String]] = [
        ["project", "list"],
        ["project", "update", "P5", "--progress", "30", "--on", "2020-12-01"],
        ["sheet", "--month", "2020-11"],
        ["check"],
    ]

    @Test(arguments: commands)
    func aFIFOOrADeviceIsNotALedger(_ command: [String]) throws {
        let sandbox = try Sandbox()
        #expect(mkfifo(sandbox.path("管道.sqlite"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("链接.sqlite"), withDestinationPath: "管道.sqlite")
        let cases = [("管道.sqlite", "命名管道"), ("链接.sqlite", "命名管道"), ("/dev/null", "设备文件"), ("/dev/zero", "设备文件")]
        for (ledger, what) in cases {
            let refused = try sandbox.run(command + ["--db", ledger])
            expectRefusal(refused, 65, [ledger, what, "不是账本文件"])
        }
        #expect(OutputDestinationTests.type(sandbox.path("管道.sqlite")) == S_IFIFO)
        #expect(OutputDestinationTests.type(sandbox.path("链接.sqlite")) == S_IFLNK)
        #expect(OutputDestinationTests.type("/dev/null") == S_IFCHR)
    }
}
