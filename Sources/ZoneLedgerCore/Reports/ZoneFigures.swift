import GRDB

/// What a city adds up from one zone's monthly sheet: the values that zone's own sheet shows,
/// computed by the same code (`SheetSummary`, `SheetInvestment`, `LandFigures`, `SheetProblems`),
/// as of the month's last day, in one read.
public struct ZoneFigures: Sendable {
    /// The zone's name as its ledger keeps it.
    public let zone: String
    public let asOf: Day
    let stages: [ProjectStage: Int64]
    let investment: InvestmentSums
    let planned: Int
    let land: LandFigures
    let problems: (open: Int, new: Int, resolved: Int, overdue: Int)
    let overdueMilestoneCount: Int
    /// The sheet's 逾期节点 rows, most overdue first, in `OverdueTables.overdueColumns`.
    let overdueMilestones: [[Cell]]
}

extension Ledger {
    /// The figures of this ledger's sheet for `month`, read as its sheet reads them.
    public func zoneFigures(month: Month, today: Day, recorded: RecordedAt? = nil) throws -> ZoneFigures {
        let asOf = min(month.last, today)
        return try read(at: AsOf(asOf, recorded: recorded)) { db, view in
            guard let zone = try Zone.fetchOne(db, key: 1) else { throw LedgerError.data("账本缺少开发区信息") }
            let investment = try SheetInvestment(month: month, view, in: db).zone(view, in: db)
            let problems = try SheetProblems(month: month, view, in: db)
            var overdue: [[Cell]] = []
            try OverdueLines(query: OverdueQuery(asOf: view.day), view: view, park: nil, db: db).overdue {
                overdue.append(OverdueTables.cells($0))
            }
            return ZoneFigures(zone: zone.name, asOf: asOf, stages: try SheetSummary.stageCounts(view, in: db),
                               investment: investment.sums, planned: investment.planned, land: try LandFigures(view, in: db),
                               problems: problems.counts, overdueMilestoneCount: try SheetSummary.overdueMilestones(view, in: db),
                               overdueMilestones: overdue)
        }
    }
}
