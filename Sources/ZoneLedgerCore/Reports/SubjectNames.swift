import GRDB

/// How the history names the subject of an entry: its code and the name it has now (a subject
/// whose add was undone, by the name it was added with).
enum SubjectNames {
    /// Joins on entry alias `e`, giving `subject_code` and `subject_name` for `select`.
    static let joins: String = SubjectKind.allCases.map { kind in
        let layout = SpanLayout.of(kind), short = alias(kind)
        return """
            LEFT JOIN \(kind.table) \(short) ON \(short).id = e.\(kind.foreignKey) \
            LEFT JOIN \(layout.table) \(short)s ON \(short)s.\(layout.key) = e.\(kind.foreignKey) AND \(short)s.recorded_to IS NULL AND \(short)s.valid_to IS NULL
            """
    }.joined(separator: " ")

    /// The same, naming each subject as it was on the view's day as known at its moment: what a
    /// sheet lists must not change with what is written after that day or that moment.
    static func joins(_ view: Viewpoint) -> String {
        SubjectKind.allCases.map { kind in
            let short = alias(kind)
            return "LEFT JOIN \(kind.table) \(short) ON \(short).id = e.\(kind.foreignKey) "
                + view.span(kind, short + "s", of: "e.\(kind.foreignKey)", join: "LEFT JOIN")
        }.joined(separator: " ")
    }

    static let select: String = {
        let codes = SubjectKind.allCases.map { "\(alias($0)).code" }.joined(separator: ", ")
        let names = SubjectKind.allCases.map { "\(alias($0))s.\($0.nameField.spanColumn)" }.joined(separator: ", ")
        let added = SubjectKind.allCases.map { kind in
            "WHEN e.\(kind.foreignKey) IS NOT NULL THEN (SELECT \(kind.nameField.entryColumn) FROM entry a WHERE a.\(kind.foreignKey) = e.\(kind.foreignKey) AND a.action = 'add' ORDER BY a.id DESC LIMIT 1)"
        }.joined(separator: " ")
        return "coalesce(\(codes)) AS subject_code, coalesce(\(names), CASE \(added) END) AS subject_name"
    }()

    private static func alias(_ kind: SubjectKind) -> String { "n" + kind.codePrefix.lowercased() }

    /// "P5 台邦精密减速器项目" for one subject.
    static func listing(_ subject: SubjectID, in db: Session) throws -> String {
        let kind = subject.kind, layout = SpanLayout.of(kind)
        let row = try SessionRow.fetchOne(try db.cachedStatement(sql: """
            SELECT r.code, coalesce(s.\(kind.nameField.spanColumn),
                     (SELECT \(kind.nameField.entryColumn) FROM entry a WHERE a.\(kind.foreignKey) = r.id AND a.action = 'add' ORDER BY a.id DESC LIMIT 1))
            FROM \(kind.table) r LEFT JOIN \(layout.table) s ON s.\(layout.key) = r.id AND s.recorded_to IS NULL AND s.valid_to IS NULL
            WHERE r.id = ?
            """), arguments: [subject.id])
        return "\(row?[0] as String? ?? "") \(row?[1] as String? ?? "")"
    }
}
