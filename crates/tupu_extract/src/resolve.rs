//! Resolution: the other names an article gives its entities, and what short references mean.
//!
//! **Abbreviations** (after names, before people, so that posts find 「恒創精密行政總裁」's body):
//! - introduced in parentheses: 「香港生產力促進局（生產力局）」, 「X有限公司（下稱「X」）」,
//!   「X（以下簡稱“Y”）」, 「世界衞生組織（WHO）」;
//! - written as a shorter tail of the full name: 新型工業化加速計劃 … 加速計劃;
//! - written as an ordered selection of its characters that keeps its first and last word:
//!   香港理工大學 → 理大, 國家開發銀行 → 國開行, 博睿自動化集團 → 博睿集團.
//!
//! **Coreference** (after people):
//! - surname + title: 陳局長 → the 陳 named earlier (preferring one who holds that title); a
//!   transliterated short name + title (史密斯教授) likewise;
//! - a surname alone as the subject of a speech verb (陳大文表示…。陳又指…) → the article's one
//!   person of that surname, named before;
//! - the two surnames of a four-character name (林陳美娟 → 林陳);
//! - the given name alone (張曉明 … 曉明), where it is no word of the general lexicon;
//! - the bare event word: 峰會, 本次峰會, 是次論壇 → the article's one event with that ending;
//! - 該公司, 該局 → the organisation with that ending named last before.

use crate::analysis::{Analysis, Stage};
use crate::boundary::{Before, short_form_stands, word_starts_at};
use crate::lexicon::{Role, TitleKind, WordClass};
use crate::model::{EntityId, EntityKind};
use crate::normalize::fold;
use crate::span::Span;

/// Abbreviations and short forms.
pub(crate) struct Abbreviations;
/// Short references: surname + title, bare event words, 該公司.
pub(crate) struct Coreference;

impl Stage for Abbreviations {
    fn name(&self) -> &'static str {
        "abbreviations"
    }

    fn run(&self, a: &mut Analysis<'_>) {
        joined_events(a);
        edition_names(a);
        incident_days(a);
        parenthetical(a, Renamed::NamesOfThings);
        company_named_with_its_form(a);
        short_forms(a);
        merge_abbreviated_entities(a);
        place_qualified_tails(a);
        authorities_named_by(a);
        demonstrative_bodies(a);
    }
}

impl Stage for Coreference {
    fn name(&self) -> &'static str {
        "coreference"
    }

    fn run(&self, a: &mut Analysis<'_>) {
        parenthetical(a, Renamed::People);
        surname_and_title(a);
        surname_and_honorific(a);
        surname_alone(a);
        double_surname_short_form(a);
        given_name_alone(a);
        latin_surname_alone(a);
        short_name_and_title(a);
        bare_event_words(a);
        announced_meeting(a);
        bare_endings(a);
        quoted_stems(a);
        book_marked_names(a);
        // Last: a person's Chinese short forms (葉劉, 曉明) join first, by their names alone.
        latin_name_before_parenthesis(a);
    }
}

/// Whether a mention may be placed at `span` (nothing there yet).
fn free(a: &Analysis<'_>, span: Span) -> bool {
    a.entities.is_free(span)
}

/// Adds a short name and a mention of it.
fn add_short(a: &mut Analysis<'_>, id: EntityId, span: Span) {
    let surface = a.surface(span).to_owned();
    a.entities.add_name(id, &surface, false);
    a.entities.add_mention(id, span, &surface);
}

/// Every free occurrence of `name` in the text becomes a mention of `id`, where it stands as a
/// word (not glued into a longer one).
fn mention_everywhere(a: &mut Analysis<'_>, id: EntityId, name: &str) {
    let folded = fold(name);
    if folded.chars().count() < 2 {
        return;
    }
    for span in a.occurrences(&folded) {
        if free(a, span) && short_form_stands(a, span) {
            let surface = a.surface(span).to_owned();
            a.entities.add_mention(id, span, &surface);
        }
    }
}

/// 「第七屆甲區域合作論壇暨經貿洽談會」: event names joined by 暨 name one event, under the
/// whole name; the edition before it (第七屆) is part of one more of its names. The events
/// joined and their other mentions become that one event.
fn joined_events(a: &mut Analysis<'_>) {
    let events: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Event).collect();
    let mut i = 0;
    while i < events.len() {
        // The run of events each written right after a joiner that ends the one before.
        let mut j = i;
        while j + 1 < events.len() && joins_events(a, events[j].1, events[j + 1].1) {
            j += 1;
        }
        if j > i {
            join_events(a, &events[i..=j]);
        }
        i = j + 1;
    }
}

/// Whether `second` follows `first` after exactly one joiner (暨), and the edition of the second
/// if it has one (甲博覽會暨第21屆乙洽談會).
fn joins_events(a: &Analysis<'_>, first: Span, second: Span) -> bool {
    a.class_word_at(Role::EventJoiner, first.end)
        .is_some_and(|w| w.end == second.start || edition_before(a, second.start) == Some(w.end))
}

/// Makes one event of a run of joined event mentions.
fn join_events(a: &mut Analysis<'_>, run: &[(EntityId, Span)]) {
    let span = Span::new(run[0].1.start, run[run.len() - 1].1.end);
    let name = a.surface(span).to_owned();
    for &(_, m) in run {
        a.entities.remove_mention(m);
    }
    let id = a.entities.create(EntityKind::Event, &name, true);
    for &(other, _) in run {
        a.entities.merge(id, other);
    }
    a.entities.add_mention(id, span, &name);
}

/// 「第六屆南灣物流論壇」: an event's name as written keeps its edition, which the name reader
/// leaves out (so that 論壇, 本屆論壇 and the bare name find the same event). Every event mention
/// written right after an edition number gives its event that fuller name too; events joined by
/// 暨 have become one mention by then (第七屆甲論壇暨乙洽談會).
fn edition_names(a: &mut Analysis<'_>) {
    let events: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Event).collect();
    for (id, span) in events {
        if let Some(start) = edition_before(a, span.start) {
            let with_edition = a.surface(Span::new(start, span.end)).to_owned();
            a.entities.add_name(id, &with_edition, false);
        }
    }
}

/// 「六四事件」 … 平反六四: the incident of a named day (a named day and 事件) is named by the day
/// alone too, wherever the day stands as a word of its own.
fn incident_days(a: &mut Analysis<'_>) {
    let events: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Event).collect();
    let mut days: Vec<(EntityId, String)> = Vec::new();
    for (id, span) in events {
        let Some(day) = a.class_word_at(Role::NamedDay, span.start) else { continue };
        if a.class(Role::DayIncident).contains(a.folded(Span::new(day.end, span.end))) {
            days.push((id, a.surface(day).to_owned()));
        }
    }
    for (id, day) in days {
        a.entities.add_name(id, &day, false);
        mention_everywhere(a, id, &day);
    }
}

/// The marks around an edition number, folded: 第 before it, 屆 after it (第七屆, 第21届).
fn edition_marks() -> (char, char) {
    (crate::normalize::fold_char('第'), crate::normalize::fold_char('屆'))
}

/// Whether `c` is a digit of an edition number (七, 21).
fn is_edition_digit(c: char) -> bool {
    crate::numeral::is_numeral_char(c) || c.is_ascii_digit()
}

/// Where an edition number written right before `pos` starts (第七屆, 第21届): 第, numerals, 屆.
pub(crate) fn edition_before(a: &Analysis<'_>, pos: usize) -> Option<usize> {
    let (open, close) = edition_marks();
    let mut p = pos.checked_sub(1)?;
    if a.char_at(p) != close {
        return None;
    }
    let digits_end = p;
    while p > 0 && is_edition_digit(a.char_at(p - 1)) {
        p -= 1;
    }
    (p < digits_end && p > 0 && a.char_at(p - 1) == open).then(|| p - 1)
}

/// Length of an edition number opening folded `chars` (第七屆 of 第七屆乙洽談會), 0 if none.
fn edition_len(chars: &[char]) -> usize {
    let (open, close) = edition_marks();
    if chars.first() != Some(&open) {
        return 0;
    }
    let digits = chars[1..].iter().take_while(|&&c| is_edition_digit(c)).count();
    if digits > 0 && chars.get(1 + digits) == Some(&close) { digits + 2 } else { 0 }
}

/// Who a parenthesis after a name can rename: bodies, places, events and initiatives, read
/// before people are found; people, read once they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Renamed {
    NamesOfThings,
    People,
}

/// 「X（下稱「Y」）」: Y is X's short name; a person's name in Latin letters after the Chinese
/// one (陳大文（Eric Chan）, 艾達臣（Ederson）) is that person's name too.
fn parenthetical(a: &mut Analysis<'_>, renamed: Renamed) {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    let mentions = a.entities.all_mentions();
    for &(id, m) in &mentions {
        let person = a.entities.kind(id) == EntityKind::Person;
        if person != (renamed == Renamed::People) {
            continue;
        }
        // The whole name before the parenthesis, not a name nested in it.
        if a.entities.mentions_ending_at(m.end).iter().any(|(_, o)| o.start < m.start) {
            continue;
        }
        let rest_start = a.text().folded_byte(after_closing_quote(a, m));
        let rest = &a.text().folded()[rest_start..];
        // 「（下稱「恒創精密」）」, 「（以下简称“云擎智算”）」, 「（生產力局）」, 「（WHO）」.
        let Some(c) = a.lex.patterns.parenthetical.captures(rest) else { continue };
        let Some(inner) = c.get(1) else { continue };
        let content = inner.as_str();
        // 「（下稱「X」）」, 「（「X」）」: the text announces a short name; a bare parenthesis is
        // one only when it looks like one (see `reads_as_short_form`).
        let announced = inner.start() > c.get(0).map_or(0, |w| w.as_str().chars().next().map_or(0, char::len_utf8));
        if !person && !announced && !reads_as_short_form(content, &fold(a.surface(m))) {
            continue;
        }
        // Longer Latin is a name only when it reads as one (World Justice Project), not as an
        // English gloss (unauthorized assembly).
        if !person
            && content.chars().count() > crate::lexicon::PARENTHESISED_SHORT_FORM_MAX
            && !is_latin_body_name(content)
        {
            continue;
        }
        // Dates, numbers and bylines in parentheses are no names.
        let byline = a.lex.titles.iter().any(|t| t.kind == TitleKind::Reporter && content.contains(&fold(&t.title)));
        if content.chars().any(|ch| ch.is_ascii_digit()) || byline || (person && !is_latin_personal_name(content)) {
            continue;
        }
        let span = a.text().span_of_folded_bytes(rest_start + inner.start(), rest_start + inner.end());
        found.push((id, span));
    }
    for (id, span) in found {
        if let Some(other) = a.entity_at(span) {
            // Already a name (a known abbreviation): the two are one entity — unless the lexicon
            // knows them as two (中國（長沙）…: a place in parentheses, not China's short name).
            let known = |e: EntityId| a.entities.get(e).known;
            let two_known = known(id).is_some() && known(other).is_some() && known(id) != known(other);
            if other != id && a.entities.kind(other) == a.entities.kind(id) && !two_known {
                a.entities.merge(id, other);
            }
            continue;
        }
        // The text defines the abbreviation: names read inside it (發展改革委 inside
        // 江蘇省發展改革委) give way, here and wherever it is used.
        let name = a.surface(span).to_owned();
        for occurrence in a.occurrences(&fold(&name)) {
            let inner: Vec<Span> = a.entities.overlapping(occurrence).into_iter().map(|(_, m)| m).collect();
            if inner.iter().all(|m| occurrence.contains(*m) && *m != occurrence) {
                for m in inner {
                    a.entities.remove_mention(m);
                }
            }
        }
        if !free(a, span) {
            continue;
        }
        add_short(a, id, span);
        mention_everywhere(a, id, &name);
    }
}

/// Whether an unannounced parenthesis after a name reads as a short form of it: written in Latin
/// letters (世界衞生組織（WHO）), or characters the name has, in its order (香港記者協會（記協）,
/// 沙田至中環線（沙中線）). Other Chinese in parentheses is a note about the name — a former
/// name, a part, a credit, a link marker (某大學（微博）, 某法院（包括某分庭）) — not another name.
fn reads_as_short_form(content: &str, folded_name: &str) -> bool {
    let content: Vec<char> = content.chars().collect();
    let name: Vec<char> = folded_name.chars().collect();
    !content.iter().any(|&c| crate::text::is_cjk(c)) || (content.len() < name.len() && is_subsequence(&content, &name))
}

/// Where the text after a mention goes on: past its closing quote when the mention is quoted
/// (「甲組織」（ABC）: the parenthesis names what the quotes hold).
fn after_closing_quote(a: &Analysis<'_>, m: Span) -> usize {
    let pairs = [('「', '」'), ('“', '”'), ('『', '』'), ('《', '》')];
    let quoted = m.start > 0 && pairs.contains(&(a.char_at(m.start - 1), a.char_at(m.end)));
    if quoted { m.end + 1 } else { m.end }
}

/// Whether a parenthesis after a person holds their name in Latin letters (Eric Chan,
/// Ederson, KC Lee), not a position in a photo (左二) or a note.
fn is_latin_personal_name(content: &str) -> bool {
    content.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && content.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
}

/// The most words a Latin name before a parenthesis is read with (John KC Lee, Voice of
/// America): more is a sentence in English.
const LATIN_NAME_WORDS_MAX: usize = 4;

