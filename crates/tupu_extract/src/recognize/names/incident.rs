//! Incidents named by where or when they happened: 旺角衝突, 元朗721事件, 六四事件, 七一遊行,
//! 6.12金鐘衝突 → event. News names a clash, a riot or a march by its district or its day and a
//! word of what happened ([`Role::IncidentEnding`]); the place or the day is what makes the
//! words a name (衝突 alone, 警民衝突, 社會事件 name nothing).
//!
//! - A day: a day known by its date ([`Role::NamedDay`]: 六四, 七一) or a month and day in
//!   digits (721, 7.21, 6.12).
//! - A place: a known place of a size that names one happening (a district, an area, a venue, a
//!   city, a bridge); a country or a region (香港示威, 英國騷亂) describes protests there, it does
//!   not name one. With a day, any known place is part of the name (六四維園集會).
//! - Words that are also verbs ([`Role::IncidentVerb`]: 遊行, 集會, 示威) after a place that a
//!   preposition governs say where people marched (在中環遊行, 由銅鑼灣遊行至), unless a day names
//!   the happening.

use crate::analysis::Analysis;
use crate::lexicon::{KnownClass, Role, WordClass};
use crate::model::EntityKind;
use crate::span::Span;

use super::Candidate;

/// Every incident named by its place or its day.
pub(super) fn named_incidents(a: &Analysis<'_>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for word in a.class(Role::IncidentEnding).words() {
        for ending in a.occurrences(word) {
            // The longest incident word there only (燭光晚會, not its 晚會), and not the start of
            // a longer word or a participant (示威者, 集會者 are people; 遊行人數 is no 行人).
            if a.class_word_at(Role::IncidentEnding, ending.start) != Some(ending)
                || a.general.starting_at(ending.start).any(|w| w.span.end > ending.end)
                || a.class_word_at(Role::IncidentParticipant, ending.end).is_some()
            {
                continue;
            }
            if let Some(span) = incident_name(a, ending) {
                if !out.iter().any(|c| c.span == span) {
                    out.push(Candidate { span, kind: EntityKind::Event, quoted_alias: None });
                }
            }
        }
    }
    out
}

/// The name ending with the incident word at `ending`: a day, a place, or both in either order,
/// right before it (大 may stand between: 七一大遊行).
fn incident_name(a: &Analysis<'_>, ending: Span) -> Option<Span> {
    let mut end = ending.start;
    if end > 0 && a.class(Role::IncidentIntensifier).has_char(a.char_at(end - 1)) {
        end -= 1;
    }
    let start = match day_before(a, end) {
        // 721事件, 元朗721事件; not a country's name before the day (中國六四事件 is 六四事件).
        Some(day) => place_before(a, day.start)
            .filter(|&(_, class)| names_one_happening(class))
            .map_or(day.start, |(p, _)| p.start),
        None => {
            let (place, class) = place_before(a, end)?;
            match day_before(a, place.start) {
                // 6.12金鐘衝突, 六四維園集會.
                Some(day) => day.start,
                // 旺角衝突; not 在中環遊行 nor 香港示威.
                None if names_one_happening(class) && !governed_verb(a, place, ending) => place.start,
                None => return None,
            }
        }
    };
    Some(Span::new(start, ending.end))
}

/// A day written right before `end`: a named day (六四) or a month and day in digits (721, 7.21).
fn day_before(a: &Analysis<'_>, end: usize) -> Option<Span> {
    if let Some(named) = a.class_word_before(Role::NamedDay, end) {
        return Some(named);
    }
    digit_day_before(a, end)
}

