//! The query language of `search`, parsed into a small tree before anything touches the index.
//!
//! - words: every one must match (in either language);
//! - `"a phrase"` (also `„…“` and `“…”`);
//! - `-word`, `-"a phrase"` or `NOT word` to exclude;
//! - `OR` between alternatives (`Stichwahl OR runoff`), `AND` is allowed and changes nothing;
//! - `plag*` for prefixes (at least two letters before the `*`);
//! - filters `state:`, `party:`, `outcome:`, `person:` (German `staat:`, `partei:`,
//!   `ergebnis:`), alone or with words; a value with spaces is quoted (`person:"tom udall"`).
//!
//! Anything that cannot be understood is a [`QueryError`] with a hint, never a guess.
//!
//! What is done with a parsed query lives beside it: [`compile`] turns it into tantivy
//! queries (typos found in the index's term dictionaries by [`typos`]), and [`relax`] offers
//! what matches the rest when nothing matches every word.

pub(crate) mod compile;
pub(crate) mod relax;
pub(crate) mod typos;
pub(crate) mod understand;

/// The longest query accepted, in characters.
pub const MAX_CHARS: usize = 1000;
/// The most words, phrases and filters a query may hold.
pub const MAX_ITEMS: usize = 32;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// Every group must match; a group matches when one of its alternatives does.
    pub groups: Vec<Vec<Item>>,
    /// Nothing that matches one of these is returned.
    pub excluded: Vec<Atom>,
}

/// One alternative of a group.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Text to find.
    Atom(Atom),
    /// A field filter.
    Filter(Filter),
}

/// Text to find.
#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    /// A word, matched exactly, stemmed, as a compound part, with a typo, or through the
    /// glossary in the other language.
    Word(String),
    /// Words in this order.
    Phrase(String),
    /// Words starting with this.
    Prefix(String),
}

/// A field filter as typed; its value is checked against the knowledge base later.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// Which field.
    pub field: FilterField,
    /// The value as typed.
    pub value: String,
}

/// The filterable fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    /// `state:MT`.
    State,
    /// `party:R`, the winner's party.
    Party,
    /// `outcome:gain`.
    Outcome,
    /// `person:udall`.
    Person,
}

impl FilterField {
    /// The field a filter name stands for, in English or German, any case.
    pub fn parse(name: &str) -> Option<FilterField> {
        Some(match name.to_lowercase().as_str() {
            "state" | "staat" | "bundesstaat" => FilterField::State,
            "party" | "partei" => FilterField::Party,
            "outcome" | "ergebnis" => FilterField::Outcome,
            "person" => FilterField::Person,
            _ => return None,
        })
    }

    /// The canonical (English) name.
    pub fn name(self) -> &'static str {
        match self {
            FilterField::State => "state",
            FilterField::Party => "party",
            FilterField::Outcome => "outcome",
            FilterField::Person => "person",
        }
    }
}

/// Why a query cannot be parsed. Each has a localized message with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing to search for (empty, or only operators and punctuation).
    Empty,
    /// A quotation mark that is never closed.
    UnclosedQuote,
    /// `OR` without an alternative on one side.
    DanglingOr,
    /// `-` or `NOT` with nothing after it.
    DanglingNot,
    /// An exclusion inside an `OR`.
    ExclusionInOr,
    /// Only exclusions: there must be something to find.
    OnlyExclusions,
    /// A `*` that is not at the end of a word of at least two letters.
    Wildcard {
        /// The word as typed.
        word: String,
    },
    /// `state:` and friends without a value.
    EmptyFilter {
        /// The filter name.
        field: String,
    },
    /// `foo:bar` where `foo` is no filter we know.
    UnknownFilter {
        /// The filter name as typed.
        field: String,
    },
    /// A filter value that names nothing (`state:ZZ`, `party:Q`, `outcome:maybe`).
    BadFilterValue {
        /// Which filter.
        field: FilterField,
        /// The value as typed.
        value: String,
    },
    /// Longer than [`MAX_CHARS`].
    TooLong,
    /// More than [`MAX_ITEMS`] words, phrases and filters.
    TooManyItems,
}

