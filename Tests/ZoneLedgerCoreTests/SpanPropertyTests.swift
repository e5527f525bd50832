import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// The spans a write keeps are the spans a rebuild from the entries gives: random sequences of
/// writes of every kind, on random days (back-dated, out of order, same day), and undos; after
/// every step, refused or not, the stored spans equal the canonical rebuild and `check spans` is
/// clean. A seeded generator, so a failing sequence is the same on every run.
@Suite struct SpanPropertyTests {
    /// SplitMix64.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One random sequence: what it did, step by step, for the failure message.
    struct Run {
        var random: Generator
        let ledger: Ledger
        var minute = 0
        var serial = 0

        init(seed: UInt64) throws {
            random = Generator(state: seed)
            ledger = try seededCopy()
        }

        mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
        /// A day from 2020-10-01 to 2021-06-30, most of them after the seeding (2020-11-30).
        mutating func day() -> Day { ZoneLedgerCoreTests.day("2020-10-01").adding(days: Int.random(in: 0..<273, using: &random)) }
        mutating func context() -> WriteContext {
            minute += 1
            return WriteContext(author: "随机", now: Date(timeIntervalSince1970: 1_800_000_000 + Double(minute) * 60),
                                today: ZoneLedgerCoreTests.day("2026-11-29"), command: "random")
        }
        mutating func name(_ prefix: String) -> String {
            serial += 1
            return "\(prefix)\(serial)"
        }

        func codes(_ kind: SubjectKind) throws -> [String] {
            try ledger.read { try String.fetchAll($0, sql: "SELECT code FROM \(kind.table) ORDER BY id") }
        }

        mutating func code(_ kind: SubjectKind) throws -> String {
            let all = try codes(kind)
            return all.isEmpty ? "\(kind.codePrefix)1" : pick(all)
        }

        /// A value for a field, as typed; now and then one that is refused.
        mutating func text(_ kind: SubjectKind, _ key: String) throws -> String {
            switch key {
            case "name": return chance(5) ? "__博通小微园" : name("随机名")
            case "title": return name("随机节点")
            case "kind": return kind == .project ? pick(ProjectKind.allCases.map(\.label)) : pick(ParkKind.allCases.map(\.label))
            case "investment", "expected_output", "expected_tax": return pick(["1亿元", "2.5亿元", "3000万元", "9亿元"])
            case "park": return try code(.park)
            case "parcel": return try code(.parcel)
            case "provincial_major", "registered", "area_approximate": return pick(["是", "否"])
            case "department": return pick(["经发局", "建设局", ""])
            case "planned_start", "planned_completion": return day().iso
            case "area_mu": return pick(["10", "56", "144.73", "0.5"])
            case "land_use": return pick(["工业", "商业", ""])
            case "plot_ratio": return pick(["1.2", "2.6", "3"])
            case "floor_area_m2": return pick(["64618", "400000"])
            case "buildings": return pick(["3", "20"])
            case "industries": return pick(["电子、电器", "新材料", ""])
            default: return "?"
            }
        }

