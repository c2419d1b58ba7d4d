//! The entity table: every entity found so far, its names and its mentions.
//!
//! One name (folded) belongs to one entity. Recognisers add entities and mentions; resolution
//! merges entities that turn out to be one (an abbreviation and its full name). A merged entity
//! forwards to the one it was merged into, so ids held by earlier stages stay valid.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::{Entity, EntityId, EntityKind};
use crate::normalize::{fold, to_simplified, to_traditional};
use crate::span::Span;
use rustc_hash::FxHashMap;

/// How far back a mention containing a position may start: no name is longer (the
/// recognisers stop well short of it), so the span index is searched only this far.
const LONGEST_MENTION: usize = 64;

/// An entity while the pipeline runs.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) kind: EntityKind,
    /// Lexicon entry, when the entity is a known one.
    pub(crate) known: Option<usize>,
    /// Matching key of the canonical name, when fixed by a lexicon.
    pub(crate) known_key: Option<String>,
    /// Lexicon names (canonical and aliases), as written in the lexicon.
    pub(crate) lexicon_names: BTreeSet<String>,
    /// Surface forms that are full names (candidates for the label), with how often they occur.
    pub(crate) full_names: BTreeMap<String, usize>,
    /// Surface forms that are short forms (abbreviations, surname + title).
    pub(crate) short_names: BTreeSet<String>,
    pub(crate) english: Option<String>,
    pub(crate) mentions: BTreeSet<Span>,
    pub(crate) part_of: Option<EntityId>,
}

/// All entities of an article.
#[derive(Debug, Default)]
pub(crate) struct EntityTable {
    drafts: Vec<Draft>,
    /// Where each id forwards to (itself unless merged).
    forward: Vec<EntityId>,
    /// Folded name → entity.
    by_name: FxHashMap<String, EntityId>,
    /// Mention span → entity.
    by_span: BTreeMap<Span, EntityId>,
    /// Mentions keyed by (end, start), for "what ends here" lookups.
    by_end: BTreeMap<(usize, usize), EntityId>,
    /// How many mentions cover each code point: overlap checks in O(length).
    coverage: Vec<u16>,
    /// Lexicon entry → its entity.
    by_known: FxHashMap<usize, EntityId>,
}

impl Draft {
    fn empty(kind: EntityKind) -> Self {
        Self {
            kind,
            known: None,
            known_key: None,
            lexicon_names: BTreeSet::new(),
            full_names: BTreeMap::new(),
            short_names: BTreeSet::new(),
            english: None,
            mentions: BTreeSet::new(),
            part_of: None,
        }
    }
}

impl EntityTable {
    pub(crate) fn new(text_len: usize) -> Self {
        Self { coverage: vec![0; text_len + 1], ..Self::default() }
    }

    /// Whether no mention covers any code point of `span`.
    pub(crate) fn is_free(&self, span: Span) -> bool {
        let end = span.end.min(self.coverage.len());
        self.coverage[span.start.min(end)..end].iter().all(|&c| c == 0)
    }

    /// Whether a mention has exactly this span.
    pub(crate) fn has_mention_at(&self, span: Span) -> bool {
        self.by_span.contains_key(&span)
    }

    /// Whether some mention strictly larger than `span` contains it.
    pub(crate) fn inside_larger_mention(&self, span: Span) -> bool {
        if self.is_free(span) {
            return false;
        }
        self.by_span
            .range(..=Span::new(span.start, usize::MAX))
            .rev()
            .take_while(|(s, _)| span.start.saturating_sub(s.start) < LONGEST_MENTION)
            .any(|(s, _)| s.contains(span) && s.len() > span.len())
    }

    /// The entity of a lexicon entry, if it has one.
    pub(crate) fn of_known(&self, entry: usize) -> Option<EntityId> {
        self.by_known.get(&entry).map(|&id| self.resolve(id))
    }

    /// Records that `id` is lexicon entry `entry`.
    pub(crate) fn set_known(&mut self, id: EntityId, entry: usize) {
        self.by_known.insert(entry, id);
    }

