//! senate-kb: a German/English knowledge base of the 2014 US Senate elections.
fn main() {}
