#![doc = include_str!("../README.md")]

mod analysis;
pub mod article;
pub mod date;
pub mod decimal;
mod entities;
mod event;
mod figure;
pub mod lexicon;
pub mod model;
pub mod normalize;
mod proposal;
mod recognize;
mod relation;
mod render;
mod resolve;
pub mod span;
mod statement;
pub mod text;

use std::collections::HashMap;

pub use article::{Article, ArticleError, ArticleOptions, Region, Script};
pub use date::{Date, PartialDate};
pub use decimal::Decimal;
pub use lexicon::{LexiconError, Lexicons};
pub use model::*;
pub use span::Span;

use analysis::{Analysis, Stage};

/// The pipeline, in order. Adding a stage is one module and one line here.
pub(crate) const PIPELINE: &[&dyn Stage] = &[
    &recognize::KnownNames,
    &recognize::PatternNames,
    &resolve::Abbreviations,
    &recognize::People,
    &resolve::Coreference,
    &event::EventDetailsStage,
    &figure::Figures,
    &statement::Statements,
    &proposal::Proposals,
    &relation::Relations,
];

/// Extracts entities, figures, statements and relations from articles.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'l> {
    lexicons: &'l Lexicons,
}

impl Default for Extractor<'static> {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor<'static> {
    /// An extractor with the embedded lexicons.
    #[must_use]
    pub fn new() -> Self {
        Self { lexicons: Lexicons::embedded() }
    }
}

impl<'l> Extractor<'l> {
    /// An extractor with other lexicons (see [`Lexicons::from_dir`]).
    #[must_use]
    pub fn with_lexicons(lexicons: &'l Lexicons) -> Self {
        Self { lexicons }
    }

    /// Runs the whole pipeline on one article. Spans in the result count code points of the
    /// original text.
    #[must_use]
    pub fn extract(&self, article: &Article) -> Extraction {
        let mut analysis = Analysis::new(article, self.lexicons);
        for stage in PIPELINE {
            stage.run(&mut analysis);
        }
        finish(analysis)
    }
}

/// Builds the output: live entities renumbered by first mention, every id remapped, every span
/// mapped to the original text.
pub(crate) fn finish(a: Analysis<'_>) -> Extraction {
    let text = a.article.text();
    let (mut entities, index) = a.entities.finish(a.article.script() == Script::Simplified);
    let map = |id: EntityId| index.get(&a.entities.resolve(id)).copied();
    let orig = |s: Span| text.to_original(s);
    for e in &mut entities {
        for m in &mut e.mentions {
            *m = orig(*m);
        }
    }
    let mut posts: Vec<Post> = a
        .posts
        .iter()
        .filter_map(|p| {
            Some(Post { holder: map(p.holder)?, title: p.title.clone(), org: p.org.and_then(map), span: orig(p.span) })
        })
        .collect();
    posts.sort_by(|x, y| (x.holder, &x.title, x.org).cmp(&(y.holder, &y.title, y.org)).then(x.span.cmp(&y.span)));
    posts.dedup_by(|x, y| x.holder == y.holder && x.title == y.title && x.org == y.org);
    // The same title once with its organisation and once without is one post.
    let with_org: std::collections::HashSet<(usize, String)> =
        posts.iter().filter(|p| p.org.is_some()).map(|p| (p.holder, p.title.clone())).collect();
    posts.retain(|p| p.org.is_some() || !with_org.contains(&(p.holder, p.title.clone())));
    let mut events: Vec<EventDetails> = a
        .events
        .iter()
        .filter_map(|e| {
            let remap = |ids: &[EntityId]| {
                let mut v: Vec<usize> = ids.iter().filter_map(|&i| map(i)).collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            Some(EventDetails {
                event: map(e.event)?,
                locations: remap(&e.locations),
                start: e.start,
                duration: e.duration.clone(),
                theme: e.theme.clone(),
                speakers: remap(&e.speakers),
                organisers: remap(&e.organisers),
            })
        })
        .collect();
    events.sort_by_key(|e| e.event);
    events.dedup_by_key(|e| e.event);
    let figures = a
        .figures
        .iter()
        .map(|f| Figure { span: orig(f.span), about: f.about.and_then(map), ..f.clone() })
        .collect();
    let statements = a
        .statements
        .iter()
        .map(|s| Statement {
            speaker: s.speaker.and_then(map),
            speaker_span: s.speaker_span.map(orig),
            span: orig(s.span),
            ..s.clone()
        })
        .collect();
    let proposals = a
        .proposals
        .iter()
        .map(|p| Proposal {
            speaker: p.speaker.and_then(map),
            span: orig(p.span),
            items: p.items.iter().map(|i| ProposalItem { span: orig(i.span), ..i.clone() }).collect(),
            ..p.clone()
        })
        .collect();
    let mut seen = HashMap::new();
    let relations = a
        .relations
        .iter()
        .filter_map(|r| {
            let (s, o) = (map(r.subject)?, map(r.object)?);
            (s != o && seen.insert((s, o, r.property.clone()), ()).is_none()).then(|| Relation {
                subject: s,
                object: o,
                span: orig(r.span),
                ..r.clone()
            })
        })
        .collect();
    Extraction {
        script: a.article.script(),
        region: a.article.region(),
        headline: a.article.headline().map(str::to_owned),
        published: a.article.published(),
        entities,
        posts,
        events,
        figures,
        statements,
        proposals,
        relations,
    }
}
