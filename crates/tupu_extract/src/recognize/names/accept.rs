//! Settling the candidates: overlaps longest first, known names inside a found name, a foreign
//! country or a locating place before it.

use crate::analysis::Analysis;
use crate::lexicon::{KnownClass, Role, WordClass};
use crate::model::EntityKind;
use crate::span::Span;

use super::{Candidate, is_quoted};

/// What a foreign country at the start of a candidate does to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Country {
    /// Not there, or part of the name (葡萄牙旅遊局, 美國商會: a country's own body).
    Kept,
    /// A modifier: the name starts after it (德國弗勞恩霍夫協會 → 弗勞恩霍夫協會).
    Dropped(usize),
    /// Part of a government body's name, which is also written without it
    /// (老撾技術與通信部, also 技術與通信部).
    AlsoWithout(Span),
}

/// Settles overlaps (longest first) and adds the surviving names, step by step (each step's
/// function says what it does, with its example).
pub(super) fn accept(a: &mut Analysis<'_>, mut candidates: Vec<Candidate>) {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    let mut taken = vec![false; a.chars.len() + 1];
    for mut c in candidates {
        if taken[c.span.start..c.span.end].iter().any(|&t| t) {
            continue;
        }
        let existing = a.entities.overlapping(c.span);
        if crosses_a_known_edge(c.span, &existing) {
            continue;
        }
        if existing.iter().any(|(_, m)| m.contains(c.span)) {
            keep_quoted_form(a, &c);
            continue;
        }
        let mut inner: Vec<(usize, Span)> = existing.iter().copied().filter(|(_, m)| c.span.contains(*m)).collect();
        let country = foreign_country(a, &c, &inner);
        if let Country::Dropped(start) = country {
            c.span.start = start;
        }
        inner.retain(|(_, m)| c.span.contains(*m));
        // What is left after the country may be a known name itself (英國劍橋大學 → 劍橋大學).
        if inner.iter().any(|(_, m)| *m == c.span) {
            taken[c.span.start..c.span.end].fill(true);
            continue;
        }
        if glued_before_a_known_name(a, &c, &inner) {
            continue;
        }
        if let Some((place, entry)) = locating_place(a, &c) {
            super::super::known::add_known(a, entry, place);
            c.span.start = place.end;
        }
        inner.retain(|(_, m)| c.span.contains(*m));
        if let Some((id, m)) = known_name_with_its_place(a, &c, &inner) {
            if a.entities.kind(id) == c.kind {
                // One entity, the longer form an alias (國家工業和信息化部).
                let surface = a.surface(c.span).to_owned();
                for (_, inner_m) in &inner {
                    a.entities.remove_mention(*inner_m);
                }
                a.entities.add_name(id, &surface, true);
                a.entities.add_mention(id, c.span, &surface);
                taken[c.span.start..c.span.end].fill(true);
            } else if a.entity_at(Span::new(c.span.start, m.start)).is_none() {
                // The known name stands and the place keeps its own mention (灣仔香港會議展覽中心
                // → 灣仔, 香港會議展覽中心).
                if let Some((place, WordClass::Known(k))) =
                    a.word_starting_at(c.span.start, |w| matches!(w, WordClass::Known(_)))
                {
                    if place.end == m.start {
                        super::super::known::add_known(a, k, place);
                    }
                }
            }
            continue;
        }
        add_name(a, &c, country, inner);
        taken[c.span.start..c.span.end].fill(true);
    }
}

/// A known name crossing the candidate's edge: the lexicon knows better (香港科技園公司 known,
/// 科技園公司總裁 no name).
fn crosses_a_known_edge(span: Span, existing: &[(usize, Span)]) -> bool {
    existing.iter().any(|(_, m)| m.overlaps(span) && !span.contains(*m) && !m.contains(span))
}

