//! `tupu extract FILE... [-o OUT] [--format …]`: articles to RDF (or to the readable rendering)
//! without a store.

use std::process::ExitCode;

use anyhow::{Result, bail};
use tupu_extract::{ArticleOptions, Extractor};
use tupu_graph::oxigraph::model::Quad;
use tupu_graph::{ArticleGraph, ExportFormat, RdfExport};

use super::{format_of, map_ordered, progress, write_output};
use crate::cli::ExtractArgs;
use crate::input::Source;

/// What one article becomes, made on a worker thread.
enum Piece {
    /// Quads to sort with every other article's (Turtle, TriG).
    Quads(Vec<Quad>),
    /// Bytes ready to write (N-Triples, N-Quads, text).
    Bytes(Vec<u8>),
}

pub(crate) fn run(args: ExtractArgs) -> Result<ExitCode> {
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
    let options = ArticleOptions::from(args.article);
    let sources: Vec<Source> = args.files.iter().map(|p| Source::from_arg(p)).collect();
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        bail!("standard input (`-`) can be read only once");
    }
    let extractor = Extractor::new();
    let many = sources.len() > 1;
    let bar = progress(sources.len(), "extracting");
    let work = |source: &Source| -> Result<Piece> {
        let article = source.article(&options)?;
        let extraction = extractor.extract(&article);
        let original = article.text().original();
        let Some(rdf) = format else {
            let mut text = if many { format!("# {}\n", source.name()) } else { String::new() };
            text.push_str(&extraction.render(original));
            return Ok(Piece::Bytes(text.into_bytes()));
        };
        let quads = ArticleGraph::new(original, &extraction).into_quads();
        Ok(if sorted { Piece::Quads(quads) } else { Piece::Bytes(RdfExport::new(rdf).write_quads(quads, Vec::new())?) })
    };
    write_output(args.output.as_deref(), |out| {
        let mut quads = Vec::new();
        map_ordered(&sources, work, |_, piece| {
            bar.inc(1);
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