/// A lexical token of the query.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Or,
    And,
    Not,
    Item { negated: bool, item: Item },
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '«' | '»')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Reads a quoted string starting after the opening quote; returns it and the rest.
fn quoted(rest: &str) -> Result<(&str, &str), QueryError> {
    match rest.char_indices().find(|&(_, c)| is_close_quote(c)) {
        Some((i, c)) => Ok((&rest[..i], &rest[i + c.len_utf8()..])),
        None => Err(QueryError::UnclosedQuote),
    }
}

/// Splits off a bare word: everything up to whitespace or a quote.
fn bare(rest: &str) -> (&str, &str) {
    let end = rest
        .char_indices()
        .find(|&(_, c)| is_space(c) || is_open_quote(c))
        .map_or(rest.len(), |(i, _)| i);
    (&rest[..end], &rest[end..])
}

fn word_item(word: &str) -> Result<Item, QueryError> {
    if let Some(stem) = word.strip_suffix('*') {
        let letters = stem.chars().filter(|c| c.is_alphanumeric()).count();
        if stem.contains('*') || letters < 2 {
            return Err(QueryError::Wildcard {
                word: word.to_string(),
            });
        }
        return Ok(Item::Atom(Atom::Prefix(stem.to_string())));
    }
    if word.contains('*') {
        return Err(QueryError::Wildcard {
            word: word.to_string(),
        });
    }
    Ok(Item::Atom(Atom::Word(word.to_string())))
}

fn lex(input: &str) -> Result<Vec<Tok>, QueryError> {
    let mut toks = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start_matches(is_space);
        let Some(first) = rest.chars().next() else {
            break;
        };
        let mut negated = false;
        if first == '-' {
            let after = &rest[1..];
            match after.chars().next() {
                None => return Err(QueryError::DanglingNot),
                Some(c) if is_space(c) => return Err(QueryError::DanglingNot),
                Some(_) => {
                    negated = true;
                    rest = after;
                }
            }
        }
        let first = rest.chars().next().unwrap_or(' ');
        if is_open_quote(first) {
            let (text, after) = quoted(&rest[first.len_utf8()..])?;
            rest = after;
            toks.push(Tok::Item {
                negated,
                item: Item::Atom(Atom::Phrase(text.to_string())),
            });
            continue;
        }
        let (word, after) = bare(rest);
        rest = after;
        if !negated {
            match word {
                "OR" | "ODER" | "|" | "||" => {
                    toks.push(Tok::Or);
                    continue;
                }
                "AND" | "UND" | "&&" => {
                    toks.push(Tok::And);
                    continue;
                }
                "NOT" | "NICHT" => {
                    toks.push(Tok::Not);
                    continue;
                }
                _ => {}
            }
        }
        // A filter: letters, a colon, and a value (bare or quoted).
        if let Some((name, value)) = word.split_once(':') {
            if !name.is_empty() && name.chars().all(char::is_alphabetic) {
                let Some(field) = FilterField::parse(name) else {
                    return Err(QueryError::UnknownFilter {
                        field: name.to_string(),
                    });
                };
                let value = if value.is_empty() && rest.starts_with(is_open_quote) {
                    let quote = rest.chars().next().unwrap_or('"');
                    let (text, after) = quoted(&rest[quote.len_utf8()..])?;
                    rest = after;
                    text.trim().to_string()
                } else {
                    value.to_string()
                };
                if value.trim().is_empty() {
                    return Err(QueryError::EmptyFilter {
                        field: name.to_string(),
                    });
                }
                toks.push(Tok::Item {
                    negated,
                    item: Item::Filter(Filter { field, value }),
                });
                continue;
            }
        }
        toks.push(Tok::Item {
            negated,
            item: word_item(word)?,
        });
    }
    Ok(toks)
}

