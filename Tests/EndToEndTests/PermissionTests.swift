import Foundation
import Testing

/// A ledger that cannot be written: writes exit 77 and leave it alone, reads still work.
///
/// These tests run as root, and root ignores file modes: chmod 0444 does not stop it writing
/// (access(2), behind FileManager.isWritableFile, says yes), and the CLI then writes happily.
/// So when we are root the CLI is run as `nobody` through util-linux `setpriv`, which is the
/// real situation the check exists for; when we are not root, chmod alone does it. Without
/// setpriv as root there is no honest way to make the file unwritable (a read-only bind mount
/// needs privileges a CI box may not grant), so the tests are then disabled.
@Suite(.fileLedger, .enabled(if: OtherUser.nobody != nil || geteuid() != 0, "root without setpriv: cannot make a file unwritable"))
struct PermissionTests {
    static var otherUser: OtherUser? { OtherUser.nobody }

    /// The user the CLI runs as, owning the sandbox so only the file's own mode stops it.
    static func prepare(_ sandbox: Sandbox) throws -> OtherUser? {
        try sandbox.seeded()
        try sandbox.chmod(sandbox.ledger, 0o444)
        guard let user = otherUser else { return nil }
        try sandbox.chown(sandbox.folderPath, uid: user.uid)
        try sandbox.chown(sandbox.ledger, uid: user.uid)
        return user
    }

    @Test func aWriteToAReadOnlyLedgerExits77AndChangesNothing() throws {
        let sandbox = try Sandbox()
        let user = try Self.prepare(sandbox)
        let before = sandbox.bytes()
        for arguments in [["project", "update", "台邦", "--note", "x"], ["zone", "rename", "某某经济开发区"],
                          ["parcel", "add", "新地块", "--area", "10"]] {
            let outcome = try sandbox.run(arguments + ["--db", sandbox.ledger], as: user)
            expectRefusal(outcome, 77, ["只读", sandbox.ledger])
        }
        #expect(sandbox.bytes() == before)
        #expect(!sandbox.exists("ledger.sqlite-wal") && !sandbox.exists("ledger.sqlite-shm"))
    }

    @Test func aReadOfAReadOnlyLedgerWorks() throws {
        let sandbox = try Sandbox()
        let user = try Self.prepare(sandbox)
        let before = sandbox.bytes()
        let outcome = try sandbox.run(["project", "show", "台邦", "--format", "json", "--db", sandbox.ledger], as: user)
        expectSuccess(outcome)
        #expect(try jsonObject(outcome)["code"] as? String == "P5")
        expectSuccess(try sandbox.run(["log", "--limit", "1", "--db", sandbox.ledger], as: user))
        #expect(sandbox.bytes() == before)
    }

    /// The ledger readable but in a folder the user cannot write (a shared, read-only folder):
    /// SQLite cannot make the -shm a WAL-mode read needs, so the read must cope without one.
    @Test(.enabled(if: OtherUser.nobody != nil, "needs another uid: root can always write the folder"))
    func aReadInAReadOnlyFolderWorks() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        try sandbox.chmod(sandbox.ledger, 0o444)  // folder stays root's, mode 0755
        let before = sandbox.bytes()
        let outcome = try sandbox.run(["project", "list", "--format", "json", "--db", sandbox.ledger], as: Self.otherUser)
        expectSuccess(outcome)
        #expect(try jsonArray(outcome).contains { $0["code"] as? String == "P5" })
        #expect(sandbox.bytes() == before)
        let write = try sandbox.run(["project", "update", "台邦", "--note", "x", "--db", sandbox.ledger], as: Self.otherUser)
        expectRefusal(write, 77, [])
    }

    @Test(.enabled(if: OtherUser.nobody != nil, "needs another uid: root can always write the folder"))
    func initIntoAFolderThatCannotBeWrittenExits77() throws {
        let sandbox = try Sandbox()  // the folder is root's; nobody cannot create files in it
        let outcome = try sandbox.run(["init", "--db", sandbox.ledger], as: Self.otherUser)
        expectRefusal(outcome, 77, ["不可写"])
        #expect(!sandbox.exists("ledger.sqlite"))
    }

    /// Every file a command writes, into a folder the user may not write: exit 77 naming the
    /// path, nothing left behind, the ledger untouched; sheet in every format, export, backup.
    @Test func everyOutIntoAFolderThatCannotBeWrittenExits77() throws {
        let sandbox = try Sandbox()
        try sandbox.seeded()
        let user = Self.otherUser
        let locked = sandbox.path("只读")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        try sandbox.chmod(locked, 0o555)
        defer { try? sandbox.chmod(locked, 0o755) }
        // Readable by the other user; the read commands need nothing more.
        try sandbox.chmod(sandbox.folderPath, 0o755)
        try sandbox.chmod(sandbox.ledger, 0o644)
        let before = sandbox.bytes()
        var commands = ["md", "csv", "html", "xlsx", "json", "text"].map { ["sheet", "--month", "2020-11", "--format", $0, "--out", locked + "/进度表.\($0)"] }
        commands.append(["export", "--out", locked + "/导出"])
        commands.append(["export", "--format", "json", "--out", locked + "/导出.json"])
        commands.append(["backup", locked + "/备份.sqlite"])
        for command in commands {
            let outcome = try sandbox.run(command + ["--db", sandbox.ledger], as: user)
            expectRefusal(outcome, 77, [locked])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked).isEmpty)
        #expect(sandbox.bytes() == before)
    }
}
