import GRDB

extension Entry {
    /// Read column by column rather than through Codable: `log`, the sheet's month and every as-of
    /// report read entries by the thousand, and the Codable path (snake-case conversion of every
    /// key, dynamic casts) cost more than the reading itself. An unknown stored value is refused
    /// as GRDB would refuse it, never guessed.
    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        batchId = try row.decode(forColumn: "batch_id")
        effectiveOn = try row.decode(forColumn: "effective_on")
        action = try row.decode(forColumn: "action")
        projectId = try row.decode(forColumn: "project_id")
        parcelId = try row.decode(forColumn: "parcel_id")
        parkId = try row.decode(forColumn: "park_id")
        tenantId = try row.decode(forColumn: "tenant_id")
        milestoneId = try row.decode(forColumn: "milestone_id")
        stage = try row.decode(forColumn: "stage")
        progress = try row.decode(forColumn: "progress")
        parcelStatus = try row.decode(forColumn: "parcel_status")
        tenantStatus = try row.decode(forColumn: "tenant_status")
        dueOn = try row.decode(forColumn: "due_on")
        dueText = try row.decode(forColumn: "due_text")
        duePrecision = try row.decode(forColumn: "due_precision")
        correction = try row.decode(forColumn: "correction")
        note = try row.decode(forColumn: "note")
        changes = try row.decode(forColumn: "changes")
    }
}
