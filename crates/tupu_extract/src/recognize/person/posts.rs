//! Posts: the titles a person holds and the bodies they hold them in — a chain of titles before
//! the name (X局主任、Y會理事長陳大文: two posts), a title after it (陳大文教授), a post taken
//! with 擔任/出任, an office of the government the article mentions.

use crate::analysis::Analysis;
use crate::boundary::{Before, word_starts_at};
use crate::lexicon::{Role, WordClass};
use crate::model::{EntityId, EntityKind, Post};
use crate::span::Span;
use crate::text::{bracket_opening, closing_bracket, is_cjk, is_open_bracket};

use super::read::read_name;

/// Maximum gap (descriptor words) between an organisation and the title it gives: 「博睿集團
/// 亞太區總裁」, 「X協會數字化轉型項目負責人」.
const MAX_DESCRIPTOR: usize = 8;

/// Posts written before a person's name: `[org][descriptor]title、[org]title…name`.
pub(super) fn posts_before(a: &mut Analysis<'_>, person: EntityId, name_start: usize) {
    let mut pos = name_start;
    if pos > 0 && a.char_at(pos - 1) == ' ' {
        pos -= 1;
    }
    let mut chain: Vec<(Span, Option<EntityId>)> = Vec::new();
    // The word that says when each post is held (前, 時任), written before its title or body.
    let mut tenses: Vec<Option<Span>> = Vec::new();
    // Whether each title of the chain may take the body of the title before it (see below), and
    // how long a sub-body written before it is (政法委 in 政法委書記).
    let mut may_inherit: Vec<bool> = Vec::new();
    let mut sub_len: Vec<usize> = Vec::new();
    while let Some((title, _)) = a.word_ending_at(pos, |c| matches!(c, WordClass::Title(_))) {
        // 「陳大文教授、X局局長李明」: a title right after another person's name is theirs.
        if !chain.is_empty()
            && a.entities
                .mentions_ending_at(title.start)
                .iter()
                .any(|(id, _)| a.entities.kind(*id) == EntityKind::Person)
        {
            break;
        }
        let org = contracted_body(a, title).or_else(|| org_before(a, title.start));
        // 市委常委、政法委書記X: a sub-body written before the title continues the chain.
        let bare = title;
        let (title, inherits) = match (org, sub_body_before(a, title)) {
            (None, Some(with_sub)) => (with_sub, sub_body_of_body_before(a, Span::new(with_sub.start, title.start))),
            _ => (title, !is_office(a, title)),
        };
        sub_len.push(title.len() - bare.len());
        // 外交部長, 博睿集團亞太區總裁: the unit or descriptor written before the title is part of it.
        let title = if title == bare { title_with_unit(a, title, org.map(|(_, s)| s)) } else { title };
        chain.push((title, org.map(|(id, _)| id)));
        may_inherit.push(inherits);
        pos = org.map_or(title.start, |(_, s)| s.start);
        // 前甲會主席、現任乙會會長陳大文: the chain runs on past a word that says when the post
        // is held; 前 and 候任 are part of the post.
        let tense = word_before_post(a, Role::PostTense, pos);
        tenses.push(tense);
        pos = tense.or_else(|| word_before_post(a, Role::PostTime, pos)).map_or(pos, |t| t.start);
        // Titles chain with 、 and with 兼 (董事長兼總裁).
        if pos > 0 && (a.char_at(pos - 1) == '、' || a.class(Role::TitleJoiner).has_char(a.char_at(pos - 1))) {
            pos -= 1;
        } else {
            break;
        }
    }
    // 成都市委副書記、市長X: a government title (市長, 省長) names the place of the body before it.
    for i in 0..chain.len() {
        // (A sub-body before the title names another body: 創建力量主席 is no head of a place.)
        if chain[i].1.is_none() && sub_len[i] <= 1 && governs_a_place(a, chain[i].0) {
            chain[i].1 = chain[i + 1..].iter().find_map(|(_, org)| org.and_then(|o| place_of(a, o)));
        }
    }
    // In 「X公司創始人、首席執行官Y」 the second title is in the first one's organisation.
    for i in 0..chain.len() {
        if chain[i].1.is_none() && i + 1 < chain.len() && may_inherit[i] {
            chain[i].1 = chain[i + 1].1;
        }
    }
    // 「X公司董事長A、首席財務官B」, 「X公司總經理A及黨委書記B」: in a list of people, B's title
    // without a body is in A's.
    // A title the lexicon gives a government (工程界議員: a seat of the legislature) is in that
    // government, not in the body of the person listed before (「X黨A及工程界議員B」).
    if chain.iter().all(|(title, org)| org.is_none() && !has_a_government(a, *title)) {
        if let Some(&(start, _)) = chain.last().map(|(t, o)| (t.start, o)).as_ref() {
            if let Some(joiner) = list_joiner_before(a, start) {
                let previous = a
                    .entities
                    .mentions_ending_at(joiner.start)
                    .into_iter()
                    .find(|(id, _)| a.entities.kind(*id) == EntityKind::Person)
                    .map(|(id, _)| a.entities.resolve(id));
                let inherited = previous.and_then(|p| {
                    a.posts.iter().rev().find(|post| a.entities.resolve(post.holder) == p).and_then(|post| post.org)
                });
                for (_, org) in &mut chain {
                    *org = inherited;
                }
            }
        }
    }
    for ((title, org), tense) in chain.into_iter().zip(tenses) {
        let (title, t) = with_tense(a, title, tense);
        a.posts.push(Post { holder: person, title: t, org, span: title });
    }
}