    /// Follows merges to the live entity.
    pub(crate) fn resolve(&self, mut id: EntityId) -> EntityId {
        while self.forward[id] != id {
            id = self.forward[id];
        }
        id
    }

    /// The entity a folded name belongs to.
    pub(crate) fn named(&self, folded: &str) -> Option<EntityId> {
        self.by_name.get(folded).map(|&id| self.resolve(id))
    }

    pub(crate) fn kind(&self, id: EntityId) -> EntityKind {
        self.drafts[self.resolve(id)].kind
    }

    pub(crate) fn get(&self, id: EntityId) -> &Draft {
        &self.drafts[self.resolve(id)]
    }

    pub(crate) fn get_mut(&mut self, id: EntityId) -> &mut Draft {
        let id = self.resolve(id);
        &mut self.drafts[id]
    }

    /// Live entity ids.
    pub(crate) fn ids(&self) -> impl Iterator<Item = EntityId> + '_ {
        (0..self.drafts.len()).filter(|&i| self.forward[i] == i)
    }

    /// Creates an entity (or returns the one that already has this name).
    pub(crate) fn create(&mut self, kind: EntityKind, name: &str, full: bool) -> EntityId {
        if let Some(id) = self.named(&fold(name)) {
            self.add_name(id, name, full);
            return id;
        }
        let id = self.drafts.len();
        self.drafts.push(Draft::empty(kind));
        self.forward.push(id);
        self.add_name(id, name, full);
        id
    }

    /// Records another surface form of an entity.
    pub(crate) fn add_name(&mut self, id: EntityId, name: &str, full: bool) {
        let id = self.resolve(id);
        let d = &mut self.drafts[id];
        // Once known as a short form (an abbreviation, a surname + title), a name stays one even
        // when a later recogniser reads it as a name of its own.
        if full && !d.short_names.contains(name) {
            d.full_names.entry(name.to_owned()).or_insert(0);
        } else if !full && !d.full_names.contains_key(name) {
            d.short_names.insert(name.to_owned());
        }
        self.by_name.entry(fold(name)).or_insert(id);
    }

    /// Makes a full name of an entity one of its short forms (no candidate for the label): a
    /// person first read as 林陳 and then known as 林陳美娟.
    pub(crate) fn make_short(&mut self, id: EntityId, folded: &str) {
        let id = self.resolve(id);
        let d = &mut self.drafts[id];
        let full: Vec<String> = d.full_names.keys().filter(|n| fold(n) == folded).cloned().collect();
        for n in full {
            d.full_names.remove(&n);
            d.short_names.insert(n);
        }
    }

    /// Records a mention; counts it for the label choice.
    pub(crate) fn add_mention(&mut self, id: EntityId, span: Span, surface: &str) {
        let id = self.resolve(id);
        if let Some(&other) = self.by_span.get(&span) {
            if self.resolve(other) != id {
                return; // one span, one entity: the first recogniser to claim it keeps it
            }
        }
        if self.by_span.insert(span, id).is_none() {
            self.cover(span, true);
        }
        self.by_end.insert((span.end, span.start), id);
        let d = &mut self.drafts[id];
        d.mentions.insert(span);
        if let Some(n) = d.full_names.get_mut(surface) {
            *n += 1;
        }
    }

    /// Removes a mention (a recogniser that overreached).
    pub(crate) fn remove_mention(&mut self, span: Span) {
        if let Some(id) = self.by_span.remove(&span) {
            self.by_end.remove(&(span.end, span.start));
            self.cover(span, false);
            let id = self.resolve(id);
            self.drafts[id].mentions.remove(&span);
        }
    }

    fn cover(&mut self, span: Span, add: bool) {
        if self.coverage.len() < span.end {
            self.coverage.resize(span.end + 1, 0);
        }
        for c in &mut self.coverage[span.start..span.end] {
            *c = if add { c.saturating_add(1) } else { c.saturating_sub(1) };
        }
    }

    /// The live ids of two entities to merge and the draft taken out of `from` (left empty: it
    /// only forwards from then on, its draft never read again); None when they are one already.
    fn take_draft(&mut self, into: EntityId, from: EntityId) -> Option<(EntityId, EntityId, Draft)> {
        let (into, from) = (self.resolve(into), self.resolve(from));
        if into == from {
            return None;
        }
        let kind = self.drafts[from].kind;
        Some((into, from, std::mem::replace(&mut self.drafts[from], Draft::empty(kind))))
    }

    /// Merges `from` into `into`: names, mentions and lexicon data move; `from` forwards.
    pub(crate) fn merge(&mut self, into: EntityId, from: EntityId) {
        let Some((into, from, moved)) = self.take_draft(into, from) else { return };
        let part_of = moved.part_of.filter(|&p| self.resolve(p) != into);
        let d = &mut self.drafts[into];
        for (n, c) in moved.full_names {
            *d.full_names.entry(n.clone()).or_insert(0) += c;
            d.short_names.remove(&n);
        }
        for n in moved.short_names {
            if !d.full_names.contains_key(&n) {
                d.short_names.insert(n);
            }
        }
        d.lexicon_names.extend(moved.lexicon_names);
        d.mentions.extend(moved.mentions);
        if d.known.is_none() {
            d.known = moved.known;
            d.known_key = moved.known_key;
            d.english = d.english.take().or(moved.english);
        }
        if d.part_of.is_none() {
            d.part_of = part_of;
        }
        // The indexes keep `from`: every lookup resolves through `forward`.
        self.forward[from] = into;
    }

    /// Merges `from` into `into` as a short reference only: its names become short names of
    /// `into` and its mentions move, but nothing of its lexicon entry (the canonical name,
    /// aliases, English name, parent) does — 司法部, read as the mainland ministry the lexicon
    /// knows by that name, is in an article on 美國司法部 that department, not China's.
    pub(crate) fn merge_as_short(&mut self, into: EntityId, from: EntityId) {
        let Some((into, from, moved)) = self.take_draft(into, from) else { return };
        // The indexes keep `from` (its lexicon entry too): a later mention of it lands here.
        let d = &mut self.drafts[into];
        for n in moved.full_names.into_keys().chain(moved.short_names) {
            if !d.full_names.contains_key(&n) {
                d.short_names.insert(n);
            }
        }
        d.mentions.extend(moved.mentions);
        self.forward[from] = into;
    }

    /// The entity mentioned at exactly `span`.
    pub(crate) fn mention_at(&self, span: Span) -> Option<EntityId> {
        self.by_span.get(&span).map(|&id| self.resolve(id))
    }

    /// Mentions lying inside `span`, in text order (outer before inner at the same start).
    pub(crate) fn mentions_in(&self, span: Span) -> Vec<(EntityId, Span)> {
        self.by_span
            .range(Span::new(span.start, 0)..)
            .take_while(|(s, _)| s.start < span.end)
            .filter(|(s, _)| span.contains(**s))
            .map(|(s, &id)| (self.resolve(id), *s))
            .collect()
    }

    /// Mentions that share at least one code point with `span`, in text order.
    pub(crate) fn overlapping(&self, span: Span) -> Vec<(EntityId, Span)> {
        if self.is_free(span) {
            return Vec::new();
        }
        self.by_span
            .range(Span::new(span.start.saturating_sub(LONGEST_MENTION), 0)..Span::new(span.end, 0))
            .filter(|(s, _)| s.overlaps(span))
            .map(|(s, &id)| (self.resolve(id), *s))
            .collect()
    }

    /// Mentions ending exactly at `end`, longest first.
    pub(crate) fn mentions_ending_at(&self, end: usize) -> Vec<(EntityId, Span)> {
        self.by_end
            .range((end, 0)..=(end, usize::MAX))
            .map(|(&(e, s), &id)| (self.resolve(id), Span::new(s, e)))
            .collect()
    }

    /// Every mention span with its entity, in text order.
    pub(crate) fn all_mentions(&self) -> Vec<(EntityId, Span)> {
        self.by_span.iter().map(|(s, &id)| (self.resolve(id), *s)).collect()
    }

    /// Drops entities without mentions and builds the output entities, ordered by first
    /// mention. Returns them with the map from draft id to output index.
    pub(crate) fn finish(&self, simplified: bool) -> (Vec<Entity>, HashMap<EntityId, usize>) {
        let mut live: Vec<EntityId> = self.ids().filter(|&i| !self.drafts[i].mentions.is_empty()).collect();
        live.sort_by_key(|&i| (self.drafts[i].mentions.iter().next().copied(), i));
        let index: HashMap<EntityId, usize> = live.iter().enumerate().map(|(n, &i)| (i, n)).collect();
        let entities = live
            .iter()
            .map(|&i| {
                let d = &self.drafts[i];
                let label = choose_label(d);
                let key = d.known_key.clone().unwrap_or_else(|| fold(&label));
                let mut aliases: BTreeSet<String> =
                    d.full_names.keys().chain(&d.short_names).filter(|n| **n != label).cloned().collect();
                aliases.retain(|a| !a.is_empty());
                let mut other_names = BTreeSet::new();
                for n in std::iter::once(&label).chain(aliases.iter()) {
                    let other = if simplified { to_traditional(n) } else { to_simplified(n) };
                    if other != *n && !aliases.contains(&other) {
                        other_names.insert(other);
                    }
                }
                for n in &d.lexicon_names {
                    if *n != label
                        && !aliases.contains(n)
                        && fold(n) != fold(&label)
                        && !aliases.iter().any(|a| fold(a) == fold(n))
                    {
                        other_names.insert(n.clone());
                    }
                }
                Entity {
                    kind: d.kind,
                    label,
                    key,
                    aliases,
                    other_names,
                    english: d.english.clone(),
                    mentions: d.mentions.iter().copied().collect(),
                    part_of: d.part_of.map(|p| self.resolve(p)).and_then(|p| index.get(&p).copied()),
                }
            })
            .collect();
        (entities, index)
    }
}