/// 「John Tsang（曾俊華）」, 「BOC（中銀）」, 「Voice of America（美國之音）」: a name in Latin letters
/// followed by a parenthesis that holds exactly a person's or a body's Chinese name is that
/// one's name too — the reverse of [`parenthetical`]. A person's Latin name is a personal name;
/// a body's is an acronym or capitalised words. Places are left out: a player before his club's
/// city reads the same way.
fn latin_name_before_parenthesis(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    for (id, m) in a.entities.all_mentions() {
        let kind = a.entities.kind(id);
        if !matches!(kind, EntityKind::Person | EntityKind::Organization) || m.start < 2 || m.end >= a.chars.len() {
            continue;
        }
        let open = a.char_at(m.start - 1);
        if !crate::text::is_open_bracket(open) || crate::text::closing_bracket(open) != Some(a.char_at(m.end)) {
            continue;
        }
        let Some(span) = latin_run_before(a, m.start - 1) else { continue };
        let name: String = a.chars_of(span).iter().collect();
        let fits = match kind {
            EntityKind::Person => {
                is_latin_personal_name(&name)
                    && name.split_whitespace().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
            }
            _ => is_latin_body_name(&name),
        };
        if fits && name.split_whitespace().count() <= LATIN_NAME_WORDS_MAX {
            found.push((id, span));
        }
    }
    for (id, span) in found {
        if let Some(other) = a.entity_at(span) {
            if other != id && a.entities.kind(other) == a.entities.kind(id) {
                a.entities.merge(id, other);
            }
        } else if free(a, span) {
            add_short(a, id, span);
        }
    }
}

/// The run of Latin words that ends right before `end` (a space may stand between): letters,
/// spaces, dots, hyphens and apostrophes, starting with a letter.
fn latin_run_before(a: &Analysis<'_>, end: usize) -> Option<Span> {
    let latin = |c: char| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'');
    let mut end = end;
    while end > 0 && a.char_at(end - 1) == ' ' {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && latin(a.char_at(start - 1)) {
        start -= 1;
    }
    while start < end && !a.char_at(start).is_ascii_alphabetic() {
        start += 1;
    }
    (start < end && a.char_at(end - 1).is_ascii_alphabetic()).then(|| Span::new(start, end))
}

/// Whether Latin words name a body: an acronym of two letters or more (BOC), or capitalised
/// words with the small words of English names between them (Voice of America).
fn is_latin_body_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [one] => one.len() >= 2 && one.chars().all(|c| c.is_ascii_uppercase()),
        _ => {
            words.first().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_ascii_uppercase()) || matches!(*w, "of" | "and" | "the" | "for")
                })
        }
    }
}

/// Full names of organisations, initiatives and events, with their entity, longest first.
fn long_names(a: &Analysis<'_>) -> Vec<(EntityId, String)> {
    let mut out: Vec<(EntityId, String)> = a
        .entities
        .ids()
        .filter(|&id| {
            matches!(a.entities.kind(id), EntityKind::Organization | EntityKind::Initiative | EntityKind::Event)
        })
        .flat_map(|id| a.entities.get(id).full_names.keys().map(move |n| (id, fold(n))).collect::<Vec<_>>())
        .filter(|(_, n)| n.chars().count() >= 4)
        .collect();
    out.sort_by_cached_key(|(id, n)| (std::cmp::Reverse(n.chars().count()), *id, n.clone()));
    out
}

/// The length of the name ending (suffix word) at the end of a folded name, if any.
fn ending_len(a: &Analysis<'_>, name: &str) -> usize {
    a.lex.suffixes.iter().filter(|s| name.ends_with(s.folded.as_str())).map(|s| s.chars).max().unwrap_or(0)
}

/// Tails (加速計劃 of 新型工業化加速計劃) and selections (理大 of 香港理工大學) written in the text.
fn short_forms(a: &mut Analysis<'_>) {
    // Tails of every long name (keeping two characters before the ending), longest first.
    let mut tails: Vec<(EntityId, String)> = Vec::new();
    let mut selections_todo = Vec::new();
    for (id, name) in long_names(a) {
        let chars: Vec<char> = name.chars().collect();
        let ending = ending_len(a, &name);
        if ending == 0 {
            continue;
        }
        for start in 1..chars.len().saturating_sub(ending + 1) {
            let tail: String = chars[start..].iter().collect();
            let stem: String = chars[start..chars.len() - ending].iter().collect();
            if a.lex.is_all_generic(&stem) || !a.lex.known_named(&tail).is_empty() {
                continue;
            }
            tails.push((id, tail));
        }
        // Character selections abbreviate organisations (理大, 國開行) and events (甲博會 of
        // 甲乙國際博覽會).
        if matches!(a.entities.kind(id), EntityKind::Organization | EntityKind::Event) {
            selections_todo.push((id, chars, ending));
        }
    }
    let found: Vec<Vec<Span>> = tails.iter().map(|(_, t)| a.occurrences(t)).collect();
    for ((id, tail), spans) in tails.into_iter().zip(found) {
        if a.entities.named(&tail).is_some_and(|o| o != id) {
            continue;
        }
        let usable: Vec<Span> = spans.into_iter().filter(|&s| free(a, s) && short_form_stands(a, s)).collect();
        if let Some(&first) = usable.first() {
            let surface = a.surface(first).to_owned();
            a.entities.add_name(id, &surface, false);
            for span in usable {
                if free(a, span) {
                    let s = a.surface(span).to_owned();
                    a.entities.add_mention(id, span, &s);
                }
            }
        }
    }
    for (id, chars, ending) in selections_todo {
        selections(a, id, &chars, ending);
    }
    joined_short_forms(a);
    company_cores(a);
    brand_stems(a);
    generic_heads(a);
}

/// The shortest head a name is named again by: a two-character ending (工會, 集團, 政府); a
/// head ends with a name ending, so that common nouns (警察, 地產) are none.
const GENERIC_HEAD_MIN: usize = 2;

/// 「甲乙教師工會 … 工會」, 「甲國臨時政府 … 臨時政府」: a body or programme is named
/// again by its head — the ordinary words its name ends with after the name proper (a place, a
/// name, a word the general lexicon lacks). [`short_forms`] leaves such tails out, as they
/// describe any body of the kind; the head names the article's body where it is the tail of no
/// other name of the article and of no known name, and is written as a word of its own after the
/// full name. A name made only of ordinary words (選舉管理委員會) has no name proper, so no head
/// that would single it out.
fn generic_heads(a: &mut Analysis<'_>) {
    let mut heads: Vec<(EntityId, String)> = Vec::new();
    // Events are named again by their bare ending already ([`bare_event_words`]: 峰會, 本屆論壇),
    // as mentions, not as names.
    for (id, name) in long_names(a).into_iter().filter(|(id, _)| a.entities.kind(*id) != EntityKind::Event) {
        for head in heads_of(a, &name) {
            if !heads.iter().any(|(o, h)| *o == id && *h == head) {
                heads.push((id, head));
            }
        }
    }
    for (id, head) in &heads {
        let id = a.entities.resolve(*id);
        let shared =
            heads.iter().any(|(o, h)| h == head && a.entities.resolve(*o) != id) || shared_tail_any(a, id, head);
        if shared || !a.lex.known_named(head).is_empty() || a.entities.named(head).is_some_and(|o| o != id) {
            continue;
        }
        let Some(first) = a.entities.get(id).mentions.iter().next().copied() else { continue };
        let usable: Vec<Span> = a
            .occurrences(head)
            .into_iter()
            // After punctuation or a boundary word (向工會, 。工會), not after a modifier
            // (地方政府, 教育中心 are other bodies).
            .filter(|&s| s.start >= first.end && free(a, s) && is_bare(a, s) && short_form_stands(a, s))
            .filter(|&s| {
                !crate::boundary::ordinary_word_crosses(a, s.start) && !crate::boundary::ordinary_word_crosses(a, s.end)
            })
            .collect();
        for span in usable {
            add_short(a, id, span);
        }
    }
}

/// The heads of a folded name, longest first: every tail made of the common nouns (of the
/// general lexicon) that follow its name proper — a proper name, an abbreviation, a rare word or
/// a word the lexicon lacks — and end with a name ending, of [`GENERIC_HEAD_MIN`] characters or more
/// (顧問委員會 and 委員會 of 甲乙顧問委員會). A name whose nouns follow a verb, a numeral or a
/// common noun (中介公司, 三公司) is a description glued to a noun, no name with a head.
fn heads_of(a: &Analysis<'_>, name: &str) -> Vec<String> {
    use crate::lexicon::PartOfSpeech;
    let chars: Vec<char> = name.chars().collect();
    let segments = crate::lexicon::general::GeneralLexicon::embedded().segment(&chars, Span::new(0, chars.len()));
    let Some(before) = segments.iter().rposition(|s| !s.entry.is_some_and(is_head_word)) else {
        return Vec::new();
    };
    let proper = segments[before]
        .entry
        .is_none_or(|e| !e.is_ordinary() || e.pos.is_proper_name() || e.pos == PartOfSpeech::Abbreviation);
    if !proper {
        return Vec::new();
    }
    // The tails at word edges, and the name's ending itself where the lexicon writes it inside
    // a longer word (教師工會 is one word of it; 工會 is the ending).
    let ending = ending_len(a, name);
    let mut heads: Vec<String> = segments[before + 1..]
        .iter()
        .map(|s| chars[s.span.start..].iter().collect::<String>())
        .chain((ending > 0 && before + 1 < segments.len()).then(|| chars[chars.len() - ending..].iter().collect()))
        .filter(|h: &String| h.chars().count() >= GENERIC_HEAD_MIN && ending_len(a, h) > 0)
        .collect();
    heads.dedup();
    heads
}

/// Whether a general-lexicon entry is a word a name's head is made of (學生, 政府, 臨時, 顧問):
/// a common noun or a word that qualifies one, frequent enough.
fn is_head_word(entry: crate::lexicon::general::Entry) -> bool {
    use crate::lexicon::PartOfSpeech;
    entry.is_ordinary()
        && matches!(
            entry.pos,
            PartOfSpeech::Noun | PartOfSpeech::VerbalNoun | PartOfSpeech::Distinguishing | PartOfSpeech::Adjective
        )
}

/// Whether another entity of the article, of any kind but a person, has a name ending with
/// folded `tail`.
fn shared_tail_any(a: &Analysis<'_>, id: EntityId, tail: &str) -> bool {
    a.entities.ids().any(|other| {
        a.entities.resolve(other) != id
            && a.entities.kind(other) != EntityKind::Person
            && !a.entities.get(other).mentions.is_empty()
            && a.entities.get(other).full_names.keys().any(|n| fold(n).ends_with(tail))
    })
}

/// 「甲博會暨乙洽會」 for 「甲博覽會暨第5屆乙洽談會」: the short forms of events joined by 暨
/// are joined the same way, and name the joined event. The word after the joiner must select
/// characters of the second event's name in order and end as it ends.
fn joined_short_forms(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span, Span)> = Vec::new();
    for (id, m) in a.entities.all_mentions() {
        if a.entities.kind(id) != EntityKind::Event || !a.entities.get(id).short_names.contains(a.surface(m)) {
            continue;
        }
        let Some(joiner) = a.class_word_at(Role::EventJoiner, m.end) else { continue };
        // The second parts of the event's joined names (after the joiner and an edition).
        let seconds: Vec<Vec<char>> =
            a.entities.get(id).full_names.keys().filter_map(|n| second_of_joined(a, &fold(n))).collect();
        for len in (2..=JOINED_SHORT_FORM_MAX).rev() {
            let span = Span::new(joiner.end, joiner.end + len);
            let short = a.chars_of(span);
            let fits = |second: &Vec<char>| {
                short.len() == len
                    && short.len() < second.len()
                    && short.last() == second.last()
                    && is_subsequence(short, second)
            };
            if seconds.iter().any(fits) && free(a, span) && short_form_stands(a, span) {
                found.push((id, m, span));
                break;
            }
        }
    }
    for (id, first, second) in found {
        let whole = first.cover(second);
        a.entities.remove_mention(first);
        add_short(a, id, whole);
        let name = a.surface(whole).to_owned();
        mention_everywhere(a, id, &name);
    }
}

/// The longest short form of a joined event's second part: three or four characters in
/// practice (乙洽會, 乙交易會).
const JOINED_SHORT_FORM_MAX: usize = 5;

/// The part of a folded joined name after its joiner and edition: 乙洽談會 of 甲博覽會暨第5屆乙洽談會.
fn second_of_joined(a: &Analysis<'_>, name: &str) -> Option<Vec<char>> {
    let joiners = a.class(Role::EventJoiner);
    let after = name.char_indices().find_map(|(i, _)| joiners.prefix_of(&name[i..]).map(|len| &name[i + len..]))?;
    let chars: Vec<char> = after.chars().collect();
    let skip = edition_len(&chars);
    (chars.len() > skip + 2).then(|| chars[skip..].to_vec())
}

/// 「北辰光電科技有限公司 … 北辰光電科技」: a registered company is later named by its name
/// without the registered ending (有限公司, 股份有限公司), with or without the place it starts
/// with (北京北辰光電有限公司 … 北辰光電).
fn company_cores(a: &mut Analysis<'_>) {
    let share = fold("股份");
    let mut todo: Vec<(EntityId, String)> = Vec::new();
    for (id, name) in long_names(a) {
        if a.entities.kind(id) != EntityKind::Organization {
            continue;
        }
        let Some(len) = a.class(Role::RegisteredCompanyEnding).suffix_of(&name) else { continue };
        let stem = name[..name.len() - len].strip_suffix(share.as_str()).unwrap_or(&name[..name.len() - len]);
        let chars: Vec<char> = stem.chars().collect();
        let place = place_prefix_len(a, &chars);
        // Without its place, a name keeps three characters (銅鑼灣書店 is not 書店).
        let without_place: String = chars[place.min(chars.len())..].iter().collect();
        let mut cores = vec![(stem.to_owned(), 2), (without_place.clone(), 3)];
        cores.extend(business_cut_cores(&without_place).into_iter().map(|c| (c, BUSINESS_CUT_CORE_MIN)));
        for (core, least) in cores {
            if core.chars().count() >= least && !a.lex.is_all_generic(&core) && !todo.iter().any(|(_, c)| *c == core) {
                todo.push((id, core));
            }
        }
    }
    for (id, core) in todo {
        if a.entities.named(&core).is_some_and(|o| o != id) || !a.lex.known_named(&core).is_empty() {
            continue;
        }
        let usable: Vec<Span> = a
            .occurrences(&core)
            .into_iter()
            .filter(|&s| (free(a, s) || holds_only_bodies(a, s)) && short_form_stands(a, s))
            .collect();
        for span in usable {
            let inner: Vec<Span> = a.entities.overlapping(span).into_iter().map(|(_, m)| m).collect();
            if inner.iter().all(|m| span.contains(*m) && *m != span) {
                for m in inner {
                    a.entities.remove_mention(m);
                }
            }
            if free(a, span) {
                add_short(a, id, span);
            }
        }
    }
}

