//! `tupu-train`: trains tupu's name tagger and measures it.
//!
//! - `train` reads annotated corpora (JSON Lines of text and name spans, gzip or not) and writes
//!   the weights file (deterministic: the same corpora and options give the same bytes);
//! - `evaluate` scores a weights file on an annotated corpus (exact spans, per kind);
//! - `real` compares the tagger's names with the gold entities of tupu's evaluation articles;
//! - `show` prints the names it proposes in articles, with their margins.
//!
//! Exit codes: 0 success, 2 any error.

mod corpus;
mod real;
mod score;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use tupu_extract::ner::NameTagger;
use tupu_extract::ner::features::Surnames;
use tupu_extract::ner::train::{Quantisation, Trainer};

use crate::corpus::Annotated;
use crate::score::Scores;

/// Where the weights go and come from, relative to the workspace root.
const WEIGHTS: &str = "crates/tupu_extract/data/ner/tagger.bin";

#[derive(Parser)]
#[command(name = "tupu-train", version, about = "Train and evaluate tupu's name tagger")]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Train the tagger on annotated corpora and write its weights.
    ///
    /// Each line of a corpus is {"text": "…", "spans": [[start, end, "PER"|"LOC"|"ORG"], …]}, spans
    /// in code points, end exclusive (other labels are ignored); `.gz` files are decompressed.
    /// Without files: CORPUS/msra-train.jsonl.gz and CORPUS/cluener-train.jsonl.gz.
    #[command(
        after_help = "Examples (from the workspace root):\n  tupu-train train --corpus ../shared/corpora/ner\n  \
                            tupu-train train crates/tupu_train/data/example-names.jsonl --min-weight 0 -o /tmp/tagger.bin"
    )]
    Train {
        /// Annotated corpora.
        files: Vec<PathBuf>,
        /// Directory of the default corpora.
        #[arg(long, env = "TUPU_NER_CORPUS", default_value = "../shared/corpora/ner")]
        corpus: PathBuf,
        /// Passes over the corpora.
        #[arg(long, default_value_t = 20)]
        epochs: u64,
        /// Seed of the shuffles (one per epoch).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Averaged weights smaller than this are pruned (0 keeps every weight: for small corpora).
        #[arg(long, default_value_t = Quantisation::default().min_weight)]
        min_weight: f64,
        /// Share of weights (by magnitude) that the 8-bit range holds without clipping.
        #[arg(long, default_value_t = Quantisation::default().quantile)]
        quantile: f64,
        /// Hold out every Nth text and report exact-span F1 on them after each epoch (for
        /// choosing options; the weights written are then trained without them).
        #[arg(long)]
        holdout: Option<usize>,
        /// Where to write the weights.
        #[arg(short, long, default_value = WEIGHTS)]
        output: PathBuf,
    },
    /// Score the tagger on an annotated corpus: exact-span precision, recall and F1 per kind.
    #[command(
        after_help = "Examples (from the workspace root):\n  tupu-train evaluate --corpus ../shared/corpora/ner\n  \
                            tupu-train evaluate crates/tupu_train/data/example-names.jsonl"
    )]
    Evaluate {
        /// Annotated corpus (default: CORPUS/msra-test.jsonl.gz).
        file: Option<PathBuf>,
        /// Directory of the default corpus.
        #[arg(long, env = "TUPU_NER_CORPUS", default_value = "../shared/corpora/ner")]
        corpus: PathBuf,
        /// Weights file (default: the ones built into tupu).
        #[arg(long)]
        weights: Option<PathBuf>,
    },
    /// Compare the tagger's names with gold entities: for each FILE.txt, FILE.json beside it (the
    /// format of tupu's evaluation set). Reports, per kind and script, the share of gold
    /// entities found (recall) and of distinct names proposed that are gold names (precision):
    /// for tupu's rules, the tagger, the tagger filtered (person names of 2-4 Chinese characters
    /// with a margin of at least --min-margin), and the rules plus the filtered tagger.
    #[command(after_help = "Example (from the workspace root):\n  tupu-train real ../shared/eval/dev/*.txt")]
    Real {
        /// Article texts, each with its gold JSON beside it.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Weights file (default: the ones built into tupu).
        #[arg(long)]
        weights: Option<PathBuf>,
        /// Smallest margin of the filtered tagger's person names (the "filtered" rows).
        #[arg(long, default_value_t = 20.0)]
        min_margin: f32,
        /// Also list every name missed and every name proposed that is not gold.
        #[arg(long)]
        verbose: bool,
    },
    /// Print the names the tagger proposes in articles: kind, margin, presence, name, context.
    #[command(after_help = "Example (from the workspace root):\n  tupu-train show seeds/*.txt")]
    Show {
        /// Article texts.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Weights file (default: the ones built into tupu).
        #[arg(long)]
        weights: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            writeln!(stderr, "error: {err}").ok();
            for cause in err.chain().skip(1) {
                writeln!(stderr, "  caused by: {cause}").ok();
            }
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<()> {
    match args.command {
        Command::Train { files, corpus, epochs, seed, min_weight, quantile, holdout, output } => {
            let files = if files.is_empty() {
                vec![corpus.join("msra-train.jsonl.gz"), corpus.join("cluener-train.jsonl.gz")]
            } else {
                files
            };
            train(&files, epochs, seed, Quantisation { min_weight, quantile }, holdout, &output)
        }
        Command::Evaluate { file, corpus, weights } => {
            let file = file.unwrap_or_else(|| corpus.join("msra-test.jsonl.gz"));
            let tagger = tagger(weights.as_deref())?;
            let texts = corpus::read(&file)?;
            let start = Instant::now();
            let scores = evaluate(&tagger, &texts);
            say(&format!(
                "{}: {} texts, tagged in {:.2} s\n{scores}",
                file.display(),
                texts.len(),
                start.elapsed().as_secs_f64()
            ))
        }
        Command::Real { files, weights, min_margin, verbose } => {
            real::run(&*tagger(weights.as_deref())?, &files, min_margin, verbose)
        }
        Command::Show { files, weights } => real::show(&*tagger(weights.as_deref())?, &files),
    }
}

fn say(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

fn tagger(weights: Option<&Path>) -> Result<std::borrow::Cow<'static, NameTagger>> {
    Ok(match weights {
        None => std::borrow::Cow::Borrowed(NameTagger::embedded()),
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            std::borrow::Cow::Owned(
                NameTagger::from_bytes(&bytes).with_context(|| format!("cannot load {}", path.display()))?,
            )
        }
    })
}

