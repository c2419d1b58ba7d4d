//! Extraction throughput on the seed article, in MB/s, over corpora of 1, 4, 16 and 64
//! concatenated copies (one article of growing size: shows whether time grows linearly).
//!
//! `cargo bench -p tupu_extract --bench extract`; `cargo test --release --benches` runs each once.

use std::hint::black_box;
use std::sync::LazyLock;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use tupu_extract::{Article, ArticleOptions, Date, Extractor};

const SEED: &str = include_str!("../../../seeds/wic-asia-pacific-summit-2025.zh-Hant.txt");

/// Built once, outside the timed loops (construction is measured on its own).
static EXTRACTOR: LazyLock<Extractor<'static>> = LazyLock::new(Extractor::new);

fn options() -> ArticleOptions {
    ArticleOptions { published: Date::new(2025, 4, 15), currency: None }
}

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for copies in [1usize, 4, 16, 64] {
        let corpus = vec![SEED; copies].join("\n\n");
        group.throughput(Throughput::Bytes(corpus.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(copies), &corpus, |b, corpus| {
            b.iter(|| {
                let article = Article::parse(black_box(corpus), options()).expect("the seed is an article");
                black_box(EXTRACTOR.extract(&article))
            });
        });
    }
    group.finish();
}

fn construct(c: &mut Criterion) {
    c.bench_function("extractor_new", |b| b.iter(|| black_box(Extractor::new())));
    let _ = &*EXTRACTOR;
}

criterion_group! {
    name = benches;
    // Few samples: 64 copies of the seed take a while on a 2-core machine.
    config = Criterion::default().sample_size(10);
    targets = extract, construct
}
criterion_main!(benches);
