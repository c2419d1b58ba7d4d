//! The arguments of a relation verb inside its clause: the coordinated parties written before it
//! (香港理工大學與恒創精密製造有限公司（下稱「恒創精密」）簽署 → two parties; 德國博睿自動化集團
//! → one party, 德國 a modifier) and the entities after it (依託香港科學園、數碼港 → two objects).
//!
//! Only mentions that the sentence links to the verb count: coordinated by 、與和及, or modifying
//! the next one directly; a 的 or a long stretch of other words breaks the link, so a sentence
//! with many entities does not relate them all to each other.

use crate::analysis::Analysis;
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind};
use crate::span::Span;
use crate::text::{CLAUSE_END, is_close_bracket, is_open_bracket};

/// Most characters (other than titles and quotation marks) between an argument and its verb.
const MAX_GAP: usize = 12;
/// Most characters between the holder of an event and the 在 of its venue (甲黨原定在…舉行: 原定).
const MAX_VENUE_GAP: usize = 3;

/// Most characters between 進行 and the verb it carries (國事, 正式, 友好訪問).
const CARRIED_VERB_GAP: usize = 4;

/// Entity mentions with where they are.
pub(crate) type Mentions = Vec<(EntityId, Span)>;

/// The parties written before a verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parties {
    /// The head of each coordinated party, in text order.
    pub(crate) heads: Mentions,
    /// Where the first party starts.
    pub(crate) start: usize,
    /// Written after 由 (由X主辦): they do it to the sentence's topic.
    pub(crate) passive: bool,
}

