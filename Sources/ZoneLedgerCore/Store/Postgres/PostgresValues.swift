import Foundation
import GRDB
import PostgresNIO

/// GRDB's `DatabaseValue` to and from PostgreSQL's binary format: the same five kinds of value
/// the SQLite ledger has, so the store above handles one vocabulary whichever file it opened.
enum PostgresValues {
    static func bindings(_ values: [DatabaseValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value.storage {
            case .null: bindings.appendNull()
            case .int64(let integer): bindings.append(integer)
            case .double(let double): bindings.append(double)
            case .string(let string): bindings.append(string)
            case .blob(let data): bindings.append(ByteBuffer(bytes: data))
            }
        }
        return bindings
    }

    /// The types a row may hold. Refused up front, from the row description, so a query fails
    /// the same way whether it returns rows or not.
    static func checkReadable(_ columns: [PostgresColumn]) throws {
        for column in columns where !readable.contains(column.dataType) {
            throw LedgerError(.data, "PostgreSQL 查询结果的列 \(column.name) 是 \(column.dataType) 类型，账本只读整数、文本、布尔、"
                + "浮点数和二进制：请在 SQL 里转换（如 ::bigint 或 ::text）")
        }
    }

    private static let readable: Set<PostgresDataType> = [
        .int2, .int4, .int8, .text, .varchar, .name, .bpchar, .bool, .float4, .float8, .bytea,
    ]

    static func values(of row: PostgresRow) throws -> [DatabaseValue] {
        try row.map { cell in
            guard var bytes = cell.bytes else { return .null }
            switch cell.dataType {
            case .int2: return Int64(try cell.decode(Int16.self)).databaseValue
            case .int4: return Int64(try cell.decode(Int32.self)).databaseValue
            case .int8: return try cell.decode(Int64.self).databaseValue
            case .bool:
                let flag: Int64 = try cell.decode(Bool.self) ? 1 : 0
                return flag.databaseValue
            case .float4: return Double(try cell.decode(Float.self)).databaseValue
            case .float8: return try cell.decode(Double.self).databaseValue
            case .bytea: return Data(bytes.readBytes(length: bytes.readableBytes) ?? []).databaseValue
            default: return try cell.decode(String.self).databaseValue
            }
        }
    }
}
