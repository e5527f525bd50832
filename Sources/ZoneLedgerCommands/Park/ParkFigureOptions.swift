import ArgumentParser
import ZoneLedgerCore

/// A park's descriptive figures, shared by `park add` and `park edit`.
struct ParkFigureOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("面积（亩）", valueName: "mu")) var area: String?
    @Flag(inversion: .prefixedNo, help: "面积是约数（报告写“约”）") var areaApproximate: Bool?
    @Option(help: "容积率：2.6") var plotRatio: String?
    @Option(help: ArgumentHelp("总建筑面积：375000、37.5万（平方米）", valueName: "m2")) var floorArea: String?
    @Option(help: ArgumentHelp("总投资：9亿元", valueName: "money")) var investment: String?
    @Option(help: ArgumentHelp("预计年产值", valueName: "money")) var expectedOutput: String?
    @Option(help: ArgumentHelp("预计年税收", valueName: "money")) var expectedTax: String?
    @Option(help: "建筑幢数") var buildings: String?
    @Option(help: "主导产业") var industries: String?

    /// The figures given, by field key, as typed: the core's field descriptors read them.
    var texts: [(key: String, text: String)] {
        [("area_mu", area), ("area_approximate", areaApproximate.map { $0 ? "是" : "否" }), ("plot_ratio", plotRatio),
         ("floor_area_m2", floorArea), ("investment", investment), ("expected_output", expectedOutput),
         ("expected_tax", expectedTax), ("buildings", buildings), ("industries", industries)]
            .compactMap { key, text in text.map { (key, $0) } }
    }

    func figures() throws -> ParkFigures {
        var figures = ParkFigures()
        figures.area = try area.map { try Area.parse($0) }
        figures.areaApproximate = areaApproximate
        figures.plotRatioHundredths = try plotRatio.map { try parseHundredths($0, what: "容积率") }
        figures.floorAreaM2 = try floorArea.map { try parseCount($0, what: "建筑面积", units: ["平方米", "㎡"]) }
        figures.investment = try investment.map { try Money.parse($0, what: "总投资") }
        figures.expectedOutput = try expectedOutput.map { try Money.parse($0, what: "预计年产值") }
        figures.expectedTax = try expectedTax.map { try Money.parse($0, what: "预计年税收") }
        figures.buildings = try buildings.map { try parseCount($0, what: "建筑幢数", units: ["幢"]) }
        figures.industries = industries
        return figures
    }
}
