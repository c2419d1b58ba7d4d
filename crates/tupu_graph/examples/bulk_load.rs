//! The yardstick for `tupu load`: oxigraph's own bulk loader on the same quads.
//!
//! ```sh
//! tupu extract corpus.jsonl.gz -o corpus.nq
//! cargo run --release -p tupu_graph --example bulk_load -- corpus.nq /tmp/bulk-store
//! ```
//!
//! Prints the quads loaded, the seconds, quads per second and the store's size on disk. The
//! bulk loader writes sorted files straight into the store: fast, but neither one transaction per
//! article nor a replacement of what an earlier load of an article said (see `GraphStore::loader`).

#![expect(clippy::print_stdout, reason = "an example prints its measurement")]

use std::time::Instant;

use tupu_graph::oxigraph::io::RdfFormat;
use tupu_graph::oxigraph::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(store)) = (args.next(), args.next()) else {
        return Err("usage: bulk_load FILE.nq STORE_DIR (a new directory)".into());
    };
    if std::path::Path::new(&store).exists() {
        return Err(format!("{store} exists; give a new directory").into());
    }
    let started = Instant::now();
    let db = Store::open(&store)?;
    let mut loader = db.bulk_loader();
    loader.load_from_reader(RdfFormat::NQuads, std::io::BufReader::new(std::fs::File::open(&input)?))?;
    loader.commit()?;
    db.flush()?;
    db.optimize()?;
    let seconds = started.elapsed().as_secs_f64();
    let quads = db.len()?;
    drop(db);
    let bytes: u64 = std::fs::read_dir(&store)?.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum();
    println!(
        "bulk loader: {quads} quads in {seconds:.1} s ({:.0} quads/s); store {:.0} MB",
        quads as f64 / seconds,
        bytes as f64 / 1e6
    );
    Ok(())
}
