/// Days since 1970-01-01 and back (the "days from civil" algorithm, exact for any Gregorian
/// year), so adding and subtracting days needs no Calendar and no time zone.
extension Day {
    static let minOrdinal = Day(checked: 1, 1, 1).ordinal
    static let maxOrdinal = Day(checked: 9999, 12, 31).ordinal

    var ordinal: Int {
        // Count years from March so the leap day is the last day of the counted year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(checked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
