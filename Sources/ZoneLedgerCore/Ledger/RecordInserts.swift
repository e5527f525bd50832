import GRDB

// The inserts every write makes, as cached statements with positional arguments. They write the
// same rows as GRDB's `insert(db)`, which encodes each record through Codable and converts every
// key to snake_case on every call: an import of 50,000 rows spent a quarter of its time there.
// Each lists the record's columns in declaration order; RecordInsertTests compares the rows.

extension Database {
    /// One row into `table` through a cached statement: `columns` as written in SQL, one value
    /// each, in order. Returns the new row's id.
    func insertRow(into table: String, _ columns: String, _ values: StatementArguments) throws -> Int64 {
        let marks = Array(repeating: "?", count: columns.split(separator: ",").count).joined(separator: ", ")
        try cachedStatement(sql: "INSERT INTO \(table) (\(columns)) VALUES (\(marks))").execute(arguments: values)
        return lastInsertedRowID
    }
}

extension Entry {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "entry", "id, batch_id, effective_on, action, project_id, parcel_id, park_id, tenant_id, milestone_id, stage, progress, parcel_status, tenant_status, due_on, due_text, due_precision, correction, note, changes",
                              [id, batchId, effectiveOn, action, projectId, parcelId, parkId, tenantId, milestoneId, stage, progress, parcelStatus, tenantStatus, dueOn, dueText, duePrecision, correction, note, changes])
    }
}

extension Batch {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "batch", "id, recorded_at, author, command, part_of",
                              [id, recordedAt, author, command, partOf])
    }
}

extension Park {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "park", "id, code, name, kind, area_mu_hundredths, area_approximate, plot_ratio_hundredths, floor_area_m2, investment_yuan, expected_output_yuan, expected_tax_yuan, buildings, industries, quote",
                              [id, code, name, kind, areaMuHundredths, areaApproximate, plotRatioHundredths, floorAreaM2, investmentYuan, expectedOutputYuan, expectedTaxYuan, buildings, industries, quote])
    }
}

extension Parcel {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "parcel", "id, code, name, area_mu_hundredths, land_use, quote",
                              [id, code, name, areaMuHundredths, landUse, quote])
    }
}

extension Project {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "project", "id, code, name, kind, investment_yuan, park_id, parcel_id, provincial_major, registered, department, planned_start, planned_completion, quote",
                              [id, code, name, kind, investmentYuan, parkId, parcelId, provincialMajor, registered, department, plannedStart, plannedCompletion, quote])
    }
}

extension Tenant {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "tenant", "id, code, name, park_id, quote",
                              [id, code, name, parkId, quote])
    }
}

extension Milestone {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "milestone", "id, code, title, project_id, parcel_id, park_id, tenant_id, due_on, due_text, due_precision, department, quote",
                              [id, code, title, projectId, parcelId, parkId, tenantId, dueOn, dueText, duePrecision, department, quote])
    }
}

extension Figure {
    mutating func insertPrepared(_ db: Database) throws {
        id = try db.insertRow(into: "figure", "id, code, category, metric, key, park_id, period_from, period_to, value, unit, approximate, yoy_percent, batch_id, quote",
                              [id, code, category, metric, key, parkId, periodFrom, periodTo, value, unit, approximate, yoyPercent, batchId, quote])
    }
}
