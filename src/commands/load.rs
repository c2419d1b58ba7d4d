//! `tupu load PATH... [--store DIR] [--export DIR] [--quiet] [--json]`: extract a corpus into the
//! store on all cores, one named graph and one transaction per article, and say what was added.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use serde_json::json;
use tupu_extract::Extractor;
use tupu_graph::{ArticleGraph, ArticleSummary, DotExport, ExportFormat, GraphStore, RdfExport, StoreCounts};

use super::{open_writable, progress, write_output};
use crate::cli::LoadArgs;
use crate::input::{Input, article};
use crate::parallel::{map_ordered, threads};

/// Errors listed in `--json` output; past this many only the count grows.
const MAX_LISTED_ERRORS: usize = 1000;

/// One article, read and mapped on a worker.
struct Mapped {
    origin: String,
    consumed: u64,
    graph: Result<(ArticleGraph, usize)>,
}

/// What a load did.
#[derive(Default)]
struct Tally {
    loaded: usize,
    failed: usize,
    errors: Vec<(String, String)>,
    added: ArticleSummary,
    text_bytes: usize,
}

pub(crate) fn run(args: LoadArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let input = Input::open(args.input)?;
    let store_path = &args.store.store;
    let store = open_writable(store_path)?;
    let (quiet, json) = (args.quiet, args.json);
    let lines = !(quiet || json);
    let bar = progress(input.corpus.input_bytes(), "loading", quiet || json);
    let extractor = Extractor::new();
    let options = &input.options;
    let work = |record: tupu_corpus::Record| Mapped {
        origin: record.origin.clone(),
        consumed: record.consumed,
        graph: article(record, options).map(|(article, provenance)| {
            let graph = ArticleGraph::from_article(&article, &extractor.extract(&article)).with_provenance(&provenance);
            (graph, article.text().original().len())
        }),
    };
    let mut tally = Tally::default();
    let mut stdout = std::io::stdout().lock();
    let mut loader = store.loader();
    map_ordered(input.corpus.records(), threads(), work, |mapped| {
        bar.set_position(mapped.consumed);
        match mapped.graph {
            Ok((graph, bytes)) => {
                let added = loader.add(&graph).with_context(|| format!("cannot store {}", mapped.origin))?;
                if lines {
                    bar.suspend(|| writeln!(stdout, "{}: {}", mapped.origin, describe(&added)))?;
                }
                tally.added += added;
                tally.loaded += 1;
                tally.text_bytes += bytes;
                bar.set_message(format!("{} articles", tally.loaded));
            }
            Err(err) => {
                tally.failed += 1;
                bar.suspend(|| report_failure(&mapped.origin, &err));
                if tally.errors.len() < MAX_LISTED_ERRORS {
                    tally.errors.push((mapped.origin, format!("{err:#}")));
                }
            }
        }
        Ok(())
    })?;
    bar.set_message("compacting the store");
    loader.finish().with_context(|| format!("cannot finish writing the store at {}", store_path.display()))?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let counts = store.counts()?;
    if json {
        writeln!(stdout, "{}", summary_json(&tally, &counts, store_path, seconds))?;
    } else {
        write_summary(&mut stdout, &tally, &counts, store_path, seconds)?;
    }
    if let Some(dir) = &args.export {
        export(&store, dir, &mut stdout, json)?;
    }
    if tally.failed == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    let mut stderr = std::io::stderr().lock();
    let total = tally.failed + tally.loaded;
    writeln!(stderr, "{} of {total} article{} could not be loaded", tally.failed, plural(total))?;
    Ok(ExitCode::from(2))
}

/// `error: X was not loaded` and its causes, on standard error, as it happens.
fn report_failure(origin: &str, err: &anyhow::Error) {
    let mut stderr = std::io::stderr().lock();
    writeln!(stderr, "error: {origin} was not loaded").ok();
    for cause in err.chain() {
        writeln!(stderr, "  caused by: {cause}").ok();
    }
}