/// Whether the title ends with a title word the lexicon gives a government (界議員 of the
/// legislature, 特首 of the Hong Kong government): see [`offices_of_governments`].
fn has_a_government(a: &Analysis<'_>, title: Span) -> bool {
    a.word_ending_at(title.end, |c| matches!(c, WordClass::Title(_)))
        .is_some_and(|(_, c)| matches!(c, WordClass::Title(t) if !a.lex.titles[t].governments.is_empty()))
}

/// A word of `role` that says when a post is held ([`Role::PostTense`]: 前, 候任;
/// [`Role::PostTime`]: 時任, 現任) ending at `pos`, before a title or its body. Not the tail of a
/// longer word (日前, 目前, 此前: "days ago", "now").
fn word_before_post(a: &Analysis<'_>, role: Role, pos: usize) -> Option<Span> {
    let tense = a.class_word_before(role, pos)?;
    let tail = a.general.words_ending_at(tense.end).any(|w| w.span.start < tense.start);
    (!tail).then_some(tense)
}

/// A title and its label with the word that says when the post is held: written right before
/// the title it is part of it (前高級副總裁, 候任特首); written before the body (前立法會議員) the post
/// is still a former one, 前議員 of the 立法會.
fn with_tense(a: &Analysis<'_>, title: Span, tense: Option<Span>) -> (Span, String) {
    match tense {
        Some(t) if t.end == title.start => {
            (Span::new(t.start, title.end), a.surface(Span::new(t.start, title.end)).to_owned())
        }
        Some(t) => (title, format!("{}{}", a.surface(t), a.surface(title))),
        None => (title, a.surface(title).to_owned()),
    }
}

/// Most characters of a unit read into a title that no body precedes: 外交|部長, 法律政策|專員.
const MAX_UNIT: usize = 4;

/// Most words of such a unit (刑事|檢控|專員).
const MAX_UNIT_WORDS: usize = 2;

/// The title with the words that say which part of its body it heads: the descriptor written
/// between the body and the title (博睿集團|亞太區總裁, 消防處|公共事務總監: the post is 亞太區總裁 of
/// 博睿集團), or, with no body before it, the unit the title is fused with when no lexicon knows
/// that unit as a body (外交部長, 廣播處長, 司法部長 — the post is 外交部長, not a bare 部長).
/// Both are read word by word leftwards from the title while the words describe a unit
/// ([`unit_word`]); a verb, preposition or conjunction stops them (「質問特首」, 「及首席財務官」).
fn title_with_unit(a: &Analysis<'_>, title: Span, body: Option<Span>) -> Span {
    let start = match body {
        // 「調查特首」, 「質詢行政長官」: a whole office has no unit.
        _ if is_office(a, title) => title.start,
        Some(body) if body.end < title.start => {
            let from = descriptor_start(a, body.end, title.start);
            unit_start(a, from, title.start, MAX_DESCRIPTOR, usize::MAX, true)
        }
        Some(_) => title.start,
        None => {
            let from = descriptor_start(a, title.start.saturating_sub(MAX_UNIT + 2), title.start);
            unit_start(a, from, title.start, MAX_UNIT, MAX_UNIT_WORDS, false)
        }
    };
    Span::new(start, title.end)
}

/// Where the run of ideographs ending at `title_start` begins, not before `from`: an aside in
/// brackets (「（下稱X）」) or a line break is no part of a descriptor.
fn descriptor_start(a: &Analysis<'_>, from: usize, title_start: usize) -> usize {
    let mut p = title_start;
    while p > from && is_cjk(a.char_at(p - 1)) {
        p -= 1;
    }
    p
}

/// Where the unit words right before `title_start` begin (`title_start` when there are none),
/// reading the general lexicon's segmentation of `from..title_start` from the right: at most
/// `max_words` words and `max_chars` characters. `after_body`: the words sit between a body and
/// its title, so place words (亞太區) describe the post too.
fn unit_start(
    a: &Analysis<'_>,
    from: usize,
    title_start: usize,
    max_chars: usize,
    max_words: usize,
    after_body: bool,
) -> usize {
    if from >= title_start {
        return title_start;
    }
    let words = a.general.segment(Span::new(from, title_start));
    let mut start = title_start;
    for w in words.iter().rev().take(max_words) {
        if title_start - w.span.start > max_chars || !unit_word(a, w.span, w.entry, after_body) {
            break;
        }
        start = w.span.start;
    }
    start
}