/// A month and day in digits right before `end`, with or without a dot (721, 7.21, 6.12, 10.1),
/// not part of a longer number.
fn digit_day_before(a: &Analysis<'_>, end: usize) -> Option<Span> {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let is_dot = |c: char| matches!(c, '.' | '．' | '・' | '·');
    let mut start = end;
    while start > 0 && end - start < 5 && (is_digit(a.char_at(start - 1)) || is_dot(a.char_at(start - 1))) {
        start -= 1;
    }
    if start > 0 && (is_digit(a.char_at(start - 1)) || is_dot(a.char_at(start - 1))) {
        return None;
    }
    let text: String = (start..end).map(|p| a.char_at(p)).collect();
    let digit = |c: char| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32));
    let (month, day) = match text.split(is_dot).collect::<Vec<_>>()[..] {
        [m, d] if !m.is_empty() && m.chars().count() <= 2 && d.chars().count() <= 2 && !d.is_empty() => (
            m.chars().filter_map(digit).fold(0, |n, x| n * 10 + x),
            d.chars().filter_map(digit).fold(0, |n, x| n * 10 + x),
        ),
        [digits] if digits.chars().count() == 3 => {
            let v: Vec<u32> = digits.chars().filter_map(digit).collect();
            (v[0], v[1] * 10 + v[2])
        }
        _ => return None,
    };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| Span::new(start, end))
}

/// A known place ending right before `end`, with its class.
fn place_before(a: &Analysis<'_>, end: usize) -> Option<(Span, KnownClass)> {
    let (span, class) =
        a.word_ending_at(end, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))?;
    let WordClass::Known(k) = class else { return None };
    Some((span, a.lex.known[k].class))
}

/// Whether a place of this class names one happening by itself (旺角衝突, 倫敦騷亂): not a
/// country, a region, a province or a whole territory, where protests are many (香港示威).
fn names_one_happening(class: KnownClass) -> bool {
    matches!(
        class,
        KnownClass::District
            | KnownClass::Area
            | KnownClass::Venue
            | KnownClass::City
            | KnownClass::County
            | KnownClass::Prefecture
            | KnownClass::Infrastructure
    )
}

/// Whether the incident word is a verb whose place a preposition governs: 在中環遊行, 由銅鑼灣
/// 遊行至 (people marched there; no happening is named).
fn governed_verb(a: &Analysis<'_>, place: Span, ending: Span) -> bool {
    a.class_word_at(Role::IncidentVerb, ending.start).is_some()
        && (a.class_word_before(Role::LocativePreposition, place.start).is_some()
            || a.class_word_before(Role::Preposition, place.start).is_some()
            || a.class_word_before(Role::ObjectMarker, place.start).is_some())
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;

    fn events(text: &str) -> Vec<String> {
        let mut a = analysis_with(text, None, &[]);
        crate::recognize::known::recognise(&mut a);
        super::super::recognise(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().filter(|e| e.kind == EntityKind::Event).map(|e| e.label).collect()
    }

    #[test]
    fn a_place_or_a_day_names_an_incident() {
        for (text, name) in [
            ("法官指旺角衝突中有人受傷。", "旺角衝突"),
            ("法官指旺角冲突中有人受伤。", "旺角冲突"),
            ("議員要求調查元朗721事件。", "元朗721事件"),
            ("议员要求调查元朗721事件。", "元朗721事件"),
            ("他當晚在6.12金鐘衝突中受傷。", "6.12金鐘衝突"),
            ("他当晚在6.12金钟冲突中受伤。", "6.12金钟冲突"),
            ("團體悼念六四事件的死難者。", "六四事件"),
            ("团体悼念六四事件的死难者。", "六四事件"),
            ("今年七一大遊行人數減少。", "七一大遊行"),
            ("今年七一大游行人数减少。", "七一大游行"),
            ("主辦單位取消六四維園集會。", "六四維園集會"),
            ("學者研究中國六四事件。", "六四事件"),
        ] {
            assert!(events(text).iter().any(|e| e == name), "{text}: {:?}", events(text));
        }
    }

    #[test]
    fn a_country_a_protester_or_a_march_somewhere_is_no_incident() {
        for text in [
            "香港示威持續多月。",
            "香港示威持续多月。",
            "市民中午在中環遊行。",
            "市民中午在中环游行。",
            "警方拘捕旺角示威者。",
            "警方拘捕金鐘集會者。",
            "警方拘捕金钟集会者。",
            "當局關注警民衝突。",
            "当局关注警民冲突。",
            "公司於2025事件後改組。",
        ] {
            assert!(events(text).is_empty(), "{text}: {:?}", events(text));
        }
    }
}
