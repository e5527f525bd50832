/// What a file's header says, shared by all its rows: which field holds each column, the header
/// as written (for messages), and the unit money columns take from it.
final class ImportLayout {
    let fieldIndex: [String: Int]
    let headers: [String]
    let moneyUnits: [String: String]
    let today: Day
    let choices = ChoiceCache()
    let dates = DateCache()

    init(fieldIndex: [String: Int], headers: [String], moneyUnits: [String: String], today: Day) {
        self.fieldIndex = fieldIndex
        self.headers = headers
        self.moneyUnits = moneyUnits
        self.today = today
    }
}

/// `Labeled.parse` remembered per text: a file says 在建 fifty thousand times, and each parse
/// trims, lowercases and searches every case and its aliases. Refusals are remembered too.
final class ChoiceCache {
    private struct Key: Hashable {
        let type: ObjectIdentifier
        let text: String
    }

    private var parsed: [Key: Any] = [:]

    func parse<Value: Labeled>(_ text: String, as type: Value.Type) throws(LedgerError) -> Value {
        let key = Key(type: ObjectIdentifier(type), text: text)
        if let known = parsed[key] as? Result<Value, LedgerError> { return try known.get() }
        let result = Result { () throws(LedgerError) -> Value in try Value.parse(text) }
        // A file of odd words would otherwise keep every one of them.
        if parsed.count >= 10_000 { parsed.removeAll(keepingCapacity: true) }
        parsed[key] = result
        return try result.get()
    }
}

/// `DateParser.parse` remembered per text and reference day: a file says 2021年底 a thousand
/// times, and reading Chinese dates takes a scanner and a calendar. Refusals are remembered too;
/// ISO days, which read faster than they look up, are not.
final class DateCache {
    private struct Key: Hashable {
        let text: String
        let reference: Day
        let upcoming: Bool
    }

    private var parsed: [Key: Result<LedgerDate, DateError>] = [:]

    /// `upcoming`: a due date (`DateParser.parseDue`).
    func parse(_ text: String, relativeTo reference: Day, upcoming: Bool = false) throws(DateError) -> LedgerDate {
        if let day = Day(iso: text) { return LedgerDate(day: day, text: text, precision: .day) }
        let key = Key(text: text, reference: reference, upcoming: upcoming)
        if let known = parsed[key] { return try known.get() }
        let result = Result { () throws(DateError) -> LedgerDate in try DateParser.parse(text, relativeTo: reference, upcoming: upcoming) }
        if parsed.count >= 20_000 { parsed.removeAll(keepingCapacity: true) }
        parsed[key] = result
        return try result.get()
    }
}
