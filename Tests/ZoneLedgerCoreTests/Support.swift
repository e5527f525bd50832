import Foundation
@testable import ZoneLedgerCore

/// A fixed clock: the tests read as if run on a day of our choosing.
func context(today: String = "2026-11-29", author: String = "测试", command: String = "test") -> WriteContext {
    let day = Day(iso: today) ?? Day.lastDay(year: 2026, month: 11)
    return WriteContext(author: author, now: Date(timeIntervalSince1970: 1_800_000_000), today: day, command: command)
}

func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return day
}

func emptyLedger() throws -> Ledger { try Ledger.inMemory(seeded: false, context: context()) }
func seededLedger() throws -> Ledger { try Ledger.inMemory(seeded: true, context: context()) }

/// The message of the LedgerError a call throws, or nil when it succeeds.
func refusal(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch let error as LedgerError { return error.message } catch { return "\(error)" }
}
