//! Stage: what the article says about its events — venue, start, duration, theme, speakers.
//!
//! 「為期兩日的南海論壇昨日（14日）在灣仔會展中心開幕，以「開放共贏」為主題。」 →
//! location 灣仔會展中心, start = the day before publication, duration P2D, theme 開放共贏.
//!
//! Facts are read from the sentences that mention the event (by name or by a bare 論壇 /
//! 本次峰會, which coreference has resolved). Speakers are the people who address it: those
//! listed as 出席…並致辭 / 介紹情況, and, when the article reports one event, everyone quoted
//! in it except where the text places the words elsewhere (接受採訪, 日前).

use std::sync::LazyLock;

use regex::Regex;

use crate::analysis::{Analysis, Stage};
use crate::date::read::{DateExpression, DateReader};
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind, EventDetails, FigureKind};
use crate::span::Span;

/// Pipeline stage.
pub(crate) struct EventDetailsStage;

/// 以「X」為主題, 主題為「X」, 主题是“X”.
static THEME: LazyLock<Regex> = LazyLock::new(|| {
    #[expect(clippy::expect_used, reason = "a constant pattern, checked by the unit tests")]
    Regex::new(r"以[「“『\x22]([^」”』\x22]{2,60})[」”』\x22]为(?:主题|题)|主题(?:为|是)[「“『\x22]([^」”』\x22]{2,60})[」”』\x22]")
        .expect("valid regex")
});

impl Stage for EventDetailsStage {
    fn name(&self) -> &'static str {
        "event"
    }

    fn run(&self, a: &mut Analysis<'_>) {
        let events: Vec<EntityId> = a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Event).collect();
        if events.is_empty() {
            return;
        }
        // An incident named in quotes (「X」事件) or an election is told of, not held before an
        // audience: nobody addresses it, and it is not the happening whose speakers the article
        // reports.
        let (incidents, held): (Vec<EntityId>, Vec<EntityId>) =
            events.iter().partition(|&&id| crate::resolve::is_told_of(a, id));
        let main = main_event(a, &held);
        for &event in &events {
            let incident = incidents.contains(&event);
            let mut details = describe(a, event, !incident && (held.len() == 1 || Some(event) == main));
            if incident {
                details.speakers.clear();
                details.duration = None;
                if details.locations.is_empty() {
                    details.locations.extend(place_in_its_name(a, event));
                }
            }
            a.events.push(details);
        }
    }
}

/// The event the article is about: the one mentioned most (ties: first mentioned).
fn main_event(a: &Analysis<'_>, events: &[EntityId]) -> Option<EntityId> {
    events.iter().copied().max_by_key(|&id| {
        let d = a.entities.get(id);
        (d.mentions.len(), std::cmp::Reverse(d.mentions.iter().next().map_or(usize::MAX, |m| m.start)))
    })
}

/// The place an election or an incident is named after, when the text names no venue: the
/// first known place inside a mention of it that the article mentions in its own right
/// (美國總統大選 → 美國, 立法會九龍西補選 → 九龍西).
fn place_in_its_name(a: &Analysis<'_>, event: EntityId) -> Option<EntityId> {
    a.entities.get(event).mentions.iter().find_map(|m| {
        (m.start..m.end).find_map(|p| {
            let (w, WordClass::Known(k)) = a.word_starting_at(
                p,
                |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
            )?
            else {
                return None;
            };
            a.entities.of_known(k).filter(|&id| w.end <= m.end && !a.entities.get(id).mentions.is_empty())
        })
    })
}

/// Sentences that mention the event.
fn sentences_of(a: &Analysis<'_>, event: EntityId) -> Vec<Span> {
    let text = a.text();
    let mut out: Vec<Span> = a
        .entities
        .get(event)
        .mentions
        .iter()
        .filter_map(|m| text.sentence_at(m.start))
        .map(|i| text.sentences()[i].span)
        .collect();
    out.dedup();
    out
}

fn describe(a: &Analysis<'_>, event: EntityId, main: bool) -> EventDetails {
    let sentences = sentences_of(a, event);
    let mut details = EventDetails { event, ..EventDetails::default() };
    for &s in &sentences {
        let folded = a.folded(s);
        let base = a.text().folded_byte(s.start);
        // Every place the article says it is held in (a headline's city, the body's venue), or
        // where someone attends it (在東京出席甲論壇).
        if let Some((locations, verb_at)) = venue(a, s, event).or_else(|| attended_venue(a, s, event)) {
            for l in locations {
                if !details.locations.contains(&l) {
                    details.locations.push(l);
                }
            }
            if details.start.is_none() && !closes_at(a, verb_at) {
                details.start = date_before(a, s, verb_at);
            }
        }
        if details.duration.is_none() {
            details.duration = a
                .figures
                .iter()
                .filter(|f| f.kind == FigureKind::Duration && s.contains(f.span))
                .find_map(|f| crate::figure::xsd_duration(&a.lex.figures, f).and_then(|d| whole_units(&d)));
        }
        if details.theme.is_none() {
            if let Some(c) = THEME.captures(folded) {
                if let Some(m) = c.get(1).or_else(|| c.get(2)) {
                    let span = a.text().span_of_folded_bytes(base + m.start(), base + m.end());
                    details.theme = Some(a.surface(span).to_owned());
                }
            }
        }
    }
    // A start date said with 開幕/舉行 but not with the venue.
    if details.start.is_none() {
        details.start = sentences.iter().find_map(|&s| date_before(a, s, held_by(a, s, event)));
    }
    // 記者會獲…支持; 發布會期間，…: a meeting named only by what it is, reported without a day,
    // is the article's news, held on the day of the news.
    if details.start.is_none() && is_generic_meeting(a, event) {
        details.start = news_day(a);
    }
    // 七一遊行, 六四集會: held on the day its name says — before any other date of its
    // sentences when publication is near that day, else when they give none.
    match named_day_start(a, event) {
        Some(day @ crate::date::PartialDate::Full(_)) => details.start = Some(day),
        Some(day) if details.start.is_none() => details.start = Some(day),
        _ => {}
    }
    details.speakers = speakers(a, event, &sentences, main);
    for id in spoke_at(a, event) {
        if !details.speakers.contains(&id) {
            details.speakers.push(id);
        }
    }
    details
}

