//! Proper-name markers: what makes a name of a text before a weak ending (中心, 計劃, 基金), which
//! alone describes more often than it names (公司將設立研發中心). Any one marker is enough.

use crate::analysis::Analysis;
use crate::lexicon::{Role, WordClass};
use crate::model::EntityKind;
use crate::span::Span;
use crate::text::{is_cjk, is_open_bracket};

use super::is_quoted;

/// A marker: `(name, whether the text at span, of this kind, carries it)`.
pub(super) type Marker = fn(&Analysis<'_>, Span, EntityKind) -> bool;

/// The proper-name markers.
pub(super) const MARKERS: &[(&str, Marker)] = &[
    ("quoted", quoted),
    ("a known place or body at the start", known_start),
    ("a part of a known programme", part_of_a_known_programme),
    ("a year at the start", year_start),
    ("a title after it", title_after),
    ("the name tagger reads it as an organisation", tagged_as_organisation),
    ("an abbreviation after it", abbreviation_after),
    ("a known place before it", place_before),
    ("the government of an administrative unit", administrative_government),
    ("joined to an event", joined_to_an_event),
    ("an edition number before an event", edition_before_an_event),
    ("an event attended or held", attended_or_held),
    ("the post an election fills", post_an_election_fills),
];

/// Whether a name with a weak ending carries a proper-name marker.
pub(super) fn has_marker(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    MARKERS.iter().any(|(_, marks)| marks(a, span, kind))
}

/// Whether a mark right after it says that a name ends there: a title (研發中心主任陳大文) or an
/// abbreviation introduced for it (北辰研發中心（北辰中心）).
pub(super) fn marked_after(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    title_after(a, span, kind) || abbreviation_after(a, span, kind)
}

/// Quotation marks around it: 「海洋數據聯合實驗室」.
fn quoted(a: &Analysis<'_>, span: Span, _: EntityKind) -> bool {
    is_quoted(a, span)
}

/// A known place or body at its start, with words of its own after it: 香港數碼中心; before a
/// programme word only a place does (澳大計劃 is 'the university plans').
fn known_start(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    a.word_starting_at(span.start, |c| {
        matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place
            || (a.lex.known[k].kind == EntityKind::Organization && kind != EntityKind::Initiative))
    })
    .is_some_and(|(w, _)| w.end < span.end)
}

/// A known programme, then words of its own, then a programme word: a named part of the
/// programme (南水北調東中線一期工程; not 一帶一路倡議, which is the programme itself).
fn part_of_a_known_programme(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    kind == EntityKind::Initiative
        && a.word_starting_at(
            span.start,
            |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Initiative),
        )
        .is_some_and(|(w, _)| {
            let ending = a.word_ending_at(span.end, |c| matches!(c, WordClass::Suffix(_))).map_or(0, |(e, _)| e.len());
            let own = Span::new(w.end, span.end - ending);
            own.len() >= 2 && !a.lex.is_all_generic(a.folded(own))
        })
}

/// A year at its start: 2026數字經濟發展中心.
fn year_start(a: &Analysis<'_>, span: Span, _: EntityKind) -> bool {
    a.char_at(span.start).is_ascii_digit()
}

/// A title right after it: 研發中心主任陳大文 — not after an election, whose officer it is
/// (選舉主任 is the returning officer of any election).
fn title_after(a: &Analysis<'_>, span: Span, _: EntityKind) -> bool {
    a.word_starting_at(span.end, |c| matches!(c, WordClass::Title(_))).is_some()
        && a.class_word_before(Role::ElectionWord, span.end).is_none()
}

