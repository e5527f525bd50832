/// What a file's header says, shared by all its rows: which field holds each column, the header
/// as written (for messages), and the unit money columns take from it.
final class ImportLayout {
    let fieldIndex: [String: Int]
    let headers: [String]
    let moneyUnits: [String: String]
    let today: Day
    let choices = ChoiceCache()

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
        parsed[key] = result
        return try result.get()
    }
}
