import GRDB

extension Ledger {
    /// The zone's name, shown on every sheet.
    public func zone() throws -> Zone {
        try read { db in
            guard let zone = try Zone.fetchOne(db, key: 1) else { throw LedgerError.data("账本缺少开发区信息：请运行 zoneledger check") }
            return zone
        }
    }

    /// Sets the zone's real name in place of the report's anonymised one; the change is kept as a batch.
    public func renameZone(_ name: String, context: WriteContext) throws -> (old: String, new: String) {
        try write { db in
            let valid = try Validate.name(name, what: "开发区名称")
            guard var zone = try Zone.fetchOne(db, key: 1) else { throw LedgerError.data("账本缺少开发区信息") }
            let old = zone.name
            _ = try beginBatch(db, WriteContext(author: context.author, now: context.now, today: context.today,
                                                command: "zone rename: \(old) → \(valid)".prefix(100).description))
            zone.name = valid
            try zone.update(db)
            return (old, valid)
        }
    }
}
