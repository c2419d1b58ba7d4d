//! People and their posts, found by pattern (never from a list of people).
//!
//! - **Title before name**: 「發展局局長陳大文出席」 → 陳大文, post 局長 of 發展局. Titles chain with
//!   、 (「X局主任、Y會理事長陳大文」: two posts); a title after the name (陳大文教授) is a post too.
//! - **Name before a speech verb** at the start of a clause: 「▲陳大文表示，…」, 「陳大文在致辭中指出」.
//! - **Bylines**: 記者陳大文、李小明.
//! - **Transliterated names** with a middle dot (約翰·史密斯), whose last part is their short name.
//!
//! A Chinese name is a surname from `surnames.tsv` and one or two more characters; which length
//! is decided by what follows (punctuation, a speech verb, a title, 等 end a name firmly).
//! Every later occurrence of a name found this way is a mention of the same person.

use crate::analysis::Analysis;
use crate::boundary::{Before, End, end_at, word_starts_at};
use crate::lexicon::{Role, TitleKind, WordClass};
use crate::model::{EntityId, EntityKind, Post};
use crate::span::Span;
use crate::text::is_cjk;

/// Maximum gap (descriptor words) between an organisation and the title it gives: 「博睿集團
/// 亞太區總裁」, 「X協會數字化轉型項目負責人」.
const MAX_DESCRIPTOR: usize = 8;

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    titled(a);
    dotted(a);
    speakers(a);
    all_occurrences(a);
    appointed(a);
    offices_of_governments(a);
}

/// An office without a body named before it belongs to the government the lexicon gives it,
/// when the article mentions that government (社會文化司司長 → 澳門特別行政區政府).
fn offices_of_governments(a: &mut Analysis<'_>) {
    for i in 0..a.posts.len() {
        if a.posts[i].org.is_some() {
            continue;
        }
        let span = a.posts[i].span;
        let Some((_, WordClass::Title(t))) = a.word_starting_at(span.start, |c| matches!(c, WordClass::Title(_)))
        else {
            continue;
        };
        let government = a.lex.titles[t].governments.iter().find_map(|name| {
            a.lex.known_named(&crate::normalize::fold(name)).iter().find_map(|&k| a.entities.of_known(k))
        });
        a.posts[i].org = government.filter(|&g| !a.entities.get(g).mentions.is_empty());
    }
}

/// 由陳大文擔任實驗室主任: a post taken with 擔任/出任, its body (or a bare ending that stands
/// for it) right after the verb.
fn appointed(a: &mut Analysis<'_>) {
    let people: Vec<(EntityId, Span)> =
        a.entities.all_mentions().into_iter().filter(|(id, _)| a.entities.kind(*id) == EntityKind::Person).collect();
    for (person, m) in people {
        let Some(verb) = a.class_word_at(Role::AppointingVerb, m.end) else {
            continue;
        };
        let after = verb.end;
        let org = a.entities.mentions_in(Span::new(after, after + 30)).into_iter().find(|(id, s)| {
            s.start == after && matches!(a.entities.kind(*id), EntityKind::Organization | EntityKind::Place)
        });
        let title_at = org.map_or(after, |(_, s)| s.end);
        if let Some((title, _)) = a.word_starting_at(title_at, |c| matches!(c, WordClass::Title(_))) {
            let t = a.surface(title).to_owned();
            a.posts.push(Post { holder: person, title: t, org: org.map(|(id, _)| id), span: title });
        }
    }
}