/// Whether a word of the general lexicon names a unit or rank of a body (外交, 刑事, 公共事務): a
/// noun, verbal noun, abbreviation or non-predicate adjective (after a body also a place word) of
/// two characters or more, free of entities, neither a word tupu's lexicons know (a boundary, a
/// title, a speech verb, a known name) nor ending with a name ending (委員會, 有限公司: a body's
/// name the recognisers did not accept stays out of the title).
fn unit_word(a: &Analysis<'_>, word: Span, entry: Option<crate::lexicon::general::Entry>, after_body: bool) -> bool {
    use crate::lexicon::general::PartOfSpeech as P;
    // Between a body and its title a place the article names is the post's region (亞太區).
    if after_body && is_place_mention(a, word) {
        return true;
    }
    let Some(entry) = entry else { return false };
    let pos_fits = match entry.pos {
        P::Noun | P::VerbalNoun | P::Abbreviation | P::Distinguishing => true,
        P::Place | P::PlaceWord => after_body,
        _ => false,
    };
    let known = a.has_word(word, |c| {
        matches!(c, WordClass::Boundary | WordClass::Title(_) | WordClass::SpeechVerb(_) | WordClass::Known(_))
    });
    let body_ending =
        a.word_ending_at(word.end, |c| matches!(c, WordClass::Suffix(_))).is_some_and(|(s, _)| s.start >= word.start);
    // A word opened by a demonstrative or a deictic (該部, 本園) refers to a body, it names no unit.
    let refers = [Role::Demonstrative, Role::Deictic].iter().any(|&r| a.class(r).has_char(a.char_at(word.start)));
    // One character (英 of 駐英, 北 of 新界北) is too often the tail of a word cut by a name.
    word.len() >= 2 && pos_fits && !known && !refers && !body_ending && (after_body || a.entities.is_free(word))
}

/// Whether a place the article names is written exactly at `word` (亞太區 in 北辰集團亞太區總裁).
fn is_place_mention(a: &Analysis<'_>, word: Span) -> bool {
    a.entities
        .mentions_ending_at(word.end)
        .iter()
        .any(|(id, m)| *m == word && a.entities.kind(*id) == EntityKind::Place)
}

/// Longest sub-body written between two titles of a chain: 政法委 in 市委常委、政法委書記.
const MAX_SUB_BODY: usize = 4;

/// A title preceded by a short sub-body that no lexicon names, itself after another title and
/// 、 (「X市委常委、政法委書記」, 「X公司董事、財務部總監」): the sub-body and the title are one
/// title of the chain, in the body of the titles before it. `None` when no title and 、 stand
/// before the sub-body, so that a lone descriptor is not read as part of a title.
fn sub_body_before(a: &Analysis<'_>, title: Span) -> Option<Span> {
    (1..=MAX_SUB_BODY).filter_map(|len| title.start.checked_sub(len)).find_map(|start| {
        let sub = Span::new(start, title.start);
        let joined = start > 0 && a.char_at(start - 1) == '、';
        let chain_before = joined && a.word_ending_at(start - 1, |c| matches!(c, WordClass::Title(_))).is_some();
        let plain = a.chars[sub.start..sub.end].iter().all(|&c| is_cjk(c) && c != '、')
            && a.entities.is_free(sub)
            && !a.has_word(sub, |c| matches!(c, WordClass::Boundary | WordClass::Title(_) | WordClass::SpeechVerb(_)))
            // 「記者、後來擔任副局長的X」: an appointment is no sub-body.
            && !a.class(Role::AppointingVerb).occurs_in(a.folded(sub));
        (chain_before && plain).then(|| Span::new(start, title.end))
    })
}

/// The 、 or conjunction (及, 和, 以及) that ends at `pos` between two titled people of a list:
/// 「X公司總經理A及黨委書記B」.
fn list_joiner_before(a: &Analysis<'_>, pos: usize) -> Option<Span> {
    if pos > 0 && a.char_at(pos - 1) == '、' {
        return Some(Span::new(pos - 1, pos));
    }
    a.class_word_before(Role::Conjunction, pos)
}

/// Whether a sub-body is a unit of the body named before it: it ends like a government or party
/// body (政法委, 組織部), not like another organisation (政府專家, 創建力量).
fn sub_body_of_body_before(a: &Analysis<'_>, sub: Span) -> bool {
    a.class(Role::SubBodyEnding).ends(a.folded(sub))
}

/// Whether a title is a whole office (行政長官, 特首): it never takes another title's body.
fn is_office(a: &Analysis<'_>, title: Span) -> bool {
    a.word_starting_at(title.start, |c| matches!(c, WordClass::Title(_))).is_some_and(|(w, c)| {
        w == title && matches!(c, WordClass::Title(t) if a.lex.titles[t].kind == crate::lexicon::TitleKind::Office)
    })
}

/// Whether a title heads the government of a place (市長, 副省長, 縣長).
fn governs_a_place(a: &Analysis<'_>, title: Span) -> bool {
    let t = a.folded(title);
    a.class(Role::HeadOfGovernment).ends(t) && !a.class(Role::NotHeadOfGovernment).ends(t)
}

/// The place a body's name starts with (成都市委 → 成都), when the article names that place.
fn place_of(a: &Analysis<'_>, org: EntityId) -> Option<EntityId> {
    let mention = a.entities.get(org).mentions.iter().next().copied()?;
    (mention.start..mention.end).find_map(|p| {
        let (place, WordClass::Known(k)) =
            a.word_starting_at(p, |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Place))?
        else {
            return None;
        };
        (place.end < mention.end).then(|| a.entities.of_known(k)).flatten()
    })
}

