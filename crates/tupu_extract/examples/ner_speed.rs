//! The name tagger's throughput in CPU time, for a machine shared with other work (where the
//! criterion bench's wall-clock times are inflated): tags the given files (or the seed) over and
//! over for about two seconds of this thread's CPU time and prints MB/s of UTF-8 text, and the
//! time to load the weights.
//!
//! `cargo run --release -p tupu_extract --example ner_speed -- [FILE...]`
//! CPU time is read from `/proc/thread-self/schedstat` (Linux); elsewhere wall time is used.

use std::time::{Duration, Instant};

use tupu_extract::ner::NameTagger;
use tupu_extract::normalize::fold;

const SEED: &str = include_str!("../../../seeds/wic-asia-pacific-summit-2025.zh-Hant.txt");
const WEIGHTS: &[u8] = include_bytes!("../data/ner/tagger.bin");

/// This thread's CPU time, or wall time since start where the kernel does not say.
fn cpu_time(start: Instant) -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed(), Duration::from_nanos)
}

#[expect(clippy::print_stdout, reason = "an example prints its measurement")]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let texts = if files.is_empty() {
        vec![SEED.to_owned()]
    } else {
        files.iter().map(std::fs::read_to_string).collect::<Result<Vec<_>, _>>()?
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let folded: Vec<Vec<char>> = texts.iter().map(|t| fold(t).chars().collect()).collect();
    let wall = Instant::now();

    let before = cpu_time(wall);
    let loads = 20;
    for _ in 0..loads {
        std::hint::black_box(NameTagger::from_bytes(std::hint::black_box(WEIGHTS))?);
    }
    let load = (cpu_time(wall) - before) / loads;

    let tagger = NameTagger::embedded();
    let (mut rounds, mut names) = (0u64, 0usize);
    let before = cpu_time(wall);
    while cpu_time(wall) - before < Duration::from_secs(2) {
        for text in &folded {
            names += std::hint::black_box(tagger.tag(text)).len();
        }
        rounds += 1;
    }
    let spent = (cpu_time(wall) - before).as_secs_f64();
    println!(
        "{} texts, {bytes} bytes, {} names per round; {rounds} rounds in {spent:.2} s of CPU: {:.1} MB/s; \
         weights load in {:.1} ms of CPU",
        texts.len(),
        names / rounds.max(1) as usize,
        (bytes as f64 * rounds as f64) / spent / 1e6,
        load.as_secs_f64() * 1e3
    );
    Ok(())
}
