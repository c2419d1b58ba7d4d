//! Integration tests of the whole tool: one test binary (ripgrep style), one module per area.

#![expect(clippy::unwrap_used, reason = "a test that cannot set up should stop right there, loudly")]
#![expect(clippy::print_stderr, reason = "the gold test prints its score table for --nocapture")]

mod cli;
mod corpus;
mod extract;
mod fuzz;
mod gold;
mod http;
mod iris;
mod offsets;
mod ontology;
mod oracle;
mod outputs;
mod page;
mod store;
mod util;
