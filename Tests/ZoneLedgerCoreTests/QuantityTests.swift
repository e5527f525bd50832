import Testing
@testable import ZoneLedgerCore

@Suite struct QuantityTests {
    // MARK: ExactDecimal

    @Test(arguments: [
        ("144.73", 14473, 2, "144.73"), ("210.50", 21050, 2, "210.5"), ("9", 9, 0, "9"), ("-1.5", -15, 1, "-1.5"),
        ("+2", 2, 0, "2"), ("0.05", 5, 2, "0.05"), ("100.00", 10000, 2, "100"), (" 7.0 ", 70, 1, "7"),
    ] as [(String, Int64, Int, String)])
    func exactDecimalKeepsTheWrittenValue(text: String, units: Int64, scale: Int, shown: String) throws {
        // Given text as written; When parsed; Then units and scale are exact and the text is the shortest exact form.
        let value = try #require(ExactDecimal(text))
        #expect(value.units == units)
        #expect(value.scale == scale)
        #expect(value.description == shown)
    }

    @Test(arguments: ["1e3", "1,000", "", ".5", "5.", "-", "1.2.3", "12a", "０.５", "1 000", "--1", "123456789012345678"])
    func exactDecimalRefusesAnythingButPlainDecimals(text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test func plainTextKeepsReportedPlaces() {
        // A reported figure keeps its places; the description drops trailing zeros.
        #expect(ExactDecimal("2.60")?.plainText == "2.60")
        #expect(ExactDecimal("2.60")?.description == "2.6")
        #expect(ExactDecimal("-0.05")?.plainText == "-0.05")
        #expect(ExactDecimal("34")?.plainText == "34")
    }

    @Test func unitsAtScaleNeverLoseDigits() {
        let value = ExactDecimal(units: 21050, scale: 2)  // 210.50
        #expect(value.units(atScale: 1) == 2105)
        #expect(value.units(atScale: 0) == nil)
        #expect(value.units(atScale: 4) == 2_105_000)
        #expect(ExactDecimal(units: .max, scale: 0).units(atScale: 1) == nil)
    }

    // MARK: Area

    @Test(arguments: [("144.73亩", 14473), ("144.73", 14473), ("0.1", 10), ("56", 5600), (" 1300亩 ", 130_000)] as [(String, Int64)])
    func areaParsesToHundredths(text: String, hundredths: Int64) throws {
        #expect(try Area.parse(text).hundredths == hundredths)
    }

    @Test(arguments: [("-3", "必须大于0"), ("0", "必须大于0"), ("1.234", "最多两位小数"), ("abc", "应为以亩计的数字"), ("1e2亩", "应为以亩计的数字")])
    func areaRefusals(text: String, expected: String) {
        let message = refusal { _ = try Area.parse(text) }
        #expect(message?.contains(expected) == true, "\(text): \(message ?? "accepted")")
        #expect(message?.contains("“\(text)”") == true, "the message names the bad value")
    }

    @Test func areaSumsAreExact() throws {
        // Given 0.1 and 0.2 亩 (a binary float would give 0.30000000000000004)
        let sum = Area(hundredths: try Area.parse("0.1").hundredths + Area.parse("0.2").hundredths)
        // Then the sum is exactly 0.3
        #expect(sum == (try Area.parse("0.3")))
        #expect(sum.description == "0.3")
        // And a long column of report areas adds up to the digit.
        let areas = try ["144.73", "210.5", "194", "0.01", "93.08"].map { try Area.parse($0).hundredths }
        #expect(Area(hundredths: areas.reduce(0, +)).description == "642.32")
    }

    // MARK: Money

    @Test(arguments: [
        ("9亿元", 900_000_000), ("2.5亿", 250_000_000), ("5000万元", 50_000_000), ("6.63万", 66300), ("66300元", 66300),
        ("90000", 900_000_000), ("1,000元", 1000), ("0.0001", 1), ("1元", 1),
    ] as [(String, Int64)])
    func moneyParsesToWholeYuan(text: String, yuan: Int64) throws {
        #expect(try Money.parse(text).yuan == yuan)
    }

    @Test(arguments: [("0.5元", "须精确到元"), ("0.00001", "须精确到元"), ("0", "必须大于0"), ("-5万", "必须大于0"),
                      ("9亿美元", "应写作"), ("1e3", "应写作"), ("", "应写作"), ("999999999999亿", "金额无效")])
    func moneyRefusals(text: String, expected: String) {
        let message = refusal { _ = try Money.parse(text) }
        #expect(message?.contains(expected) == true, "\(text): \(message ?? "accepted")")
    }

    @Test(arguments: [(900_000_000, "90000", "9亿元"), (66300, "6.63", "6.63万元"), (250_000_000, "25000", "2.5亿元"),
                      (50_000_000, "5000", "5000万元"), (800, "0.08", "800元"), (123_456_789, "12345.6789", "12345.6789万元")]
                as [(Int64, String, String)])
    func moneyShownInWanAndReadably(yuan: Int64, wan: String, shown: String) {
        #expect(Money(yuan: yuan).wan == wan)
        #expect(Money(yuan: yuan).description == shown)
    }

    // MARK: Ratios

    @Test(arguments: [
        ("210.5", "405", true, 1, "52.0"), ("404.5", "405", true, 1, "99.9"), ("1", "3", true, 1, "33.3"),
        ("2", "3", true, 1, "66.7"), ("1", "8", false, 2, "0.13"), ("-1", "8", false, 2, "-0.13"),
        ("1", "40", false, 2, "0.03"), ("0", "7", true, 1, "0.0"), ("405", "405", true, 1, "100.0"), ("3", "2", false, 0, "2"),
        ("5", "2", false, 0, "3"), ("-5", "2", false, 0, "-3"), ("2.5", "0.5", false, 1, "5.0"),
    ] as [(String, String, Bool, Int, String)])
    func ratioRoundsHalfAwayFromZero(numerator: String, denominator: String, timesHundred: Bool, places: Int, expected: String) throws {
        let top = try #require(ExactDecimal(numerator)), bottom = try #require(ExactDecimal(denominator))
        #expect(exactRatioText(top, bottom, timesHundred: timesHundred, places: places) == expected)
    }

    @Test func ratioOverZeroIsNil() throws {
        #expect(exactRatioText(try #require(ExactDecimal("1")), try #require(ExactDecimal("0.00")), timesHundred: true, places: 1) == nil)
    }

    // MARK: Counts and hundredths

    @Test(arguments: [("20", 20), ("20幢", 20), ("375000平方米", 375_000), ("37.5万平方米", 375_000), ("1万", 10_000)] as [(String, Int64)])
    func countsAreWholeNumbers(text: String, value: Int64) throws {
        #expect(try parseCount(text, what: "数量", units: ["幢", "平方米"]) == value)
    }

    @Test(arguments: ["1.5", "0", "-2", "幢", "1.00001万"])
    func countsRefuseFractionsAndNonPositives(text: String) {
        #expect(refusal { _ = try parseCount(text, what: "数量", units: ["幢"]) }?.contains("应为大于0的整数") == true)
    }

    @Test func plotRatiosInHundredths() throws {
        #expect(try parseHundredths("2.6", what: "容积率") == 260)
        #expect(refusal { _ = try parseHundredths("2.605", what: "容积率") }?.contains("最多两位小数") == true)
        #expect(refusal { _ = try parseHundredths("0", what: "容积率") } != nil)
    }
}