/// The body whose head the title is, written on the body's last character: 教育局長 → 教育局,
/// 北京市長 → 北京市 (see `known::contracted_title`).
fn contracted_body(a: &Analysis<'_>, title: Span) -> Option<(EntityId, Span)> {
    let is_body = |id: EntityId| matches!(a.entities.kind(id), EntityKind::Organization | EntityKind::Place);
    a.entities.mentions_ending_at(title.start + 1).into_iter().find(|&(id, body)| {
        is_body(id) && body.len() > 1 && crate::recognize::known::contracted_title(a, body.end, title)
    })
}

/// The organisation (or place) whose title starts at `title_start`: the mention ending there,
/// or one ending a few descriptor characters earlier. A region written between an organisation
/// and a title describes the post (博睿集團亞太區總裁: president for Asia-Pacific of 博睿集團).
/// The body is in the title's paragraph: a line the analysis view joined to it (a caption's
/// credit, 「…牛仔帽。美聯社」 before 「美國總統…」) does not lend it one.
fn org_before(a: &Analysis<'_>, title_start: usize) -> Option<(EntityId, Span)> {
    let is_body = |id: EntityId| matches!(a.entities.kind(id), EntityKind::Organization | EntityKind::Place);
    let mut title_start = title_start;
    // 「香港金融發展局（金發局）主席」: the abbreviation in parentheses sits between body and title.
    if let Some(open) = bracket_opening(a.chars, title_start, 16) {
        title_start = open;
    }
    let mut p = title_start;
    // A place met inside the descriptor (泰國駐華大使): the post's body unless an organisation
    // stands further left.
    let mut place_in_descriptor = None;
    while title_start - p <= MAX_DESCRIPTOR {
        if let Some(&(id, span)) = a.entities.mentions_ending_at(p).iter().find(|(id, _)| is_body(*id)) {
            if a.entities.kind(id) == EntityKind::Place && p < title_start {
                place_in_descriptor = place_in_descriptor.or(Some((id, span)));
            } else if a.entities.kind(id) == EntityKind::Place && span.start > 0 {
                // 博睿集團亞太區總裁, 海岬集團（下稱「海岬」）亞太區總裁: the organisation before the region.
                let mut before = span.start;
                if let Some(open) = bracket_opening(a.chars, before, 20) {
                    before = open;
                }
                if let Some(&(org, os)) =
                    a.entities.mentions_ending_at(before).iter().find(|(id, _)| {
                        a.entities.kind(*id) == EntityKind::Organization && !a.text().joined_before(before)
                    })
                {
                    return Some((org, os));
                }
                return Some((id, span));
            } else {
                return Some((id, span));
            }
        }
        // A person's name, or a conjunction joining two people, is no descriptor: in
        // 「X黨陳大文及法律界議員李小文」 X黨 is 陳大文's body, not 李小文's (陳大文 may not be known as a
        // person yet when 李小文's title is read).
        if a.entities.mentions_ending_at(p).iter().any(|(id, _)| a.entities.kind(*id) == EntityKind::Person)
            || name_after_body_before_conjunction(a, p)
        {
            return place_in_descriptor;
        }
        // A body is in the title's paragraph: not a caption's credit joined to it (美聯社 +
        // 美國總統…).
        if p == 0 || a.text().joined_before(p) {
            return place_in_descriptor;
        }
        let c = a.char_at(p - 1);
        // 《北辰日報》社長: a publication named in title marks.
        if let Some(paper) = publication_before(a, p) {
            return Some(paper);
        }
        // 港交所（…）集團行政總裁: an aside among the descriptor words.
        if let Some(open) = bracket_opening(a.chars, p, 16) {
            p = open;
            continue;
        }
        if !is_cjk(c)
            || a.word_ending_at(p, |w| {
                matches!(w, WordClass::Boundary | WordClass::Title(_) | WordClass::SpeechVerb(_))
            })
            .is_some()
        {
            return place_in_descriptor;
        }
        p -= 1;
    }
    place_in_descriptor
}

/// Whether a conjunction ends at `p` after a name written right after a body: 「X黨陳大文及…」
/// (read before 陳大文 is known as a person). A conjunction inside a descriptor (質素及安全總監,
/// 常務及學務副校長) follows no name: an ordinary word (常務) is none.
fn name_after_body_before_conjunction(a: &Analysis<'_>, p: usize) -> bool {
    let Some(conj) = a.class_word_before(Role::Conjunction, p) else { return false };
    (2..=4).filter_map(|len| conj.start.checked_sub(len)).any(|start| {
        let is_body = |id: EntityId| matches!(a.entities.kind(id), EntityKind::Organization | EntityKind::Place);
        a.entities.mentions_ending_at(start).iter().any(|(id, _)| is_body(*id))
            && read_name(a, start).is_some_and(|n| n.end == conj.start)
            && a.general.word_at(Span::new(start, conj.start)).is_none()
    })
}

/// The organisation named in title marks that close at `p`: 《北辰日報》社長, 《北辰周刊》總編輯
/// (a newspaper's or magazine's post). A document in the marks (《X條例》) is no body.
fn publication_before(a: &Analysis<'_>, p: usize) -> Option<(EntityId, Span)> {
    if p < 2 || a.char_at(p - 1) != '》' {
        return None;
    }
    a.entities.mentions_ending_at(p - 1).into_iter().find(|&(id, m)| {
        a.entities.kind(id) == EntityKind::Organization && m.start > 0 && a.char_at(m.start - 1) == '《'
    })
}

