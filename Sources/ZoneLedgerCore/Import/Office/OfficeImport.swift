import Foundation
import GRDB

/// What an office sheet import did, or (dry run) would do, and how it read the sheet.
public struct OfficeImportReport: Sendable {
    public let sheet: String
    public let title: String
    public let reportDay: Day
    /// Each column, its header and what it became (`名称(name)`, `本月完成投资 2010年8月`), or nil when not imported.
    public let columns: [(column: OfficeColumn, meaning: String?)]
    public let skipped: [OfficeSkippedRow]
    /// Markers stripped and choices made, one line each.
    public let notes: [String]
    public let results: [ImportResult]
}

extension Ledger {
    /// Imports a key-project sheet (重点项目进度表) kept in Excel: the sheet is read into a projects
    /// file and an updates file in memory, and those go through `importCSV` in one transaction, with
    /// all its checks and its idempotence. Every problem names the sheet's row and column.
    public func importOffice(_ workbook: XLSXWorkbook, file: String, options: OfficeImportOptions, dryRun: Bool,
                             context: WriteContext) throws -> OfficeImportReport {
        let table = try Self.officeTable(workbook, options: options)
        let reading = OfficeReading(table, options: options, today: context.today)
        guard reading.problems.isEmpty else { throw ImportFailures(failures: [ImportFailure(file: file, problems: reading.problems.sorted { $0.line < $1.line })]) }
        // Projects already in the ledger on the report day, by name, with their stage then: next
        // month's sheet of the same projects records what changed, not a conflict with their add.
        let existing = try read { db in
            try Dictionary(SessionRow.fetchAll(db, sql: """
                SELECT s.name, s.stage FROM project p JOIN project_span s ON s.id = (SELECT x.id FROM project_span x
                  WHERE x.project_id = p.id AND x.recorded_to IS NULL AND x.valid_from <= ? ORDER BY x.valid_from DESC LIMIT 1)
                ORDER BY p.id
                """, arguments: [reading.reportDay]).map { ($0[0] as String, $0[1] as String) }, uniquingKeysWith: { first, _ in first })
        }
        let files = OfficeFiles(reading, existing: existing)
        let results: [ImportResult]
        do {
            results = try importCSV([ImportFile(kind: .projects, name: OfficeFiles.projectsName, data: files.projects),
                                     ImportFile(kind: .updates, name: OfficeFiles.updatesName, data: files.updates)],
                                    encoding: .utf8, dryRun: dryRun, context: context)
        } catch let failures as ImportFailures {
            // A project refused takes its entries with it: their "not found" would only repeat it.
            let refused = Set(failures.failures.filter { $0.file == OfficeFiles.projectsName }.flatMap { $0.problems.map { files.place($0, file: OfficeFiles.projectsName).line } })
            let problems = failures.failures.flatMap { failure in
                failure.problems.filter { failure.file == OfficeFiles.projectsName || $0.column != "subject" || !refused.contains(files.place($0, file: failure.file).line) }
                    .map { files.place($0, file: failure.file) }
            }
            throw ImportFailures(failures: [ImportFailure(file: file, problems: problems.sorted { $0.line < $1.line })], omitted: failures.omitted)
        }
        let columns = table.columns.map { ($0, OfficeFiles.describe($0, reading.dated[$0.index])) }
        return OfficeImportReport(sheet: table.sheet, title: table.title.text, reportDay: reading.reportDay, columns: columns,
                                  skipped: reading.skipped, notes: reading.notes + files.notes, results: results)
    }

    /// The sheet asked for, or the first with a header we recognise.
    static func officeTable(_ workbook: XLSXWorkbook, options: OfficeImportOptions) throws -> OfficeTable {
        let names = workbook.sheetNames.map { "“\($0)”" }.joined(separator: "、")
        if let wanted = options.sheet {
            guard let table = OfficeTable(try workbook.sheet(named: wanted)) else {
                throw LedgerError.data("工作表“\(wanted)”里找不到表头：要有“项目名称”列和其他认得的列（总投资、计划投资、完成投资…）")
            }
            return table
        }
        guard let table = workbook.sheets.lazy.compactMap(OfficeTable.init).first else {
            throw LedgerError.data("工作簿里没有认得的重点项目表：各工作表（\(names)）都找不到带“项目名称”的表头；可用 --sheet 指定")
        }
        return table
    }
}

/// The projects and updates files an office sheet becomes, and the way back from each of their
/// lines and columns to the sheet's row and column.
struct OfficeFiles {
    static let projectsName = "项目"
    static let updatesName = "投资与进度"
    static let projectColumns = ["name", "kind", "stage", "investment_yuan", "owner", "department", "leader", "scope",
                                 "planned_start", "planned_completion", "on", "note"]
    static let updateColumns = ["subject", "on", "note", "invested_yuan", "invested_ytd_yuan", "invested_total_yuan",
                                "plan_year", "plan_investment_yuan", "plan_image", "stage"]