/// The name tagger proposes exactly this text, ending included, as an organisation: a company
/// or shop named by its own words and a trade ending (東嶺證券, 南記燒味, 翠林茶餐廳), which
/// alone also describes (證券 the product, 燒味 the food). The tagger has read such names in
/// context; the ending has placed the edge, and the tagger agreeing on both edges confirms the
/// name (alone its organisation proposals are often a character off, see `ner`).
/// Only for the trades' endings (`trade-ending`): before the other weak endings (中心, 處, 系)
/// the tagger also proposes descriptions (教育中心, 檢測中心), which no proper element marks.
fn tagged_as_organisation(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    kind == EntityKind::Organization
        && is_trade_name(a, span)
        && a.tagged_names().iter().any(|t| {
            t.span == span && t.kind == EntityKind::Organization && t.margin >= super::start::MIN_TAGGED_MARGIN
        })
}

/// An abbreviation introduced right after it: 北辰研發中心（北辰中心）.
fn abbreviation_after(a: &Analysis<'_>, span: Span, _: EntityKind) -> bool {
    is_open_bracket(a.char_at(span.end))
}

/// Whether the text ends with the ending of a trade or school (`trade-ending`: 證券, 燒味, 書院).
pub(super) fn is_trade_name(a: &Analysis<'_>, span: Span) -> bool {
    a.class_word_before(Role::TradeEnding, span.end).is_some_and(|w| w.start > span.start)
}

/// A place name right after a known place: 杭州市西湖區; and a shop right after the place it is
/// in, known or by its ending (旺角南記燒味, 翠林工業村南記燒味: the place is where it is,
/// [`super::start`] leaves it out of the name).
fn place_before(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    let trade = kind == EntityKind::Organization && is_trade_name(a, span);
    (trade && super::start::ends_a_place(a, span.start, span.start.saturating_sub(super::start::MAX_STEM)))
        || (kind == EntityKind::Place || trade)
            && a.word_ending_at(
                span.start,
                |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place),
            )
            .is_some()
}

/// An event written right after another event and a joiner: 甲新聞發布會暨重點項目簽約儀式 (the
/// two name one event, `resolve::joined_events`).
fn joined_to_an_event(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    kind == EntityKind::Event
        && a.class_word_before(Role::EventJoiner, span.start).is_some_and(|j| {
            a.word_ending_at(
                j.start,
                |c| matches!(c, WordClass::Suffix(s) if a.lex.suffixes[s].kind == EntityKind::Event),
            )
            .is_some()
        })
}

/// An event written right after its edition number: 第三屆南灣圓桌會議 (only a recurring event
/// named as such is numbered; a plain 會議 is not). A session counted within the edition
/// (第七屆三次全體會議) is no name of its own.
fn edition_before_an_event(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    kind == EntityKind::Event
        && crate::resolve::edition_before(a, span.start).is_some()
        && !crate::numeral::is_numeral_char(a.char_at(span.start))
}

/// The post an election fills, right before its ending: 特首選舉, 村代表選舉 (an election of a
/// post is a particular one; a bare 選舉 is also the verb 'to elect').
fn post_an_election_fills(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    kind == EntityKind::Event
        && a.word_ending_at(span.end, |c| matches!(c, WordClass::Suffix(_))).is_some_and(|(ending, _)| {
            a.word_ending_at(ending.start, |c| matches!(c, WordClass::Title(_)))
                .is_some_and(|(title, _)| super::start::fills_the_post(a, title, ending.start))
        })
}

/// How far after an event's name its holding verb may stand (將於下周一上午在會展中心舉行).
const HELD_WITHIN: usize = 24;

/// A ceremony someone attends, holds or officiates at: an attending, holding or convening verb
/// right before it (出席法律年度開啟典禮, 舉行甲商會落戶儀式, 主持甲展覽啟動禮), or a holding verb later in its clause (甲商會落戶儀式將於
/// 明日在會展中心舉行). A ceremony word alone describes (將設簽約儀式); one held or attended is a
/// particular happening, and the words before the ceremony word name it. Not meetings: 出席工作
/// 會議, 召開員工大會 are a body's routine.
fn attended_or_held(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    if kind != EntityKind::Event || a.class_word_before(Role::CeremonyWord, span.end).is_none() {
        return false;
    }
    let before = [Role::AttendingVerb, Role::HoldingVerb].iter().any(|&r| a.class_word_before(r, span.start).is_some());
    before || convened(a, span.start) || held_later_in_clause(a, span.end)
}

