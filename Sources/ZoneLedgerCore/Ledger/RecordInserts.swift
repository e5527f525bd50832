import GRDB

// The inserts every write makes, as cached statements with positional arguments. They write the
// same rows as GRDB's `insert(db)`, which encodes each record through Codable and converts every
// key to snake_case on every call: an import of 50,000 rows spent a quarter of its time there.
// Each lists the record's columns in declaration order; RecordInsertTests compares the rows.

extension Entry {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO entry (id, batch_id, effective_on, action, project_id, parcel_id, park_id, tenant_id, milestone_id,
              stage, progress, parcel_status, tenant_status, due_on, due_text, due_precision, correction, note, changes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, batchId, effectiveOn, action, projectId, parcelId, parkId, tenantId, milestoneId,
                                     stage, progress, parcelStatus, tenantStatus, dueOn, dueText, duePrecision, correction, note, changes])
        id = db.lastInsertedRowID
    }
}

extension Batch {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO batch (id, recorded_at, author, command, part_of) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [id, recordedAt, author, command, partOf])
        id = db.lastInsertedRowID
    }
}

extension Park {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO park (id, code, name, kind, area_mu_hundredths, area_approximate, plot_ratio_hundredths, floor_area_m2,
              investment_yuan, expected_output_yuan, expected_tax_yuan, buildings, industries, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, code, name, kind, areaMuHundredths, areaApproximate, plotRatioHundredths, floorAreaM2,
                                     investmentYuan, expectedOutputYuan, expectedTaxYuan, buildings, industries, quote])
        id = db.lastInsertedRowID
    }
}

extension Parcel {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO parcel (id, code, name, area_mu_hundredths, land_use, quote) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [id, code, name, areaMuHundredths, landUse, quote])
        id = db.lastInsertedRowID
    }
}

extension Project {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO project (id, code, name, kind, investment_yuan, park_id, parcel_id, provincial_major, registered,
              department, planned_start, planned_completion, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, code, name, kind, investmentYuan, parkId, parcelId, provincialMajor, registered,
                                     department, plannedStart, plannedCompletion, quote])
        id = db.lastInsertedRowID
    }
}

extension Tenant {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO tenant (id, code, name, park_id, quote) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [id, code, name, parkId, quote])
        id = db.lastInsertedRowID
    }
}

extension Milestone {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO milestone (id, code, title, project_id, parcel_id, park_id, tenant_id, due_on, due_text, due_precision,
              department, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, code, title, projectId, parcelId, parkId, tenantId, dueOn, dueText, duePrecision,
                                     department, quote])
        id = db.lastInsertedRowID
    }
}

extension Figure {
    mutating func insertPrepared(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO figure (id, code, category, metric, key, park_id, period_from, period_to, value, unit, approximate,
              yoy_percent, batch_id, quote)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, code, category, metric, key, parkId, periodFrom, periodTo, value, unit, approximate,
                                     yoyPercent, batchId, quote])
        id = db.lastInsertedRowID
    }
}
