import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

@Suite struct MigrationTests {
    private let schemaFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Schema").standardizedFileURL

    @Test func theEmbeddedSchemaIsExactlyTheSchemaFolder() throws {
        // Given the *.sql files on disk, in name order
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: schemaFolder.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        // Then the embedded list names the same files in the same order, byte for byte
        #expect(!onDisk.isEmpty)
        #expect(Ledger.schemaFiles.map(\.name) == onDisk)
        for (file, name) in zip(Ledger.schemaFiles, onDisk) {
            let bytes = try Data(contentsOf: schemaFolder.appendingPathComponent(name))
            #expect(Data(file.bytes) == bytes, "\(name) differs from the embedded copy")
        }
    }

    @Test func aCreatedLedgerReopensWithItsData() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.db").path
        // Given a seeded ledger file created and written to
        do {
            let ledger = try Ledger.create(at: path, seeded: true, context: context())
            try ledger.updateProject("P5", projectUpdate(on: "2020-12-10", progress: 10), context: context())
        }
        // When reopened read-only
        let reopened = try Ledger.open(at: path, writable: false)
        // Then everything is there, and no temporary file was left behind
        #expect(try reopened.count("project") == 36)
        #expect(try reopened.listProjects(asOf: day("2020-12-10")).cell("progress", code: "P5") == .integer(10))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".init-") }
        #expect(leftovers.isEmpty)
        #expect(try reopened.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == Ledger.applicationID)
    }

    @Test func aLedgerWrittenByANewerVersionIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.db").path
        _ = try Ledger.create(at: path, seeded: false, context: context())
        // Given a migration this version does not know
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('0099_future')") }
        }
        // Then opening it, to read or to write, is refused
        for writable in [false, true] {
            let message = refusal { _ = try Ledger.open(at: path, writable: writable) }
            #expect(message == "账本“\(path)”由更新版本的 zoneledger 写入：请升级 zoneledger 后再打开")
        }
    }

    @Test(arguments: [false, true])
    func anotherAppsSQLiteFileIsRefusedAndLeftAlone(writable: Bool) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.sqlite").path
        // Given another program's SQLite file
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
                try db.execute(sql: "INSERT INTO note (text) VALUES ('mine')")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // When opened as a ledger
        let message = refusal { _ = try Ledger.open(at: path, writable: writable) }
        // Then it is refused
        #expect(message == "“\(path)”不是 zoneledger 账本（是别的 SQLite 文件或空文件）：不会改动它")
        // And not a byte of it changed
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        let filesAfter = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let unchanged = after == before
        #expect(unchanged, "\(before.count) bytes became \(after.count); header bytes 18–19 \(Array(before.prefix(20).suffix(2))) → \(Array(after.prefix(20).suffix(2)))")
        #expect(filesAfter == filesBefore)
    }

    @Test func anEmptyFileIsNotALedger() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.db").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(refusal { _ = try Ledger.open(at: path, writable: false) }?.contains("不是 zoneledger 账本") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func createRefusesAnExistingFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.db").path
        let content = Data("not to be overwritten".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: content))
        #expect(refusal { _ = try Ledger.create(at: path, seeded: true, context: context()) }
                == "账本“\(path)”已存在：不会覆盖。要重新开始，请换一个文件名")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ledger.db"])
    }

    @Test func createRefusesAMissingFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("nowhere/ledger.db").path
        #expect(refusal { _ = try Ledger.create(at: path, seeded: false, context: context()) }?.contains("不存在：无法在那里创建账本") == true)
    }

    @Test(arguments: [false, true])
    func openingAMissingLedgerCreatesNothing(writable: Bool) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing.db").path
        let error = failure { _ = try Ledger.open(at: path, writable: writable) }
        #expect(error?.kind == .noLedger)
        #expect(error?.message.contains("没有找到账本") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aFolderIsNotALedger() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(refusal { _ = try Ledger.open(at: folder.path, writable: false) }?.contains("是文件夹，不是账本文件") == true)
    }
}
