//! `tupu extract PATH... [-o OUT] [--format …]`: articles to RDF (or to the readable rendering)
//! without a store, on all cores.
//!
//! N-Triples, N-Quads and the text rendering stream: each article is written as soon as it and
//! those before it are done, so memory stays flat whatever the corpus. Turtle and TriG are sorted
//! and deduplicated over the whole corpus, so they hold all of its quads until the end.

use std::process::ExitCode;

use anyhow::{Result, bail};
use tupu_corpus::Record;
use tupu_extract::Extractor;
use tupu_graph::oxigraph::model::Quad;
use tupu_graph::{ArticleGraph, ExportFormat, RdfExport};

use super::{format_of, progress, refuse_directory, write_output};
use crate::cli::ExtractArgs;
use crate::input::{Input, article};
use crate::parallel::{map_ordered, threads};

/// What one article becomes, made on a worker thread.
enum Piece {
    /// Quads to sort with every other article's (Turtle, TriG).
    Quads(Vec<Quad>),
    /// Bytes ready to write (N-Triples, N-Quads, text).
    Bytes(Vec<u8>),
}

pub(crate) fn run(args: ExtractArgs) -> Result<ExitCode> {
    refuse_directory(args.output.as_deref())?;
    // The RDF format, or None for the readable text.
    let format: Option<ExportFormat> = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f.rdf(),
        (None, None) => Some(ExportFormat::Turtle),
        (None, Some(out)) => match format_of(out) {
            Some(f) => Some(f),
            None if out.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) => None,
            None => bail!(
                "cannot tell the output format from {}; use --format turtle|trig|nquads|ntriples|text or an extension .ttl .trig .nq .nt .txt",
                out.display()
            ),
        },
    };
    // Turtle, TriG and JSON-LD (one JSON document) sort and deduplicate the whole corpus; the line
    // formats stream.
    let sorted = matches!(format, Some(ExportFormat::Turtle | ExportFormat::TriG | ExportFormat::JsonLd));
    let input = Input::open(args.input)?;
    let extractor = Extractor::new();
    let many = input.corpus.sources().len() > 1
        || input.corpus.sources().iter().any(|s| matches!(s, tupu_corpus::Source::JsonLines(_)));
    let bar = progress(input.corpus.input_bytes(), "extracting", false);
    let options = &input.options;
    let work = |record: Record| -> (u64, Result<Piece>) {
        let consumed = record.consumed;
        let origin = record.origin.clone();
        let piece = article(record, options).and_then(|(article, provenance)| {
            let extraction = extractor.extract(&article);
            let original = article.text().original();
            let Some(rdf) = format else {
                let mut text = if many { format!("# {origin}\n") } else { String::new() };
                text.push_str(&extraction.render(original));
                return Ok(Piece::Bytes(text.into_bytes()));
            };
            let graph = ArticleGraph::from_article(&article, &extraction).with_provenance(&provenance);
            Ok(if sorted {
                Piece::Quads(graph.into_quads())
            } else {
                // About 170 bytes a line: one allocation instead of a dozen doublings.
                let bytes = Vec::with_capacity(graph.summary().quads * 192);
                Piece::Bytes(RdfExport::new(rdf).write_graph(&graph, bytes)?)
            })
        });
        (consumed, piece)
    };
    write_output(args.output.as_deref(), |out| {
        let mut quads = Vec::new();
        map_ordered(input.corpus.records(), threads(), work, |(consumed, piece)| {
            bar.set_position(consumed);
            match piece? {
                Piece::Quads(q) => quads.extend(q),
                Piece::Bytes(b) => out.write_all(&b)?,
            }
            Ok(())
        })?;
        if let Some(rdf) = format.filter(|_| sorted) {
            RdfExport::new(rdf).write_quads(quads, &mut *out)?;
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok(ExitCode::SUCCESS)
}
