//! Who can be speaking: the people (and bodies) a speech verb may attach to, and the resolution of
//! a pronoun to the person it continues.
//!
//! Coreference proper (陳局長 → the 陳 named earlier, captions) is the entity stages' job: every
//! Person mention they made is an anchor here. What this module adds is the pronoun (他/她), which
//! names nobody and so is never a mention, and the outermost-mention view that the statement,
//! proposal and relation stages share.

use rustc_hash::FxHashMap;

use crate::analysis::Analysis;
use crate::lexicon::{Role, TitleKind, WordClass};
use crate::model::{EntityId, EntityKind};
use crate::span::Span;
use crate::text::{CLAUSE_END, CLOSERS, SENTENCE_END};

use super::quote;

/// Most stretches (topic clauses, quotations) a pronoun looks back past for the one it continues.
const MAX_SPOKEN_OF: usize = 3;

/// What stands in the speaker's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AnchorKind {
    /// A mention of a person.
    Person,
    /// A mention of an organisation (外交部發言人表示: the body speaks).
    Organization,
    /// 他/她, resolved to the last person named before it.
    Pronoun,
}

/// A place in a sentence where a speaker may be named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    /// Where the name or pronoun is.
    pub(crate) span: Span,
    /// The entity it stands for (a pronoun with nobody before it stands for nobody).
    pub(crate) speaker: Option<EntityId>,
    pub(crate) kind: AnchorKind,
    /// Written in object position (向X, 由X): it can mediate but not speak.
    pub(crate) object: bool,
}

/// Every person mention of an article by where it ends, for "the last person named before".
///
/// [`Analysis::last_person_before`] collects all mentions before a position on each call; this
/// index answers in logarithmic time, which keeps an article full of pronouns linear.
#[derive(Debug, Default)]
pub(crate) struct PersonIndex {
    /// (end of mention, person), sorted by end.
    by_end: Vec<(usize, EntityId)>,
    /// The same, by the first (folded) character of the mention: its surname.
    by_surname: FxHashMap<char, Vec<(usize, EntityId)>>,
    /// Full names the recognisers left unmarked ([`unmarked_name_occurrences`]), by start.
    unmarked: Vec<(Span, EntityId)>,
    /// The last word of each person's Latin name (Smith of John Smith), folded to lower case:
    /// the one person of the article it names, or `None` when two share it.
    latin_surnames: FxHashMap<String, Option<EntityId>>,
}

impl PersonIndex {
    pub(crate) fn new(a: &Analysis<'_>) -> Self {
        let mut by_end: Vec<(usize, EntityId)> = Vec::new();
        let mut by_surname: FxHashMap<char, Vec<(usize, EntityId)>> = FxHashMap::default();
        let mut add = |id: EntityId, s: Span| {
            by_end.push((s.end, id));
            if let Some(c) = a.folded_char(s.start) {
                by_surname.entry(c).or_default().push((s.end, id));
            }
        };
        for (id, s) in a.entities.all_mentions() {
            if a.entities.kind(id) == EntityKind::Person && !crate::recognize::person::is_photo_credit(a, s) {
                add(id, s);
            }
        }
        let mut unmarked = unmarked_name_occurrences(a);
        unmarked.retain(|&(_, s)| !crate::recognize::person::is_photo_credit(a, s));
        for &(id, s) in &unmarked {
            add(id, s);
        }
        by_end.sort_unstable();
        for list in by_surname.values_mut() {
            list.sort_unstable();
        }
        unmarked.sort_unstable_by_key(|(_, s)| s.start);
        let mut latin_surnames: FxHashMap<String, Option<EntityId>> = FxHashMap::default();
        for id in a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Person) {
            let id = a.entities.resolve(id);
            for name in a.entities.get(id).full_names.keys() {
                if let Some(last) = crate::resolve::latin_surname(name) {
                    latin_surnames
                        .entry(last.to_ascii_lowercase())
                        .and_modify(|x| *x = x.filter(|&other| other == id))
                        .or_insert(Some(id));
                }
            }
        }
        Self { by_end, by_surname, unmarked: unmarked.into_iter().map(|(id, s)| (s, id)).collect(), latin_surnames }
    }

    /// The one person whose Latin name ends with the word `surname` (Smith: John Smith).
    pub(crate) fn latin_surname(&self, surname: &str) -> Option<EntityId> {
        self.latin_surnames.get(&surname.to_ascii_lowercase()).copied().flatten()
    }

    /// Unmarked occurrences of a person's full name that start inside `span`.
    pub(crate) fn unmarked_in(&self, span: Span) -> &[(Span, EntityId)] {
        let from = self.unmarked.partition_point(|(s, _)| s.start < span.start);
        let to = self.unmarked.partition_point(|(s, _)| s.start < span.end);
        &self.unmarked[from..to]
    }

    /// The person whose mention ends last at or before `pos`.
    pub(crate) fn last_before(&self, pos: usize) -> Option<EntityId> {
        let i = self.by_end.partition_point(|(end, _)| *end <= pos);
        i.checked_sub(1).map(|i| self.by_end[i].1)
    }

    /// Where the person mention that ends last at or before `pos` ends.
    pub(crate) fn last_end_before(&self, pos: usize) -> Option<usize> {
        let i = self.by_end.partition_point(|(end, _)| *end <= pos);
        i.checked_sub(1).map(|i| self.by_end[i].0)
    }

    /// The person with surname `surname` whose mention ends last at or before `pos`.
    pub(crate) fn last_with_surname_before(&self, surname: char, pos: usize) -> Option<EntityId> {
        let list = self.by_surname.get(&surname)?;
        let i = list.partition_point(|(end, _)| *end <= pos);
        i.checked_sub(1).map(|i| list[i].1)
    }
}

