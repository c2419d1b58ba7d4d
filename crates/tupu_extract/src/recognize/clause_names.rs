//! Names that are clauses headed by a person: 陳大文今早抵達法院 read from the person up to an
//! organisation's ending. Names by ending are found before people (see `PIPELINE`), so the span
//! took the person in; once the article's people are known, a name span that holds one of them
//! (at its start or a few characters in) followed by a verb, adverb, time word, preposition or
//! conjunction is a clause, not a name. The span is cut back to a name it ends with that the
//! article knows on its own (陳大文今早抵達北辰法院 → 北辰法院 when that is a name found
//! elsewhere), otherwise dropped; the person gets the mention back.
//!
//! A person and a proper ending with no such word between stay one name: 陳大文紀念醫院,
//! 陳大文基金會 and 陳大文中學 are names.

use crate::analysis::Analysis;
use crate::lexicon::general::PartOfSpeech;
use crate::model::EntityKind;
use crate::span::Span;

/// How far into a name span a person may start: a short lead-in (旅行令, 闖上) before the
/// clause's subject.
const MAX_LEAD: usize = 4;

/// Shortest person name looked for: two-character "people" are too often a brand's or a
/// place's first word the tagger misread (a fund house before its fund's name).
const MIN_PERSON: usize = 3;

/// Longest person name looked for (a compound surname with a two-character given name, or a
/// married name 林陳美娟).
const MAX_PERSON: usize = 5;

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    let people: rustc_hash::FxHashSet<String> = a
        .entities
        .ids()
        .filter(|&id| a.entities.kind(id) == EntityKind::Person && !a.entities.get(id).mentions.is_empty())
        .flat_map(|id| {
            let d = a.entities.get(id);
            d.full_names.keys().chain(d.short_names.iter()).map(|n| crate::normalize::fold(n)).collect::<Vec<_>>()
        })
        .filter(|n| (MIN_PERSON..=MAX_PERSON).contains(&n.chars().count()))
        .collect();
    if people.is_empty() {
        return;
    }
    let candidates: Vec<(usize, Span)> = a
        .entities
        .all_mentions()
        .into_iter()
        .filter(|&(id, _)| {
            matches!(a.entities.kind(id), EntityKind::Organization | EntityKind::Initiative)
                && a.entities.get(id).known.is_none()
                // A span the article writes twice is a name (a fund, a school, a committee named
                // after its cause); a clause is written once.
                && a.entities.get(id).mentions.len() == 1
        })
        .collect();
    for (id, span) in candidates {
        let Some((person, clause_end)) = person_heads_a_clause(a, &people, span) else { continue };
        let rest = name_it_ends_with(a, id, Span::new(clause_end, span.end));
        let person_id = a.entities.named(a.folded(person));
        a.entities.remove_mention(span);
        if let Some((other, s)) = rest {
            let surface = a.surface(s).to_owned();
            a.entities.add_mention(other, s, &surface);
        }
        if let Some(pid) = person_id {
            if a.entities.is_free(person) {
                let surface = a.surface(person).to_owned();
                a.entities.add_mention(pid, person, &surface);
            }
        }
    }
}

/// The person heading a clause inside `span` and where that clause's first word after the person
/// ends: a person of the article starting at most [`MAX_LEAD`] characters in, one of whose first
/// three words after it is one only a clause puts there ([`opens_a_predicate`]).
/// 陳大文今早抵達法院 → (陳大文, after 抵達).
fn person_heads_a_clause(
    a: &Analysis<'_>,
    people: &rustc_hash::FxHashSet<String>,
    span: Span,
) -> Option<(Span, usize)> {
    for lead in 0..=MAX_LEAD.min(span.len().saturating_sub(3)) {
        let start = span.start + lead;
        for len in (MIN_PERSON..=MAX_PERSON).rev() {
            let end = start + len;
            if end + 1 >= span.end {
                continue;
            }
            let name = Span::new(start, end);
            if !people.contains(a.folded(name)) {
                continue;
            }
            let words = a.general.segment(Span::new(end, span.end));
            // One of the first three words (今 | 早 | 抵達: a time word the dictionary lacks splits),
            // never the last one: that is the ending.
            let opener = words
                .iter()
                .take(3)
                .take_while(|w| w.span.end < span.end)
                .find(|w| w.entry.is_some_and(|e| opens_a_predicate(e.pos)));
            if let Some(w) = opener {
                return Some((name, w.span.end));
            }
        }
    }
    None
}

