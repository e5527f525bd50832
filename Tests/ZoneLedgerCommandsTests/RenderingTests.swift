import Foundation
import Testing
@testable import ZoneLedgerCommands

/// Namespace so these suite names cannot clash with other test files in the target.
@Suite enum RenderingTests {}

// MARK: - Display width

extension RenderingTests {
    @Suite struct DisplayWidthTests {
        @Test(arguments: [
            ("台邦精密减速器项目", 18),
            ("abc", 3),
            ("１２", 4),
            ("\u{E9}", 1),          // é precomposed
            ("e\u{301}", 1),        // é decomposed: the accent takes no column
            ("、", 2),
            ("（一）：", 8),
            ("“引号”", 6),           // curly quotes are ambiguous-width, counted as 1
            ("한국", 4),
            ("ひらがなカタカナ", 16),
            ("𠀀", 2),               // CJK Extension B
            ("👍", 2),
            ("a\u{200B}b", 2),      // zero-width space
            ("a\u{200D}b", 2),      // zero-width joiner
            ("\u{1}\u{7F}", 0),     // control characters
            ("￥100", 5),
            ("", 0),
        ])
        func widths(text: String, expected: Int) {
            #expect(text.displayWidth == expected)
        }

        @Test func characterWidths() {
            #expect(Character("中").displayWidth == 2)
            #expect(Character("a").displayWidth == 1)
            #expect(Character("e\u{301}").displayWidth == 1)
            #expect(Character("\u{301}").displayWidth == 0)
            #expect(Character("❤\u{FE0F}").displayWidth == 2)  // VS16 asks for emoji presentation
        }

        @Test func truncationFitsAndEndsInEllipsis() {
            let text = "台邦精密减速器项目"
            #expect(text.truncated(toWidth: 18) == text)
            #expect(text.truncated(toWidth: 7) == "台邦精…")
            #expect(text.truncated(toWidth: 8) == "台邦精…")  // a wide character never half fits
            #expect(text.truncated(toWidth: 1) == "…")
            #expect(text.truncated(toWidth: 0) == "")
            #expect("abcdef".truncated(toWidth: 4) == "abc…")
            for limit in 1...20 {
                #expect(text.truncated(toWidth: limit).displayWidth <= limit)
                #expect("Zone A 台邦 e\u{301}x".truncated(toWidth: limit).displayWidth <= limit)
            }
        }

        @Test func truncationNeverSplitsACluster() {
            let text = "cafe\u{301}s!"
            #expect(text.truncated(toWidth: 5) == "cafe\u{301}…")
            #expect(text.truncated(toWidth: 5).unicodeScalars.count == 6)
            #expect(text.truncated(toWidth: 4) == "caf…")
        }

        @Test func padding() {
            #expect("项目".padded(toWidth: 6) == "项目  ")
            #expect("项目".padded(toWidth: 6, alignment: .right) == "  项目")
            #expect("项目".padded(toWidth: 3) == "项目")
            #expect("1.5".padded(toWidth: 5, alignment: .right) == "  1.5")
        }

        @Test func wrappingKeepsLinesWithinWidth() {
            let text = "开发区管委会召开项目推进会，研究部署台邦精密减速器项目、智能装备产业园等重点工作。 Phase 2 starts soon."
            for width in 2...40 {
                let lines = text.wrapped(toWidth: width)
                for line in lines { #expect(line.displayWidth <= width, "width \(width): \(line)") }
                #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            }
        }

        @Test func wrappingPrefersSpacesAndChinesePunctuation() {
            #expect("hello world foo".wrapped(toWidth: 8) == ["hello", "world", "foo"])
            #expect("甲乙丙丁，戊己庚".wrapped(toWidth: 12) == ["甲乙丙丁，", "戊己庚"])
            // No line starts with closing punctuation.
            #expect("甲乙丙丁，戊己".wrapped(toWidth: 8) == ["甲乙丙", "丁，戊己"])
            // Without a break opportunity, break anywhere between clusters.
            #expect("abcdefgh".wrapped(toWidth: 3) == ["abc", "def", "gh"])
            #expect("a\nb".wrapped(toWidth: 10) == ["a", "b"])
            #expect("".wrapped(toWidth: 10) == [""])
        }
    }
}

// MARK: - Text table

extension RenderingTests {
    @Suite struct TextTableTests {
        static let mixed = TextTable(
            columns: [
                .init(header: "编号"),
                .init(header: "项目名称"),
                .init(header: "投资额（亿元）", alignment: .right),
                .init(header: "备注"),
            ],
            rows: [
                ["P-001", "台邦精密减速器项目", "144.73", "已签约，预计年底开工"],
                ["P-002", "Smart Equipment 产业园", "-1.5", ""],
                ["P-003", "ＡＢＣ全角测试（一）", "210.5", "note"],
                ["P-004", "短", "3", "多行\n备注"],
            ]
        )

