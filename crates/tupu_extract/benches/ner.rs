//! Throughput of the name tagger alone, in MB of UTF-8 article text per second on one core, on
//! the seed article and on a sample of the corpus (`$TUPU_CORPUS`, default `/work/corpus`: the
//! first 100 articles of `hk/` and of `cn/` in name order, skipped when absent); and the time to
//! load its weights.
//!
//! `cargo bench -p tupu_extract --bench ner`; `cargo test --release --benches` runs each once.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tupu_extract::ner::NameTagger;
use tupu_extract::normalize::fold;

/// The seed article (the same text as `seeds/` at the repository root).
const SEED: &str = include_str!("../../../seeds/wic-asia-pacific-summit-2025.zh-Hant.txt");
/// The weights built into the crate.
const WEIGHTS: &[u8] = include_bytes!("../data/ner/tagger.bin");
/// Articles read from each corpus directory.
const SAMPLE: usize = 100;

/// The first `SAMPLE` articles of each corpus directory, when the corpus is there.
fn corpus_sample() -> Option<Vec<String>> {
    let root = std::env::var_os("TUPU_CORPUS").map_or_else(|| PathBuf::from("/work/corpus"), PathBuf::from);
    let mut texts = Vec::new();
    for dir in ["hk", "cn"] {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(root.join(dir)).ok()?.filter_map(|e| Some(e.ok()?.path())).collect();
        files.sort();
        texts.extend(files.iter().take(SAMPLE).filter_map(|f| std::fs::read_to_string(f).ok()));
    }
    (!texts.is_empty()).then_some(texts)
}

fn bench(c: &mut Criterion) {
    let tagger = NameTagger::embedded();
    let mut group = c.benchmark_group("ner");
    let seed: Vec<char> = fold(SEED).chars().collect();
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("tag/seed", |b| b.iter(|| tagger.tag(black_box(&seed))));
    match corpus_sample() {
        Some(texts) => {
            let folded: Vec<Vec<char>> = texts.iter().map(|t| fold(t).chars().collect()).collect();
            let bytes: usize = texts.iter().map(String::len).sum();
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_function(format!("tag/corpus-{}-articles", texts.len()), |b| {
                b.iter(|| folded.iter().map(|t| tagger.tag(black_box(t)).len()).sum::<usize>())
            });
        }
        None => {
            #[expect(clippy::print_stderr, reason = "a benchmark says which of its cases it skipped")]
            {
                eprintln!("no corpus at $TUPU_CORPUS or /work/corpus: corpus benchmark skipped");
            }
        }
    }
    group.finish();
    c.bench_function("ner/load", |b| b.iter(|| NameTagger::from_bytes(black_box(WEIGHTS))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
