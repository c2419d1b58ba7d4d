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
    // Places found by their ending (甲乙邨), for the estate written inside a longer name.
    let place_candidates: Vec<Span> =
        candidates.iter().filter(|c| c.kind == EntityKind::Place).map(|c| c.span).collect();
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
        let located = district_before_a_name(a, &c, &inner, &place_candidates);
        let without_parent = name_without_parent(a, &c, &inner);
        if let Some(l) = &located {
            inner.retain(|(_, m)| *m != l.district);
        }
        let id = add_name(a, &c, country, inner);
        if let Some(l) = located {
            keep_located_places(a, id, &l);
        }
        if let Some(rest) = without_parent {
            let surface = a.surface(rest).to_owned();
            a.entities.add_name(id, &surface, false);
        }
        taken[c.span.start..c.span.end].fill(true);
    }
}

/// A Hong Kong district or neighbourhood written first in a name, and what it locates: the
/// district's mention, the housing estate written right after it (if any), and the name proper
/// after them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Located {
    district: Span,
    estate: Option<Span>,
    rest: Span,
}

/// 「甲區乙丙茶餐廳」, 「甲區乙丙中心」, 「甲區乙丙邨丁戊小學」: a district or neighbourhood (class
/// `district` or `area` in places.tsv) written right before a name proper only says where the
/// shop, school or building is — the press names it without the district elsewhere, and a
/// reader asks what is in the district. The district is an entity of its own with its mention
/// inside the name (the relation stage links the two), as is a housing estate written between
/// (a place candidate by its ending). Not a city, country or SAR (甲市大學: part of the
/// official name), nor a name that is only generic words and an ending after the district
/// (甲區裁判法院, 甲區體育館: the district's own facility, named by it). Not inside quotes.
fn district_before_a_name(
    a: &Analysis<'_>,
    c: &Candidate,
    inner: &[(usize, Span)],
    place_candidates: &[Span],
) -> Option<Located> {
    if !matches!(c.kind, EntityKind::Organization | EntityKind::Place) || is_quoted(a, c.span) {
        return None;
    }
    let &(id, district) = inner
        .iter()
        .filter(|(id, m)| m.start == c.span.start && m.end < c.span.end && a.entities.kind(*id) == EntityKind::Place)
        .max_by_key(|(_, m)| m.len())?;
    let local = a
        .entities
        .get(id)
        .known
        .is_some_and(|k| matches!(a.lex.known[k].class, KnownClass::District | KnownClass::Area));
    if !local || !has_name_proper(a, Span::new(district.end, c.span.end)) {
        return None;
    }
    let estate = place_candidates
        .iter()
        .copied()
        .find(|p| p.start == district.end && p.end < c.span.end && has_name_proper(a, Span::new(p.end, c.span.end)));
    let rest = Span::new(estate.map_or(district.end, |e| e.end), c.span.end);
    Some(Located { district, estate, rest })
}

/// Keeps the places a name was located by as entities with their own mentions inside it, and
/// names the entity `id` by the rest as well (甲區乙丙茶餐廳 is also 乙丙茶餐廳) where nothing
/// else will: the rest is not written alone.
fn keep_located_places(a: &mut Analysis<'_>, id: usize, located: &Located) {
    if let Some(estate) = located.estate {
        let surface = a.surface(estate).to_owned();
        let place = a.entities.create(EntityKind::Place, &surface, true);
        a.entities.add_mention(place, estate, &surface);
    }
    // Written alone elsewhere, the rest joins by the resolve stage, with its mentions.
    let rest = a.folded(located.rest);
    let whole = Span::new(located.district.start, located.rest.end);
    if a.entities.named(rest).is_none() && a.lex.known_named(rest).is_empty() && !written_alone(a, located.rest, whole)
    {
        let surface = a.surface(located.rest).to_owned();
        a.entities.add_name(id, &surface, false);
    }
}

/// Whether the part of a name after a place or body written first in it names something of
/// its own: a name proper of two characters or more before its ending, not generic words only
/// (乙丙茶餐廳, 鐵路事宜小組委員會; not 裁判法院, 大學, 體育館).
fn names_something(a: &Analysis<'_>, rest: Span) -> bool {
    own_name(a, rest).is_some()
}

/// The part of `rest` before its ending when it names something ([`names_something`]).
fn own_name(a: &Analysis<'_>, rest: Span) -> Option<Span> {
    let ending = a
        .word_ending_at(rest.end, |w| matches!(w, WordClass::Suffix(_)))
        .filter(|(w, _)| w.start >= rest.start)
        .map_or(0, |(w, _)| w.len());
    let own = Span::new(rest.start, rest.end - ending);
    (own.len() >= 2 && !a.lex.is_all_generic(a.folded(own)) && !a.lex.is_all_generic(a.folded(rest))).then_some(own)
}

