// An argument that is not UTF-8 (a name typed in a GBK terminal) is refused before anything runs,
// whatever the argument is: a name, a note, a day, a reference, a month, the ledger's path.
// Swift would otherwise read it with U+FFFD in place of the bytes and store that.

import Foundation
import Testing

struct ArgumentBytesTests {
    /// "测试" in GBK: B2 E2 CA D4, which is not UTF-8.
    static let gbk = "\\262\\342\\312\\324"

    /// Each case: the arguments before the bad one, and after it (`BAD` marks its place).
    static let cases: [[String]] = [
        ["project", "add", "BAD", "--kind", "工业", "--on", "2020-12-01"],
        ["project", "update", "P5", "--note", "BAD", "--on", "2020-12-01"],
        ["project", "update", "P5", "--stage", "在建", "--on", "BAD"],
        ["project", "edit", "P5", "--name", "BAD"],
        ["milestone", "add", "--project", "P5", "BAD", "--due", "2021-06-30"],
        ["project", "show", "BAD"],
        ["sheet", "--month", "BAD"],
        ["--db", "BAD", "project", "list"],
    ]

    @Test(arguments: cases)
    func anArgumentThatIsNotUTF8IsRefusedAndTheLedgerUntouched(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        let place = try #require(arguments.firstIndex(of: "BAD"))
        // The shell's printf makes the bytes: Foundation's Process takes only Strings.
        let words = arguments.map { $0 == "BAD" ? "\"$(printf '\(Self.gbk)')\"" : "'\($0)'" }
        let hasDb = arguments.contains("--db")
        let script = "exec \"$0\" \(words.joined(separator: " "))" + (hasDb ? "" : " --db ledger.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, try CLI.binary.get().path]
        process.currentDirectoryURL = sandbox.folder
        process.environment = CLI.environment(dataHome: sandbox.root.appendingPathComponent("data").path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 65, "\(arguments): \(stderr)")
        #expect(stdout.isEmpty, "\(arguments)")
        #expect(stderr.contains("第 \(place + 1) 个参数") && stderr.contains("UTF-8"), "\(arguments): \(stderr)")
        #expect(!stderr.contains("\u{FFFD}"), "no replacement character is shown")
        #expect(sandbox.bytes() == before, "\(arguments): the ledger is byte-identical")
    }
}