/// The candidate is a known name or inside one: its quoted form (“东数西算”工程) becomes an alias
/// and a mention of the known name.
fn keep_quoted_form(a: &mut Analysis<'_>, c: &Candidate) {
    if let (Some(alias), Some(id)) = (c.quoted_alias, a.entity_at(c.span)) {
        let surface = a.surface(alias).to_owned();
        a.entities.add_name(id, &surface, false);
        a.entities.add_mention(id, alias, &surface);
    }
}

/// A foreign country the candidate starts with (see [`Country`]): a modifier unless the body is
/// the country's own — a government body (a ministry keeps its country: 沙特阿拉伯能源部, also
/// called 能源部), its mission abroad or a part of one (英國駐港總領事館, 西班牙駐華使館教育處),
/// or only generic words before the ending (葡萄牙旅遊局, 美國商會). A name quoted whole keeps it:
/// the marks enclose the title, country included (《某國日報》 is the paper's name); so does an
/// election, which the country holds (美國總統大選, 法國地方選舉).
fn foreign_country(a: &Analysis<'_>, c: &Candidate, inner: &[(usize, Span)]) -> Country {
    let Some(&(id, m)) = inner.first() else { return Country::Kept };
    let foreign = a.entities.get(id).known.is_some_and(|k| a.lex.known[k].is_foreign_country());
    if m.start != c.span.start || !foreign || is_quoted(a, c.span) {
        return Country::Kept;
    }
    let ending = a.word_ending_at(c.span.end, |w| matches!(w, WordClass::Suffix(_))).map_or(0, |(w, _)| w.len());
    let own_name = Span::new(m.end, c.span.end.saturating_sub(ending));
    let government = a.class(Role::GovernmentEnding).ends(a.folded(c.span));
    if own_name.len() < 2
        || a.class(Role::Mission).occurs_in(a.folded(Span::new(m.end, c.span.end)))
        || a.class(Role::ElectionWord).ends(a.folded(c.span))
    {
        Country::Kept
    } else if government {
        Country::AlsoWithout(Span::new(m.end, c.span.end))
    } else if a.lex.is_all_generic(a.folded(own_name)) {
        Country::Kept
    } else {
        Country::Dropped(m.end)
    }
}

/// One character glued before a known name of the same kind makes no new name: 有房屋局 is 房屋局.
fn glued_before_a_known_name(a: &Analysis<'_>, c: &Candidate, inner: &[(usize, Span)]) -> bool {
    inner.iter().any(|(id, m)| m.end == c.span.end && m.start == c.span.start + 1 && a.entities.kind(*id) == c.kind)
}

/// A known place before a venue's (or a place's) name that starts with another known place
/// locates it, and the name starts at the second place: 廣西南寧國際會展中心 is 南寧國際會展中心
/// in 廣西. A company keeps its registered places (珠海橫琴數鏈科技有限公司). The first place and
/// its lexicon entry.
fn locating_place(a: &Analysis<'_>, c: &Candidate) -> Option<(Span, usize)> {
    if !(c.kind == EntityKind::Place || a.class(Role::VenueEnding).ends(a.folded(c.span))) {
        return None;
    }
    let is_place = |w: WordClass| matches!(w, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place);
    let (first, WordClass::Known(entry)) = a.word_starting_at(c.span.start, is_place)? else { return None };
    let (second, _) = a.word_starting_at(first.end, is_place)?;
    (second.end < c.span.end).then_some((first, entry))
}

/// A known name at the candidate's end with only a place before it: the known name written with
/// its place (國家 + 工業和信息化部, 灣仔 + 香港會議展覽中心), or with its own government
/// (澳門特區政府 + 旅遊局). Not a foreign country before a body known by a short local name:
/// 葡萄牙旅遊局 is not the 旅遊局 of a Macau article. The known name's entity and mention.
fn known_name_with_its_place(a: &Analysis<'_>, c: &Candidate, inner: &[(usize, Span)]) -> Option<(usize, Span)> {
    inner
        .iter()
        .find(|(id, m)| {
            let prefix = Span::new(c.span.start, m.start);
            m.end == c.span.end
                && ((is_place_prefix(a, prefix) && !foreign_country_before_local_body(a, prefix, *id))
                    || own_government_before(a, prefix, *id))
        })
        .copied()
}

