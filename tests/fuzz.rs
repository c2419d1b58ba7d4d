//! Property tests over article reading and extraction, with a fixed seed and a fixed number of
//! cases so every CI run tries the same inputs in bounded time (`cargo test` runs them; cargo-fuzz
//! would need a nightly toolchain, which the project's CI does not have).
//!
//! - any bytes, as a file or as a JSON Lines corpus, become an article or a clear error, never a
//!   panic;
//! - any text built from the pieces news is made of (both scripts, numerals, titles, quotes,
//!   punctuation, and hostile characters: NUL, controls, combining marks, astral code points)
//!   extracts without a panic, every span in the extraction lies in the text, and every NIF
//!   phrase of its graph anchors exactly the code points its offsets name.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use tupu_corpus::jsonl::JsonLines;
use tupu_extract::{Article, ArticleOptions, Date, Extractor};
use tupu_graph::ArticleGraph;
use tupu_graph::oxigraph::model::{Literal, Term};
use tupu_graph::vocab::nif;

/// Seed of every run: the same cases each time.
const SEED: [u8; 32] = *b"tupu: the same cases every time.";

fn runner(cases: u32) -> TestRunner {
    let config = Config { cases, failure_persistence: None, max_shrink_iters: 2000, ..Config::default() };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &SEED))
}

/// Pieces articles are made of, and pieces they should not contain.
const PIECES: &[&str] = &[
    "發展局局長",
    "陳大文",
    "表示",
    "，",
    "。",
    "：",
    "「",
    "」",
    "政府",
    "撥款",
    "10億元",
    "超過",
    "約",
    "萬",
    "億",
    "港元",
    "人民幣",
    "%",
    "百分之",
    "第一",
    "一是",
    "二是",
    "三是",
    "提出",
    "兩點建議",
    "昨日",
    "今日",
    "本月",
    "20日",
    "4月15日",
    "2025年",
    "明年",
    "下月",
    "將於",
    "在",
    "香港",
    "深圳",
    "會見",
    "出席",
    "舉行",
    "峰會",
    "財政司司長",
    "副主席",
    "主任",
    "委員會",
    "有限公司",
    "大學",
    "發展",
    "计划",
    "国务院",
    "副市长",
    "王小明",
    "说",
    "人工智能",
    "項目",
    "名",
    "个",
    "宗",
    "次",
    "至",
    "-",
    "—",
    "、",
    "；",
    "？",
    "！",
    "（",
    "）",
    "《",
    "》",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "0",
    "1",
    "2",
    "3",
    "42",
    "１２３",
    "3.5",
    "1,000",
    "一",
    "二",
    "十",
    "百",
    "千",
    "零",
    "兩",
    "半",
    "a",
    "Z",
    "HKD",
    "USD",
    "\u{0}",
    "\u{7}",
    "\u{8}",
    "\u{1b}",
    "\u{85}",
    "\u{200b}",
    "\u{feff}",
    "\u{301}",
    "😀",
    "𠀀",
    "\u{ffff}",
    "\u{10ffff}",
    "\u{d7ff}",
];

/// Text made of `PIECES`, up to `max` of them.
fn article_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..max).prop_map(|pieces| pieces.concat())
}

/// Every `{start, end}` in the extraction's JSON, as (start, end).
fn spans(value: &serde_json::Value, out: &mut Vec<(u64, u64)>) {
    match value {
        serde_json::Value::Object(map) => {
            if let (2, Some(s), Some(e)) =
                (map.len(), map.get("start").and_then(|v| v.as_u64()), map.get("end").and_then(|v| v.as_u64()))
            {
                out.push((s, e));
            }
            map.values().for_each(|v| spans(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

/// Extracts `text` when it is an article, and checks every span and every NIF phrase.
fn check_extraction(extractor: &Extractor, text: &str) -> Result<(), TestCaseError> {
    let options = ArticleOptions { published: Date::new(2025, 4, 15), currency: None };
    let Ok(article) = Article::parse(text, options) else { return Ok(()) };
    let extraction = extractor.extract(&article);
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    spans(&serde_json::to_value(&extraction).map_err(|e| TestCaseError::fail(e.to_string()))?, &mut found);
    for (start, end) in found {
        prop_assert!(start < end && end as usize <= chars.len(), "span {start}..{end} of {} code points", chars.len());
    }
    let graph = ArticleGraph::from_article(&article, &extraction);
    let number = |t: &Term| match t {
        Term::Literal(l) => l.value().parse::<usize>().ok(),
        _ => None,
    };
    for phrase in graph.quads().iter().filter(|q| q.object == Term::from(nif::PHRASE)) {
        let of = |p| {
            graph.quads().iter().find(|q| q.subject == phrase.subject && q.predicate == p).map(|q| q.object.clone())
        };
        let (Some(b), Some(e), Some(Term::Literal(anchor))) =
            (of(nif::BEGIN_INDEX), of(nif::END_INDEX), of(nif::ANCHOR_OF))
        else {
            return Err(TestCaseError::fail(format!("{} lacks offsets or anchor", phrase.subject)));
        };
        let (b, e) = (number(&b).unwrap_or(usize::MAX), number(&e).unwrap_or(usize::MAX));
        prop_assert!(b < e && e <= chars.len());
        let slice: String = chars[b..e].iter().collect();
        prop_assert_eq!(anchor, Literal::new_simple_literal(slice));
    }
    Ok(())
}

#[test]
fn any_bytes_are_an_article_or_an_error() {
    let extractor = Extractor::new();
    let bytes = prop::collection::vec(any::<u8>(), 0..600);
    runner(3000)
        .run(&bytes, |bytes| {
            if let Ok(text) = tupu_corpus::text::decode(bytes) {
                check_extraction(&extractor, &text)?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn any_json_lines_are_records_or_errors() {
    let line = prop_oneof![
        article_text(30).prop_map(|t| serde_json::json!({ "text": t, "id": "x" }).to_string()),
        article_text(10).prop_map(|t| format!("{{\"text\": {t:?}, \"published\": \"2025-4-1\"}}")),
        prop::collection::vec(any::<u8>(), 0..200).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        Just("{\"text\": null}".to_owned()),
        Just("[1, 2]".to_owned()),
    ];
    let corpus = prop::collection::vec(line, 0..8).prop_map(|lines| lines.join("\n"));
    let extractor = Extractor::new();
    runner(1000)
        .run(&corpus, |corpus| {
            let records: Vec<_> = JsonLines::new(corpus.as_bytes(), "fuzz.jsonl").collect();
            prop_assert!(records.len() <= corpus.lines().count());
            for record in records {
                if let Ok((article, _)) = record.into_article(&ArticleOptions::default()) {
                    check_extraction(&extractor, article.text().original())?;
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn news_like_text_extracts_with_valid_offsets() {
    let extractor = Extractor::new();
    runner(1500).run(&article_text(120), |text| check_extraction(&extractor, &text)).unwrap();
}
