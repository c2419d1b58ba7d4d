//! The tagger on whole articles: against the gold entities of tupu's evaluation set, and as a
//! listing for reading its errors.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;
use tupu_extract::ner::features::{CharType, char_type};
use tupu_extract::ner::{NameCandidate, NameTagger};
use tupu_extract::{Article, ArticleOptions, EntityKind, Extractor};

use crate::say;
use crate::score::KINDS;

#[derive(Deserialize)]
struct Gold {
    script: String,
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    types: Vec<String>,
    names: Vec<String>,
    #[serde(default)]
    optional: bool,
}

impl GoldEntity {
    fn is(&self, kind: EntityKind) -> bool {
        let name = match kind {
            EntityKind::Person => "Person",
            EntityKind::Place => "Place",
            EntityKind::Organization => "Organization",
            EntityKind::Event => "Event",
            EntityKind::Initiative => "Initiative",
        };
        self.types.iter().any(|t| t == name)
    }
}

/// Who proposes names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    /// tupu's rules and lexicons (the extractor as it is).
    Rules,
    /// The tagger, every candidate.
    Tagger,
    /// The tagger, only person names of two to four Chinese characters with at least the
    /// minimum margin.
    Filtered,
    /// The rules, plus the filtered tagger's names.
    RulesAndFiltered,
}

const SOURCES: [Source; 4] = [Source::Rules, Source::Tagger, Source::Filtered, Source::RulesAndFiltered];

impl Source {
    fn label(self) -> &'static str {
        match self {
            Source::Rules => "rules",
            Source::Tagger => "tagger",
            Source::Filtered => "tagger, filtered",
            Source::RulesAndFiltered => "rules + filtered",
        }
    }
}

/// Whether a candidate passes the filter the `Filtered` rows measure.
fn passes(c: &NameCandidate, folded: &[char], min_margin: f32) -> bool {
    c.kind == EntityKind::Person
        && (2..=4).contains(&c.span.len())
        && folded[c.span.start..c.span.end].iter().all(|&ch| char_type(ch) == CharType::Han)
        && c.margin >= min_margin
}

/// Gold entities found and names proposed, right or wrong.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    gold: usize,
    found: usize,
    right: usize,
    wrong: usize,
}

/// Scores the tagger (alone, filtered, and with the rules) on articles with gold beside them.
pub(crate) fn run(tagger: &NameTagger, files: &[PathBuf], min_margin: f32, verbose: bool) -> Result<()> {
    let extractor = Extractor::new();
    // (script, source, kind) → tally
    let mut tallies: BTreeMap<(String, Source, usize), Tally> = BTreeMap::new();
    let mut details = String::new();
    for file in files {
        let (article, gold) = read(file)?;
        let candidates = tagger.tag(article.text().folded_chars());
        let extraction = extractor.extract(&article);
        for (k, &kind) in KINDS.iter().enumerate() {
            let tagged = |keep: &dyn Fn(&NameCandidate) -> bool| -> BTreeSet<String> {
                candidates
                    .iter()
                    .filter(|c| c.kind == kind && keep(c))
                    .map(|c| article.text().slice(c.span).to_owned())
                    .collect()
            };
            let rules: BTreeSet<String> = extraction
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .flat_map(|e| std::iter::once(e.label.clone()).chain(e.aliases.iter().cloned()))
                .collect();
            let all = tagged(&|_| true);
            let filtered = tagged(&|c| passes(c, article.text().folded_chars(), min_margin));
            let names_of = |optional: bool| -> BTreeSet<&str> {
                gold.entities
                    .iter()
                    .filter(|e| e.is(kind) && e.optional == optional)
                    .flat_map(|e| e.names.iter().map(String::as_str))
                    .collect()
            };
            let (required, optional) = (names_of(false), names_of(true));
            for source in SOURCES {
                let names: BTreeSet<String> = match source {
                    Source::Rules => rules.clone(),
                    Source::Tagger => all.clone(),
                    Source::Filtered => filtered.clone(),
                    Source::RulesAndFiltered => rules.union(&filtered).cloned().collect(),
                };
                let t = tallies.entry((gold.script.clone(), source, k)).or_default();
                for e in gold.entities.iter().filter(|e| e.is(kind) && !e.optional) {
                    t.gold += 1;
                    if e.names.iter().any(|n| names.contains(n)) {
                        t.found += 1;
                    } else if verbose && source == Source::RulesAndFiltered {
                        let _ =
                            writeln!(details, "{}\tmissed {}\t{}", file.display(), kind.slug(), e.names.join(" | "));
                    }
                }
                for n in &names {
                    if required.contains(n.as_str()) {
                        t.right += 1;
                    } else if !optional.contains(n.as_str()) {
                        t.wrong += 1;
                        if verbose && source == Source::Tagger {
                            let _ = writeln!(details, "{}\twrong {}\t{n}", file.display(), kind.slug());
                        }
                    }
                }
            }
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<8} {:<13} {:<17} {:>5} {:>5} {:>7} {:>6} {:>6} {:>9}",
        "script", "kind", "source", "gold", "found", "recall", "right", "wrong", "precision"
    );
    let scripts: BTreeSet<String> = tallies.keys().map(|(s, _, _)| s.clone()).collect();
    for script in scripts {
        for (k, kind) in KINDS.iter().enumerate() {
            for source in SOURCES {
                let t = tallies.get(&(script.clone(), source, k)).copied().unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{script:<8} {:<13} {:<17} {:>5} {:>5} {:>7.3} {:>6} {:>6} {:>9.3}",
                    kind.slug(),
                    source.label(),
                    t.gold,
                    t.found,
                    ratio(t.found, t.gold),
                    t.right,
                    t.wrong,
                    ratio(t.right, t.right + t.wrong)
                );
            }
        }
    }
    if verbose {
        out.push('\n');
        out.push_str(&details);
    }
    say(out.trim_end())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn read(file: &Path) -> Result<(Article, Gold)> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let article =
        Article::parse(&text, ArticleOptions::default()).with_context(|| format!("cannot parse {}", file.display()))?;
    let gold_path = file.with_extension("json");
    let gold = std::fs::read_to_string(&gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
    let gold: Gold = serde_json::from_str(&gold).with_context(|| format!("cannot parse {}", gold_path.display()))?;
    Ok((article, gold))
}

/// Lists the names proposed in articles: file, kind, margin, presence, name, context.
pub(crate) fn show(tagger: &NameTagger, files: &[PathBuf]) -> Result<()> {
    let mut out = String::new();
    for file in files {
        let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
        let article = Article::parse(&text, ArticleOptions::default())
            .with_context(|| format!("cannot parse {}", file.display()))?;
        let chars: Vec<char> = article.text().surface().chars().collect();
        for c in tagger.tag(article.text().folded_chars()) {
            let context =
                |from: usize, to: usize| -> String { chars[from..to].iter().filter(|c| !c.is_whitespace()).collect() };
            let _ = writeln!(
                out,
                "{}\t{}\t{:.1}\t{:.1}\t{}\t{}[{}]{}",
                file.display(),
                c.kind.slug(),
                c.margin,
                c.presence,
                article.text().slice(c.span),
                context(c.span.start.saturating_sub(6), c.span.start),
                article.text().slice(c.span),
                context(c.span.end, (c.span.end + 6).min(chars.len()))
            );
        }
    }
    say(out.trim_end())
}
