//! Text as senate-kb handles it everywhere, below the knowledge base and search: what may be
//! shown as it is ([`safe`]).

pub mod safe;
