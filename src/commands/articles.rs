//! `tupu articles [--store DIR] [--format table|tsv|json]`: what the store holds, one article a
//! line: its id, title, publication date and number of quads.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;
use tupu_graph::ArticleInfo;
use tupu_graph::iri::DOC_BASE;
use tupu_query::table::{cut, write_rows};

use super::open_read_only;
use crate::cli::{ArticlesArgs, ListFormat};

pub(crate) fn run(args: ArticlesArgs) -> Result<ExitCode> {
    let store = open_read_only(&args.store.store)?;
    let articles = store.articles()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ListFormat::Json => {
            let list: Vec<_> = articles
                .iter()
                .map(|a| {
                    json!({
                        "id": id(a), "title": a.headline, "published": a.published, "quads": a.quads,
                        "url": a.url, "iri": a.document.as_str(),
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::Value::Array(list))?;
        }
        ListFormat::Tsv => {
            writeln!(out, "id\ttitle\tpublished\tquads")?;
            for a in &articles {
                let title = a.headline.as_deref().unwrap_or("").replace(['\t', '\n', '\r'], " ");
                writeln!(out, "{}\t{title}\t{}\t{}", id(a), a.published.as_deref().unwrap_or(""), a.quads)?;
            }
        }
        ListFormat::Table => {
            let header = ["id", "title", "published", "quads"].map(str::to_owned);
            let rows: Vec<Vec<String>> = articles
                .iter()
                .map(|a| {
                    vec![
                        cut(id(a)),
                        cut(a.headline.as_deref().unwrap_or("")),
                        a.published.clone().unwrap_or_default(),
                        a.quads.to_string(),
                    ]
                })
                .collect();
            write_rows(&header, &rows, "article", &mut out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The article's corpus id, or the hash that ends its IRI (what `tupu remove` takes).
fn id(article: &ArticleInfo) -> &str {
    article
        .id
        .as_deref()
        .unwrap_or_else(|| article.document.as_str().strip_prefix(DOC_BASE).unwrap_or(article.document.as_str()))
}