/// Parses a query.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    if input.chars().count() > MAX_CHARS {
        return Err(QueryError::TooLong);
    }
    let toks = lex(input)?;
    let mut query = Query::default();
    let mut pending_not = false;
    let mut pending_or = false;
    let mut items = 0;
    for tok in toks {
        match tok {
            Tok::And => {
                if pending_or || pending_not {
                    return Err(QueryError::DanglingOr);
                }
            }
            Tok::Or => {
                if pending_or || pending_not || query.groups.is_empty() {
                    return Err(QueryError::DanglingOr);
                }
                pending_or = true;
            }
            Tok::Not => {
                if pending_not {
                    return Err(QueryError::DanglingNot);
                }
                pending_not = true;
            }
            Tok::Item { negated, item } => {
                items += 1;
                if items > MAX_ITEMS {
                    return Err(QueryError::TooManyItems);
                }
                let negated = negated || std::mem::take(&mut pending_not);
                if negated {
                    if pending_or {
                        return Err(QueryError::ExclusionInOr);
                    }
                    match item {
                        Item::Atom(atom) => query.excluded.push(atom),
                        Item::Filter(filter) => {
                            return Err(QueryError::BadFilterValue {
                                field: filter.field,
                                value: format!("-{}", filter.value),
                            });
                        }
                    }
                } else if std::mem::take(&mut pending_or) {
                    if let Some(group) = query.groups.last_mut() {
                        group.push(item);
                    }
                } else {
                    query.groups.push(vec![item]);
                }
            }
        }
    }
    if pending_not {
        return Err(QueryError::DanglingNot);
    }
    if pending_or {
        return Err(QueryError::DanglingOr);
    }
    if query.groups.is_empty() {
        return Err(if query.excluded.is_empty() {
            QueryError::Empty
        } else {
            QueryError::OnlyExclusions
        });
    }
    Ok(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Item {
        Item::Atom(Atom::Word(w.into()))
    }

    #[test]
    fn words_phrases_prefixes_filters() {
        let q = parse(r#"Plagiat "Max Baucus" plag* state:MT person:"tom udall""#).unwrap();
        assert_eq!(
            q.groups,
            vec![
                vec![word("Plagiat")],
                vec![Item::Atom(Atom::Phrase("Max Baucus".into()))],
                vec![Item::Atom(Atom::Prefix("plag".into()))],
                vec![Item::Filter(Filter {
                    field: FilterField::State,
                    value: "MT".into()
                })],
                vec![Item::Filter(Filter {
                    field: FilterField::Person,
                    value: "tom udall".into()
                })],
            ]
        );
    }

    #[test]
    fn or_and_exclusion() {
        let q = parse("Stichwahl OR runoff -Georgia NOT Louisiana AND Senat").unwrap();
        assert_eq!(
            q.groups,
            vec![vec![word("Stichwahl"), word("runoff")], vec![word("Senat")]]
        );
        assert_eq!(
            q.excluded,
            vec![Atom::Word("Georgia".into()), Atom::Word("Louisiana".into())]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(parse("  "), Err(QueryError::Empty));
        assert_eq!(parse("\"open"), Err(QueryError::UnclosedQuote));
        assert_eq!(parse("OR a"), Err(QueryError::DanglingOr));
        assert_eq!(parse("a OR"), Err(QueryError::DanglingOr));
        assert_eq!(parse("a OR OR b"), Err(QueryError::DanglingOr));
        assert_eq!(parse("a -"), Err(QueryError::DanglingNot));
        assert_eq!(parse("-a"), Err(QueryError::OnlyExclusions));
        assert_eq!(parse("a OR -b"), Err(QueryError::ExclusionInOr));
        assert!(matches!(parse("*"), Err(QueryError::Wildcard { .. })));
        assert!(matches!(parse("p*"), Err(QueryError::Wildcard { .. })));
        assert!(matches!(parse("pl*g"), Err(QueryError::Wildcard { .. })));
        assert!(matches!(
            parse("state:"),
            Err(QueryError::EmptyFilter { .. })
        ));
        assert!(matches!(
            parse("colour:red"),
            Err(QueryError::UnknownFilter { .. })
        ));
        assert_eq!(parse(&"a".repeat(MAX_CHARS + 1)), Err(QueryError::TooLong));
        assert_eq!(
            parse(&"a ".repeat(MAX_ITEMS + 1)),
            Err(QueryError::TooManyItems)
        );
    }

    #[test]
    fn control_characters_separate_words() {
        let q = parse("Plagiat\u{1b}[31m\u{0}Montana").unwrap();
        assert_eq!(q.groups.len(), 3);
    }
}
