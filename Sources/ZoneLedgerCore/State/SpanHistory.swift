import GRDB

/// The span tables rebuilt from the entries and their voids alone: what `check` compares the stored
/// spans with and `rebuild` (and the migration) writes. For each command that touched a subject, in
/// order, the fold of the entries live after it; a span it made untrue closes at that command, one
/// it made true opens there: exactly what the writes did one command at a time.
enum SpanHistory {
    struct Version: Hashable, Sendable {
        let span: Span
        let recordedFrom: Int64
        let recordedTo: Int64?
    }

    /// An entry with the command that wrote it and the command that voided it, if any.
    struct Recorded {
        let entry: Entry
        let command: Int64
        let voidedBy: Int64?
    }

    static func expected(_ recorded: [Recorded], _ layout: SpanLayout) -> [Version] {
        let commands = Set(recorded.map(\.command) + recorded.compactMap(\.voidedBy)).sorted()
        var current: [Span] = []
        var opened: [Span: Int64] = [:]
        var versions: [Version] = []
        for command in commands {
            let live = recorded.filter { $0.command <= command && ($0.voidedBy.map { $0 > command } ?? true) }.map(\.entry)
            let next = Fold.spans(from: nil, entries: live, layout)
            let nextSet = Set(next), currentSet = Set(current)
            for span in current where !nextSet.contains(span) {
                versions.append(Version(span: span, recordedFrom: opened.removeValue(forKey: span) ?? command, recordedTo: command))
            }
            for span in next where !currentSet.contains(span) { opened[span] = command }
            current = next
        }
        for span in current { versions.append(Version(span: span, recordedFrom: opened[span] ?? 0, recordedTo: nil)) }
        return versions
    }

    /// Walks every subject of a kind that has entries or spans, in id order, with what its spans
    /// should be and what is stored: two ordered reads, whatever the ledger's size.
    static func eachSubject(_ kind: SubjectKind, withStored: Bool = true, in db: Session,
                            _ body: (_ id: Int64, _ expected: [Version], _ stored: [StoredSpan]) throws -> Void) throws {
        let layout = SpanLayout.of(kind)
        let entries = try SessionRow.fetchCursor(db, sql: """
            SELECT e.*, coalesce(b.part_of, b.id) AS command_id, coalesce(vb.part_of, vb.id) AS voided_by
            FROM entry e JOIN batch b ON b.id = e.batch_id
              LEFT JOIN entry_void v ON v.entry_id = e.id LEFT JOIN batch vb ON vb.id = v.batch_id
            WHERE e.\(kind.foreignKey) IS NOT NULL
            ORDER BY e.\(kind.foreignKey), e.effective_on, e.id
            """)
        // Without the stored spans (a rebuild writes them as it walks) the span cursor reads nothing.
        let spans = try SessionRow.fetchCursor(db, sql: """
            SELECT \(SpanStore.selection(layout)), \(layout.key) FROM \(layout.table) WHERE ? = 1 ORDER BY \(layout.key), recorded_from
            """, arguments: [withStored])
        var nextEntry = try entries.next().map(recordedEntry)
        let subjectColumn = 5 + layout.columns.count
        var nextSpan = try spans.next().map { ($0[subjectColumn] as Int64, SpanStore.decode($0, layout)) }
        while nextEntry != nil || nextSpan != nil {
            let id = min(nextEntry?.entry.subject.id ?? .max, nextSpan?.0 ?? .max)
            var recorded: [Recorded] = []
            while let current = nextEntry, current.entry.subject.id == id {
                recorded.append(current)
                nextEntry = try entries.next().map(recordedEntry)
            }
            var stored: [StoredSpan] = []
            while let current = nextSpan, current.0 == id {
                stored.append(current.1)
                nextSpan = try spans.next().map { ($0[subjectColumn] as Int64, SpanStore.decode($0, layout)) }
            }
            try body(id, expected(recorded, layout), stored)
        }
    }

    private static func recordedEntry(_ row: SessionRow) throws -> Recorded {
        Recorded(entry: try Entry(row: row), command: row["command_id"], voidedBy: row["voided_by"])
    }

    /// Replaces every span of every kind with the ones the entries give. `progress` hears the
    /// subjects done and the total, now and then.
    @discardableResult
    static func rebuildAll(in db: Session, progress: ((Int, Int) -> Void)? = nil) throws -> Int {
        let total = try SubjectKind.allCases.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1.table)") ?? 0) }
        var done = 0
        for kind in SubjectKind.allCases {
            let layout = SpanLayout.of(kind)
            try db.execute(sql: "DELETE FROM \(layout.table)")
            try eachSubject(kind, withStored: false, in: db) { id, versions, _ in
                for version in versions {
                    try SpanStore.insert(version.span, of: id, recordedFrom: version.recordedFrom, recordedTo: version.recordedTo, layout, in: db)
                }
                done += 1
                if done % 1_000 == 0 { progress?(done, total) }
            }
        }
        progress?(done, total)
        return done
    }

    /// Every subject whose stored spans differ from the rebuilt ones, each with the first day that differs.
    static func mismatches(in db: Session) throws -> [(SubjectID, String)] {
        var found: [(SubjectID, String)] = []
        for kind in SubjectKind.allCases {
            try eachSubject(kind, in: db) { id, expected, stored in
                let have = stored.map { Version(span: $0.span, recordedFrom: $0.recordedFrom, recordedTo: $0.recordedTo) }
                guard Set(have) != Set(expected) || have.count != expected.count else { return }
                let extra = Set(have).subtracting(expected), missing = Set(expected).subtracting(have)
                let first = (extra.map(\.span.from) + missing.map(\.span.from)).min()
                found.append((SubjectID(kind: kind, id: id),
                              first.map { "自\($0.iso)起的派生状态与历史记录不符" } ?? "派生状态有重复的行"))
            }
        }
        return found
    }
}
