import Foundation

extension DateParser {
    /// The Spring Festival (正月初一) in the given Gregorian year, per Foundation's Chinese
    /// calendar in Beijing time: 2020 → 2020-01-25, 2021 → 2021-02-12.
    public static func springFestival(year: Int) -> Day {
        // Beijing time decides the lunar day; fixed UTC+8 stands in if tzdata is missing.
        let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
        var chinese = Calendar(identifier: .chinese)
        var gregorian = Calendar(identifier: .gregorian)
        chinese.timeZone = zone
        gregorian.timeZone = zone
        // The festival always falls between Jan 21 and Feb 20. Scanning that window day by
        // day is simple and behaves the same on every platform, unlike nextDate(matching:).
        let window = Day.lastDay(year: year, month: 1).adding(days: -10)
        for offset in 0..<31 {
            let day = window.adding(days: offset)
            // Noon, so no offset or daylight rule can move the instant to another day.
            let parts = DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)
            guard let instant = gregorian.date(from: parts) else { continue }
            let lunar = chinese.dateComponents([.month, .day], from: instant)
            if lunar.month == 1, lunar.day == 1 { return day }
        }
        // Unreachable for 1900...2200 (the tests check every year); a plausible day beats a crash.
        return Day.lastDay(year: year, month: 1).adding(days: 10)
    }
}
