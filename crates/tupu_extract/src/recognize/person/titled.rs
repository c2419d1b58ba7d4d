//! Titles before names: 「發展局局長陳大文出席」 → 陳大文, post 局長 of 發展局; bylines
//! (記者陳大文、李小明) with the agency of a wire dateline; photographers' credits closing a
//! caption (「…合照。陳大文攝」).

use crate::analysis::Analysis;
use crate::boundary::{End, end_at};
use crate::lexicon::{Role, TitleKind, WordClass};
use crate::model::{EntityId, EntityKind, Post};
use crate::span::Span;
use crate::text::{is_cjk, is_open_bracket};

use super::add_person;
use super::posts::{post_after, posts_before};
use super::read::{read_dotted, read_latin, read_name, read_transliterated};

/// Title before name: people with their posts.
pub(super) fn titled(a: &mut Analysis<'_>) {
    let mut found: Vec<(Span, usize)> = Vec::new(); // (name, where the title chain ends)
    for end in a.word_ends(|c| matches!(c, WordClass::Title(_))) {
        let Some((title, WordClass::Title(_))) = a.word_ending_at(end, |c| matches!(c, WordClass::Title(_))) else {
            continue;
        };
        if a.entities.inside_larger_mention(title) || inside_longer_title(a, title) {
            continue; // 委員 inside 委員會, 董事 inside 董事總經理
        }
        let mut start = end;
        if a.char_at(start) == ' ' {
            start += 1;
        }
        let name = read_dotted(a, start)
            .or_else(|| longer_transliteration(a, start, read_name(a, start)))
            .or_else(|| read_latin(a, start))
            .or_else(|| read_transliterated(a, start));
        if let Some(name) = name {
            found.push((name, title.end));
        }
    }
    for (name, _) in &found {
        let id = add_person(a, *name);
        posts_before(a, id, name.start);
        post_after(a, id, name.end);
    }
    separated_bylines(a);
    bylines(a);
}

/// A Chinese reading after a title that stops inside a run of transliteration characters gives
/// way to the whole run when that ends firmly: 「副部長羅賓斯坦，」 is 羅賓斯坦 (坦 often follows a
/// name, as in 坦言, but here the punctuation after it ends the name), not the surname 羅 and 賓斯.
fn longer_transliteration(a: &Analysis<'_>, start: usize, chinese: Option<Span>) -> Option<Span> {
    let name = chinese?;
    // Only a reading followed by a transliteration character can stop inside a run: the others
    // are not read again (reading a run segments the text after it).
    if !a.lex.transliteration.contains(&a.char_at(name.end)) {
        return Some(name);
    }
    let longer = read_transliterated(a, start).filter(|t| t.end > name.end && end_at(a, t.end) == End::Firm);
    Some(longer.unwrap_or(name))
}

/// Titles at the mentions of people that [`titled`] did not read after their title: a name it
/// cannot read (the four characters of 林鄭月娥, a name followed by 在), found later by a speech
/// verb or by the name tagger — 「特首林鄭月娥在會上表示」 is a post of 特首 like
/// 「特首陳大文表示」 — and a title joined to the name by 的 ([`appositive_title_end`]).
/// Mentions whose title [`titled`] already read are left alone.
pub(super) fn titles_at_every_mention(a: &mut Analysis<'_>) {
    let read: std::collections::HashSet<usize> = a.posts.iter().map(|p| p.span.end).collect();
    let people: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Person).collect();
    for (person, m) in people {
        let end = if m.start > 0 && a.char_at(m.start - 1) == ' ' { m.start - 1 } else { m.start };
        let (title_end, name_start) = match appositive_title_end(a, end) {
            Some(title_end) => (title_end, title_end),
            None => (end, m.start),
        };
        let Some((title, _)) = a.word_ending_at(title_end, |c| matches!(c, WordClass::Title(_))) else {
            title_after_a_name(a, person, m.end);
            continue;
        };
        if read.contains(&title.end) || a.entities.inside_larger_mention(title) || inside_longer_title(a, title) {
            continue;
        }
        posts_before(a, person, name_start);
        post_after(a, person, m.end);
    }
}