fn write_summary(
    out: &mut impl Write,
    tally: &Tally,
    counts: &StoreCounts,
    store: &std::path::Path,
    seconds: f64,
) -> Result<()> {
    writeln!(
        out,
        "\nloaded {} article{} into {} in {seconds:.1} s ({} of text, {:.2} MB/s): {}",
        tally.loaded,
        plural(tally.loaded),
        store.display(),
        size(tally.text_bytes),
        tally.text_bytes as f64 / 1e6 / seconds.max(1e-9),
        describe(&tally.added)
    )?;
    if tally.failed > 0 {
        writeln!(out, "{} article{} could not be loaded (see the errors above)", tally.failed, plural(tally.failed))?;
    }
    writeln!(
        out,
        "the store holds {} article{}: {} people, {} organisations, {} places, {} events, {} initiatives, {} posts, {} figures, {} statements ({} proposals), {} relations; {} quads",
        counts.articles,
        plural(counts.articles),
        counts.people,
        counts.organizations,
        counts.places,
        counts.events,
        counts.initiatives,
        counts.posts,
        counts.figures,
        counts.statements,
        counts.proposals,
        counts.relations,
        counts.quads
    )?;
    Ok(())
}

fn summary_json(tally: &Tally, counts: &StoreCounts, store: &std::path::Path, seconds: f64) -> serde_json::Value {
    let a = &tally.added;
    let errors: Vec<_> =
        tally.errors.iter().map(|(source, error)| json!({ "source": source, "error": error })).collect();
    json!({
        "store": store.display().to_string(),
        "articles": tally.loaded,
        "failed": tally.failed,
        "errors": errors,
        "entities": a.entities,
        "posts": a.posts,
        "events": a.events,
        "figures": a.figures,
        "statements": a.statements,
        "proposals": a.proposals,
        "relations": a.relations,
        "mentions": a.mentions,
        "quads": a.quads,
        "text_bytes": tally.text_bytes,
        "seconds": (seconds * 1000.0).round() / 1000.0,
        "mb_per_second": ((tally.text_bytes as f64 / 1e6 / seconds.max(1e-9)) * 1000.0).round() / 1000.0,
        "store_holds": {
            "articles": counts.articles,
            "quads": counts.quads,
            "people": counts.people,
            "organisations": counts.organizations,
            "places": counts.places,
            "events": counts.events,
            "initiatives": counts.initiatives,
            "posts": counts.posts,
            "figures": counts.figures,
            "statements": counts.statements,
            "proposals": counts.proposals,
            "relations": counts.relations,
        },
    })
}

fn export(store: &GraphStore, dir: &std::path::Path, out: &mut impl Write, json: bool) -> Result<()> {
    let turtle = dir.join("tupu.ttl");
    let dot = dir.join("tupu.dot");
    write_output(Some(&turtle), |w| Ok(RdfExport::new(ExportFormat::Turtle).write_store(store, w).map(drop)?))?;
    write_output(Some(&dot), |w| Ok(DotExport::new().write(store, w).map(drop)?))?;
    if !json {
        writeln!(out, "Turtle: {}", turtle.display())?;
        writeln!(
            out,
            "DOT:    {}   (render it: dot -Tsvg {} -o {})",
            dot.display(),
            dot.display(),
            dir.join("tupu.svg").display()
        )?;
    }
    Ok(())
}

fn describe(s: &ArticleSummary) -> String {
    format!(
        "{} entities, {} posts, {} events, {} figures, {} statements, {} proposals, {} relations, {} mentions ({} quads)",
        s.entities, s.posts, s.events, s.figures, s.statements, s.proposals, s.relations, s.mentions, s.quads
    )
}

/// Bytes in the unit that reads best: `866 bytes`, `12.3 kB`, `9.07 MB`.
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.2} MB", bytes as f64 / 1e6),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
