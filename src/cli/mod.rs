//! The command line: the arguments as clap parses them ([`args`]), resolved once into a
//! [`config::Config`] (language, colour, corpus and index location), and how answers reach a
//! terminal: colour ([`color`]), one buffered writer and prose wrapping ([`output`]), aligned
//! tables ([`table`]) and the exit status ([`exit`]).
//!
//! What a command answers is built elsewhere ([`crate::commands`], [`crate::views`]); this
//! module only knows about terminals and processes.

pub mod args;
pub mod color;
pub mod config;
pub mod exit;
pub mod output;
pub mod table;
