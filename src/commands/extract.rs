//! `tupu extract FILE... [-o OUT] [--format …]`: articles to RDF (or to the readable rendering)
//! without a store.

use std::process::ExitCode;

use anyhow::{Result, bail};
use tupu_extract::{ArticleOptions, Extractor};
use tupu_graph::oxigraph::model::Quad;
use tupu_graph::{ArticleGraph, ExportFormat, RdfExport};

use super::{format_of, map_ordered, progress, write_output};
use crate::cli::{ExtractArgs, ExtractFormat};
use crate::input::Source;

/// What one article becomes, made on a worker thread.
enum Piece {
    /// Quads to sort with every other article's (Turtle, TriG).
    Quads(Vec<Quad>),
    /// Bytes ready to write (N-Triples, N-Quads, text).
    Bytes(Vec<u8>),
}

pub(crate) fn run(args: ExtractArgs) -> Result<ExitCode> {
    let format = match (args.format, args.output.as_deref()) {
        (Some(f), _) => f,
        (None, None) => ExtractFormat::Turtle,
        (None, Some(out)) => match format_of(out) {
            Some(f) => from_export(f),
            None if out.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) => ExtractFormat::Text,
            None => bail!(
                "cannot tell the output format from {}; use --format turtle|trig|nquads|ntriples|text or an extension .ttl .trig .nq .nt .txt",
                out.display()
            ),
        },
    };
    let options = ArticleOptions { published: args.article.published, currency: args.article.currency };
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
        Ok(match format {
            ExtractFormat::Text => {
                let mut text = if many { format!("# {}\n", source.name()) } else { String::new() };
                text.push_str(&extraction.render(original));
                Piece::Bytes(text.into_bytes())
            }
            ExtractFormat::Turtle | ExtractFormat::Trig => {
                Piece::Quads(ArticleGraph::new(original, &extraction).into_quads())
            }
            ExtractFormat::Nquads | ExtractFormat::Ntriples => {
                let export = RdfExport::new(to_export(format));
                Piece::Bytes(export.write_quads(ArticleGraph::new(original, &extraction).into_quads(), Vec::new())?)
            }
        })
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
        if matches!(format, ExtractFormat::Turtle | ExtractFormat::Trig) {
            RdfExport::new(to_export(format)).write_quads(quads, &mut *out)?;
        }
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok(ExitCode::SUCCESS)
}

fn from_export(f: ExportFormat) -> ExtractFormat {
    match f {
        ExportFormat::Turtle => ExtractFormat::Turtle,
        ExportFormat::TriG => ExtractFormat::Trig,
        ExportFormat::NQuads => ExtractFormat::Nquads,
        ExportFormat::NTriples => ExtractFormat::Ntriples,
    }
}

fn to_export(f: ExtractFormat) -> ExportFormat {
    match f {
        ExtractFormat::Trig => ExportFormat::TriG,
        ExtractFormat::Nquads => ExportFormat::NQuads,
        ExtractFormat::Ntriples => ExportFormat::NTriples,
        ExtractFormat::Turtle | ExtractFormat::Text => ExportFormat::Turtle,
    }
}