/// Occurrences of a person's full name that the recognisers left unmarked (顏武周畢業於…: no
/// title, no verb after it), for "the last person named": the reader still sees the name there.
/// One scan of the folded characters, leftmost-longest and not overlapping, so linear in the
/// text's length. An article names a few people, so the names are looked up by their first
/// character instead of through an automaton: building one for every article (twice: statements
/// and proposals both index the people) cost more than the rest of the index. Occurrences that
/// overlap another entity's mention are not taken.
fn unmarked_name_occurrences(a: &Analysis<'_>) -> Vec<(EntityId, Span)> {
    let mut names: Vec<(Vec<char>, EntityId)> = Vec::new();
    for id in a.entities.ids() {
        if a.entities.kind(id) != EntityKind::Person {
            continue;
        }
        for name in a.entities.get(id).full_names.keys() {
            let folded: Vec<char> = name.chars().map(crate::normalize::fold_char).collect();
            // A "name" holding a pronoun (包括他) is a misreading, not a name to look for.
            let pronoun = folded.iter().any(|&c| a.class(Role::PersonalPronoun).has_char(c));
            if folded.len() >= 2 && folded.iter().all(|&c| crate::text::is_cjk(c)) && !pronoun {
                names.push((folded, id));
            }
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    // Names by first character, longest first (the first listed of equal ones first): the first
    // that matches at a position is the longest match there.
    let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (i, (name, _)) in names.iter().enumerate() {
        by_first.entry(name[0]).or_default().push(i);
    }
    for list in by_first.values_mut() {
        list.sort_by_key(|&i| std::cmp::Reverse(names[i].0.len()));
    }
    let text = a.text().folded_chars();
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let found =
            by_first.get(&text[at]).and_then(|list| list.iter().find(|&&i| text[at..].starts_with(&names[i].0)));
        let Some(&i) = found else {
            at += 1;
            continue;
        };
        let (name, id) = &names[i];
        let span = Span::new(at, at + name.len());
        if a.entities.overlapping(span).iter().all(|(other, _)| a.entities.resolve(*other) == a.entities.resolve(*id)) {
            out.push((a.entities.resolve(*id), span));
        }
        at = span.end;
    }
    out
}

/// Speakers the text names by their role (警方表示, 局方表示, 發言人又指): each becomes a mention of
/// the body it stands for before the speakers are looked for, so that it speaks as any named body
/// does.
/// - 警方, 局方, 校方, 當局, 該公司 (the [`REFERRING_ROLES`]): the organisation of a fitting kind
///   named last before it ([`Analysis::referred_body`]); with none, 警方 is one organisation of
///   the article named by the word, and the others are nobody;
/// - a bare 發言人 ([`Role::Spokesman`]): the body whose spokesman was named last before it
///   (外交部發言人表示…。發言人又指); with none, it stays nobody;
/// - 政府 standing alone ([`Role::UnnamedGovernment`]): the government named before it or the
///   region's ([`unnamed_government_speakers`]).
///
/// Only where the word opens a clause and a speech verb follows it (past adverbs): elsewhere the
/// word is no speaker (被警方拘捕). One pass over the occurrences of a few words: linear.
pub(crate) fn role_named_speakers(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    let mut body: Option<EntityId> = None;
    let organisations = a.organisations_by_end();
    for role in REFERRING_ROLES {
        let words: Vec<String> = a.class(role).words().map(str::to_owned).collect();
        for word in words {
            for span in a.occurrences(&word) {
                // Through a frame as a named body does (警方在記者會上表示，…).
                if !a.entities.is_free(span) || !a.role_word_speaks_here_or_through_frame(span) {
                    continue;
                }
                if let Some(id) = a.referred_body(role, &word, span.start, &organisations) {
                    found.push((id, span));
                } else if role == Role::SpeakingBody {
                    let surface = a.surface(span).to_owned();
                    let id = *body.get_or_insert_with(|| a.entities.create(EntityKind::Organization, &surface, true));
                    found.push((id, span));
                }
            }
        }
    }
    for word in a.class(Role::Spokesman).words() {
        let mut last: Option<EntityId> = None;
        for span in a.occurrences(word) {
            if let Some(id) = a.organisation_ending_at(span.start) {
                last = Some(id);
            } else if let Some(id) = last
                && a.entities.is_free(span)
                && a.role_word_speaks(span)
            {
                found.push((id, span));
            }
        }
    }
    found.extend(court_party_speakers(a));
    found.extend(report_speakers(a));
    found.extend(title_speakers(a));
    let (named, home) = unnamed_government_speakers(a, &organisations);
    found.extend(named);
    for (id, span) in found {
        let surface = a.surface(span).to_owned();
        a.entities.add_mention(id, span, &surface);
    }
    for (entry, span) in home {
        crate::recognize::known::add_known_reference(a, entry, span);
    }
}

/// The sides of a court case named by their role ([`Role::CourtParty`]: 控方, 辯方) where they
/// speak: at the head of a clause before a speech verb, past adverbs (控方指，, 辯方又指出，) or a
/// frame of their own (辯方求情時指，, 控方結案陳詞時表示，). Each word is one organisation of the
/// article, made when it first speaks — annotators take the prosecution and the defence for the
/// bodies that speak in court reporting, and there is no earlier name for them to refer to. Not
/// where a title follows the word (辯方大律師陳大文表示: the barrister speaks). One pass over
/// the occurrences of two words: linear.
fn court_party_speakers(a: &mut Analysis<'_>) -> Vec<(EntityId, Span)> {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    let words: Vec<String> = a.class(Role::CourtParty).words().map(str::to_owned).collect();
    for word in words {
        let mut party: Option<EntityId> = None;
        for span in a.occurrences(&word) {
            let titled = a.word_starting_at(span.end, |c| matches!(c, WordClass::Title(_))).is_some();
            if titled || !a.entities.is_free(span) || !a.role_word_speaks_here_or_through_frame(span) {
                continue;
            }
            let surface = a.surface(span).to_owned();
            let id = *party.get_or_insert_with(|| a.entities.create(EntityKind::Organization, &surface, true));
            found.push((id, span));
        }
    }
    found
}

/// Mentions of lexicon entries: (entry, where).
type EntryMentions = Vec<(usize, Span)>;

/// 政府 standing alone at the head of its clause before a speech verb (政府表示, 政府亦宣布):
/// the government named last before it in its paragraph (甲國政府…。政府表示
/// is 甲國政府's statement); with none, the government of the article's region when the lexicon
/// knows one only ([`home_government`]: Hong Kong's, Macau's; the mainland has many), found as
/// a lexicon entry (`.1`); else nobody. Reporting of a region calls its own government 政府.
/// One pass over the occurrences of a word or two: linear.
fn unnamed_government_speakers(
    a: &Analysis<'_>,
    organisations: &[(Span, EntityId)],
) -> (Vec<(EntityId, Span)>, EntryMentions) {
    let (mut named, mut home) = (Vec::new(), Vec::new());
    let region_government = home_government(a);
    for word in a.class(Role::UnnamedGovernment).words() {
        for span in a.occurrences(word) {
            if !a.entities.is_free(span) || !a.role_word_speaks(span) {
                continue;
            }
            if let Some(id) = a.government_named_before(span.start, organisations) {
                named.push((id, span));
            } else if let Some(entry) = region_government {
                home.push((entry, span));
            }
        }
    }
    (named, home)
}

/// The one lexicon entry of a government (class `government`, a name ending in 政府) of the
/// article's region, if the lexicon knows exactly one (香港特別行政區政府 for a Hong Kong
/// article; none for the mainland, whose provinces have governments of their own).
fn home_government(a: &Analysis<'_>) -> Option<usize> {
    let unnamed = a.class(Role::UnnamedGovernment);
    let mut found = a.lex.known.iter().enumerate().filter(|(_, k)| {
        k.class == crate::lexicon::KnownClass::Government && k.region == Some(a.region) && unnamed.ends(&k.key)
    });
    let (entry, _) = found.next()?;
    found.next().is_none().then_some(entry)
}

/// The classes of words that speak for an organisation named before them, each with the endings
/// of the names it may refer to ([`Analysis::referred_body`]).
const REFERRING_ROLES: [Role; 4] =
    [Role::SpeakingBody, Role::BodyReference, Role::SchoolReference, Role::GovernmentReference];

/// How many organisation mentions back a referring word looks for its body: bounds the work per
/// word (an article names far fewer bodies between a body and the word referring to it).
const REFERENCE_REACH: usize = 64;

/// How many characters may stand between an outlet and its 報道 (中央社周五報道: a day or a
/// possessive 的 between them).
const REPORT_GAP: usize = 4;

/// A report that speaks ([`Role::Report`]: 報道指, 報道又稱) speaks for the outlet whose report
/// was named last before it (中央社報道…。報道又稱: 中央社's statement): annotators attribute
/// what a report says to its outlet. The outlet is the organisation written right before a 報道,
/// or a few words before it that name nothing (中央社報道, 《某報》報道, 中央社的報道, 據新華社報道);
/// such a 報道 speaks too when a speech verb follows it (中央社的報道說), unless the outlet is
/// right before a speech verb starting there (報道稱 is a verb: 新華社報道稱 is found as it is).
/// A report with no outlet before it is nobody's. A statement or report a body issued
/// ([`Role::Document`]: 某會發表聲明…。聲明又指, 某局在報告中說) speaks for that body the same
/// way. One pass over the occurrences: linear.
fn report_speakers(a: &Analysis<'_>) -> Vec<(EntityId, Span)> {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    let words: Vec<&str> = a.class(Role::Report).words().chain(a.class(Role::Document).words()).collect();
    for word in words {
        let mut last: Option<EntityId> = None;
        let document = a.class(Role::Document).contains(&crate::normalize::fold(word));
        for span in a.occurrences(word) {
            let outlet = a
                .outlet_of_report(span)
                .filter(|(_, outlet)| !document || a.is_report_gap(Span::new(outlet.end, span.start), true));
            if outlet.is_none() && a.class_word_before(Role::IssuingVerb, span.start).is_some() {
                // A document someone the recognisers did not name issued (某小組今日發聲明指):
                // what is said of it later is not the earlier body's.
                last = None;
                continue;
            }
            if let Some((id, outlet)) = outlet {
                let adjacent = outlet.end == span.start;
                last = Some(id);
                let found_as_it_is = adjacent && a.speech_verb_starts_at(span.start);
                if !found_as_it_is && a.entities.is_free(span) && a.verb_follows_role_word(span) {
                    found.push((id, span));
                }
            } else if let Some(id) = last
                && a.entities.is_free(span)
                && a.role_word_speaks(span)
            {
                found.push((id, span));
            }
        }
    }
    found
}

/// A title standing alone at the head of its clause before a speech verb (法官續指, 裁判官表示)
/// speaks for the person written last right after that same title (高等法院法官陳大文…。法官
/// 續指 is 陳大文's): court and official reporting names someone once with their title and goes
/// on calling them by it. A title nobody was named after yet is nobody; a newsroom title (記者)
/// names the reporter, and 發言人 speaks for a body ([`Role::Spokesman`]). One pass over the
/// characters: linear.
fn title_speakers(a: &Analysis<'_>) -> Vec<(EntityId, Span)> {
    let mut found = Vec::new();
    let mut last: FxHashMap<usize, EntityId> = FxHashMap::default();
    let spokesman = a.class(Role::Spokesman);
    for pos in 0..a.text().len() {
        let Some((span, WordClass::Title(i))) = a.word_starting_at(pos, |c| matches!(c, WordClass::Title(_))) else {
            continue;
        };
        if a.lex.titles[i].kind == TitleKind::Reporter || spokesman.contains(a.folded(span)) {
            continue;
        }
        let named = a
            .entities
            .overlapping(Span::new(span.end, span.end + 1))
            .into_iter()
            .find(|&(id, s)| s.start == span.end && a.entities.kind(id) == EntityKind::Person);
        if let Some((id, _)) = named {
            last.insert(i, a.entities.resolve(id));
        } else if let Some(&id) = last.get(&i)
            && a.entities.is_free(span)
            && a.role_word_speaks(span)
        {
            found.push((id, span));
        }
    }
    found
}

impl Analysis<'_> {
    /// The organisation mentions of the article, by where they end.
    fn organisations_by_end(&self) -> Vec<(Span, EntityId)> {
        let mut out: Vec<(Span, EntityId)> = self
            .entities
            .all_mentions()
            .into_iter()
            .filter(|&(id, _)| self.entities.kind(id) == EntityKind::Organization)
            .map(|(id, s)| (s, self.entities.resolve(id)))
            .collect();
        out.sort_unstable_by_key(|(s, _)| (s.end, s.start));
        out
    }

    /// The body the referring `word` of class `role` written at `pos` stands for: the
    /// organisation named last before `pos` whose name (that mention's) fits the word
    /// ([`name_fits_reference`]): 運輸署…。署方表示 → 運輸署.
    fn referred_body(
        &self,
        role: Role,
        word: &str,
        pos: usize,
        organisations: &[(Span, EntityId)],
    ) -> Option<EntityId> {
        let (span, id) =
            self.body_named_before(pos, organisations, |name| self.name_fits_reference(role, word, name))?;
        if role == Role::GovernmentReference && !self.government_named_near(span, pos) {
            return None;
        }
        Some(id)
    }

    /// The organisation named last before `pos` (within [`REFERENCE_REACH`] mentions of
    /// `organisations`, sorted by end) whose folded name `fits`, with that mention.
    fn body_named_before(
        &self,
        pos: usize,
        organisations: &[(Span, EntityId)],
        fits: impl Fn(&str) -> bool,
    ) -> Option<(Span, EntityId)> {
        let before = organisations.partition_point(|(s, _)| s.end <= pos);
        organisations[..before].iter().rev().take(REFERENCE_REACH).find(|(s, _)| fits(self.folded(*s))).copied()
    }

    /// The government named last before `pos` in its paragraph (an organisation whose name ends
    /// in 政府): what a 政府 standing alone at `pos` refers to. Only its own paragraph: Hong Kong
    /// reporting names the central government in passing and goes on calling its own 政府.
    fn government_named_before(&self, pos: usize, organisations: &[(Span, EntityId)]) -> Option<EntityId> {
        let unnamed = self.class(Role::UnnamedGovernment);
        let (span, id) =
            self.body_named_before(pos, organisations, |name| unnamed.ends(name) && !unnamed.contains(name))?;
        let paragraphs = self.text().paragraphs();
        let here = paragraphs.partition_point(|p| p.span.end <= pos);
        paragraphs.get(here).is_some_and(|p| span.start >= p.span.start).then_some(id)
    }

    /// Whether the government body at `body` is what a 當局 at `pos` refers to: named in the
    /// same paragraph or the one before (當局 names no kind of body, and a digest of short
    /// reports names another country's bodies a few paragraphs earlier), with no unnamed 政府
    /// ([`Role::UnnamedGovernment`]) between them (政府將收費。當局指… is the government's).
    fn government_named_near(&self, body: Span, pos: usize) -> bool {
        let paragraphs = self.text().paragraphs();
        let here = paragraphs.partition_point(|p| p.span.end <= pos);
        let from = paragraphs.get(here.saturating_sub(1)).map_or(0, |p| p.span.start);
        if body.start < from {
            return false;
        }
        let between = Span::new(body.end, pos);
        let unnamed = self.class(Role::UnnamedGovernment);
        let folded = self.folded(between);
        !unnamed.words().any(|w| {
            folded.match_indices(w).any(|(byte, _)| {
                let start = body.end + folded[..byte].chars().count();
                self.entities.is_free(Span::new(start, start + w.chars().count()))
            })
        })
    }

    /// Whether an organisation named `name` (folded) is what the referring `word` of class `role`
    /// may stand for: 警方 a police body ([`Role::PoliceEnding`]), 校方 a school
    /// ([`Role::SchoolEnding`]), 當局 a government body ([`Role::AuthorityEnding`]), and a
    /// [`Role::BodyReference`] a body whose name ends in the word without its 該 or its last
    /// character (局方 → 教育局, 該公司 → 某某有限公司).
    fn name_fits_reference(&self, role: Role, word: &str, name: &str) -> bool {
        let ending = match role {
            Role::SpeakingBody => Role::PoliceEnding,
            Role::SchoolReference => Role::SchoolEnding,
            Role::GovernmentReference => Role::AuthorityEnding,
            Role::BodyReference => {
                let mut chars = word.chars();
                let stem = match chars.next() {
                    Some(c) if self.class(Role::Anaphoric).has_char(c) => chars.as_str(),
                    _ => word.char_indices().last().map_or("", |(i, _)| &word[..i]),
                };
                return !stem.is_empty() && name.ends_with(stem) && name != word;
            }
            _ => return false,
        };
        self.class(ending).ends(name)
    }

    /// Whether a word at `span` opens a clause and a speech verb follows it, past adverbs
    /// (警方表示, 。發言人又指).
    fn role_word_speaks(&self, span: Span) -> bool {
        self.role_word_opens_clause(span) && self.verb_follows_role_word(span)
    }

    /// Whether a word at `span` opens a clause (after a pause, a closing mark, a space, or at the
    /// start of a sentence or paragraph).
    fn role_word_opens_clause(&self, span: Span) -> bool {
        span.start == 0 || self.sentence_starts_at(span.start) || {
            let b = self.char_at(span.start - 1);
            CLAUSE_END.contains(&b) || SENTENCE_END.contains(&b) || CLOSERS.contains(&b) || b.is_whitespace()
        }
    }

    /// Whether a word at `span` speaks right there ([`Self::role_word_speaks`]) or through a frame
    /// ([`Self::role_word_speaks_through_frame`]): 警方表示, 警方在記者會上表示.
    fn role_word_speaks_here_or_through_frame(&self, span: Span) -> bool {
        self.role_word_speaks(span) || self.role_word_speaks_through_frame(span)
    }

    /// Whether a word at `span` opens a clause whose first speech verb it reaches through a frame
    /// a body speaks through ([`Analysis::is_body_frame`]: 求情時, 在庭上, 結案陳詞時) and a
    /// pause or a quote follows that verb (辯方求情時指，…).
    fn role_word_speaks_through_frame(&self, span: Span) -> bool {
        if !self.role_word_opens_clause(span) {
            return false;
        }
        let limit = self.clause_end(span.end, (span.end + super::MAX_BODY_FRAME + 1).min(self.text().len()));
        let Some(pos) = (span.end..limit).find(|&p| self.speech_verb_starts_at(p)) else {
            return false;
        };
        self.speech_verb_at(pos).is_some_and(|(verb, _)| self.pause_at(verb.end))
            && self.is_body_frame(Span::new(span.end, pos))
    }

    /// Whether a sentence or a paragraph starts at `pos` (a paragraph after a caption with no
    /// full stop starts a clause though the character before it is no punctuation).
    fn sentence_starts_at(&self, pos: usize) -> bool {
        let starts = |segments: &[crate::text::Segment]| {
            let i = segments.partition_point(|s| s.span.start < pos);
            segments.get(i).is_some_and(|s| s.span.start == pos)
        };
        starts(self.text().sentences()) || starts(self.text().paragraphs())
    }

    /// The organisation with a mention ending right at `end` (the longest such mention's): the
    /// body a spokesman or a report is written after (外交部|發言人, 中央社|報道).
    fn organisation_ending_at(&self, end: usize) -> Option<EntityId> {
        self.entities
            .mentions_ending_at(end)
            .into_iter()
            .find(|&(id, _)| self.entities.kind(id) == EntityKind::Organization)
            .map(|(id, _)| id)
    }

    /// Whether a speech verb follows the word at `span`, past a spokesman's title and up to three
    /// adverbs (發言人又指; 政府發言人指, 警方發言人表示: the body speaks through its spokesman,
    /// whom the article does not name).
    fn verb_follows_role_word(&self, span: Span) -> bool {
        let adverb = self.class(Role::Adverb);
        let spokesman = self.class(Role::Spokesman);
        let mut verb_at = self
            .word_starting_at(span.end, |c| matches!(c, WordClass::Title(_)))
            .filter(|(title, _)| spokesman.contains(self.folded(*title)))
            .map_or(span.end, |(title, _)| title.end);
        let start = verb_at;
        while verb_at < start + 3 && self.folded_char(verb_at).is_some_and(|x| adverb.has_char(x)) {
            verb_at += 1;
        }
        self.speech_verb_starts_at(verb_at)
    }

    /// The organisation whose report the 報道 at `span` is, with its mention: one written right
    /// before it, or at most [`REPORT_GAP`] characters before it past a closing bracket, a space
    /// or words that name nothing (中央社報道, 《某報》報道, 中央社的報道, 中央社周五報道,
    /// 《某報》 當日報道).
    pub(super) fn outlet_of_report(&self, span: Span) -> Option<(EntityId, Span)> {
        let mut end = span.start;
        while end > 0 && span.start - end <= REPORT_GAP {
            if self.sentence_starts_at(end) {
                return None;
            }
            if let Some(found) = self
                .entities
                .mentions_ending_at(end)
                .into_iter()
                .find(|&(id, _)| self.entities.kind(id) == EntityKind::Organization)
            {
                return Some(found);
            }
            let gap = self.char_at(end - 1);
            let passable = CLOSERS.contains(&gap)
                || gap.is_whitespace()
                || (gap.is_alphanumeric() && self.entities.is_free(Span::new(end - 1, end)));
            if !passable {
                return None;
            }
            end -= 1;
        }
        None
    }

    /// Whether `gap` between an outlet and its 報道 says only when it reported (《甲報》今天報道,
    /// 甲台周一報道, 甲社早前報道, 甲報今年2月報道, 甲報就報道): past closing marks and spaces,
    /// words of time, adverbs and date words of the general lexicon, or digits. A noun, verb or
    /// count there makes the report a noun of the sentence (甲台歷年多篇報道，, 甲台翻查以往
    /// 報道，). `issued`: a statement or report, which a body issues — a verb of issuing
    /// ([`Role::IssuingVerb`]), 的 and prepositions may stand there too (甲會昨日發表聲明,
    /// 甲會的報告, 甲局在報告中; not 甲台拆解報告: the outlet analyses another's report).
    pub(super) fn is_report_gap(&self, gap: Span, issued: bool) -> bool {
        use crate::lexicon::general::PartOfSpeech;
        let mut start = gap.start;
        while start < gap.end && self.folded_char(start).is_some_and(|c| CLOSERS.contains(&c) || c.is_whitespace()) {
            start += 1;
        }
        let issuing = self.class(Role::IssuingVerb);
        self.general.segment(Span::new(start, gap.end)).iter().all(|s| match s.entry {
            Some(e) => {
                matches!(e.pos, PartOfSpeech::Time | PartOfSpeech::Adverb | PartOfSpeech::Locative)
                    || (e.pos == PartOfSpeech::Numeral && s.span.len() == 1)
                    || (issued
                        && (matches!(e.pos, PartOfSpeech::Particle | PartOfSpeech::Preposition)
                            || issuing.contains(self.folded(s.span))))
            }
            None => self.chars_of(s.span).iter().all(char::is_ascii_digit),
        })
    }

    /// Entity mentions inside `span` that no other mention contains (香港科技大學, not the
    /// 香港 inside it), in text order.
    pub(crate) fn outer_mentions_in(&self, span: Span) -> Vec<(EntityId, Span)> {
        let mut all = self.mentions_in(span);
        all.sort_by_key(|(_, s)| (s.start, std::cmp::Reverse(s.end)));
        let mut out: Vec<(EntityId, Span)> = Vec::with_capacity(all.len());
        for (id, s) in all {
            if out.last().is_some_and(|(_, last)| last.overlaps(s)) {
                continue;
            }
            out.push((id, s));
        }
        out
    }

    /// Possible speakers in `span`, in text order: person and organisation mentions, and
    /// pronouns resolved through `people`.
    pub(crate) fn anchors_in(&self, span: Span, people: &PersonIndex) -> Vec<Anchor> {
        // 代表房屋事務委員會, 聯同X: on whose behalf or with whom, not who speaks (but 首席代表
        // before a person is a title).
        let object_at = |start: usize, person: bool| {
            // 對《X報》說, 被《X報》指: the marker stands before the title's opening mark.
            let start = if start > 0 && self.folded_char(start - 1) == Some('《') { start - 1 } else { start };
            (start > 0 && self.folded_char(start - 1).is_some_and(|c| self.class(Role::ObjectMarker).has_char(c)))
                || (person && self.addressed_by_title(start))
                || (!person
                    && start >= 2
                    && (self.class_word_before(Role::OnBehalfOf, start).is_some()
                        || self.class_word_before(Role::Accompanying, start).is_some()))
                || (!person && self.after_locative_preposition(start))
        };
        let mentions = self.outer_mentions_in(span);
        let mut anchors: Vec<Anchor> = mentions
            .iter()
            .filter_map(|&(id, s)| {
                let kind = match self.entities.kind(id) {
                    EntityKind::Person => AnchorKind::Person,
                    EntityKind::Organization => AnchorKind::Organization,
                    _ => return None,
                };
                Some(Anchor {
                    span: s,
                    speaker: Some(id),
                    kind,
                    object: object_at(s.start, kind == AnchorKind::Person),
                })
            })
            .collect();
        let folded = self.chars_of(span);
        for (i, &c) in folded.iter().enumerate() {
            if !self.class(Role::PersonalPronoun).has_char(c) {
                continue;
            }
            let pos = span.start + i;
            let before = if i > 0 { Some(folded[i - 1]) } else { None };
            let after = folded.get(i + 1).copied();
            if before.is_some_and(|b| self.class(Role::NotPronounBefore).has_char(b))
                || after.is_some_and(|n| self.class(Role::NotPronounAfter).has_char(n))
                || mentions.iter().any(|(_, s)| s.start <= pos && pos < s.end)
            {
                continue;
            }
            anchors.push(Anchor {
                span: Span::new(pos, pos + 1),
                speaker: self.pronoun_referent(pos, people),
                kind: AnchorKind::Pronoun,
                object: object_at(pos, true),
            });
        }
        // A person named again where the recognisers marked nothing (美國總統陳大文周四表示,
        // then 陳大文周五表示): the reader still sees the name, and it can speak.
        anchors.extend(people.unmarked_in(span).iter().filter(|(s, _)| s.end <= span.end).filter_map(|&(s, id)| {
            let overlaps = mentions.iter().any(|(_, m)| m.overlaps(s));
            (!overlaps && !self.is_common_word(s)).then_some(Anchor {
                span: s,
                speaker: Some(id),
                kind: AnchorKind::Person,
                object: object_at(s.start, true),
            })
        }));
        anchors.extend(self.surname_anchors(span, &mentions, people));
        anchors.sort_by_key(|a| a.span.start);
        self.mark_addressees(&mut anchors);
        anchors
    }

    /// The person a pronoun at `pos` continues: the last person named before it — unless that
    /// person is only spoken of where they are named, and the pronoun then goes back past that
    /// stretch to the person named before it (or nobody):
    ///
    /// - a topic clause of the pronoun's sentence ([`Role::TopicFrame`]): 對於甲的說法，他指…;
    ///   乙在會上被問到甲會否參選，她說… — 甲 is asked about, 乙 answers;
    /// - a quotation that closed before the pronoun ([`Analysis::quotation_holding`]):
    ///   「甲到死都未完成心願。」他說 — a speaker names others in what they say, not themselves.
    fn pronoun_referent(&self, pos: usize, people: &PersonIndex) -> Option<EntityId> {
        let mut at = pos;
        for _ in 0..MAX_SPOKEN_OF {
            let named = people.last_end_before(at)?;
            let Some(back) = self.topic_clause_holding(named, pos).or_else(|| self.quotation_holding(named, pos))
            else {
                break;
            };
            at = back.start;
        }
        people.last_before(at)
    }

    /// The clause of the sentence at `pos` that holds the mention ending at `named`, when a topic
    /// word opens it ([`Role::TopicFrame`]) and `pos` lies after it.
    fn topic_clause_holding(&self, named: usize, pos: usize) -> Option<Span> {
        let sentence = self.text().sentence_span_at(pos)?;
        let clause = *self.text().clauses(sentence).iter().find(|c| c.start < named && named <= c.end)?;
        if pos < clause.end {
            return None;
        }
        let start = (clause.start..clause.end).find(|&p| self.folded_char(p).is_some_and(char::is_alphanumeric))?;
        self.class_word_at(Role::TopicFrame, start).map(|_| clause)
    }

    /// The quotation that holds the mention ending at `named` and closes before `pos`, when it says something (a pause or a sentence end inside it): not a
    /// name or nickname in quotation marks (「長毛」), which is the person themself.
    fn quotation_holding(&self, named: usize, pos: usize) -> Option<Span> {
        let paragraphs = self.text().paragraphs();
        let paragraph = paragraphs.get(paragraphs.partition_point(|p| p.span.end < named))?.span;
        if named <= paragraph.start {
            return None;
        }
        (named..pos.min(paragraph.end))
            .filter(|&p| self.folded_char(p).and_then(quote::opener_of).is_some_and(|o| o != '"'))
            .filter_map(|p| self.quote_to(p, Span::new(paragraph.start, p + 1)))
            .find(|q| q.start < named)
            .filter(|q| self.chars_of(*q).iter().any(|c| CLAUSE_END.contains(c) || SENTENCE_END.contains(c)))
    }

    /// Marks as objects the people spoken to: a person or pronoun after 向/對
    /// ([`Role::AddresseeMarker`]) later in the clause of a speaker named before it, with a
    /// description between (甲向乙表示, 甲則對到訪的某國部長乙說, 他對女友乙說): 乙 hears what 甲
    /// says. The marker must stand as a word of its own (對於, 對此, 面對, 向來 are other
    /// words) and no verb of saying may stand between the two (甲表示，向乙…: 乙 is in what 甲 said).
    fn mark_addressees(&self, anchors: &mut [Anchor]) {
        let marker = self.class(Role::AddresseeMarker);
        for i in 1..anchors.len() {
            let to = anchors[i].span.start;
            if anchors[i].object || anchors[i].kind == AnchorKind::Organization {
                continue;
            }
            let Some(speaker) = anchors[..i].iter().rev().find(|x| !x.object && x.span.end <= to) else {
                continue;
            };
            let gap = Span::new(speaker.span.end, to);
            let addressed = gap.len() <= super::MAX_FRAME
                && self.folded(gap).chars().all(|c| !CLAUSE_END.contains(&c) && !SENTENCE_END.contains(&c))
                && (gap.start..gap.end).any(|p| {
                    self.folded_char(p).is_some_and(|c| marker.has_char(c))
                        && self.general.longest_starting_at(p).is_none_or(|w| w.span.len() == 1)
                        && !self.general.is_crossed(p)
                })
                && !(gap.start..gap.end).any(|p| self.speech_verb_starts_at(p));
            if addressed {
                anchors[i].object = true;
            }
        }
    }

    /// Whether a person named at `start` is spoken to through the titles written before the name
    /// (甲向司法常務官乙聲稱, 她對署理局長乙說): 向/對 ([`Role::AddresseeMarker`]), standing as a word
    /// of its own (not 面對, 針對), opens the titles, and 乙 hears what is said — whether or not
    /// the one speaking was named in the clause.
    fn addressed_by_title(&self, start: usize) -> bool {
        let mut at = start;
        while let Some(w) = self
            .words
            .ending_at(at)
            .iter()
            .filter(|w| {
                w.span.start < at
                    && self.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Title(_)))
            })
            .min_by_key(|w| w.span.start)
        {
            at = w.span.start;
        }
        at < start
            && at > 0
            && self.folded_char(at - 1).is_some_and(|c| self.class(Role::AddresseeMarker).has_char(c))
            && self.general.words_ending_at(at).all(|w| w.span.len() < 2)
    }

    /// Whether a locative preposition standing as a word of its own comes right before `start`
    /// (在Twitter表示, 於立法會回應): a body written there is where someone spoke, not who
    /// spoke — the speaker is the person before the preposition. 在 ending a longer word of the
    /// general lexicon (現在, 正在, 仍在) is no preposition (現在港鐵表示: the body speaks).
    fn after_locative_preposition(&self, start: usize) -> bool {
        start > 0
            && self.folded_char(start - 1).is_some_and(|c| self.class(Role::LocativePreposition).has_char(c))
            && self.general.words_ending_at(start).all(|w| w.span.len() < 2)
    }

    /// Whether `span` is a word of the general lexicon other than a person's name (項目, 曾經):
    /// a "person" so named is a misreading, and is not looked for where nothing marked it.
    fn is_common_word(&self, span: Span) -> bool {
        self.general.word_at(span).is_some_and(|w| w.pos != crate::lexicon::general::PartOfSpeech::Person)
    }

    /// A surname alone at the start of a clause, before a speech verb, standing for the person
    /// of that surname named last (陳大文表示，…。陳又指，…): the reporter's short way of
    /// naming again (see [`Self::surname_speaks_at`]).
    fn surname_anchors(&self, span: Span, mentions: &[(EntityId, Span)], people: &PersonIndex) -> Vec<Anchor> {
        let mut out = Vec::new();
        for pos in span.start..span.end {
            if !self.surname_speaks_at(pos) || mentions.iter().any(|(_, s)| s.start <= pos && pos < s.end) {
                continue;
            }
            let Some(c) = self.folded_char(pos) else { continue };
            if let Some(id) = people.last_with_surname_before(c, pos) {
                out.push(Anchor {
                    span: Span::new(pos, pos + 1),
                    speaker: Some(id),
                    kind: AnchorKind::Person,
                    object: false,
                });
            }
        }
        out
    }

    /// Whether a surname stands alone at `pos` as the subject of a speech verb: at the start of
    /// a clause, then (past adverbs: 又, 亦, 則) a speech verb — 「…。陳又指，…」, 「羅稱…」. A
    /// surname that is also an adverb (曾表示: had said) is not read so. Statements attribute
    /// what follows to the person of that surname; coreference makes it one of their names.
    pub(crate) fn surname_speaks_at(&self, pos: usize) -> bool {
        let Some(c) = self.folded_char(pos) else { return false };
        let opens_clause = pos == 0 || {
            let b = self.char_at(pos - 1);
            // After an ideograph (most positions) no clause opens: answered before the lists.
            !crate::text::is_cjk(b)
                && (CLAUSE_END.contains(&b) || SENTENCE_END.contains(&b) || CLOSERS.contains(&b) || b.is_whitespace())
        };
        let adverb = self.class(Role::Adverb);
        let mut buf = [0u8; 4];
        if !opens_clause || adverb.has_char(c) || !self.lex.is_surname(c.encode_utf8(&mut buf)) {
            return false;
        }
        let mut verb_at = pos + 1;
        while verb_at < pos + 4 && self.folded_char(verb_at).is_some_and(|x| adverb.has_char(x)) {
            verb_at += 1;
        }
        self.speech_verb_starts_at(verb_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::analysis_with;

    /// Every name, pronoun and body reference of the whole text that can speak, in order.
    fn all_anchors(a: &Analysis) -> Vec<Anchor> {
        a.anchors_in(Span::new(0, a.text().len()), &PersonIndex::new(a))
    }

    #[test]
    fn a_pronoun_continues_the_last_person_named() {
        let a = analysis_with(
            "王勇致辭。李家超表示，他會出席。",
            None,
            &[("王勇", EntityKind::Person), ("李家超", EntityKind::Person)],
        );
        let anchors = all_anchors(&a);
        let pronoun = anchors.iter().find(|x| x.kind == AnchorKind::Pronoun).expect("pronoun");
        assert_eq!(a.surface(pronoun.span), "他");
        assert_eq!(pronoun.speaker, a.entities.named("李家超"));
    }

    #[test]
    fn a_surname_alone_before_a_speech_verb_is_the_person_of_that_surname() {
        for (text, name) in [
            ("鄧志明表示，工程延誤。何美儀則反對。鄧又指，費用上升。", "鄧志明"),
            ("邓志明表示，工程延误。何美仪则反对。邓指，费用上升。", "邓志明"),
        ] {
            let other = if text.contains('儀') { "何美儀" } else { "何美仪" };
            let a = analysis_with(text, None, &[(name, EntityKind::Person), (other, EntityKind::Person)]);
            let anchors = all_anchors(&a);
            let last = anchors.last().expect("anchor");
            assert_eq!(a.surface(last.span), &name[..3], "{text}");
            assert_eq!(last.speaker, anchors[0].speaker, "{text}");
            assert!(last.speaker.is_some());
        }
    }

    #[test]
    fn a_surname_without_a_person_or_a_verb_or_that_is_an_adverb_is_no_anchor() {
        for text in [
            "工程延誤。鄧又指，費用上升。",
            "鄧志明表示，工程延誤。鄧家的人反對。",
            "曾志明表示，工程延誤。曾表示反對。",
        ] {
            let a = analysis_with(text, None, &[("鄧志明", EntityKind::Person), ("曾志明", EntityKind::Person)]);
            let anchors = all_anchors(&a);
            assert!(anchors.iter().all(|x| x.span.len() > 1), "{text}: {anchors:?}");
        }
    }

    #[test]
    fn a_pronoun_continues_a_person_named_again_without_title_or_verb() {
        for (text, first, second) in [
            ("韋志遠表示支持。孔美琪今年退休。韋志遠畢業於中文大學。他表示，活動和平。", "韋志遠", "孔美琪"),
            ("韦志远表示支持。孔美琪今年退休。韦志远毕业于中文大学。他表示，活动和平。", "韦志远", "孔美琪"),
        ] {
            let mut a = analysis_with(text, None, &[(first, EntityKind::Person), (second, EntityKind::Person)]);
            // The recognisers left the second 韋志遠 unmarked.
            let byte = a.text().folded().rfind(&crate::normalize::fold(first)).expect("name");
            let start = a.text().char_at_folded_byte(byte);
            a.entities.remove_mention(Span::new(start, start + 3));
            let anchors = all_anchors(&a);
            let pronoun = anchors.iter().find(|x| x.kind == AnchorKind::Pronoun).expect("pronoun");
            assert_eq!(pronoun.speaker, anchors[0].speaker, "{text}");
        }
    }

    #[test]
    fn a_body_named_by_its_role_speaks_as_a_body() {
        for text in ["事件中無人受傷。警方表示，正調查起火原因。", "事件中无人受伤。警方又称，正调查起火原因。"]
        {
            let mut a = analysis_with(text, None, &[]);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            assert_eq!(anchors.len(), 1, "{text}");
            assert_eq!(anchors[0].kind, AnchorKind::Organization);
            assert_eq!(a.surface(anchors[0].span), "警方");
        }
        for text in ["男子被警方拘捕。", "警方人員到場。"] {
            let mut a = analysis_with(text, None, &[]);
            role_named_speakers(&mut a);
            assert_eq!(a.entities.ids().count(), 0, "{text}");
        }
    }

    #[test]
    fn the_one_spoken_to_does_not_speak() {
        for (text, speaker, addressee) in [
            ("何志強則對到訪的甲國部長李美玲說，雙方合作良好。", "何志強", "李美玲"),
            ("何志强则对到访的甲国部长李美玲说，双方合作良好。", "何志强", "李美玲"),
            ("何志強本月初向求職的李美玲表示，會盡力協助。", "何志強", "李美玲"),
        ] {
            let names = [(speaker, EntityKind::Person), (addressee, EntityKind::Person)];
            let got = super::super::tests::statements(text, &names);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, speaker, "{text}");
        }
        // 對此 is no "to": the person after it speaks.
        for (text, names) in [
            (
                "何志強到場，對此李美玲表示，會盡力協助。",
                [("何志強", EntityKind::Person), ("李美玲", EntityKind::Person)],
            ),
            (
                "何志强到场，对此李美玲表示，会尽力协助。",
                [("何志强", EntityKind::Person), ("李美玲", EntityKind::Person)],
            ),
        ] {
            let got = super::super::tests::statements(text, &names);
            assert!(got.iter().any(|s| s.0 == "李美玲"), "{text}: {got:?}");
        }
    }

    #[test]
    fn the_one_spoken_to_through_a_title_does_not_speak() {
        for (text, name) in [
            ("該男子在庭上向司法常務官黃大文聲稱，他沒有收到通知。", "黃大文"),
            ("该男子在庭上向司法常务官黄大文声称，他没有收到通知。", "黄大文"),
        ] {
            let a = analysis_with(text, None, &[(name, EntityKind::Person)]);
            let anchors = all_anchors(&a);
            let named = anchors.iter().find(|x| x.kind == AnchorKind::Person).expect(text);
            assert!(named.object, "{text}: {anchors:?}");
        }
    }

    #[test]
    fn a_pronoun_after_a_topic_clause_continues_the_person_before_it() {
        for (text, speaker, topic) in [
            ("何志強今日見記者。被問到李美玲會否參選，他說尊重所有人。", "何志強", "李美玲"),
            ("何志强今日见记者。被问到李美玲会否参选，他说尊重所有人。", "何志强", "李美玲"),
            ("何志強今日見記者。對於李美玲的說法，他指不予評論。", "何志強", "李美玲"),
        ] {
            let names = [(speaker, EntityKind::Person), (topic, EntityKind::Person)];
            let got = super::super::tests::statements(text, &names);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, speaker, "{text}");
        }
        // A person named after the topic clause is the subject the pronoun continues.
        let text = "何志強今日見記者。對於判決，李美玲感到不滿，她指會上訴。";
        let got =
            super::super::tests::statements(text, &[("何志強", EntityKind::Person), ("李美玲", EntityKind::Person)]);
        assert!(got.iter().any(|s| s.0 == "李美玲"), "{got:?}");
    }

    #[test]
    fn the_sides_of_a_court_case_speak_as_bodies() {
        for (text, said) in [
            ("被告承認控罪。控方指，被告當晚曾投擲雜物。辯方求情時指，被告深感後悔。", ["控方", "辯方"]),
            ("被告承认控罪。控方又指，被告当晚曾投掷杂物。辩方求情时指，被告深感后悔。", ["控方", "辩方"]),
        ] {
            let mut a = analysis_with(text, None, &[]);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            let named: Vec<&str> = anchors.iter().map(|x| a.surface(x.span)).collect();
            assert_eq!(named, said, "{text}");
            assert!(anchors.iter().all(|x| x.kind == AnchorKind::Organization), "{text}");
        }
        // The barrister of a side speaks, not the side; nor does a side that is only named.
        for text in ["辯方大律師表示，被告深感後悔。", "證人在控方盤問下承認說謊。", "控方證人作供。"]
        {
            let mut a = analysis_with(text, None, &[]);
            role_named_speakers(&mut a);
            assert_eq!(a.entities.ids().count(), 0, "{text}");
        }
    }

    #[test]
    fn a_word_referring_to_a_body_speaks_for_the_fitting_body_named_last() {
        let orgs: &[(&str, EntityKind)] = &[
            ("甲市政府", EntityKind::Organization),
            ("乙區教育局", EntityKind::Organization),
            ("丙記貿易有限公司", EntityKind::Organization),
            ("丁城大學", EntityKind::Organization),
        ];
        for (text, body) in [
            ("乙區教育局昨日公布新措施。丙記貿易有限公司亦有回應。局方表示，會檢討安排。", "乙區教育局"),
            ("乙区教育局昨日公布新措施。丙记贸易有限公司亦有回应。局方表示，会检讨安排。", "乙区教育局"),
            ("乙區教育局昨日公布新措施。丙記貿易有限公司亦有回應。該公司指，會跟進。", "丙記貿易有限公司"),
            ("乙区教育局昨日公布新措施。丙记贸易有限公司亦有回应。该公司指，会跟进。", "丙记贸易有限公司"),
            ("丁城大學學生昨日集會，丙記貿易有限公司捐款。校方表示，會支持學生。", "丁城大學"),
            ("丁城大学学生昨日集会，丙记贸易有限公司捐款。校方表示，会支持学生。", "丁城大学"),
            ("甲市政府發出通告。丁城大學停課。當局表示，措施即日生效。", "甲市政府"),
            ("甲市政府发出通告。丁城大学停课。当局又称，措施即日生效。", "甲市政府"),
        ] {
            let mut a = analysis_with(text, None, orgs);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            let named = anchors.iter().find(|x| a.surface(x.span) == body).expect("body");
            let referring = anchors.last().expect("reference");
            assert_ne!(a.surface(referring.span), body, "{text}");
            assert_eq!(referring.speaker, named.speaker, "{text}");
        }
        // No fitting body named before the word, or the unnamed government between: nobody
        // speaks through it.
        for text in [
            "甲市政府發出通告。另外，政府會收費。當局表示，措施即日生效。",
            "甲市政府发出通告。\n丁城大学停课。\n另一则消息。\n当局表示，措施即日生效。",
            "丙記貿易有限公司捐款。局方表示，會檢討安排。",
            "丙记贸易有限公司捐款。校方表示，会支持学生。",
            "局方表示，會檢討安排。乙區教育局其後公布措施。",
            "当局表示，措施即日生效。",
        ] {
            let mut a = analysis_with(text, None, orgs);
            role_named_speakers(&mut a);
            let mentions = a.entities.all_mentions();
            assert!(mentions.iter().all(|(_, s)| !matches!(a.surface(*s), "局方" | "校方" | "当局")), "{text}");
        }
    }

    #[test]
    fn the_police_speak_for_the_police_body_named_before() {
        for (text, body) in [
            ("乙區警察局接報到場。警方表示，正調查起火原因。", "乙區警察局"),
            ("乙区公安局接报到场。警方称，正调查起火原因。", "乙区公安局"),
        ] {
            let mut a = analysis_with(text, None, &[(body, EntityKind::Organization)]);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            assert_eq!(anchors.len(), 2, "{text}");
            assert_eq!(anchors[1].speaker, anchors[0].speaker, "{text}");
            assert_eq!(a.entities.ids().count(), 1, "{text}");
        }
    }

    #[test]
    fn a_spokesman_without_a_body_speaks_for_the_body_whose_spokesman_spoke_last() {
        for (text, body) in [
            ("運輸署發言人表示，路面已重開。發言人又指，會檢討安排。", "運輸署"),
            ("运输署发言人表示，路面已重开。发言人又指，会检讨安排。", "运输署"),
        ] {
            let mut a = analysis_with(text, None, &[(body, EntityKind::Organization)]);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            assert_eq!(anchors.len(), 2, "{text}");
            assert_eq!(anchors[1].speaker, anchors[0].speaker, "{text}");
        }
        let mut a = analysis_with("路面已重開。發言人指，會檢討安排。", None, &[]);
        role_named_speakers(&mut a);
        assert_eq!(a.entities.ids().count(), 0);
    }

    #[test]
    fn a_report_speaks_for_the_outlet_whose_report_was_named_last() {
        for (text, outlet, mentions) in [
            ("甲通訊社報道，市面已回穩。報道又稱，銀行會加息。報道引述專家指，樓價會跌。", "甲通訊社", 2),
            ("甲通讯社报道，市面已回稳。报道又称，银行会加息。报道指出，楼价会跌。", "甲通讯社", 3),
            ("據甲通訊社的報道說，市面已回穩。", "甲通訊社", 2),
            ("甲通訊社周五報道，市面已回穩。報道並稱，銀行會加息。", "甲通訊社", 2),
        ] {
            let mut a = analysis_with(text, None, &[(outlet, EntityKind::Organization)]);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            assert_eq!(anchors.len(), mentions, "{text}");
            assert!(anchors.iter().all(|x| x.speaker == anchors[0].speaker), "{text}");
        }
        for text in ["市面已回穩。報道指，銀行會加息。", "有關報道稱，银行会加息。"] {
            let mut a = analysis_with(text, None, &[]);
            role_named_speakers(&mut a);
            assert_eq!(a.entities.ids().count(), 0, "{text}");
        }
    }

    #[test]
    fn the_government_standing_alone_speaks_for_the_government_named_before_it() {
        for text in ["甲國政府宣布制裁。政府表示，措施即日生效。", "甲国政府宣布制裁。政府又称，措施即日生效。"]
        {
            let mut a = analysis_with(text, None, &[("甲國政府", EntityKind::Organization)]);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            assert_eq!(anchors.len(), 2, "{text}");
            assert_eq!(anchors[1].speaker, anchors[0].speaker, "{text}");
        }
    }

    #[test]
    fn the_government_standing_alone_speaks_for_the_one_government_of_the_region() {
        let mut a = analysis_with("本港昨日新增三宗個案。政府表示，會加強檢測。", None, &[]);
        assert_eq!(a.region, crate::article::Region::HongKong);
        role_named_speakers(&mut a);
        let anchors = all_anchors(&a);
        assert_eq!(anchors.len(), 1);
        let id = anchors[0].speaker.expect("speaker");
        assert_eq!(
            a.entities.get(id).known_key.as_deref(),
            Some(crate::normalize::fold("香港特別行政區政府").as_str())
        );
        // Named by the lexicon, not by the common word.
        assert!(a.entities.get(id).full_names.contains_key("香港特別行政區政府"));
        assert!(!a.entities.get(id).full_names.contains_key("政府"));
        // Not the head of its clause, no speech verb after it, or a region with many
        // governments: nobody.
        for text in [
            "本港昨日新增三宗個案。市民要求政府表示立場。",
            "本港昨日新增三宗個案。政府總部外有人示威。",
            "内地昨日新增三宗病例。政府表示，会加强检测。",
        ] {
            let mut a = analysis_with(text, None, &[]);
            role_named_speakers(&mut a);
            assert!(all_anchors(&a).is_empty(), "{text}");
        }
    }

    #[test]
    fn words_that_contain_a_pronoun_are_not_pronouns() {
        let a = analysis_with("他們表示，其他人與她们都同意，吉他很好。", None, &[]);
        assert!(all_anchors(&a).is_empty());
    }

    #[test]
    fn a_name_after_a_preposition_is_in_object_position() {
        let a = analysis_with("记者向王勇提问。", None, &[("王勇", EntityKind::Person)]);
        let anchors = all_anchors(&a);
        assert_eq!(anchors.len(), 1);
        assert!(anchors[0].object);
    }

    #[test]
    fn outer_mentions_drop_names_inside_names() {
        let a = analysis_with(
            "香港科技大學校長表示。",
            None,
            &[("香港科技大學", EntityKind::Organization), ("香港", EntityKind::Place)],
        );
        let outer = a.outer_mentions_in(Span::new(0, a.text().len()));
        assert_eq!(outer.len(), 1);
        assert_eq!(a.surface(outer[0].1), "香港科技大學");
    }

    #[test]
    fn a_title_alone_speaks_for_the_person_last_named_after_it() {
        for (text, judge, other) in [
            ("高等法院法官陳大文判刑。律師李小華求情。法官續指，案情嚴重。", "陳大文", "李小華"),
            ("高等法院法官陈大文判刑。律师李小华求情。法官续指，案情严重。", "陈大文", "李小华"),
        ] {
            let mut a = analysis_with(text, None, &[(judge, EntityKind::Person), (other, EntityKind::Person)]);
            role_named_speakers(&mut a);
            let anchors = all_anchors(&a);
            let last = anchors.last().expect("anchor");
            assert_eq!(a.surface(last.span), "法官", "{text}");
            let named = anchors.iter().find(|x| a.surface(x.span) == judge).expect("judge");
            assert_eq!(last.speaker, named.speaker, "{text}");
            let lawyer = anchors.iter().find(|x| a.surface(x.span) == other).expect("lawyer");
            assert_ne!(last.speaker, lawyer.speaker, "{text}");
        }
        // No one named after the title before it, or the title inside a clause: nobody.
        for text in ["律師李小華求情。法官表示，案情嚴重。", "法官陳大文判刑。高等法院法官表示，案情嚴重。"]
        {
            let mut a = analysis_with(text, None, &[("陳大文", EntityKind::Person), ("李小華", EntityKind::Person)]);
            role_named_speakers(&mut a);
            assert!(all_anchors(&a).iter().all(|x| a.surface(x.span) != "法官"), "{text}");
        }
    }
}