/// Whether every mention at `span` is an organisation's, inside it and shorter: 「南嶺物業」
/// holds the group 南嶺, which gives way to the company's short name where it is written whole.
fn holds_only_bodies(a: &Analysis<'_>, span: Span) -> bool {
    let inner = a.entities.overlapping(span);
    !inner.is_empty()
        && inner.iter().all(|&(id, m)| span.contains(m) && m != span && a.entities.kind(id) == EntityKind::Organization)
}

/// The shortest name proper a company is named by with its business words left out: three
/// characters (甲乙丙 of 甲乙丙汽車銷售服務有限公司). Two would be the parent's brand (甲乙 of
/// 甲乙物業服務有限公司 is the group, 甲乙物業 its arm).
const BUSINESS_CUT_CORE_MIN: usize = 3;

/// 「北辰汽車銷售服務有限公司 … 北辰」, 「南嶺物業服務有限公司 … 南嶺物業」, 「東岳金融投資有限公司
/// … 東岳金融」: a company is named again by its name proper followed by none, some or all of
/// the ordinary words that say what it does. The cuts of a folded name (without its place and
/// registered ending) where all that follows is ordinary words of the general lexicon, each of
/// two characters or more; the part before keeps [`BUSINESS_CUT_CORE_MIN`] characters, and is
/// no everyday word itself (新世界 is a brand, 發展 no name).
fn business_cut_cores(core: &str) -> Vec<String> {
    let general = crate::lexicon::general::GeneralLexicon::embedded();
    let chars: Vec<char> = core.chars().collect();
    let n = chars.len();
    let words_to_end = general.ordinary_words_to_end(&chars);
    (BUSINESS_CUT_CORE_MIN..n)
        .filter(|&cut| words_to_end[cut])
        .map(|cut| chars[..cut].iter().collect::<String>())
        .filter(|proper| general.get(proper).is_none_or(|e| !is_everyday_word(e)))
        .collect()
}

