import ZoneLedgerCore

/// The whole sheet as one object with stable snake_case keys: the contract the other formats are checked against.
enum SheetJSON {
    static func write(_ sheet: SheetStream, to sink: OutputSink) throws {
        var heading: [(String, JSONValue)] = [
            ("zone", .string(sheet.zone)), ("month", .string(sheet.month.description)),
            ("as_of", .string(sheet.asOf.iso)), ("generated_at", .string(sheet.generatedAt)),
        ]
        if case .city(let zones) = sheet.kind { heading[0] = ("zones", .array(zones.map(JSONValue.string))) }
        try StreamJSON.write(heading: heading, sections: sheet.sections.map { ($0.key, $0.rows) }, to: sink)
    }
}