        static func lines(_ rendered: String) -> [String] {
            rendered.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }

        /// The leading clusters of `line` covering exactly `columns` display columns,
        /// or nil when a wide character straddles that offset or the line is shorter.
        static func prefix(of line: String, columns: Int) -> String? {
            var used = 0
            var out = ""
            for c in line {
                if used == columns { return out }
                out.append(c)
                used += c.displayWidth
                if used > columns { return nil }
            }
            return used == columns ? out : nil
        }

        /// Checks that every non-rule line reaching column offset `start` has a
        /// column boundary there: a clean cut preceded by the two-space separator.
        static func expectBoundary(_ lines: [String], at start: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            for line in lines where !line.hasPrefix("─") && line.displayWidth > start {
                let head = prefix(of: line, columns: start)
                #expect(head?.displayWidth == start, "\(line) at \(start)", sourceLocation: sourceLocation)
                #expect(head?.hasSuffix("  ") == true, "\(line) at \(start)", sourceLocation: sourceLocation)
            }
        }

        @Test func rendersAlignedMixedTable() {
            let output = Self.mixed.render(maxWidth: nil)
            #expect(output.hasSuffix("\n"))
            let lines = Self.lines(output)
            #expect(lines.count == 6)
            for line in lines { #expect(line.last != " ", "trailing space in \(line)") }

            // Natural widths: 编号 5 (P-001), 项目名称 22, 投资额（亿元） 14, 备注 20; separators 2.
            #expect(lines[1] == String(repeating: "─", count: 5 + 22 + 14 + 20 + 3 * 2))
            for start in [7, 31, 47] { Self.expectBoundary(lines, at: start) }
            #expect(lines[0] == "编号   项目名称                投资额（亿元）  备注")
            #expect(lines[2] == "P-001  台邦精密减速器项目              144.73  已签约，预计年底开工")
            #expect(lines[3] == "P-002  Smart Equipment 产业园            -1.5")
            #expect(lines[4] == "P-003  ＡＢＣ全角测试（一）             210.5  note")
            #expect(lines[5] == "P-004  短                                   3  多行 备注")
        }

        @Test func rightAlignedColumnsEndTogether() {
            let lines = Self.lines(Self.mixed.render(maxWidth: nil))
            // The amount column (offset 31, width 14) ends at offset 45 on every line.
            for line in lines where !line.hasPrefix("─") {
                let head = Self.prefix(of: line, columns: 45)
                #expect(head?.last.map { $0 != " " } == true, "\(line)")
            }
        }

        @Test(arguments: [30, 40, 50, 60, 66, 67, 100])
        func shrinksToMaxWidthKeepingColumns(maxWidth: Int) {
            let output = Self.mixed.render(maxWidth: maxWidth)
            let lines = Self.lines(output)
            // Floors: 编号 5 (natural, under 6), 项目名称 6 (its header is cut too), amount 14 (never cut), 备注 6.
            let floorTotal = 5 + 6 + 14 + 6 + 3 * 2
            let natural = 67
            let tableWidth = min(natural, max(maxWidth, floorTotal))
            #expect(lines[1].count == tableWidth)
            for line in lines { #expect(line.displayWidth <= tableWidth) }
            #expect(output.contains("144.73") && output.contains("210.5") && output.contains("-1.5"))
            #expect(output.contains("…") == (maxWidth < natural))

            // Every line lines up with the header. The
            // amount column is right-aligned and never shrinks, so its right edge is
            // two columns before the last column's start.
            let lastStart = lines[0].displayWidth - "备注".displayWidth
            let amountEnd = lastStart - 2
            Self.expectBoundary(lines, at: 7)
            for line in lines where !line.hasPrefix("─") {
                let head = Self.prefix(of: line, columns: amountEnd)
                #expect(head?.last.map { $0 != " " } == true, "\(line) at \(amountEnd)")
            }
            Self.expectBoundary(lines, at: lastStart)
        }

        @Test func shrinkingTakesTheWidestColumnFirst() {
            let table = TextTable(
                columns: [.init(header: "名称"), .init(header: "说明"), .init(header: "金额", alignment: .right)],
                rows: [["短名称", "这是一段很长很长很长的说明文字", "1.00"]]
            )
            // Natural: 6 + 30 + 4 + 2 * 2 = 44. Fitting 30 takes all 14 columns from 说明 (30 → 16);
            // the cut cell is 15 wide because a Han character cannot half fit before "…".
            let lines = Self.lines(table.render(maxWidth: 30))
            #expect(lines == [
                "名称    说明              金额",
                String(repeating: "─", count: 30),
                "短名称  这是一段很长很…   1.00",
            ])

            // Two long columns: the wider one gives up room until they are level, then both do.
            let two = TextTable(
                columns: [.init(header: "a"), .init(header: "b")],
                rows: [[String(repeating: "x", count: 20), String(repeating: "y", count: 12)]]
            )
            let shrunk = Self.lines(two.render(maxWidth: 24))
            #expect(shrunk[2] == String(repeating: "x", count: 10) + "…  " + String(repeating: "y", count: 10) + "…")
        }