/// A title written right after the name: 陳大文教授, 習近平主席. A title that is also a verb
/// (代表) is a title only before a name: 陳大文代表公司簽署.
pub(super) fn post_after(a: &mut Analysis<'_>, person: EntityId, name_end: usize) {
    if let Some((title, _)) = a.word_starting_at(name_end, |c| matches!(c, WordClass::Title(_))) {
        if a.has_word(title, |c| c == WordClass::Boundary) {
            return;
        }
        let t = a.surface(title).to_owned();
        a.posts.push(Post { holder: person, title: t, org: None, span: title });
    }
}

/// An office without a body named before it belongs to the government the lexicon gives it,
/// when the article mentions that government (社會文化司司長 → 澳門特別行政區政府).
pub(super) fn offices_of_governments(a: &mut Analysis<'_>) {
    for i in 0..a.posts.len() {
        if a.posts[i].org.is_some() {
            continue;
        }
        let span = a.posts[i].span;
        // The office is the title's last word (前特首: the office 特首).
        let Some((_, WordClass::Title(t))) = a
            .word_starting_at(span.start, |c| matches!(c, WordClass::Title(_)))
            .filter(|(w, _)| w.end == span.end)
            .or_else(|| a.word_ending_at(span.end, |c| matches!(c, WordClass::Title(_))))
        else {
            continue;
        };
        if department_inside_office(a, i, t) {
            continue;
        }
        let government = a.lex.titles[t].governments.iter().find_map(|name| {
            a.lex.known_named(&crate::normalize::fold(name)).iter().find_map(|&k| a.entities.of_known(k))
        });
        a.posts[i].org = government.filter(|&g| !a.entities.get(g).mentions.is_empty());
        if a.posts[i].org.is_none() {
            government_inside_office(a, i, t);
        }
    }
}

/// A judge's or magistrate's title written without a court (「法官陳大文」, 「主任裁判官李小文判刑時
/// 指」) is a post in the court the report last named before it — a court report says where the
/// case is heard (「案件今日在北辰裁判法院提堂…裁判官李小文批准」) and then names the bench by
/// title alone. With no court before it, the one court the article names, if only one. Courts
/// are the lexicon's (class `court`): an unknown 「X法院」 may be a foreign or mainland one. The
/// magistrate (裁判官, a title with a word of class `magistracy`) sits only in a court whose
/// canonical name has one too, so a report that moves from a magistracy to the High Court does not
/// seat the magistrate there. 法官 may sit in any court: Hong Kong reports call magistrates 法官
/// as well (counted on the open corpus: restricting it both ways moved as many right posts as wrong).
pub(super) fn judges_in_their_court(a: &mut Analysis<'_>) {
    let magistracy = |a: &Analysis<'_>, s: &str| a.class(Role::Magistracy).occurs_in(s);
    let courts: Vec<(EntityId, Span, bool)> = a
        .entities
        .all_mentions()
        .into_iter()
        .filter_map(|(id, m)| {
            let k = a.entities.get(id).known?;
            let court = &a.lex.known[k];
            (court.class == crate::lexicon::KnownClass::Court)
                .then(|| (a.entities.resolve(id), m, magistracy(a, &crate::normalize::fold(&court.name))))
        })
        .collect();
    for i in 0..a.posts.len() {
        let span = a.posts[i].span;
        if a.posts[i].org.is_some() || !a.class(Role::JudicialTitle).ends(a.folded(span)) {
            continue;
        }
        let magistrate = magistracy(a, a.folded(span));
        let fitting: Vec<(EntityId, Span)> =
            courts.iter().filter(|(_, _, m)| *m || !magistrate).map(|&(id, m, _)| (id, m)).collect();
        let mut distinct: Vec<EntityId> = fitting.iter().map(|(id, _)| *id).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let before = fitting.iter().filter(|(_, m)| m.end <= span.start).max_by_key(|(_, m)| m.end).map(|(id, _)| *id);
        a.posts[i].org = before.or_else(|| (distinct.len() == 1).then(|| distinct[0]));
    }
}

/// An office whose title opens with the name of the department it heads (律政司司長: the head of
/// 律政司; 政務司司長, 財政司司長) is a post in that department rather than in the government:
/// the department gets a mention there and the post keeps its whole title (a 政務司司長 is no
/// bare 司長). `false` when no organisation the lexicons know opens the office's title.
fn department_inside_office(a: &mut Analysis<'_>, post: usize, title: usize) -> bool {
    if a.lex.titles[title].kind != crate::lexicon::TitleKind::Office {
        return false;
    }
    let span = a.posts[post].span;
    let Some((office, _)) = a.word_ending_at(span.end, |c| c == WordClass::Title(title)) else {
        return false;
    };
    let department = a.word_starting_at(
        office.start,
        |c| matches!(c, WordClass::Known(k) if a.lex.known[k].kind == EntityKind::Organization),
    );
    let Some((body, WordClass::Known(k))) = department.filter(|(w, _)| w.end < office.end) else {
        return false;
    };
    // 國務院副總理: a government written in its office is read by `government_inside_office`.
    let governs = a.lex.titles[title]
        .governments
        .iter()
        .any(|name| a.lex.known_named(&crate::normalize::fold(name)).contains(&k));
    if governs {
        return false;
    }
    if !a.entities.is_free(body) {
        return false;
    }
    let id = crate::recognize::known::add_known(a, k, body);
    a.posts[post].org = Some(id);
    true
}