fn evaluate(tagger: &NameTagger, texts: &[Annotated]) -> Scores {
    let mut scores = Scores::default();
    for t in texts {
        let found: Vec<_> = tagger.tag(&t.folded).iter().map(|c| (c.span.start, c.span.end, c.kind)).collect();
        scores.add(&t.names, &found);
    }
    scores
}

fn train(
    files: &[PathBuf],
    epochs: u64,
    seed: u64,
    quantisation: Quantisation,
    holdout: Option<usize>,
    output: &Path,
) -> Result<()> {
    let started = Instant::now();
    let surnames = Surnames::embedded()?;
    let mut trainer = Trainer::new(surnames.clone());
    let mut held = Vec::new();
    let mut index = 0usize;
    for file in files {
        for text in corpus::read(file)? {
            index += 1;
            if holdout.is_some_and(|n| n > 0 && index.is_multiple_of(n)) {
                held.push(text);
            } else {
                trainer.add(&text.folded, &text.names);
            }
        }
    }
    if trainer.segments() == 0 {
        bail!("no annotated text in {}", files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    let read = started.elapsed();
    let bar = progress(epochs);
    for epoch in 0..epochs {
        let report = trainer.epoch(seed.wrapping_add(epoch));
        bar.inc(1);
        let mut line = format!(
            "epoch {:>2}: {} of {} characters wrong ({:.3} %)",
            epoch + 1,
            report.wrong_tags,
            report.characters,
            100.0 * report.wrong_tags as f64 / report.characters.max(1) as f64
        );
        if !held.is_empty() {
            let tagger = NameTagger::new(&trainer.weights(quantisation), surnames.clone())?;
            let scores = evaluate(&tagger, &held);
            let f1 = |i: usize| scores.by_kind[i].f1();
            line += &format!(
                "; held out F1 {:.4} (person {:.4}, place {:.4}, organisation {:.4})",
                scores.overall().f1(),
                f1(0),
                f1(1),
                f1(2)
            );
        }
        bar.suspend(|| say(&line))?;
    }
    bar.finish_and_clear();
    let weights = trainer.weights(quantisation);
    let bytes = weights.encode();
    write_atomically(output, &bytes)?;
    say(&format!(
        "{} segments read in {:.1} s, trained in {:.1} s; {} characters and {} pairs kept; {} bytes written to {}",
        trainer.segments(),
        read.as_secs_f64(),
        (started.elapsed() - read).as_secs_f64(),
        weights.chars.len(),
        weights.pairs.len(),
        bytes.len(),
        output.display()
    ))
}

/// Writes a file whole or not at all: to a temporary file beside it, then renamed over it.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, bytes).with_context(|| format!("cannot write {}", temporary.display()))?;
    std::fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))
}

/// A progress bar on standard error when it is a terminal.
fn progress(items: u64) -> ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(items);
    if let Ok(style) = ProgressStyle::with_template("training {bar:40} epoch {pos}/{len} {elapsed}") {
        bar.set_style(style);
    }
    bar
}
