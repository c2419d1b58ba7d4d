//! Links that names written side by side state without a verb: a place right before another place
//! or an organisation is where that one is (甲國乙市 → 乙市 locatedIn 甲國; 甲國首都乙市 too;
//! 甲國乙通訊社 → 乙通訊社 partOf 甲國).
//!
//! An organisation named by another one's name and a unit word is a unit of it (甲大學醫學院 →
//! subOrganizationOf 甲大學).
//!
//! An organisation written right before a person, no title between, names the person's party or
//! body (甲黨乙某 → 乙某 memberOf 甲黨: W3C ORG's org:memberOf, membership of no stated role); so
//! does one written right before the body of the person's post (甲黨立法會議員乙某).
//!
//! A place right before the quoted name of an organisation holds it as well (甲國《乙報》 → 乙報
//! partOf 甲國), and a quoted initiative written right after a place, body or person, with or
//! without 的, is theirs (甲會的「乙計劃」, 甲國《乙法》 → relatedTo): the quotation marks close
//! the second name, so nothing else of the sentence can be what the first one modifies.
//!
//! Read on one pass over the article's outer mentions: only two names with nothing between them,
//! a word of [`Role::PlaceWithin`], or an opening quotation mark, are linked.

use crate::analysis::Analysis;
use crate::lexicon::general::{GeneralLexicon, PartOfSpeech};
use crate::lexicon::{KnownClass, Role, WordClass};
use crate::model::{EntityKind, Relation};
use crate::normalize::fold;
use crate::span::Span;
use crate::text::{CLOSE_QUOTES, OPEN_QUOTES};

/// The property of a unit named by its body's name and a unit word (甲大學醫學院).
const UNIT_OF_BODY: &str = "subOrganizationOf";

/// The property of a person written right after their party or body (甲黨乙某).
const MEMBER_OF: &str = "memberOf";

/// The property of a place written right before a place inside it.
const PLACE_IN_PLACE: &str = "locatedIn";
/// The property of a place written right before an organisation of it (an organisation in a
/// place: `tp:partOf`, as the ontology says).
const ORGANISATION_OF_PLACE: &str = "partOf";
/// The property of a quoted initiative written right after the place, body or person it belongs
/// to (甲國《乙法》, 甲會的「乙計劃」): whose it is, which no more specific property says.
const INITIATIVE_OF: &str = "relatedTo";

