import GRDB

/// A zone's land for the year so far, as its sheet's 土地出让 shows it and a city adds it up.
/// "So far" is the latest reported figure for the year plus parcels recorded as sold or listed
/// after that figure's day (`SheetSummary.landSoFar`).
struct LandFigures: Sendable, Equatable {
    /// The year's target in 亩, as the report gave it.
    var target: ExactDecimal?
    var sold: Area?
    var soldCount: Int64?
    var listed: Area?
    var listedCount: Int64?

    init(target: ExactDecimal? = nil, sold: Area? = nil, soldCount: Int64? = nil, listed: Area? = nil, listedCount: Int64? = nil) {
        self.target = target
        self.sold = sold
        self.soldCount = soldCount
        self.listed = listed
        self.listedCount = listedCount
    }

    init(_ view: Viewpoint, in db: Session) throws {
        let year = view.day.year
        let target = try SheetSummary.latestFigure("land_sold_area", category: "target", year: year,
                                                   periodBy: Day(year: year, month: 12, day: 31) ?? view.day, view, in: db)
        let sold = try SheetSummary.landSoFar("land_sold_area", countKey: "land_sold_count", status: .sold, view, in: db)
        let listed = try SheetSummary.landSoFar("land_listed_area", countKey: "land_listed_count", status: .listed, view, in: db)
        self.init(target: target.flatMap { ExactDecimal($0.value) }, sold: sold.area, soldCount: sold.count,
                  listed: listed.area, listedCount: listed.count)
    }

    /// 出让+挂牌: the listed area counts only beside a sold one, as the sheet has always shown it.
    var soldAndListed: ExactDecimal? {
        sold.map { ExactDecimal(units: $0.hundredths + (listed?.hundredths ?? 0), scale: 2) }
    }

    /// target, sold (亩, 宗), listed (亩, 宗), sold %, sold + listed %: the land columns after the year.
    var cells: [Cell] {
        func percent(_ part: ExactDecimal?) -> Cell {
            guard let part, let target else { return .empty }
            return exactRatioText(part, target, timesHundred: true, places: 1).map(Cell.number) ?? .empty
        }
        return [target.map { .number($0.description) } ?? .empty,
                sold.map { .number($0.description) } ?? .empty, soldCount.map { .integer($0) } ?? .empty,
                listed.map { .number($0.description) } ?? .empty, listedCount.map { .integer($0) } ?? .empty,
                percent(sold?.decimal), percent(soldAndListed)]
    }

    /// Zones added up: a sum of what the zones reported. A target is summed only when every zone has
    /// one, so the city's percentage never divides one zone's land by another zone's target.
    static func sum(_ zones: [LandFigures]) -> LandFigures {
        func total<T>(_ values: [T?], _ add: (T, T) -> T?) -> T? {
            let present = values.compactMap { $0 }
            guard var sum = present.first else { return nil }
            for value in present.dropFirst() {
                guard let next = add(sum, value) else { return nil }
                sum = next
            }
            return sum
        }
        let targets = zones.map(\.target)
        return LandFigures(
            target: targets.contains(nil) ? nil : total(targets) { $0.adding($1) },
            sold: total(zones.map(\.sold)) { Area(hundredths: $0.hundredths + $1.hundredths) },
            soldCount: total(zones.map(\.soldCount)) { $0 + $1 },
            listed: total(zones.map(\.listed)) { Area(hundredths: $0.hundredths + $1.hundredths) },
            listedCount: total(zones.map(\.listedCount)) { $0 + $1 })
    }
}