        @Test func defaultsAndEdgeCases() {
            #expect(TextTable.Column(header: "a").shrinkable)
            #expect(!TextTable.Column(header: "a", alignment: .right).shrinkable)
            #expect(TextTable.Column(header: "a", alignment: .right, shrinkable: true).shrinkable)
            #expect(TextTable(columns: []).render() == "")
            #expect(TextTable(columns: [.init(header: "项目")]).render() == "项目\n────\n")
            // Short rows are filled with blanks, extra cells ignored, tabs and CRLF flattened.
            let table = TextTable(
                columns: [.init(header: "a"), .init(header: "b")],
                rows: [["x"], ["1", "2", "3"], ["t\tu", "v\r\nw"]]
            )
            #expect(table.render() == "a    b\n────────\nx\n1    2\nt u  v w\n")
        }
    }
}

// MARK: - CSV

extension RenderingTests {
    @Suite struct CSVWriterTests {
        @Test func documentHasBOMAndCRLF() {
            let csv = CSVWriter.document(header: ["项目", "金额"], rows: [[.text("台邦精密"), .number("144.73")]])
            #expect(csv == "\u{FEFF}项目,金额\r\n台邦精密,144.73\r\n")
            #expect(csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        }

        @Test(arguments: [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("line1\nline2", "\"line1\nline2\""),
            ("cr\rhere", "\"cr\rhere\""),
            (" lead", "\" lead\""),
            ("trail ", "\"trail \""),
            ("中文，全角逗号", "中文，全角逗号"),
            ("", ""),
        ])
        func quoting(text: String, expected: String) {
            #expect(CSVWriter.field(.text(text)) == expected)
        }

        @Test(arguments: [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1", "'+1"),
            ("-x", "'-x"),
            ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
            ("\tTab", "'\tTab"),
            ("\rCR", "\"'\rCR\""),
            ("=1,2", "\"'=1,2\""),
            ("a=b", "a=b"),
        ])
        func formulaGuard(text: String, expected: String) {
            #expect(CSVWriter.field(.text(text)) == expected)
        }

        @Test func numbersAreNotPrefixed() {
            #expect(CSVWriter.field(.number("-1.5")) == "-1.5")
            #expect(CSVWriter.field(.number("144.73")) == "144.73")
            #expect(CSVWriter.field(.number("+2")) == "+2")
            let csv = CSVWriter.document(header: ["n"], rows: [[.number("-1.5")], [.text("-1.5")]])
            #expect(csv == "\u{FEFF}n\r\n-1.5\r\n'-1.5\r\n")
        }

        @Test func headersAreGuardedToo() {
            #expect(CSVWriter.document(header: ["=x", "a b"], rows: []) == "\u{FEFF}'=x,a b\r\n")
        }

        @Test func sectionsShareOneBOM() {
            let csv = CSVWriter.sections([
                (title: "项目表", header: ["项目", "金额"], rows: [[.text("A"), .number("1")]]),
                (title: "汇总, 2020", header: ["合计"], rows: [[.number("210.5")]]),
            ])
            #expect(csv == "\u{FEFF}项目表\r\n项目,金额\r\nA,1\r\n\r\n\"汇总, 2020\"\r\n合计\r\n210.5\r\n")
            #expect(csv.filter { $0 == "\u{FEFF}" }.count == 1)
            #expect(CSVWriter.sections([]) == "\u{FEFF}")
        }
    }
}

// MARK: - JSON

extension RenderingTests {
    @Suite struct JSONValueTests {
        static let sample: JSONValue = .object([
            ("name", .string("台邦精密减速器项目")),
            ("amount", .number("144.73")),
            ("delta", .number("-0.5")),
            ("count", .int(3)),
            ("ok", .bool(true)),
            ("none", .null),
            ("tags", .array([.string("a"), .number("210.5")])),
            ("empty", .array([])),
            ("nothing", .object([])),
        ])

