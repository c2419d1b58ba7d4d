//! Known names: public bodies, organisations, places and concepts from the lexicons.
//!
//! `國家網信辦主任` → 國家網信辦 is the body 國家互聯網信息辦公室 (one entity, the alias kept).
//!
//! Every occurrence of a lexicon name or alias is a candidate; overlapping candidates keep the
//! longest (香港會議展覽中心 over 香港). An alias that two entries share (特區政府, 金管局) goes to
//! the entry whose other names the article also uses, else to the entry of the article's region.

use std::collections::HashSet;

use crate::analysis::Analysis;
use crate::article::Region;
use crate::boundary::{known_name_stands_alone, short_alias_stands};
use crate::lexicon::{KnownEntity, Role, WordClass};
use crate::model::EntityKind;
use crate::span::Span;

/// A known-name occurrence and the lexicon entries it may be.
struct Candidate {
    span: Span,
    entries: Vec<usize>,
}

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    let mut candidates: Vec<Candidate> = Vec::new();
    for w in a.words.all() {
        let entries: Vec<usize> = a
            .lex
            .vocabulary
            .classes(w.pattern)
            .iter()
            .filter_map(|c| if let WordClass::Known(i) = c { Some(*i) } else { None })
            .collect();
        // 律政司 inside the office title 律政司司長 is part of the title, not a mention.
        if !entries.is_empty()
            && known_name_stands_alone(a, w.span)
            && (w.span.len() > 2
                || entries.iter().any(|&e| a.lex.known[e].key == a.folded(w.span))
                || short_alias_stands(a, w.span))
            && !crossed_by_title(a, w.span)
        {
            candidates.push(Candidate { span: w.span, entries });
        }
    }
    // Entries whose names occur unambiguously: they decide shared aliases.
    let present: HashSet<usize> = candidates.iter().filter(|c| c.entries.len() == 1).map(|c| c.entries[0]).collect();
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    let mut taken = vec![false; a.chars.len() + 1];
    for c in candidates {
        if taken[c.span.start..c.span.end].iter().any(|&t| t) {
            continue;
        }
        let entry = choose(&c.entries, &present, a.region, &a.lex.known);
        taken[c.span.start..c.span.end].iter_mut().for_each(|t| *t = true);
        add_known(a, entry, c.span);
    }
}

/// Whether a title crosses the name's edge (律政司 inside 律政司司長) — unless a known name
/// takes the title's other part (新華社 before 長沙 in 新華社長沙…電: not 社長), or the title is
/// the body's head written on its last character ([`contracted_title`]: 教育局長).
fn crossed_by_title(a: &Analysis<'_>, span: Span) -> bool {
    let known_after = a.word_starting_at(span.end, |c| matches!(c, WordClass::Known(_))).map(|(w, _)| w.end);
    let known_before = a.word_ending_at(span.start, |c| matches!(c, WordClass::Known(_))).map(|(w, _)| w.start);
    a.crossing(span).any(|(w, class)| {
        matches!(class, WordClass::Title(_))
            && !(w.start > span.start && known_after.is_some_and(|end| end >= w.end))
            && !(w.start < span.start && known_before.is_some_and(|start| start <= w.start))
            && (!contracted_title(a, span.end, w) || after_a_known_place(a, span))
    })
}

/// Whether a known place ends where the name starts: 南韓外交部長 is South Korea's minister, not
/// the ministry the lexicon knows as 外交部 (the place stays the post's body, as before a title).
fn after_a_known_place(a: &Analysis<'_>, span: Span) -> bool {
    a.word_ending_at(span.start, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))
        .is_some()
}

/// Whether `title` is the head of the body whose name ends at `body_end`, written on the body's
/// last character
/// (the character shared): 教育局長 is 教育局 + 局長, 北京市長 北京市 + 市長. Hong Kong and
/// foreign-news reporting write 教育局長, 廣播處長, 國防部長 far more often than 教育局局長.
/// Written in full (教育局局長), the title is no contraction: 教育局局 is no name.
pub(crate) fn contracted_title(a: &Analysis<'_>, body_end: usize, title: Span) -> bool {
    title.start + 1 == body_end
        && title.start > 0
        && a.char_at(title.start - 1) != a.char_at(title.start)
        && a.class(Role::ContractedTitle).contains(a.folded(title))
}

fn choose(entries: &[usize], present: &HashSet<usize>, region: Region, known: &[KnownEntity]) -> usize {
    if let [only] = entries {
        return *only;
    }
    entries
        .iter()
        .copied()
        .max_by_key(|&i| (present.contains(&i), known[i].region == Some(region), std::cmp::Reverse(i)))
        .unwrap_or(entries[0])
}

/// Adds a mention of lexicon entry `entry` at `span`.
pub(crate) fn add_known(a: &mut Analysis<'_>, entry: usize, span: Span) -> usize {
    let surface = a.surface(span).to_owned();
    let id = match a.entities.of_known(entry) {
        Some(id) => {
            a.entities.add_name(id, &surface, true);
            id
        }
        None => new_known(a, entry, &surface),
    };
    a.entities.add_mention(id, span, &surface);
    id
}

/// Adds a mention at `span` of lexicon entry `entry` where the text refers to it by a common
/// word (政府 for the region's government): the word is no name of the entity, which is named
/// by the lexicon's canonical name when the article writes none of its names.
pub(crate) fn add_known_reference(a: &mut Analysis<'_>, entry: usize, span: Span) -> usize {
    let id = match a.entities.of_known(entry) {
        Some(id) => id,
        None => {
            let name = a.lex.known[entry].name.clone();
            new_known(a, entry, &name)
        }
    };
    let surface = a.surface(span).to_owned();
    a.entities.add_mention(id, span, &surface);
    id
}

