//! Text as senate-kb handles it everywhere, below the knowledge base and search: what may be
//! shown as it is ([`safe`]), how spellings are made to meet ([`fold`]) and
//! how far apart they may be ([`typos`]).

pub mod fold;
pub mod safe;
pub mod typos;
