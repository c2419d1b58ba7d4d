//! `tupu`: the command line over `tupu_extract`, `tupu_graph` and `tupu_query`.
//!
//! Exit codes: 0 success, 2 bad input, bad usage or any other error (clap's own usage errors are
//! 2 as well). A closed pipe (`tupu export | head`) is a success, not an error.

mod cli;
mod commands;
mod input;
mod parallel;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Extraction makes and drops many small strings and vectors per candidate name; mimalloc's
/// thread-local free lists serve them with fewer instructions than the system allocator (the
/// whole corpus to N-Triples spent a sixth of its instructions in malloc and free). It also
/// takes the place of C's malloc and free (the `override` feature): RocksDB's C++ side and the
/// Rust side then free each other's memory with the same allocator (without it, dropping the
/// error of a store locked by another process crashed in `mi_free`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report_error(&err);
            ExitCode::from(2)
        }
    }
}

/// Prints `error: …` and one `caused by: …` line per underlying error.
fn report_error(err: &anyhow::Error) {
    let mut stderr = std::io::stderr().lock();
    writeln!(stderr, "error: {err}").ok();
    for cause in err.chain().skip(1) {
        writeln!(stderr, "  caused by: {cause}").ok();
    }
}

/// Whether the error is a write to a closed pipe. The library errors wrap I/O errors
/// transparently (their `source()` skips the `io::Error`), so they are unwrapped by type here.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use tupu_graph::ExportError;
    use tupu_query::QueryError;
    let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    let export = |e: &ExportError| matches!(e, ExportError::Io(io) if broken(io));
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(broken)
            || cause.downcast_ref::<ExportError>().is_some_and(export)
            || cause.downcast_ref::<QueryError>().is_some_and(|e| match e {
                QueryError::Io(io) => broken(io),
                QueryError::Export(e) => export(e),
                _ => false,
            })
    })
}
