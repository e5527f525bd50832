// Every file a command writes (the sheet's --out, export's files, a backup) goes where the user
// pointed: through a symbolic link to its target, into a device or FIFO as a stream, and never
// by renaming a regular file over something that was not one.

import Foundation
import Testing

struct OutputDestinationTests {
    static let formats = ["md", "csv", "json", "html", "xlsx"]

    /// What the sheet writes to a plain new file: what every other destination must receive.
    static func plain(_ sandbox: Sandbox, _ format: String) throws -> Data {
        let written = try sandbox.sheet("--month", "2020-11", "--format", format, "--out", "plain.\(format)")
        expectSuccess(written)
        return try #require(FileManager.default.contents(atPath: sandbox.path("plain.\(format)")))
    }

    static func type(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    @Test(arguments: formats)
    func aLinkIsWrittenThroughAndStaysALink(_ format: String) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let expected = try Self.plain(sandbox, format)
        try sandbox.write(Data("旧内容\n".utf8), to: "目标.\(format)")
        try FileManager.default.createDirectory(atPath: sandbox.path("子"), withIntermediateDirectories: false)
        // Three links: beside the target, relative from a subfolder, and absolute.
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("链接.\(format)"), withDestinationPath: "目标.\(format)")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("子/上.\(format)"), withDestinationPath: "../目标.\(format)")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("绝对.\(format)"), withDestinationPath: sandbox.path("目标.\(format)"))
        for link in ["链接.\(format)", "子/上.\(format)", "绝对.\(format)"] {
            try sandbox.write(Data("旧内容\n".utf8), to: "目标.\(format)")
            expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", format, "--out", link))
            #expect(Self.type(sandbox.path(link)) == S_IFLNK, "\(link) is still a link")
            #expect(FileManager.default.contents(atPath: sandbox.path("目标.\(format)")) == expected, "\(link) wrote its target")
        }
        #expect(sandbox.listing().filter { $0.hasPrefix(".") }.isEmpty, "no temporary file left: \(sandbox.listing())")
    }

    @Test(arguments: formats)
    func aDanglingLinkMakesTheFileItNames(_ format: String) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let expected = try Self.plain(sandbox, format)
        try FileManager.default.createDirectory(atPath: sandbox.path("子"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("悬空.\(format)"), withDestinationPath: "子/新.\(format)")
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", format, "--out", "悬空.\(format)"))
        #expect(Self.type(sandbox.path("悬空.\(format)")) == S_IFLNK)
        #expect(FileManager.default.contents(atPath: sandbox.path("子/新.\(format)")) == expected)
    }

    @Test(arguments: formats)
    func aFIFOIsStreamedIntoAndStaysAFIFO(_ format: String) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let expected = try Self.plain(sandbox, format)
        let fifo = sandbox.path("管道.\(format)")
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = FIFOReader(fifo)
        let written = try sandbox.sheet("--month", "2020-11", "--format", format, "--out", "管道.\(format)")
        let received = reader.finish()
        expectSuccess(written)
        #expect(received == expected, "the reader got the whole sheet: \(received.count) of \(expected.count) bytes")
        #expect(Self.type(fifo) == S_IFIFO, "still a FIFO")
    }

    @Test(arguments: formats)
    func devNullTakesTheOutputAndStaysADevice(_ format: String) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", format, "--out", "/dev/null"))
        #expect(Self.type("/dev/null") == S_IFCHR)
        // A link to the device is followed to it, not replaced.
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("丢弃"), withDestinationPath: "/dev/null")
        expectSuccess(try sandbox.sheet("--month", "2020-11", "--format", format, "--out", "丢弃"))
        #expect(Self.type(sandbox.path("丢弃")) == S_IFLNK)
        #expect(Self.type("/dev/null") == S_IFCHR)
    }

    @Test(arguments: ["md", "xlsx"])
    func aFullDeviceIsAnOutputErrorAndALinkLoopIsRefused(_ format: String) throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let before = sandbox.bytes()
        let full = try sandbox.sheet("--month", "2020-11", "--format", format, "--out", "/dev/full")
        #expect(full.status == 74, "\(full)")
        #expect(full.stderr.contains("/dev/full"), "\(full)")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("甲"), withDestinationPath: "乙")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("乙"), withDestinationPath: "甲")
        let loop = try sandbox.sheet("--month", "2020-11", "--format", format, "--out", "甲")
        expectRefusal(loop, 64, ["甲", "循环"])
        #expect(Self.type(sandbox.path("甲")) == S_IFLNK && Self.type(sandbox.path("乙")) == S_IFLNK)
        #expect(sandbox.bytes() == before, "the ledger is untouched")
    }

    @Test func exportWritesThroughALinkInItsFolder() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        expectSuccess(try sandbox.zl("export", "--out", "平常"))
        try FileManager.default.createDirectory(atPath: sandbox.path("导出"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("导出/projects.csv"), withDestinationPath: "../外面.csv")
        expectSuccess(try sandbox.zl("export", "--out", "导出"))
        #expect(Self.type(sandbox.path("导出/projects.csv")) == S_IFLNK)
        #expect(FileManager.default.contents(atPath: sandbox.path("外面.csv")) == FileManager.default.contents(atPath: sandbox.path("平常/projects.csv")))
    }

    @Test(.fileLedger) func aBackupNeverWritesThroughALink() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("备份.sqlite"), withDestinationPath: "别处.sqlite")
        let refused = try sandbox.zl("backup", "备份.sqlite")
        expectRefusal(refused, 65, ["备份.sqlite", "已存在"])
        #expect(Self.type(sandbox.path("备份.sqlite")) == S_IFLNK)
        #expect(!FileManager.default.fileExists(atPath: sandbox.path("别处.sqlite")))
    }
}

/// Reads a FIFO to its end on another thread. If the writer never opens it, `finish` opens it
/// for writing itself, so the reader sees an end and the test cannot hang.
final class FIFOReader: @unchecked Sendable {
    private let path: String
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ path: String) {
        self.path = path
        Thread.detachNewThread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) {
                data = (try? handle.readToEnd()) ?? Data()
                try? handle.close()
            }
            done.signal()
        }
    }

    func finish() -> Data {
        if done.wait(timeout: .now() + 2) == .timedOut {
            let descriptor = open(path, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
            done.wait()
        }
        return data
    }
}