/// Reads a Chinese name (surname + one or two characters) starting at `start`.
fn read_name(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let mut best: Option<(End, Span)> = None;
    // A compound surname (歐陽) is read as one: 歐 + 陽X is not tried.
    let compound = start + 2 <= a.chars.len() && a.lex.is_surname(a.folded(Span::new(start, start + 2)));
    for surname_len in [2, 1] {
        let surname = Span::new(start, start + surname_len);
        if surname.end > a.chars.len() || !a.lex.is_surname(a.folded(surname)) || (compound && surname_len == 1) {
            continue;
        }
        for given_len in [2, 1] {
            let span = Span::new(start, surname.end + given_len);
            if span.end > a.chars.len() {
                continue;
            }
            let given = &a.chars[surname.end..span.end];
            if !given.iter().all(|&c| is_cjk(c)) || a.class(Role::NotInGivenName).has_char(given[given_len - 1]) {
                continue;
            }
            if !a.entities.is_free(span) && !only_places_inside(a, Span::new(surname.end, span.end)) {
                continue;
            }
            // 邵副部長, 歐陽局長: a title inside or across what would be the name.
            if a.crossing_words(span).any(|c| matches!(c, WordClass::Title(_)))
                || (span.start..span.end).any(|p| {
                    a.word_starting_at(p, |c| matches!(c, WordClass::Title(_))).is_some_and(|(t, _)| t.end <= span.end)
                })
            {
                continue;
            }
            let strength = end_at(a, span.end);
            if strength > End::Open && best.is_none_or(|(s, b)| strength > s || (strength == s && span.len() > b.len()))
            {
                best = Some((strength, span));
            }
        }
    }
    best.map(|(_, s)| s)
}

/// Whether every mention overlapping the given name lies inside it and is a place of two
/// characters: 清遠 in 皇甫清遠, 文山 in 周文山 are the person's name, not the cities.
fn only_places_inside(a: &Analysis<'_>, given: Span) -> bool {
    let name = Span::new(given.start.saturating_sub(2), given.end);
    a.entities
        .overlapping(name)
        .iter()
        .all(|(id, m)| given.contains(*m) && m.len() <= 2 && a.entities.kind(*id) == EntityKind::Place)
}

/// Reads a transliterated name with middle dots (馬庫斯·韋伯) starting at `start`. The part after
/// the last dot runs over transliteration characters only, and not into a speech verb, title or
/// boundary word (史密斯表示 → 史密斯).
fn read_dotted(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let mut p = start;
    let mut parts = 0;
    loop {
        let part_start = p;
        while p < a.chars.len() && is_cjk(a.char_at(p)) && p - part_start < 8 {
            let stop = p > part_start
                && (a.class(Role::NotInGivenName).has_char(a.char_at(p))
                    || !a.lex.transliteration.contains(&a.char_at(p))
                    || a.word_starting_at(p, |c| {
                        matches!(c, WordClass::SpeechVerb(_) | WordClass::Title(_) | WordClass::Boundary)
                    })
                    .is_some());
            // 頌巴·猜亞蓬，: a last character outside the table still ends the name when a firm
            // break follows it.
            let firm_after = end_at(a, p + 1) == End::Firm
                || a.word_starting_at(p + 1, |c| matches!(c, WordClass::SpeechVerb(_) | WordClass::Boundary)).is_some();
            let last_char = parts > 0
                && p > part_start
                && !a.lex.transliteration.contains(&a.char_at(p))
                && !a.class(Role::NotInGivenName).has_char(a.char_at(p))
                && firm_after
                && a.word_starting_at(p, |c| {
                    matches!(c, WordClass::SpeechVerb(_) | WordClass::Title(_) | WordClass::Boundary)
                })
                .is_none();
            if stop && parts > 0 && !last_char {
                break;
            }
            p += 1;
            if last_char {
                break;
            }
        }
        if p == part_start {
            return None;
        }
        parts += 1;
        if a.char_at(p) == '·' && is_cjk(a.char_at(p + 1)) {
            p += 1;
        } else {
            break;
        }
    }
    (parts >= 2).then_some(Span::new(start, p))
}

/// Reads a name in Latin script after a title (行政總裁 John Smith表示): one to four capitalised
/// words.
fn read_latin(a: &Analysis<'_>, start: usize) -> Option<Span> {
    let mut p = start;
    let mut words = 0;
    while words < 4 && a.char_at(p).is_ascii_uppercase() {
        let w = p;
        p += 1;
        while a.char_at(p).is_ascii_alphabetic() || matches!(a.char_at(p), '\'' | '-' | '.') {
            p += 1;
        }
        if p - w < 2 {
            return None;
        }
        words += 1;
        if a.char_at(p) == ' ' && a.char_at(p + 1).is_ascii_uppercase() {
            p += 1;
        } else {
            break;
        }
    }
    (words > 0 && !a.char_at(p).is_ascii_alphanumeric()).then_some(Span::new(start, p))
}

