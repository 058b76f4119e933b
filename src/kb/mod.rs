//! The knowledge base itself: the [`corpus`] (the article in both languages, the race facts,
//! the people, the states, the glossary) at the centre, and what senate-kb knows from it
//! without an index: who answers to a name ([`names`]), where each person is named in the text
//! ([`mentions`]), what a person was in the election ([`profile`]), which race a name means
//! ([`resolve`]), the answers told from the facts ([`answer`]: a race's title and one-line
//! summary, parties and roles in words) and what the facts say in the words people search with
//! ([`knowledge`], from the corpus's vocabulary).
//!
//! Search ([`crate::search`]) indexes what is here; the views ([`crate::views`]) show it.

pub mod answer;
pub mod corpus;
pub mod knowledge;
pub mod mentions;
pub(crate) mod names;
pub(crate) mod profile;
pub mod resolve;
