import GRDB

/// What keeps a status entry in order: the value a column has on the entry's day (the entry comes
/// after every entry already on that day), and the first different value the spans after it hold.
/// A stage, status or progress that runs backwards from the one or into the other is refused
/// unless the entry says it is a correction.
struct StatusOrder {
    let layout: SpanLayout
    let current: SpanState?
    let later: [Span]

    init(_ subject: Subject, on day: Day, in db: Session) throws {
        layout = SpanLayout.of(subject.kind)
        current = try SpanStore.state(of: subject.subjectID, on: day, in: db)?.state
        later = try SpanStore.spans(of: subject.subjectID, after: day, in: db)
    }

    func before<Value: DatabaseValueConvertible>(_ type: Value.Type, _ column: String) -> Value? {
        current.flatMap { Value.fromDatabaseValue($0[layout, column]) }
    }

    func after<Value: DatabaseValueConvertible>(_ type: Value.Type, _ column: String) -> Value? {
        let now = current?[layout, column] ?? .null
        guard let next = later.first(where: { $0.state[layout, column] != now }) else { return nil }
        return Value.fromDatabaseValue(next.state[layout, column])
    }

    func check<Status: Progression & DatabaseValueConvertible>(_ new: Status, column: String, subject: Subject, on day: Day) throws {
        if let previous = before(Status.self, column), previous.isBackwards(to: new) {
            throw LedgerError.data("\(subject.listing)的\(Status.noun)已是“\(previous.label)”，改回“\(new.label)”是倒退：如确为更正，请加 --correction")
        }
        if let following = after(Status.self, column), new.isBackwards(to: following) {
            throw LedgerError.data("\(subject.listing)在\(day.iso)之后已记为“\(following.label)”，此前不能是更后的“\(new.label)”：如确为更正，请加 --correction")
        }
    }
}
