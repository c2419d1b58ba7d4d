//! Stage: figures. Every number in an article, normalised, qualified and attached to what it is
//! about: 超過330間專注研發人工智能和大數據的初創企業 is a count of 330 (more than), measure word
//! 間, counting 初創企業, about the subject of its clause.
//!
//! - [`crate::numeral`]: Arabic, Chinese and mixed numerals to exact decimals;
//! - [`expression`]: the expression around a numeral: qualifiers, currency, range, unit, percent;
//! - [`crate::date::read`]: years, dates (resolved against the publication date) and clock times;
//! - [`counts`]: the counted noun;
//! - [`about`]: the entity the figure is about;
//! - [`lexicon`]: the data files under `data/` that all of these read.
//!
//! Everything matches the folded view of the text, so Traditional and Simplified read alike, and
//! one regex pass finds the numerals: the stage costs a small part of the extraction's time.

mod about;
mod counts;
mod expression;
mod lexicon;

pub(crate) use lexicon::FigureLexicon;

#[cfg(test)]
mod gold;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::analysis::{Analysis, Stage};
use crate::article::Article;
use crate::decimal::Decimal;
use crate::lexicon::Lexicons;
use crate::model::{Figure, FigureKind, Qualifier};

use about::Topics;
use expression::{Found, Reader, Reading};

/// Pipeline stage.
pub(crate) struct Figures;

impl Stage for Figures {
    fn name(&self) -> &'static str {
        "figure"
    }

    fn run(&self, analysis: &mut Analysis<'_>) {
        let figures = find(analysis);
        analysis.figures.extend(figures);
    }
}

/// Runs the figure stage alone on an article, with no entities found (for the benchmark).
#[doc(hidden)]
#[must_use]
pub fn figures_only(article: &Article) -> Vec<Figure> {
    find(&Analysis::new(article, Lexicons::embedded()))
}

/// A duration figure as an `xsd:duration` (為期兩日 → `P2D`, 約兩個小時 → `PT2H`), for stages that
/// state how long something lasts (an event's `schema:duration`).
pub(crate) fn xsd_duration(lex: &FigureLexicon, figure: &Figure) -> Option<String> {
    if figure.kind != FigureKind::Duration {
        return None;
    }
    let unit = crate::normalize::fold(figure.unit.as_deref()?);
    let (len, word) = lex.units.prefix_of(&unit)?;
    let (date_part, letter) = lexicon::duration_designator(word.xsd.as_deref()?)?;
    if len != unit.len() {
        return None;
    }
    let time = if date_part { "" } else { "T" };
    Some(format!("P{time}{}{letter}", figure.value))
}

/// The figures of an analysed article, in text order, each fact once.
fn find(analysis: &Analysis<'_>) -> Vec<Figure> {
    let reader = Reader::new(analysis);
    let folded = reader.folded;
    let blocked = blocked_positions(analysis);
    let is_blocked = |byte: usize| blocked[analysis.text().char_at_folded_byte(byte)];
    let mut found: Vec<Found> = Vec::new();
    let mut next = 0;
    for n in crate::numeral::NumeralReader::new(analysis.lex).all(folded) {
        if n.start < next || is_blocked(n.start) {
            continue;
        }
        match reader.read(n) {
            Reading::Figure(f, end) => {
                next = end;
                found.push(*f);
            }
            Reading::Consumed(end) => next = end,
            Reading::Nothing => {}
        }
    }
    for (byte, _) in folded.match_indices('首') {
        if !is_blocked(byte) {
            found.extend(reader.first(byte));
        }
    }
    found.sort_by_key(|f| (f.figure.span.start, f.figure.span.end));
    let topics = Topics::new(analysis, &found);
    for f in &mut found {
        if f.figure.kind.is_quantity() {
            f.figure.about = topics.about(f);
        }
    }
    distinct_facts(found.into_iter().map(|f| f.figure))
}

/// Positions where no figure may start: inside idioms (一國兩制) and inside names (2025浙江數字經濟
/// 高質量發展大會), whose numerals belong to the name.
fn blocked_positions(analysis: &Analysis<'_>) -> Vec<bool> {
    let text = analysis.text();
    let mut blocked = vec![false; text.len() + 1];
    if let Some(idioms) = &analysis.lex.figures.non_figures {
        for m in idioms.find_iter(text.folded()) {
            let span = text.span_of_folded_bytes(m.start(), m.end());
            blocked[span.start..span.end].fill(true);
        }
    }
    for (_, span) in analysis.entities.all_mentions() {
        blocked[span.start.min(text.len())..span.end.min(text.len())].fill(true);
    }
    blocked
}

/// The figures with each fact once, in text order: news repeats its figures (headline, lead,
/// body), and one fact is one node in the graph. Two quantities state the same fact when they have
/// the same amount, kind, currency, unit and qualifier, and either the same counted noun (one
/// ending the other: 人工智能企業 and 企業) or, with none, the same subject.
fn distinct_facts(figures: impl Iterator<Item = Figure>) -> Vec<Figure> {
    type Amount =
        (FigureKind, Decimal, Option<Decimal>, Option<Decimal>, Option<String>, Option<String>, Option<Qualifier>);
    let fold = |s: &Option<String>| s.as_deref().map(crate::normalize::fold);
    let mut kept: Vec<Figure> = Vec::new();
    // Kept quantities by amount: (index in `kept`, folded counted noun).
    let mut by_amount: HashMap<Amount, Vec<(usize, Option<String>)>> = HashMap::new();
    for f in figures {
        if !f.kind.is_quantity() {
            kept.push(f);
            continue;
        }
        let amount = (f.kind, f.value, f.min, f.max, f.currency.clone(), fold(&f.unit), f.qualifier);
        let counts = fold(&f.counts);
        let earlier = by_amount.entry(amount).or_default();
        let repeated = earlier.iter().any(|(i, c)| {
            let other = &kept[*i];
            let same_subject = f.about.is_none() || other.about.is_none() || f.about == other.about;
            let same_noun = match (&counts, c) {
                (Some(x), Some(y)) => x.ends_with(y.as_str()) || y.ends_with(x.as_str()),
                (None, None) => f.about.is_some() && f.about == other.about,
                _ => false,
            };
            same_subject && same_noun
        });
        if !repeated {
            earlier.push((kept.len(), counts));
            kept.push(f);
        }
    }
    kept
}
