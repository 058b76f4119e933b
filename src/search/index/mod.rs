//! The index: its [`schema`] (one document per race, the text of each language in one value
//! per field, positions that tell the sentence), the [`document`]s the corpus becomes, how a
//! generation is written ([`writer`], tantivy's `IndexWriter`) and its life on disk
//! ([`store`]: generations beside the live one, a pointer swapped by rename, checksums on open,
//! garbage collection).

pub mod document;
pub mod schema;
pub mod store;
pub mod writer;
