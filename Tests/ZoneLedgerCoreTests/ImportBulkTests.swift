import Foundation
import GRDB
import Testing
@testable import ZoneLedgerCore

/// The bulk path against the row path: the same files into the same ledgers must give the same
/// ledger (every export file, every span, ids and codes included) or the same problems, word for
/// word. Files are generated (seeded) with new rows, rows already in the ledger and bad rows of
/// every kind the row path refuses.
@Suite struct ImportBulkTests {
    // MARK: - Running both paths

    enum Outcome: Equatable {
        case imported([ImportResult])
        case failed(ImportFailures)
        case refused(String)
    }

    /// Everything a ledger holds that an import writes: the export (batches, subjects, entries,
    /// the files people edit) and every span table in full.
    struct State: Equatable {
        var files: [String: ZoneLedgerCore.Table] = [:]
        var spans: [String: [SessionRow]] = [:]
    }

    static func state(_ ledger: Ledger) throws -> State {
        var state = State()
        for file in try ledger.export().files { state.files[file.name] = file.table }
        try ledger.read { db in
            for kind in SubjectKind.allCases {
                let layout = SpanLayout.of(kind)
                // Every column but the row's own id: the two paths may number the rows in another order.
                let columns = ([layout.key, "valid_from", "valid_to", "recorded_from", "recorded_to"] + layout.columns).joined(separator: ", ")
                state.spans[layout.table] = try SessionRow.fetchAll(db, sql: """
                    SELECT \(columns) FROM \(layout.table) ORDER BY \(layout.key), valid_from, recorded_from, coalesce(recorded_to, 0)
                    """)
            }
        }
        return state
    }

    final class PathLog: @unchecked Sendable {
        var bulk: [ImportKind] = []
        var rows: [ImportKind] = []
    }

    /// Files are history, most of it promised before the test's today: back-filled unless a test says not.
    static func run(_ ledger: Ledger, _ files: [ImportFile], bulk: Bool, dryRun: Bool = false, limit: Int = 1_000,
                    backfill: Bool = true, log: PathLog? = nil) -> Outcome {
        var context = context()
        context.backfill = backfill
        var options = ImportOptions()
        options.bulkRows = bulk ? 1 : Int.max
        options.problemLimit = limit
        options.observe = { kind, tookBulk in
            if tookBulk { log?.bulk.append(kind) } else { log?.rows.append(kind) }
        }
        do { return .imported(try ledger.importCSV(files, dryRun: dryRun, context: context, options: options)) }
        catch let failures as ImportFailures { return .failed(failures) }
        catch { return .refused("\(error)") }
    }

