//! The names of the calendar, listed once: month and weekday names (English, lower case) and
//! their usual abbreviations. Reading dates (`corpus`) and telling a date from a name
//! (`corpus` outlets, `align` terms) use these lists.

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations beside the three-letter ones (`MONTHS[i][..3]`).
pub const MONTH_EXTRA_ABBREVIATIONS: [&str; 1] = ["sept"];

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Every month name and abbreviation and every weekday name, lower case: `january`, `jan`,
/// `sept`, `monday`, …. (Weekday abbreviations are left out: "sun", "sat" and "wed" are
/// words of their own.)
pub fn calendar_words() -> impl Iterator<Item = &'static str> {
    MONTHS
        .iter()
        .flat_map(|name| [*name, &name[..3]])
        .chain(MONTH_EXTRA_ABBREVIATIONS)
        .chain(WEEKDAYS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn abbreviations_are_the_first_three_letters() {
        let words: Vec<&str> = super::calendar_words().collect();
        assert!(words.contains(&"sep") && words.contains(&"sept") && words.contains(&"monday"));
        assert!(!words.contains(&"sun"));
        assert_eq!(words.len(), 12 * 2 + 1 + 7);
    }
}
