//! `tupu load FILE|DIR... [--store DIR] [--export DIR]`: extract articles into the store, one
//! named graph and one transaction each, and say what each added.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use tupu_extract::{ArticleOptions, Extractor};
use tupu_graph::{ArticleGraph, ArticleSummary, DotExport, ExportFormat, GraphStore, RdfExport};

use super::{map_ordered, progress, write_output};
use crate::cli::LoadArgs;
use crate::input::{Source, expand};

pub(crate) fn run(args: LoadArgs) -> Result<ExitCode> {
    let sources = expand(&args.paths)?;
    let store_path = &args.store.store;
    let store =
        GraphStore::open(store_path).with_context(|| format!("cannot open the store at {}", store_path.display()))?;
    let options = ArticleOptions::from(args.article);
    let extractor = Extractor::new();
    let bar = progress(sources.len(), "loading");
    let mut stdout = std::io::stdout().lock();
    let mut total = ArticleSummary::default();
    let (mut loaded, mut failed) = (0usize, Vec::new());
    let work = |source: &Source| -> Result<ArticleGraph> {
        let article = source.article(&options)?;
        Ok(ArticleGraph::from_article(&article, &extractor.extract(&article)))
    };
    map_ordered(&sources, work, |i, graph| {
        bar.inc(1);
        let name = sources[i].name();
        match graph {
            Ok(graph) => {
                let added = store.insert_graph(&graph).with_context(|| format!("cannot store {name}"))?;
                bar.suspend(|| writeln!(stdout, "{name}: {}", describe(&added)))?;
                total += added;
                loaded += 1;
            }
            Err(err) => failed.push((name, err)),
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    let counts = store.counts()?;
    writeln!(
        stdout,
        "\nloaded {loaded} article{} into {}: {}",
        plural(loaded),
        store_path.display(),
        describe(&total)
    )?;
    writeln!(
        stdout,
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
    if let Some(dir) = &args.export {
        let turtle = dir.join("tupu.ttl");
        let dot = dir.join("tupu.dot");
        write_output(Some(&turtle), |out| {
            Ok(RdfExport::new(ExportFormat::Turtle).write_store(&store, out).map(drop)?)
        })?;
        write_output(Some(&dot), |out| Ok(DotExport::new().write(&store, out).map(drop)?))?;
        writeln!(stdout, "Turtle: {}", turtle.display())?;
        writeln!(
            stdout,
            "DOT:    {}   (render it: dot -Tsvg {} -o {})",
            dot.display(),
            dot.display(),
            dir.join("tupu.svg").display()
        )?;
    }
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut stderr = std::io::stderr().lock();
    for (name, err) in &failed {
        writeln!(stderr, "error: {name} was not loaded")?;
        for cause in err.chain() {
            writeln!(stderr, "  caused by: {cause}")?;
        }
    }
    writeln!(stderr, "{} of {} articles could not be loaded", failed.len(), sources.len())?;
    Ok(ExitCode::from(2))
}

fn describe(s: &ArticleSummary) -> String {
    format!(
        "{} entities, {} posts, {} events, {} figures, {} statements, {} proposals, {} relations, {} mentions ({} quads)",
        s.entities, s.posts, s.events, s.figures, s.statements, s.proposals, s.relations, s.mentions, s.quads
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
