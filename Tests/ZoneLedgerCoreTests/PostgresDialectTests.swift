import GRDB
import Testing
@testable import ZoneLedgerCore

/// The core's SQL as PostgreSQL takes it: parameters numbered, SQLite's planner hints and NOCASE
/// comparisons rewritten, and nothing touched inside literals, quoted names, comments or casts.
@Suite struct PostgresDialectTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let sql: String
        let expected: String
        let parameters: [TranslatedSQL.Parameter]
        var testDescription: String { name }

        init(_ name: String, _ sql: String, _ expected: String, _ parameters: [TranslatedSQL.Parameter] = []) {
            self.name = name
            self.sql = sql
            self.expected = expected
            self.parameters = parameters
        }
    }

    static let cases: [Case] = [
        // Parameters.
        Case("positional in order", "SELECT * FROM entry WHERE project_id = ? AND effective_on >= ?",
             "SELECT * FROM entry WHERE project_id = $1 AND effective_on >= $2", [.positional(1), .positional(2)]),
        Case("numbered positional reused", "SELECT * FROM entry WHERE batch_id IN (SELECT id FROM batch WHERE id = ?1 OR part_of = ?1)",
             "SELECT * FROM entry WHERE batch_id IN (SELECT id FROM batch WHERE id = $1 OR part_of = $1)", [.positional(1)]),
        Case("bare ? after ?N, as SQLite numbers it", "SELECT id, ? FROM figure WHERE batch_id IN (SELECT id FROM batch WHERE id = ?2 OR part_of = ?2)",
             "SELECT id, $1 FROM figure WHERE batch_id IN (SELECT id FROM batch WHERE id = $2 OR part_of = $2)",
             [.positional(1), .positional(2)]),
        Case("bare ? takes the largest number plus one", "SELECT ?3, ?, ?1", "SELECT $1, $2, $3",
             [.positional(3), .positional(4), .positional(1)]),
        Case("named, repeated, reuse their number", "WHERE (:park IS NULL OR s.park_id = :park) AND s.valid_from <= :day AND :park > 0",
             "WHERE ($1 IS NULL OR s.park_id = $1) AND s.valid_from <= $2 AND $1 > 0", [.named("park"), .named("day")]),
        Case("named with digits and underscores", "WHERE f.period_to >= :year_start AND x = :p2",
             "WHERE f.period_to >= $1 AND x = $2", [.named("year_start"), .named("p2")]),
        Case("@name as SQLite reads it", "SELECT @limit", "SELECT $1", [.named("limit")]),
        Case("next to punctuation", "VALUES(?,?,:a)", "VALUES($1,$2,$3)", [.positional(1), .positional(2), .named("a")]),
        Case("PostgreSQL casts are not parameters", "SELECT :day::text, x::bigint, ?::int",
             "SELECT $1::text, x::bigint, $2::int", [.named("day"), .positional(1)]),
        Case("PostgreSQL parameters left alone", "SELECT $1, $2::text", "SELECT $1, $2::text"),
        Case("no parameters", "SELECT count(*) FROM live_figure", "SELECT count(*) FROM live_figure"),

        // Literals, quoted names, comments: nothing inside them changes.
        Case("string with a doubled quote", "SELECT 'it''s :x ? ?1 @y' || :z", "SELECT 'it''s :x ? ?1 @y' || $1", [.named("z")]),
        Case("string that ends the text", "SELECT 'a?'", "SELECT 'a?'"),
        Case("unterminated string kept as it is", "SELECT 'abc :x", "SELECT 'abc :x"),
        Case("times and Chinese in strings", "WHERE recorded_at <= '2020-12-05T10:30:00+08:00' AND name = '台邦：?' AND code = :code",
             "WHERE recorded_at <= '2020-12-05T10:30:00+08:00' AND name = '台邦：?' AND code = $1", [.named("code")]),
        Case("quoted identifiers", #"SELECT "a:b", "x?", "q""uote:d" FROM t WHERE "key" = ?"#,
             #"SELECT "a:b", "x?", "q""uote:d" FROM t WHERE "key" = $1"#, [.positional(1)]),
        Case("line comments", "SELECT 1 -- what about :x? and ?\nWHERE a = ? -- last ?",
             "SELECT 1 -- what about :x? and ?\nWHERE a = $1 -- last ?", [.positional(1)]),
        Case("block comments", "SELECT /* ? :y INDEXED BY x */ ? /* COLLATE NOCASE */", "SELECT /* ? :y INDEXED BY x */ $1 /* COLLATE NOCASE */",
             [.positional(1)]),
        Case("escape strings", #"SELECT E'it\'s :x ?' , ?"#, #"SELECT E'it\'s :x ?' , $1"#, [.positional(1)]),
        Case("dollar quotes", "SELECT $$ :x ? $$, $fn$ it's ? $fn$, ?", "SELECT $$ :x ? $$, $fn$ it's ? $fn$, $1", [.positional(1)]),
        Case("words that start with E", "SELECT CASE WHEN e.note <> '' THEN e.id ELSE'x' END FROM entry e WHERE e.id = ?",
             "SELECT CASE WHEN e.note <> '' THEN e.id ELSE'x' END FROM entry e WHERE e.id = $1", [.positional(1)]),
        Case("GLOB patterns stay literal", "WHERE code GLOB 'P[0-9]*' AND substr(code, 2) NOT GLOB '*[^0-9]*'",
             "WHERE code GLOB 'P[0-9]*' AND substr(code, 2) NOT GLOB '*[^0-9]*'"),

        // SQLite's planner hints.
        Case("INDEXED BY", "SELECT e.project_id FROM entry e INDEXED BY entry_investment\n    WHERE e.project_id = :project",
             "SELECT e.project_id FROM entry e\n    WHERE e.project_id = $1", [.named("project")]),
        Case("NOT INDEXED", "SELECT (SELECT max(id) FROM project NOT INDEXED WHERE id > ?), 1",
             "SELECT (SELECT max(id) FROM project WHERE id > $1), 1", [.positional(1)]),
        Case("lower-case hints", "FROM entry indexed by entry_edit where x", "FROM entry where x"),
        Case("INDEXED as a quoted name or in a string", #"SELECT "INDEXED", 'NOT INDEXED' FROM t"#, #"SELECT "INDEXED", 'NOT INDEXED' FROM t"#),
        Case("CROSS JOIN … ON becomes JOIN", "FROM bulk_touched t CROSS JOIN entry e ON e.project_id = t.id WHERE x",
             "FROM bulk_touched t JOIN entry e ON e.project_id = t.id WHERE x"),
        Case("CROSS JOIN schema.table AS alias USING", "FROM a CROSS JOIN temp.b AS x USING (id)", "FROM a JOIN temp.b AS x USING (id)"),
        Case("CROSS JOIN without ON is a cross join", "FROM a CROSS JOIN b WHERE a.id = b.id", "FROM a CROSS JOIN b WHERE a.id = b.id"),
        Case("CROSS JOIN without alias", "FROM a cross join b on a.id = b.id", "FROM a join b on a.id = b.id"),

        // NOCASE: ASCII-only case folding, as lower() under "C".
        Case("code = ? COLLATE NOCASE", "SELECT 1 FROM project WHERE code = ? COLLATE NOCASE AND id IS NOT ?",
             #"SELECT 1 FROM project WHERE lower(code COLLATE "C") = lower($1 COLLATE "C") AND id IS NOT $2"#,
             [.positional(1), .positional(2)]),
        Case("qualified columns on both sides", "EXISTS (SELECT 1 FROM project x WHERE x.code = r.code COLLATE NOCASE)",
             #"EXISTS (SELECT 1 FROM project x WHERE lower(x.code COLLATE "C") = lower(r.code COLLATE "C"))"#),
        Case("in a join condition", "JOIN project x ON x.code = i.code COLLATE NOCASE WHERE i.generated",
             #"JOIN project x ON lower(x.code COLLATE "C") = lower(i.code COLLATE "C") WHERE i.generated"#),
        Case("named parameter", "WHERE r.code = :code collate nocase", #"WHERE lower(r.code COLLATE "C") = lower($1 COLLATE "C")"#,
             [.named("code")]),
        Case("NOCASE in a string is text", "SELECT 'x = y COLLATE NOCASE'", "SELECT 'x = y COLLATE NOCASE'"),
        Case("NOCASE other than after = is left for PostgreSQL to refuse", "ORDER BY name COLLATE NOCASE", "ORDER BY name COLLATE NOCASE"),
        Case("every rewrite at once",
             "SELECT t.id FROM bulk_touched t NOT INDEXED CROSS JOIN project p ON p.id = t.id WHERE p.code = ?1 COLLATE NOCASE OR p.id = ?1",
             #"SELECT t.id FROM bulk_touched t JOIN project p ON p.id = t.id WHERE lower(p.code COLLATE "C") = lower($1 COLLATE "C") OR p.id = $1"#,
             [.positional(1)]),
    ]

    @Test(arguments: cases)
    func translates(_ example: Case) {
        let translated = PostgresDialect.translate(example.sql)
        #expect(translated.sql == example.expected)
        #expect(translated.parameters == example.parameters)
    }

    @Test func statementsAreCutAtSemicolonsOutsideText() {
        let statements = PostgresDialect.statements("""
            DROP TABLE IF EXISTS bulk_rows;
            CREATE TEMP TABLE bulk_rows (line BIGINT PRIMARY KEY, note TEXT); -- a comment; with a semicolon
            INSERT INTO bulk_rows (line, note) VALUES (:line, ';'), (?2, "a;b");
            /* only a comment */ ;
            """)
        #expect(statements.map(\.sql) == [
            "DROP TABLE IF EXISTS bulk_rows",
            "CREATE TEMP TABLE bulk_rows (line BIGINT PRIMARY KEY, note TEXT)",
            "-- a comment; with a semicolon\nINSERT INTO bulk_rows (line, note) VALUES ($1, ';'), ($2, \"a;b\")",
        ])
        #expect(statements.map(\.parameters) == [[], [], [.named("line"), .positional(2)]])
    }

    @Test func eachStatementNumbersItsOwnParameters() {
        let statements = PostgresDialect.statements("UPDATE a SET x = ? WHERE id = ?; UPDATE b SET y = :y WHERE id = ?")
        #expect(statements.map(\.sql) == ["UPDATE a SET x = $1 WHERE id = $2", "UPDATE b SET y = $1 WHERE id = $2"])
        #expect(statements.map(\.parameters) == [[.positional(1), .positional(2)], [.named("y"), .positional(1)]])
    }

    /// GRDB hands a multi-statement text's positional arguments out in turn; named ones are shared.
    @Test func positionalArgumentsAreTakenInTurnAcrossStatements() throws {
        let statements = PostgresDialect.statements("UPDATE a SET x = ? WHERE id = ?; UPDATE b SET y = :y WHERE id = ?")
        let arguments = SQLArguments([10, 11, 12]) + ["y": "甲"]
        var consumed = 0
        var binds: [[DatabaseValue]] = []
        for statement in statements {
            binds.append(try statement.binds(arguments, consumed: consumed).get())
            consumed += statement.positionalCount
        }
        #expect(binds == [[10, 11], ["甲", 12]])
        #expect(consumed == 3)
        guard case .failure(let missing) = statements[1].binds(SQLArguments([10, 11]) + ["y": "甲"], consumed: 2) else {
            Issue.record("a missing argument is said")
            return
        }
        #expect(missing.what == "第3个")
    }

    @Test func oneStatementIsItself() {
        let sql = "SELECT count(*) FROM entry e WHERE e.effective_on BETWEEN :from AND :day"
        #expect(PostgresDialect.statements(sql) == [PostgresDialect.translate(sql)])
        #expect(PostgresDialect.statements("  \n;; -- nothing\n").isEmpty)
    }
}
