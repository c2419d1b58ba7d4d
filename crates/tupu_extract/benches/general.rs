//! The general word lexicon: load time and query cost, per character of the seed article.
//!
//! `cargo bench -p tupu_extract --bench general`. Each query bench asks its question at every
//! position of the seed (about 3,000 characters), so time per iteration / characters = cost of
//! one query; a rule asks at a few positions around each candidate, not at every one.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tupu_extract::lexicon::GeneralLexicon;
use tupu_extract::lexicon::general::{RestRule, trim_name_start};
use tupu_extract::normalize::fold;
use tupu_extract::span::Span;

const SEED: &str = include_str!("../../../seeds/wic-asia-pacific-summit-2025.zh-Hant.txt");
const WORDS: &[u8] = include_bytes!("../data/general/words.fst");
const TAGS: &str = include_str!("../data/general/tags.tsv");

fn load(c: &mut Criterion) {
    c.bench_function("general/load", |b| {
        b.iter(|| GeneralLexicon::from_bytes(Cow::Borrowed(black_box(WORDS)), TAGS).expect("valid"));
    });
}

fn queries(c: &mut Criterion) {
    let lex = GeneralLexicon::embedded();
    let chars: Vec<char> = fold(SEED).chars().collect();
    let mut group = c.benchmark_group("general");
    group.throughput(Throughput::Elements(chars.len() as u64));
    group.bench_function("words_starting_at/every position", |b| {
        b.iter(|| (0..chars.len()).map(|p| lex.words_starting_at(&chars, p).count()).sum::<usize>());
    });
    group.bench_function("words_ending_at/every position", |b| {
        b.iter(|| (0..=chars.len()).map(|p| lex.words_ending_at(&chars, p).count()).sum::<usize>());
    });
    group.bench_function("is_crossed/every position", |b| {
        b.iter(|| (0..=chars.len()).filter(|&p| lex.is_crossed(&chars, p)).count());
    });
    group.bench_function("segment/whole text", |b| b.iter(|| lex.segment(&chars, Span::new(0, chars.len())).len()));
    group.finish();
}

/// Candidate names of the kinds the trim prototype handles, with their ending's length.
const CANDIDATES: &[(&str, usize)] = &[
    ("要充分發揮華潤集團", 2),
    ("今年將大幅減少醫保基金", 2),
    ("一方面中信集团", 2),
    ("金融科技企業瑞豐達有限公司", 4),
    ("創新科技署", 1),
    ("香港生產力促進局", 1),
    ("遭立法會財經事務委員會", 3),
    ("粵港澳大灣區發展研究院", 3),
];

fn trim(c: &mut Criterion) {
    let lex = GeneralLexicon::embedded();
    let candidates: Vec<(Vec<char>, usize)> = CANDIDATES.iter().map(|(t, e)| (fold(t).chars().collect(), *e)).collect();
    let mut group = c.benchmark_group("trim_name_start");
    group.throughput(Throughput::Elements(candidates.len() as u64));
    for (name, rule) in [("must-name", RestRule::MustName), ("any-stem", RestRule::AnyStem)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                candidates
                    .iter()
                    .map(|(chars, ending)| {
                        trim_name_start(lex, chars, Span::new(0, chars.len()), *ending, rule, |w| w == "企业")
                            .span
                            .start
                    })
                    .sum::<usize>()
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = load, queries, trim
}
criterion_main!(benches);
