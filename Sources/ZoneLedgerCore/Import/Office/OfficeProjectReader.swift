/// One project row of an office sheet read into its add row and its dated entries: the
/// figures reconciled so that the ledger's one rule (InvestmentSeries) gives back what the sheet says.
struct OfficeProjectReader {
    let table: OfficeTable
    let row: Int
    let dated: [Int: DatedColumn]
    let options: OfficeImportOptions
    let reportDay: Day
    var problems: [ImportProblem] = []

    init(table: OfficeTable, row: Int, dated: [Int: DatedColumn], options: OfficeImportOptions, reportDay: Day) {
        self.table = table
        self.row = row
        self.dated = dated
        self.options = options
        self.reportDay = reportDay
    }

    private var line: Int { row + 1 }

    private func text(_ field: HeaderMeaning.Field) -> (String, OfficeColumn)? {
        guard let column = table.column(field), let text = OfficeRows.text(table.cell(row, column)) else { return nil }
        return (text, column)
    }

    private mutating func problem(_ place: String, _ reason: String) {
        problems.append(ImportProblem(line: line, column: place, reason: reason))
    }

    /// A money cell in yuan: the header's unit (else the title's, else 万元) unless it writes its own.
    private mutating func money(_ column: OfficeColumn) -> Int64? {
        guard let figure = OfficeRows.figure(table.cell(row, column)) else { return nil }
        let written = figure.hasSuffix("元") || figure.hasSuffix("万") || figure.hasSuffix("亿")
        let unit = column.meaning.unit ?? table.title.unit ?? "万元"
        do {
            return try Money.parse(written ? figure : figure + unit, what: column.header, allowingZero: true).yuan
        } catch {
            problem(column.place, error.message)
            return nil
        }
    }

    mutating func read(name: String, heldKind: (ProjectKind, Int)?, heldStage: (ProjectStage, Int)?) -> OfficeProject? {
        var project = OfficeProject(row: line)
        project.values["name"] = name
        project.places["name"] = table.column(.name)?.place
        if let (kind, column) = text(.kind) {
            project.values["kind"] = kind
            project.places["kind"] = column.place
        } else if let (kind, heading) = heldKind {
            project.values["kind"] = kind.label
            project.places["kind"] = "类别（第\(heading)行的分类）"
        } else if let kind = options.kind {
            project.values["kind"] = kind.label
            project.places["kind"] = "类别（--kind）"
        } else {
            problem(table.column(.kind)?.place ?? "类别", "没有类别：表中没有类别列或类别为空，上方也没有“一、工业项目”这样的分类行；可用 --kind 指定")
        }
        if let (stage, column) = text(.stage) {
            project.values["stage"] = stage
            project.places["stage"] = column.place
        } else if let (stage, heading) = heldStage {
            project.values["stage"] = stage.label
            project.places["stage"] = "阶段（第\(heading)行的分类）"
        }
        for (field, key) in [(HeaderMeaning.Field.owner, "owner"), (.department, "department"), (.leader, "leader"), (.scope, "scope"),
                             (.note, "note"), (.plannedStart, "planned_start"), (.plannedCompletion, "planned_completion")] {
            guard let (value, column) = text(field) else { continue }
            project.values[key] = value
            project.places[key] = column.place
        }
        if let (value, column) = text(.period) {
            if let (start, completion) = OfficeRows.period(value) {
                for (key, day) in [("planned_start", start), ("planned_completion", completion)] where project.values[key] == nil {
                    guard let day else { continue }
                    project.values[key] = day
                    project.places[key] = column.place
                }
            } else {
                problem(column.place, "建设起止时间“\(value)”读不懂：应写作 2010-、2009-2011、2011.01-2012.12 或 2010年3月-2012年6月")
            }
        }
        if let column = table.column(.investment), let yuan = money(column) {
            project.values["investment_yuan"] = "\(yuan)元"
            project.places["investment_yuan"] = column.place
        }
        project.entries = entries(&project)
        let days = project.entries.map(\.day)
        // Added on its earliest dated figure (or the report day), so that every entry follows it.
        let on = (days + [reportDay]).min()!
        project.values["on"] = on.iso
        project.places["on"] = "生效日期（表中最早的日期）"
        return problems.isEmpty ? project : nil
    }

