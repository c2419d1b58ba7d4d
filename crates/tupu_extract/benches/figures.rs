//! Throughput of the figure stage, in MB/s of article text, on the seed article and on a
//! figure-dense text written for the benchmark; and of the whole extraction on the seed.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tupu_extract::{Article, ArticleOptions, Date, Extractor, figures_only};

/// The seed article (the same text as `seeds/` at the repository root).
const SEED: &str = include_str!("../../../seeds/wic-asia-pacific-summit-2025.zh-Hant.txt");

/// A paragraph dense in figures of every kind, in both scripts.
const DENSE: &str = "本港去年吸引超過1,200名人才，約30間企業落戶，斥資20億港元成立研究院；\
    全年增長12.5%，近兩成來自內地，百分之十五為初創企業，三分之一屬海外。\
    全省新增上云企业1.2万家以上，总投资超过1860亿元，其中外资约15亿美元，为期三天，2025年4月14日开幕。\n";

fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || "０１２３４５６７８９零〇一二兩两三四五六七八九十百千萬万億亿".contains(c)
}

fn article(text: &str) -> Article {
    let options = ArticleOptions { published: Date::parse("2025-04-15").ok(), ..ArticleOptions::default() };
    match Article::parse(text, options) {
        Ok(a) => a,
        Err(e) => panic!("benchmark text is not an article: {e}"),
    }
}

fn bench(c: &mut Criterion) {
    let seed = article(SEED);
    // The seed with every numeral character replaced: the stage's own cost on the seed is the
    // difference between stage/seed and this (which indexes the text and finds nothing).
    let numberless: String = SEED.chars().map(|c| if is_numeral_char(c) { '某' } else { c }).collect();
    let numberless = article(&numberless);
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("figures");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("stage/seed", |b| b.iter(|| figures_only(black_box(&seed))));
    group.bench_function("stage/seed-without-numerals", |b| b.iter(|| figures_only(black_box(&numberless))));
    group.bench_function("extract/seed", |b| b.iter(|| extractor.extract(black_box(&seed))));
    // Two sizes of the dense text: equal throughput shows the stage is linear in the text.
    for repeat in [50, 200] {
        let text = DENSE.repeat(repeat);
        let dense = article(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("stage/dense-x{repeat}"), |b| b.iter(|| figures_only(black_box(&dense))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
