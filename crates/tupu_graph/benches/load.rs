//! The RDF side per article, in MB of article text per second: mapping an extraction to quads,
//! writing them as sorted N-Triples, and inserting them into an in-memory store (one transaction,
//! replacing the previous load). The extraction itself is measured in tupu_extract's bench.
//!
//! `cargo bench -p tupu_graph --bench load`; `cargo test --release --benches` runs each once.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tupu_extract::{Article, ArticleOptions, Date, Extractor};
use tupu_graph::{ArticleGraph, ExportFormat, GraphStore, RdfExport};

const SEED: &str = include_str!("../../../seeds/wic-asia-pacific-summit-2025.zh-Hant.txt");

fn rdf(c: &mut Criterion) {
    let article = Article::parse(SEED, ArticleOptions { published: Date::new(2025, 4, 15), currency: None })
        .expect("the seed is an article");
    let extraction = Extractor::new().extract(&article);
    let graph = ArticleGraph::from_article(&article, &extraction);
    let store = GraphStore::in_memory().expect("an in-memory store");

    let mut group = c.benchmark_group("rdf");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("map", |b| b.iter(|| black_box(ArticleGraph::new(black_box(SEED), &extraction))));
    group.bench_function("ntriples", |b| {
        b.iter(|| black_box(RdfExport::new(ExportFormat::NTriples).write_graph(&graph, Vec::new()).expect("written")))
    });
    group.bench_function("insert_in_memory", |b| b.iter(|| black_box(store.insert_graph(&graph).expect("inserted"))));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = rdf
}
criterion_main!(benches);
