import GRDB

/// 存在问题及协调事项 for the month: every problem open at the month's end (those raised in the
/// month and those past their deadline marked so) and every one resolved in the month; and, per
/// project, its open problems for the projects table's 存在问题 column.
struct SheetProblems {
    let month: Month
    let day: Day
    /// Open at the day, then resolved in the month; each in the order raised.
    let lines: [ProblemLine]
    /// Each project's open problems in words, for its row (looked up once per row, not searched).
    private let openByProject: [Int64: [String]]

    init(month: Month, _ view: Viewpoint, in db: Session) throws {
        self.month = month
        day = view.day
        let all = try ProblemRows.lines(view, filter: "(s.state = 'open' OR s.state = 'resolved' AND s.closed_on >= :first)",
                                        arguments: ["first": month.first], in: db)
        lines = all.filter { $0.state == .open } + all.filter { $0.state == .resolved }
        openByProject = Dictionary(grouping: lines.filter { $0.state == .open && $0.subjectKind == .project }, by: \.subjectID)
            .mapValues { $0.map(\.briefText) }
    }

    /// A project's open problems, for its row: "土地指标未落实（经发局，期限2021年1月底）".
    func open(project: Int64) -> [String] { openByProject[project] ?? [] }

    /// What happened to it this month, in words: 本月新提, 逾期N天, 本月解决.
    func situation(_ line: ProblemLine) -> String {
        var words: [String] = []
        if line.raisedOn >= month.first { words.append("本月新提") }
        if let days = line.daysOverdue(on: day) { words.append("逾期\(days)天") }
        if line.state == .resolved { words.append("本月解决") }
        return words.joined(separator: "，")
    }

    var counts: (open: Int, new: Int, resolved: Int, overdue: Int) {
        (lines.filter { $0.state == .open }.count, lines.filter { $0.raisedOn >= month.first }.count,
         lines.filter { $0.state == .resolved }.count, lines.filter { $0.daysOverdue(on: day) != nil }.count)
    }

    /// The counts at the top of the sheet, beside the milestones'.
    var summary: MonthlySheet.Section {
        let counts = counts
        let facts: [(String, String, String, Int)] = [
            ("open", "月末未解决问题", "Open at month end", counts.open),
            ("overdue", "其中逾期", "of which overdue", counts.overdue),
            ("new", "本月新提问题", "Raised this month", counts.new),
            ("resolved", "本月解决问题", "Resolved this month", counts.resolved),
        ]
        let table = Table(columns: facts.map { Column($0.0, $0.1, $0.2, numeric: true) }, rows: [facts.map { .integer(Int64($0.3)) }])
        return MonthlySheet.Section(key: "problem_summary", title: "问题协调", english: "Problems", table: table)
    }

    var section: MonthlySheet.Section {
        var columns = ProblemTables.columns
        columns.insert(Column("situation", "本月情况", "This month"), at: columns.count - 1)
        let rows = lines.map { line -> [Cell] in
            var cells = ProblemTables.cells(line, on: day)
            let situation = situation(line)
            cells.insert(situation.isEmpty ? .empty : .text(situation), at: cells.count - 1)
            return cells
        }
        return MonthlySheet.Section(key: "problems", title: "存在问题及协调事项", english: "Problems to coordinate",
                                    table: Table(columns: columns, rows: rows))
    }
}