/// A new entity for lexicon entry `entry`, first named `name`.
fn new_known(a: &mut Analysis<'_>, entry: usize, name: &str) -> usize {
    let k = &a.lex.known[entry];
    let id = a.entities.create(k.kind, name, true);
    let d = a.entities.get_mut(id);
    d.known = Some(entry);
    d.known_key = Some(k.key.clone());
    d.english.clone_from(&k.english);
    d.lexicon_names.insert(k.name.clone());
    d.lexicon_names.extend(k.aliases.iter().cloned());
    a.entities.set_known(id, entry);
    id
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;

    fn known(text: &str) -> Vec<(String, EntityKind, usize)> {
        let mut a = analysis_with(text, None, &[]);
        super::recognise(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().map(|e| (e.label, e.kind, e.mentions.len())).collect()
    }

    #[test]
    fn longest_name_wins_and_aliases_merge() {
        let found = known("國家互聯網信息辦公室今日發文。國家網信辦表示，會展中心將舉行活動。");
        assert!(found.contains(&("國家互聯網信息辦公室".to_owned(), EntityKind::Organization, 2)), "{found:?}");
        assert!(found.iter().any(|(l, k, _)| l == "會展中心" && *k == EntityKind::Place));
        assert!(!found.iter().any(|(l, _, _)| l == "香港"));
    }

    #[test]
    fn a_title_across_a_name_gives_way_to_the_known_name_after_it() {
        // 社長 across 新華社|長沙: the agency and the city, not a president.
        for text in ["新華社長沙3月2日電", "新华社长沙3月2日电"] {
            let labels: Vec<String> = known(text).into_iter().map(|(l, _, _)| l).collect();
            assert_eq!(labels.len(), 2, "{labels:?}");
        }
        // 律政司 inside the office title 律政司司長 is no mention.
        assert!(known("律政司司長出席。").is_empty());
    }

    #[test]
    fn works_in_simplified() {
        let found = known("国家发展改革委与工信部联合发文。");
        let labels: Vec<&str> = found.iter().map(|(l, _, _)| l.as_str()).collect();
        assert_eq!(labels, vec!["国家发展改革委", "工信部"]);
    }

    #[test]
    fn shared_alias_follows_the_article() {
        let mo = known("澳門金融管理局發布報告。本澳經濟向好，金管局主席表示滿意。");
        assert_eq!(mo.iter().filter(|(_, k, _)| *k == EntityKind::Organization).count(), 1, "{mo:?}");
        let hk = known("本港銀行體系穩健，金管局總裁表示。");
        assert!(hk.iter().any(|(l, _, _)| l == "金管局"));
    }

    /// The press's short forms of courts and bodies (終院, 高院, 區院, 立會, 上訴庭, 死因庭, 國安部…)
    /// are aliases: after the full name they are the same entity, in either script.
    #[test]
    fn short_forms_of_bodies_land_on_the_full_name() {
        let pairs = [
            ("本港終審法院今日頒下判詞，終院指上訴得直。", "本港终审法院今日颁下判词，终院指上诉得直。"),
            ("案件轉介高等法院審理，高院排期下月開審。", "案件转介高等法院审理，高院排期下月开审。"),
            ("他在區域法院受審，區院法官押後判刑。", "他在区域法院受审，区院法官押后判刑。"),
            ("本港立法會今日開會，立會議員提出質詢。", "本港立法会今日开会，立会议员提出质询。"),
            ("高等法院上訴法庭駁回申請，上訴庭認為理據不足。", "高等法院上诉法庭驳回申请，上诉庭认为理据不足。"),
            ("高等法院原訟法庭批准覆核，原訟庭下月聆訊。", "高等法院原讼法庭批准复核，原讼庭下月聆讯。"),
            ("死因裁判法庭召開研訊，死因庭將傳召證人。", "死因裁判法庭召开研讯，死因庭将传召证人。"),
            ("西九龍裁判法院開庭，西九法院押後案件。", "西九龙裁判法院开庭，西九法院押后案件。"),
            ("國家安全部發出提醒，國安部指有關活動違法。", "国家安全部发出提醒，国安部指有关活动违法。"),
            ("國家統計局公布數據，國統局指物價回穩。", "国家统计局公布数据，国统局指物价回稳。"),
            ("中央軍事委員會發布命令，軍委要求加強訓練。", "中央军事委员会发布命令，军委要求加强训练。"),
            // 臨立會 is the provisional council, not 立會 (the Legislative Council) after 臨.
            ("臨時立法會通過條例，臨立會其後解散。", "临时立法会通过条例，临立会其后解散。"),
        ];
        for text in pairs.iter().flat_map(|(t, s)| [*t, *s]) {
            let orgs: Vec<_> = known(text).into_iter().filter(|(_, k, _)| *k == EntityKind::Organization).collect();
            assert_eq!(orgs.len(), 1, "{text}: {orgs:?}");
            assert_eq!(orgs[0].2, 2, "{text}: {orgs:?}");
        }
    }

    #[test]
    fn short_place_inside_a_word_is_not_a_mention() {
        // 市場 is a word; 東區 must not be read out of 華東區域 either.
        let found = known("華東區域市場表現理想。");
        assert!(!found.iter().any(|(l, _, _)| l == "東區"), "{found:?}");
    }
}