        /// One random write (or undo); returns what it tried. Refusals are part of the game.
        mutating func step() throws -> String {
            let context = context()
            let on = day()
            let ledger = ledger
            func attempt(_ what: String, _ body: () throws -> Void) -> String {
                let refused = refusal(body)
                return what + (refused.map { " → refused: \($0)" } ?? "")
            }
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<5:
                var draft = ProjectDraft(name: name("随机项目"), kind: pick(ProjectKind.allCases), on: on)
                if chance(40) { draft.park = try code(.park) }
                if chance(20) { draft.parcel = try code(.parcel) }
                if chance(30) { draft.stage = pick(ProjectStage.allCases) }
                let copy = draft
                return attempt("project add \(copy.name) on \(on.iso)") { try ledger.addProject(copy, context: context) }
            case 5..<9:
                var draft = ParcelDraft(name: name("随机地块"), area: try Area.parse(pick(["12.5", "30"])), on: on)
                if chance(50) { draft.project = try code(.project) }
                let copy = draft
                return attempt("parcel add \(copy.name) for \(copy.project ?? "-") on \(on.iso)") { try ledger.addParcel(copy, context: context) }
            case 9..<11:
                let copy = ParkDraft(name: name("随机园区"), kind: pick(ParkKind.allCases), on: on)
                return attempt("park add \(copy.name) on \(on.iso)") { try ledger.addPark(copy, context: context) }
            case 11..<14:
                let copy = TenantDraft(name: name("随机企业"), park: try code(.park), on: on)
                return attempt("tenant add \(copy.name) in \(copy.park) on \(on.iso)") { try ledger.addTenant(copy, context: context) }
            case 14..<18:
                let kind = pick([SubjectKind.project, .parcel, .park, .tenant])
                let subject = try code(kind)
                let dueDay = day()
                let copy = MilestoneDraft(title: name("随机节点"), subjectKind: kind, subject: subject,
                                          due: LedgerDate(day: dueDay, text: dueDay.iso, precision: .day), on: on)
                return attempt("milestone add about \(subject) due \(dueDay.iso) on \(on.iso)") { try ledger.addMilestone(copy, context: context) }
            case 18..<30:
                let ref = try code(.project)
                var update = ProjectUpdate(on: on)
                if chance(60) { update.stage = pick(ProjectStage.allCases) }
                if chance(50) { update.progress = Int.random(in: 0...100, using: &random) }
                if chance(50) || (update.stage == nil && update.progress == nil) { update.note = name("说明") }
                update.correction = chance(25)
                let copy = update
                return attempt("project update \(ref) \(copy.stage?.rawValue ?? "-") \(copy.progress.map(String.init) ?? "-") on \(on.iso)\(copy.correction ? " correction" : "")") {
                    try ledger.updateProject(ref, copy, context: context)
                }
            case 30..<36:
                let ref = try code(.parcel)
                var update = StatusUpdate(status: pick(ParcelStatus.allCases), on: on)
                update.correction = chance(25)
                let copy = update
                return attempt("parcel update \(ref) \(copy.status.rawValue) on \(on.iso)") { try ledger.updateParcel(ref, copy, context: context) }
            case 36..<42:
                let ref = try code(.tenant)
                var update = StatusUpdate(status: pick(TenantStatus.allCases), on: on)
                update.correction = chance(25)
                let copy = update
                return attempt("tenant update \(ref) \(copy.status.rawValue) on \(on.iso)") { try ledger.updateTenant(ref, copy, context: context) }
            case 42..<44:
                let ref = try code(.park)
                let note = name("园区说明")
                return attempt("park note \(ref) on \(on.iso)") { _ = try ledger.notePark(ref, note: note, on: on, context: context) }
            case 44..<66:
                let kind = pick(SubjectKind.allCases)
                let ref = try code(kind)
                var keys = kind.fields.map(\.key)
                if kind == .milestone { keys += ["project", "parcel", "park", "tenant"] }
                var texts: [(key: String, text: String)] = []
                for key in Set((0..<Int.random(in: 1...3, using: &random)).map { _ in pick(keys) }).sorted() {
                    texts.append((key, ["project", "parcel", "park", "tenant"].contains(key) && kind == .milestone
                                  ? try code(SubjectKind(rawValue: key)!) : try text(kind, key)))
                }
                let note = chance(20) ? name("修改说明") : nil
                let copy = texts
                return attempt("\(kind.rawValue) edit \(ref) \(copy.map { "\($0.key)=\($0.text)" }.joined(separator: " ")) on \(on.iso)") {
                    _ = try ledger.edit(kind, ref, copy, note: note, on: on, context: context)
                }
            case 66..<72:
                let ref = try code(.milestone)
                return attempt("milestone done \(ref) on \(on.iso)") { try ledger.completeMilestone(ref, on: on, note: nil, context: context) }
            case 72..<76:
                let ref = try code(.milestone)
                let dueDay = day()
                return attempt("milestone reschedule \(ref) to \(dueDay.iso) on \(on.iso)") {
                    try ledger.rescheduleMilestone(ref, to: LedgerDate(day: dueDay, text: dueDay.iso, precision: .day), on: on, reason: "改期", context: context)
                }
            case 76..<79:
                let ref = try code(.milestone)
                return attempt("milestone cancel \(ref) on \(on.iso)") { try ledger.cancelMilestone(ref, on: on, reason: "取消", context: context) }
            case 79..<84:
                let ref = try code(.milestone)
                return attempt("milestone reopen \(ref) on \(on.iso)") { try ledger.reopenMilestone(ref, on: on, reason: "重开", context: context) }
            case 84..<88:
                // A parcel linked to a project by editing the project.
                let project = try code(.project), parcel = try code(.parcel)
                return attempt("project edit \(project) parcel=\(parcel) on \(on.iso)") {
                    var edit = ProjectEdit(on: on)
                    edit.parcel = parcel
                    try ledger.editProject(project, edit, context: context)
                }
            default:
                return attempt("undo") { _ = try ledger.undo(context: context) }
            }
        }
    }

    @Test(arguments: 0..<50)
    func spansEqualTheRebuildAfterEveryStep(sequence: Int) throws {
        var run = try Run(seed: 20_201_130 &+ UInt64(sequence) &* 7919)
        var steps: [String] = []
        var written = 0
        for _ in 0..<40 {
            let done = try run.step()
            steps.append(done)
            if !done.contains(" → refused: ") { written += 1 }
            let mismatches = try run.ledger.read { try SpanHistory.mismatches(in: $0) }
            let problems = try run.ledger.check([.spans], today: day("2026-11-29"))
            if !mismatches.isEmpty || !problems.isEmpty {
                let trail = steps.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")
                Issue.record("sequence \(sequence), step \(steps.count): \(problems.map(\.description))\n\(trail)")
                return
            }
        }
        // The sequence wrote something: not every step was refused.
        #expect(written >= 10, "sequence \(sequence): only \(written) of 40 steps were written:\n\(steps.joined(separator: "\n"))")
    }
}
