//! What each question answers, as typed values that serialize to the contract's JSON: a race
//! ([`race`]). The command line prints them as text or as JSON; the same values are the
//! JSON of the HTTP API.

pub mod race;
