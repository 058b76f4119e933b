//! Writing answers: one buffered writer on locked stdout, and prose wrapped to the terminal's
//! width without splitting a number from its unit or a date. (Text from the corpus or from the
//! user is made safe to show by [`crate::text::safe`]; JSON is written by
//! [`crate::views::write_json`].)

use std::io::{self, BufWriter, StdoutLock};

/// The buffered writer every command prints through.
pub type Out = BufWriter<StdoutLock<'static>>;

/// A buffered writer on locked stdout.
pub fn stdout() -> Out {
    BufWriter::new(io::stdout().lock())
}

/// Whether an I/O error means the reader went away (`senate-kb export | head -1`): the run
/// then ends quietly and successfully, as in ripgrep.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Wraps prose to `options` (a width, or textwrap options with indents), never between a number and its percent sign (`48,2 %`: a line must not start
/// with `%`) nor inside a date (`7. August`, `August 7`): see [`unbreakable`].
pub fn wrap<'a>(text: &str, options: impl Into<textwrap::Options<'a>>) -> Vec<String> {
    let glued: String = text
        .char_indices()
        .map(|(i, c)| {
            if c == ' ' && unbreakable(&text[..i], &text[i + 1..]) {
                '\u{a0}'
            } else {
                c
            }
        })
        .collect();
    // textwrap never breaks at a no-break space; the output gets ordinary spaces back.
    textwrap::wrap(&glued, options)
        .into_iter()
        .map(|line| line.replace('\u{a0}', " "))
        .collect()
}

/// German months, after a day number and its full stop (`7. August`).
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// English months, before a day number (`August 7`, `November 4, 2014`).
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether a line must not break at the space between `before` and `after`: between a number
/// and `%`, between a day (one or two digits and a full stop) and a German month, between an
/// English month and a day. A year stays free to go to the next line (`November 2014`).
fn unbreakable(before: &str, after: &str) -> bool {
    let digits_at_end = |s: &str| s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let word_follows = |s: &str, word: &str| {
        s.strip_prefix(word)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    };
    let word_precedes = |s: &str, word: &str| {
        s.strip_suffix(word)
            .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
    };
    let percent = digits_at_end(before) > 0 && after.starts_with('%');
    let day_month = before
        .strip_suffix('.')
        .is_some_and(|day| (1..=2).contains(&digits_at_end(day)))
        && MONTHS_DE.iter().any(|m| word_follows(after, m));
    let day_digits = after.chars().take_while(char::is_ascii_digit).count();
    let month_day =
        (1..=2).contains(&day_digits) && MONTHS_EN.iter().any(|m| word_precedes(before, m));
    percent || day_month || month_day
}

#[cfg(test)]
mod tests {
    use super::{unbreakable, wrap};

    #[test]
    fn dates_and_percentages_are_unbreakable_years_are_not() {
        for (before, after) in [
            ("mit 48,2", "% die Wahl"),
            ("am 7.", "August aufgrund"),
            ("zum 16.", "Mai."),
            ("on August", "7 because"),
            ("on November", "4, 2014,"),
        ] {
            assert!(unbreakable(before, after), "{before:?} {after:?}");
        }
        for (before, after) in [
            ("im November", "2014 gewählt"),
            ("in November", "2014"),
            ("im Jahr 2014.", "August kam"),
            ("Seite 7.", "Augustus"),
            ("the Augusta", "7"),
            ("Mai", "7"),
        ] {
            assert!(!unbreakable(before, after), "{before:?} {after:?}");
        }
    }

    #[test]
    fn a_narrow_wrap_keeps_the_date_on_one_line() {
        for (text, date) in [
            ("musste er am 7. August zurücktreten", "7. August"),
            ("he withdrew on August 7 because of it", "August 7"),
        ] {
            for width in 12..=24 {
                let lines = wrap(text, width);
                assert!(lines.iter().any(|l| l.contains(date)), "{width}: {lines:?}");
                assert_eq!(lines.join(" "), text, "{width}");
            }
        }
    }
}
