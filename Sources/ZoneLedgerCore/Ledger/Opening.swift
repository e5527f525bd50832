import Foundation
import GRDB

extension Ledger {
    /// Marks a file as a zoneledger ledger ("ZLDG"), so another program's SQLite file is never migrated.
    static let applicationID: Int32 = 0x5A4C_4447

    /// Opens an existing ledger. A missing file is an error: reads never create one.
    public static func open(at path: String, writable: Bool) throws -> Ledger {
        if let url = try PostgresURL.parse(path) { return try openPostgres(url, writable: writable) }
        // One look at what the path is (through a link): a ledger is a regular file. SQLite reading
        // a FIFO blocks or fails with a bare I/O error, and on a device reads whatever it gives.
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw LedgerError(.noLedger, "没有找到账本“\(path)”：先运行 zoneledger init 创建，或用 --db 指定已有的账本")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw LedgerError.data("“\(path)”是文件夹，不是账本文件")
        case S_IFIFO: throw LedgerError.data("“\(path)”是命名管道（FIFO），不是账本文件：账本必须是普通文件")
        case S_IFCHR, S_IFBLK: throw LedgerError.data("“\(path)”是设备文件，不是账本文件：账本必须是普通文件")
        default: throw LedgerError.data("“\(path)”是特殊文件，不是账本文件：账本必须是普通文件")
        }
        if writable && !FileManager.default.isWritableFile(atPath: path) {
            throw LedgerError(.permission, "账本“\(path)”是只读的：无法写入（检查文件权限）")
        }
        // Identity first, through a connection that writes nothing: a file that is not a ledger
        // must not be touched, not even switched to WAL.
        let probe = Ledger(queue: try translatingErrors { try openQueue(path, writable: false) }, path: path)
        try probe.checkIdentity(path: path)
        try probe.migrateIfNeeded(path: path, writable: writable)
        guard writable else { return probe }
        try translatingErrors { try probe.queue.close() }
        return Ledger(queue: try translatingErrors { try openQueue(path, writable: true) }, path: path)
    }

    /// Creates a new ledger file; refuses to touch an existing one.
    public static func create(at path: String, seeded: Bool, context: WriteContext) throws -> Ledger {
        try create(at: path) { try $0.fill(seeded: seeded, context: context) }
    }

    /// A new ledger with its schema and nothing in it, for `copy` to fill with another's rows.
    public static func createForCopy(at path: String) throws -> Ledger {
        try create(at: path) { _ in }
    }

    /// A new ledger, file or database: `fill` writes its first rows before anyone can open it.
    static func create(at path: String, fill: (Ledger) throws -> Void) throws -> Ledger {
        if let url = try PostgresURL.parse(path) { return try createPostgres(url, fill: fill) }
        let url = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: path) {
            throw LedgerError.data("账本“\(path)”已存在：不会覆盖。要重新开始，请换一个文件名")
        }
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LedgerError.data("文件夹“\(folder)”不存在：无法在那里创建账本")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw LedgerError(.permission, "文件夹“\(folder)”不可写：无法创建账本")
        }
        // Build the whole ledger under a temporary name, then move it into place:
        // an interrupted init leaves no half-made ledger behind.
        // A short hidden name (the ledger's own may be near the 255-byte limit), tidied by the next init.
        removeStaleTemporaries(in: folder, prefix: ".zoneledger-init-")
        let temporary = folder + "/.zoneledger-init-\(ProcessInfo.processInfo.processIdentifier)"
        defer { Self.removeFiles(temporary) }
        do {
            let queue = try translatingErrors { try DatabaseQueue(path: temporary, configuration: configuration(readonly: false)) }
            let building = Ledger(queue: queue, path: temporary)
            try building.prepareNew(fill: fill)
            _ = try translatingErrors { try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) } }
            try translatingErrors { try queue.close() }
        }
        guard link(temporary, path) == 0 else {
            throw LedgerError.data("账本“\(path)”已存在：不会覆盖")
        }
        return try open(at: path, writable: true)
    }

    /// An in-memory ledger, for tests of the core.
    public static func inMemory(seeded: Bool, context: WriteContext) throws -> Ledger {
        let ledger = Ledger(queue: try DatabaseQueue(configuration: configuration(readonly: false)), path: nil)
        try ledger.prepareNew { try $0.fill(seeded: seeded, context: context) }
        return ledger
    }

    func prepareNew(fill: (Ledger) throws -> Void) throws {
        let queue = try queue
        try translatingErrors {
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = \(Self.applicationID)") }
            try Self.migrator.migrate(queue)
        }
        try fill(self)
    }

    /// A new ledger's first rows, in either store: the zone, and the report's data unless empty.
    func fill(seeded: Bool, context: WriteContext) throws {
        try write { db in
            let zone = Zone(name: SeedLoader.anonymisedZoneName)
            try zone.insert(db)
            if seeded { try SeedLoader(context: context).load(into: db, ledger: self) }
        }
    }

    static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        // Writers wait for each other instead of failing (GRDB 7 writes with BEGIN IMMEDIATE).
        config.busyMode = .timeout(busyTimeout)
        // ZONELEDGER_TRACE_SQL=1: every statement, its values written in, to standard error. The
        // benchmark's sqlite3 side (scripts/bench/*.sql) is exactly this trace, and a test keeps it so.
        if ProcessInfo.processInfo.environment["ZONELEDGER_TRACE_SQL"] == "1" {
            config.prepareDatabase { db in
                db.trace { FileHandle.standardError.write(Data(($0.expandedDescription + ";\n").utf8)) }
            }
        }
        // WAL is set by hand, not with GRDB's journalMode option, which creates and drops a table
        // on every open: that would change a ledger's bytes even when a command is refused.
        if !readonly {
            config.prepareDatabase { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                // FULL: a committed entry survives a power cut, not just a crash of the program.
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        return config
    }

    /// A read must leave no trace. SQLite's read-only connections cannot remove the -wal and -shm
    /// files WAL mode makes, so where the ledger and its folder are writable a read uses a
    /// read-write connection with writes switched off (query_only), which tidies up on close.
    /// A ledger that truly cannot be written, with no pending WAL, is opened immutable.
    static func openQueue(_ path: String, writable: Bool) throws -> DatabaseQueue {
        if writable { return try DatabaseQueue(path: path, configuration: configuration(readonly: false)) }
        // A reader leaves the journal mode alone: query_only forbids even that.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let files = FileManager.default
        if files.isWritableFile(atPath: path) && files.isWritableFile(atPath: folder) {
            var config = configuration(readonly: true)
            config.readonly = false
            config.prepareDatabase { try $0.execute(sql: "PRAGMA query_only = 1") }
            return try DatabaseQueue(path: path, configuration: config)
        }
        let pendingWAL = (try? files.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
        guard pendingWAL == 0 else { return try DatabaseQueue(path: path, configuration: configuration(readonly: true)) }
        let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))) ?? path) + "?immutable=1"
        return try DatabaseQueue(path: uri, configuration: configuration(readonly: true))
    }

    /// Seconds a command waits for other writers; ZONELEDGER_BUSY_TIMEOUT overrides it.
    static var busyTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["ZONELEDGER_BUSY_TIMEOUT"].flatMap(Double.init) ?? 10
    }

    func checkIdentity(path: String) throws {
        let id = try translatingErrors { try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 } }
        guard id == Self.applicationID else {
            throw LedgerError.data("“\(path)”不是 zoneledger 账本（是别的 SQLite 文件或空文件）：不会改动它")
        }
    }

    func migrateIfNeeded(path: String, writable: Bool) throws {
        let (superseded, complete) = try translatingErrors { try queue.read { db in
            (try Self.migrator.hasBeenSuperseded(db), try Self.migrator.hasCompletedMigrations(db))
        } }
        if superseded {
            throw LedgerError.data("账本“\(path)”由更新版本的 zoneledger 写入：请升级 zoneledger 后再打开")
        }
        guard !complete else { return }
        guard writable || FileManager.default.isWritableFile(atPath: path) else {
            throw LedgerError(.permission, "账本“\(path)”需要升级格式，但它是只读的：请先恢复写权限")
        }
        // Open read-write just for the migration, then go on with the caller's access.
        let migrating = try translatingErrors { try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false)) }
        try translatingErrors { try Self.migrator.migrate(migrating) }
    }

    /// An init killed half-way leaves its hidden temporary behind; the next init in that folder
    /// removes those whose process is gone (never one still running).
    static func removeStaleTemporaries(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isASCIIDigit }
            guard let pid = Int32(digits), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