/// The label: the fullest name written in the article — the lexicon's canonical name when it
/// appears, else the longest full form (ties: the most frequent, then the first in order).
fn choose_label(d: &Draft) -> String {
    let canonical_written = d.full_names.keys().find(|n| d.known_key.as_deref().is_some_and(|k| fold(n) == k));
    if let Some(n) = canonical_written {
        return n.clone();
    }
    d.full_names
        .iter()
        .max_by(|(a, ca), (b, cb)| a.chars().count().cmp(&b.chars().count()).then(ca.cmp(cb)).then(b.cmp(a)))
        .map(|(n, _)| n.clone())
        .or_else(|| d.short_names.iter().next().cloned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_one_entity_and_merges_forward() {
        let mut t = EntityTable::new(0);
        let a = t.create(EntityKind::Organization, "香港理工大學", true);
        let b = t.create(EntityKind::Organization, "理大", false);
        t.add_mention(a, Span::new(0, 6), "香港理工大學");
        t.add_mention(b, Span::new(10, 12), "理大");
        assert_eq!(t.create(EntityKind::Organization, "香港理工大學", true), a);
        t.merge(a, b);
        assert_eq!(t.resolve(b), a);
        assert_eq!(t.named("理大"), Some(a));
        assert_eq!(t.mention_at(Span::new(10, 12)), Some(a));
        let (out, _) = t.finish(false);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].label, "香港理工大學");
        assert!(out[0].aliases.contains("理大"));
        assert!(out[0].other_names.contains("香港理工大学"));
    }

    #[test]
    fn entities_without_mentions_are_dropped() {
        let mut t = EntityTable::new(0);
        t.create(EntityKind::Place, "灣仔", true);
        assert!(t.finish(false).0.is_empty());
    }
}