/// Reads a transliterated name written without a dot right after a title (總統特朗普表示):
/// two to four transliteration characters that end firmly.
fn read_transliterated(a: &Analysis<'_>, start: usize) -> Option<Span> {
    (2..=4usize).rev().map(|len| Span::new(start, start + len)).find(|&span| {
        span.end <= a.chars.len()
            && a.chars[span.start..span.end].iter().all(|c| a.lex.transliteration.contains(c))
            && a.entities.is_free(span)
            && !a.crossing_words(span).any(|c| matches!(c, WordClass::Title(_) | WordClass::Boundary))
            && end_at(a, span.end) == End::Firm
    })
}

/// Title before name: people with their posts.
fn titled(a: &mut Analysis<'_>) {
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
            .or_else(|| read_name(a, start))
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
    bylines(a);
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
        .filter_map(|(_, m)| a.word_ending_at(m.start, is_reporter).map(|(title, _)| (m, title)))
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

/// The news agency of a dateline byline: 「新華社北京5月3日電（記者…」 → 新華社. The byline opens
/// with a parenthesis after 電/电, and the agency is the organisation the line starts with.
fn dateline_agency(a: &Analysis<'_>, title_start: usize) -> Option<EntityId> {
    if title_start == 0
        || !matches!(a.char_at(title_start - 1), '（' | '(')
        || !a.class(Role::DatelineEnd).has_char(a.char_at(title_start.saturating_sub(2)))
    {
        return None;
    }
    let line_start = (0..title_start).rev().find(|&p| a.char_at(p) == '\n').map_or(0, |p| p + 1);
    a.entities
        .mentions_in(Span::new(line_start, title_start))
        .into_iter()
        .find(|(id, m)| {
            a.entities.kind(*id) == EntityKind::Organization && a.chars[line_start..m.start].iter().all(|c| !is_cjk(*c))
        })
        .map(|(id, _)| id)
}

/// Posts written before a person's name: `[org][descriptor]title、[org]title…name`.
fn posts_before(a: &mut Analysis<'_>, person: EntityId, name_start: usize) {
    let mut pos = name_start;
    if pos > 0 && a.char_at(pos - 1) == ' ' {
        pos -= 1;
    }
    let mut chain: Vec<(Span, Option<EntityId>)> = Vec::new();
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
        let org = org_before(a, title.start);
        chain.push((title, org.map(|(id, _)| id)));
        pos = org.map_or(title.start, |(_, s)| s.start);
        // Titles chain with 、 and with 兼 (董事長兼總裁).
        if pos > 0 && (a.char_at(pos - 1) == '、' || a.class(Role::TitleJoiner).has_char(a.char_at(pos - 1))) {
            pos -= 1;
        } else {
            break;
        }
    }
    // 成都市委副書記、市長X: a government title (市長, 省長) names the place of the body before it.
    for i in 0..chain.len() {
        if chain[i].1.is_none() && governs_a_place(a, chain[i].0) {
            chain[i].1 = chain[i + 1..].iter().find_map(|(_, org)| org.and_then(|o| place_of(a, o)));
        }
    }
    // In 「X公司創始人、首席執行官Y」 the second title is in the first one's organisation.
    for i in 0..chain.len() {
        if chain[i].1.is_none() && i + 1 < chain.len() {
            chain[i].1 = chain[i + 1].1;
        }
    }
    // 「X公司董事長A、首席財務官B」: in a list of people, B's title without a body is in A's.
    if chain.iter().all(|(_, org)| org.is_none()) {
        if let Some(&(start, _)) = chain.last().map(|(t, o)| (t.start, o)).as_ref() {
            if start > 0 && a.char_at(start - 1) == '、' {
                let previous = a
                    .entities
                    .mentions_ending_at(start - 1)
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
    for (title, org) in chain {
        let t = a.surface(title).to_owned();
        a.posts.push(Post { holder: person, title: t, org, span: title });
    }
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

/// The organisation (or place) whose title starts at `title_start`: the mention ending there,
/// or one ending a few descriptor characters earlier. A region written between an organisation
/// and a title describes the post (博睿集團亞太區總裁: president for Asia-Pacific of 博睿集團).
fn org_before(a: &Analysis<'_>, title_start: usize) -> Option<(EntityId, Span)> {
    let is_body = |id: EntityId| matches!(a.entities.kind(id), EntityKind::Organization | EntityKind::Place);
    let mut title_start = title_start;
    // 「香港金融發展局（金發局）主席」: the abbreviation in parentheses sits between body and title.
    if title_start > 0 && matches!(a.char_at(title_start - 1), '）' | ')') {
        if let Some(open) =
            (title_start.saturating_sub(16)..title_start - 1).rev().find(|&q| matches!(a.char_at(q), '（' | '('))
        {
            title_start = open;
        }
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
                if matches!(a.char_at(before - 1), '）' | ')') {
                    if let Some(open) =
                        (before.saturating_sub(20)..before - 1).rev().find(|&q| matches!(a.char_at(q), '（' | '('))
                    {
                        before = open;
                    }
                }
                if let Some(&(org, os)) = a
                    .entities
                    .mentions_ending_at(before)
                    .iter()
                    .find(|(id, _)| a.entities.kind(*id) == EntityKind::Organization)
                {
                    return Some((org, os));
                }
                return Some((id, span));
            } else {
                return Some((id, span));
            }
        }
        if p == 0 {
            return place_in_descriptor;
        }
        let c = a.char_at(p - 1);
        // 港交所（…）集團行政總裁: an aside among the descriptor words.
        if matches!(c, '）' | ')') {
            if let Some(open) = (p.saturating_sub(16)..p - 1).rev().find(|&q| matches!(a.char_at(q), '（' | '(')) {
                p = open;
                continue;
            }
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

/// A title written right after the name: 陳大文教授, 習近平主席. A title that is also a verb
/// (代表) is a title only before a name: 陳大文代表公司簽署.
fn post_after(a: &mut Analysis<'_>, person: EntityId, name_end: usize) {
    if let Some((title, _)) = a.word_starting_at(name_end, |c| matches!(c, WordClass::Title(_))) {
        if a.has_word(title, |c| c == WordClass::Boundary) {
            return;
        }
        let t = a.surface(title).to_owned();
        a.posts.push(Post { holder: person, title: t, org: None, span: title });
    }
}

/// Names with middle dots not yet found: a person when no quotation holds them (a theme such as
/// 「開放·共贏」 has a dot too).
fn dotted(a: &mut Analysis<'_>) {
    let dots: Vec<usize> = (0..a.chars.len()).filter(|&p| a.char_at(p) == '·').collect();
    let mut done = 0;
    for dot in dots {
        if dot < done {
            continue;
        }
        // The name's first part: back from the dot to where a name can start (at most 8).
        let Some(start) = (dot.saturating_sub(8).max(done)..dot).find(|&p| {
            is_cjk(a.char_at(p))
                && (p..dot).all(|q| is_cjk(a.char_at(q)))
                && word_starts_at(a, p, &[Before::Boundary, Before::Title, Before::Mention])
        }) else {
            continue;
        };
        if let Some(span) = read_dotted(a, start) {
            if !inside_quotes(a, span) && a.entities.is_free(span) && end_at(a, span.end) >= End::Likely {
                add_person(a, span);
            }
            done = span.end;
        }
    }
}

/// Whether `span` lies inside a quotation on one line.
fn inside_quotes(a: &Analysis<'_>, span: Span) -> bool {
    let mut depth = 0i32;
    let mut p = span.start;
    while p > 0 {
        p -= 1;
        match a.char_at(p) {
            '」' | '”' | '』' => depth += 1,
            '「' | '“' | '『' => {
                if depth == 0 {
                    return true;
                }
                depth -= 1;
            }
            '\n' | '。' => return false,
            _ => {}
        }
    }
    false
}

/// A name at the start of a clause followed by a speech verb, possibly after an adverbial
/// (「陳大文表示」, 「▲陳大文指出」, 「陳大文在致辭中表示」).
fn speakers(a: &mut Analysis<'_>) {
    let mut found = Vec::new();
    for start in 0..a.chars.len() {
        let before = if start == 0 { '\n' } else { a.char_at(start - 1) };
        if is_cjk(before) || before.is_ascii_alphanumeric() {
            continue;
        }
        let Some(name) = read_name(a, start) else { continue };
        // The name must be followed by a speech verb, or by 在/於 opening an adverbial that a
        // speech verb closes within the clause.
        let verb_now = a.word_starting_at(name.end, |c| matches!(c, WordClass::SpeechVerb(_))).is_some();
        let verb_later =
            a.class(Role::LocativePreposition).has_char(a.char_at(name.end)) && speech_verb_in_clause(a, name.end);
        // 陳大文主席提出…: a name, then its title, then a verb.
        let title_after = a
            .word_starting_at(name.end, |c| matches!(c, WordClass::Title(_)))
            .is_some_and(|(t, _)| end_at(a, t.end) >= End::Likely && t.len() >= 2);
        if !(verb_now || verb_later || title_after) {
            continue;
        }
        // 陳局長表示 is a surname and a title: coreference decides who that is.
        if a.word_ending_at(name.end, |c| matches!(c, WordClass::Title(_))).is_some_and(|(t, _)| t.start > name.start) {
            continue;
        }
        if a.has_word(name, |c| matches!(c, WordClass::Known(_) | WordClass::Boundary)) {
            continue;
        }
        found.push(name);
    }
    for name in found {
        let id = add_person(a, name);
        post_after(a, id, name.end);
    }
}

fn speech_verb_in_clause(a: &Analysis<'_>, from: usize) -> bool {
    let mut p = from;
    while p < a.chars.len() && p - from < 30 {
        let c = a.char_at(p);
        if matches!(c, '，' | '。' | '；' | '：' | '\n' | ',' | ';' | ':') {
            return false;
        }
        if a.word_starting_at(p, |c| matches!(c, WordClass::SpeechVerb(_))).is_some() {
            return true;
        }
        p += 1;
    }
    false
}

/// Adds a person mention, creating the person or joining the one with this name (a dotted name's
/// last part is its short name: 馬庫斯·韋伯 → 韋伯).
fn add_person(a: &mut Analysis<'_>, span: Span) -> EntityId {
    // A place read inside the name gives way to it.
    for (_, m) in a.entities.overlapping(span) {
        if span.contains(m) {
            a.entities.remove_mention(m);
        }
    }
    let surface = a.surface(span).to_owned();
    let id = a.entities.create(EntityKind::Person, &surface, true);
    a.entities.add_mention(id, span, &surface);
    if let Some((_, last)) = surface.rsplit_once('·') {
        if last.chars().count() >= 2 {
            a.entities.add_name(id, last, false);
        }
    }
    id
}

/// Every other occurrence of a person's names (full and short) is a mention.
fn all_occurrences(a: &mut Analysis<'_>) {
    let people: Vec<(EntityId, Vec<String>)> = a
        .entities
        .ids()
        .filter(|&id| a.entities.kind(id) == EntityKind::Person)
        .map(|id| {
            let d = a.entities.get(id);
            let names = d.full_names.keys().chain(&d.short_names).cloned().collect();
            (id, names)
        })
        .collect();
    for (id, names) in people {
        for name in names {
            let folded = crate::normalize::fold(&name);
            let n = folded.chars().count();
            if n < 2 {
                continue;
            }
            for span in a.occurrences(&folded) {
                if !a.entities.is_free(span) {
                    // A place read inside a full name gives way to it, as where the name was
                    // first found (清遠 in 皇甫清遠).
                    let inside = a.entities.overlapping(span);
                    let only_places_inside = n >= 3
                        && inside.iter().all(|&(other, m)| {
                            span.contains(m) && m != span && a.entities.kind(other) == EntityKind::Place
                        });
                    if !only_places_inside {
                        continue;
                    }
                    for (_, m) in inside {
                        a.entities.remove_mention(m);
                    }
                }
                // Not glued into a longer name: 王勇 inside 王勇強 is someone else.
                let after = a.char_at(span.end);
                if n <= 3 && is_cjk(after) && end_at(a, span.end) == End::Open {
                    continue;
                }
                let surface = a.surface(span).to_owned();
                a.entities.add_mention(id, span, &surface);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;

    /// (holder, title, organisation) of a post, by label.
    type PostLine = (String, String, Option<String>);

    fn people(text: &str) -> (Vec<String>, Vec<PostLine>) {
        let mut a = analysis_with(text, None, &[]);
        super::super::known::recognise(&mut a);
        super::super::names::recognise(&mut a);
        super::recognise(&mut a);
        let posts: Vec<PostLine> = a
            .posts
            .iter()
            .map(|p| {
                let holder = a.entities.get(p.holder).full_names.keys().next().cloned().unwrap_or_default();
                let org = p.org.map(|o| a.entities.get(o).full_names.keys().next().cloned().unwrap_or_default());
                (holder, p.title.clone(), org)
            })
            .collect();
        let (entities, _) = a.entities.finish(false);
        let names = entities.into_iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.label).collect();
        (names, posts)
    }

    #[test]
    fn title_before_name_gives_person_and_post() {
        let (names, posts) = people("發展局局長陳大文今日出席活動。");
        assert_eq!(names, vec!["陳大文"]);
        assert_eq!(posts, vec![("陳大文".into(), "局長".into(), Some("發展局".into()))]);
    }

    #[test]
    fn a_place_inside_a_full_name_gives_way_everywhere() {
        for text in [
            "外交部副部長司徒清遠出席會議。為推動合作，司徒清遠提出三點建議。",
            "外交部副部长司徒清远出席会议。为推动合作，司徒清远提出三点建议。",
        ] {
            let mut a = analysis_with(text, None, &[]);
            super::super::known::recognise(&mut a);
            super::super::names::recognise(&mut a);
            super::recognise(&mut a);
            let (entities, _) = a.entities.finish(false);
            let person = entities.iter().find(|e| e.kind == EntityKind::Person).expect("a person");
            assert_eq!(person.mentions.len(), 2, "{text}");
            assert!(entities.iter().all(|e| e.kind != EntityKind::Place), "{entities:?}");
        }
    }

    #[test]
    fn chained_titles_are_two_posts() {
        let (names, posts) = people("國家互聯網信息辦公室主任、世界互聯網大會理事長林志強出席。");
        assert_eq!(names, vec!["林志強"]);
        assert_eq!(posts.len(), 2, "{posts:?}");
        assert!(posts.iter().any(|p| p.1 == "理事長" && p.2.as_deref() == Some("世界互聯網大會")));
    }

    #[test]
    fn name_length_is_decided_by_what_follows() {
        let (names, _) = people("全國政協副主席張明等出席。財政司司長王小華，律政司司長李強表示。");
        assert_eq!(names, vec!["張明", "王小華", "李強"]);
    }

    #[test]
    fn speech_verb_after_a_name_at_clause_start() {
        let (names, _) = people("▲黃建國表示，項目進展順利。劉芳在致辭中指出，合作成果豐碩。");
        assert_eq!(names, vec!["黃建國", "劉芳"]);
    }

    #[test]
    fn common_words_before_a_speech_verb_are_not_names() {
        let (names, _) = people("有關負責人表示，同時指出，業界認為，雙方表示滿意。");
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn bylines_list_every_reporter() {
        let (names, posts) = people("新华社北京5月3日电（记者周明、沈佳）会议今日举行。");
        assert_eq!(names, vec!["周明", "沈佳"]);
        assert_eq!(posts.len(), 2);
        assert!(posts.iter().all(|p| p.2.as_deref() == Some("新华社")), "{posts:?}");
        let (_, posts) = people("本报北京5月3日电（记者周明）会议今日举行。");
        assert_eq!(posts, vec![("周明".into(), "记者".into(), None)]);
    }

    #[test]
    fn transliterated_names_and_their_short_form() {
        let (names, posts) = people("英國劍橋大學教授約翰·史密斯表示，史密斯認為前景良好。");
        assert_eq!(names, vec!["約翰·史密斯"]);
        assert!(posts.iter().any(|p| p.1 == "教授" && p.2.as_deref() == Some("劍橋大學")), "{posts:?}");
    }

    #[test]
    fn descriptor_between_organisation_and_title() {
        let (_, posts) = people("東方集團亞太區總裁陳立表示。");
        assert_eq!(posts, vec![("陳立".into(), "總裁".into(), Some("東方集團".into()))]);
    }

    #[test]
    fn second_title_shares_the_organisation() {
        let (_, posts) = people("北辰科技有限公司創始人、首席執行官方明表示。");
        assert_eq!(posts.len(), 2);
        assert!(posts.iter().all(|p| p.2.as_deref() == Some("北辰科技有限公司")), "{posts:?}");
    }

    #[test]
    fn latin_and_undotted_foreign_names_after_a_title() {
        let (names, _) = people("集團行政總裁 John Smith表示滿意。美國總統特朗普表示，關稅將調整。");
        assert_eq!(names, vec!["John Smith", "特朗普"]);
        let (names, _) = people("美国总统特朗普表示，关税将调整。");
        assert_eq!(names, vec!["特朗普"]);
    }

    #[test]
    fn titles_joined_by_jian_and_a_list_members_body() {
        let (_, posts) = people("北辰能源董事長兼總裁林立，首席財務官趙敏出席。");
        assert!(posts.iter().any(|p| p.0 == "林立" && p.1 == "總裁"), "{posts:?}");
        let (_, posts) = people("北辰能源有限公司董事長兼總裁林立、首席財務官趙敏出席。");
        assert!(posts.iter().any(|p| p.0 == "趙敏" && p.2.as_deref() == Some("北辰能源有限公司")), "{posts:?}");
        assert!(
            posts.iter().any(|p| p.0 == "林立" && p.1 == "總裁" && p.2.as_deref() == Some("北辰能源有限公司")),
            "{posts:?}"
        );
    }

    #[test]
    fn a_mayor_governs_the_place_of_the_party_committee_before() {
        let (_, posts) = people("中共成都市委副书记、市长王力出席。");
        assert!(
            posts
                .iter()
                .any(|p| p.1 == "市长" && p.2.as_deref().is_some_and(|o| o.starts_with("成都") && !o.contains('委'))),
            "{posts:?}"
        );
        assert!(posts.iter().any(|p| p.1 == "副书记" && p.2.as_deref() == Some("中共成都市委")), "{posts:?}");
    }

    #[test]
    fn an_office_belongs_to_its_government_when_mentioned() {
        let (_, posts) = people("澳門特區政府今日公布計劃。社會文化司司長梁敏出席。");
        assert_eq!(posts, vec![("梁敏".into(), "社會文化司司長".into(), Some("澳門特區政府".into()))]);
        let (_, posts) = people("社會文化司司長梁敏出席。");
        assert_eq!(posts, vec![("梁敏".into(), "社會文化司司長".into(), None)]);
    }

    #[test]
    fn a_country_in_a_descriptor_is_the_posts_body() {
        let (_, posts) = people("泰國駐華大使頌巴·猜亞蓬出席。");
        assert_eq!(posts, vec![("頌巴·猜亞蓬".into(), "大使".into(), Some("泰國".into()))]);
    }

    #[test]
    fn a_city_inside_a_given_name_is_part_of_the_name() {
        let (names, _) = people("外交部副部长皇甫清远，以及司长周文山出席。");
        assert_eq!(names, vec!["皇甫清远", "周文山"]);
    }

    #[test]
    fn dotted_theme_in_quotes_is_not_a_person() {
        let (names, _) = people("大會以「開放·共贏」為主題。");
        assert!(names.is_empty());
    }
}