/// Whether a word right after a person's name opens the person's predicate, not a name the person
/// gives: a verb (抵達), an adverb (則, 一開始), a time word (今早), a preposition (對) or a
/// conjunction (和).
fn opens_a_predicate(pos: PartOfSpeech) -> bool {
    matches!(
        pos,
        PartOfSpeech::Verb
            | PartOfSpeech::Adverb
            | PartOfSpeech::Time
            | PartOfSpeech::Preposition
            | PartOfSpeech::Conjunction
    )
}

/// The longest name the clause `rest` ends with that the article has found on its own (an
/// organisation or initiative other than the clause's own entity, with a mention elsewhere).
fn name_it_ends_with(a: &Analysis<'_>, own: usize, rest: Span) -> Option<(usize, Span)> {
    (rest.start..rest.end.saturating_sub(1)).find_map(|start| {
        let s = Span::new(start, rest.end);
        let id = a.entities.named(a.folded(s))?;
        let d = a.entities.get(id);
        (id != a.entities.resolve(own)
            && matches!(d.kind, EntityKind::Organization | EntityKind::Initiative)
            && (d.known.is_some() || !d.mentions.is_empty()))
        .then_some((id, s))
    })
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, ArticleOptions};
    use crate::model::EntityKind;

    /// (kind, label) of the people, organisations and initiatives the whole pipeline gives.
    fn names(text: &str) -> Vec<(EntityKind, String)> {
        let ex = crate::Extractor::new();
        let article = Article::parse(text, ArticleOptions::default()).expect("an article");
        let out = ex.extract(&article);
        let mut v: Vec<(EntityKind, String)> = out
            .entities
            .into_iter()
            .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Initiative))
            .map(|e| (e.kind, e.label))
            .collect();
        v.sort();
        v
    }

    fn has(v: &[(EntityKind, String)], kind: EntityKind, label: &str) -> bool {
        v.iter().any(|(k, l)| *k == kind && l == label)
    }

    fn labelled(v: &[(EntityKind, String)], part: &str) -> bool {
        v.iter().any(|(k, l)| *k != EntityKind::Person && l.contains(part))
    }

    #[test]
    fn a_person_then_a_verb_up_to_an_ending_is_a_clause() {
        let v = names("北辰商會主席陳大文表示支持。陳大文今早抵達法院，未有回應。");
        assert!(!labelled(&v, "抵達"), "{v:?}");
        assert!(has(&v, EntityKind::Person, "陳大文"), "{v:?}");
        let v = names("北辰商会主席陈大文表示支持。陈大文今早抵达法院，未有回应。");
        assert!(!labelled(&v, "抵达"), "{v:?}");
        assert!(has(&v, EntityKind::Person, "陈大文"), "{v:?}");
    }

    #[test]
    fn a_person_then_an_adverb_or_a_conjunction_is_a_clause() {
        let v = names("北辰商會主席陳大文表示支持。陳大文和李小明離開醫院。");
        assert!(!labelled(&v, "離開"), "{v:?}");
        let v = names("北辰商会主席陈大文表示支持。陈大文和李小明离开医院。");
        assert!(!labelled(&v, "离开"), "{v:?}");
    }

    #[test]
    fn a_person_and_a_proper_ending_stay_a_name() {
        let v = names("北辰商會主席陳大文表示支持。陳大文紀念醫院明年落成，陳大文基金會捐款。");
        assert!(labelled(&v, "陳大文基金會"), "{v:?}");
        assert!(labelled(&v, "陳大文紀念醫院"), "{v:?}");
        let v = names("北辰商会主席陈大文表示支持。陈大文纪念医院明年落成，陈大文基金会捐款。");
        assert!(labelled(&v, "陈大文基金会"), "{v:?}");
        assert!(labelled(&v, "陈大文纪念医院"), "{v:?}");
    }
}
