//! Measures what the prototype [`trim_name_start`] would do to the names tupu finds today: how
//! often it fires, for which kind of leading word, and — where a gold file sits next to the
//! text (`X.txt` + `X.json`, or `X.json` in the parent directory; the evaluation's gold format)
//! — whether the trimmed name is the gold name.
//!
//! `cargo run --release -p tupu_extract --example trim_survey -- [--show N] FILE.txt…`
//!
//! A candidate is every mention of an organisation, place, event or initiative whose name ends
//! with one of `suffixes.tsv`'s endings and is not a known name (the names found by their
//! ending). Both policies of [`RestRule`] are counted, and [`fused_ending`]. With `--show N` it
//! prints up to N firings (to standard output, for reading; nothing here is stored).

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use tupu_extract::lexicon::general::{GeneralLexicon, RestRule, TrimReason, fused_ending, trim_name_start};
use tupu_extract::normalize::fold;
use tupu_extract::{Article, ArticleOptions, EntityKind, Extractor, Lexicons};

/// What one policy did.
#[derive(Default)]
struct Tally {
    fired: BTreeMap<String, usize>,
    right: BTreeMap<String, usize>,
    wrong: BTreeMap<String, usize>,
    neither: BTreeMap<String, usize>,
    time: Duration,
}

impl Tally {
    fn total(map: &BTreeMap<String, usize>) -> usize {
        map.values().sum()
    }
}

#[expect(clippy::print_stdout, reason = "a survey prints its counts")]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show = match args.iter().position(|a| a == "--show") {
        Some(i) => {
            let n = args.get(i + 1).and_then(|n| n.parse().ok()).ok_or("--show N")?;
            args.drain(i..i + 2);
            n
        }
        None => 0,
    };
    let lexicons = Lexicons::embedded();
    let general = GeneralLexicon::embedded();
    let extractor = Extractor::new();
    let mut endings: Vec<(String, EntityKind)> = lexicons.suffixes.iter().map(|s| (s.folded.clone(), s.kind)).collect();
    endings.sort_by_key(|(e, _)| std::cmp::Reverse(e.chars().count()));
    let type_nouns: BTreeSet<String> =
        lexicons.suffixes.iter().filter(|s| s.kind == EntityKind::Organization).map(|s| s.folded.clone()).collect();
    let policies = [("must-name", RestRule::MustName), ("any-stem", RestRule::AnyStem)];
    let mut tallies: Vec<Tally> = policies.iter().map(|_| Tally::default()).collect();
    let (mut candidates, mut bytes, mut extract_time, mut shown) = (0, 0, Duration::ZERO, 0);
    let mut fused: BTreeMap<&str, usize> = BTreeMap::new();
    for path in &args {
        let text = std::fs::read_to_string(path)?;
        let gold_path = std::path::Path::new(path).with_extension("json");
        let parent_gold = gold_path.parent().and_then(|d| Some(d.parent()?.join(gold_path.file_name()?)));
        let gold_text =
            std::fs::read_to_string(&gold_path).or_else(|e| parent_gold.map_or(Err(e), std::fs::read_to_string));
        let gold: Option<BTreeSet<String>> = gold_text.ok().and_then(|g| {
            let g: serde_json::Value = serde_json::from_str(&g).ok()?;
            Some(
                g["entities"]
                    .as_array()?
                    .iter()
                    .flat_map(|e| e["names"].as_array().into_iter().flatten())
                    .filter_map(|n| n.as_str().map(fold))
                    .collect(),
            )
        });
        let start = Instant::now();
        let article = Article::parse(&text, ArticleOptions::default())?;
        let extraction = extractor.extract(&article);
        extract_time += start.elapsed();
        bytes += text.len();
        let chars: Vec<char> = fold(&text).chars().collect();
        let mut seen = BTreeSet::new();
        for entity in extraction.entities.iter().filter(|e| e.kind != EntityKind::Person) {
            for &span in &entity.mentions {
                let name: String = chars[span.start..span.end].iter().collect();
                let Some((ending, _)) = endings.iter().find(|(e, _)| name.ends_with(e.as_str())) else {
                    continue;
                };
                // A known name is the lexicon's, never trimmed; only names found by pattern are.
                if !seen.insert(span) || !lexicons.known_named(&name).is_empty() {
                    continue;
                }
                candidates += 1;
                let is_ending = |w: &str| endings.iter().any(|(e, _)| e == w);
                if let Some(stem) = fused_ending(general, &chars, span, ending.chars().count(), is_ending) {
                    let kept: String = chars[stem.start..stem.end].iter().collect();
                    let verdict = gold.as_ref().map(|gold| match (gold.contains(&kept), gold.contains(&name)) {
                        (true, false) => "right",
                        (false, true) => "wrong",
                        _ => "neither",
                    });
                    *fused.entry(verdict.unwrap_or("no gold")).or_default() += 1;
                    if shown < show {
                        shown += 1;
                        println!("fused\t{name}\t→ {kept}\t{}", verdict.unwrap_or("-"));
                    }
                }
                for ((policy, rule), tally) in policies.iter().zip(&mut tallies) {
                    let start = Instant::now();
                    let trim = trim_name_start(general, &chars, span, ending.chars().count(), *rule, |w| {
                        type_nouns.contains(w)
                    });
                    tally.time += start.elapsed();
                    if trim.dropped.is_empty() {
                        continue;
                    }
                    let trimmed: String = chars[trim.span.start..trim.span.end].iter().collect();
                    let kind = trim
                        .dropped
                        .iter()
                        .map(|(_, r)| match r {
                            TrimReason::CannotBegin(pos) => pos.name().to_owned(),
                            TrimReason::Descriptor => "descriptor".to_owned(),
                        })
                        .collect::<Vec<_>>()
                        .join("+");
                    *tally.fired.entry(kind.clone()).or_default() += 1;
                    let verdict = gold.as_ref().map(|gold| match (gold.contains(&trimmed), gold.contains(&name)) {
                        (true, false) => "right",
                        (false, true) => "wrong",
                        _ => "neither",
                    });
                    match verdict {
                        Some("right") => *tally.right.entry(kind.clone()).or_default() += 1,
                        Some("wrong") => *tally.wrong.entry(kind.clone()).or_default() += 1,
                        Some(_) => *tally.neither.entry(kind.clone()).or_default() += 1,
                        None => {}
                    }
                    if shown < show {
                        shown += 1;
                        println!("{policy}\t{kind}\t{name}\t→ {trimmed}\t{}", verdict.unwrap_or("-"));
                    }
                }
            }
        }
    }
    println!(
        "{} articles, {bytes} bytes, {candidates} candidates ({:.0} per MB); extraction {:.1} ms",
        args.len(),
        candidates as f64 / bytes as f64 * 1e6,
        extract_time.as_secs_f64() * 1e3,
    );
    println!("fused endings: {fused:?}");
    for ((policy, _), tally) in policies.iter().zip(&tallies) {
        println!(
            "{policy}: fired {} {:?}; trimming {:.2} ms ({:.1} µs a candidate)",
            Tally::total(&tally.fired),
            tally.fired,
            tally.time.as_secs_f64() * 1e3,
            tally.time.as_secs_f64() * 1e6 / candidates.max(1) as f64
        );
        println!(
            "  against gold: right {} {:?}, wrong {} {:?}, neither {}",
            Tally::total(&tally.right),
            tally.right,
            Tally::total(&tally.wrong),
            tally.wrong,
            Tally::total(&tally.neither)
        );
    }
    Ok(())
}