/// 「順豐集團 … 順豐」, 「長盛基金 … 長盛」: a company, fund, bank, university or hospital is named
/// again by its brand alone — the name proper between the place it starts with and its ending
/// (`brand-ending` in function_words.tsv), of two or three characters. The brand must be a
/// proper-name token ([`is_brand_token`]), the brand of no other body of the article, and, where
/// it is written, a word of its own: nothing crossing its edges, no word of the extractor's
/// lexicons there (大律師 is a title), and no known place right before it (美國甲乙 names the
/// place 甲乙 a university is named after).
fn brand_stems(a: &mut Analysis<'_>) {
    // Stems of every long name with such an ending (a fund may be read as an initiative), for
    // the ambiguity test; only organisations are named by them.
    let mut stems: Vec<(EntityId, String)> = Vec::new();
    for (id, name) in long_names(a) {
        let Some(len) = a.class(Role::BrandEnding).suffix_of(&name) else { continue };
        let chars: Vec<char> = name[..name.len() - len].chars().collect();
        let place = place_prefix_len(a, &chars);
        let stem: String = chars[place.min(chars.len())..].iter().collect();
        if (2..=3).contains(&stem.chars().count()) && !stems.iter().any(|(o, s)| *o == id && *s == stem) {
            stems.push((id, stem));
        }
    }
    for (id, stem) in &stems {
        // 甲乙基金 and 甲乙銀行 in one article: 甲乙 alone is either.
        if a.entities.kind(*id) != EntityKind::Organization
            || stems.iter().any(|(o, s)| s == stem && a.entities.resolve(*o) != a.entities.resolve(*id))
            || !is_brand_token(a, stem)
            || a.entities.named(stem).is_some_and(|o| o != *id)
        {
            continue;
        }
        let after_place = |s: Span| {
            a.word_ending_at(s.start, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
                .is_some()
        };
        let usable: Vec<Span> = a
            .occurrences(stem)
            .into_iter()
            .filter(|&s| free(a, s) && short_form_stands(a, s) && !a.has_word(s, |_| true) && !after_place(s))
            .filter(|&s| {
                !crate::boundary::ordinary_word_crosses(a, s.start) && !crate::boundary::ordinary_word_crosses(a, s.end)
            })
            .collect();
        for span in usable {
            add_short(a, *id, span);
        }
    }
}

/// In jieba's counts, a word tagged as a name but more frequent than this is an everyday word
/// (卓越 592, 保安 478, 古老 2,695 are tagged so); brands are rarer (寶馬 292, 耶魯 46).
const EVERYDAY_NAME_FREQ: u32 = 400;

/// Whether a general-lexicon entry is an everyday word: an ordinary word that is no name, or a
/// word tagged as a name that is too frequent to be only one.
fn is_everyday_word(entry: crate::lexicon::general::Entry) -> bool {
    entry.freq >= EVERYDAY_NAME_FREQ
        || (!entry.pos.is_proper_name() && entry.freq >= crate::lexicon::general::GeneralLexicon::ORDINARY_WORD_FREQ)
}

/// Whether a folded brand stem (順豐, 長盛) is a proper-name token: no everyday word of the general
/// lexicon, nor made with one (小市值, 新基金: 市值, 基金 are words); not a place (a proper noun
/// of the general lexicon is fine, a place name is not); not a person's name (a surname and two
/// characters, unless transliterated: 史丹福); no known name; not generic.
fn is_brand_token(a: &Analysis<'_>, stem: &str) -> bool {
    let general = crate::lexicon::general::GeneralLexicon::embedded();
    let chars: Vec<char> = stem.chars().collect();
    let whole = general.get(stem).is_none_or(|w| !is_everyday_word(w) && w.pos != crate::lexicon::PartOfSpeech::Place);
    let inner = (1..chars.len()).any(|cut| {
        let (left, right): (String, String) = (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        [left, right].iter().any(|w| w.chars().count() >= 2 && general.get(w).is_some_and(is_everyday_word))
    });
    let transliterated = chars.iter().all(|c| a.lex.transliteration.contains(c));
    let personal = chars.len() == 3 && a.lex.is_surname(&chars[..1].iter().collect::<String>()) && !transliterated;
    whole && !inner && !personal && a.lex.known_named(stem).is_empty() && !a.lex.is_all_generic(stem)
}

/// Abbreviations that select characters of the full name in order: first character of the
/// name proper (after a place prefix) or, for three and more characters, of the place; last
/// character from the ending (大 of 大學, 行 of 銀行, 辦 of 辦公室).
fn selections(a: &mut Analysis<'_>, id: EntityId, full: &[char], ending: usize) {
    let place_len = place_prefix_len(a, full);
    let core_first = full[(place_len + year_prefix_len(&full[place_len..])).min(full.len() - 1)];
    let ending_chars = &full[full.len() - ending..];
    // An event's abbreviation has three characters or more (甲博會, 乙交會): two (甲會) are
    // mostly the short name of a body its name starts with.
    let shortest = if a.entities.kind(id) == EntityKind::Event { 3 } else { 2 };
    let mut found: Vec<Span> = Vec::new();
    let mut starts: Vec<usize> =
        std::iter::once(core_first).chain(full[..place_len].iter().copied()).flat_map(|c| a.positions_of(c)).collect();
    starts.sort_unstable();
    starts.dedup();
    for p in starts {
        for len in (shortest..=5usize).rev() {
            if len + 2 > full.len() {
                continue;
            }
            let span = Span::new(p, p + len);
            if span.end > a.chars.len() {
                continue;
            }
            let s = &a.chars[p..p + len];
            let starts_right = s[0] == core_first || (len >= 3 && full[..place_len].contains(&s[0]));
            // 代表 of 甲省代表團 is a piece of the ending, no abbreviation.
            let only_ending = is_subsequence(s, ending_chars);
            if !starts_right
                || !ending_chars.contains(&s[len - 1])
                || !is_subsequence(s, full)
                || s == full
                || only_ending
            {
                continue;
            }
            // 甲博 before 會 is the start of 甲博會, not a shorter abbreviation.
            let continues = ending_chars.contains(&a.char_at(span.end))
                && is_subsequence(a.chars_of(Span::new(p, span.end + 1)), full);
            if continues {
                break;
            }
            let folded: String = s.iter().collect();
            // 大學 of 香港大學 when the article has two universities: a bare ending or generic
            // tail that other names end with too is no abbreviation of this one.
            if full.ends_with(s) && (s == ending_chars || a.lex.is_all_generic(&folded)) && shared_tail(a, id, &folded)
            {
                continue;
            }
            if !a.lex.known_named(&folded).is_empty() && a.entities.named(&folded) != Some(id) {
                continue; // another body's known abbreviation (港大 is not 香港科技大學)
            }
            // 政務 inside the office 政務司司長 is no short form of 政制及內地事務局.
            let inside_title = a.crossing_words(span).any(|c| matches!(c, WordClass::Title(_)));
            if free(a, span) && short_form_stands(a, span) && !inside_title {
                found.push(span);
                break;
            }
        }
    }
    if let Some(&first) = found.first() {
        let surface = a.surface(first).to_owned();
        a.entities.add_name(id, &surface, false);
        for span in found {
            if free(a, span) && fold(a.surface(span)) == fold(&surface) {
                add_short(a, id, span);
            }
        }
    }
}

/// 「北京當局」, 「中共當局」: the press names the authorities of a place or of a party by the
/// place or the party, and the whole is one more name of it — the same entity as 北京 or 中共,
/// not a body of its own. Only a place or a party the lexicon knows: 政府當局, 有關當局 name no
/// one, and 警方當局-like joins of other bodies are left as they are.
fn authorities_named_by(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span, Span)> = Vec::new();
    for (id, m) in a.entities.all_mentions() {
        let names_power = match a.entities.kind(id) {
            EntityKind::Place => true,
            EntityKind::Organization => {
                a.entities.get(id).known.is_some_and(|k| a.lex.known[k].class == crate::lexicon::KnownClass::Party)
            }
            _ => false,
        };
        if !names_power || a.entities.inside_larger_mention(m) {
            continue;
        }
        let Some(word) = a.class_word_at(Role::Authorities, m.end) else { continue };
        if free(a, word) {
            found.push((id, m, m.cover(word)));
        }
    }
    for (id, m, whole) in found {
        a.entities.remove_mention(m);
        add_short(a, id, whole);
    }
}

/// Whether another organisation or place of the article has a name ending with `tail`.
fn shared_tail(a: &Analysis<'_>, id: EntityId, tail: &str) -> bool {
    a.entities.ids().any(|other| {
        other != id
            && matches!(a.entities.kind(other), EntityKind::Organization | EntityKind::Place)
            && !a.entities.get(other).mentions.is_empty()
            && a.entities.get(other).full_names.keys().any(|n| fold(n).ends_with(tail))
    })
}

/// Length of a known place at the start of a folded name (香港 of 香港理工大學).
fn place_prefix_len(a: &Analysis<'_>, full: &[char]) -> usize {
    // Place names are at most a handful of characters; try the longest first.
    let mut prefix = String::with_capacity(32);
    let mut best = 0;
    for (n, c) in full.iter().enumerate().take(full.len().saturating_sub(1).min(8)) {
        prefix.push(*c);
        if n + 1 >= 2 && a.lex.known_named(&prefix).iter().any(|&k| a.lex.known[k].kind == EntityKind::Place) {
            best = n + 1;
        }
    }
    best
}

/// Length of a year written before a name proper (2025 of 2025甲乙博覽會), which its
/// abbreviations leave out.
fn year_prefix_len(name: &[char]) -> usize {
    let digits = name.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 4 { digits } else { 0 }
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut it = long.iter();
    short.iter().all(|c| it.any(|l| l == c))
}

/// 「甲乙 … 甲乙公司」, 「甲乙基金 … 甲乙基金公司」, 「甲乙 … 甲乙集團」: a company is named by its
/// name and again by its name with the word for the company after it (`company-form` in
/// function_words.tsv: 公司, 有限公司, 集團). Read apart, they are one organisation: the one
/// written with the word joins the one named without it, where the bare name is an organisation's
/// name of two characters or more and no generic word, and the two are not two different bodies
/// of the lexicon.
fn company_named_with_its_form(a: &mut Analysis<'_>) {
    let forms = a.class(Role::CompanyForm);
    let mut todo: Vec<(EntityId, EntityId)> = Vec::new();
    for id in a.entities.ids() {
        if a.entities.kind(id) != EntityKind::Organization || a.entities.get(id).mentions.is_empty() {
            continue;
        }
        for name in a.entities.get(id).full_names.keys().map(|n| fold(n)) {
            let Some(len) = forms.suffix_of(&name) else { continue };
            let bare = &name[..name.len() - len];
            if bare.chars().count() < 2 || a.lex.is_all_generic(bare) {
                continue;
            }
            let Some(other) = a.entities.named(bare).filter(|&o| o != a.entities.resolve(id)) else { continue };
            let (d, o) = (a.entities.get(id), a.entities.get(other));
            let two_known = d.known.is_some() && o.known.is_some() && d.known != o.known;
            if o.kind == EntityKind::Organization && !o.mentions.is_empty() && !two_known {
                todo.push((other, id));
            }
        }
    }
    for (bare, with_form) in todo {
        let (bare, with_form) = (a.entities.resolve(bare), a.entities.resolve(with_form));
        if bare == with_form {
            continue;
        }
        // The lexicon's entry keeps its canonical name: the other joins it.
        if a.entities.get(with_form).known.is_some() && a.entities.get(bare).known.is_none() {
            a.entities.merge(with_form, bare);
        } else {
            a.entities.merge(bare, with_form);
        }
    }
}

/// Entities found separately that are one: an abbreviation found by its ending (創科及工業局)
/// and the full name (創新科技及工業局).
fn merge_abbreviated_entities(a: &mut Analysis<'_>) {
    // Each long name with the length of the place it starts with, computed once.
    let names: Vec<(EntityId, Vec<char>, usize)> = long_names(a)
        .into_iter()
        .map(|(id, n)| {
            let chars: Vec<char> = n.chars().collect();
            let place = place_prefix_len(a, &chars);
            (id, chars, place)
        })
        .collect();
    let ids: Vec<EntityId> = a.entities.ids().collect();
    for short_id in ids {
        let d = a.entities.get(short_id);
        if d.known.is_some() || d.full_names.len() != 1 {
            continue;
        }
        let Some(short) = d.full_names.keys().next().map(|n| fold(n)) else { continue };
        let kind = d.kind;
        let s: Vec<char> = short.chars().collect();
        // A registered company name (…有限公司) is a full name of its own, never a short form of
        // another (廣州港集團有限公司 is not 廣州南沙港鏈供應鏈集團有限公司).
        if s.len() < 3 || a.class(Role::RegisteredCompanyEnding).ends(&short) {
            continue;
        }
        let target = names.iter().find(|(long_id, l, place)| {
            *long_id != short_id
                && l.len() > s.len()
                && s.last() == l.last()
                && ((s[0] == l[(*place).min(l.len() - 1)] || l[..*place].contains(&s[0])) && is_subsequence(&s, l)
                    // or a tail of it: 旅遊局 of 澳門特區政府旅遊局.
                    || l.ends_with(&s))
                && a.entities.kind(*long_id) == kind
        });
        if let Some(&(long_id, _, _)) = target {
            a.entities.merge(long_id, short_id);
        }
    }
}

/// 「美國司法部…司法部表示」: a body named in full with the place it belongs to (a known place at
/// the start of its name) is named again by the rest of that name — which the lexicon may know
/// as another body (司法部 is the mainland ministry) or the rules read as one of its own. The
/// bare tail is the article's body when only one body of the article ends with it (美國國防部 and
/// 中國國防部 in one article leave 國防部 open), when it is more than a name ending (大學, 部),
/// and when the other entity is named by the tail alone, never in a full name of its own. It
/// joins as a short reference: nothing of the other lexicon entry (its canonical name, English
/// name) comes with it.
fn place_qualified_tails(a: &mut Analysis<'_>) {
    let mut tails: Vec<(EntityId, String, String)> = Vec::new();
    for (id, name) in long_names(a) {
        if a.entities.kind(id) != EntityKind::Organization || a.entities.get(id).mentions.is_empty() {
            continue;
        }
        let chars: Vec<char> = name.chars().collect();
        let place = place_prefix_len(a, &chars);
        if place == 0 {
            continue;
        }
        let tail: String = chars[place..].iter().collect();
        // A registered company name is a name of its own (甲地乙有限公司 and 乙有限公司 are two).
        let registered = a.class(Role::RegisteredCompanyEnding).ends(&tail);
        if tail.chars().count() >= 2
            && ending_len(a, &tail) < tail.chars().count()
            && !a.lex.is_all_generic(&tail)
            && !registered
        {
            tails.push((id, chars[..place].iter().collect(), tail));
        }
    }
    for (id, place, tail) in &tails {
        let id = a.entities.resolve(*id);
        if tails.iter().any(|(o, _, t)| t == tail && a.entities.resolve(*o) != id) {
            continue;
        }
        let Some(other) = a.entities.named(tail).filter(|&o| o != id) else { continue };
        let d = a.entities.get(other);
        let only_tail = d.full_names.keys().chain(&d.short_names).all(|n| fold(n) == *tail);
        if d.kind != EntityKind::Organization || d.mentions.is_empty() || !only_tail {
            continue;
        }
        // 中國國防部 written where 中國 was read as a place of its own: another place's body.
        let other_place = d.mentions.iter().any(|m| {
            a.word_ending_at(m.start, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
                .is_some_and(|(w, _)| a.folded(w) != place.as_str())
        });
        if !other_place {
            a.entities.merge_as_short(id, other);
        }
    }
}

/// People by surname, for surname + title references.
fn people_with_surname(a: &Analysis<'_>, surname: &str) -> Vec<EntityId> {
    a.entities
        .ids()
        .filter(|&id| a.entities.kind(id) == EntityKind::Person)
        .filter(|&id| a.entities.get(id).full_names.keys().any(|n| fold(n).starts_with(surname) && !n.contains('·')))
        .collect()
}

/// 陳局長 → the 陳 named before, preferring one who holds that title.
fn surname_and_title(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    for end in a.word_ends(|c| matches!(c, WordClass::Title(_))) {
        let Some((title, _)) = a.word_ending_at(end, |c| matches!(c, WordClass::Title(_))) else { continue };
        if crate::recognize::person::inside_longer_title(a, title) {
            continue; // 吳理事長 is not 吳理事
        }
        for surname_len in [2, 1] {
            if title.start < surname_len {
                continue;
            }
            let span = Span::new(title.start - surname_len, title.end);
            let surname_span = Span::new(span.start, title.start);
            let surname = a.folded(surname_span);
            if !a.lex.is_surname(surname) || !free(a, span) {
                continue;
            }
            // 我跟陳局長說, 與陳局長會面: a comitative or conjunction before the surname ends
            // the word before it as a boundary word does.
            let before = [Before::Boundary, Before::Known, Before::Mention, Before::Joining];
            let starts_word = word_starts_at(a, span.start, &before);
            if !starts_word {
                continue;
            }
            let title_text = fold(a.surface(title));
            let candidates = people_with_surname(a, surname);
            let holds_title = |id: EntityId| {
                a.posts.iter().any(|p| {
                    a.entities.resolve(p.holder) == id && {
                        let t = fold(&p.title);
                        t.ends_with(&title_text) || title_text.ends_with(&t)
                    }
                })
            };
            let chosen = candidates
                .iter()
                .copied()
                .filter(|&id| holds_title(id))
                .max_by_key(|&id| last_mention_before(a, id, span.start))
                .or_else(|| candidates.iter().copied().max_by_key(|&id| last_mention_before(a, id, span.start)));
            if let Some(id) = chosen {
                found.push((id, span));
                break;
            }
        }
    }
    for (id, span) in found {
        if free(a, span) {
            add_short(a, id, span);
        }
    }
}

/// 「陳大文法官…。陳官指…」, 「大律師陳大文…陳大狀」: Hong Kong reporting addresses a person
/// already named by the surname and an honorific (`honorific` in function_words.tsv: 官 for a
/// magistrate or judge, 大狀 for a barrister, 生 for a man). The address is one more name of the
/// article's one person of that surname named before it (with two, it is ambiguous), where it
/// starts a word, is no word of the general lexicon (高官, 法官, 學生 are words) and ends as a
/// word (陳生產 is 陳 + 生產). A person the rules read from the address alone is that person.
fn surname_and_honorific(a: &mut Analysis<'_>) {
    let general = crate::lexicon::general::GeneralLexicon::embedded();
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    for pos in 1..a.chars.len() {
        let Some(honorific) = a.class_word_at(Role::Honorific, pos) else { continue };
        for surname_len in [2, 1] {
            if pos < surname_len {
                continue;
            }
            let span = Span::new(pos - surname_len, honorific.end);
            let surname = a.folded(Span::new(span.start, pos));
            if !a.lex.is_surname(surname) || general.get(a.folded(span)).is_some() {
                continue;
            }
            let before = [Before::Boundary, Before::Known, Before::Mention, Before::Joining];
            if !word_starts_at(a, span.start, &before) || crate::boundary::ordinary_word_crosses(a, span.end) {
                continue;
            }
            let address = a.folded(span).to_owned();
            let here = a.entities.mention_at(span);
            // A person read from the address alone, or nothing, may be placed here.
            let alone = |id: EntityId| {
                let d = a.entities.get(id);
                d.kind == EntityKind::Person && d.full_names.keys().chain(&d.short_names).all(|n| fold(n) == address)
            };
            if !(free(a, span) || here.is_some_and(alone)) {
                continue;
            }
            // Not a person named only by another address (林小姐 is not 林生), nor one whose name
            // goes on after the address (陳官明's name holds 陳官: which is meant is unclear).
            let named_by_address = |id: EntityId| {
                a.entities.get(id).full_names.keys().map(|n| fold(n)).any(|n| {
                    let given: String = n.chars().skip(surname_len).collect();
                    n.starts_with(&address)
                        || (given.chars().count() >= 2 && general.get(&given).is_some_and(is_everyday_word))
                })
            };
            let candidates: Vec<EntityId> = people_with_surname(a, surname)
                .into_iter()
                .filter(|&id| Some(id) != here && !alone(id) && !named_by_address(id))
                .collect();
            if let [id] = candidates[..] {
                if last_mention_before(a, id, span.start).is_some() {
                    found.push((id, span));
                }
            }
            break;
        }
    }
    for (id, span) in found {
        match a.entities.mention_at(span) {
            Some(other) if other != a.entities.resolve(id) => a.entities.merge_as_short(id, other),
            Some(_) => {}
            None => add_short(a, id, span),
        }
    }
}

/// 「陳大文表示…。陳又指…」: a surname alone as the subject of a speech verb (the rule statements
/// read it by, [`Analysis::surname_speaks_at`]) is one more name of the person of that surname
/// named before — when the article names exactly one person of that surname, so that the
/// reference is not ambiguous.
fn surname_alone(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    for pos in 0..a.chars.len() {
        let span = Span::new(pos, pos + 1);
        if !a.surname_speaks_at(pos) || !free(a, span) {
            continue;
        }
        if let [id] = people_with_surname(a, a.folded(span))[..] {
            if last_mention_before(a, id, pos).is_some() {
                found.push((id, span));
            }
        }
    }
    for (id, span) in found {
        add_short(a, id, span);
    }
}

/// A Hong Kong married woman's four-character name opens with her husband's surname and her own
/// (林陳美娟): the two surnames alone are how reporting names her again (林陳表示…). They are a
/// name of hers when both are single surnames and together no compound surname (歐陽); a person
/// the rules read from them alone (林陳表示 → 林陳) is she.
fn double_surname_short_form(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, String)> = Vec::new();
    for id in a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Person) {
        for name in a.entities.get(id).full_names.keys() {
            let chars: Vec<char> = fold(name).chars().collect();
            if crate::recognize::person::opens_with_two_surnames(a, &chars) {
                found.push((id, chars[..2].iter().collect()));
            }
        }
    }
    for (id, short) in found {
        // A person read from the two surnames alone (林陳表示 → 林陳) is she.
        let alone = a.entities.named(&short).filter(|&o| {
            a.entities.kind(o) == EntityKind::Person
                && o != a.entities.resolve(id)
                && a.entities.get(o).full_names.keys().chain(&a.entities.get(o).short_names).all(|n| fold(n) == short)
        });
        if let Some(other) = alone {
            a.entities.merge(id, other);
            a.entities.make_short(id, &short);
        }
        mention_everywhere(a, id, &short);
        let written =
            a.occurrences(&short).into_iter().find(|&s| a.entities.mention_at(s) == Some(a.entities.resolve(id)));
        if let Some(span) = written {
            let surface = a.surface(span).to_owned();
            a.entities.add_name(id, &surface, false);
        }
    }
}

