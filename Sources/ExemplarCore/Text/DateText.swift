/// Dates as a reader of each interface language expects them on a page.
extension CalendarDate {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]

    /// `6 September 2016`: day, month name, year, as formal English writes dates.
    public var english: String {
        "\(day) \(Self.englishMonths[max(1, min(12, month)) - 1]) \(year)"
    }

    /// The date for a page in `language` (`vi` or `en`).
    public func text(language: String) -> String {
        language == "en" ? english : vietnamese
    }
}