    /// Imports `files` through each path into its own copy of `base()`; both must end alike.
    /// Returns the outcome and which files the bulk run took in bulk.
    @discardableResult
    static func compare(_ base: () throws -> Ledger, _ files: [ImportFile], dryRun: Bool = false, limit: Int = 1_000,
                        backfill: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> (Outcome, PathLog) {
        let byRow = try base(), byBulk = try base()
        let log = PathLog()
        let row = run(byRow, files, bulk: false, dryRun: dryRun, limit: limit, backfill: backfill)
        let bulk = run(byBulk, files, bulk: true, dryRun: dryRun, limit: limit, backfill: backfill, log: log)
        #expect(row == bulk, sourceLocation: sourceLocation)
        if row != bulk { Self.explain(row, bulk) }
        let rowState = try state(byRow), bulkState = try state(byBulk)
        for name in Set(rowState.files.keys).union(bulkState.files.keys).sorted() {
            #expect(rowState.files[name] == bulkState.files[name], "export file \(name) differs", sourceLocation: sourceLocation)
        }
        for name in rowState.spans.keys.sorted() {
            #expect(rowState.spans[name] == bulkState.spans[name], "\(name) differs", sourceLocation: sourceLocation)
        }
        for ledger in [byRow, byBulk] {
            let mismatches = try ledger.read { try SpanHistory.mismatches(in: $0) }
            #expect(mismatches.isEmpty, "\(mismatches)", sourceLocation: sourceLocation)
        }
        return (bulk, log)
    }

    static func explain(_ row: Outcome, _ bulk: Outcome) {
        switch (row, bulk) {
        case (.failed(let a), .failed(let b)):
            let left = a.failures.flatMap { f in f.problems.map { "\(f.file) \($0)" } }
            let right = b.failures.flatMap { f in f.problems.map { "\(f.file) \($0)" } }
            for line in left where !right.contains(line) { print("only row path: \(line)") }
            for line in right where !left.contains(line) { print("only bulk path: \(line)") }
            if a.omitted != b.omitted { print("omitted \(a.omitted) vs \(b.omitted)") }
        default:
            print("row path: \(row)\nbulk path: \(bulk)")
        }
    }

    static func file(_ kind: ImportKind, _ text: String) -> ImportFile {
        ImportFile(kind: kind, name: "\(kind.rawValue).csv", data: Data(("\u{FEFF}" + text).utf8))
    }

    // MARK: - A base ledger and generated files

    /// The seeded ledger and, by the row path, parks, parcels, projects, tenants and milestones of
    /// our own (G-prefixed codes), with history worth checking rows against.
    static func base() throws -> Ledger {
        let ledger = try seededCopy()
        var parks = "编号,名称,类别,面积(亩),生效日期\n", parcels = "编号,名称,面积(亩),状态,生效日期\n"
        var projects = "编号,名称,类别,阶段,进度%,园区,生效日期\n", tenants = "编号,企业名称,园区,状态,生效日期\n"
        var milestones = "编号,节点,项目,到期,立下日期\n"
        for i in 1...4 { parks += "GY\(i),基础园区\(i),小微园,\(50 + i),2020-12-01\n" }
        for i in 1...8 { parcels += "GL\(i),基础地块\(i),\(10 + i).5,规划,2020-12-01\n" }
        for i in 1...12 { projects += "GP\(i),基础项目\(i),工业,前期,0,GY\(i % 4 + 1),2020-12-01\n" }
        for i in 1...6 { tenants += "GE\(i),基础企业\(i),GY\(i % 4 + 1),签约,2020-12-01\n" }
        for i in 1...10 { milestones += "GM\(i),基础节点\(i),GP\(i),2021年\(i)月,2020-12-01\n" }
        let outcome = run(ledger, [file(.parks, parks), file(.parcels, parcels), file(.projects, projects), file(.tenants, tenants),
                                   file(.milestones, milestones)], bulk: false)
        guard case .imported = outcome else { preconditionFailure("base import failed: \(outcome)") }
        return ledger
    }

    struct Picker {
        var random: SeededGenerator
        init(_ seed: UInt64) { random = SeededGenerator(seed: seed) }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        mutating func chance(_ percent: Int) -> Bool { Int(random.next() % 100) < percent }
    }

    static let longNote = String(repeating: "长", count: 2_001)

    static func projects(seed: UInt64, rows: Int, bad: Bool) -> String {
        var p = Picker(seed)
        var text = "编号,名称,类别,阶段,进度%,总投资(亿元),园区,地块,省重大产业项目,统计入库,责任部门,计划开工,计划竣工,生效日期,说明\n"
        for i in 0..<rows {
            let code = p.chance(50) ? "NP\(seed)x\(i)" : ""
            let name = "生成项目\(seed)-\(i)"
            var cells = [code, name, p.pick(["工业", "基础设施", "平台", "industrial"]), p.pick(["", "前期", "在建", "谋划"]),
                         p.pick(["", "0", "35"]), p.pick(["", "3.5", "0.25"]), p.pick(["", "GY1", "基础园区2", "博通"]),
                         p.pick(["", "GL\(i % 8 + 1)"]), p.pick(["", "是", "否"]), p.pick(["", "否"]), p.pick(["", "经发局"]),
                         p.pick(["", "2021/2/28", "2021年3月"]), p.pick(["", "2022年底"]), p.pick(["", "2020-12-15", "2021年3月"]),
                         p.pick(["", "新项目", "=1+1"])]
            switch Int(p.random.next() % (bad ? 20 : 10)) {
            // Already there, by name and by code: what the add recorded, other cells left empty.
            case 7: cells = [""] + [p.pick(["基础项目3", "台邦精密减速器项目"])] + Array(repeating: "", count: 13)
            case 8: cells = [p.pick(["GP5", "gp6", "GP7"])] + Array(repeating: "", count: 14)
                cells[1] = "基础项目" + cells[0].dropFirst(2)
                if p.chance(50) { cells[2] = "工业"; cells[3] = "前期"; cells[13] = "2020-12-01" }
            // There, but changed: a conflict.
            case 9 where bad: cells[0] = p.pick(["GP5", "GP6"]); cells[1] = p.pick(["改名项目\(i)", "基础项目5"])
                cells[3] = "在建"
            case 10: cells[2] = "火星"
            case 11: cells[4] = p.pick(["abc", "150"])
            case 12: cells[1] = ""
            case 13: cells[13] = "2027-03-01"
            case 14: cells[0] = "NC\(seed)x\(i)"; cells[1] = "基础项目\(i % 12 + 1)"       // a name the ledger has
            case 15: cells[11] = "2022-06-01"; cells[12] = "2021-01-01"
            case 16: cells[14] = longNote
            case 17: cells[6] = p.pick(["不存在的园区", "园区"])
            case 18: cells[11] = "2021-02-30"
            case 19: cells.append("多余")
            default: break
            }
            text += cells.map(csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    static func milestones(seed: UInt64, rows: Int, bad: Bool) -> String {
        var p = Picker(seed)
        var text = "编号,节点,项目,地块,园区,企业,到期,责任部门,立下日期,说明\n"
        for i in 0..<rows {
            var cells = [p.chance(50) ? "NM\(seed)x\(i)" : "", "生成节点\(seed)-\(i)", "", "", "", "", p.pick(["2021年底", "2021年3月", "明年", "春节前", "2021-06-30"]),
                         p.pick(["", "经发局"]), p.pick(["", "2020-12-20", "2021/1/5"]), p.pick(["", "说明"])]
            switch Int(p.random.next() % 4) {
            case 0: cells[2] = p.pick(["GP\(i % 12 + 1)", "P\(i % 36 + 1)", "基础项目\(i % 12 + 1)"])
            case 1: cells[3] = p.pick(["GL\(i % 8 + 1)", "L1"])
            case 2: cells[4] = p.pick(["GY\(i % 4 + 1)", "Y1"])
            default: cells[5] = "GE\(i % 6 + 1)"
            }
            switch Int(p.random.next() % (bad ? 16 : 8)) {
            case 6: let k = i % 10 + 1                                                     // already there, by code
                cells = ["GM\(k)", "基础节点\(k)", "GP\(k)", "", "", "", "2021年\(k)月", "", p.pick(["", "2020-12-01"]), ""]
            case 7 where bad && p.chance(50): cells = ["GM2", "基础节点2", "GP2", "", "", "", "2021年2月", "规划局", "", ""]  // there, changed
            case 7: cells = ["", "基础节点3", "GP3", "", "", "", "2021年3月", "", "", ""]    // already there, by content
            case 8: cells[2] = "GP1"; cells[3] = "GL1"
            case 9: cells[2] = ""; cells[3] = ""; cells[4] = ""; cells[5] = ""
            case 10: cells[1] = ""
            case 11: cells[6] = p.pick(["", "2021-02-30", "下辈子"])
            case 12: cells[8] = "2020-06-01"
            case 13: cells[8] = "2027-01-01"
            case 14: cells[9] = longNote
            case 15: cells[2] = "GP99"; cells[3] = ""; cells[4] = ""; cells[5] = ""
            default: break
            }
            text += cells.map(csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    static func others(_ kind: ImportKind, seed: UInt64, rows: Int, bad: Bool) -> String {
        var p = Picker(seed)
        var text: String
        switch kind {
        case .parks: text = "编号,名称,类别,面积(亩),面积为约数,容积率,建筑面积(平方米),总投资(万元),建筑幢数,主导产业,生效日期,说明\n"
        case .parcels: text = "编号,名称,面积(亩),用地性质,状态,项目,生效日期,说明\n"
        default: text = "编号,企业名称,园区,状态,生效日期,说明\n"
        }
        for i in 0..<rows {
            let code = p.chance(50) ? "N\(kind.rawValue.prefix(2).uppercased())\(seed)x\(i)" : ""
            var cells: [String]
            switch kind {
            case .parks:
                cells = [code, "生成园区\(seed)-\(i)", p.pick(["小微园", "特色小镇", "产业平台"]), p.pick(["", "56", "217.5"]), p.pick(["", "是", "否"]),
                         p.pick(["", "1.72"]), p.pick(["", "64618", "37.5万平方米"]), p.pick(["", "2.5亿元", "5000"]), p.pick(["", "20", "3幢"]),
                         p.pick(["", "智能电气"]), p.pick(["", "2020-12-15"]), p.pick(["", "说明"])]
            case .parcels:
                cells = [code, "生成地块\(seed)-\(i)", p.pick(["1.5", "144.73", "20"]), p.pick(["", "工业"]), p.pick(["", "规划", "挂牌"]),
                         p.pick(["", "", "", "GP\(i % 12 + 1)"]), p.pick(["", "2020-12-15", "2020-11-01"]), p.pick(["", "说明"])]
            default:
                cells = [code, "生成企业\(seed)-\(i)", p.pick(["GY1", "GY2", "Y1"]), p.pick(["", "签约", "在建"]), p.pick(["", "2020-12-15"]),
                         p.pick(["", "说明"])]
            }
            switch Int(p.random.next() % (bad ? 14 : 8)) {
            // Already there, by name and by code: what the add recorded, other cells left empty.
            case 6: cells = Array(repeating: "", count: cells.count)
                cells[1] = kind == .parks ? "基础园区2" : kind == .parcels ? "基础地块3" : "基础企业1"
                cells[2] = kind == .parks ? "" : kind == .parcels ? "13.5" : "GY2"
            case 7: cells = Array(repeating: "", count: cells.count)
                cells[0] = kind == .parks ? "GY3" : kind == .parcels ? "GL4" : "GE5"
                cells[1] = kind == .parks ? "基础园区3" : kind == .parcels ? "基础地块4" : "基础企业5"
                cells[2] = kind == .parks ? "小微园" : kind == .parcels ? "14.5" : "GY2"
                if bad, p.chance(30) { cells[cells.count - 1] = "改过的说明" }   // there, changed: a conflict
            case 8: cells[1] = ""
            case 9: cells[cells.count - 2] = "2027-05-05"
            case 10: cells[2] = kind == .tenants ? "不存在" : kind == .parcels ? "-3" : "火星"
            case 11: cells[cells.count - 1] = longNote
            case 12: cells[0] = "NC\(seed)x\(i)"; cells[1] = kind == .parks ? "基础园区1" : kind == .parcels ? "基础地块1" : "基础企业2"
                if kind == .tenants { cells[2] = "GY3" }
            case 13: if kind == .parcels { cells[5] = "不存在的项目" } else { cells[3] = "巨大" }
            default: break
            }
            text += cells.map(csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    /// History rows for the base ledger's own subjects: in order, back-dated, repeated, and (when
    /// `bad`) refused for every reason the row path has.
    static func updates(seed: UInt64, rows: Int, bad: Bool) -> String {
        var p = Picker(seed)
        var text = "对象,生效日期,动作,阶段,进度%,状态,到期,说明,更正\n"
        let stages = ["谋划", "前期", "开工", "在建", "结顶", "竣工", "投产"]
        var stage = [Int](repeating: 1, count: 13), progress = [Int](repeating: 0, count: 13)
        var day = [Day](repeating: Day(iso: "2020-12-05")!, count: 13)
        var last = ""
        var done = Set<Int>(), moved = Set<Int>()
        var status = [Int](repeating: 0, count: 9), tenant = [Int](repeating: 0, count: 7)
        let parcelStatuses = ["规划", "挂牌", "出让", "在建", "竣工"], tenantStatuses = ["签约", "在建", "结顶", "入驻", "投产"]
        for i in 0..<rows {
            var row: [String]
            let project = i % 12 + 1
            switch Int(p.random.next() % 10) {
            case 0, 1, 2, 3:
                day[project] = day[project].adding(days: Int(p.random.next() % 9) + 1)
                if p.chance(30) { stage[project] = min(6, stage[project] + 1) }
                progress[project] = min(100, progress[project] + Int(p.random.next() % 5))
                row = [p.pick(["GP\(project)", "gp\(project)", "基础项目\(project)"]), day[project].iso, p.pick(["", "更新", "update"]),
                       p.pick([stages[stage[project]], ""]), "\(progress[project])", "", "", p.pick(["", "推进"]), ""]
            case 4:
                // Back-dated: a note on a day before the latest.
                row = ["GP\(project)", day[project].adding(days: -2).iso, "", "", "", "", "", "补记\(i)", ""]
            case 5:
                let milestone = i % 10 + 1
                if done.contains(milestone) { fallthrough }
                done.insert(milestone)
                row = ["GM\(milestone)", "2021-0\(milestone % 9 + 1)-2\(milestone % 8)", p.pick(["完成", "done"]), "", "", "", "", "", ""]
            case 6:
                let milestone = i % 10 + 1
                if done.contains(milestone) || moved.contains(milestone) { fallthrough }
                moved.insert(milestone)
                row = ["GM\(milestone)", "2021-0\(milestone % 9 + 1)-0\(milestone % 9 + 1)", "改期", "", "", "", p.pick(["2022年底", "2023年3月"]), "资金调整", ""]
            case 7:
                if p.chance(50) {
                    let parcel = i % 8 + 1
                    status[parcel] = min(4, status[parcel] + 1)
                    row = ["GL\(parcel)", "2021-01-\(10 + status[parcel])", "", "", "", parcelStatuses[status[parcel]], "", "", ""]
                } else {
                    let firm = i % 6 + 1
                    tenant[firm] = min(4, tenant[firm] + 1)
                    row = ["GE\(firm)", "2021-01-\(10 + tenant[firm])", "", "", "", tenantStatuses[tenant[firm]], "", "", ""]
                }
            case 8:
                row = ["GY\(i % 4 + 1)", "2021-02-\(10 + i % 18)", "", "", "", "", "", "园区动态\(i % 5)", ""]
            default:
                row = last.isEmpty ? ["GP1", "2020-12-02", "", "", "", "", "", "首条", ""] : last.components(separatedBy: ",")
            }
            if bad {
                switch Int(p.random.next() % 24) {
                case 0: row[3] = "谋划"; row[4] = ""                                     // backwards, unless a correction
                    if p.chance(30) { row[8] = "是" }
                case 1: row[1] = "2020-06-01"
                case 2: row[1] = "2027-01-01"
                case 3: row[0] = p.pick(["不存在", "基础"])
                case 4: row = ["GL2", "2021-03-03", "", "", "", "", "", "", ""]
                case 5: row = ["GY2", "2021-03-03", "", "", "", "", "", "", ""]
                case 6: row = ["GM3", "2021-03-03", "取消", "", "", "", "", "", ""]
                case 7: row = ["GM4", "2021-03-03", "重开", "", "", "", "", "理由", ""]
                case 8: row = ["GM5", "2021-03-03", "改期", "", "", "", "2021年5月", "同一天", ""]
                case 9: row[2] = "删除"
                case 10: row[4] = "-5"
                case 11: row[7] = longNote
                case 12: row = ["GE1", "2021-03-03", "", "", "", "竣工", "", "", ""]
                case 13: row = ["GM6", "2021-03-03", "改期", "", "", "", "", "无新日期", ""]
                case 14: row[0] = ""
                case 15: row = ["GP2", "2021-03-03", "完成", "", "", "", "", "", ""]
                case 16: row[8] = "也许"
                default: break
                }
            }
            last = row.joined(separator: ",")
            text += row.map(csvField).joined(separator: ",") + "\n"
        }
        return text
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    // MARK: - The tests

    @Test(arguments: [1, 2, 3] as [UInt64])
    func newRowsAndRowsAlreadyThereGiveTheSameLedger(seed: UInt64) throws {
        let files = [
            Self.file(.parks, Self.others(.parks, seed: seed, rows: 40, bad: false)),
            Self.file(.parcels, Self.others(.parcels, seed: seed, rows: 60, bad: false)),
            Self.file(.projects, Self.projects(seed: seed, rows: 120, bad: false)),
            Self.file(.tenants, Self.others(.tenants, seed: seed, rows: 40, bad: false)),
            Self.file(.milestones, Self.milestones(seed: seed, rows: 150, bad: false)),
            Self.file(.updates, Self.updates(seed: seed, rows: 400, bad: false)),
        ]
        let (outcome, log) = try Self.compare(Self.base, files)
        guard case .imported(let results) = outcome else { Issue.record("\(outcome)"); return }
        #expect(results.allSatisfy { $0.added > 0 }, "\(results)")
        #expect(log.bulk == ImportKind.loadOrder.filter { files.map(\.kind).contains($0) }, "\(log.bulk) \(log.rows)")
        // Twice: everything is already there.
        let again = try Self.compare({
            let ledger = try Self.base()
            _ = Self.run(ledger, files, bulk: false)
            return ledger
        }, files)
        guard case .imported(let second) = again.0 else { Issue.record("\(again.0)"); return }
        #expect(second.map(\.added).reduce(0, +) == 0)
    }

    @Test(arguments: [ImportKind.parks, .parcels, .projects, .tenants, .milestones, .updates], [11, 12] as [UInt64])
    func badRowsGiveTheSameProblems(kind: ImportKind, seed: UInt64) throws {
        let text: String
        switch kind {
        case .projects: text = Self.projects(seed: seed, rows: 200, bad: true)
        case .milestones: text = Self.milestones(seed: seed, rows: 200, bad: true)
        case .updates: text = Self.updates(seed: seed, rows: 300, bad: true)
        default: text = Self.others(kind, seed: seed, rows: 150, bad: true)
        }
        let (outcome, log) = try Self.compare(Self.base, [Self.file(kind, text)])
        guard case .failed(let failures) = outcome else { Issue.record("no problems found: \(outcome)"); return }
        #expect(failures.failures.flatMap(\.problems).count > 5)
        #expect(log.bulk == [kind], "the bulk path gave the file to the row path")
        // Rows naming a subject already there but differing from it are among the refusals.
        if kind != .updates {
            #expect(failures.failures.flatMap(\.problems).contains { $0.reason.contains("已在账本中，这一行却与它登记时不同") })
        }
    }

    /// Without --backfill, a due date written in full before the day it was promised is refused,
    /// by both paths alike, in milestones and in reschedule rows; a yearless one never is.
    @Test func pastDueDatesAreRefusedAlikeWithoutBackfill() throws {
        let milestones = Self.file(.milestones, """
            节点,项目,到期,立下日期
            过去节点,GP1,2021年3月,2021-08-01
            明年节点,GP2,3月上旬,2021-08-01
            当天节点,GP3,2021-08-01,2021-08-01
            旧日节点,GP4,2021/7/31,2021-08-01

            """)
        let updates = Self.file(.updates, "对象,生效日期,动作,到期,说明\nGM5,2021-08-01,改期,2021年6月,延后\nGM6,2021-08-01,改期,6月,延后\n")
        for files in [[milestones], [updates]] {
            let (outcome, _) = try Self.compare(Self.base, files, backfill: false)
            guard case .failed(let failures) = outcome else { Issue.record("\(outcome)"); continue }
            let problems = failures.failures.flatMap(\.problems).map(\.description)
            #expect(problems.count == (files[0].kind == .milestones ? 2 : 1), "\(problems)")
            #expect(problems.allSatisfy { $0.contains("早于") && $0.contains("--backfill") }, "\(problems)")
            let (allowed, _) = try Self.compare(Self.base, files, backfill: true)
            guard case .imported = allowed else { Issue.record("\(allowed)"); continue }
        }
    }

    @Test func aFailingFileBeforeOthersLeavesTheLedgerAsTheRowPathWould() throws {
        // The projects file refuses rows; the milestones after it name the projects it added and one it refused.
        let files = [
            Self.file(.projects, Self.projects(seed: 21, rows: 80, bad: true)),
            Self.file(.milestones, "节点,项目,到期\n甲节点,生成项目21-0,2021年底\n乙节点,生成项目21-1,2021年底\n丙节点,生成项目21-2,2021年底\n"),
            Self.file(.updates, Self.updates(seed: 21, rows: 100, bad: true)),
            Self.file(.tenants, Self.others(.tenants, seed: 21, rows: 30, bad: false)),
        ]
        try Self.compare(Self.base, files)
    }

    @Test func dryRunsAgree() throws {
        let files = [Self.file(.projects, Self.projects(seed: 31, rows: 50, bad: false)),
                     Self.file(.updates, Self.updates(seed: 31, rows: 80, bad: false))]
        let (outcome, _) = try Self.compare(Self.base, files, dryRun: true)
        guard case .imported(let results) = outcome else { Issue.record("\(outcome)"); return }
        #expect(results.allSatisfy { $0.dryRun })
    }

    /// Two rows of one file that meet (one name twice, a code the file hands out and names again):
    /// the bulk path gives the file to the row path, and nothing differs.
    @Test func rowsThatMeetTakeTheRowPath() throws {
        let named = Self.file(.projects, "编号,名称,类别\n,同名项目,工业\n,同名项目,火星\nNX1,同名项目,工业\n,另一个,工业\n")
        let (first, log) = try Self.compare(Self.base, [named])
        #expect(log.rows == [.projects] && log.bulk.isEmpty)
        guard case .failed = first else { Issue.record("\(first)"); return }
        let coded = Self.file(.projects, "编号,名称,类别\n,甲项目,工业\nP37,乙项目,工业\n")
        let (second, codedLog) = try Self.compare(Self.base, [coded])
        #expect(codedLog.rows == [.projects], "P37 is the code the first row is handed")
        // P37 is then there with another name: the second row is a conflict, not a skip.
        guard case .failed(let conflict) = second else { Issue.record("\(second)"); return }
        #expect(conflict.failures.flatMap(\.problems).map(\.description) == [
            "第3行 名称：项目 P37 已在账本中，这一行却与它登记时不同——名称：文件为“乙项目”，账本为“甲项目”。与账本所记完全相同的行才会跳过；要记下变化，请用 import updates 或 project update/edit",
        ])
        // Two milestones alike but for their codes are two milestones, and need no row path.
        let coded2 = Self.file(.milestones, "编号,节点,项目,到期\nMA,同一节点,GP1,2021年底\nMB,同一节点,GP1,2021年底\n")
        let (fourth, codedMilestones) = try Self.compare(Self.base, [coded2])
        #expect(codedMilestones.bulk == [.milestones])
        guard case .imported(let both) = fourth else { Issue.record("\(fourth)"); return }
        #expect(both.first?.added == 2)
        let twice = Self.file(.milestones, "节点,项目,到期\n同一节点,GP1,2021年底\n同一节点,GP1,2021年底\n")
        let (third, milestoneLog) = try Self.compare(Self.base, [twice])
        #expect(milestoneLog.rows == [.milestones])
        guard case .imported(let counted) = third else { Issue.record("\(third)"); return }
        #expect(counted.first?.added == 1 && counted.first?.skipped == 1)
    }

    @Test func editsAndRowsWithTheirOwnAuthorTakeTheRowPath() throws {
        let edits = Self.file(.updates, "对象,生效日期,动作,修改内容\nGP1,2021-01-05,修改,\"{\"\"name\"\": \"\"新名字\"\"}\"\nGP2,2021-01-05,更新,\n")
        let (_, log) = try Self.compare(Self.base, [edits])
        #expect(log.rows == [.updates])
        let authored = Self.file(.updates, "对象,生效日期,说明,记录人,记录时间\nGP1,2021-01-05,甲,张三,2021-01-05T10:00:00+08:00\n")
        let (outcome, authoredLog) = try Self.compare(Self.base, [authored])
        #expect(authoredLog.rows == [.updates])
        guard case .imported = outcome else { Issue.record("\(outcome)"); return }
    }

    /// A row whose words say more than its entry keeps (a stage on a parcel's row) is written as the
    /// row path writes it, and a repeat of it is no repeat; one refused after its twin was written is
    /// refused all the same.
    @Test func rowsWhoseWordsSayMoreThanTheirEntryAgree() throws {
        let odd = Self.file(.updates, "对象,生效日期,阶段,状态,说明\nGL1,2021-01-05,在建,挂牌,\nGL1,2021-01-05,在建,挂牌,\nGP1,2021-01-06,在建,挂牌,甲\n")
        let (outcome, _) = try Self.compare(Self.base, [odd])
        guard case .imported(let results) = outcome else { Issue.record("\(outcome)"); return }
        #expect(results.first?.added == 3)
        let refused = Self.file(.updates, "对象,生效日期,阶段,说明\nGP2,2021-01-05,在建,\nGP2,2021-01-04,竣工,\nGP2,2021-01-04,竣工,\nGP3,2021-01-05,在建,\n")
        let (second, log) = try Self.compare(Self.base, [refused])
        #expect(log.bulk == [.updates])
        guard case .failed(let failures) = second else { Issue.record("\(second)"); return }
        #expect(failures.failures.flatMap(\.problems).map(\.line) == [3, 4])
    }

    @Test func aLargeFileTakesTheBulkPathByDefault() throws {
        var text = "名称,类别,生效日期\n"
        for i in 0..<2_500 { text += "大批项目\(i),工业,2020-12-\(10 + i % 20)\n" }
        let ledger = try seededCopy()
        let log = PathLog()
        var options = ImportOptions()
        options.observe = { kind, bulk in if bulk { log.bulk.append(kind) } else { log.rows.append(kind) } }
        let small = Self.file(.parks, "名称,类别\n小园区,小微园\n")
        let results = try ledger.importCSV([small, Self.file(.projects, text)], context: context(), options: options)
        #expect(log.bulk == [.projects] && log.rows == [.parks])
        #expect(results.map(\.added) == [1, 2_500])
        #expect(try ledger.read { try SpanHistory.mismatches(in: $0) }.isEmpty)
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM project_span WHERE recorded_to IS NULL") } == 36 + 2_500)
    }

    @Test func problemsPastTheLimitAreCounted() throws {
        var text = "名称,类别\n"
        for i in 0..<40 { text += "项目\(i),\(i % 3 == 0 ? "工业" : "火星")\n" }
        let (outcome, _) = try Self.compare(Self.base, [Self.file(.projects, text), Self.file(.parks, "名称,类别\n,小微园\n")], limit: 10)
        guard case .failed(let failures) = outcome else { Issue.record("\(outcome)"); return }
        #expect(failures.failures.flatMap(\.problems).count == 10)
        #expect(failures.omitted == 17)
        #expect(failures.failures.first?.problems.first?.line == 3)
    }

    @Test func progressIsToldAndEndsAtTheTotal() throws {
        var text = "名称,类别\n"
        for i in 0..<3_000 { text += "进度项目\(i),工业\n" }
        let ledger = try seededCopy()
        final class Heard: @unchecked Sendable { var calls: [(Int, Int)] = [] }
        let heard = Heard()
        _ = try ledger.importCSV([Self.file(.projects, text), Self.file(.parks, "名称,类别\n进度园区,小微园\n")], context: context(),
                                 progress: { heard.calls.append(($0, $1)) })
        #expect(heard.calls.count > 2)
        #expect(heard.calls.last.map { $0 == (3_001, 3_001) } == true)
        #expect(zip(heard.calls, heard.calls.dropFirst()).allSatisfy { $0.0 <= $1.0 })
    }
}