/// Whether a verb that convenes (主持, 開) ends right before `pos` as a word of its own (主持甲
/// 啟動禮; not the 開 of 離開): whoever officiates at a ceremony holds it.
fn convened(a: &Analysis<'_>, pos: usize) -> bool {
    a.class_word_before(Role::ConveningVerb, pos).is_some_and(|verb| !a.general.is_crossed(verb.start))
}

/// Whether a holding verb (舉行, 召開) comes after `from` within [`HELD_WITHIN`] characters and
/// before the clause ends.
fn held_later_in_clause(a: &Analysis<'_>, from: usize) -> bool {
    let end = (from + HELD_WITHIN).min(a.chars.len());
    for p in from..end {
        let c = a.char_at(p);
        if crate::text::CLAUSE_END.contains(&c) || crate::text::SENTENCE_END.contains(&c) {
            return false;
        }
        if a.class_word_at(Role::HoldingVerb, p).is_some() {
            return true;
        }
    }
    false
}

/// The government of an administrative unit named with its 市/省/縣: 鹽城市人民政府.
fn administrative_government(a: &Analysis<'_>, span: Span, kind: EntityKind) -> bool {
    kind == EntityKind::Organization
        && (span.start + 3..span.end).any(|p| {
            let place = Span::new(span.start, p - 1);
            a.class(Role::AdministrativeUnit).has_char(a.char_at(p - 1))
                && place.len() >= 2
                && (place.start..place.end).all(|q| is_cjk(a.char_at(q)))
                && !(place.start + 1..=place.end).any(|e| {
                    a.word_ending_at(e, |c| matches!(c, WordClass::Suffix(_)))
                        .is_some_and(|(w, _)| w.start >= place.start)
                })
                && a.word_starting_at(
                    p,
                    |c| matches!(c, WordClass::Suffix(s) if a.lex.suffixes[s].kind == EntityKind::Organization),
                )
                .is_some_and(|(w, _)| w.end == span.end)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::{analysis_with, span_of};

    /// Each marker alone: (marker, kind, [marked: (Traditional, name), (Simplified, name)], [not marked]).
    type Case = (&'static str, EntityKind, [(&'static str, &'static str); 2], [(&'static str, &'static str); 2]);

    const CASES: &[Case] = &[
        (
            "quoted",
            EntityKind::Organization,
            [
                ("雙方成立「海洋數據聯合實驗室」。", "海洋數據聯合實驗室"),
                ("双方成立“海洋数据联合实验室”。", "海洋数据联合实验室"),
            ],
            [
                ("雙方成立海洋數據聯合實驗室。", "海洋數據聯合實驗室"),
                ("双方成立海洋数据联合实验室。", "海洋数据联合实验室"),
            ],
        ),
        (
            "a known place or body at the start",
            EntityKind::Organization,
            [("香港數碼中心開幕。", "香港數碼中心"), ("香港数码中心开幕。", "香港数码中心")],
            [("將設立研發中心。", "研發中心"), ("将设立研发中心。", "研发中心")],
        ),
        (
            "a part of a known programme",
            EntityKind::Initiative,
            [
                ("南水北調東中線一期工程通水。", "南水北調東中線一期工程"),
                ("南水北调东中线一期工程通水。", "南水北调东中线一期工程"),
            ],
            [("推進一帶一路重點工程。", "一帶一路重點工程"), ("推进一带一路重点工程。", "一带一路重点工程")],
        ),
        (
            "a year at the start",
            EntityKind::Organization,
            [("成立2026數字經濟中心。", "2026數字經濟中心"), ("成立2026数字经济中心。", "2026数字经济中心")],
            [("成立數字經濟中心。", "數字經濟中心"), ("成立数字经济中心。", "数字经济中心")],
        ),
        (
            "a title after it",
            EntityKind::Organization,
            [("研發中心主任陳大文表示。", "研發中心"), ("研发中心主任陈大文表示。", "研发中心")],
            [("研發中心今日開幕。", "研發中心"), ("研发中心今日开幕。", "研发中心")],
        ),
        (
            "an abbreviation after it",
            EntityKind::Organization,
            [("北辰研發中心（北辰中心）開幕。", "北辰研發中心"), ("北辰研发中心（北辰中心）开幕。", "北辰研发中心")],
            [("北辰研發中心開幕。", "北辰研發中心"), ("北辰研发中心开幕。", "北辰研发中心")],
        ),
        (
            "a known place before it",
            EntityKind::Place,
            [("總部位於杭州市西湖區。", "西湖區"), ("总部位于杭州市西湖区。", "西湖区")],
            [("總部位於西湖區。", "西湖區"), ("总部位于西湖区。", "西湖区")],
        ),
        (
            "the government of an administrative unit",
            EntityKind::Organization,
            [("鹽城市人民政府主辦。", "鹽城市人民政府"), ("盐城市人民政府主办。", "盐城市人民政府")],
            [("鹽城人民政府主辦。", "鹽城人民政府"), ("盐城人民政府主办。", "盐城人民政府")],
        ),
        (
            "the name tagger reads it as an organisation",
            EntityKind::Organization,
            [("南嶺證券認為，後市仍然波動。", "南嶺證券"), ("华信证券昨日宣布裁员。", "华信证券")],
            [("投資者買賣證券須小心。", "買賣證券"), ("投资者买卖证券须小心。", "买卖证券")],
        ),
        (
            "joined to an event",
            EntityKind::Event,
            [
                ("南海商會新聞發布會暨合作項目簽約儀式舉行。", "合作項目簽約儀式"),
                ("南海商会新闻发布会暨合作项目签约仪式举行。", "合作项目签约仪式"),
            ],
            [("南海商會暨合作項目簽約儀式舉行。", "合作項目簽約儀式"), ("合作项目签约仪式举行。", "合作项目签约仪式")],
        ),
        (
            "an edition number before an event",
            EntityKind::Event,
            [("第三屆南灣圓桌會議開幕。", "南灣圓桌會議"), ("第12届南湾圆桌会议开幕。", "南湾圆桌会议")],
            [("第三屆二次南灣會議開幕。", "二次南灣會議"), ("本届南湾圆桌会议开幕。", "南湾圆桌会议")],
        ),
        (
            "an event attended or held",
            EntityKind::Event,
            [
                ("局長今日出席南灣商會落戶儀式。", "南灣商會落戶儀式"),
                ("南湾商会落户仪式将于明日上午在会展中心举行。", "南湾商会落户仪式"),
            ],
            [
                ("南灣商會落戶儀式的安排尚未公布。", "南灣商會落戶儀式"),
                ("南湾商会落户仪式的安排，将于明日公布后举行。", "南湾商会落户仪式"),
            ],
        ),
        (
            "the post an election fills",
            EntityKind::Event,
            [("特首選舉將於三月舉行。", "特首選舉"), ("总统选举将于三月举行。", "总统选举")],
            [("社團選舉將於三月舉行。", "社團選舉"), ("社团选举将于三月举行。", "社团选举")],
        ),
    ];

    #[test]
    fn each_marker_alone() {
        assert_eq!(CASES.len(), MARKERS.len(), "every marker has its case");
        for (marker, kind, marked, unmarked) in CASES {
            let (_, marks) = MARKERS.iter().find(|(n, _)| n == marker).unwrap_or_else(|| panic!("no marker {marker}"));
            for (text, name) in marked {
                let a = analysis_with(text, None, &[]);
                assert!(marks(&a, span_of(&a, name), *kind), "{marker} should mark {name} in {text}");
            }
            for (text, name) in unmarked {
                let a = analysis_with(text, None, &[]);
                assert!(!marks(&a, span_of(&a, name), *kind), "{marker} should not mark {name} in {text}");
            }
        }
    }
}