impl Analysis<'_> {
    /// Names written side by side, one pass over the mentions: a place right before a place or
    /// an organisation holds it ([`Self::place_holds`]: 甲省乙市 → 乙市 locatedIn 甲省; 甲國乙大學
    /// → 乙大學 partOf 甲國), and an organisation right before a person is the person's party or
    /// body ([`Self::member_written_after`]: 甲黨乙某 → 乙某 memberOf 甲黨).
    pub(super) fn adjacent_links(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        let mentions = self.outer_mentions_in(Span::new(0, self.chars.len()));
        for pair in mentions.windows(2) {
            let [(x, a), (y, b)] = [pair[0], pair[1]];
            let property = match (self.entities.kind(x), self.entities.kind(y)) {
                (EntityKind::Place, EntityKind::Place) => PLACE_IN_PLACE,
                (EntityKind::Place, EntityKind::Organization) => ORGANISATION_OF_PLACE,
                (EntityKind::Organization, EntityKind::Person) => MEMBER_OF,
                (EntityKind::Place | EntityKind::Organization | EntityKind::Person, EntityKind::Initiative) => {
                    INITIATIVE_OF
                }
                _ => continue,
            };
            if b.start < a.end || self.entities.resolve(x) == self.entities.resolve(y) {
                continue;
            }
            let linked = if property == MEMBER_OF {
                self.member_written_after(a, b)
            } else if property == INITIATIVE_OF {
                self.quoted_after(a, b).is_some() && self.closes_its_phrase(b)
            } else {
                self.place_holds(a, b) && !(property == PLACE_IN_PLACE && self.places_of_one_rank(x, y))
            };
            if !linked {
                continue;
            }
            let span = self.text().sentence_span_at(a.start).unwrap_or(a.cover(b));
            // A quoted name keeps its closing mark in the words that state the link (甲國《乙報》,
            // not 甲國《乙報).
            let closed =
                self.quoted_after(a, b).is_some() && self.folded_char(b.end).is_some_and(|c| CLOSE_QUOTES.contains(&c));
            let written = if closed { Span::new(a.start, b.end + 1) } else { a.cover(b) };
            out.push(Relation {
                subject: y,
                object: x,
                property: property.to_owned(),
                predicate_text: self.surface(written).to_owned(),
                span,
            });
        }
        out.extend(self.party_before_post(&mentions));
        out.extend(self.places_inside_names());
        out
    }

    /// A place whose mention opens the mention of an organisation or another place (甲區乙丙
    /// 茶餐廳, 甲區乙丙邨丁戊小學: the names stage keeps a district and an estate written first in a
    /// name as mentions of their own) is where that one is: the shop, the school, the building
    /// locatedIn the district, and in the estate written right after it. One look at the mentions
    /// inside each organisation or place mention.
    fn places_inside_names(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        for (y, outer) in self.entities.all_mentions() {
            if !matches!(self.entities.kind(y), EntityKind::Organization | EntityKind::Place) {
                continue;
            }
            for (x, inside) in self.entities.mentions_in(outer) {
                let located = inside != outer
                    && outer.contains(inside)
                    && self.entities.kind(x) == EntityKind::Place
                    && self.entities.resolve(x) != self.entities.resolve(y);
                // A place written right after the one that opens the name: the estate after
                // the district (甲區乙丙邨丁戊小學 → 乙丙邨 in 甲區).
                let opens = inside.start == outer.start
                    || self
                        .entities
                        .mentions_ending_at(inside.start)
                        .iter()
                        .any(|&(z, m)| m.start == outer.start && self.entities.kind(z) == EntityKind::Place);
                if !located || !opens {
                    continue;
                }
                let span = self.text().sentence_span_at(outer.start).unwrap_or(outer);
                out.push(Relation {
                    subject: y,
                    object: x,
                    property: PLACE_IN_PLACE.to_owned(),
                    predicate_text: self.surface(outer).to_owned(),
                    span,
                });
            }
        }
        out
    }

    /// An organisation written right before the body of a person's post names the person's party
    /// or employer (甲黨立法會議員乙某, 甲黨乙區議員乙某 → 乙某 memberOf 甲黨): the posts stage
    /// gives the post's own body (立法會), and the name before it is no part of the post. Only
    /// a title right between the body and the person, nothing between the two bodies; the
    /// first opens like a name and is no misread ordinary word.
    fn party_before_post(&self, mentions: &[(crate::model::EntityId, Span)]) -> Vec<Relation> {
        let mut out = Vec::new();
        for three in mentions.windows(3) {
            let [(x, a), (y, b), (z, c)] = [three[0], three[1], three[2]];
            if self.entities.kind(x) != EntityKind::Organization
                || !matches!(self.entities.kind(y), EntityKind::Organization | EntityKind::Place)
                || self.entities.kind(z) != EntityKind::Person
                || b.start != a.end
                || c.start <= b.end
                || self.entities.resolve(x) == self.entities.resolve(y)
            {
                continue;
            }
            let titled = self.words.starting_at(b.end).iter().any(|w| {
                w.span.end == c.start
                    && self.lex.vocabulary.classes(w.pattern).iter().any(|k| matches!(k, WordClass::Title(_)))
            });
            if !titled || !self.opens_like_a_name(a) || self.ordinary_word(a) {
                continue;
            }
            let span = self.text().sentence_span_at(a.start).unwrap_or(a.cover(c));
            out.push(Relation {
                subject: z,
                object: x,
                property: MEMBER_OF.to_owned(),
                predicate_text: self.surface(a.cover(c)).to_owned(),
                span,
            });
        }
        out
    }

    /// Whether two known places written side by side are of a rank where the second cannot lie in
    /// the first: the second a country (甲市乙國: two countries or cities listed without a
    /// comma, or a name cut wrong), or both provinces, municipalities or special administrative
    /// regions (甲市乙市等一線城市). Such pairs are a list, not a place and a place inside it
    /// (甲國乙市 stays: a city of lower rank than its country).
    fn places_of_one_rank(&self, x: crate::model::EntityId, y: crate::model::EntityId) -> bool {
        let rank = |id| {
            let k = self.entities.get(id).known?;
            match self.lex.known[k].class {
                KnownClass::Country => Some(0),
                KnownClass::Province | KnownClass::Municipality | KnownClass::Sar => Some(1),
                _ => None,
            }
        };
        let outer_is_region = self.entities.get(x).known.is_some_and(|k| self.lex.known[k].class == KnownClass::Region);
        match (rank(x), rank(y)) {
            (Some(a), Some(b)) => b <= a,
            (_, Some(0)) => !outer_is_region,
            _ => false,
        }
    }

    /// Whether the place at `a` holds the place or organisation at `b`: nothing between, or a
    /// word of [`Role::PlaceWithin`] (甲國首都乙市, 甲國東北部乙市). Not when the second name
    /// opens with a word no name opens with (甲國其他政府, 甲國對乙關係: a name cut wrong), nor
    /// for a place named from where the writer stands (內地) or a railway line (甲線乙站).
    /// A quoted name right after the place (甲國《乙報》, 甲市「乙協會」) is held as well: its
    /// marks show where it starts.
    fn place_holds(&self, a: Span, b: Span) -> bool {
        let between = self.folded(Span::new(a.end, b.start));
        let quoted = self.quoted_after(a, b) == Some(false);
        (between.is_empty() || quoted || self.class(Role::PlaceWithin).contains(between))
            && !self.class(Role::RelativePlace).contains(self.folded(a))
            && !self.class(Role::RelativePlace).contains(self.folded(b))
            && !self.class(Role::RouteEnding).ends(self.folded(a))
            && (quoted || self.opens_like_a_name(b))
    }

    /// Whether the quoted name at `b` ends its noun phrase, so that what is written before it
    /// modifies the name itself: punctuation, 的 or 之, a word that is no noun (生效, 已), or a
    /// word an initiative's name ends with (甲國的「乙」政策) follows its closing mark. Not another
    /// noun (甲局《乙法》教材: the teaching kit is the bureau's, not the law).
    fn closes_its_phrase(&self, b: Span) -> bool {
        let after = if self.folded_char(b.end.saturating_sub(1)).is_some_and(|c| CLOSE_QUOTES.contains(&c)) {
            b.end
        } else {
            b.end + 1
        };
        let Some(c) = self.folded_char(after) else { return true };
        if !crate::text::is_cjk(c) || matches!(c, '的' | '之') {
            return true;
        }
        let initiative_word = self.words.starting_at(after).iter().any(|w| {
            self.lex.vocabulary.classes(w.pattern).iter().any(|class| match class {
                WordClass::Suffix(i) => self.lex.suffixes[*i].kind == EntityKind::Initiative,
                _ => false,
            })
        });
        initiative_word
            || self.general.longest_starting_at(after).is_some_and(|w| {
                !matches!(
                    w.entry.pos,
                    PartOfSpeech::Noun
                        | PartOfSpeech::VerbalNoun
                        | PartOfSpeech::Place
                        | PartOfSpeech::Organisation
                        | PartOfSpeech::Proper
                )
            })
    }

    /// Whether the name at `b` is quoted right after the name at `a` (甲國《乙報》, 甲會的「乙計劃」:
    /// an opening mark, maybe after 的, and its closing mark right after `b`; or marks that are
    /// part of `b`'s own mention), and whether a 的 stands between.
    fn quoted_after(&self, a: Span, b: Span) -> Option<bool> {
        let between = self.folded(Span::new(a.end, b.start));
        let (de, rest) = match between.strip_prefix('的') {
            Some(rest) => (true, rest),
            None => (false, between),
        };
        let mut marks = rest.chars();
        let (open, close_at) = match (marks.next(), marks.next()) {
            (Some(open), None) => (open, b.end),
            (None, _) if b.len() > 2 => (self.folded_char(b.start)?, b.end - 1),
            _ => return None,
        };
        let i = OPEN_QUOTES.iter().position(|&c| c == open)?;
        (self.folded_char(close_at) == Some(CLOSE_QUOTES[i])).then_some(de)
    }

    /// Whether the person at `b` is written right after the organisation at `a`, nothing
    /// between, so that it names their party or body (甲黨乙某擔心…; 甲證券乙某指出 — an analyst
    /// of the firm). A title between makes a post instead (甲黨主席乙某), read by the posts
    /// stage. Not where a name is a misread ordinary word (a person named 解釋 or 文件 after
    /// 甲局: any [`Self::common_word`]; an organisation 成定局: [`Self::ordinary_word`]), nor an
    /// organisation that opens with a word no name opens with (a name cut wrong).
    fn member_written_after(&self, a: Span, b: Span) -> bool {
        b.start == a.end && self.opens_like_a_name(a) && !self.ordinary_word(a) && !self.common_word(b)
    }

    /// Units named by another organisation's name (or short name) of the article and a unit
    /// word: 甲大學醫學院 → subOrganizationOf 甲大學, 甲會秘書處 → 甲會; the unit is what is left
    /// after the longest such name, ending in a word of [`Role::UnitEnding`] or
    /// [`Role::SubBodyEnding`] and opening like a name — not 甲基金公司 (a legal form of 甲基金
    /// itself). Only organisations whose name gave no parent already. One look-up per prefix of
    /// each organisation's names.
    pub(super) fn unit_links(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        let lex = GeneralLexicon::embedded();
        for y in self.entities.ids() {
            let draft = self.entities.get(y);
            if draft.kind != EntityKind::Organization || draft.part_of.is_some() {
                continue;
            }
            let Some(&first) = draft.mentions.iter().next() else { continue };
            for name in draft.full_names.keys() {
                let folded: Vec<char> = fold(name).chars().collect();
                let parent = (2..folded.len().saturating_sub(1)).rev().find_map(|k| {
                    let prefix: String = folded[..k].iter().collect();
                    self.entities
                        .named(&prefix)
                        .filter(|&x| {
                            self.entities.resolve(x) != self.entities.resolve(y)
                                && self.entities.kind(x) == EntityKind::Organization
                        })
                        .map(|x| (x, k))
                });
                let Some((x, k)) = parent else { continue };
                let unit: String = folded[k..].iter().collect();
                let unit_word = self.class(Role::UnitEnding).ends(&unit) || self.class(Role::SubBodyEnding).ends(&unit);
                let opens = lex.segment(&folded, Span::new(k, folded.len())).first().is_some_and(|w| {
                    w.entry.is_none_or(|e| {
                        matches!(
                            e.pos,
                            PartOfSpeech::Noun
                                | PartOfSpeech::VerbalNoun
                                | PartOfSpeech::Place
                                | PartOfSpeech::Organisation
                                | PartOfSpeech::Proper
                                | PartOfSpeech::Adjective
                                | PartOfSpeech::Distinguishing
                                | PartOfSpeech::Abbreviation
                        )
                    })
                });
                if !unit_word || !opens {
                    continue;
                }
                let span = self.text().sentence_span_at(first.start).unwrap_or(first);
                out.push(Relation {
                    subject: y,
                    object: x,
                    property: UNIT_OF_BODY.to_owned(),
                    predicate_text: name.clone(),
                    span,
                });
                break;
            }
        }
        out
    }

    /// Whether the name at `name` is, as a whole, an ordinary word of the general lexicon that is
    /// no person's name (文件, 解釋): a person's name rarely is one.
    fn common_word(&self, name: Span) -> bool {
        self.general.word_at(name).is_some_and(|e| e.is_ordinary())
    }

    /// Whether the name at `name` is, as a whole, an ordinary word of the general lexicon that
    /// names nothing (a verb, an idiom, an adverb: 解釋, 成定局), which a recogniser took for a name.
    pub(super) fn ordinary_word(&self, name: Span) -> bool {
        self.general.word_at(name).is_some_and(|e| {
            e.is_ordinary()
                && !matches!(
                    e.pos,
                    PartOfSpeech::Noun
                        | PartOfSpeech::Place
                        | PartOfSpeech::Organisation
                        | PartOfSpeech::Proper
                        | PartOfSpeech::Abbreviation
                )
        })
    }

    /// Whether the name at `name` opens with a word a name can open with
    /// ([`PartOfSpeech::can_begin_name`]), and not a place word (其他, 對, 成, 當地).
    pub(super) fn opens_like_a_name(&self, name: Span) -> bool {
        let Some(first) = self.general.segment(name).into_iter().next() else { return false };
        // A word that runs past the name's start alone, as in 乙市 read 乙|市, is the name's own.
        first.entry.is_none_or(|e| (e.pos.can_begin_name() && e.pos != PartOfSpeech::PlaceWord) || first.span == name)
    }
}