/// Whether every name of the event says only what it is (記者會, 見記者, 簡介會): the meeting an
/// article reports (`resolve::announced_meeting`), not one with a name of its own.
fn is_generic_meeting(a: &Analysis<'_>, event: EntityId) -> bool {
    let names = &a.entities.get(event).full_names;
    !names.is_empty() && names.keys().all(|n| a.class(Role::GenericMeeting).contains(&crate::normalize::fold(n)))
}

/// How many days before publication the news an article reports may be.
const NEWS_DAYS: i64 = 7;

/// The day of the article's news: the first day it names that is on or shortly before
/// publication (今午宣布參選, 今日（周二）公布), read by the date reader.
fn news_day(a: &Analysis<'_>) -> Option<crate::date::PartialDate> {
    let published = a.article.published()?;
    let whole = Span::new(0, a.chars.len());
    DateReader::new(a.lex).dates_in(a.folded(whole), Some(published)).into_iter().find_map(|d| match d.date {
        Some(day @ crate::date::PartialDate::Full(date))
            if (0..=NEWS_DAYS).contains(&(published.to_days() - date.to_days())) =>
        {
            Some(day)
        }
        _ => None,
    })
}

/// Whether a clause or sentence ends at this character.
fn ends_clause(c: char) -> bool {
    crate::text::CLAUSE_END.contains(&c) || crate::text::SENTENCE_END.contains(&c) || c == '\n'
}

/// People whose words the sentence places at the event: a person before a mention of it in one
/// clause, with a verb of speaking after the mention in that clause or opening the next
/// (陳大文在記者會上表示…; 工會主席陳大文昨開記者會，稱…). Whoever speaks there addresses it,
/// whichever of the article's events it is.
fn spoke_at(a: &Analysis<'_>, event: EntityId) -> Vec<EntityId> {
    let mut out = Vec::new();
    let speech_at = |p: usize| a.word_starting_at(p, |c| matches!(c, WordClass::SpeechVerb(_))).is_some();
    for m in &a.entities.get(event).mentions {
        let start = (0..m.start).rev().find(|&p| ends_clause(a.char_at(p))).map_or(0, |p| p + 1);
        let end = (m.end..a.chars.len()).find(|&p| ends_clause(a.char_at(p))).unwrap_or(a.chars.len());
        let opens_next = end < a.chars.len()
            && crate::text::CLAUSE_END.contains(&a.char_at(end))
            && end + 1 < a.chars.len()
            && speech_at(end + 1);
        if !((m.end..end).any(speech_at) || opens_next) {
            continue;
        }
        for (id, _) in a.mentions_in(Span::new(start, m.start)) {
            if a.entities.kind(id) == EntityKind::Person && !out.contains(&id) {
                out.push(id);
            }
        }
    }
    out
}

/// The day a march or rally named by a day of the calendar is held on (七一遊行 → 1 July,
/// 六四晚會 → 4 June), read by the date reader; not an incident of that day (六四事件 is told
/// of, in a year the name does not say) nor the day alone.
fn named_day_start(a: &Analysis<'_>, event: EntityId) -> Option<crate::date::PartialDate> {
    let reader = DateReader::new(a.lex);
    let published = a.article.published();
    // 3.11補選, 7.21事件: a day written with a dot names the event, whatever it is.
    let dotted = a.entities.get(event).mentions.iter().find_map(|m| {
        let before = dotted_day_before(a, m.start).or_else(|| {
            // Inside the name (7.21事件): before the first character past the day.
            let after = (m.start..m.end).find(|&p| !matches!(a.char_at(p), '0'..='9' | '.' | '．'))?;
            dotted_day_before(a, after)
        })?;
        reader.named_day(&before, published)
    });
    if dotted.is_some() {
        return dotted;
    }
    a.entities.get(event).full_names.keys().find_map(|name| {
        let name = crate::normalize::fold(name);
        let len = a.class(Role::NamedDay).prefix_of(&name)?;
        // A march, rally, vigil or ceremony (七一遊行, 六四維園燭光晚會, 七一升旗禮), not a forum
        // about the day (六四論壇).
        let rest = &name[len..];
        let held_on_the_day = a.class(Role::IncidentEnding).suffix_of(rest).is_some()
            || a.class(Role::CeremonyWord).suffix_of(rest).is_some();
        if a.class(Role::DayIncident).contains(rest) || !held_on_the_day {
            return None;
        }
        reader.named_day(&name[..len], published)
    })
}