/// Whether what follows a place in a name has a name proper of its own, so that the place
/// only locates it (乙丙茶餐廳, 乙丙集團中心): its part before the ending is no run of ordinary
/// words of the general lexicon. A district's own facility or service is named by the
/// district and ordinary words (甲區官立中學, 甲區就業中心, 甲區消防局, 甲區居民聯會), and the
/// place is part of that name.
fn has_name_proper(a: &Analysis<'_>, rest: Span) -> bool {
    own_name(a, rest).is_some_and(|own| !only_ordinary_words(a.folded(own)))
}

/// Whether a folded text is a run of ordinary words of the general lexicon, each of two to four
/// characters and no proper name (官立, 就業, 居民; not 遮打, 中國銀行).
fn only_ordinary_words(folded: &str) -> bool {
    let chars: Vec<char> = folded.chars().collect();
    crate::lexicon::general::GeneralLexicon::embedded().ordinary_words_to_end(&chars)[0]
}

/// 「乙會丙丁小組委員會」: a unit whose name starts with its parent body's name is named without
/// it as well (丙丁小組委員會); the rest is one more of its names. Only where the rest names
/// something of its own ([`names_something`]), is no registered company, is no other name the
/// article or the lexicon has, and is not written alone elsewhere in the article — there the
/// resolve stage attaches those mentions to it (with the name), which a name given here would
/// keep it from doing. The rest as written.
fn name_without_parent(a: &Analysis<'_>, c: &Candidate, inner: &[(usize, Span)]) -> Option<Span> {
    if c.kind != EntityKind::Organization {
        return None;
    }
    let &(_, parent) = inner
        .iter()
        .filter(|(id, m)| {
            m.start == c.span.start && m.end < c.span.end && a.entities.kind(*id) == EntityKind::Organization
        })
        .max_by_key(|(_, m)| m.len())?;
    let rest = Span::new(parent.end, c.span.end);
    let folded = a.folded(rest);
    (names_something(a, rest)
        && !a.class(Role::RegisteredCompanyEnding).ends(folded)
        && a.entities.named(folded).is_none()
        && a.lex.known_named(folded).is_empty()
        && !written_alone(a, rest, c.span))
    .then_some(rest)
}

/// Whether the part `rest` of the name at `whole` is written in the article outside the name.
fn written_alone(a: &Analysis<'_>, rest: Span, whole: Span) -> bool {
    a.occurrences(a.folded(rest)).len() > a.occurrences(a.folded(whole)).len()
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
fn add_name(a: &mut Analysis<'_>, c: &Candidate, country: Country, inner: Vec<(usize, Span)>) -> usize {
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
    id
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

    /// Every entity of `text` after the known and pattern names: kind, label, aliases, mentions.
    fn found(text: &str) -> Vec<(EntityKind, String, Vec<String>, usize)> {
        let mut a = analysis_with(text, None, &[]);
        super::super::super::known::recognise(&mut a);
        super::super::recognise(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().map(|e| (e.kind, e.label, e.aliases.into_iter().collect(), e.mentions.len())).collect()
    }

    #[test]
    fn a_district_written_first_in_a_shop_or_school_name_is_a_place_of_its_own() {
        for (text, district, name, rest) in [
            ("兩名確診者曾到佐敦福來茶餐廳用膳。", "佐敦", "佐敦福來茶餐廳", "福來茶餐廳"),
            ("两名确诊者曾到佐敦福来茶餐厅用膳。", "佐敦", "佐敦福来茶餐厅", "福来茶餐厅"),
        ] {
            let f = found(text);
            assert!(f.iter().any(|(k, l, _, n)| *k == EntityKind::Place && l == district && *n == 1), "{text}: {f:?}");
            // The shop is named without the district: by its own mention when a trade ending
            // starts it after the known place, else as the longer name's alias.
            let named = |(_, l, al, _): &(EntityKind, String, Vec<String>, usize)| {
                l == rest || (l == name && al.iter().any(|x| x == rest))
            };
            assert!(f.iter().any(named), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_district_before_its_own_facility_stays_in_the_name() {
        for text in ["他今日在沙田裁判法院提堂。", "他今日在沙田裁判法院出庭。"] {
            let f = found(text);
            assert!(!f.iter().any(|(k, l, _, _)| *k == EntityKind::Place && l == "沙田"), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_body_is_also_named_without_its_parent_body() {
        for (text, name, rest) in [
            ("立法會交通事宜小組委員會今日開會。", "立法會交通事宜小組委員會", "交通事宜小組委員會"),
            ("立法会交通事宜小组委员会今日开会。", "立法会交通事宜小组委员会", "交通事宜小组委员会"),
        ] {
            let f = found(text);
            assert!(f.iter().any(|(_, l, al, _)| l == name && al.iter().any(|x| x == rest)), "{text}: {f:?}");
        }
    }
}
