import GRDB

/// A target, a reported aggregate or an indicator, with its period and scope.
public struct FigureDraft: Sendable {
    public var code: String?
    public var category: FigureCategory
    public var metric: String
    public var key: String?
    public var park: String?
    public var from: Day
    public var to: Day
    /// The day it became known (its effective day): sheets as of earlier days leave it out.
    public var knownOn: Day
    public var value: ExactDecimal
    public var unit: String
    public var approximate = false
    public var yoyPercent: ExactDecimal?
    public var quote: String?

    public init(category: FigureCategory, metric: String, from: Day, to: Day, knownOn: Day, value: ExactDecimal, unit: String) {
        self.category = category
        self.metric = metric
        self.from = from
        self.to = to
        self.knownOn = knownOn
        self.value = value
        self.unit = unit
    }
}

extension Ledger {
    @discardableResult
    public func addFigure(_ draft: FigureDraft, context: WriteContext) throws -> Figure {
        try write { db in try insertFigure(draft, batch: try beginBatch(db, context), context: context, in: db) }
    }

    func insertFigure(_ draft: FigureDraft, batch: Int64, context: WriteContext, codes: CodeCounter? = nil, in db: Session) throws -> Figure {
        try checkEffective(draft.knownOn, context)
        guard draft.from <= draft.to else {
            throw LedgerError.data("统计期无效：起始\(draft.from.iso)晚于截止\(draft.to.iso)")
        }
        guard draft.value.units >= 0 else { throw LedgerError.data("数值无效“\(draft.value)”：不能为负") }
        if let key = draft.key, key.isEmpty || !key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
            throw LedgerError.data("键名无效“\(key)”：只用小写英文字母、数字和下划线")
        }
        let code = try Validate.code(draft.code) ?? Self.nextFigureCode(in: db, counter: codes)
        if try Bool.fetchOne(try db.cachedStatement(sql: "SELECT 1 FROM figure WHERE code = ? COLLATE NOCASE"), arguments: [code]) == true {
            throw LedgerError.data("编号“\(code)”已被另一条数据使用")
        }
        var figure = Figure(
            code: code, category: draft.category, metric: try Validate.name(draft.metric, what: "指标名称"), key: draft.key,
            parkId: try draft.park.map { try References.resolve($0, kind: .park, in: db).id },
            periodFrom: draft.from, periodTo: draft.to, knownOn: draft.knownOn, value: draft.value.plainText,
            unit: try Validate.unit(draft.unit), approximate: draft.approximate,
            yoyPercent: draft.yoyPercent?.plainText, batchId: batch, quote: draft.quote)
        try figure.insertPrepared(db)
        return figure
    }

    static func nextFigureCode(in db: Session, counter: CodeCounter? = nil) throws -> String {
        if let counter { return try counter.next(table: "figure", prefix: "F", in: db) }
        return try CodeCounter.code(after: CodeCounter.highest(table: "figure", prefix: "F", in: db), prefix: "F")
    }
}

extension ExactDecimal {
    /// The decimal as written, keeping its places ("34.36", "2.60"): reported figures keep their precision.
    public var plainText: String {
        guard scale > 0 else { return String(units) }
        let digits = String(units.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return (units < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
    }
}