/// An office whose title starts with the name of its government (國務院副總理: the State
/// Council's vice-premier) is a post in that government, named inside the title: the body gets
/// a mention there and the post keeps the rest of the title (副總理). Offices whose government
/// is not written in them (律政司司長 of the Hong Kong government) are left alone.
fn government_inside_office(a: &mut Analysis<'_>, post: usize, title: usize) {
    let span = a.posts[post].span;
    let folded = a.folded(span);
    let Some((k, len)) = a.lex.titles[title].governments.iter().find_map(|name| {
        let name = crate::normalize::fold(name);
        let k = *a.lex.known_named(&name).first()?;
        (folded.starts_with(name.as_str()) && folded.len() > name.len()).then(|| (k, name.chars().count()))
    }) else {
        return;
    };
    let body = Span::new(span.start, span.start + len);
    if !a.entities.is_free(body) {
        return;
    }
    let id = crate::recognize::known::add_known(a, k, body);
    let rest = Span::new(body.end, span.end);
    a.posts[post].org = Some(id);
    a.posts[post].title = a.surface(rest).to_owned();
    a.posts[post].span = rest;
}

/// Longest gap of adverbs, auxiliaries and date words between a person and the verb of an
/// appointment: 陳大文將於2024年1月正式出任主席.
const MAX_APPOINTMENT_GAP: usize = 14;

/// Longest stretch between the verb of an appointment and its title (a body and a descriptor):
/// 出任北辰集團亞太區行政總裁.
const MAX_APPOINTED_TITLE: usize = 20;

/// A post taken with an appointing verb (擔任, 出任, 獲委任為, 升任, 接任, 當選): 由陳大文擔任實驗室
/// 主任, 陳大文將於明年正式出任北辰集團主席, 陳大文接替李明出任主席 (the post is 陳大文's, not
/// the predecessor's). The title is the first after the verb; between them only the body (or a
/// bare ending that stands for it) and its descriptor.
pub(super) fn appointed(a: &mut Analysis<'_>) {
    for name in appointed_names(a) {
        if a.entities.is_free(name) {
            super::add_person(a, name);
        }
    }
    let people: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Person).collect();
    for &(person, m) in &people {
        let Some(verb) = appointing_verb_after(a, m.end) else {
            continue;
        };
        // 甲接替乙出任主席: 乙 is the predecessor; the post is 甲's.
        let holder = match a.class_word_before(Role::SucceedingVerb, m.start) {
            Some(succeeding) => match people.iter().find(|(_, p)| p.end == gap_before(a, succeeding.start)) {
                Some(&(successor, _)) => successor,
                None => continue,
            },
            None => person,
        };
        if let Some((title, org)) = appointed_title(a, verb.end) {
            let t = a.surface(title).to_owned();
            a.posts.push(Post { holder, title: t, org, span: title });
        }
    }
}

/// Names revealed by an appointment: a Chinese name of three or more characters at the start
/// of a clause (or after a boundary word such as 由) before an appointing verb that names a
/// title — 「李志明將出任北辰集團主席」, 「由李志明擔任主任」. Nothing else makes 李志明 a person
/// here, as a speech verb does. Two characters (盛傳, 張仍) are too often a word or a surname
/// and an adverb, and a name holding a known or boundary word (包括) is none.
fn appointed_names(a: &Analysis<'_>) -> Vec<Span> {
    let mut names = Vec::new();
    for verb in a.class(Role::AppointingVerb).words() {
        for v in a.occurrences(verb) {
            if appointed_title(a, v.end).is_none() {
                continue;
            }
            let end = gap_before(a, v.start);
            let name = (3..=4).filter_map(|len| end.checked_sub(len)).find_map(|start| {
                read_name(a, start).filter(|n| {
                    n.end == end
                        && word_starts_at(a, start, &[Before::Boundary])
                        && !a.has_word(*n, |c| matches!(c, WordClass::Known(_) | WordClass::Boundary))
                })
            });
            names.extend(name);
        }
    }
    names
}

/// Where a gap of adverbs, auxiliaries and date words (see [`appointing_verb_after`]) ending at
/// `end` starts: 李明將於明年|出任 → after 李明.
fn gap_before(a: &Analysis<'_>, end: usize) -> usize {
    let mut p = end;
    while end - p <= MAX_APPOINTMENT_GAP && p > 0 {
        let digit = a.char_at(p - 1).is_ascii_digit();
        let date_unit_after_digit =
            p > 1 && a.class(Role::DateUnit).has_char(a.char_at(p - 1)) && a.char_at(p - 2).is_ascii_digit();
        if digit || date_unit_after_digit {
            p -= 1;
        } else if let Some(w) = a.class_word_before(Role::AppointmentGap, p) {
            p = w.start;
        } else {
            break;
        }
    }
    p
}