    let projects: Data
    let updates: Data
    /// What became of rows about projects already in the ledger, for the report.
    private(set) var notes: [String] = []
    /// File → line → (sheet row, the file's column → the sheet's column).
    private var lines: [String: [Int: (row: Int, places: [String: String])]] = [:]

    /// `existing`: the projects in the ledger on the report day, name → stage key. Their rows add
    /// nothing and are compared with nothing (a project's add is what it was when first recorded);
    /// a stage other than theirs on that day becomes a stage entry on the report day.
    init(_ reading: OfficeReading, existing: [String: String] = [:]) {
        var projectRows: [[String]] = [], updateRows: [[String]] = []
        for project in reading.projects {
            let name = project.values["name"] ?? ""
            let known = existing[name.trimmingWhitespaceAndNewlines()]
            projectRows.append(Self.projectColumns.map { known == nil || $0 == "name" ? project.values[$0] ?? "" : "" })
            lines[Self.projectsName, default: [:]][projectRows.count + 1] = (project.row, project.places)
            if let known {
                var stage: String?
                if let text = project.values["stage"], let sheet = ProjectStage(key: text), sheet.rawValue != known {
                    stage = text
                    updateRows.append(Self.updateColumns.map { $0 == "subject" ? name : $0 == "on" ? reading.reportDay.iso : $0 == "stage" ? text : "" })
                    lines[Self.updatesName, default: [:]][updateRows.count + 1] = (project.row, ["subject": project.places["name"] ?? "", "stage": project.places["stage"] ?? ""])
                }
                notes.append("第\(project.row)行“\(name)”已在账本中：记其投资数字\(stage.map { "和阶段（\($0)，\(reading.reportDay.iso)）" } ?? "")；总投资、业主等登记内容不比较，要改请用 project edit")
            }
            for entry in project.entries {
                let cells: [String: String?] = [
                    "subject": name, "on": entry.day.iso, "note": entry.note,
                    "invested_yuan": entry.invested.map { "\($0)元" }, "invested_ytd_yuan": entry.yearToDate.map { "\($0)元" },
                    "invested_total_yuan": entry.total.map { "\($0)元" }, "plan_year": entry.planYear.map(String.init),
                    "plan_investment_yuan": entry.plan.map { "\($0)元" }, "plan_image": entry.planImage,
                ]
                updateRows.append(Self.updateColumns.map { (cells[$0] ?? nil) ?? "" })
                var places = entry.places
                places["subject"] = project.places["name"]
                lines[Self.updatesName, default: [:]][updateRows.count + 1] = (project.row, places)
            }
        }
        projects = Self.csv([Self.projectColumns] + projectRows)
        updates = Self.csv([Self.updateColumns] + updateRows)
    }

    private static func csv(_ rows: [[String]]) -> Data {
        Data(rows.map { row in row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n" }.joined().utf8)
    }

    /// A problem the importer found in a generated file, placed on the sheet instead.
    func place(_ problem: ImportProblem, file: String) -> ImportProblem {
        guard let (row, places) = lines[file]?[problem.line] else { return problem }
        let column = problem.column.isEmpty ? "" : places[ImportColumn.normalised(problem.column)] ?? problem.column
        return ImportProblem(line: row, column: column, reason: problem.reason)
    }

    /// What a column becomes, for the dry run; nil for a column not imported.
    static func describe(_ column: OfficeColumn, _ dated: DatedColumn?) -> String? {
        let meaning = column.meaning
        let unit = meaning.unit.map { "，单位\($0)" } ?? ""
        switch meaning.field {
        case .name: return "名称(name)"
        case .kind: return "类别(kind)"
        case .stage: return "阶段(stage)：新开工→开工，续建→在建"
        case .investment: return "总投资(investment)" + unit
        case .owner: return "项目业主单位(owner)"
        case .department: return "责任部门(department)"
        case .leader: return "挂钩领导(leader)"
        case .scope: return "建设内容及规模(scope)"
        case .period: return "计划开工、计划竣工(planned_start、planned_completion)"
        case .plannedStart: return "计划开工(planned_start)"
        case .plannedCompletion: return "计划竣工(planned_completion)"
        case .note: return "说明(note)"
        case .serial, .ignored: return nil
        case .plan, .planImage, .yearToDate, .openingBalance, .monthInvested, .monthImage:
            guard let dated else { return nil }
            let month = dated.month ?? 12
            let end = Day.lastDay(year: dated.year, month: month).iso
            switch meaning.field {
            case .plan: return "年度计划投资 \(dated.year)年" + unit
            case .planImage: return "形象进度计划 \(dated.year)年"
            case .yearToDate: return "1-N月累计完成投资 \(dated.year)年1-\(month)月，记在\(end)" + unit
            case .openingBalance: return "开工累计完成投资（期初）至\(dated.year)年底，记在\(end)" + unit
            case .monthInvested: return "本月完成投资 \(dated.year)年\(month)月，记在\(end)" + unit
            default: return "形象进度 \(dated.year)年\(month)月：记为该月记录的说明"
            }
        }
    }
}