/// A title right after a mention of a person with no title before it — 「陳大文局長表示」,
/// 「與陳大文教授會面」, 「北辰國的龐巴頓總統」 — when the title ends where a word may end
/// (「陳大文行長期」: 行長 glued to 期 is no title).
fn title_after_a_name(a: &mut Analysis<'_>, person: EntityId, name_end: usize) {
    let Some((title, _)) = a.word_starting_at(name_end, |c| matches!(c, WordClass::Title(_))) else {
        return;
    };
    if end_at(a, title.end) != End::Open && !inside_longer_title(a, title) {
        post_after(a, person, name_end);
    }
}

/// Where the title ends when 的 joins it to the name that follows: 「現任勞工處主任的陳大文」,
/// 「身兼政協常委的陳大文」, 「時任局長的陳大文」 — the title describes the person named after
/// it, as if written right before the name. `None` unless a title ends right before the 的.
fn appositive_title_end(a: &Analysis<'_>, name_start: usize) -> Option<usize> {
    // 的 is the one character of this apposition: a structural character, not vocabulary.
    let de = name_start.checked_sub(1).filter(|&p| a.char_at(p) == '的')?;
    a.word_ending_at(de, |c| matches!(c, WordClass::Title(_))).map(|_| de)
}

/// Whether a longer title contains this one (董事 in 董事總經理, 理事 in 理事長).
pub(crate) fn inside_longer_title(a: &Analysis<'_>, title: Span) -> bool {
    a.crossing_words(title).any(|c| matches!(c, WordClass::Title(_)))
}

/// Bylines: further reporters (記者甲、乙) and, in a wire dateline such as
/// 「新華社北京5月3日電（記者甲、乙）」, the agency as the reporters' organisation.
fn bylines(a: &mut Analysis<'_>) {
    let is_reporter = |c: WordClass| matches!(c, WordClass::Title(t) if a.lex.titles[t].kind == TitleKind::Reporter);
    let reporters: Vec<(Span, Span)> = a
        .entities
        .all_mentions()
        .into_iter()
        .filter(|(id, _)| a.entities.kind(*id) == EntityKind::Person)
        // 「（記者 周明）」: one space may stand between the title and the name.
        .filter_map(|(_, m)| {
            let end = if m.start > 0 && a.char_at(m.start - 1) == ' ' { m.start - 1 } else { m.start };
            a.word_ending_at(end, is_reporter).map(|(title, _)| (m, title))
        })
        .collect();
    for (m, title) in reporters {
        let agency = dateline_agency(a, title.start);
        let mut names = vec![m];
        let mut p = m.end;
        while matches!(a.char_at(p), '、' | ' ') {
            let Some(next) = read_name(a, p + 1) else { break };
            names.push(next);
            p = next.end;
        }
        let t = a.surface(title).to_owned();
        for (i, name) in names.into_iter().enumerate() {
            let id = if i == 0 { a.entity_at(name) } else { Some(add_person(a, name)) };
            let Some(id) = id else { continue };
            if let Some(post) = a.posts.iter_mut().find(|p| p.holder == id && p.span == title) {
                post.org = post.org.or(agency);
            } else {
                a.posts.push(Post { holder: id, title: t.clone(), org: agency, span: title });
            }
        }
    }
}

/// Most reporters one byline lists.
const MAX_BYLINE_NAMES: usize = 6;

