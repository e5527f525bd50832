import ZoneLedgerCore

/// The whole sheet as one object with stable snake_case keys: the contract the other formats are checked against.
enum SheetJSON {
    static func value(_ sheet: MonthlySheet) -> JSONValue {
        var object: [(String, JSONValue)] = [
            ("zone", .string(sheet.zone)), ("month", .string(sheet.month.description)),
            ("as_of", .string(sheet.asOf.iso)), ("generated_at", .string(sheet.generatedAt)),
        ]
        object += sheet.sections.map { ($0.key, Output.json($0.table)) }
        return .object(object)
    }
}