/// A day written with a dot (3.11, 7.21) ending right before `end`, not inside a longer
/// number (2.5.1, 13.11).
fn dotted_day_before(a: &Analysis<'_>, end: usize) -> Option<String> {
    let digits_before = |to: usize| (0..to).rev().take_while(|&p| a.char_at(p).is_ascii_digit()).count();
    let day = digits_before(end);
    let dot = end.checked_sub(day + 1)?;
    let month = digits_before(dot);
    if !(1..=2).contains(&day) || !(1..=2).contains(&month) || !matches!(a.char_at(dot), '.' | '．') {
        return None;
    }
    let start = dot - month;
    if start > 0 && matches!(a.char_at(start - 1), '.' | '．' | '0'..='9') {
        return None;
    }
    Some(a.surface(Span::new(start, end)).replace('．', "."))
}

/// The venue of a 在X舉行 in the sentence: the most specific place or body inside X (a venue
/// over its district, 灣仔香港會議展覽中心 → 香港會議展覽中心), or X itself as a new place.
/// Returns the places and where the verb is.
fn venue(a: &Analysis<'_>, sentence: Span, event: EntityId) -> Option<(Vec<EntityId>, usize)> {
    let base = a.text().folded_byte(sentence.start);
    let folded = a.folded(sentence);
    // 在X舉行 / 於X開幕 / 假X召開: X is where the event is held.
    for c in a.lex.patterns.venue.captures_iter(folded) {
        let x = c.get(1)?;
        let whole = c.get(0)?;
        let span = a.text().span_of_folded_bytes(base + x.start(), base + x.end());
        let verb_at = a.text().char_at_folded_byte(base + whole.end());
        if holds_another_event(a, verb_at, event) {
            continue;
        }
        if let Some(ids) = places_in(a, span) {
            return Some((ids, verb_at));
        }
    }
    None
}

/// Whether the holding verb ending at `verb_at` has another event for its object (在維園舉行
/// 「甲」科技展, in a sentence that also names a march): that venue and date are the other's.
fn holds_another_event(a: &Analysis<'_>, verb_at: usize, event: EntityId) -> bool {
    let event = a.entities.resolve(event);
    let end = (verb_at + 2).min(a.chars.len());
    a.entities.overlapping(Span::new(verb_at, end)).into_iter().any(|(id, m)| {
        m.start >= verb_at && a.entities.kind(id) == EntityKind::Event && a.entities.resolve(id) != event
    })
}

/// Every place or body named in `span`, most specific (last, longest) first; None if none is.
fn places_in(a: &Analysis<'_>, span: Span) -> Option<Vec<EntityId>> {
    let mut ids: Vec<EntityId> = a
        .mentions_in(span)
        .into_iter()
        .rev()
        .filter(|(id, _)| matches!(a.entities.kind(*id), EntityKind::Place | EntityKind::Organization))
        .map(|(id, _)| id)
        .collect();
    ids.dedup();
    (!ids.is_empty()).then_some(ids)
}

/// Whether the verb ending at `verb_at` closes the event (在X閉幕): it says where the event was
/// held, but the day before it is the last day, not the first.
fn closes_at(a: &Analysis<'_>, verb_at: usize) -> bool {
    a.class_word_before(Role::ClosingVerb, verb_at).is_some()
}

/// How far after the attending verb the event's name may start (出席由甲會舉辦的乙論壇).
const ATTENDED_WITHIN: usize = 30;

/// The venue of a 在X出席 whose object, in the same clause, is the event: 在東京出席甲論壇 → 東京.
/// Whoever attends an event is where it is held. Returns the places and where the verb is.
fn attended_venue(a: &Analysis<'_>, sentence: Span, event: EntityId) -> Option<(Vec<EntityId>, usize)> {
    let base = a.text().folded_byte(sentence.start);
    let folded = a.folded(sentence);
    let event = a.entities.resolve(event);
    let named_at: Vec<usize> = a
        .mentions_in(sentence)
        .into_iter()
        .filter(|(id, _)| a.entities.resolve(*id) == event)
        .map(|(_, m)| m.start)
        .collect();
    for c in a.lex.patterns.attended_venue.captures_iter(folded) {
        let (x, whole) = (c.get(1)?, c.get(0)?);
        let verb_at = a.text().char_at_folded_byte(base + whole.end());
        let attended = named_at.iter().any(|&m| {
            m >= verb_at
                && m - verb_at <= ATTENDED_WITHIN
                && (verb_at..m).all(|p| {
                    let ch = a.char_at(p);
                    !crate::text::CLAUSE_END.contains(&ch) && !crate::text::SENTENCE_END.contains(&ch)
                })
        });
        if !attended {
            continue;
        }
        let span = a.text().span_of_folded_bytes(base + x.start(), base + x.end());
        if let Some(ids) = places_in(a, span) {
            return Some((ids, verb_at));
        }
    }
    None
}

/// Where the sentence says the event is held: the end of the first holding verb after the
/// event's first mention in it (「X將於周三召開，發言人周二表示」 → 召開: its date is 周三, not the
/// later 周二), else the end of that mention: with no verb to hold it, a date after the event's
/// name is another happening's (發布會期間，有人提到早於2019年11月…).
fn held_by(a: &Analysis<'_>, sentence: Span, event: EntityId) -> usize {
    let Some(from) = a.entities.get(event).mentions.iter().filter(|m| sentence.contains(**m)).map(|m| m.end).min()
    else {
        return sentence.end;
    };
    (from..sentence.end).find_map(|p| a.class_word_at(Role::HoldingVerb, p)).map_or(from, |verb| verb.end)
}