/// The appointing verb after a person, past a short gap of adverbs, auxiliaries and date words
/// (將, 已, 正式, 於2024年1月): 陳大文將於明年正式出任 → 出任.
fn appointing_verb_after(a: &Analysis<'_>, from: usize) -> Option<Span> {
    let mut p = from;
    while p - from <= MAX_APPOINTMENT_GAP {
        if let Some(verb) = a.class_word_at(Role::AppointingVerb, p) {
            return Some(verb);
        }
        if a.char_at(p).is_ascii_digit() {
            p += 1;
            if a.class(Role::DateUnit).has_char(a.char_at(p)) {
                p += 1;
            }
        } else if let Some(w) = a.class_word_at(Role::AppointmentGap, p) {
            p = w.end;
        } else {
            return None;
        }
    }
    None
}

/// The title an appointing verb names, with its body: the first title word after the verb,
/// preceded by nothing or by a body and its descriptor (出任北辰集團亞太區總裁). A title inside
/// a longer title or name (董事 in 董事會) is not one.
fn appointed_title(a: &Analysis<'_>, after: usize) -> Option<(Span, Option<EntityId>)> {
    let mut p = after;
    while p < a.chars.len() && p - after <= MAX_APPOINTED_TITLE && is_cjk(a.char_at(p)) {
        if let Some((title, _)) = a.word_starting_at(p, |c| matches!(c, WordClass::Title(_))) {
            if !a.entities.inside_larger_mention(title) && !super::inside_longer_title(a, title) {
                if title.start == after {
                    return Some((title, None));
                }
                let org =
                    contracted_body(a, title).or_else(|| org_before(a, title.start)).filter(|(_, s)| s.start == after);
                return org.map(|(id, _)| (title, Some(id)));
            }
        }
        p += 1;
    }
    None
}

/// Longest parenthesis after a name read for posts: 「陳大文（北辰大學社會學系教授，前任發展局局長）」.
const MAX_POST_ASIDE: usize = 32;

/// Posts written in a parenthesis right after a person's name: 「陳大文（發展局局長）」,
/// 「李明（北辰大學教授）」, 「陳大文 （ 財政司司長 ）」 in a table. Each part of the parenthesis
/// (parts are split by ， and 、, spaces around them left out) that is wholly a body and its title —
/// a body the article names, a descriptor, a title of the lexicon, after at most a word such as
/// 時任 or 現任 — is a post of the person, in that body; so is a part that is wholly a whole office
/// (財政司司長, 廉政專員), complete without a body. Other parts give none: an age (32歲), a
/// caption's place (左一), a party's abbreviation alone, and a bare title of a post (主席), which
/// is as often a role in the story as a post.
pub(super) fn posts_in_parentheses(a: &mut Analysis<'_>) {
    let people: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Person).collect();
    for (person, m) in people {
        for (title, org) in posts_in_aside(a, bracket_after(a, m.end)) {
            if !a.posts.iter().any(|post| post.holder == person && post.span == title) {
                let t = a.surface(title).to_owned();
                a.posts.push(Post { holder: person, title: t, org, span: title });
            }
        }
    }
}

/// Where a parenthesis after a name opens: right at `pos`, or after one space (a table's cell:
/// 「陳大文 （財政司司長）」).
fn bracket_after(a: &Analysis<'_>, pos: usize) -> usize {
    if matches!(a.char_at(pos), ' ' | '\u{3000}') && is_open_bracket(a.char_at(pos + 1)) { pos + 1 } else { pos }
}

/// The posts (title, body) the parts of a parenthesis opening at `open` hold (see
/// [`posts_in_parentheses`]).
fn posts_in_aside(a: &Analysis<'_>, open: usize) -> Vec<(Span, Option<EntityId>)> {
    let Some(aside) = aside_after(a, open) else {
        return Vec::new();
    };
    let mut posts = Vec::new();
    let mut start = aside.start;
    for p in aside.start..=aside.end {
        if p < aside.end && !matches!(a.char_at(p), '，' | ',' | '、') {
            continue;
        }
        let part = trim_spaces(a, Span::new(start, p));
        if let Some((title, org)) = body_and_title(a, part) {
            posts.push((title, Some(org)));
        } else if let Some(title) = whole_office(a, part) {
            posts.push((title, None));
        }
        start = p + 1;
    }
    posts
}

/// Whether the parenthesis opening at `open` (or one space after `open`) holds a post of the
/// name before it ([`posts_in_parentheses`]): 「羅大文（發展局局長）」 — the evidence, like a
/// caption's position mark, that the name before it is a person's.
pub(crate) fn aside_holds_a_post(a: &Analysis<'_>, open: usize) -> bool {
    !posts_in_aside(a, bracket_after(a, open)).is_empty()
}

/// `part` without the spaces at its edges.
fn trim_spaces(a: &Analysis<'_>, part: Span) -> Span {
    let mut s = part;
    while s.start < s.end && a.char_at(s.start).is_whitespace() {
        s.start += 1;
    }
    while s.end > s.start && a.char_at(s.end - 1).is_whitespace() {
        s.end -= 1;
    }
    s
}

