import GRDB

/// The subjects an import has found by their codes, so that a file naming P7 in a thousand rows
/// looks P7 up once. A code names the same row for the rest of the import: codes are unique
/// regardless of case and never change, and an import neither removes nor undoes a subject.
/// Whatever was found another way (a name, a fragment) is looked up again every time, since rows
/// the import adds can make a name ambiguous.
final class KnownSubjects {
    private struct Key: Hashable {
        let kind: SubjectKind?
        let ref: String
    }

    private var byCode: [Key: Subject] = [:]
    /// Forgotten past this many (a file of a million rows names a million subjects): looked up again.
    private let limit = 50_000

    /// `References.resolve`, or with no kind `References.resolveAny`.
    func resolve(_ ref: String, kind: SubjectKind?, in db: Session) throws -> Subject {
        let key = Key(kind: kind, ref: ref)
        if let known = byCode[key] { return known }
        let subject = try kind.map { try References.resolve(ref, kind: $0, in: db) } ?? References.resolveAny(ref, in: db)
        let text = ref.trimmingWhitespace()
        // resolveAny reads a text as a code only when it looks like one of the subject's kind.
        if References.isCode(text, of: subject), kind != nil || References.codeLooksLike(text, subject.kind) {
            if byCode.count >= limit { byCode.removeAll(keepingCapacity: true) }
            byCode[key] = subject
        }
        return subject
    }
}
