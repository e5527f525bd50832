import GRDB

/// Something a REF named: its kind, row id, code and name.
public struct Subject: Hashable, Sendable {
    public let kind: SubjectKind
    public let id: Int64
    public let code: String
    public let name: String
    public var subjectID: SubjectID { SubjectID(kind: kind, id: id) }
    /// "P1 台邦精密减速器项目", how candidates are listed.
    public var listing: String { "\(code) \(name)" }

    public init(kind: SubjectKind, id: Int64, code: String, name: String) {
        self.kind = kind
        self.id = id
        self.code = code
        self.name = name
    }
}

enum References {
    enum Lookup {
        case found(Subject)
        case several([Subject])
        case none
    }

    /// Subjects that exist now, with the name they have now: the state as it stands.
    static func current(_ kind: SubjectKind) -> String {
        let layout = SpanLayout.of(kind)
        return """
            SELECT r.id, r.code, s.\(kind.nameField.spanColumn) AS name FROM \(kind.table) r
            JOIN \(layout.table) s ON s.\(layout.key) = r.id AND s.recorded_to IS NULL AND s.valid_to IS NULL
            """
    }

    /// A REF is a code, an id, an exact name, or a fragment of one name: `台邦` finds 台邦精密减速器项目.
    static func lookup(_ text: String, kind: SubjectKind, in db: Session) throws -> Lookup {
        // Only what exists: a subject whose adding was undone is not found.
        let select = current(kind)
        let name = "s.\(kind.nameField.spanColumn)"
        if let row = try SessionRow.fetchOne(try db.cachedStatement(sql: "\(select) WHERE r.code = ? COLLATE NOCASE"), arguments: [text]) {
            return .found(subject(row, kind))
        }
        if let id = Int64(text), let row = try SessionRow.fetchOne(try db.cachedStatement(sql: "\(select) WHERE r.id = ?"), arguments: [id]) {
            return .found(subject(row, kind))
        }
        let exact = try SessionRow.fetchAll(try db.cachedStatement(sql: "\(select) WHERE \(name) = ? ORDER BY r.id LIMIT 11"), arguments: [text])
        if exact.count == 1 { return .found(subject(exact[0], kind)) }
        if exact.count > 1 { return .several(exact.map { subject($0, kind) }) }
        let matches = try SessionRow.fetchAll(
            db, sql: "\(select) WHERE \(PortableSQL.contains(name)) ORDER BY r.id LIMIT 11",
            arguments: [PortableSQL.containing(text)]
        ).map { subject($0, kind) }
        switch matches.count {
        case 0: return .none
        case 1: return .found(matches[0])
        default: return .several(matches)
        }
    }

    static func resolve(_ ref: String, kind: SubjectKind, in db: Session) throws -> Subject {
        let text = ref.trimmingWhitespace()
        guard !text.isEmpty else { throw LedgerError.data("\(kind.label)引用为空：请写编号、id 或名称的一部分") }
        switch try lookup(text, kind: kind, in: db) {
        case .found(let subject):
            return subject
        case .several(let matches):
            throw LedgerError.data("“\(text)”对应多个\(kind.label)：\(listing(matches))。请写得更具体，或用编号")
        case .none where codeLooksLike(text, kind):
            throw LedgerError.data("找不到\(kind.label)“\(text)”：没有这个编号，可用 \(kind.rawValue) list 查看")
        case .none:
            let all = try SessionRow.fetchAll(try db.cachedStatement(sql: current(kind) + " ORDER BY r.id")).map { subject($0, kind) }
            let nearest = nearestNames(to: text, among: all)
            let hint = nearest.isEmpty ? "账本里没有相近的\(kind.label)" : "最接近的：" + listing(nearest)
            throw LedgerError.data("找不到\(kind.label)“\(text)”。\(hint)")
        }
    }

    /// For commands that take any kind (log): a code decides the kind, else names of every kind.
    static func resolveAny(_ ref: String, in db: Session) throws -> Subject {
        let text = ref.trimmingWhitespace()
        guard !text.isEmpty else { throw LedgerError.data("引用为空：请写编号或名称的一部分") }
        if let kind = SubjectKind.allCases.first(where: { codeLooksLike(text, $0) }),
           case .found(let subject) = try lookup(text, kind: kind, in: db) {
            return subject
        }
        // An exact name of one kind beats fragments of others.
        let exact = try SubjectKind.allCases.flatMap { kind in
            try SessionRow.fetchAll(try db.cachedStatement(sql: "\(current(kind)) WHERE s.\(kind.nameField.spanColumn) = ? ORDER BY r.id LIMIT 2"),
                             arguments: [text]).map { subject($0, kind) }
        }
        if exact.count == 1 { return exact[0] }
        var matches: [Subject] = []
        for kind in SubjectKind.allCases {
            switch try lookup(text, kind: kind, in: db) {
            case .found(let subject): matches.append(subject)
            case .several(let several): matches += several
            case .none: break
            }
        }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw LedgerError.data("找不到“\(text)”：不是任何项目、地块、园区、企业或节点的编号或名称")
        }
        let shown = listing(matches.map { Subject(kind: $0.kind, id: $0.id, code: $0.code, name: "\($0.kind.label) \($0.name)") })
        throw LedgerError.data("“\(text)”对应多个对象：\(shown)。请写得更具体，或用编号")
    }

    private static func listing(_ subjects: [Subject]) -> String {
        subjects.prefix(10).map(\.listing).joined(separator: "、") + (subjects.count > 10 ? "…" : "")
    }

    static func codeLooksLike(_ text: String, _ kind: SubjectKind) -> Bool {
        text.uppercased().hasPrefix(kind.codePrefix) && text.dropFirst().allSatisfy(\.isASCIIDigit) && text.count > 1
    }

    /// Whether the text is the subject's code as `code = ? COLLATE NOCASE` compares (ASCII letters
    /// only), so that looking the text up finds this subject first.
    static func isCode(_ text: String, of subject: Subject) -> Bool {
        let folded = { (byte: UInt8) in (65...90).contains(byte) ? byte + 32 : byte }
        return text.utf8.count == subject.code.utf8.count && zip(text.utf8, subject.code.utf8).allSatisfy { folded($0) == folded($1) }
    }

    private static func subject(_ row: SessionRow, _ kind: SubjectKind) -> Subject {
        Subject(kind: kind, id: row["id"], code: row["code"], name: row["name"])
    }

    /// Up to three names closest by edit distance over characters (a Han character counts once).
    static func nearestNames(to text: String, among subjects: [Subject]) -> [Subject] {
        let wanted = Array(text.lowercased())
        let scored = subjects.map { subject -> (Subject, Int) in
            let name = Array(subject.name.lowercased())
            // A name sharing no character with the REF is no suggestion at all.
            let shared = Set(name).intersection(wanted).count
            return (subject, shared == 0 ? Int.max : editDistance(wanted, name) - shared)
        }
        return scored.filter { $0.1 != Int.max }.sorted { $0.1 < $1.1 }.prefix(3).map(\.0)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Ledger {
    /// Resolves a REF of one kind; errors name the candidates or the nearest names.
    public func resolve(_ ref: String, kind: SubjectKind) throws -> Subject {
        try read { try References.resolve(ref, kind: kind, in: $0) }
    }

    public func resolveAny(_ ref: String) throws -> Subject {
        try read { try References.resolveAny(ref, in: $0) }
    }
}