/// Adds the candidate as a new entity, with its other names: the form without a country, the
/// quoted form. Inner mentions: an organisation the name starts with stays, and the name is part
/// of it (國新辦 in 國新辦新聞局); anything else inside is only a piece of the name (香港 in
/// 香港科技大學, 發展局 in 香港金融發展局).
fn add_name(a: &mut Analysis<'_>, c: &Candidate, country: Country, inner: Vec<(usize, Span)>) {
    let surface = a.surface(c.span).to_owned();
    let id = a.entities.create(c.kind, &surface, true);
    a.entities.add_mention(id, c.span, &surface);
    if let Country::AlsoWithout(short) = country {
        let short_surface = a.surface(short).to_owned();
        a.entities.add_name(id, &short_surface, false);
    }
    if let Some(alias) = c.quoted_alias {
        let alias_surface = a.surface(alias).to_owned();
        a.entities.add_name(id, &alias_surface, false);
    }
    for (inner_id, m) in inner {
        let parent = a.entities.kind(inner_id) == EntityKind::Organization
            && c.kind == EntityKind::Organization
            && m.start == c.span.start
            && inner_id != id;
        if parent {
            if a.entities.get(id).part_of.is_none() {
                a.entities.get_mut(id).part_of = Some(inner_id);
            }
        } else {
            a.entities.remove_mention(m);
        }
    }
}

/// Whether `prefix` is a foreign country and entity `id` a body of one of the Chinese regions.
fn foreign_country_before_local_body(a: &Analysis<'_>, prefix: Span, id: usize) -> bool {
    let foreign = a
        .word_starting_at(prefix.start, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].is_foreign_country()))
        .is_some_and(|(w, _)| w == prefix);
    let local = a.entities.get(id).known.is_some_and(|k| a.lex.known[k].region.is_some());
    foreign && local
}

/// Whether `prefix` is exactly a mention of the known government of the region entity `id`
/// belongs to.
fn own_government_before(a: &Analysis<'_>, prefix: Span, id: usize) -> bool {
    let Some(body) = a.entities.get(id).known.map(|k| &a.lex.known[k]) else { return false };
    let Some(government) = a.entity_at(prefix).and_then(|g| a.entities.get(g).known).map(|k| &a.lex.known[k]) else {
        return false;
    };
    government.class == KnownClass::Government && body.region.is_some() && government.region == body.region
}