/// The date written last before `limit` in the sentence (the one the verb goes with): a day,
/// else a month of a year (鑒於2010年6月將召開峰會 → 2010-06; a year alone says too little).
fn date_before(a: &Analysis<'_>, sentence: Span, limit: usize) -> Option<crate::date::PartialDate> {
    let base = a.text().folded_byte(sentence.start);
    let end = a.text().folded_byte(limit.min(sentence.end)).saturating_sub(base);
    let folded = a.folded(sentence);
    let before: Vec<DateExpression> = DateReader::new(a.lex)
        .dates_in(folded, a.article.published())
        .into_iter()
        .filter(|d| d.end <= end && !is_dateline(a, sentence, d.start))
        .collect();
    let found: Vec<DateExpression> = before.iter().copied().filter(DateExpression::has_day).collect();
    if found.is_empty() {
        return before
            .iter()
            .rev()
            .find_map(|d| d.date.filter(|d| matches!(d, crate::date::PartialDate::YearMonth(..))));
    }
    let last = found.last()?;
    // 本月9日至10日: a range starts at its first day.
    let range_start = found.iter().rev().nth(1).filter(|first| {
        let between = &folded[first.end..last.start];
        a.lex.words.range_separator(between) == Some(between.len()) || a.class(Role::Conjunction).contains(between)
    });
    range_start.unwrap_or(last).date
}

/// Whether a date is the dateline of a wire story (新華社杭州9月5日電), not the event's.
fn is_dateline(a: &Analysis<'_>, sentence: Span, byte: usize) -> bool {
    let folded = a.folded(sentence);
    a.class(Role::DatelineEnd).occurs_in(&folded[byte..].chars().take(14).collect::<String>())
        && folded[..byte].chars().filter(|c| *c == '，').count() == 0
}

/// An `xsd:duration` with whole numbers only: XSD allows a fraction only in seconds, so
/// PT1.5H (一個半小時) becomes PT1H30M and P1.5D becomes P1DT12H.
fn whole_units(duration: &str) -> Option<String> {
    let Some(dot) = duration.find('.') else { return Some(duration.to_owned()) };
    let letter = duration.chars().last()?;
    let start = duration[..dot].rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    let prefix = &duration[..start];
    let value: f64 = duration[start..duration.len() - 1].parse().ok()?;
    let (whole, frac) = (value.trunc() as u64, value.fract());
    let (smaller, factor, time) = match (letter, prefix.contains('T')) {
        ('H', _) => ('M', 60.0, true),
        ('M', true) => ('S', 60.0, true),
        ('D', _) => ('H', 24.0, true),
        ('Y', _) => ('M', 12.0, false),
        _ => return None,
    };
    let part = (frac * factor).round() as u64;
    let designator = if time && !prefix.contains('T') { "T" } else { "" };
    Some(format!("{prefix}{whole}{letter}{designator}{part}{smaller}"))
}

/// Whether a sentence that names no event speaks of the article's main event: it reports
/// attendance (出席開幕式), or it places no one's words elsewhere (接受採訪, 日前) and names
/// no other event. 「副部長陳大文在開幕環節致辭。」 in an article about one forum → its speaker.
fn addresses_main_event(a: &Analysis<'_>, sentence: Span, event: EntityId) -> bool {
    let folded = a.folded(sentence);
    let event = a.entities.resolve(event);
    let other_event = a
        .mentions_in(sentence)
        .into_iter()
        .any(|(id, _)| a.entities.kind(id) == EntityKind::Event && a.entities.resolve(id) != event);
    !other_event && (a.class(Role::AttendingVerb).occurs_in(folded) || !a.class(Role::ElsewhereWord).occurs_in(folded))
}

