//! Survey of the name tagger's organisation and place proposals that the extraction does not hold:
//! `cargo run --release -p tupu_extract --example orgloc_survey -- FILE…` prints, per proposal,
//! `file  kind  margin  presence  name  [context]  status`, where status says whether an extracted
//! mention overlaps it (`inside:LABEL`, `overlaps:LABEL`) or nothing does (`free`).

use tupu_extract::lexicon::general::GeneralLexicon;
use tupu_extract::ner::NameTagger;
use tupu_extract::{Article, ArticleOptions, EntityKind, Extractor, Span};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = Extractor::new();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path)?;
        let article = Article::from_bytes(&bytes, ArticleOptions::default())?;
        let text = article.text();
        let chars = text.folded_chars();
        let surface: Vec<char> = text.surface().chars().collect();
        let extraction = extractor.extract(&article);
        let mentions: Vec<(Span, &str, EntityKind)> = extraction
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.label.as_str(), e.kind)))
            .collect();
        let name = path.rsplit('/').next().unwrap_or(&path);
        for c in NameTagger::embedded().tag(chars) {
            if c.kind == EntityKind::Person {
                continue;
            }
            let orig = text.to_original(c.span);
            let status = mentions
                .iter()
                .find(|(m, _, _)| m.start == orig.start && m.end == orig.end)
                .map(|(_, l, k)| format!("same:{k:?}:{l}"))
                .or_else(|| {
                    mentions
                        .iter()
                        .find(|(m, _, _)| m.start <= orig.start && orig.end <= m.end)
                        .map(|(_, l, _)| format!("inside:{l}"))
                })
                .or_else(|| {
                    mentions
                        .iter()
                        .find(|(m, _, _)| m.start < orig.end && orig.start < m.end)
                        .map(|(_, l, _)| format!("overlaps:{l}"))
                })
                .unwrap_or_else(|| "free".to_owned());
            let prefix = mentions
                .iter()
                .filter(|(m, _, _)| m.start == orig.start && m.end < orig.end)
                .max_by_key(|(m, _, _)| m.end)
                .map_or("-".to_owned(), |(m, l, k)| {
                    let rest_covered = mentions.iter().any(|(n, _, _)| n.start < orig.end && m.end < n.end);
                    format!("{k:?}:{l}+{}{}", orig.end - m.end, if rest_covered { ":covered" } else { ":free" })
                });
            let lex = GeneralLexicon::embedded()
                .word_at(chars, c.span)
                .map_or("-".to_owned(), |e| format!("{:?}/{}", e.pos, e.freq));
            let s: String = surface[c.span.start..c.span.end].iter().collect();
            let l = c.span.start.saturating_sub(6);
            let r = (c.span.end + 6).min(surface.len());
            let ctx: String = surface[l..r].iter().collect::<String>().replace('\n', " ");
            #[expect(clippy::print_stdout, reason = "a survey prints")]
            {
                println!(
                    "{name}\t{:?}\t{:.1}\t{:.1}\t{s}\t[{ctx}]\t{status}\t{lex}\t{prefix}",
                    c.kind, c.margin, c.presence
                );
            }
        }
    }
    Ok(())
}
