import ArgumentParser
import ZoneLedgerCore

struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "逾期（到期日早于当天仍未完成）、预警（--within 天内到期）、滞后（进度低于计划直线）和逾期未解决的问题。",
        discussion: """
            到期当天不算逾期；到期日写成时段（月份、季度、年底…）的，按其最后一天到期。
            存在问题过了期限仍未解决的，单列“逾期问题”；--kind problem 只看这一部分。
            例：zoneledger overdue --as-of 2021-03-01 --within 30；zoneledger overdue --kind problem；zoneledger overdue --fail-if-any（有逾期时退出码1，供定时脚本）
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var asOf: AsOfOptions
    @Option(parsing: .unconditional, help: "同时列出多少天内到期的节点（预警）") var within: Int?
    @Option(help: ArgumentHelp("只看关于此类对象的节点：project|parcel|park|tenant（项目/地块/园区/企业）；problem（问题）只看逾期问题", valueName: "kind")) var kind: String?
    @Option(help: "只看这个园区（含其企业、项目及项目地块）") var park: String?
    @Flag(help: "有逾期时退出码为1") var failIfAny = false

    func validate() throws {
        if let within, within < 0 { throw ValidationError("--within 应为不小于0的天数") }
    }

    func run() throws {
        var query = OverdueQuery(asOf: try asOf.day())
        query.recorded = try asOf.recorded()
        query.within = within
        query.kind = try kind.map { text in
            guard let kind = SubjectKind(key: text), kind != .milestone else {
                throw LedgerError.usage("--kind 无效“\(text)”：可选 项目(project)、地块(parcel)、园区(park)、企业(tenant)、问题(problem)")
            }
            return kind
        }
        query.park = park
        // Streamed: the rows go out as the ledger yields them, so memory stays flat at any size.
        let anyOverdue = try global.openForReading().withOverdue(query) { report in
            var overdue = 0
            var sections: [(String, String, RowStream)] = []
            if query.kind != .problem {
                sections.append(("overdue", "逾期节点（截至\(report.asOf.iso)）", report.overdue.map { overdue += 1; return $0 }))
            }
            if let within = report.within, let soon = report.dueSoon { sections.append(("due_soon", "预警：\(within)天内到期", soon)) }
            if let behind = report.behind { sections.append(("behind", "滞后项目", behind)) }
            if let problems = report.problems {
                sections.append(("overdue_problems", "逾期问题（期限已过仍未解决）", problems.map { overdue += 1; return $0 }))
            }
            try OutputSink.toStandardOutput { try Output.emitStreams(sections, heading: [("as_of", .day(report.asOf))], format: output.format, to: $0) }
            return overdue > 0
        }
        if failIfAny && anyOverdue { throw ExitCode(1) }
    }
}
