#![doc = include_str!("../README.md")]

mod analysis;
pub mod article;
mod boundary;
pub mod date;
pub mod decimal;
mod entities;
mod event;
mod figure;
pub mod lexicon;
pub mod model;
pub mod ner;
pub mod normalize;
mod numeral;
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
pub use date::{Date, DateError, PartialDate};
pub use decimal::Decimal;
pub use lexicon::{LexiconError, Lexicons};
pub use model::*;
pub use span::Span;

#[doc(hidden)]
pub use figure::figures_only;

use analysis::{Analysis, Stage};

/// The pipeline, in order. Adding a stage is one module and one line here.
pub(crate) const PIPELINE: &[&dyn Stage] = &[
    &recognize::KnownNames,
    &recognize::PatternNames,
    &resolve::Abbreviations,
    &recognize::People,
    &recognize::TaggedPeople,
    &recognize::Posts,
    &resolve::Coreference,
    &figure::Figures,
    &event::EventDetailsStage,
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

    /// Runs the pipeline on one article and reports how long each stage took (the per-stage
    /// profile of `cargo run --release -p tupu_extract --example dump -- FILE --profile`).
    #[must_use]
    pub fn profile(&self, article: &Article) -> (Extraction, Vec<(&'static str, std::time::Duration)>) {
        let start = std::time::Instant::now();
        let mut analysis = Analysis::new(article, self.lexicons);
        let mut timings = Vec::with_capacity(PIPELINE.len() + 2);
        timings.push(("word lattice", start.elapsed()));
        for stage in PIPELINE {
            let start = std::time::Instant::now();
            stage.run(&mut analysis);
            timings.push((stage.name(), start.elapsed()));
        }
        let start = std::time::Instant::now();
        let extraction = finish(analysis);
        timings.push(("output", start.elapsed()));
        (extraction, timings)
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

/// A title without a body that repeats or shortens another title of the same person is that
/// post again: 「北辰商會主席陳大文」 and 「陳大文主席」 are one post, and so are 「北辰商會常務副會長
/// 陳大文」 and later 「陳大文副會長」 (常務副會長 of 北辰商會). A title cut right after a deputy
/// prefix is another rank (主席 is no short form of 副主席) and stays. `posts` is sorted by holder
/// and holds no two equal posts: each holder's posts are compared among themselves.
fn drop_bodiless_repeats(posts: &mut Vec<Post>, deputy: &lexicon::WordSet) {
    let mut keep = Vec::with_capacity(posts.len());
    for same_holder in posts.chunk_by(|x, y| x.holder == y.holder) {
        for p in same_holder {
            let repeated = p.org.is_none()
                && same_holder.iter().any(|q| {
                    let same = q.title == p.title && q.org.is_some();
                    let shortened = q.title.len() > p.title.len()
                        && q.title.ends_with(&p.title)
                        && !deputy.ends(&normalize::fold(&q.title[..q.title.len() - p.title.len()]));
                    same || shortened
                });
            keep.push(!repeated);
        }
    }
    let mut keep = keep.into_iter();
    posts.retain(|_| keep.next().unwrap_or(true));
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
    drop_bodiless_repeats(&mut posts, a.class(lexicon::Role::DeputyPrefix));
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
    let figures =
        a.figures.iter().map(|f| Figure { span: orig(f.span), about: f.about.and_then(map), ..f.clone() }).collect();
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
        region: a.region,
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

#[cfg(test)]
mod robustness {
    //! Extraction never panics, and every span it returns lies inside the text, on any input —
    //! here, thousands of random texts made of the pieces the patterns care about.

    use super::*;

    /// Pieces that exercise every recogniser: titles, surnames, endings, quotes, dots, numbers,
    /// parentheses, list markers, paragraph breaks.
    const PIECES: &[&str] = &[
        "局長",
        "主任",
        "副主席",
        "記者",
        "教授",
        "陳",
        "歐陽",
        "王",
        "大文",
        "明",
        "局",
        "委員會",
        "大學",
        "峰會",
        "論壇",
        "計劃",
        "倡議",
        "有限公司",
        "「",
        "」",
        "“",
        "”",
        "《",
        "》",
        "（",
        "）",
        "（下稱「",
        "·",
        "表示",
        "指出",
        "，",
        "。",
        "、",
        "：",
        "\n\n",
        " ",
        "在",
        "舉行",
        "與",
        "和",
        "簽署",
        "一是",
        "二是",
        "第一，",
        "四點建議",
        "100",
        "億元",
        "萬",
        "超過",
        "約",
        "%",
        "成",
        "三分之一",
        "昨日",
        "14日",
        "本月",
        "為期",
        "兩日",
        "以",
        "為主題",
        "香港",
        "北京",
        "国务院",
        "该公司",
        "他",
        "▲",
        "DeepSeek",
        "等企業",
        "2025",
        "年",
        "第",
        "屆",
        "二〇二五",
        "多",
        "余",
    ];

    fn random_text(seed: &mut u64, pieces: usize) -> String {
        let mut s = String::new();
        for _ in 0..pieces {
            // xorshift64*: deterministic, no dependency.
            *seed ^= *seed >> 12;
            *seed ^= *seed << 25;
            *seed ^= *seed >> 27;
            let r = seed.wrapping_mul(0x2545_F491_4F6C_DD1D);
            s.push_str(PIECES[(r >> 33) as usize % PIECES.len()]);
        }
        s
    }

    #[test]
    fn random_texts_never_panic_and_spans_stay_inside() {
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        let extractor = Extractor::new();
        for round in 0..3000 {
            let text = random_text(&mut seed, 5 + round % 80);
            let Ok(article) = Article::parse(
                &text,
                ArticleOptions { published: Date::parse("2025-04-15").ok(), ..Default::default() },
            ) else {
                continue;
            };
            let x = extractor.extract(&article);
            let n = text.chars().count();
            let spans = x
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter().copied())
                .chain(x.posts.iter().map(|p| p.span))
                .chain(x.figures.iter().map(|f| f.span))
                .chain(x.statements.iter().map(|s| s.span))
                .chain(x.proposals.iter().flat_map(|p| std::iter::once(p.span).chain(p.items.iter().map(|i| i.span))))
                .chain(x.relations.iter().map(|r| r.span));
            for s in spans {
                assert!(s.start <= s.end && s.end <= n, "span {s} outside a text of {n} in {text:?}");
            }
            for e in &x.entities {
                assert!(!e.label.is_empty(), "empty label in {text:?}");
            }
        }
    }
}

#[cfg(test)]
mod posts_output {
    use super::*;

    /// (holder label, title, body label) of every post the whole pipeline gives.
    fn posts(text: &str) -> Vec<(String, String, Option<String>)> {
        let article = Article::parse(text, ArticleOptions::default()).expect("an article");
        let x = Extractor::new().extract(&article);
        x.posts
            .iter()
            .map(|p| (x.entities[p.holder].label.clone(), p.title.clone(), p.org.map(|o| x.entities[o].label.clone())))
            .collect()
    }

    #[test]
    fn a_shortened_title_without_a_body_is_the_same_post() {
        for (text, title) in [
            ("標題\n\n北辰商會常務副會長陳大文出席。主持人隨後邀請陳大文副會長致辭。", "常務副會長"),
            ("标题\n\n北辰商会常务副会长陈大文出席。主持人随后邀请陈大文副会长致辞。", "常务副会长"),
        ] {
            let found = posts(text);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].1, title);
        }
        // The same title again without its body: the same post.
        let found = posts("標題\n\n北辰商會主席陳大文出席。主持人隨後邀請陳大文主席致辭。");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2.as_deref(), Some("北辰商會"));
        // 主席 is no short form of 副主席: another post.
        let found = posts("標題\n\n北辰商會副主席陳大文出席。主持人隨後邀請陳大文主席致辭。");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    /// A title before the first name of a list is the title of the others, joined by 、 or a
    /// conjunction, not of a companion after 與.
    #[test]
    fn a_title_before_a_list_of_names_is_each_ones() {
        for (text, others) in [
            ("眾志常委林大文、林小文早前入獄。", vec!["林大文", "林小文"]),
            ("众志常委林大文、林小文早前入狱。", vec!["林大文", "林小文"]),
            ("新聞總監陳大文及李小文均表示不知情。", vec!["陳大文", "李小文"]),
            ("新闻总监陈大文及李小文均表示不知情。", vec!["陈大文", "李小文"]),
            ("主席陳大文與李小文會面。", vec!["陳大文"]),
            ("主席陈大文与李小文会面。", vec!["陈大文"]),
        ] {
            let posts = posts(&format!("標題\n\n{text}"));
            let mut holders: Vec<&str> = posts.iter().map(|p| p.0.as_str()).collect();
            holders.sort_unstable();
            let mut others = others;
            others.sort_unstable();
            assert_eq!(holders, others, "{text}: {posts:?}");
        }
    }
}
