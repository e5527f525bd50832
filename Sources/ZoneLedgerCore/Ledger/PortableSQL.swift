/// The SQL forms SQLite and PostgreSQL would read differently, each written once here in a form
/// both read alike, so that the core's statements run unchanged on either store. One owner per
/// form: a statement that needs one of these takes it from here rather than spelling it out.
///
/// Written in place instead, being plain SQL both read alike:
/// - `a IS NOT DISTINCT FROM b` (and `IS DISTINCT FROM`) for SQLite's `a IS b` between values;
///   PostgreSQL's IS takes only NULL, TRUE and FALSE.
/// - `lower(x) LIKE 'pattern'` where the pattern has letters: SQLite's LIKE folds ASCII case,
///   PostgreSQL's does not; lower() of the ledger's text folds ASCII only on both.
/// - `CAST(… AS BIGINT)`, never INTEGER, which is 32-bit in PostgreSQL.
/// - An alias on every subquery in FROM, which PostgreSQL 15 requires.
/// - ORDER BY wherever the rows' order reaches the output: without it PostgreSQL's order differs.
/// - NULLS FIRST or NULLS LAST on a nullable ORDER BY key (SQLite puts NULLs first, PostgreSQL last).
enum PortableSQL {
    /// A condition that always holds. SQLite takes `1`; PostgreSQL wants a boolean in WHERE.
    static let always = "TRUE"

    /// The conditions joined with AND; `always` when there are none.
    static func all(_ conditions: [String]) -> String {
        conditions.isEmpty ? always : conditions.joined(separator: " AND ")
    }

    /// A condition as the integer 1 or 0. SQLite's conditions are integers already; PostgreSQL's
    /// are booleans, which neither sum() nor an integer column takes, and which a row gives back
    /// as a boolean, not the 0 or 1 the code reads.
    static func flag(_ condition: String) -> String {
        "CASE WHEN \(condition) THEN 1 ELSE 0 END"
    }

    /// The type an optional parameter is read as.
    enum ParameterType: String {
        case integer = "BIGINT", text = "TEXT"
    }

    /// Whether the optional parameter `:name` was given as NULL (left out). PostgreSQL cannot tell a
    /// parameter's type from `:name IS NULL` alone and refuses the statement; the cast tells it.
    static func isNull(_ name: String, _ type: ParameterType) -> String {
        "CAST(:\(name) AS \(type.rawValue)) IS NULL"
    }

    /// `column` contains the argument, ASCII letters folded as SQLite folds them: bind
    /// `containing(text)`. (SQLite has `instr` and PostgreSQL does not; PostgreSQL's lower() of a
    /// parameter would fold other letters too, by the database's locale.)
    static func contains(_ column: String) -> String {
        "lower(\(column)) LIKE ? ESCAPE '\\'"
    }

    /// The pattern `contains` takes: the text with ASCII letters lowercased and LIKE's own
    /// characters escaped, between two `%`.
    static func containing(_ text: String) -> String {
        var pattern = "%"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "%", "_": pattern += "\\" + String(scalar)
            case "A"..."Z": pattern.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            default: pattern.unicodeScalars.append(scalar)
            }
        }
        return pattern + "%"
    }

    /// The value to bind to `LIMIT ?` for no limit. SQLite reads a negative limit as none;
    /// PostgreSQL refuses one.
    static let noLimit = Int64.max
}