impl Analysis<'_> {
    /// Whether `between` (what stands between two parties) joins them: 、, a conjunction or
    /// comitative, or a word of accompanying (X、Y與Z; X會同Y實施…).
    pub(crate) fn connects(&self, between: &str) -> bool {
        between == "、"
            || self.class(Role::Conjunction).contains(between)
            || self.class(Role::Comitative).contains(between)
            || self.class(Role::Accompanying).contains(between)
    }

    /// Spans of bracketed asides (（下稱「恒創精密」）) in `span`, outside entity names (a title
    /// such as 《白皮書（2025年）》 keeps its brackets).
    fn asides(&self, span: Span, mentions: &[(EntityId, Span)]) -> Vec<Span> {
        let mut out = Vec::new();
        let mut open = None;
        for (i, c) in self.folded(span).chars().enumerate() {
            let pos = span.start + i;
            if mentions.iter().any(|(_, m)| m.start < pos && pos < m.end) {
                continue;
            }
            match c {
                c if is_open_bracket(c) && open.is_none() => open = Some(pos),
                c if is_close_bracket(c) => {
                    if let Some(start) = open.take() {
                        out.push(Span::new(start, pos + 1));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// What stands in `[from, to)` once asides, titles, quotation marks and spaces are left out.
    pub(crate) fn residue(&self, from: usize, to: usize, asides: &[Span]) -> String {
        let mut out = String::new();
        let mut pos = from;
        while pos < to {
            if let Some(aside) = asides.iter().find(|s| s.start <= pos && pos < s.end) {
                pos = aside.end;
                continue;
            }
            let title = self.words.starting_at(pos).iter().find(|w| {
                w.span.end <= to
                    && self.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Title(_)))
            });
            if let Some(w) = title {
                pos = w.span.end;
                continue;
            }
            if let Some(c) = self.folded_char(pos).filter(|c| !crate::text::is_quote_mark(*c) && !c.is_whitespace()) {
                out.push(c);
            }
            pos += 1;
        }
        out
    }

    /// Outer mentions of `span` outside its asides, with the asides.
    fn arguments_in(&self, span: Span) -> (Mentions, Vec<Span>) {
        let mentions = self.outer_mentions_in(span);
        let asides = self.asides(span, &mentions);
        let kept = mentions.into_iter().filter(|(_, m)| !asides.iter().any(|s| s.contains(*m))).collect();
        (kept, asides)
    }

    /// The parties coordinated right before `verb`, looked for from `clause_start`.
    pub(crate) fn parties_before(&self, verb: Span, clause_start: usize) -> Option<Parties> {
        let (tokens, asides) = self.arguments_in(Span::new(clause_start, verb.start));
        let &last = tokens.last()?;
        let to_verb = self.residue(last.1.end, verb.start, &asides);
        if to_verb.chars().count() > MAX_GAP || to_verb.contains('的') || to_verb.ends_with('、') {
            return None;
        }
        let mut heads = vec![last];
        let mut left = last.1.start;
        for &(id, span) in tokens.iter().rev().skip(1) {
            let between = self.residue(span.end, left, &asides);
            // X當日與Y簽署, X亦與Y簽署: time words and adverbs leave the coordination whole.
            let mut between = between.as_str();
            while let Some(len) = self.class(Role::Transparent).prefix_of(between).filter(|&len| len < between.len()) {
                between = &between[len..];
            }
            if between.is_empty() {
                // 德國博睿自動化集團, 理大校長蔡明德: a modifier of the party after it.
                left = span.start;
            } else if self.connects(between) {
                heads.push((id, span));
                left = span.start;
            } else {
                break;
            }
        }
        heads.reverse();
        let before = left.checked_sub(1).and_then(|p| self.folded_char(p));
        let passive = before == Some('由');
        // 在澳門設立: a name after a preposition is a place or an object, not a subject.
        if !passive && self.preposition_before(left) {
            return None;
        }
        Some(Parties { heads, start: left, passive })
    }

    /// The parties before a place phrase that says where an event verb happens: in
    /// 甲國、乙國及丙國三國在丁灣舉行演習, 丁灣 is where, and the three countries hold it.
    /// [`Analysis::parties_before`] stops at the place (a name after 在 is no subject); this reads
    /// on from before the 在/於 of the place (and of the places that modify it: 在甲市乙區).
    pub(crate) fn parties_before_venue(&self, verb: Span, clause_start: usize) -> Option<Parties> {
        let (tokens, asides) = self.arguments_in(Span::new(clause_start, verb.start));
        let &(id, place) = tokens.last()?;
        let to_verb = self.residue(place.end, verb.start, &asides);
        if self.entities.kind(id) != EntityKind::Place || to_verb.chars().count() > MAX_GAP || to_verb.contains('的') {
            return None;
        }
        let mut start = place.start;
        for &(id, span) in tokens.iter().rev().skip(1) {
            if span.end != start || self.entities.kind(id) != EntityKind::Place {
                break;
            }
            start = span.start;
        }
        let at = start.checked_sub(1)?;
        if !self.folded_char(at).is_some_and(|c| self.class(Role::LocativePreposition).has_char(c)) {
            return None;
        }
        // 乙國也將出席在丙市舉行的年會: 乙國 attends what others hold.
        let parties = self.parties_before(Span::new(at, start), clause_start).filter(|p| !p.passive)?;
        // 乙市時間早上8時在丙市舉行, 甲國外長某某在丙市舉行: a party further off is a modifier of
        // whoever holds it, not the holder.
        let last = parties.heads.last()?.1;
        let gap = self.residue(last.end, at, &asides);
        (gap.chars().count() <= MAX_VENUE_GAP && !self.class(Role::AttendingVerb).occurs_in(&gap)).then_some(parties)
    }

    /// The entities of `kinds` that `verb` takes after it before `clause_end`: the first one
    /// within reach, and those coordinated with it (依託香港科學園、數碼港) or written right
    /// after it (位於杭州市余杭區).
    pub(crate) fn objects_after(&self, verb: Span, clause_end: usize, kinds: &[EntityKind]) -> Mentions {
        if self.preposition_after(verb.end) {
            return Vec::new();
        }
        let (tokens, asides) = self.arguments_in(Span::new(verb.end, clause_end));
        let mut out: Mentions = Vec::new();
        let mut from = verb.end;
        for (id, span) in tokens {
            let between = self.residue(from, span.start, &asides);
            let allowed = kinds.contains(&self.entities.kind(id));
            if out.is_empty() {
                // 成立的基金 is what was founded; 提出的建議得到X支持 is not about X.
                let de = between.contains('的') && between != "的";
                if between.chars().count() > MAX_GAP || de {
                    break;
                }
                if allowed {
                    out.push((id, span));
                    from = span.end;
                }
            } else if allowed && (between.is_empty() || self.connects(&between)) {
                out.push((id, span));
                from = span.end;
            } else {
                break;
            }
        }
        out
    }

    /// The objects of a verb carried by 進行 after a 對 phrase (甲某將對乙國、丙國進行國事訪問 →
    /// 乙國 and 丙國), with where the 對 stands: the names coordinated right before 進行, the first
    /// right after 對, and at most [`CARRIED_VERB_GAP`] characters between 進行 and the verb.
    pub(crate) fn objects_through_dui(&self, verb: Span, clause_start: usize) -> Option<(usize, Mentions)> {
        let carrier = (clause_start..verb.start)
            .rev()
            .find_map(|p| self.class_word_at(Role::CarrierVerb, p).filter(|w| w.end <= verb.start))?;
        if verb.start - carrier.end > CARRIED_VERB_GAP {
            return None;
        }
        let jinxing = carrier.start;
        let (tokens, asides) = self.arguments_in(Span::new(clause_start, jinxing));
        let mut objects: Mentions = Vec::new();
        let mut left = jinxing;
        for &(id, span) in tokens.iter().rev() {
            let between = self.residue(span.end, left, &asides);
            let joined = if objects.is_empty() { between.is_empty() } else { self.connects(&between) };
            if !joined {
                break;
            }
            objects.push((id, span));
            left = span.start;
        }
        let dui = left.checked_sub(1)?;
        if objects.is_empty() || !self.folded_char(dui).is_some_and(|c| self.class(Role::CarriedTarget).has_char(c)) {
            return None;
        }
        objects.reverse();
        Some((dui, objects))
    }

    /// The sentence's topic: its first entity, when it opens a clause (云擎智算成立於2019年，
    /// 總部位於… is about 云擎智算).
    pub(crate) fn sentence_topic(&self, sentence: Span) -> Option<(EntityId, Span)> {
        let sentence = Span::new(self.after_dateline(sentence), sentence.end);
        let (tokens, _) = self.arguments_in(sentence);
        let &(id, span) = tokens.first()?;
        let opens = span.start == sentence.start
            || span.start.checked_sub(1).and_then(|p| self.folded_char(p)).is_some_and(|c| CLAUSE_END.contains(&c));
        opens.then_some((id, span))
    }

    /// Where the sentence starts after a wire dateline (新華社長沙3月2日電（記者…）): the agency
    /// that filed the report is not what the sentence is about.
    fn after_dateline(&self, sentence: Span) -> usize {
        let text = self.folded(sentence);
        let Some(m) = self.lex.patterns.dateline.find(text) else { return sentence.start };
        sentence.start + text[..m.end()].chars().count()
    }

    /// What a passive or objectless verb is done to: the nearest entity of `kinds` before
    /// `before` in the sentence, or — for events — the event last named when the sentence
    /// speaks of it by a generic noun (論壇由…主辦, 大會由…共同主辦).
    pub(crate) fn topic_object(&self, sentence: Span, before: usize, kinds: &[EntityKind]) -> Option<EntityId> {
        let (tokens, _) = self.arguments_in(Span::new(sentence.start, before));
        if let Some(&(id, _)) = tokens.iter().rev().find(|(id, _)| kinds.contains(&self.entities.kind(*id))) {
            return Some(id);
        }
        if !kinds.contains(&EntityKind::Event) || !self.names_an_event_generically(Span::new(sentence.start, before)) {
            return None;
        }
        self.event_named_before(sentence, sentence.start)
    }

    /// The event named last before `before`, from the start of the paragraph before the one
    /// `sentence` is in.
    pub(crate) fn event_named_before(&self, sentence: Span, before: usize) -> Option<EntityId> {
        let paragraph = self.text().sentence_at(sentence.start).map(|i| self.text().sentences()[i].paragraph)?;
        let from = self.text().paragraphs()[paragraph.saturating_sub(1)].span.start;
        self.outer_mentions_in(Span::new(from, before))
            .into_iter()
            .rev()
            .find(|(id, _)| self.entities.kind(*id) == EntityKind::Event)
            .map(|(id, _)| id)
    }

    /// Whether the vocabulary word `pattern` is an event noun (論壇, 大會: an event suffix).
    fn is_event_noun(&self, pattern: usize) -> bool {
        self.lex.vocabulary.classes(pattern).iter().any(|c| match c {
            WordClass::Suffix(i) => self.lex.suffixes[*i].kind == EntityKind::Event,
            _ => false,
        })
    }

    /// Whether `span` holds an event noun (論壇, 大會) that is not part of a name.
    fn names_an_event_generically(&self, span: Span) -> bool {
        let names = self.outer_mentions_in(span);
        (span.start..span.end).any(|pos| {
            self.words.starting_at(pos).iter().any(|w| {
                self.is_event_noun(w.pattern)
                    && w.span.end <= span.end
                    && !names.iter().any(|(_, m)| m.overlaps(w.span))
            })
        })
    }

    /// The first event noun in `span` (the longest at its place: 高峰論壇 over 論壇), folded, with
    /// how many characters of `span` stand before it: 出席此次論壇 → (論壇, 2).
    pub(crate) fn generic_event_noun(&self, span: Span) -> Option<(String, usize)> {
        (span.start..span.end).find_map(|pos| {
            self.words
                .starting_at(pos)
                .iter()
                .filter(|w| w.span.end <= span.end && self.is_event_noun(w.pattern))
                .max_by_key(|w| w.span.end)
                .map(|w| (self.folded(w.span).to_owned(), pos - span.start))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind::{Organization, Place};

    fn heads(text: &str, verb: &str, names: &[(&str, EntityKind)]) -> Option<(Vec<String>, bool)> {
        let a = analysis_with(text, None, names);
        let at = text.chars().collect::<String>().find(verb)?;
        let start = text[..at].chars().count();
        let verb = Span::new(start, start + verb.chars().count());
        let parties = a.parties_before(verb, 0)?;
        Some((parties.heads.iter().map(|(_, s)| a.surface(*s).to_owned()).collect(), parties.passive))
    }

    #[test]
    fn coordinated_parties_skip_asides_modifiers_and_titles() {
        let names = [
            ("甲大學", Organization),
            ("乙科技有限公司", Organization),
            ("乙科技", Organization),
            ("德國", Place),
            ("丙集團", Organization),
        ];
        assert_eq!(
            heads("甲大學與乙科技有限公司（下稱「乙科技」）簽署備忘錄", "簽署", &names),
            Some((vec!["甲大學".to_owned(), "乙科技有限公司".to_owned()], false))
        );
        assert_eq!(
            heads("甲大学、德国丙集团当天签署协议", "签署", &names),
            Some((vec!["甲大学".to_owned(), "丙集团".to_owned()], false))
        );
        assert_eq!(
            heads("由甲大學和丙集團聯合主辦", "聯合主辦", &names),
            Some((vec!["甲大學".to_owned(), "丙集團".to_owned()], true))
        );
    }

    #[test]
    fn a_modifier_or_a_place_is_not_a_party() {
        let names = [("甲大學", Organization), ("澳門", Place)];
        assert_eq!(heads("甲大學的學生簽署請願信", "簽署", &names), None);
        assert_eq!(heads("公司在澳門設立總部", "設立", &names), None);
    }

    #[test]
    fn objects_are_the_first_in_reach_and_those_coordinated_with_it() {
        let names = [("科學園", Place), ("數碼港", Place), ("丁基金", EntityKind::Initiative)];
        let a = analysis_with("依託科學園、數碼港發展，並成立「丁基金」。", None, &names);
        let objects = a.objects_after(Span::new(0, 2), 9, &[Place]);
        assert_eq!(objects.len(), 2);
        let objects = a.objects_after(Span::new(13, 15), 20, &[EntityKind::Initiative]);
        assert_eq!(objects.len(), 1);
        let a = analysis_with("提出的建議得到丁基金支持。", None, &names);
        assert!(a.objects_after(Span::new(0, 2), 12, &[EntityKind::Initiative]).is_empty());
    }
}