/// 「張曉明昨日出席。曉明表示…」: a Chinese person is named again by the given name alone,
/// mostly in features and in the words of family and friends. The given name (the two characters
/// after a one-character surname, or after a compound surname) is one more name of the person when
/// it is a proper-name token: no word of the general lexicon (小姐, 伯伯, 二人 are words there,
/// tagged as names or not), no known name, no other person's given name in the
/// article, and not cut out of a longer word; and where it is written after the person is first
/// named.
fn given_name_alone(a: &mut Analysis<'_>) {
    let mut by_given: std::collections::BTreeMap<String, Vec<EntityId>> = std::collections::BTreeMap::new();
    for id in a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Person) {
        for name in a.entities.get(id).full_names.keys() {
            if let Some(given) = given_name(a, &fold(name)) {
                let ids = by_given.entry(given).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    let lexicon = crate::lexicon::general::GeneralLexicon::embedded();
    for (given, ids) in by_given {
        let [id] = ids[..] else { continue };
        // The lexicon tags many ordinary words as names (小姐, 伯伯, 二人): any entry is a word.
        if lexicon.get(&given).is_some()
            || !a.lex.known_named(&given).is_empty()
            || a.entities.named(&given).is_some_and(|o| o != id)
        {
            continue;
        }
        let Some(first) = a.entities.get(id).mentions.iter().map(|m| m.start).min() else { continue };
        // The full name written where no mention was placed (「張曉明思想」) is no given name alone.
        let surnames: Vec<String> = a
            .entities
            .get(id)
            .full_names
            .keys()
            .map(|n| fold(n))
            .filter_map(|n| n.strip_suffix(given.as_str()).map(str::to_owned))
            .collect();
        let after_surname = |s: Span| {
            surnames.iter().any(|sn| {
                let len = sn.chars().count();
                s.start >= len && a.folded(Span::new(s.start - len, s.start)) == sn.as_str()
            })
        };
        let spans: Vec<Span> = a
            .occurrences(&given)
            .into_iter()
            .filter(|&s| s.start > first && free(a, s) && !after_surname(s) && given_name_stands(a, s))
            .collect();
        for span in spans {
            add_short(a, id, span);
        }
    }
}

/// The given name of a folded Chinese personal name: what follows a one-character surname in a
/// three-character name (曉明 of 張曉明), or a compound surname in a four-character one (曉明 of
/// 歐陽曉明). None for other names (two characters, a married woman's 林陳美娟, transliterations).
fn given_name(a: &Analysis<'_>, name: &str) -> Option<String> {
    let chars: Vec<char> = name.chars().collect();
    if !chars.iter().all(|&c| crate::text::is_cjk(c)) {
        return None;
    }
    let is_surname = |c: &[char]| a.lex.is_surname(&c.iter().collect::<String>());
    // A transliterated name (艾達臣) has no given name to be called by.
    if chars.iter().all(|c| a.lex.transliteration.contains(c)) {
        return None;
    }
    let surname = match chars.len() {
        3 if is_surname(&chars[..1]) && !is_surname(&chars[..2]) => 1,
        4 if is_surname(&chars[..2]) => 2,
        _ => return None,
    };
    Some(chars[surname..].iter().collect())
}

/// Whether a given name written at `span` stands as a name: not after another surname (李曉明
/// is someone else than 張曉明; 給曉明, 同事曉明 are fine: 給 is no surname, 事 ends a word), no
/// ordinary word crossing either edge (曉明 inside 拂曉明天 is in 拂曉 and 明天), and no title
/// word running across it.
fn given_name_stands(a: &Analysis<'_>, span: Span) -> bool {
    let other_surname = span.start > 0
        && a.lex.is_surname(a.folded(Span::new(span.start - 1, span.start)))
        && !a
            .general
            .words_ending_at(span.start)
            .any(|w| w.span.len() >= 2 && w.entry.freq >= crate::lexicon::general::GeneralLexicon::ORDINARY_WORD_FREQ);
    !other_surname
        && !crate::boundary::ordinary_word_crosses(a, span.start)
        && !crate::boundary::ordinary_word_crosses(a, span.end)
        && !a.crossing_words(span).any(|c| matches!(c, WordClass::Title(_)))
}

/// 「顧問Ian Wright表示…。Wright又指…」: a person named in Latin letters by given name and
/// surname is named again by the surname alone — when no other person of the article has that
/// surname, and where the surname stands alone (not inside a longer Latin name: Wright Group).
fn latin_surname_alone(a: &mut Analysis<'_>) {
    let mut by_surname: std::collections::BTreeMap<String, Vec<EntityId>> = std::collections::BTreeMap::new();
    for id in a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Person) {
        for name in a.entities.get(id).full_names.keys() {
            if let Some(surname) = latin_surname(name) {
                let ids = by_surname.entry(fold(surname)).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    for (surname, ids) in by_surname {
        let [id] = ids[..] else { continue };
        for span in a.occurrences(&surname) {
            if free(a, span) && latin_word_stands_alone(a, span) {
                add_short(a, id, span);
            }
        }
    }
}

/// The surname of a personal name in Latin letters: the last of two or more capitalised words
/// (Wright of Ian Wright), not an initial or a postnominal in capitals (SC, KC, II).
pub(crate) fn latin_surname(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split([' ', '\u{a0}']).filter(|w| !w.is_empty()).collect();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '\''))
    };
    let last = *words.last()?;
    let all_caps = last.chars().all(|c| !c.is_ascii_lowercase());
    (words.len() >= 2 && words.iter().all(capitalised) && last.chars().count() >= 3 && !all_caps).then_some(last)
}

/// Whether a Latin word at `span` is a word of its own: no Latin letter or digit glued to it, and
/// no other Latin word written next to it across a space (Wright Group, Mr Wright).
fn latin_word_stands_alone(a: &Analysis<'_>, span: Span) -> bool {
    let latin = |c: char| c.is_ascii_alphanumeric();
    let space = |c: char| matches!(c, ' ' | '\u{a0}');
    let before = |k: usize| span.start.checked_sub(k).map(|p| a.char_at(p));
    let glued_before = before(1).is_some_and(latin) || (before(1).is_some_and(space) && before(2).is_some_and(latin));
    let after = |k: usize| (span.end + k < a.chars.len()).then(|| a.char_at(span.end + k));
    let glued_after = after(0).is_some_and(latin) || (after(0).is_some_and(space) && after(1).is_some_and(latin));
    !glued_before && !glued_after
}

fn last_mention_before(a: &Analysis<'_>, id: EntityId, pos: usize) -> Option<usize> {
    a.entities.get(id).mentions.iter().filter(|m| m.end <= pos).map(|m| m.start).max()
}

/// 史密斯教授: a person's short name followed by a title is one more way to name them.
fn short_name_and_title(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span, Span)> = Vec::new();
    for (id, m) in a.entities.all_mentions() {
        if a.entities.kind(id) != EntityKind::Person {
            continue;
        }
        let d = a.entities.get(id);
        let surface = a.surface(m);
        if !d.short_names.contains(surface) {
            continue;
        }
        if let Some((title, _)) = a.word_starting_at(m.end, |c| matches!(c, WordClass::Title(_))) {
            found.push((id, m, title));
        }
    }
    for (id, m, title) in found {
        let span = m.cover(title);
        a.entities.remove_mention(m);
        add_short(a, id, span);
    }
    // 頌巴大使 for 頌巴·猜亞蓬: the first part of a dotted name with a title (the way Thai and
    // other given-name-first names are referred to).
    let dotted: Vec<(EntityId, String)> = a
        .entities
        .ids()
        .filter(|&id| a.entities.kind(id) == EntityKind::Person)
        .filter_map(|id| {
            let full = a.entities.get(id).full_names.keys().find(|n| n.contains('·'))?.clone();
            let first = full.split('·').next()?.to_owned();
            (first.chars().count() >= 2).then_some((id, fold(&first)))
        })
        .collect();
    for (id, first) in dotted {
        for m in a.occurrences(&first) {
            let Some((title, _)) = a.word_starting_at(m.end, |c| matches!(c, WordClass::Title(_))) else { continue };
            let span = m.cover(title);
            if free(a, span) {
                add_short(a, id, span);
            }
        }
    }
}

