import GRDB

/// The state a kind of subject has, column by column, as its span table holds it.
struct SpanLayout: Sendable {
    let kind: SubjectKind
    /// The state columns, after the span's days and commands, in the table's order.
    let columns: [String]
    /// Entry column → state column, for the fields an entry sets by simply naming them.
    let copies: [(entry: Int, state: Int, clearable: Bool)]
    private let positions: [String: Int]

    var table: String { kind.rawValue + "_span" }
    var key: String { kind.foreignKey }

    init(_ kind: SubjectKind, _ columns: [String], extra: [(String, String)] = []) {
        self.kind = kind
        self.columns = columns
        let positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        self.positions = positions
        let fields = kind.fields.map { ($0.entryColumn, $0.spanColumn, $0.isClearable) } + extra.map { ($0.0, $0.1, false) }
        copies = fields.map { entry, state, clearable in
            guard let from = Entry.columnIndex[entry], let to = positions[state] else { preconditionFailure("no column \(entry) → \(state)") }
            return (from, to, clearable)
        }
    }

    func index(_ column: String) -> Int {
        guard let index = positions[column] else { preconditionFailure("no span column \(column) for \(kind)") }
        return index
    }

    static func of(_ kind: SubjectKind) -> SpanLayout {
        switch kind {
        case .project: project
        case .parcel: parcel
        case .park: park
        case .tenant: tenant
        case .milestone: milestone
        case .problem: problem
        }
    }

    static let project = SpanLayout(.project, [
        "last_entry", "note_entry", "name", "kind", "stage", "progress", "investment_yuan", "park_id", "parcel_id",
        "provincial_major", "registered", "department", "planned_start", "planned_completion", "owner", "leader", "scope",
    ], extra: [("stage", "stage"), ("progress", "progress")])
    static let parcel = SpanLayout(.parcel, [
        "last_entry", "note_entry", "name", "area_mu_hundredths", "land_use", "status", "status_since",
    ], extra: [("parcel_status", "status")])
    static let park = SpanLayout(.park, [
        "last_entry", "note_entry", "name", "kind", "area_mu_hundredths", "area_approximate", "plot_ratio_hundredths",
        "floor_area_m2", "investment_yuan", "expected_output_yuan", "expected_tax_yuan", "buildings", "industries",
    ])
    static let tenant = SpanLayout(.tenant, ["last_entry", "note_entry", "name", "park_id", "status"],
                                   extra: [("tenant_status", "status")])
    static let milestone = SpanLayout(.milestone, [
        "last_entry", "note_entry", "title", "project_id", "parcel_id", "park_id", "tenant_id", "department", "state",
        "closed_on", "due_on", "due_text", "due_precision", "original_due_on", "original_due_text", "reschedules",
    ], extra: [("due_on", "due_on"), ("due_text", "due_text"), ("due_precision", "due_precision")])
    static let problem = SpanLayout(.problem, [
        "last_entry", "note_entry", "title", "project_id", "parcel_id", "park_id", "tenant_id", "department", "leader", "state",
        "raised_on", "closed_on", "due_on", "due_text", "due_precision",
    ], extra: [("due_on", "due_on"), ("due_text", "due_text"), ("due_precision", "due_precision")])
}

/// A subject's state on some days: its span columns' values, in `SpanLayout.columns` order.
struct SpanState: Hashable, Sendable {
    var values: [DatabaseValue]

    subscript(_ layout: SpanLayout, _ column: String) -> DatabaseValue {
        get { values[layout.index(column)] }
        set { values[layout.index(column)] = newValue }
    }
}

/// A state and the days it held: from `from` up to (not including) `to`, nil for "still so".
struct Span: Hashable, Sendable {
    var from: Day
    var to: Day?
    var state: SpanState
}