        @Test func prettyLayout() {
            let expected = """
            {
              "name": "台邦精密减速器项目",
              "amount": 144.73,
              "delta": -0.5,
              "count": 3,
              "ok": true,
              "none": null,
              "tags": [
                "a",
                210.5
              ],
              "empty": [],
              "nothing": {}
            }
            """
            #expect(Self.sample.serialized() == expected)
        }

        @Test func compactLayout() {
            #expect(Self.sample.serialized(pretty: false)
                == #"{"name":"台邦精密减速器项目","amount":144.73,"delta":-0.5,"count":3,"ok":true,"none":null,"tags":["a",210.5],"empty":[],"nothing":{}}"#)
            #expect(JSONValue.array([]).serialized(pretty: false) == "[]")
            #expect(JSONValue.null.serialized() == "null")
        }

        @Test func escaping() {
            let value = JSONValue.string("a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}中文")
            #expect(value.serialized() == #""a\"b\\c/d\n\r\t\b\f\u0001\u001f中文""#)
        }

        @Test(arguments: [
            "台邦精密减速器项目",
            "quote \" backslash \\ slash /",
            "newline\nreturn\rtab\t",
            "controls \u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{1F}\u{7F}",
            "emoji 👍 and “curly” quotes",
            "",
        ])
        func roundTripsThroughJSONSerialization(text: String) throws {
            for pretty in [true, false] {
                let json = JSONValue.array([.string(text), .object([(text, .string(text))])]).serialized(pretty: pretty)
                let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
                let array = try #require(parsed as? [Any])
                #expect(array.first as? String == text)
                let object = try #require(array.last as? [String: String])
                #expect(object[text] == text)
            }
        }

        @Test func numbersStayVerbatim() throws {
            let json = JSONValue.object([("a", .number("144.73")), ("b", .number("0.1")), ("c", .number("1e-7"))]).serialized()
            #expect(json.contains("144.73"))
            #expect(json.contains("0.1,") || json.contains("0.1\n"))
            #expect(!json.contains("144.72999"))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect((parsed["a"] as? NSNumber)?.doubleValue == 144.73)
        }

        @Test func malformedNumbersBecomeStrings() {
            #expect(JSONValue.number("NaN").serialized() == #""NaN""#)
            #expect(JSONValue.number("01").serialized() == #""01""#)
            #expect(JSONValue.number("1.").serialized() == #""1.""#)
            #expect(JSONValue.number("-").serialized() == #""-""#)
            #expect(JSONValue.number("-0").serialized() == "-0")
            #expect(JSONValue.number("2.5E+3").serialized() == "2.5E+3")
        }

        @Test func equality() {
            #expect(Self.sample == Self.sample)
            #expect(JSONValue.number("1") != .int(1))
            #expect(JSONValue.object([("a", .null), ("b", .null)]) != .object([("b", .null), ("a", .null)]))
            #expect(JSONValue.object([("a", .int(1))]) != .object([("a", .int(2))]))
            #expect(JSONValue.array([.bool(true)]) == .array([.bool(true)]))
        }
    }
}

// MARK: - Terminal

extension RenderingTests {
    @Suite struct TerminalTests {
        @Test func columnsDecision() {
            #expect(Terminal.columns(windowColumns: 120, environment: ["COLUMNS": "80"]) == 120)
            #expect(Terminal.columns(windowColumns: nil, environment: ["COLUMNS": "80"]) == 80)
            #expect(Terminal.columns(windowColumns: nil, environment: ["COLUMNS": "0"]) == nil)
            #expect(Terminal.columns(windowColumns: nil, environment: ["COLUMNS": "-3"]) == nil)
            #expect(Terminal.columns(windowColumns: nil, environment: ["COLUMNS": "wide"]) == nil)
            #expect(Terminal.columns(windowColumns: nil, environment: [:]) == nil)
        }

        @Test func colorDecision() {
            #expect(Terminal.colorAllowed(isTerminal: true, environment: ["TERM": "xterm-256color"]))
            #expect(Terminal.colorAllowed(isTerminal: true, environment: ["NO_COLOR": ""]))
            #expect(!Terminal.colorAllowed(isTerminal: false, environment: [:]))
            #expect(!Terminal.colorAllowed(isTerminal: true, environment: ["NO_COLOR": "1"]))
            #expect(!Terminal.colorAllowed(isTerminal: true, environment: ["TERM": "dumb"]))
        }

        @Test func liveCallsDoNotCrash() {
            // Under the test runner stdout is usually a pipe; only check the answers are sane.
            if let columns = Terminal.columns() { #expect(columns > 0) }
            if !Terminal.isTerminal(1) { #expect(!Terminal.colorAllowed) }
        }
    }
}