/// Whether a prefix only says where a body is (國家, 中國, 中央, or a known place).
fn is_place_prefix(a: &Analysis<'_>, prefix: Span) -> bool {
    if prefix.is_empty() {
        return false;
    }
    let folded = a.folded(prefix);
    a.class(Role::NationalPrefix).contains(folded)
        || a.word_starting_at(
            prefix.start,
            |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
        )
        .is_some_and(|(w, _)| w == prefix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};

    /// The analysis of `text` with its known names found, and the candidate `name` of `kind`.
    fn candidate(text: &str, name: &str, kind: EntityKind) -> (Analysis<'static>, Candidate, Vec<(usize, Span)>) {
        let mut a = analysis_with(text, None, &[]);
        super::super::super::known::recognise(&mut a);
        let span = span_of(&a, name);
        let inner = a.entities.overlapping(span).into_iter().filter(|(_, m)| span.contains(*m)).collect();
        (a, Candidate { span, kind, quoted_alias: None }, inner)
    }

    #[test]
    fn a_foreign_country_is_dropped_kept_or_also_left_out() {
        use EntityKind::Organization as Org;
        for text in ["德國弗勞恩霍夫協會代表出席。", "德国弗劳恩霍夫协会代表出席。"] {
            let name: String = text.chars().take(9).collect();
            let (a, c, inner) = candidate(text, &name, Org);
            assert_eq!(foreign_country(&a, &c, &inner), Country::Dropped(2), "{text}");
        }
        for text in ["美國商會代表出席。", "美国商会代表出席。"] {
            let name: String = text.chars().take(4).collect();
            let (a, c, inner) = candidate(text, &name, Org);
            assert_eq!(foreign_country(&a, &c, &inner), Country::Kept, "{text}: only generic words");
        }
        for text in ["美國總統大選明年舉行。", "美国总统大选明年举行。"] {
            let name: String = text.chars().take(6).collect();
            let (a, c, inner) = candidate(text, &name, EntityKind::Event);
            assert_eq!(foreign_country(&a, &c, &inner), Country::Kept, "{text}: the country holds the election");
        }
        for text in ["老撾技術與通信部部長出席。", "老挝技术与通信部部长出席。"] {
            let name: String = text.chars().take(8).collect();
            let (a, c, inner) = candidate(text, &name, Org);
            assert_eq!(foreign_country(&a, &c, &inner), Country::AlsoWithout(Span::new(2, 8)), "{text}");
        }
    }

    #[test]
    fn one_glued_character_makes_no_new_name() {
        for (text, name) in [("他說有房屋局的人來過。", "有房屋局"), ("他说有房屋局的人来过。", "有房屋局")]
        {
            let (a, c, inner) = candidate(text, name, EntityKind::Organization);
            assert!(glued_before_a_known_name(&a, &c, &inner), "{text}");
        }
        for (text, name) in [("運輸及房屋局發言人表示。", "運輸及房屋局"), ("运输及房屋局发言人表示。", "运输及房屋局")]
        {
            let (a, c, inner) = candidate(text, name, EntityKind::Organization);
            assert!(!glued_before_a_known_name(&a, &c, &inner), "{text}");
        }
    }

    #[test]
    fn a_place_before_a_venue_that_starts_with_a_place_locates_it() {
        for (text, name, place) in [
            ("論壇在廣西南寧國際會展中心舉行。", "廣西南寧國際會展中心", "廣西"),
            ("论坛在广西南宁国际会展中心举行。", "广西南宁国际会展中心", "广西"),
        ] {
            let (a, c, _) = candidate(text, name, EntityKind::Organization);
            assert_eq!(locating_place(&a, &c).map(|(s, _)| a.surface(s).to_owned()).as_deref(), Some(place), "{text}");
        }
        for (text, name) in [
            ("珠海橫琴數鏈科技有限公司參展。", "珠海橫琴數鏈科技有限公司"),
            ("珠海横琴数链科技有限公司参展。", "珠海横琴数链科技有限公司"),
        ] {
            let (a, c, _) = candidate(text, name, EntityKind::Organization);
            assert_eq!(locating_place(&a, &c), None, "{text}: a company keeps its places");
        }
    }

    #[test]
    fn a_known_name_written_with_its_place_or_government() {
        for (text, name) in [
            ("論壇在灣仔香港會議展覽中心舉行。", "灣仔香港會議展覽中心"),
            ("论坛在湾仔香港会议展览中心举行。", "湾仔香港会议展览中心"),
            ("澳門特區政府旅遊局代表出席。", "澳門特區政府旅遊局"),
            ("澳门特区政府旅游局代表出席。", "澳门特区政府旅游局"),
        ] {
            let (a, c, inner) = candidate(text, name, EntityKind::Organization);
            assert!(known_name_with_its_place(&a, &c, &inner).is_some(), "{text}");
        }
        for (text, name) in [("葡萄牙旅遊局代表出席。", "葡萄牙旅遊局"), ("葡萄牙旅游局代表出席。", "葡萄牙旅游局")]
        {
            let (a, c, inner) = candidate(text, name, EntityKind::Organization);
            assert!(known_name_with_its_place(&a, &c, &inner).is_none(), "{text}: a foreign country's own body");
        }
    }

    #[test]
    fn a_known_name_across_the_edge_wins() {
        let known = [(0, Span::new(0, 6))];
        assert!(crosses_a_known_edge(Span::new(3, 9), &known));
        assert!(!crosses_a_known_edge(Span::new(0, 9), &known));
    }
}