/// The one rule: the state of a subject on a day is its live entries effective on or before that
/// day, applied in (effective day, id) order, each setting the fields it names. Spans are this
/// fold cut at every day an entry takes effect. Every path that derives state calls this: writes,
/// undo, import, the migration, `rebuild` and `check`. No report folds entries on its own.
enum Fold {
    /// One entry applied to the state before it; nil while the subject does not exist (before its
    /// add, or after its add was undone).
    static func apply(_ entry: Entry, to before: SpanState?, _ layout: SpanLayout) -> SpanState? {
        var state: SpanState
        if entry.action == .add {
            state = initial(layout)
        } else if let existing = before {
            state = existing
        } else {
            return nil
        }
        let statusBefore = layout.kind == .parcel ? state[layout, "status"] : .null
        for copy in layout.copies {
            let value = entry.values[copy.entry]
            guard !value.isNull else { continue }
            // An empty text clears an optional field.
            state.values[copy.state] = copy.clearable && String.fromDatabaseValue(value) == "" ? .null : value
        }
        switch layout.kind {
        case .parcel:
            // The day the parcel reached its status: kept while an entry repeats the same status.
            let status = entry["parcel_status"]
            if !status.isNull, entry.action == .add || status != statusBefore {
                state[layout, "status_since"] = entry.effectiveOn.databaseValue
            }
        case .milestone:
            applyLink(entry, &state, layout)
            applyMilestone(entry, &state, layout)
        case .problem:
            applyLink(entry, &state, layout)
            applyProblem(entry, &state, layout)
        default:
            break
        }
        state[layout, "last_entry"] = entry.id?.databaseValue ?? .null
        if let note = entry.note, !note.isEmpty { state[layout, "note_entry"] = entry.id?.databaseValue ?? .null }
        return state
    }

    /// What a milestone or problem is about: the one subject its entry names, the others cleared.
    private static func applyLink(_ entry: Entry, _ state: inout SpanState, _ layout: SpanLayout) {
        guard let link = entry.subjectLink else { return }
        for kind in [SubjectKind.project, .parcel, .park, .tenant] {
            state[layout, kind.foreignKey] = kind == link.kind ? link.id.databaseValue : .null
        }
    }

    private static func applyMilestone(_ entry: Entry, _ state: inout SpanState, _ layout: SpanLayout) {
        let day = entry.effectiveOn.databaseValue
        switch entry.action {
        case .add:
            state[layout, "state"] = MilestoneState.open.rawValue.databaseValue
            state[layout, "original_due_on"] = entry["due_on"]
            state[layout, "original_due_text"] = entry["due_text"]
            state[layout, "reschedules"] = 0.databaseValue
        case .reschedule:
            state[layout, "reschedules"] = ((Int64.fromDatabaseValue(state[layout, "reschedules"]) ?? 0) + 1).databaseValue
        case .done:
            state[layout, "state"] = MilestoneState.done.rawValue.databaseValue
            state[layout, "closed_on"] = day
        case .cancel:
            state[layout, "state"] = MilestoneState.cancelled.rawValue.databaseValue
            state[layout, "closed_on"] = day
        case .reopen:
            state[layout, "state"] = MilestoneState.open.rawValue.databaseValue
            state[layout, "closed_on"] = .null
        case .update, .edit:
            break
        }
    }

    /// Raised on its add's day; resolved by a done entry, open again by a reopen; its deadline is
    /// the last one an add or edit gave.
    private static func applyProblem(_ entry: Entry, _ state: inout SpanState, _ layout: SpanLayout) {
        let day = entry.effectiveOn.databaseValue
        switch entry.action {
        case .add:
            state[layout, "state"] = ProblemState.open.rawValue.databaseValue
            state[layout, "raised_on"] = day
        case .done:
            state[layout, "state"] = ProblemState.resolved.rawValue.databaseValue
            state[layout, "closed_on"] = day
        case .reopen:
            state[layout, "state"] = ProblemState.open.rawValue.databaseValue
            state[layout, "closed_on"] = .null
        default:
            break
        }
    }

    /// A new subject: nothing set, flags false.
    private static func initial(_ layout: SpanLayout) -> SpanState {
        var state = SpanState(values: Array(repeating: .null, count: layout.columns.count))
        for column in ["provincial_major", "registered", "area_approximate"] where layout.columns.contains(column) {
            state[layout, column] = false.databaseValue
        }
        return state
    }

    /// The spans that `entries` (live, in (effective day, id) order, all on or after the day where
    /// `prior` ends its part) give, continuing from `prior`: the state on the day before the first
    /// of them, and the day that state began. Consecutive equal states are one span.
    static func spans(from prior: (from: Day, state: SpanState)?, entries: [Entry], _ layout: SpanLayout) -> [Span] {
        var points: [(day: Day, state: SpanState?)] = prior.map { [($0.from, $0.state)] } ?? []
        var state = prior?.state
        var index = 0
        while index < entries.count {
            let day = entries[index].effectiveOn
            while index < entries.count, entries[index].effectiveOn == day {
                state = apply(entries[index], to: state, layout)
                index += 1
            }
            if state != points.last?.state ?? nil { points.append((day, state)) }
        }
        var spans: [Span] = []
        for (position, point) in points.enumerated() {
            guard let state = point.state else { continue }
            spans.append(Span(from: point.day, to: position + 1 < points.count ? points[position + 1].day : nil, state: state))
        }
        return spans
    }
}