/// People who address the event.
fn speakers(a: &Analysis<'_>, event: EntityId, sentences: &[Span], main: bool) -> Vec<EntityId> {
    let mut out: Vec<EntityId> = Vec::new();
    let people_in = |s: Span| -> Vec<EntityId> {
        a.mentions_in(s)
            .into_iter()
            .filter(|(id, _)| a.entities.kind(*id) == EntityKind::Person)
            .map(|(id, _)| id)
            .collect()
    };
    // Listed as addressing it: in a sentence about the event, or — for the article's main event
    // — in any sentence where people address a session (…出席開幕式並致辭, …在開幕環節致辭).
    for sentence in a.text().sentences() {
        let folded = a.folded(sentence.span);
        let about_event = sentences.contains(&sentence.span) || (main && addresses_main_event(a, sentence.span, event));
        if about_event && a.class(Role::AddressingWord).occurs_in(folded) {
            out.extend(people_in(sentence.span));
        }
    }
    // Quoted in a one-event article, unless the text places the words elsewhere.
    if main {
        for (id, m) in a.entities.all_mentions() {
            if a.entities.kind(id) != EntityKind::Person || out.contains(&id) {
                continue;
            }
            let Some(i) = a.text().sentence_at(m.start) else { continue };
            let sentence = a.text().sentences()[i].span;
            // The end of the mention's clause: the next clause or sentence break.
            let clause_end = (m.end..sentence.end)
                .find(|&p| matches!(a.char_at(p), '，' | '；' | '：' | ',' | ';' | ':' | '。' | '！' | '？'))
                .unwrap_or(sentence.end);
            let speaks =
                (m.end..clause_end).any(|p| a.word_starting_at(p, |c| matches!(c, WordClass::SpeechVerb(_))).is_some());
            let elsewhere = a.class(Role::ElsewhereWord).occurs_in(a.folded(Span::new(sentence.start, clause_end)));
            if speaks && !elsewhere {
                out.push(id);
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|id| seen.insert(*id));
    out
}

#[cfg(test)]
mod tests {
    use crate::{Extraction, PIPELINE};

    fn extract(text: &str, published: Option<&str>) -> Extraction {
        let mut a = crate::analysis::testing::analysis_with(text, published, &[]);
        for stage in PIPELINE {
            stage.run(&mut a);
        }
        crate::finish(a)
    }

    #[test]
    fn venue_date_duration_theme() {
        let x = extract(
            "為期兩日的「南海數字經濟峰會」昨日（14日）在灣仔香港會議展覽中心隆重開幕，峰會以「開放·共贏——攜手發展」為主題。",
            Some("2026-03-15"),
        );
        let e = &x.events[0];
        assert_eq!(x.entities[e.event].label, "南海數字經濟峰會");
        let mut places: Vec<&str> = e.locations.iter().map(|&l| x.entities[l].label.as_str()).collect();
        places.sort_unstable();
        assert_eq!(places, vec!["灣仔", "香港會議展覽中心"]);
        assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some("2026-03-14"));
        assert_eq!(e.duration.as_deref(), Some("P2D"));
        assert_eq!(e.theme.as_deref(), Some("開放·共贏——攜手發展"));
    }

    /// The event's start and the date figure read from the same 20日 are one day, whichever side
    /// of publication it is on.
    #[test]
    fn the_event_and_the_figure_of_one_day_agree() {
        for (text, published, day) in [
            ("「南海數字經濟峰會」20日在香港會議展覽中心舉行。", "2025-04-15", "2025-04-20"),
            ("“南海数字经济峰会”20日在香港会议展览中心举行。", "2025-04-15", "2025-04-20"),
            ("「南海數字經濟峰會」將於28日在香港會議展覽中心舉行。", "2025-04-03", "2025-04-28"),
            ("“南海数字经济峰会”将于28日在香港会议展览中心举行。", "2025-04-03", "2025-04-28"),
            ("「南海數字經濟峰會」已於2日在香港會議展覽中心舉行。", "2025-04-28", "2025-04-02"),
            ("“南海数字经济峰会”10日在香港会议展览中心举行。", "2025-04-15", "2025-04-10"),
        ] {
            let x = extract(text, Some(published));
            let start = x.events[0].start.map(|d| d.lexical());
            let figure = x.figures.iter().find(|f| f.kind == crate::FigureKind::Date).and_then(|f| f.date);
            assert_eq!(start.as_deref(), Some(day), "{text}");
            assert_eq!(figure.map(|d| d.lexical()).as_deref(), Some(day), "{text}");
        }
    }

    #[test]
    fn an_incident_named_in_quotes_has_no_speakers() {
        for (text, name) in [
            ("議員陳大文表示，「藍松」事件已持續三年，當局應交代。", "藍松"),
            ("议员陈大文表示，“蓝松”事件已持续三年，当局应交代。", "蓝松"),
        ] {
            let x = extract(text, None);
            let e = x.events.iter().find(|e| x.entities[e.event].label == name).expect("the incident");
            assert!(e.speakers.is_empty(), "{text}: {:?}", e.speakers);
            assert!(e.duration.is_none(), "{text}: {:?}", e.duration);
        }
    }

    /// The date of the verb that holds the event, not a later one in the sentence.
    #[test]
    fn the_start_is_the_date_of_the_holding_verb() {
        for text in [
            "「南海論壇」將於周三召開，發言人周二表示，議程已定。",
            "“南海论坛”将于周三召开，发言人周二表示，议程已定。",
        ] {
            let x = extract(text, Some("2025-04-15"));
            assert_eq!(x.events[0].start.map(|d| d.lexical()).as_deref(), Some("2025-04-16"), "{text}");
        }
    }

    /// An election is told of: it is where its name says when the text names no venue, it
    /// starts on the day (or in the month) it is held, and nobody addresses it.
    #[test]
    fn an_election_is_where_its_name_says_and_nobody_addresses_it() {
        for (text, name, place, start) in [
            (
                "美國總統大選將於2030年11月5日舉行。議員陳大文表示，美國選民關注經濟。",
                "美國總統大選",
                "美國",
                "2030-11-05",
            ),
            (
                "美国总统大选将于2030年11月5日举行。议员陈大文表示，美国选民关注经济。",
                "美国总统大选",
                "美国",
                "2030-11-05",
            ),
            ("法國大選於2030年4月舉行，法國選民踴躍投票。", "法國大選", "法國", "2030-04"),
            ("法国大选于2030年4月举行，法国选民踊跃投票。", "法国大选", "法国", "2030-04"),
        ] {
            let x = extract(text, Some("2030-06-01"));
            let e = x.events.iter().find(|e| x.entities[e.event].label == name).expect(text);
            let places: Vec<&str> = e.locations.iter().map(|&l| x.entities[l].label.as_str()).collect();
            assert_eq!(places, vec![place], "{text}");
            assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some(start), "{text}");
            assert!(e.speakers.is_empty(), "{text}: {:?}", e.speakers);
        }
    }

    /// A press conference about an election is still the article's announced meeting.
    #[test]
    fn a_meeting_announced_beside_an_election_is_still_the_event() {
        for (text, meeting, election) in [
            ("工會今日就立法會選舉召開記者會，主席陳大文表示會支持候選人。", "記者會", "立法會選舉"),
            ("工会今日就立法会选举召开记者会，主席陈大文表示会支持候选人。", "记者会", "立法会选举"),
        ] {
            let x = extract(text, Some("2030-06-01"));
            let labels: Vec<&str> = x.events.iter().map(|e| x.entities[e.event].label.as_str()).collect();
            assert!(labels.contains(&meeting) && labels.contains(&election), "{text}: {labels:?}");
        }
    }

    /// Hong Kong reports write 昨 alone for yesterday.
    #[test]
    fn a_bare_yesterday_dates_the_meeting() {
        for text in
            ["工會昨聯同議員召開記者會，主席陳大文表示會跟進。", "工会昨联同议员召开记者会，主席陈大文表示会跟进。"]
        {
            let x = extract(text, Some("2030-06-02"));
            assert_eq!(x.events[0].start.map(|d| d.lexical()).as_deref(), Some("2030-06-01"), "{text}");
        }
    }

    /// An incident named by its place is told of: it is where its name says, and nobody
    /// addresses it.
    #[test]
    fn an_incident_named_by_its_place_is_there_and_nobody_addresses_it() {
        for (text, name, place) in [
            ("議員陳大文表示，旺角衝突令人遺憾。", "旺角衝突", "旺角"),
            ("议员陈大文表示，旺角冲突令人遗憾。", "旺角冲突", "旺角"),
        ] {
            let x = extract(text, Some("2030-06-01"));
            let e = x.events.iter().find(|e| x.entities[e.event].label == name).expect(text);
            assert!(e.speakers.is_empty(), "{text}: {:?}", e.speakers);
            let places: Vec<&str> = e.locations.iter().map(|&l| x.entities[l].label.as_str()).collect();
            assert!(places.is_empty() || places == vec![place], "{text}: {places:?}");
        }
    }

    /// Whoever attends an event is where it is held: 在X出席/參加 with the event as the object.
    #[test]
    fn the_place_someone_attends_the_event_in_is_its_venue() {
        for (text, name, place) in [
            ("行政長官陳大文今日在東京出席南海經貿合作論壇並致辭。", "南海經貿合作論壇", "東京"),
            ("行政长官陈大文今日在东京出席南海经贸合作论坛并致辞。", "南海经贸合作论坛", "东京"),
            ("局長王小華昨日在灣仔參與國慶升旗禮。", "國慶升旗禮", "灣仔"),
            ("局长王小华昨日在湾仔参与国庆升旗礼。", "国庆升旗礼", "湾仔"),
        ] {
            let x = extract(text, Some("2030-06-02"));
            let e = x.events.iter().find(|e| x.entities[e.event].label == name).expect(text);
            let places: Vec<&str> = e.locations.iter().map(|&l| x.entities[l].label.as_str()).collect();
            assert_eq!(places, vec![place], "{text}");
        }
    }

    /// Where an event closes (在X閉幕) is where it was held; the day it closes is not its start.
    #[test]
    fn the_place_an_event_closes_in_is_its_venue_not_its_start() {
        for (text, place) in
            [("南海經貿合作論壇7月23日上午在東京閉幕。", "東京"), ("南海经贸合作论坛7月23日上午在东京闭幕。", "东京")]
        {
            let x = extract(text, Some("2030-07-24"));
            let e = &x.events[0];
            let places: Vec<&str> = e.locations.iter().map(|&l| x.entities[l].label.as_str()).collect();
            assert_eq!(places, vec![place], "{text}");
            assert_ne!(e.start.map(|d| d.lexical()).as_deref(), Some("2030-07-23"), "{text}");
        }
    }

    /// Attending elsewhere is not the event's venue: the event is not what is attended.
    #[test]
    fn attending_something_else_gives_no_venue() {
        for text in
            ["陳大文在東京出席晚宴，南海經貿合作論壇明日開幕。", "陈大文在东京出席晚宴，南海经贸合作论坛明日开幕。"]
        {
            let x = extract(text, Some("2030-06-02"));
            let e = &x.events[0];
            assert!(e.locations.is_empty(), "{text}: {:?}", e.locations);
        }
    }

    /// A march or vigil named by its day is held on that day: of publication's year when near
    /// it, else the month and day alone.
    #[test]
    fn an_event_named_by_its_day_starts_on_it() {
        for (text, published, start) in [
            ("團體表示，七一遊行將如期舉行。", "2030-06-14", "2030-07-01"),
            ("团体表示，七一游行将如期举行。", "2030-06-14", "2030-07-01"),
            ("團體表示，七一遊行當日人數眾多。", "2031-02-20", "--07-01"),
            ("团体表示，七一游行当日人数众多。", "2031-02-20", "--07-01"),
            ("七一升旗禮將在金紫荊廣場舉行。", "2030-06-20", "2030-07-01"),
            ("七一升旗礼将在金紫荆广场举行。", "2030-06-20", "2030-07-01"),
        ] {
            let x = extract(text, Some(published));
            let e = x.events.iter().find(|e| x.entities[e.event].label.starts_with('七')).expect(text);
            assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some(start), "{text}");
        }
    }

    /// The venue and date of a 舉行 whose object is another event are that event's.
    #[test]
    fn the_venue_of_another_event_held_is_not_the_march_s() {
        for text in [
            "團體於6月29日在維園舉行「科創未來」科技展，令七一遊行改在灣仔起步。",
            "团体于6月29日在维园举行“科创未来”科技展，令七一游行改在湾仔起步。",
        ] {
            let x = extract(text, Some("2030-06-14"));
            let e = x.events.iter().find(|e| x.entities[e.event].label.starts_with('七')).expect(text);
            assert!(e.locations.is_empty(), "{text}: {:?}", e.locations);
            assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some("2030-07-01"), "{text}");
        }
    }

    /// An event named with a dotted day (3.11補選, 7.21事件) starts on it.
    #[test]
    fn an_event_named_with_a_dotted_day_starts_on_it() {
        for (text, published, start) in [
            ("他宣布參加3.11立法會南海區補選。", "2030-01-20", "2030-03-11"),
            ("他宣布参加3.11立法会南海区补选。", "2030-01-20", "2030-03-11"),
            ("證人憶述7.21事件當晚經過。", "2032-03-10", "--07-21"),
            ("证人忆述7.21事件当晚经过。", "2032-03-10", "--07-21"),
        ] {
            let x = extract(text, Some(published));
            assert_eq!(x.events[0].start.map(|d| d.lexical()).as_deref(), Some(start), "{text}");
        }
    }

    /// A forum about the day is not held on it.
    #[test]
    fn a_forum_about_a_day_is_not_dated_by_it() {
        for text in ["「六四論壇」將於周三召開。", "“六四论坛”将于周三召开。"] {
            let x = extract(text, Some("2030-06-01"));
            assert_eq!(x.events[0].start.map(|d| d.lexical()).as_deref(), Some("2030-06-05"), "{text}");
        }
    }

    /// A press conference announced beside a general meeting is the event, not the meeting.
    #[test]
    fn a_press_conference_beside_a_general_meeting_is_the_event() {
        for (text, conference) in [
            ("工會今日開記者會，表示將在周日舉行會員大會。", "記者會"),
            ("工会今日开记者会，表示将在周日举行会员大会。", "记者会"),
        ] {
            let x = extract(text, Some("2030-06-02"));
            let labels: Vec<&str> = x.events.iter().map(|e| x.entities[e.event].label.as_str()).collect();
            assert_eq!(labels, vec![conference], "{text}");
            let e = x.entities.iter().find(|e| e.label == conference).expect(text);
            assert!(e.aliases.iter().all(|n| !n.contains('大')), "{text}: {:?}", e.aliases);
        }
    }

    /// A body's general meeting held at a venue is the article's event.
    #[test]
    fn a_general_meeting_held_is_the_event() {
        for (text, name) in [
            ("南海律師會昨晚在中環舉行會員大會，改選理事。", "會員大會"),
            ("南海律师会昨晚在中环举行会员大会，改选理事。", "会员大会"),
        ] {
            let x = extract(text, Some("2030-06-02"));
            let e = x.events.iter().find(|e| x.entities[e.event].label == name).expect(text);
            assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some("2030-06-01"), "{text}");
            let places: Vec<&str> = e.locations.iter().map(|&l| x.entities[l].label.as_str()).collect();
            assert_eq!(places, vec![if name == "會員大會" { "中環" } else { "中环" }], "{text}");
        }
    }

    /// An exhibition named in quotes: 「X」科技展.
    #[test]
    fn an_exhibition_named_in_quotes() {
        for text in ["「科創未來」科技展將於下月在灣仔舉行。", "“科创未来”科技展将于下月在湾仔举行。"]
        {
            let x = extract(text, Some("2030-06-02"));
            assert!(!x.events.is_empty(), "{text}");
        }
    }

    /// A press conference announced with a day near publication is the article's news even
    /// where the article names another event held, and it starts on that day.
    #[test]
    fn a_dated_press_conference_beside_another_event_is_an_event() {
        for (text, conference) in [
            ("南海論壇前年在灣仔舉行，陳大文曾在論壇上發言。他周五召開記者會，宣布參選。", "記者會"),
            ("南海论坛前年在湾仔举行，陈大文曾在论坛上发言。他周五召开记者会，宣布参选。", "记者会"),
        ] {
            let x = extract(text, Some("2030-06-01"));
            let e = x.events.iter().find(|e| x.entities[e.event].label == conference).expect(text);
            assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some("2030-05-31"), "{text}");
        }
    }

    /// Whoever convenes a meeting somewhere is where it is held: 在X主持記者會, with the place
    /// described before it (在狹小、凌亂的X).
    #[test]
    fn the_place_someone_convenes_the_meeting_in_is_its_venue() {
        for (text, place) in [
            ("工會主席陳大文今午在灣仔主持記者會，表示會繼續爭取。", "灣仔"),
            ("工会主席陈大文今午在湾仔主持记者会，表示会继续争取。", "湾仔"),
            ("陳大文今午在狹小、凌亂的灣仔開記者會，表示會跟進。", "灣仔"),
            ("陈大文今午在狭小、凌乱的湾仔开记者会，表示会跟进。", "湾仔"),
        ] {
            let x = extract(text, Some("2030-06-02"));
            let e = &x.events[0];
            let places: Vec<&str> = e.locations.iter().map(|&l| x.entities[l].label.as_str()).collect();
            assert_eq!(places, vec![place], "{text}");
        }
    }

    /// Whoever speaks at an event (陳大文在論壇上表示; 王小華開記者會，稱…) is one of its
    /// speakers, whichever of the article's events it is; who speaks of it elsewhere is not.
    #[test]
    fn who_speaks_at_an_event_is_its_speaker() {
        for (text, name, want) in [
            (
                "南海經貿論壇昨日開幕，南海經貿論壇為期兩日。北海科技峰會今日閉幕。局長陳大文在北海科技峰會上表示，合作前景良好。",
                "北海科技峰會",
                vec!["陳大文"],
            ),
            (
                "南海经贸论坛昨日开幕，南海经贸论坛为期两日。北海科技峰会今日闭幕。局长陈大文在北海科技峰会上表示，合作前景良好。",
                "北海科技峰会",
                vec!["陈大文"],
            ),
            (
                "南海經貿論壇昨日開幕，南海經貿論壇為期兩日。北海科技峰會今日閉幕。局長陳大文表示，北海科技峰會很成功。",
                "北海科技峰會",
                vec![],
            ),
            (
                "南海经贸论坛昨日开幕，南海经贸论坛为期两日。北海科技峰会今日闭幕。局长陈大文表示，北海科技峰会很成功。",
                "北海科技峰会",
                vec![],
            ),
        ] {
            let x = extract(text, Some("2030-06-02"));
            let e = x.events.iter().find(|e| x.entities[e.event].label == name).expect(text);
            let names: Vec<&str> = e.speakers.iter().map(|&s| x.entities[s].label.as_str()).collect();
            assert_eq!(names, want, "{text}");
        }
    }

    /// A press conference said to take place without a verb holding it (周五見記者, 在記者會後
    /// 表示, 發布會期間) is the article's event; undated, it is held on the day of the news, and
    /// a date after its name is another happening's.
    #[test]
    fn a_meeting_said_to_take_place_is_the_event_on_the_news_day() {
        for (text, published, name, start) in [
            ("局長陳大文周五見記者，表示會跟進。", "2030-06-01", "見記者", "2030-05-31"),
            ("局长陈大文周五见记者，表示会跟进。", "2030-06-01", "见记者", "2030-05-31"),
            ("工會今日宣布罷工。主席陳大文在記者會後表示，會跟進。", "2030-06-02", "記者會", "2030-06-02"),
            ("工会今日宣布罢工。主席陈大文在记者会后表示，会跟进。", "2030-06-02", "记者会", "2030-06-02"),
            ("專家組今日公布結果。發布會期間，有人提到早於2029年11月已有個案。", "2030-06-02", "發布會", "2030-06-02"),
            ("专家组今日公布结果。发布会期间，有人提到早于2029年11月已有个案。", "2030-06-02", "发布会", "2030-06-02"),
        ] {
            let x = extract(text, Some(published));
            let e = x.events.iter().find(|e| x.entities[e.event].label == name).expect(text);
            assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some(start), "{text}");
        }
    }

    /// A meeting word alone is not a meeting held: 記者會問 (reporters will ask).
    #[test]
    fn a_meeting_word_alone_is_no_event() {
        for text in ["他說，記者會問很多問題。", "他说，记者会问很多问题。"] {
            let x = extract(text, Some("2030-06-02"));
            assert!(x.events.is_empty(), "{text}");
        }
    }

    #[test]
    fn day_without_publication_date_stays_a_day() {
        let x = extract("第三屆西江物流論壇本月20日在澳門威尼斯人舉行，為期一天。", None);
        let e = &x.events[0];
        assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some("---20"));
        assert_eq!(e.duration.as_deref(), Some("P1D"));
    }

    #[test]
    fn hours_and_dateline() {
        let x = extract(
            "新华社北京3月2日电 国家数据局3月2日上午在北京举行数据产业专题新闻发布会，发布会历时约两个小时。",
            Some("2026-03-03"),
        );
        let e = &x.events[0];
        assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some("2026-03-02"));
        assert_eq!(e.duration.as_deref(), Some("PT2H"));
    }

    #[test]
    fn fractional_durations_and_date_ranges() {
        assert_eq!(super::whole_units("PT1.5H").as_deref(), Some("PT1H30M"));
        assert_eq!(super::whole_units("P1.5D").as_deref(), Some("P1DT12H"));
        assert_eq!(super::whole_units("P2D").as_deref(), Some("P2D"));
        let x = extract("「西江旅遊大會」本月9日至10日在澳門威尼斯人舉行，歷時一天半。", Some("2026-05-11"));
        let e = &x.events[0];
        assert_eq!(e.start.map(|d| d.lexical()).as_deref(), Some("2026-05-09"));
    }

    #[test]
    fn speakers_of_the_main_event_in_sentences_that_do_not_name_it() {
        for (text, want) in [
            (
                "「南海數字經濟峰會」今日開幕。副部長陳大文在開幕環節發表主旨演講。局長王小華亦在開幕環節致辭。教授林明日前在另一場合致辭。",
                vec!["王小華", "陳大文"],
            ),
            (
                "“南海数字经济峰会”今日开幕。副部长陈大文在开幕环节发表主旨演讲。局长王小华亦在开幕环节致辞。教授林明日前在另一场合致辞。",
                vec!["王小华", "陈大文"],
            ),
        ] {
            let x = extract(text, Some("2026-03-15"));
            let e = &x.events[0];
            let mut names: Vec<&str> = e.speakers.iter().map(|&s| x.entities[s].label.as_str()).collect();
            names.sort_unstable();
            assert_eq!(names, want, "{text}");
        }
    }

    #[test]
    fn speakers_are_those_who_address_it() {
        let x = extract(
            "「南海數字經濟峰會」昨日開幕。發展局局長陳大文、財政司司長王小華出席開幕式並致辭。陳大文表示，前景良好。教授林明日前接受本報採訪時表示，意義重大。",
            Some("2026-03-15"),
        );
        let e = &x.events[0];
        let mut names: Vec<&str> = e.speakers.iter().map(|&s| x.entities[s].label.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, vec!["王小華", "陳大文"]);
    }
}