/// The title when `part` is wholly one title of the `office` kind, complete without a body
/// (財政司司長, 廉政專員), after at most a boundary word (時任, 前); its government is given later
/// ([`offices_of_governments`]).
fn whole_office(a: &Analysis<'_>, part: Span) -> Option<Span> {
    let (title, class) = a.word_ending_at(part.end, |c| matches!(c, WordClass::Title(_)))?;
    let WordClass::Title(t) = class else { return None };
    if a.lex.titles[t].kind != crate::lexicon::TitleKind::Office || super::inside_longer_title(a, title) {
        return None;
    }
    let lead = Span::new(part.start, title.start);
    let opens_part =
        lead.is_empty() || a.word_starting_at(part.start, |c| c == WordClass::Boundary).is_some_and(|(w, _)| w == lead);
    opens_part.then_some(title)
}

/// The inside of a parenthesis opening right at `pos` and closing within [`MAX_POST_ASIDE`]
/// characters on the same line.
fn aside_after(a: &Analysis<'_>, pos: usize) -> Option<Span> {
    let close = closing_bracket(a.char_at(pos))?;
    let end = (pos + 1..(pos + 2 + MAX_POST_ASIDE).min(a.chars.len()))
        .take_while(|&p| a.char_at(p) != '\n' && !is_open_bracket(a.char_at(p)))
        .find(|&p| a.char_at(p) == close)?;
    Some(Span::new(pos + 1, end))
}

/// The title and body when `part` is wholly a body, an optional descriptor and a title
/// (北辰大學社會學系教授), after at most a boundary word (時任, 現任): see [`posts_in_parentheses`].
fn body_and_title(a: &Analysis<'_>, part: Span) -> Option<(Span, EntityId)> {
    if part.len() < 3 {
        return None;
    }
    let (title, _) = a.word_ending_at(part.end, |c| matches!(c, WordClass::Title(_)))?;
    if title.start <= part.start || a.entities.inside_larger_mention(title) || super::inside_longer_title(a, title) {
        return None;
    }
    let (org, body) = contracted_body(a, title).or_else(|| org_before(a, title.start))?;
    if body.start < part.start {
        return None;
    }
    let lead = Span::new(part.start, body.start);
    let opens_part =
        lead.is_empty() || a.word_starting_at(part.start, |c| c == WordClass::Boundary).is_some_and(|(w, _)| w == lead);
    opens_part.then_some((title, org))
}

/// Most people of a list read back for the title that opens it: 「議員甲、乙、丙及丁」.
const MAX_LISTED_PEOPLE: usize = 6;

/// A title written before the first name of a list is every listed person's when the others
/// carry no title of their own: 「北辰黨常委林大文、林小文」, 「新聞總監陳大文及李小文均表示」
/// (both are 常委 of 北辰黨, both 新聞總監). The list is joined by 、 or a conjunction (及, 和),
/// not by a companion's 與 (「主席陳大文與李小文會面」: 李小文 is whom he met). A whole office
/// (特首, 行政長官) has one holder and is not shared.
pub(super) fn titles_shared_by_a_list(a: &mut Analysis<'_>) {
    let mut people: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Person).collect();
    people.sort_by_key(|(_, m)| m.start);
    let person_ending_at = |a: &Analysis<'_>, end: usize| {
        people.iter().find(|(_, m)| m.end == end).map(|&(id, m)| (a.entities.resolve(id), m))
    };
    let mut shared = Vec::new();
    for &(person, m) in &people {
        let holder = a.entities.resolve(person);
        if has_title_beside(a, holder, m) {
            continue;
        }
        let mut first = m;
        let mut found = None;
        for _ in 0..MAX_LISTED_PEOPLE {
            let Some(joiner) = people_list_joiner(a, first.start) else { break };
            let Some((previous, pm)) = person_ending_at(a, joiner.start) else { break };
            if previous == holder {
                break;
            }
            let titled: Vec<&Post> =
                a.posts.iter().filter(|p| a.entities.resolve(p.holder) == previous && p.span.end == pm.start).collect();
            if !titled.is_empty() {
                found = Some(titled.into_iter().filter(|p| !is_office(a, p.span)).cloned().collect::<Vec<_>>());
                break;
            }
            if has_title_beside(a, previous, pm) {
                break;
            }
            first = pm;
        }
        // A post the person already holds from that title (a byline's 記者) is not added twice.
        for post in found.unwrap_or_default() {
            if !a.posts.iter().any(|p| p.span == post.span && a.entities.resolve(p.holder) == holder) {
                shared.push(Post { holder: person, ..post });
            }
        }
    }
    a.posts.extend(shared);
}

/// Whether the person has a title of their own written right before or after this mention.
fn has_title_beside(a: &Analysis<'_>, holder: EntityId, m: Span) -> bool {
    a.posts.iter().any(|p| a.entities.resolve(p.holder) == holder && (p.span.end == m.start || p.span.start == m.end))
        || a.word_starting_at(m.end, |c| matches!(c, WordClass::Title(_))).is_some()
}

/// The 、 or conjunction joining two people of a list, ending at `pos`; a companion's 與 is none.
fn people_list_joiner(a: &Analysis<'_>, pos: usize) -> Option<Span> {
    list_joiner_before(a, pos).filter(|j| !a.class(Role::Companion).occurs_in(a.folded(*j)))
}
