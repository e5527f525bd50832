import Foundation
import GRDB

/// A moment of recording time: what the ledger held then. Written as the office says it,
/// "2020-12-05" (the end of that day), "2020-12-05 10:30" or "2020-12-05T10:30:00+08:00", in local
/// time unless an offset is given.
public struct RecordedAt: Sendable, Equatable {
    /// ISO 8601 with an offset, as batches record their time.
    public let iso: String

    public static func parse(_ text: String, timeZone: TimeZone = .current) throws(LedgerError) -> RecordedAt {
        let trimmed = text.trimmingWhitespace().replacingOccurrences(of: " ", with: "T")
        let day = String(trimmed.prefix(10))
        guard Day(iso: day) != nil else {
            throw .data("记录时刻无效“\(text)”：应写作 2020-12-05、2020-12-05 10:30 或 2020-12-05T10:30:00+08:00")
        }
        var time = trimmed.count > 10 ? String(trimmed.dropFirst(11)) : "23:59:59"
        var offset: String?
        if let zone = time.firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) {
            offset = String(time[zone...])
            time = String(time[..<zone])
        }
        let parts = time.split(separator: ":").map(String.init)
        guard trimmed.count == 10 || trimmed.dropFirst(10).first == "T",
              (2...3).contains(parts.count), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), hour < 24, let minute = Int(parts[1]), minute < 60, (Int(parts.count == 3 ? parts[2] : "0") ?? 60) < 60,
              offset.map({ $0 == "Z" || $0.wholeMatch(of: /[+-][0-9]{2}:[0-9]{2}/) != nil }) ?? true else {
            throw .data("记录时刻无效“\(text)”：应写作 2020-12-05、2020-12-05 10:30 或 2020-12-05T10:30:00+08:00")
        }
        let seconds = parts.count == 3 ? parts[2] : "00"
        let local = offset ?? {
            // The offset the zone had at that local time (China has had one since 1991).
            var components = DateComponents()
            let day = Day(iso: day)
            components.year = day?.year; components.month = day?.month; components.day = day?.day
            components.hour = hour; components.minute = minute
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let instant = calendar.date(from: components) ?? Date()
            let minutes = timeZone.secondsFromGMT(for: instant) / 60
            if minutes == 0 { return "Z" }
            let sign = minutes < 0 ? "-" : "+", value = abs(minutes)
            return sign + String(format: "%02d:%02d", value / 60, value % 60)
        }()
        return RecordedAt(iso: "\(day)T\(parts[0]):\(parts[1]):\(seconds)\(local)")
    }
}

/// When a report looks: the state on a day, as the ledger knows it now, or as it stood at a
/// moment of recording (`--as-recorded`).
public struct AsOf: Sendable, Equatable {
    public var day: Day
    public var recorded: RecordedAt?
    public init(_ day: Day, recorded: RecordedAt? = nil) {
        self.day = day
        self.recorded = recorded
    }
}

/// An `AsOf` resolved against one ledger: the day, and the last batch known at the moment of
/// recording. Every report's SQL takes its conditions from here, so "as of D as known at T" is
/// two range conditions on spans, never a replay of entries.
struct Viewpoint: Sendable {
    let day: Day
    /// The highest batch id recorded by the moment; nil for "as known now".
    let threshold: Int64?
    /// The day is on or after every entry's: the open spans (valid_to IS NULL) are the state.
    let latest: Bool

    static func resolve(_ asOf: AsOf, in db: Session) throws -> Viewpoint {
        guard let recorded = asOf.recorded else {
            let last = try Day.fetchOne(try db.cachedStatement(sql: "SELECT max(effective_on) FROM entry"))
            return Viewpoint(day: asOf.day, threshold: nil, latest: last.map { $0 <= asOf.day } ?? true)
        }
        // A command's batches all count from its first one's time (an import's history batches
        // keep their original times but were recorded with the import).
        let threshold = try Int64.fetchOne(try db.cachedStatement(sql: """
            SELECT max(b.id) FROM batch b LEFT JOIN batch r ON r.id = b.part_of
            WHERE julianday(coalesce(r.recorded_at, b.recorded_at)) <= julianday(?)
            """), arguments: [recorded.iso]) ?? 0
        return Viewpoint(day: asOf.day, threshold: threshold, latest: false)
    }

    /// Named arguments every fragment below refers to.
    var arguments: SQLArguments { ["day": day, "rec": threshold] }

    /// The spans known at the viewpoint's moment (alias `s`).
    func known(_ alias: String) -> String {
        threshold == nil ? "\(alias).recorded_to IS NULL"
            : "\(alias).recorded_from <= :rec AND (\(alias).recorded_to IS NULL OR \(alias).recorded_to > :rec)"
    }

    /// The span of `kind` that `subject` (an SQL expression) had on the day, as `alias`: one
    /// index seek. A subject that did not exist on the day has none.
    func span(_ kind: SubjectKind, _ alias: String, of subject: String, join: String = "JOIN") -> String {
        let layout = SpanLayout.of(kind)
        return """
            \(join) \(layout.table) \(alias) ON \(alias).id = (SELECT x.id FROM \(layout.table) x WHERE x.\(layout.key) = \(subject) \
            AND \(known("x")) AND x.valid_from <= :day ORDER BY x.valid_from DESC LIMIT 1)
            """
    }

    /// Spans scanned by a condition of their own (`alias`), valid on the day.
    func valid(_ alias: String) -> String {
        if latest { return "\(alias).recorded_to IS NULL AND \(alias).valid_to IS NULL" }
        return "\(known(alias)) AND \(alias).valid_from <= :day AND (\(alias).valid_to IS NULL OR \(alias).valid_to > :day)"
    }

    /// An entry (alias) recorded by the moment and not voided by then.
    func liveEntry(_ alias: String) -> String {
        threshold == nil ? "NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = \(alias).id)"
            : "\(alias).batch_id <= :rec AND NOT EXISTS (SELECT 1 FROM entry_void v WHERE v.entry_id = \(alias).id AND v.batch_id <= :rec)"
    }

    /// A figure (alias) known by the day and recorded, not undone, by the moment.
    func liveFigure(_ alias: String) -> String {
        let recorded = threshold == nil ? "NOT EXISTS (SELECT 1 FROM figure_void v WHERE v.figure_id = \(alias).id)"
            : "\(alias).batch_id <= :rec AND NOT EXISTS (SELECT 1 FROM figure_void v WHERE v.figure_id = \(alias).id AND v.batch_id <= :rec)"
        return "\(alias).known_on <= :day AND \(recorded)"
    }
}