/// 合作區, 委員會: an ending of three or more characters standing alone names the one place or
/// organisation of the article that has it (an alias the text uses).
fn bare_endings(a: &mut Analysis<'_>) {
    let mut by_ending: std::collections::HashMap<String, Vec<EntityId>> = std::collections::HashMap::new();
    for id in a.entities.ids() {
        if !matches!(a.entities.kind(id), EntityKind::Place | EntityKind::Organization)
            || a.entities.get(id).mentions.is_empty()
        {
            continue;
        }
        let names: Vec<String> = a.entities.get(id).full_names.keys().map(|n| fold(n)).collect();
        for s in &a.lex.suffixes {
            if s.chars >= 3 && names.iter().any(|n| n.ends_with(s.folded.as_str()) && *n != s.folded) {
                let ids = by_ending.entry(s.folded.clone()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    let mut endings: Vec<(String, Vec<EntityId>)> = by_ending.into_iter().collect();
    endings.sort();
    for (ending, ids) in endings {
        let [id] = ids[..] else { continue };
        let spans: Vec<Span> = a
            .occurrences(&ending)
            .into_iter()
            .filter(|&s| free(a, s) && is_bare(a, s) && short_form_stands(a, s))
            .collect();
        if let Some(&first) = spans.first() {
            let surface = a.surface(first).to_owned();
            a.entities.add_name(id, &surface, false);
            for s in spans {
                let surface = a.surface(s).to_owned();
                a.entities.add_mention(id, s, &surface);
            }
        }
    }
}

/// 「簡約公屋」 for 簡約公屋計劃: a programme's name without its ending, quoted, is its short name.
fn quoted_stems(a: &mut Analysis<'_>) {
    let ids: Vec<EntityId> = a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Initiative).collect();
    for id in ids {
        let names: Vec<String> = a.entities.get(id).full_names.keys().map(|n| fold(n)).collect();
        for name in names {
            let ending = ending_len(a, &name);
            let chars: Vec<char> = name.chars().collect();
            if ending == 0 || chars.len() < ending + 2 {
                continue;
            }
            let stem: String = chars[..chars.len() - ending].iter().collect();
            let quoted: Vec<Span> = a
                .occurrences(&stem)
                .into_iter()
                .filter(|s| {
                    s.start > 0
                        && matches!(a.char_at(s.start - 1), '「' | '“' | '『')
                        && matches!(a.char_at(s.end), '」' | '”' | '』')
                })
                .collect();
            for s in quoted {
                match a.entity_at(s) {
                    // Known under the short name too (a lexicon programme): one programme.
                    Some(other) if other != id && a.entities.kind(other) == EntityKind::Initiative => {
                        a.entities.merge(id, other)
                    }
                    Some(_) => {}
                    None if free(a, s) => add_short(a, id, s),
                    None => {}
                }
            }
        }
    }
}

/// 「據《北嶺晚報》報道」, 「在《甲乙論壇》發言」: a newspaper, programme or body written in book
/// marks is named by the marked title as written, as documents are (《X白皮書》 keeps its marks
/// as an alias, [`crate::recognize`]): the marked form is one more name of the entity. A person
/// or a place in book marks is the title of a work (a film, a song, a magazine named after a
/// place), no other name of them.
fn book_marked_names(a: &mut Analysis<'_>) {
    let mut found: Vec<(EntityId, Span)> = Vec::new();
    for (id, m) in a.entities.all_mentions() {
        if !matches!(a.entities.kind(id), EntityKind::Person | EntityKind::Place)
            && m.start > 0
            && a.char_at(m.start - 1) == '《'
            && a.char_at(m.end) == '》'
        {
            found.push((id, Span::new(m.start - 1, m.end + 1)));
        }
    }
    for (id, span) in found {
        let marked = a.surface(span).to_owned();
        a.entities.add_name(id, &marked, false);
    }
}

/// 峰會, 本次峰會 → the article's one event with that ending.
fn bare_event_words(a: &mut Analysis<'_>) {
    // Every event ending a name ends with: 香港高峰論壇 is referred to as 高峰論壇 and as 論壇.
    let events: Vec<(EntityId, String)> = a
        .entities
        .ids()
        .filter(|&id| a.entities.kind(id) == EntityKind::Event)
        .flat_map(|id| {
            let names: Vec<String> = a.entities.get(id).full_names.keys().map(|n| fold(n)).collect();
            a.lex
                .suffixes
                .iter()
                .filter(|s| s.kind == EntityKind::Event)
                .map(|s| s.folded.clone())
                .filter(|s| names.iter().any(|n| n.ends_with(s.as_str()) && n != s))
                .map(|s| (id, s))
                .collect::<Vec<_>>()
        })
        .collect();
    for (id, ending) in &events {
        if events.iter().filter(|(_, e)| e == ending).count() != 1 {
            continue; // two summits: 峰會 alone is ambiguous
        }
        for span in a.occurrences(ending) {
            if free(a, span) && is_bare(a, span) {
                let surface = a.surface(span).to_owned();
                // 高峰論壇, 新聞發布會: a compound event word is a short name; 論壇 alone is not.
                if is_compound_event_word(&surface) {
                    a.entities.add_name(*id, &surface, false);
                }
                a.entities.add_mention(*id, span, &surface);
            }
        }
    }
}

/// 「工會昨日召開記者會。」 in an article that names no event: the meeting announced by a verb
/// (召開, 舉辦, 出席, 開) or otherwise said to take place ([`took_place`]: 見記者, 在記者會上表示)
/// and named only by what it is (記者會, 簡介會, 記招) is the article's one
/// event, under the word first announced; every announced word is one of its names, and each of
/// those words standing alone (在記者會上) a mention of it. Where the article names other
/// events held (a forum someone once spoke at), a meeting announced with a day near publication
/// (今日召開記者會, 周五召開記者會) is still the article's news; an undated one
/// (論壇開幕，主辦方其後召開記者會) belongs to the named event.
fn announced_meeting(a: &mut Analysis<'_>) {
    let others_held = a.entities.ids().any(|id| a.entities.kind(id) == EntityKind::Event && !is_told_of(a, id));
    let words: Vec<String> = a.class(Role::GenericMeeting).words().map(str::to_owned).collect();
    let mut announced: Vec<Span> = Vec::new();
    let mut bare: Vec<Span> = Vec::new();
    for w in &words {
        for span in a.occurrences(w) {
            // The longest meeting word there only (新聞發布會, not its 發布會).
            let longest = a.class_word_at(Role::GenericMeeting, span.start).is_some_and(|l| l == span);
            if !longest || !free(a, span) {
                continue;
            }
            if took_place(a, span) && (!others_held || dated_near_publication(a, span.start)) {
                announced.push(span);
            } else if is_bare(a, span) {
                bare.push(span);
            }
        }
    }
    announced.sort_unstable_by_key(|s| s.start);
    // A general meeting (會員大會) and a press conference are two meetings, and the press
    // conference is where the article's people speak (工會開記招，將在周日舉行會員大會): words
    // of one kind only name the event, a press conference's when one is announced.
    let kind_of = |a: &Analysis<'_>, s: Span| {
        let word = fold(a.surface(s));
        a.class(Role::GeneralMeeting).contains(&word).then_some(word)
    };
    let kind = if announced.iter().any(|&s| kind_of(a, s).is_none()) {
        None
    } else {
        announced.first().and_then(|&s| kind_of(a, s))
    };
    announced.retain(|&s| kind_of(a, s) == kind);
    let Some(&first) = announced.first() else { return };
    // Named by a noun (記者會) rather than by a phrase that says it (見記者) where it has both.
    let self_convened = |s: Span| a.class_word_at(Role::SelfConvenedMeeting, s.start) == Some(s);
    let first = announced.iter().copied().find(|&s| !self_convened(s)).unwrap_or(first);
    let name = a.surface(first).to_owned();
    let id = a.entities.create(EntityKind::Event, &name, true);
    let names: Vec<String> = announced.iter().map(|&s| fold(a.surface(s))).collect();
    bare.retain(|&s| names.contains(&fold(a.surface(s))));
    for span in announced.into_iter().chain(bare) {
        let surface = a.surface(span).to_owned();
        a.entities.add_name(id, &surface, false);
        a.entities.add_mention(id, span, &surface);
    }
}

/// How many days from publication a day may be for a meeting announced with it to be the
/// article's news (周五召開記者會 in a Saturday paper; not a meeting of years ago).
const NEWS_DAYS: i64 = 7;

/// Whether the clause before `pos` dates what it announces with a day near publication (今日,
/// 昨, 周五), read by the date reader.
fn dated_near_publication(a: &Analysis<'_>, pos: usize) -> bool {
    let Some(published) = a.article.published() else { return false };
    let start = (0..pos)
        .rev()
        .find(|&p| {
            let c = a.char_at(p);
            crate::text::CLAUSE_END.contains(&c) || crate::text::SENTENCE_END.contains(&c) || c == '\n'
        })
        .map_or(0, |p| p + 1);
    let clause = a.folded(Span::new(start, pos));
    crate::date::read::DateReader::new(a.lex).dates_in(clause, Some(published)).iter().any(|d| {
        matches!(d.date, Some(crate::date::PartialDate::Full(day))
            if (day.to_days() - published.to_days()).abs() <= NEWS_DAYS)
    })
}

/// Whether an event is told of rather than held before an audience: an incident named in quotes
/// ([`is_quoted_incident`]) or an election ([`is_election`]). Nobody addresses it, and it leaves
/// the article's announced meeting its event (「政黨就立法會選舉召開記者會」).
pub(crate) fn is_told_of(a: &Analysis<'_>, id: EntityId) -> bool {
    is_quoted_incident(a, id) || is_election(a, id) || is_named_incident(a, id) || is_movement(a, id)
}

/// Whether an event is a movement of the lexicon (雨傘運動, 反修例運動): told of, not held.
fn is_movement(a: &Analysis<'_>, id: EntityId) -> bool {
    a.entities.get(id).known.is_some_and(|k| a.lex.known[k].class == crate::lexicon::KnownClass::Movement)
}

/// Whether an event is an incident named by its place or day (旺角衝突, 六四事件: one of its names
/// ends with an incident ending; a quoted happening, 「X」晚會, may be held before an audience).
pub(crate) fn is_named_incident(a: &Analysis<'_>, id: EntityId) -> bool {
    let draft = a.entities.get(id);
    draft.full_names.keys().any(|name| {
        let name = fold(name);
        !name.contains(crate::text::CLOSE_QUOTES) && a.class(Role::IncidentEnding).suffix_of(&name).is_some()
    })
}

/// Whether an event is an election: one of its names ends with an election word (立法會選舉,
/// 美國總統大選, 民主派初選).
pub(crate) fn is_election(a: &Analysis<'_>, id: EntityId) -> bool {
    let draft = a.entities.get(id);
    draft.full_names.keys().any(|name| a.class(Role::ElectionWord).suffix_of(&fold(name)).is_some())
}

/// Whether an event is an incident or campaign named in quotes (「X」事件, 「X」示威: one of its
/// names is the quotation with its incident word), not a meeting held: it leaves the article's
/// announced meeting its event (「工會就「某某」事件召開記者會」).
pub(crate) fn is_quoted_incident(a: &Analysis<'_>, id: EntityId) -> bool {
    let draft = a.entities.get(id);
    draft.full_names.keys().chain(&draft.short_names).any(|name| {
        let name = fold(name);
        a.class(Role::IncidentWord)
            .suffix_of(&name)
            .is_some_and(|len| name[..name.len() - len].ends_with(crate::text::CLOSE_QUOTES))
    })
}

/// Whether the text says that the generic meeting at `span` took place: a verb holds, attends
/// or convenes it (召開記者會), it names its own convening (周五見記者), it is the setting of what
/// is said (在記者會上表示, 記者會後稱, 發布會期間), or its clause dates it near publication
/// (今午的記者會). A meeting word alone may be what a body usually does (政府記者會匯報) or
/// someone else's (記者會問: reporters will ask).
fn took_place(a: &Analysis<'_>, span: Span) -> bool {
    is_announced(a, span.start)
        || a.class_word_at(Role::SelfConvenedMeeting, span.start) == Some(span)
        || a.class_word_at(Role::MeetingSetting, span.end).is_some()
        || dated_near_publication(a, span.start)
}

/// Whether a verb that holds, attends or convenes a meeting ends at `pos` (召開記者會, 出席記者會),
/// as a word of its own (not 開 of 公開).
fn is_announced(a: &Analysis<'_>, pos: usize) -> bool {
    [Role::HoldingVerb, Role::AttendingVerb, Role::ConveningVerb]
        .iter()
        .any(|&r| a.class_word_before(r, pos).is_some_and(|verb| !a.general.is_crossed(verb.start)))
}

/// Whether a bare event word is long enough to be one of the event's names (高峰論壇 of
/// 南海高峰論壇), not just what it is (論壇, 峰會).
fn is_compound_event_word(word: &str) -> bool {
    word.chars().count() >= 4
}

/// Whether an event word stands alone (峰會 after punctuation, 本次, 是次, a verb…), not as the
/// tail of another name (分論壇, 主論壇 are other events).
fn is_bare(a: &Analysis<'_>, span: Span) -> bool {
    word_starts_at(a, span.start, &[Before::Boundary]) || a.class_word_before(Role::ThisEdition, span.start).is_some()
}

/// 該公司, 該局 → the organisation with that ending named last before; so is a bare ending
/// right before a title (委員會主席陳大文, 公司行政總裁…).
fn demonstrative_bodies(a: &mut Analysis<'_>) {
    let mut found = Vec::new();
    // Only where an ending starts (or 該 right before one): the lattice lists them.
    let mut candidates: Vec<usize> = a
        .words
        .all()
        .iter()
        .filter(|w| a.lex.vocabulary.classes(w.pattern).iter().any(|c| matches!(c, WordClass::Suffix(_))))
        .flat_map(|w| [w.span.start, w.span.start.saturating_sub(1)])
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    for p in candidates {
        let demonstrative = a.class(Role::Anaphoric).has_char(a.char_at(p));
        let at = if demonstrative { p + 1 } else { p };
        let Some((ending, WordClass::Suffix(i))) = a.word_starting_at(at, |c| matches!(c, WordClass::Suffix(_))) else {
            continue;
        };
        let kind = a.lex.suffixes[i].kind;
        // 該公司; 自治區主席 (a bare place ending before a title names the place too).
        if kind != EntityKind::Organization && !(kind == EntityKind::Place && !demonstrative && ending.len() >= 2) {
            continue;
        }
        if !demonstrative {
            let alone = word_starts_at(a, p, &[Before::Boundary]);
            let before_title = a.word_starting_at(ending.end, |c| matches!(c, WordClass::Title(_))).is_some();
            if !(alone && before_title) {
                continue;
            }
        }
        let span = Span::new(p, ending.end);
        let ending_text = a.lex.suffixes[i].folded.clone();
        let target = a
            .entities
            .mentions_in(Span::new(0, p))
            .into_iter()
            .rev()
            .find(|(id, m)| {
                a.entities.kind(*id) == kind && a.folded(*m).ends_with(ending_text.as_str()) && m.len() > ending.len()
            })
            .map(|(id, _)| id)
            // 自治區主席: the place named with that ending in the lexicon (廣西壯族自治區, written
            // only inside 廣西壯族自治區黨委) when no mention of it ends so.
            .or_else(|| {
                (kind == EntityKind::Place).then(|| {
                    a.entities.ids().find(|&id| {
                        a.entities.kind(id) == kind
                            && a.entities.get(id).lexicon_names.iter().any(|n| fold(n).ends_with(ending_text.as_str()))
                    })
                })?
            })
            .map(|id| (id, ()));
        if let Some((id, ())) = target {
            found.push((id, span));
        }
    }
    for (id, span) in found {
        if free(a, span) {
            let surface = a.surface(span).to_owned();
            a.entities.add_mention(id, span, &surface);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;
    use crate::{Extraction, PIPELINE};

    fn extract(text: &str) -> Extraction {
        let a = analysis_with(text, None, &[]);
        let mut a = a;
        for stage in PIPELINE {
            stage.run(&mut a);
        }
        crate::finish(a)
    }

    fn entity<'e>(x: &'e Extraction, label: &str) -> &'e crate::Entity {
        x.entities
            .iter()
            .find(|e| e.label == label)
            .unwrap_or_else(|| panic!("no {label} in {:?}", x.entities.iter().map(|e| &e.label).collect::<Vec<_>>()))
    }

    #[test]
    fn parenthetical_abbreviation_becomes_an_alias_and_is_found_later() {
        let x = extract("東海精工製造有限公司（下稱「東海精工」）今日簽約。東海精工行政總裁陳立表示滿意。");
        let e = entity(&x, "東海精工製造有限公司");
        assert!(e.aliases.contains("東海精工"));
        assert_eq!(e.mentions.len(), 3);
        assert!(x.posts.iter().any(|p| p.title == "行政總裁" && p.org.map(|o| &x.entities[o].label) == Some(&e.label)));
    }

    #[test]
    fn a_parenthesis_after_a_quoted_name_names_it() {
        for (text, name) in [
            ("極端組織「北風旅」（NWB）發表聲明，NWB稱負責。", "北風旅"),
            ("极端组织“北风旅”（NWB）发表声明，NWB称负责。", "北风旅"),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert!(e.aliases.contains("NWB"), "{:?}", e.aliases);
            assert_eq!(e.mentions.len(), 3, "{:?}", e.mentions);
        }
    }

    #[test]
    fn a_place_qualified_body_is_named_again_by_the_rest_of_its_name() {
        for (text, name, tail) in [
            ("美國司法部昨日起訴一家公司。司法部表示，調查仍在進行。", "美國司法部", "司法部"),
            ("美国司法部昨日起诉一家公司。司法部表示，调查仍在进行。", "美国司法部", "司法部"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(tail), "{text}: {:?}", entity(&x, name).aliases);
            assert!(!x.entities.iter().any(|e| e.label == tail), "{text}: {tail} stays apart");
            assert!(entity(&x, name).other_names.iter().all(|n| !n.contains("中華人民共和國")), "{text}");
        }
        // Two bodies of two places end with it: the bare tail is either, and is not the first's.
        for (text, name, tail) in [
            ("美國司法部與加拿大司法部昨日會面。司法部表示，調查仍在進行。", "美國司法部", "司法部"),
            ("美国司法部与加拿大司法部昨日会面。司法部表示，调查仍在进行。", "美国司法部", "司法部"),
        ] {
            let x = extract(text);
            assert!(!entity(&x, name).aliases.contains(tail), "{text}");
        }
    }

    #[test]
    fn the_authorities_of_a_place_or_a_party_are_named_by_it() {
        for (text, name, whole) in [
            ("有評論認為北京當局昨日收緊政策，北京亦派員南下。", "北京", "北京當局"),
            ("有评论认为北京当局昨日收紧政策，北京亦派员南下。", "北京", "北京当局"),
            ("學者批評中共當局打壓異見，中共則未有回應。", "中共", "中共當局"),
            ("学者批评中共当局打压异见，中共则未有回应。", "中共", "中共当局"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(whole), "{text}: {:?}", entity(&x, name).aliases);
            assert!(!x.entities.iter().any(|e| e.label == whole), "{text}: {whole} is no entity of its own");
        }
        // The authorities of no one named: no entity.
        for text in ["議員要求政府當局交代事件。", "议员要求政府当局交代事件。"] {
            let x = extract(text);
            assert!(x.entities.iter().all(|e| !e.label.contains("當局") && !e.label.contains("当局")), "{text}");
        }
    }

    #[test]
    fn a_latin_name_before_a_chinese_one_in_brackets_is_its_name() {
        for (text, name, latin) in [
            ("他說支持Peter Wong（黃大文）出選，黃大文表示感謝。", "黃大文", "Peter Wong"),
            ("他说支持Peter Wong（黄大文）出选，黄大文表示感谢。", "黄大文", "Peter Wong"),
            ("分析指NEB（北嶺電力有限公司）盈利大增。", "北嶺電力有限公司", "NEB"),
            ("分析指NEB（北岭电力有限公司）盈利大增。", "北岭电力有限公司", "NEB"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(latin), "{text}: {:?}", entity(&x, name).aliases);
        }
        // A sentence in English before a name in brackets is no name of it.
        for text in ["他寫道 I think so（黃大文）。", "他写道 I think so（黄大文）。"] {
            let x = extract(text);
            assert!(x.entities.iter().all(|e| !e.aliases.contains("I think so")), "{text}");
        }
    }

    #[test]
    fn a_company_is_named_by_its_name_proper_without_its_business_words() {
        for (text, name, short) in [
            (
                "北京岳川星汽車銷售服務有限公司昨日開業。岳川星表示銷情理想。",
                "北京岳川星汽車銷售服務有限公司",
                "岳川星",
            ),
            (
                "北京岳川星汽车销售服务有限公司昨日开业。岳川星表示销情理想。",
                "北京岳川星汽车销售服务有限公司",
                "岳川星",
            ),
            ("上海梧嶺物業服務有限公司接手屋苑。梧嶺物業稱會跟進。", "上海梧嶺物業服務有限公司", "梧嶺物業"),
            ("上海梧岭物业服务有限公司接手屋苑。梧岭物业称会跟进。", "上海梧岭物业服务有限公司", "梧岭物业"),
            // The group's known name inside gives way (騰訊 of 騰訊物業).
            ("深圳騰訊物業服務有限公司接手屋苑。騰訊物業稱會跟進。", "深圳騰訊物業服務有限公司", "騰訊物業"),
            ("深圳腾讯物业服务有限公司接手屋苑。腾讯物业称会跟进。", "深圳腾讯物业服务有限公司", "腾讯物业"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(short), "{text}: {:?}", entity(&x, name).aliases);
        }
    }

    #[test]
    fn a_name_written_in_book_marks_keeps_the_marked_form() {
        for (text, name, marked) in [
            ("據《北嶺晚報》報道，事件引起關注。", "北嶺晚報", "《北嶺晚報》"),
            ("据《南川商报》报道，事件引起关注。", "南川商报", "《南川商报》"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(marked), "{text}: {:?}", entity(&x, name).aliases);
        }
    }

    #[test]
    fn a_bare_chinese_parenthesis_is_a_short_name_only_when_it_selects_the_names_characters() {
        for (text, name, short) in [
            ("南灣物流協會（南物協）昨日開會。南物協表示滿意。", "南灣物流協會", "南物協"),
            ("南湾物流协会（南物协）昨日开会。南物协表示满意。", "南湾物流协会", "南物协"),
            ("南灣物流協會（俗稱「灣協」）昨日開會。", "南灣物流協會", "灣協"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(short), "{text}: {:?}", entity(&x, name).aliases);
        }
        // A link marker, a part, a former name or a note in parentheses is no other name.
        for (text, name) in [
            ("南灣物流協會（微博）昨日開會。", "南灣物流協會"),
            ("南湾物流协会（微博）昨日开会。", "南湾物流协会"),
            ("東區醫院（包括日間中心）昨日重開。", "東區醫院"),
            ("东区医院（包括日间中心）昨日重开。", "东区医院"),
            ("南灣物流協會（前身為船運公會）昨日開會。", "南灣物流協會"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.is_empty(), "{text}: {:?}", entity(&x, name).aliases);
        }
    }

    #[test]
    fn a_persons_latin_name_in_parentheses_is_their_name() {
        for text in [
            "發言人陳立勤（Nelson Chan）昨日表示，Nelson Chan會再作交代。",
            "发言人陈立勤（Nelson Chan）昨日表示，Nelson Chan会再作交代。",
        ] {
            let x = extract(text);
            let e = x.entities.iter().find(|e| e.aliases.contains("Nelson Chan")).unwrap_or_else(|| panic!("{x:?}"));
            assert_eq!(e.kind, EntityKind::Person);
            assert_eq!(e.mentions.len(), 3, "{:?}", e.mentions);
        }
        // A photo position or a Chinese note in parentheses is no name.
        for text in ["陳立勤（左二）昨日表示支持。", "陳立勤（發言人）昨日表示支持。"] {
            let x = extract(text);
            let e = entity(&x, "陳立勤");
            assert!(e.aliases.is_empty(), "{:?}", e.aliases);
        }
    }

    #[test]
    fn an_event_written_with_its_edition_has_that_name_too() {
        for (text, name, edition) in [
            (
                "第六屆西江綠色建築論壇昨日在澳門開幕。西江綠色建築論壇為期兩日。",
                "西江綠色建築論壇",
                "第六屆西江綠色建築論壇",
            ),
            (
                "第12届西江绿色建筑论坛昨日在澳门开幕。西江绿色建筑论坛为期两日。",
                "西江绿色建筑论坛",
                "第12届西江绿色建筑论坛",
            ),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert_eq!(e.kind, EntityKind::Event);
            assert!(e.aliases.contains(edition), "{:?}", e.aliases);
            assert_eq!(e.mentions.len(), 2, "{:?}", e.mentions);
        }
        // An edition word that is no number (本屆, 首屆) stays outside the name.
        for text in ["本屆西江綠色建築論壇昨日開幕。", "首屆西江綠色建築論壇昨日開幕。"] {
            let x = extract(text);
            let e = entity(&x, "西江綠色建築論壇");
            assert!(e.aliases.iter().all(|n| !n.contains('屆')), "{:?}", e.aliases);
        }
    }

    #[test]
    fn events_joined_by_ji_are_one_event_with_its_edition() {
        for (text, whole, edition, part) in [
            (
                "第五屆南灣物流合作論壇暨西江商品博覽會昨日在澳門開幕。西江商品博覽會吸引逾百家企業。",
                "南灣物流合作論壇暨西江商品博覽會",
                "第五屆南灣物流合作論壇暨西江商品博覽會",
                "西江商品博覽會",
            ),
            (
                "第五届南湾物流合作论坛暨西江商品博览会昨日在澳门开幕。西江商品博览会吸引逾百家企业。",
                "南湾物流合作论坛暨西江商品博览会",
                "第五届南湾物流合作论坛暨西江商品博览会",
                "西江商品博览会",
            ),
        ] {
            let x = extract(text);
            let e = entity(&x, whole);
            assert_eq!(e.kind, EntityKind::Event);
            assert!(e.aliases.contains(edition), "{:?}", e.aliases);
            assert_eq!(e.mentions.len(), 2, "{:?}", e.mentions);
            assert!(!x.entities.iter().any(|o| o.label == part), "{:?}", x.entities);
        }
        // The second event's own edition stays inside the joined name.
        for (text, whole) in [
            ("2026南灣物流博覽會暨第9屆西江商品洽談會昨日開幕。", "2026南灣物流博覽會暨第9屆西江商品洽談會"),
            ("2026南湾物流博览会暨第9届西江商品洽谈会昨日开幕。", "2026南湾物流博览会暨第9届西江商品洽谈会"),
        ] {
            let x = extract(text);
            assert_eq!(entity(&x, whole).kind, EntityKind::Event, "{text}");
        }
        // 暨 inside a body's name, or between two bodies, joins no events.
        let x = extract("統計暨普查局與南灣物流合作論壇合辦講座。");
        assert!(x.entities.iter().all(|e| !e.label.contains("論壇") || e.label == "南灣物流合作論壇"));
    }

    #[test]
    fn an_edition_number_opens_a_name_in_either_script() {
        let folded = |s: &str| -> Vec<char> { crate::normalize::fold(s).chars().collect() };
        assert_eq!(super::edition_len(&folded("第七屆乙洽談會")), 3);
        assert_eq!(super::edition_len(&folded("第21届乙洽谈会")), 4);
        // No number between the marks, or no closing mark: no edition.
        assert_eq!(super::edition_len(&folded("第屆乙洽談會")), 0);
        assert_eq!(super::edition_len(&folded("第一個洽談會")), 0);
    }

    #[test]
    fn the_meeting_an_article_announces_without_a_name_is_its_event() {
        for (text, names) in [
            (
                "工會昨日開記招，反對新安排。主席陳大文在記者會上表示，會繼續爭取。另有兩個工會亦出席記者會。",
                ["記招", "記者會"],
            ),
            (
                "工会昨日开记招，反对新安排。主席陈大文在记者会上表示，会继续争取。另有两个工会亦出席记者会。",
                ["记招", "记者会"],
            ),
        ] {
            let x = extract(text);
            let events: Vec<_> = x.entities.iter().filter(|e| e.kind == EntityKind::Event).collect();
            assert_eq!(events.len(), 1, "{text}: {events:?}");
            assert_eq!(events[0].label, names[0]);
            assert!(events[0].aliases.contains(names[1]), "{:?}", events[0].aliases);
            assert_eq!(events[0].mentions.len(), 3, "{:?}", events[0].mentions);
        }
        // An incident named in quotes is no meeting held: the press conference stays the event.
        for (text, meeting) in [
            ("工會就「藍松」事件召開記者會，要求調查。", "記者會"),
            ("工会就“蓝松”事件召开记者会，要求调查。", "记者会"),
        ] {
            let x = extract(text);
            assert!(
                x.entities.iter().any(|e| e.kind == EntityKind::Event && e.label == meeting),
                "{text}: {:?}",
                x.entities
            );
        }
        // Not announced, or the article names its event: no generic one.
        for text in ["記者會的安排尚未公布。", "南海論壇昨日開幕，主辦方其後召開記者會。", "議員要求公開記者會的紀錄。"]
        {
            let x = extract(text);
            assert!(x.entities.iter().all(|e| e.label != "記者會"), "{text}: {:?}", x.entities);
        }
    }

    #[test]
    fn joined_events_with_an_edition_and_their_joined_abbreviations() {
        for (text, whole, short, joined) in [
            (
                "2024南灣國際博覽會暨第12屆東西部投資貿易洽談會今日開幕。參加「南博會暨西洽會」的企業逾千家，南博會為期三日。",
                "2024南灣國際博覽會暨第12屆東西部投資貿易洽談會",
                "南博會",
                "南博會暨西洽會",
            ),
            (
                "2024南湾国际博览会暨第12届东西部投资贸易洽谈会今日开幕。参加“南博会暨西洽会”的企业逾千家，南博会为期三日。",
                "2024南湾国际博览会暨第12届东西部投资贸易洽谈会",
                "南博会",
                "南博会暨西洽会",
            ),
        ] {
            let x = extract(text);
            let e = entity(&x, whole);
            assert_eq!(e.kind, EntityKind::Event);
            assert!(e.aliases.contains(short) && e.aliases.contains(joined), "{:?}", e.aliases);
            assert_eq!(e.mentions.len(), 3, "{:?}", e.mentions);
        }
    }

    #[test]
    fn a_latin_abbreviation_of_a_body_set_up_under_another() {
        for (text, name) in [
            ("財政司下設南灣發展辦事處（SDO），SDO負責研究。", "南灣發展辦事處"),
            ("财政司下设南湾发展办事处（SDO），SDO负责研究。", "南湾发展办事处"),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert!(e.aliases.contains("SDO"), "{:?}", e.aliases);
        }
    }

    #[test]
    fn a_province_delegation_with_and_without_the_provinces_ending() {
        for (text, full, short) in [
            ("江蘇省代表團今日抵達。江蘇代表團團長表示，合作前景良好。", "江蘇省代表團", "江蘇代表團"),
            ("江苏省代表团今日抵达。江苏代表团团长表示，合作前景良好。", "江苏省代表团", "江苏代表团"),
        ] {
            let x = extract(text);
            let e = entity(&x, full);
            assert_eq!(e.kind, EntityKind::Organization);
            // One delegation, and no piece of its ending (代表) as a name of it.
            assert!(e.aliases.contains(short), "{:?}", e.aliases);
            assert!(!e.aliases.iter().any(|a| a.chars().count() == 2), "{:?}", e.aliases);
        }
    }

    #[test]
    fn a_company_named_later_without_its_registered_ending() {
        for (text, full, short) in [
            (
                "北京北辰光電科技有限公司今日上市。北辰光電科技表示，業務增長。",
                "北京北辰光電科技有限公司",
                "北辰光電科技",
            ),
            (
                "北京北辰光电科技有限公司今日上市。北辰光电科技表示，业务增长。",
                "北京北辰光电科技有限公司",
                "北辰光电科技",
            ),
            ("東海精工股份有限公司今日上市。東海精工表示滿意。", "東海精工股份有限公司", "東海精工"),
        ] {
            let x = extract(text);
            let e = entity(&x, full);
            assert!(e.aliases.contains(short), "{:?}", e.aliases);
            assert_eq!(e.mentions.len(), 2, "{:?}", e.mentions);
        }
        // A place and a generic noun: the noun alone is not the company.
        for (text, full) in [
            ("灣仔書店有限公司今日結業。書店門外有人排隊。", "灣仔書店有限公司"),
            ("湾仔书店有限公司今日结业。书店门外有人排队。", "湾仔书店有限公司"),
        ] {
            let x = extract(text);
            let e = entity(&x, full);
            assert_eq!(e.mentions.len(), 1, "{:?}", e.aliases);
        }
    }

    #[test]
    fn selection_abbreviation_of_a_university() {
        let x = extract("香港理工大學與企業合作。理大校長表示歡迎。");
        let e = entity(&x, "香港理工大學");
        assert!(e.aliases.contains("理大"), "{:?}", e.aliases);
    }

    #[test]
    fn tail_of_a_programme_name() {
        let x = extract("政府推出「綠色航運轉型計劃」。業界歡迎轉型計劃。");
        let e = entity(&x, "綠色航運轉型計劃");
        assert!(e.aliases.contains("轉型計劃"), "{:?}", e.aliases);
    }

    #[test]
    fn surname_and_title_refer_to_the_person_named_before() {
        let x = extract("發展局局長陳大文出席。陳局長表示，工程順利。");
        let e = entity(&x, "陳大文");
        assert!(e.aliases.contains("陳局長"));
        assert!(!x.entities.iter().any(|e| e.label == "陳局長"));
        // After a comitative or conjunction (跟, 與, 和) the reference reads the same.
        for (text, name, short) in [
            ("商會副會長鄧永豪出席晚宴。席間我跟鄧會長談及合作。", "鄧永豪", "鄧會長"),
            ("商会副会长邓永豪出席晚宴。席间我跟邓会长谈及合作。", "邓永豪", "邓会长"),
            ("發展局局長陳大文出席。議員與陳局長會面。", "陳大文", "陳局長"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(short), "{text}: {:?}", entity(&x, name).aliases);
        }
    }

    #[test]
    fn a_surname_and_an_honorific_name_the_one_person_of_that_surname() {
        for (text, name, address) in [
            ("裁判官區美儀昨日判刑。區官指出，被告並無悔意。", "區美儀", "區官"),
            ("裁判官区美仪昨日判刑。区官指出，被告并无悔意。", "区美仪", "区官"),
            ("代表被告的大律師韋志明求情。韋大狀表示，被告已有悔意。", "韋志明", "韋大狀"),
            ("代表被告的大律师韦志明求情。韦大状表示，被告已有悔意。", "韦志明", "韦大状"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(address), "{text}: {:?}", entity(&x, name).aliases);
            assert!(!x.entities.iter().any(|e| e.label == address), "{text}");
        }
        // Two people of that surname; the address before anyone is named; a word (高官).
        for text in [
            "裁判官區美儀昨日判刑。律師區志明求情。區官指出，被告並無悔意。",
            "區官指出，被告並無悔意。裁判官區美儀昨日判刑。",
            "商人高志明昨日表示，高官應該問責。",
        ] {
            let x = extract(text);
            assert!(x.entities.iter().all(|e| !e.aliases.iter().any(|a| a.ends_with('官'))), "{text}");
        }
    }

    #[test]
    fn a_company_named_with_and_without_its_form_is_one() {
        for (text, bare, with_form) in [
            ("北辰銀行昨日公布業績。北辰銀行有限公司表示滿意。", "北辰銀行", "北辰銀行有限公司"),
            ("北辰银行昨日公布业绩。北辰银行有限公司表示满意。", "北辰银行", "北辰银行有限公司"),
        ] {
            let x = extract(text);
            let holding: Vec<_> = x
                .entities
                .iter()
                .filter(|e| e.label == bare || e.label == with_form || e.aliases.contains(bare))
                .collect();
            assert_eq!(holding.len(), 1, "{text}: {holding:?}");
            let e = holding[0];
            for n in [bare, with_form] {
                assert!(e.label == n || e.aliases.contains(n), "{text}: {n} not in {e:?}");
            }
        }
    }

    #[test]
    fn a_surname_alone_before_a_speech_verb_is_a_name_of_the_one_person_of_that_surname() {
        for (text, name, surname) in [
            ("發展局局長陳大文出席。何美儀表示支持。陳又指，工程順利。", "陳大文", "陳"),
            ("发展局局长陈大文出席。何美仪表示支持。陈又指，工程顺利。", "陈大文", "陈"),
        ] {
            let x = extract(text);
            assert!(entity(&x, name).aliases.contains(surname), "{text}");
        }
        // Two people of that surname: ambiguous; nobody named before; no speech verb after it.
        for text in [
            "局長陳大文出席。主席陳美儀表示支持。陳又指，工程順利。",
            "陳又指，工程順利。局長陳大文出席。",
            "局長陳大文出席。陳家的人反對。",
        ] {
            let x = extract(text);
            assert!(x.entities.iter().all(|e| !e.aliases.contains("陳")), "{text}");
        }
    }

    #[test]
    fn a_latin_surname_alone_names_the_person_named_with_it() {
        for text in [
            "顧問Ian Wright昨日表示，計劃可行。Wright又指，成本合理。",
            "顾问Ian Wright昨日表示，计划可行。Wright又指，成本合理。",
        ] {
            let x = extract(text);
            let e = entity(&x, "Ian Wright");
            assert!(e.aliases.contains("Wright"), "{text}: {:?}", e.aliases);
            assert_eq!(e.mentions.len(), 2, "{text}: {:?}", e.mentions);
        }
        // Inside another Latin name, or two people of that surname: no reference.
        for text in [
            "顧問Ian Wright昨日表示，Wright Group會跟進。",
            "顧問Ian Wright昨日表示支持。顧問Mary Wright則表示反對。Wright又指，成本合理。",
        ] {
            let x = extract(text);
            assert!(
                x.entities.iter().all(|e| !e.aliases.contains("Wright")),
                "{text}: {:?}",
                x.entities.iter().map(|e| (&e.label, &e.aliases)).collect::<Vec<_>>()
            );
        }
        assert_eq!(super::latin_surname("Ian Wright"), Some("Wright"));
        assert_eq!(super::latin_surname("Ian Wright SC"), None);
        assert_eq!(super::latin_surname("Wright"), None);
    }

    #[test]
    fn a_brand_alone_names_the_company_named_before() {
        for (text, name, brand) in [
            ("深圳翠渟集團昨日公布業績。翠渟表示，收入上升。", "深圳翠渟集團", "翠渟"),
            ("深圳翠渟集团昨日公布业绩。翠渟表示，收入上升。", "深圳翠渟集团", "翠渟"),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert!(e.aliases.contains(brand), "{text}: {e:?}");
        }
        // Two bodies of one brand; a brand made with an everyday word (小基金: 基金).
        for text in
            ["翠渟基金與翠渟銀行昨日公布業績。翠渟表示，收入上升。", "業界指小基金公司經營困難。小基金表示，收入下降。"]
        {
            let x = extract(text);
            assert!(
                x.entities.iter().all(|e| !e.aliases.contains("翠渟") && !e.aliases.contains("小基金")),
                "{text}: {:?}",
                x.entities.iter().map(|e| (&e.label, &e.aliases)).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn a_generic_head_alone_names_the_one_body_named_before_with_it() {
        for (text, name, head) in [
            ("翠渟海洋集團昨日公布業績。集團表示，收入上升。", "翠渟海洋集團", "集團"),
            ("翠渟海洋集团昨日公布业绩。集团表示，收入上升。", "翠渟海洋集团", "集团"),
            ("翠渟教師工會昨日集會。工會指，會繼續爭取加薪。", "翠渟教師工會", "工會"),
            ("翠渟教师工会昨日集会。工会指，会继续争取加薪。", "翠渟教师工会", "工会"),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert!(e.aliases.contains(head), "{text}: {e:?}");
        }
        // Two bodies with the head; a head after a modifier (中學工會 is another body).
        for text in [
            "翠渟教師工會發表聲明，博睿教師工會亦表示支持。工會表示，將約見校方。",
            "翠渟教师工会昨日发表声明。中学工会表示，将约见校方。",
        ] {
            let x = extract(text);
            assert!(
                x.entities.iter().all(|e| !e.aliases.iter().any(|a| a == "工會" || a == "工会")),
                "{text}: {:?}",
                x.entities.iter().map(|e| (&e.label, &e.aliases)).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_given_name_alone_names_the_person_named_before() {
        for (text, name, given) in [
            ("學生張詠澄昨日出席典禮。詠澄表示，感到十分高興。", "張詠澄", "詠澄"),
            ("学生张咏澄昨日出席典礼。咏澄表示，感到十分高兴。", "张咏澄", "咏澄"),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert!(e.aliases.contains(given), "{text}: {e:?}");
            assert_eq!(e.mentions.len(), 2, "{text}: {:?}", e.mentions);
        }
        // Two people of that given name; a given name that is an ordinary word (小姐); the
        // given name before the person is named.
        for text in [
            "學生張詠澄與陳詠澄出席典禮。詠澄表示，感到十分高興。",
            "學生張小姐出席典禮。陳小姐表示，感到十分高興。",
            "詠澄表示，感到十分高興。學生張詠澄昨日出席典禮。",
        ] {
            let x = extract(text);
            assert!(
                x.entities.iter().all(|e| !e.aliases.contains("詠澄") && !e.aliases.contains("小姐")),
                "{text}: {:?}",
                x.entities.iter().map(|e| (&e.label, &e.aliases)).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_two_surnames_of_a_four_character_name_name_her_again() {
        for (text, name, short) in [
            ("出席的嘉賓有林陳美娟。林陳表示，計劃順利。", "林陳美娟", "林陳"),
            ("出席的嘉宾有林陈美娟。林陈表示，计划顺利。", "林陈美娟", "林陈"),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert!(e.aliases.contains(short), "{text}: {e:?}");
            assert_eq!(x.entities.iter().filter(|e| e.kind == EntityKind::Person).count(), 1, "{text}");
        }
        // Her short form with an adverb after it is no one else (林陳再 is 林陳, then 再).
        for text in ["出席的嘉賓有林陳美娟。林陳再被問及時表示滿意。", "出席的嘉宾有林陈美娟。林陈再被问及时表示满意。"]
        {
            let x = extract(text);
            assert_eq!(
                x.entities.iter().filter(|e| e.kind == EntityKind::Person).count(),
                1,
                "{text}: {:?}",
                x.entities
            );
        }
        // A compound surname and a given name: no short form.
        let x = extract("局長歐陽美娟出席。歐陽表示滿意。");
        assert!(x.entities.iter().all(|e| !e.aliases.contains("歐陽")), "{:?}", x.entities);
    }

    #[test]
    fn transliterated_short_name_with_title() {
        let x = extract("里斯本大學教授若昂·馬丁斯發表演講。馬丁斯教授又指出，前景良好。");
        let e = entity(&x, "若昂·馬丁斯");
        assert!(e.aliases.contains("馬丁斯教授"), "{:?}", e.aliases);
    }

    #[test]
    fn a_bare_ending_before_a_title_and_a_post_taken_with_danren() {
        let x = extract("教授陳立明出席。雙方共同成立「海洋數據聯合實驗室」，由陳立明擔任實驗室主任。");
        let lab = x.entities.iter().position(|e| e.label == "海洋數據聯合實驗室").unwrap();
        assert!(x.posts.iter().any(|p| p.title == "主任" && p.org == Some(lab)), "{:?}", x.posts);
    }

    #[test]
    fn abbreviation_defined_in_the_text_overrides_a_known_name_inside_it() {
        let x =
            extract("江蘇省發展和改革委員會（以下簡稱「江蘇省發展改革委」）指導。江蘇省發展改革委副主任孔德勝出席。");
        let e = entity(&x, "江蘇省發展和改革委員會");
        assert!(e.aliases.contains("江蘇省發展改革委"), "{:?}", e.aliases);
        assert!(!x.entities.iter().any(|e| e.label == "發展改革委" || e.label == "國家發展和改革委員會"));
    }

    #[test]
    fn bare_endings_quoted_stems_and_tails() {
        let x = extract("橫琴粵澳深度合作區經濟發展局今日成立。合作區將推出「簡約公屋計劃」，「簡約公屋」反應熱烈。");
        let zone = entity(&x, "橫琴粵澳深度合作區經濟發展局");
        assert!(!zone.aliases.contains("合作區"));
        // 簡約公屋 is also a lexicon programme: one entity with both names.
        let plan = x.entities.iter().find(|e| e.label == "簡約公屋計劃" || e.label == "簡約公屋").unwrap();
        assert!(plan.aliases.contains("簡約公屋") || plan.aliases.contains("簡約公屋計劃"), "{:?}", plan.aliases);
        let x = extract("政府推出「綠色航運轉型計劃」，「綠色航運轉型」反應熱烈。");
        assert!(entity(&x, "綠色航運轉型計劃").aliases.contains("綠色航運轉型"));
    }

    #[test]
    fn a_known_place_in_parentheses_is_no_abbreviation() {
        for text in ["中國（長沙）跨境電子商務綜合試驗區在長沙。", "中国（长沙）跨境电子商务综合试验区在长沙。"]
        {
            let x = extract(text);
            assert!(x.entities.iter().all(|e| e.aliases.iter().all(|a| !a.contains('沙'))), "{:?}", x.entities);
        }
    }

    #[test]
    fn a_bare_ending_two_bodies_share_is_no_abbreviation() {
        for (text, name) in [
            ("香港城市大學校長、香港大學（港大）工程學院院長出席。校長直言：「大學的研究要走出實驗室。」", "香港大學"),
            ("香港城市大学校长、香港大学（港大）工程学院院长出席。校长直言：“大学的研究要走出实验室。”", "香港大学"),
        ] {
            let x = extract(text);
            let hku = entity(&x, name);
            assert!(!hku.aliases.contains("大學") && !hku.aliases.contains("大学"), "{:?}", hku.aliases);
            assert_eq!(hku.mentions.len(), 2, "{:?}", hku.mentions);
        }
    }

    #[test]
    fn a_bare_compound_event_word_is_an_alias() {
        for (text, name, short) in [
            ("「南海高峰論壇」昨日開幕。這次高峰論壇吸引多國代表，論壇為期兩日。", "南海高峰論壇", "高峰論壇"),
            ("“南海高峰论坛”昨日开幕。这次高峰论坛吸引多国代表，论坛为期两日。", "南海高峰论坛", "高峰论坛"),
        ] {
            let x = extract(text);
            let e = entity(&x, name);
            assert!(e.aliases.contains(short), "{:?}", e.aliases);
            assert!(!e.aliases.iter().any(|a| a.chars().count() == 2), "{:?}", e.aliases);
        }
    }

    #[test]
    fn bare_event_word_refers_to_the_event() {
        let x = extract("「南海數字峰會」昨日開幕。本次峰會吸引多國代表。");
        let e = entity(&x, "南海數字峰會");
        assert_eq!(e.kind, EntityKind::Event);
        assert_eq!(e.mentions.len(), 2);
    }

    #[test]
    fn demonstrative_refers_to_the_last_company() {
        let x = extract("北辰科技有限公司今日上市，該公司主席表示滿意。");
        let e = entity(&x, "北辰科技有限公司");
        assert_eq!(e.mentions.len(), 2);
    }
}