/// Bylines whose names stand apart from the reporter's title, after a colon or a space, and
/// apart from each other by spaces or 、: 「（記者：陳大文 李小明）」, 「本報記者 陳大文 發自北京」,
/// 「每經記者 陳大文」 glued to the story's first sentence. Mainland papers print their bylines this
/// way (on the open corpus, 262 of 2,721 articles have a reporter's title, then a colon or a space,
/// then a name); [`titled`] reads a name right after a title, not past a colon, and not where it
/// cannot tell where a name glued to the text ends. The title is a reporter's (`titles.tsv`, kind
/// `reporter`), so what follows it is a list of names ([`byline_name`]).
fn separated_bylines(a: &mut Analysis<'_>) {
    let is_reporter = |c: WordClass| matches!(c, WordClass::Title(t) if a.lex.titles[t].kind == TitleKind::Reporter);
    let mut found: Vec<(Span, Span)> = Vec::new(); // (name, title)
    for end in a.word_ends(is_reporter) {
        let Some((title, _)) = a.word_ending_at(end, is_reporter) else { continue };
        if a.entities.inside_larger_mention(title) || inside_longer_title(a, title) {
            continue;
        }
        let mut p = end;
        while matches!(a.char_at(p), '：' | ':' | ' ') {
            p += 1;
        }
        if p == end {
            continue;
        }
        for _ in 0..MAX_BYLINE_NAMES {
            let Some(name) = byline_name(a, p) else { break };
            found.push((name, title));
            p = name.end;
            if !matches!(a.char_at(p), '、' | ' ') {
                break;
            }
            while matches!(a.char_at(p), '、' | ' ') {
                p += 1;
            }
        }
    }
    for (name, title) in found {
        if !a.entities.is_free(name) {
            continue;
        }
        let id = add_person(a, name);
        let agency = dateline_agency(a, title.start);
        let t = a.surface(title).to_owned();
        a.posts.push(Post { holder: id, title: t, org: agency, span: title });
    }
}

/// Longest name a byline lists (a compound surname and two characters).
const MAX_BYLINE_NAME: usize = 4;

/// A reporter's name in a byline at `start`: a surname (`surnames.tsv`) and the ideographs up to
/// the next character that is none (a space, 、, a bracket, the line's end), two to four in all
/// (four only with a compound surname or two surnames);
/// where the name runs on into the story's first words (「陳大文昨日…」), the name the rules
/// read there ([`read_name`]) or the name tagger proposes there.
fn byline_name(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let run = (start..).take_while(|&p| p < a.chars.len() && is_cjk(a.char_at(p))).count();
    let surname = [2, 1].into_iter().find(|&n| run > n && a.lex.is_surname(a.folded(Span::new(start, start + n))))?;
    // Four characters after a single surname are a name of two or three and a word (陳大代碼),
    // unless they open with two surnames (林陳美娟).
    let whole = Span::new(start, start + run);
    if run < MAX_BYLINE_NAME
        || (run == MAX_BYLINE_NAME && (surname == 2 || super::opens_with_two_surnames(a, a.chars_of(whole))))
    {
        return (run > surname).then_some(whole);
    }
    read_name(a, start).or_else(|| {
        a.tagged_names()
            .iter()
            .filter(|c| c.kind == EntityKind::Person && c.span.start == start && c.margin > 0.0)
            .map(|c| c.span)
            .find(|s| s.len() > surname && s.len() <= MAX_BYLINE_NAME && (s.start..s.end).all(|p| is_cjk(a.char_at(p))))
    })
}

/// Most characters a photographer's name in a credit has (a compound surname and two).
const MAX_CREDIT_NAME: usize = 4;

/// A photographer's credit: a name alone between a sentence end (or the start of the line) and
/// a credit word (`function_words.tsv`, `photo-credit`) that closes the line — 「…在場合照。
/// 陳大文攝」. Hong Kong reporting credits the photograph under every caption this way.
pub(super) fn photo_credits(a: &mut Analysis<'_>) {
    let credit = a.class(Role::PhotoCredit);
    let found: Vec<Span> = (1..a.chars.len())
        .filter(|&p| credit.has_char(a.char_at(p)) && closes_line(a, p + 1))
        .filter_map(|p| credited_name(a, p))
        .collect();
    for name in found {
        if a.entities.is_free(name) {
            add_person(a, name);
        }
    }
}

/// The name before the credit word at `credit`: two to four ideographs after a character that
/// is none (punctuation, a space, a line break), opening with a surname.
fn credited_name(a: &Analysis<'_>, credit: usize) -> Option<Span> {
    let start = (credit.saturating_sub(MAX_CREDIT_NAME + 1)..credit)
        .rev()
        .find(|&p| p == 0 || !is_cjk(a.char_at(p - 1)))
        .filter(|&s| (s..credit).all(|p| is_cjk(a.char_at(p))))?;
    let name = Span::new(start, credit);
    let surname = [2, 1].into_iter().find(|&n| a.lex.is_surname(a.folded(Span::new(start, start + n))))?;
    (name.len() >= 2 && name.len() <= MAX_CREDIT_NAME && name.len() > surname).then_some(name)
}