    /// The row's figures as dated entries. A month's 当月 and the same month's 1-N月累计 cannot
    /// both stand in one month (InvestmentSeries keeps one report a month), so a 1-N月累计 with
    /// 当月 beside it is recorded as 1-(N-1)月累计 at the previous month's end plus the month's 本月:
    /// the ledger then gives back both figures exactly.
    private mutating func entries(_ project: inout OfficeProject) -> [OfficeEntry] {
        var months: [Month: (Int64, String)] = [:], images: [Month: (String, String)] = [:]
        var totals: [Month: (Int64, String)] = [:]
        var plans: [Int: (Int64, String)] = [:], planImages: [Int: (String, String)] = [:]
        var entries: [OfficeEntry] = []
        for (_, column) in dated.sorted(by: { $0.key < $1.key }) {
            let meaning = column.column.meaning
            let month = column.month.flatMap { Month(year: column.year, month: $0) }
            switch meaning.field {
            case .monthImage, .planImage:
                guard let value = OfficeRows.text(table.cell(row, column.column)) else { continue }
                if meaning.field == .planImage { planImages[column.year] = (value, column.column.place) }
                else if let month { images[month] = (value, column.column.place) }
            default:
                guard let yuan = money(column.column) else { continue }
                switch meaning.field {
                case .plan: plans[column.year] = (yuan, column.column.place)
                case .openingBalance:
                    // Nothing before the year: the same figures as no opening balance at all.
                    guard yuan > 0 else { continue }
                    var entry = OfficeEntry(day: Day.lastDay(year: column.year, month: 12), total: yuan)
                    entry.places = ["invested_total_yuan": column.column.place, "on": column.column.place]
                    entries.append(entry)
                case .yearToDate: if let month { totals[month] = (yuan, column.column.place) }
                case .monthInvested:
                    guard let month else { continue }
                    if months[month] != nil { problem(column.column.place, "与另一列重复：\(month.chinese)的当月完成投资出现两次"); continue }
                    months[month] = (yuan, column.column.place)
                default: continue
                }
            }
        }
        // 1-N月累计 beside N月当月: 1-(N-1)月累计 is their difference.
        for month in totals.keys.sorted(by: >) {
            var current = month
            while let (total, place) = totals[current], let (monthly, _) = months[current] {
                let earlier = total - monthly
                guard earlier >= 0 else {
                    problem(place, "\(current.chinese)累计（\(Money(yuan: total).wan)万元）小于同月当月完成投资（\(Money(yuan: monthly).wan)万元）")
                    break
                }
                if current.month == 1 {
                    if earlier != 0 { problem(place, "1-1月累计（\(Money(yuan: total).wan)万元）与1月当月完成投资（\(Money(yuan: monthly).wan)万元）不一致") }
                    break
                }
                let previous = current.adding(months: -1)
                if let (given, _) = totals[previous] {
                    if given != earlier {
                        problem(place, "1-\(current.month)月累计（\(Money(yuan: total).wan)万元）不等于1-\(previous.month)月累计（\(Money(yuan: given).wan)万元）加\(current.month)月当月（\(Money(yuan: monthly).wan)万元）")
                    }
                    break
                }
                totals[previous] = (earlier, place)
                current = previous
            }
        }
        for month in Set(months.keys).union(totals.keys).union(images.keys).sorted() {
            var entry = OfficeEntry(day: month.last)
            if let (yuan, place) = months[month] {
                entry.invested = yuan
                entry.places = ["invested_yuan": place, "on": place]
            } else if let (yuan, place) = totals[month] {
                entry.yearToDate = yuan
                entry.places = ["invested_ytd_yuan": place, "on": place]
            }
            if let (note, place) = images[month] {
                entry.note = note
                entry.places["note"] = place
                if entry.places["on"] == nil { entry.places["on"] = place }
            }
            entries.append(entry)
        }
        let figureDays = entries.map(\.day)
        for year in Set(plans.keys).union(planImages.keys).sorted() {
            guard let (yuan, place) = plans[year] else {
                // An image without an amount is no plan the ledger can hold: it goes to the add's note.
                if let (image, _) = planImages[year] {
                    let note = "\(year)年形象进度计划：\(image)"
                    project.values["note"] = project.values["note"].map { $0 + "；" + note } ?? note
                }
                continue
            }
            // In force from the first month the sheet reports for the year, so each month's sheet shows it.
            let day = figureDays.filter { $0.year == year }.min() ?? min(reportDay, Day.lastDay(year: year, month: 12))
            var entry = OfficeEntry(day: day, planYear: year, plan: yuan)
            entry.places = ["plan_year": place, "plan_investment_yuan": place, "on": place]
            if let (image, imagePlace) = planImages[year] {
                entry.planImage = image
                entry.places["plan_image"] = imagePlace
            }
            entries.append(entry)
        }
        return entries.sorted { $0.day < $1.day }
    }
}
