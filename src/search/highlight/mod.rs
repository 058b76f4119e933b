//! The best sentence of each hit and the words to mark in it, in both languages: read from the
//! index's positions ([`positions`]), or, where they cannot tell (a prefix, an over-long
//! sentence), by analysing the hit's sentences ([`matcher`], which the tests also hold the
//! positions to).

pub mod matcher;
pub mod positions;

pub use matcher::Best;