/// Whether the line ends at `pos`, past spaces: a credit is the last word of its line.
/// Whether the person mention `name` is a photographer's credit closing a caption's line
/// (「…在場合照。陳大文攝」), as [`photo_credits`] reads it: statements never go back to the
/// photographer for a later 他/她 (609 of the 2,721 open-corpus articles carry a credit).
pub(crate) fn is_photo_credit(a: &Analysis<'_>, name: Span) -> bool {
    name.end < a.chars.len() && a.class(Role::PhotoCredit).has_char(a.char_at(name.end)) && closes_line(a, name.end + 1)
}

fn closes_line(a: &Analysis<'_>, pos: usize) -> bool {
    let mut p = pos;
    while p < a.chars.len() && p - pos < 4 && matches!(a.char_at(p), ' ' | '\t' | '\u{3000}') {
        p += 1;
    }
    p >= a.chars.len() || matches!(a.char_at(p), '\n' | '\r')
}

/// Most characters between a byline's source and the word that closes its line: a place and a
/// date (新華社|北京5月3日|電, 北辰網|布宜諾斯艾利斯12月31日|消息).
const MAX_DATELINE_GAP: usize = 16;

/// The source of a byline in brackets, the reporters' organisation: the agency of a wire's
/// dateline (「新華社北京5月3日電（記者…」, 「北辰網北京5月3日消息 (記者…」, after a bracketed
/// dateline 「【新華社北京5月3日專電】（記者…」) or the paper of a news flash (「北辰報訊（記者…」).
/// The bracket opens right after the word closing the source line (`byline-source-end`: 電, 訊,
/// 消息; spaces between them allowed), and the source is the organisation named last before that
/// word, with only a place and a date between them (none after 訊) — not the first word of the line: a headline
/// printed on the same line runs on into the dateline (「…合作建議新華社北京5月3日電 (記者…」).
/// Open corpus: 71 of 2,721 articles carry such a byline, 36 with a source the recognisers name.
fn dateline_agency(a: &Analysis<'_>, title_start: usize) -> Option<EntityId> {
    let spaces_before = |mut p: usize, also: char| {
        while p > 0 && (matches!(a.char_at(p - 1), ' ' | '\u{3000}' | '\u{a0}') || a.char_at(p - 1) == also) {
            p -= 1;
        }
        p
    };
    let open = spaces_before(title_start, ' ');
    if open == 0 || !is_open_bracket(a.char_at(open - 1)) {
        return None;
    }
    let end = a.class_word_before(Role::BylineSourceEnd, spaces_before(open - 1, '】'))?;
    // Between the source and the closing word: nothing (北辰報訊), a date (新華社北京5月3日電), or a
    // place the article names (新華社北京電). A headline running on into 「本報訊」 puts neither
    // (「…基金今日發行本報訊」: 基金 is not the source).
    let gap_fits = |from: usize| {
        from == end.start
            || a.class(Role::DateUnit).has_char(a.char_at(end.start - 1))
            || a.entities
                .mentions_ending_at(end.start)
                .iter()
                .any(|(id, m)| m.start == from && a.entities.kind(*id) == EntityKind::Place)
    };
    let mut p = end.start;
    while end.start - p <= MAX_DATELINE_GAP && p > 0 {
        if let Some((id, _)) = a
            .entities
            .mentions_ending_at(p)
            .into_iter()
            .find(|(id, _)| a.entities.kind(*id) == EntityKind::Organization)
        {
            return gap_fits(p).then_some(id);
        }
        let c = a.char_at(p - 1);
        if !(is_cjk(c) || c.is_ascii_digit() || ('０'..='９').contains(&c)) || a.text().joined_before(p) {
            return None;
        }
        p -= 1;
    }
    None
}
