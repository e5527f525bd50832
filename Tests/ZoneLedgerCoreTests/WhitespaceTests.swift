import Foundation
import Testing
@testable import ZoneLedgerCore

/// The import trims without Foundation; these pin that it trims exactly as Foundation does.
@Suite struct WhitespaceTests {
    @Test func scalarSetsAreFoundations() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isFoundationWhitespace == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(scalar.isFoundationWhitespaceOrNewline == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
            #expect(scalar.isControl == (scalar.properties.generalCategory == .control), "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [
        "", " ", "\t\r\n", "台邦", "  台邦  ", "\u{3000}全角空格\u{3000}", "\u{200B}零宽\u{200B}", "\u{A0}a b\u{85}",
        " \u{301}组合", "a\u{301} ", "\r\n\r\n", "'=1+2", " x\u{2028}", "\u{FEFF}bom\u{FEFF}", "🏗️ 工地 🏗️",
    ])
    func trimsAsFoundationDoes(_ text: String) {
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }
}
