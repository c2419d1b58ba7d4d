//! People and their posts, found by pattern (never from a list of people).
//!
//! - **Title before name**: 「發展局局長陳大文出席」 → 陳大文, post 局長 of 發展局. Titles chain with
//!   、 (「X局主任、Y會理事長陳大文」: two posts); a title after the name (陳大文教授) is a post too.
//! - **Name before a speech verb** at the start of a clause: 「▲陳大文表示，…」, 「陳大文在致辭中指出」.
//! - **Bylines**: 記者陳大文、李小明; **photo credits** closing a caption: 「…合照。陳大文攝」.
//! - **Transliterated names** with a middle dot (約翰·史密斯), whose last part is their short name.
//!
//! A Chinese name is a surname from `surnames.tsv` and one or two more characters; which length
//! is decided by what follows (punctuation, a speech verb, a title, 等 end a name firmly).
//! Every later occurrence of a name found this way is a mention of the same person.
//!
//! The modules: [`read`] (reading a name), [`titled`] (titles before names, bylines), [`posts`]
//! (the posts and their bodies), [`speakers`] (names before speech verbs, dotted names).

use crate::analysis::Analysis;
use crate::boundary::{End, end_at};
use crate::model::{EntityId, EntityKind};
use crate::span::Span;
use crate::text::is_cjk;

mod posts;
mod read;
mod speakers;
mod titled;

pub(in crate::recognize) use read::{only_places_inside, opens_with_a_time_word, surname_alone_before_predicate};

pub(crate) use posts::aside_holds_a_post;
pub(crate) use titled::{inside_longer_title, is_photo_credit};

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    titled::titled(a);
    speakers::dotted(a);
    speakers::glossed(a);
    speakers::speakers(a);
    titled::photo_credits(a);
    all_occurrences(a);
    posts::appointed(a);
}

/// The posts of every person, once all the people are found: titles before and after each
/// mention, whichever rule found the person (a speech verb, the name tagger), then the
/// governments of offices written without a body; and posts in a parenthesis after a name.
pub(crate) fn posts(a: &mut Analysis<'_>) {
    titled::titles_at_every_mention(a);
    posts::posts_in_parentheses(a);
    posts::titles_shared_by_a_list(a);
    posts::offices_of_governments(a);
    posts::judges_in_their_court(a);
}

/// People named only by a surname and a single-character verb or function word, where the article
/// names someone with that surname in full ([`read::surname_alone_before_predicate`]): the surname
/// alone stands for that person and the character opens the predicate (「陳續稱」). Run once all
/// the people are found, since the full name may be found after the short reading (by the tagger).
pub(crate) fn drop_surname_alone_people(a: &mut Analysis<'_>) {
    let people: Vec<EntityId> = a.entities.ids().filter(|&id| a.entities.kind(id) == EntityKind::Person).collect();
    for id in people {
        let mentions = a.entities.get(id).mentions.clone();
        if !mentions.is_empty() && mentions.iter().all(|&m| read::surname_alone_before_predicate(a, m)) {
            for m in mentions {
                a.entities.remove_mention(m);
            }
        }
    }
}

/// Two people whose names differ by one last character (周其 and 周其強, 陳官 and 陳官續) are
/// one name read two ways where it runs on into the text: either the longer reading is the name
/// (the shorter was cut before its last character: 「總監周其強交代」 read 周其) or the shorter is
/// (the longer took the next word's first character: 「陳官續指」 read 陳官續). On the open corpus
/// 102 of 2,721 articles have such a pair, each time one of the two readings wrong. The text
/// decides: the shorter reading is the name when it also stands alone more often than the longer
/// occurs, or as often when the extra character is a frequent one-character verb or function
/// word of the general lexicon (續, 更, 以); otherwise the longer is — always when the shorter never
/// stands alone. The wrong reading's mentions become the right one's.
pub(crate) fn settle_readings_one_character_apart(a: &mut Analysis<'_>) {
    let people: Vec<(EntityId, Vec<char>)> = a
        .entities
        .ids()
        .filter(|&id| a.entities.kind(id) == EntityKind::Person && !a.entities.get(id).mentions.is_empty())
        .flat_map(|id| {
            let d = a.entities.get(id);
            d.full_names
                .keys()
                .map(move |n| (id, crate::normalize::fold(n).chars().collect::<Vec<char>>()))
                .collect::<Vec<_>>()
        })
        .filter(|(_, n)| n.len() >= 2 && n.iter().all(|&c| is_cjk(c)))
        .collect();
    for (short, s) in &people {
        for (long, l) in &people {
            if short == long || l.len() != s.len() + 1 || !l.starts_with(s) {
                continue;
            }
            let extra = l[s.len()];
            let short_name: String = s.iter().collect();
            let alone = a.occurrences(&short_name).into_iter().filter(|o| a.char_at(o.end) != extra).count();
            let longer = a.occurrences(&l.iter().collect::<String>()).len();
            let short_is_right = alone > 0 && (alone > longer || (alone == longer && one_character_predicate(extra)));
            if short_is_right {
                move_mentions(a, *long, *short, |m| Span::new(m.start, m.end - 1));
            } else {
                move_mentions(a, *short, *long, |m| Span::new(m.start, m.end + 1));
            }
        }
    }
}

/// Whether `c` alone is a frequent verb, adverb or function word of the general lexicon (續, 更,
/// 以, 就), the way [`read::surname_alone_before_predicate`] reads it.
fn one_character_predicate(c: char) -> bool {
    crate::lexicon::general::GeneralLexicon::embedded()
        .get(&c.to_string())
        .is_some_and(|e| read::is_single_predicate(&e))
}

/// Moves the mentions of `from` whose text, reshaped by `reshape`, reads as a name of `to` to `to`;
/// the posts of `from` go with them.
fn move_mentions(a: &mut Analysis<'_>, from: EntityId, to: EntityId, reshape: impl Fn(Span) -> Span) {
    let names: Vec<String> = a.entities.get(to).full_names.keys().map(|n| crate::normalize::fold(n)).collect();
    let mentions: Vec<Span> = a.entities.get(from).mentions.iter().copied().collect();
    let mut moved = false;
    for m in mentions {
        let span = reshape(m);
        if span.end > a.chars.len() || !names.iter().any(|n| n.as_str() == a.folded(span)) {
            continue;
        }
        a.entities.remove_mention(m);
        if a.entities.is_free(span) {
            let surface = a.surface(span).to_owned();
            a.entities.add_mention(to, span, &surface);
            moved = true;
        }
    }
    if moved {
        for p in a.posts.iter_mut().filter(|p| p.holder == from) {
            p.holder = to;
        }
    }
}

/// Whether a (folded) name is four characters opening with two single surnames that are no
/// compound surname together: a Hong Kong married woman's name, her husband's surname before
/// her own (林陳美娟; not 歐陽美娟).
pub(crate) fn opens_with_two_surnames(a: &Analysis<'_>, name: &[char]) -> bool {
    let is_surname = |c: &[char]| a.lex.is_surname(&c.iter().collect::<String>());
    name.len() == 4 && is_surname(&name[..1]) && is_surname(&name[1..2]) && !is_surname(&name[..2])
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
        super::posts(&mut a);
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
            super::posts(&mut a);
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

    /// Professions, disciplined-service ranks, company posts and former posts written before a
    /// name are posts (titles.tsv, title_modifiers.tsv); a surname that is also an adverb or
    /// preposition before a verb or pronoun after such a title is no name.
    #[test]
    fn professions_ranks_and_former_posts_before_a_name() {
        for (text, holder, title) in [
            ("專欄作家馮子謙表示反對。", "馮子謙", "專欄作家"),
            ("专栏作家冯子谦表示反对。", "冯子谦", "专栏作家"),
            ("高級消防隊長梁家明表示。", "梁家明", "高級消防隊長"),
            ("高级消防队长梁家明表示。", "梁家明", "高级消防队长"),
            ("偵緝警員趙志遠表示。", "趙志遠", "偵緝警員"),
            ("侦缉警员赵志远表示。", "赵志远", "侦缉警员"),
            ("獨立非執董李文傑表示。", "李文傑", "獨立非執董"),
            ("独立非执董李文杰表示。", "李文杰", "独立非执董"),
            ("北辰商會前會長蘇啟明表示。", "蘇啟明", "前會長"),
            ("北辰商会前会长苏启明表示。", "苏启明", "前会长"),
        ] {
            let (names, posts) = people(text);
            assert_eq!(names, vec![holder.to_owned()], "{text}");
            assert!(posts.iter().any(|p| p.0 == holder && p.1.ends_with(title)), "{text}: {posts:?}");
        }
        for text in ["作家曾表示不滿。", "作家曾表示不满。", "藝術家向他們致謝。", "艺术家向他们致谢。"]
        {
            let (names, _) = people(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn name_length_is_decided_by_what_follows() {
        let (names, _) = people("全國政協副主席張明等出席。財政司司長王小華，律政司司長李強表示。");
        assert_eq!(names, vec!["張明", "王小華", "李強"]);
    }

    #[test]
    fn a_given_name_ending_in_a_rare_character_is_read_whole() {
        // 鋐 folds to a Simplified form of CJK extension E, 騉 to one of extension C: still
        // ideographs, so the name is not cut before them.
        for (text, name) in [
            ("律師陳志鋐表示，案件押後。", "陳志鋐"),
            ("律师陈志\u{2CB4E}表示，案件押后。", "陈志\u{2CB4E}"),
            ("大律師何文騉求情時說。", "何文騉"),
            ("大律师何文\u{2B625}求情时说。", "何文\u{2B625}"),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, vec![name.to_owned()], "{text}");
        }
    }

    #[test]
    fn the_surname_alone_for_a_person_named_in_full_is_no_new_person() {
        for (text, expected) in [
            ("警長陳志明到場。陳續稱，現場混亂。陳再指，無人受傷。", "陳志明"),
            ("警长陈志明到场。陈续称，现场混乱。陈再指，无人受伤。", "陈志明"),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, vec![expected.to_owned()], "{text}");
        }
        // A surname and a word of address name a person: 陳太 is Mrs Chan (太 is an adverb too).
        for (text, expected) in [
            ("警長陳志明到場。陳太表示，無人受傷。", ["陳志明", "陳太"]),
            ("警长陈志明到场。陈太表示，无人受伤。", ["陈志明", "陈太"]),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, expected.map(str::to_owned).to_vec(), "{text}");
        }
        // Without a person of that surname named in full, a two-character name stays one.
        for (text, expected) in [
            ("警長陳志明到場。李再指，無人受傷。", ["陳志明", "李再"]),
            ("警长陈志明到场。李再指，无人受伤。", ["陈志明", "李再"]),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, expected.map(str::to_owned).to_vec(), "{text}");
        }
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
    fn a_surname_and_a_character_that_make_a_clause_word_are_no_name() {
        // 包, 曾, 查 are surnames; 包括, 曾經, 查詢 are words however firmly they end.
        for (text, word) in [
            ("目前三名資深理事包括：陳大文。", "包括"),
            ("目前三名资深理事包括：陈大文。", "包括"),
            ("會長曾經表示支持。", "曾經"),
            ("会长曾经表示支持。", "曾经"),
        ] {
            let (names, _) = people(text);
            assert!(!names.iter().any(|n| n == word), "{text}: {names:?}");
        }
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
    fn a_bylines_source_after_a_headline_or_before_a_space_is_the_reporters_organisation() {
        for text in [
            "兩地簽署合作協議新華社北京5月3日電 (記者周明)兩地今日簽署協議。",
            "两地签署合作协议新华社北京5月3日电 (记者周明)两地今日签署协议。",
            "【新華社上海5月3日專電】（記者周明）兩地今日簽署協議。",
            "【新华社上海5月3日专电】（记者周明）两地今日签署协议。",
            "新華網北京5月3日消息（記者周明）兩地今日簽署協議。",
            "新华网北京5月3日消息（记者周明）两地今日签署协议。",
            "兩地簽署合作協議新華社北京5月3日電 (記者 周明)兩地今日簽署協議。",
            "两地签署合作协议新华社北京5月3日电 (记者 周明)两地今日签署协议。",
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts.len(), 1, "{text}: {posts:?}");
            assert!(posts[0].2.as_deref().is_some_and(|o| o.starts_with("新")), "{text}: {posts:?}");
        }
        // A source that no recogniser names lends no organisation; nor does a name with a comma
        // between it and the closing word.
        for text in [
            "本報訊（記者周明）兩地今日簽署協議。",
            "新華社報道，北京5月3日電（記者周明）兩地簽署協議。",
            "北辰基金今日發行本報訊（記者周明）基金今日發行。",
            "北辰基金今日发行本报讯（记者周明）基金今日发行。",
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts.len(), 1, "{text}: {posts:?}");
            assert_eq!(posts[0].2, None, "{text}: {posts:?}");
        }
    }

    #[test]
    fn a_byline_apart_from_its_title_lists_its_reporters() {
        for (text, expected) in [
            ("本報記者 周明 發自北京\n會議今日舉行。", vec!["周明"]),
            ("本报记者 周明 发自北京\n会议今日举行。", vec!["周明"]),
            ("會議今日舉行。（記者：周明、沈佳）", vec!["周明", "沈佳"]),
            ("会议今日举行。（记者：周明、沈佳）", vec!["周明", "沈佳"]),
            ("市場昨日回穩。（記者：譚明輝 陸佳 馮一凡）", vec!["譚明輝", "陸佳", "馮一凡"]),
            ("市场昨日回稳。（记者：谭明辉 陆佳 冯一凡）", vec!["谭明辉", "陆佳", "冯一凡"]),
        ] {
            let (mut names, posts) = people(text);
            names.sort();
            let mut expected: Vec<String> = expected.into_iter().map(String::from).collect();
            expected.sort();
            assert_eq!(names, expected, "{text}");
            assert_eq!(posts.len(), expected.len(), "{text}: {posts:?}");
        }
        // A colon after 記者 opening a quotation names no one.
        let (names, _) = people("他反問記者：「你覺得呢？」");
        assert!(names.is_empty(), "{names:?}");
    }

    /// The people left when the article has both readings of a name, as (name, mentions).
    fn settled(text: &str, readings: &[&str]) -> Vec<(String, usize)> {
        let names: Vec<(&str, EntityKind)> = readings.iter().map(|n| (*n, EntityKind::Person)).collect();
        let mut a = analysis_with(text, None, &names);
        super::settle_readings_one_character_apart(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().filter(|e| e.kind == EntityKind::Person).map(|e| (e.label, e.mentions.len())).collect()
    }

    #[test]
    fn two_readings_one_character_apart_are_one_name() {
        // The shorter stands alone: the longer took a verb (續).
        for text in [
            "陳官表示反對。陳官續指，方案不可行。陳官又說會上訴。",
            "陈官表示反对。陈官续指，方案不可行。陈官又说会上诉。",
        ] {
            let people = settled(text, &["陳官續", "陳官"]);
            assert_eq!(people.len(), 1, "{text}: {people:?}");
            assert_eq!(people[0].1, 3, "{text}: {people:?}");
        }
        // The shorter never stands alone: it was the longer cut short.
        for text in ["總監周其強交代事件。周其強表示會跟進。", "总监周其强交代事件。周其强表示会跟进。"]
        {
            let people = settled(text, &["周其", "周其強"]);
            assert_eq!(people.len(), 1, "{text}: {people:?}");
            assert_eq!(people[0].0.chars().count(), 3, "{text}: {people:?}");
            assert_eq!(people[0].1, 2, "{text}: {people:?}");
        }
    }

    #[test]
    fn a_photographers_credit_closing_a_caption_is_a_person() {
        for (text, name) in [
            ("兩位嘉賓在會場合照。區志明攝\n會議今日舉行。", "區志明"),
            ("两位嘉宾在会场合照。区志明摄 \n会议今日举行。", "区志明"),
            ("示威者在場外聚集。\n林勵明攝", "林勵明"),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, vec![name], "{text}");
        }
        // Not at the end of its line, or no surname, or a longer run: no credit.
        for text in ["區志明攝於會場，照片今日展出。", "記者在場外偷攝\n會議今日舉行。", "他們在會場拍攝\n"]
        {
            let (names, _) = people(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn transliterated_names_and_their_short_form() {
        let (names, posts) = people("英國劍橋大學教授約翰·史密斯表示，史密斯認為前景良好。");
        assert_eq!(names, vec!["約翰·史密斯"]);
        assert!(posts.iter().any(|p| p.1 == "教授" && p.2.as_deref() == Some("劍橋大學")), "{posts:?}");
    }

    /// The first part of a dotted name is the run of transliteration characters before the dot,
    /// not the words before it.
    #[test]
    fn a_dotted_name_starts_at_its_transliteration() {
        for (text, name) in [
            ("獲獎的學生維克多·史密斯昨日回校。", "維克多·史密斯"),
            ("获奖的学生维克多·史密斯昨日回校。", "维克多·史密斯"),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, vec![name], "{text}");
        }
    }

    #[test]
    fn descriptor_between_organisation_and_title() {
        // The region is the post's: 亞太區總裁 of 東方集團 (see also the next test).
        let (_, posts) = people("東方集團亞太區總裁陳立表示。");
        assert_eq!(posts, vec![("陳立".into(), "亞太區總裁".into(), Some("東方集團".into()))]);
    }

    #[test]
    fn a_body_and_title_in_a_parenthesis_after_a_name_is_a_post() {
        for (text, expected) in [
            (
                "陳大文表示，計劃順利。李明指出，成效理想。陳大文（發展局局長）與李明（北辰大學教授）一同出席。",
                [("陳大文", "局長", "發展局"), ("李明", "教授", "北辰大學")],
            ),
            (
                "陈大文表示，计划顺利。李明指出，成效理想。陈大文（发展局局长）与李明（北辰大学教授）一同出席。",
                [("陈大文", "局长", "发展局"), ("李明", "教授", "北辰大学")],
            ),
        ] {
            let (_, posts) = people(text);
            let expected: Vec<PostLine> =
                expected.iter().map(|(h, t, o)| (h.to_string(), t.to_string(), Some(o.to_string()))).collect();
            assert_eq!(posts, expected, "{text}");
        }
        // A table's cell: a space before the brackets and inside them; a whole office without a body.
        for (text, name, title) in [
            ("陳大文表示，計劃順利。\n| 陳大文 （ 行政長官 ） | 30 |", "陳大文", "行政長官"),
            ("陈大文表示，计划顺利。\n| 陈大文 （ 行政长官 ） | 30 |", "陈大文", "行政长官"),
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts, vec![(name.to_owned(), title.to_owned(), None)], "{text}");
        }
        // Several parts, one an age; a 時任 before the body.
        for (text, org) in [
            ("陳大文表示，計劃順利。陳大文（52歲，時任發展局局長）出席。", "發展局"),
            ("陈大文表示，计划顺利。陈大文（52岁，时任发展局局长）出席。", "发展局"),
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts.len(), 1, "{text}: {posts:?}");
            assert_eq!(posts[0].2.as_deref(), Some(org), "{text}: {posts:?}");
        }
        // A caption's place, an age, a party alone, a bare title: no post.
        for text in [
            "陳大文表示，計劃順利。陳大文（左一）出席。",
            "陳大文表示，計劃順利。陳大文（52歲）出席。",
            "陳大文表示，計劃順利。陳大文（民建聯）出席。",
            "陈大文表示，计划顺利。陈大文（主席）出席。",
            "陈大文表示，计划顺利。陈大文（左二）出席。",
        ] {
            let (_, posts) = people(text);
            assert!(posts.is_empty(), "{text}: {posts:?}");
        }
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
    fn a_functional_constituency_seat_is_in_the_legislature_not_a_listed_partys() {
        let (_, posts) = people("立法會今日開會。民主黨胡大明及法律界議員盧小文先後發言。");
        assert!(posts.contains(&("盧小文".into(), "法律界議員".into(), Some("立法會".into()))), "{posts:?}");
        let (_, posts) = people("立法会今日开会。民主党胡大明及法律界议员卢小文先后发言。");
        assert!(posts.contains(&("卢小文".into(), "法律界议员".into(), Some("立法会".into()))), "{posts:?}");
    }

    #[test]
    fn a_conjunction_inside_a_descriptor_keeps_the_body() {
        let (_, posts) = people("醫管局質素及安全總監林小文表示，情況穩定。");
        assert_eq!(posts, vec![("林小文".into(), "總監".into(), Some("醫管局".into()))]);
        let (_, posts) = people("医管局质素及安全总监林小文表示，情况稳定。");
        assert_eq!(posts, vec![("林小文".into(), "总监".into(), Some("医管局".into()))]);
    }

    #[test]
    fn a_magistrate_without_a_court_sits_in_the_court_named_before() {
        let (_, posts) = people("案件今日在九龍城裁判法院提堂。裁判官李小文批准押後。");
        assert_eq!(posts, vec![("李小文".into(), "裁判官".into(), Some("九龍城裁判法院".into()))]);
        let (_, posts) = people("案件今日在九龙城裁判法院提堂。裁判官李小文批准押后。");
        assert_eq!(posts, vec![("李小文".into(), "裁判官".into(), Some("九龙城裁判法院".into()))]);
    }

    #[test]
    fn a_bench_sits_only_in_a_court_of_its_kind() {
        // The magistrate heard the case before it went up: the High Court named last is not hers.
        let (_, posts) = people("案件早前在觀塘裁判法院審理，其後轉介高等法院。裁判官何小文當時批准保釋。");
        assert_eq!(posts, vec![("何小文".into(), "裁判官".into(), Some("觀塘裁判法院".into()))]);
        let (_, posts) = people("案件早前在观塘裁判法院审理，其后转介高等法院。裁判官何小文当时批准保释。");
        assert_eq!(posts, vec![("何小文".into(), "裁判官".into(), Some("观塘裁判法院".into()))]);
        // A magistrate is not seated in the one higher court the report names; a 法官 may be
        // a magistrate as reports write it, and keeps the magistracy.
        let (_, posts) = people("上訴早前由高等法院駁回。裁判官周大明今日判處社會服務令。");
        assert_eq!(posts, vec![("周大明".into(), "裁判官".into(), None)]);
        let (_, posts) = people("上诉早前由高等法院驳回。裁判官周大明今日判处社会服务令。");
        assert_eq!(posts, vec![("周大明".into(), "裁判官".into(), None)]);
        let (_, posts) = people("被告早前在沙田裁判法院提堂。法官周大明今日判處社會服務令。");
        assert_eq!(posts, vec![("周大明".into(), "法官".into(), Some("沙田裁判法院".into()))]);
        let (_, posts) = people("被告早前在沙田裁判法院提堂。法官周大明今日判处社会服务令。");
        assert_eq!(posts, vec![("周大明".into(), "法官".into(), Some("沙田裁判法院".into()))]);
    }

    #[test]
    fn an_office_belongs_to_its_government_when_mentioned() {
        let (_, posts) = people("澳門特區政府今日公布計劃。行政長官梁敏出席。");
        assert_eq!(posts, vec![("梁敏".into(), "行政長官".into(), Some("澳門特區政府".into()))]);
        let (_, posts) = people("行政長官梁敏出席。");
        assert_eq!(posts, vec![("梁敏".into(), "行政長官".into(), None)]);
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
    fn a_sub_body_between_chained_titles_continues_the_chain() {
        for (text, body, second) in [
            ("北辰市委常委、政法委書記王志強表示，工作取得進展。", "北辰市委", "政法委書記"),
            ("北辰市委常委、政法委书记王志强表示，工作取得进展。", "北辰市委", "政法委书记"),
        ] {
            let mut a = analysis_with(text, None, &[("北辰市委", EntityKind::Organization)]);
            super::super::known::recognise(&mut a);
            super::super::names::recognise(&mut a);
            super::recognise(&mut a);
            super::posts(&mut a);
            let posts: Vec<(String, Option<String>)> = a
                .posts
                .iter()
                .map(|p| {
                    (
                        p.title.clone(),
                        p.org.map(|o| a.entities.get(o).full_names.keys().next().cloned().unwrap_or_default()),
                    )
                })
                .collect();
            assert!(posts.contains(&("常委".into(), Some(body.into()))), "{posts:?}");
            assert!(posts.contains(&(second.into(), Some(body.into()))), "{posts:?}");
        }
        // 前 is no unit of 全國政協: the office keeps its own government.
        for (text, gov, vice) in [
            ("香港特區政府今日公布計劃。全國政協副主席、前特首梁大文出席。", "香港特區政府", "全國政協"),
            ("香港特区政府今日公布计划。全国政协副主席、前特首梁大文出席。", "香港特区政府", "全国政协"),
        ] {
            let (_, posts) = people(text);
            assert!(posts.iter().any(|p| p.1.ends_with("特首") && p.2.as_deref() == Some(gov)), "{posts:?}");
            assert!(posts.iter().any(|p| p.1 == "副主席" && p.2.as_deref() == Some(vice)), "{posts:?}");
        }
        // No title before: the descriptor stays out of the title.
        let (_, posts) = people("全新書記王志強表示滿意。");
        assert!(posts.iter().all(|p| p.1 == "書記"), "{posts:?}");
    }

    #[test]
    fn a_title_after_a_conjunction_in_a_list_is_in_the_body_before() {
        let (_, posts) = people("北辰集團總經理黃志強及黨委書記張明出席。");
        assert!(posts.iter().any(|p| p.0 == "張明" && p.2.as_deref() == Some("北辰集團")), "{posts:?}");
        let (_, posts) = people("北辰集团总经理黄志强及党委书记张明出席。");
        assert!(posts.iter().any(|p| p.0 == "张明" && p.2.as_deref() == Some("北辰集团")), "{posts:?}");
    }

    #[test]
    fn an_office_that_names_its_government_is_a_post_in_it() {
        let (_, posts) = people("國務院副總理王小明今早發表演講。");
        assert_eq!(posts, vec![("王小明".into(), "副總理".into(), Some("國務院".into()))]);
        let (_, posts) = people("国务院副总理王小明今早发表演讲。");
        assert_eq!(posts, vec![("王小明".into(), "副总理".into(), Some("国务院".into()))]);
    }

    /// An office opened by the name of the department it heads is a post in that department,
    /// and keeps its whole title.
    #[test]
    fn an_office_that_names_its_department_is_a_post_in_it() {
        let (_, posts) = people("律政司司長李強出席。");
        assert_eq!(posts, vec![("李強".into(), "律政司司長".into(), Some("律政司".into()))]);
        let (_, posts) = people("律政司司长李强出席。");
        assert_eq!(posts, vec![("李强".into(), "律政司司长".into(), Some("律政司".into()))]);
    }

    /// 前 and 候任 before a title or its body make a former or future post; a chain of titles
    /// runs on past them and past 現任.
    #[test]
    fn a_former_or_future_post_keeps_its_tense() {
        for (text, holder, title, org) in [
            ("前高級副總裁黃大文表示不知情。", "黃大文", "前高級副總裁", None),
            ("前高级副总裁黄大文表示不知情。", "黄大文", "前高级副总裁", None),
            ("前立法會議員任大文表示支持。", "任大文", "前議員", Some("立法會")),
            ("前立法会议员任大文表示支持。", "任大文", "前议员", Some("立法会")),
            ("候任特首林大文表示支持。", "林大文", "候任特首", None),
            ("候任行政长官林大文表示支持。", "林大文", "候任行政长官", None),
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts, vec![(holder.into(), title.into(), org.map(Into::into))], "{text}");
        }
        for text in ["前職工盟主席、現任清潔工會會長黃大文表示支持。", "前职工盟主席、现任清洁工会会长黄大文表示支持。"]
        {
            let (_, posts) = people(text);
            assert_eq!(posts.len(), 2, "{text}: {posts:?}");
            assert!(posts.iter().any(|p| p.1 == "前主席"), "{posts:?}");
        }
    }

    #[test]
    fn a_date_after_a_titled_name_ends_it() {
        let (names, posts) = people("特首陳大文12日出席行政會議。");
        assert_eq!(names, vec!["陳大文"]);
        assert_eq!(posts.len(), 1);
        let (names, _) = people("特首陈大文12日出席行政会议。");
        assert_eq!(names, vec!["陈大文"]);
    }

    #[test]
    fn then_serving_is_not_part_of_the_body() {
        let (_, posts) = people("2018年，時任中聯辦主任李明出席午宴。");
        assert_eq!(posts, vec![("李明".into(), "主任".into(), Some("中聯辦".into()))]);
        let (_, posts) = people("2018年，时任中联办主任李明出席午宴。");
        assert_eq!(posts, vec![("李明".into(), "主任".into(), Some("中联办".into()))]);
    }

    #[test]
    fn an_appointment_past_adverbs_and_a_date_is_a_post() {
        for (text, org) in [
            ("發展局局長陳大文表示滿意。李志明將於2025年1月正式出任北辰集團主席。", "北辰集團"),
            ("发展局局长陈大文表示满意。李志明将于2025年1月正式出任北辰集团主席。", "北辰集团"),
        ] {
            let (_, posts) = people(text);
            assert!(posts.iter().any(|p| p.0 == "李志明" && p.1 == "主席" && p.2.as_deref() == Some(org)), "{posts:?}");
        }
    }

    #[test]
    fn the_successor_takes_the_post_not_the_predecessor() {
        for (text, successor, predecessor, title) in [
            ("總經理陳大文表示，副總經理黃志強將接替陳大文出任總經理。", "黃志強", "陳大文", "總經理"),
            ("总经理陈大文表示，副总经理黄志强将接替陈大文出任总经理。", "黄志强", "陈大文", "总经理"),
        ] {
            let (_, posts) = people(text);
            assert!(posts.iter().any(|p| p.0 == successor && p.1 == title), "{posts:?}");
            assert_eq!(posts.iter().filter(|p| p.0 == predecessor).count(), 1, "{posts:?}");
        }
    }

    #[test]
    fn a_word_before_an_appointing_verb_is_no_name() {
        for text in [
            "公務員（包括出任工會成員的公務員）須守規則。盛傳將出任委員會主席的人士未有回應。",
            "公务员（包括出任工会成员的公务员）须守规则。盛传将出任委员会主席的人士未有回应。",
        ] {
            let (names, _) = people(text);
            assert!(names.is_empty(), "{names:?}");
        }
    }

    #[test]
    fn an_appointing_verb_without_a_title_after_it_gives_no_post() {
        for text in ["局長陳大文表示，李明將擔任是次活動的嘉賓。", "局长陈大文表示，李明将担任是次活动的嘉宾。"]
        {
            let (_, posts) = people(text);
            assert!(posts.iter().all(|p| p.0 != "李明"), "{posts:?}");
        }
    }

    #[test]
    fn a_title_before_a_name_found_by_the_tagger_is_a_post() {
        // The rules cannot read four characters after a title as one name; the tagger finds
        // them, and the title before is still the post.
        for (text, name) in [
            ("特首陳李慧明在會上致辭。陳李慧明表示，經濟向好。", "陳李慧明"),
            ("特首陈李慧明在会上致辞。陈李慧明表示，经济向好。", "陈李慧明"),
        ] {
            let mut a = analysis_with(text, None, &[]);
            super::super::known::recognise(&mut a);
            super::super::names::recognise(&mut a);
            super::recognise(&mut a);
            super::super::tagged_people::recognise(&mut a);
            assert!(a.posts.is_empty(), "{text}: the rules alone");
            super::posts(&mut a);
            let posts: Vec<(String, String)> = a
                .posts
                .iter()
                .map(|p| {
                    (a.entities.get(p.holder).full_names.keys().next().cloned().unwrap_or_default(), p.title.clone())
                })
                .collect();
            assert_eq!(posts, vec![(name.to_owned(), "特首".to_owned())], "{text}");
        }
    }

    #[test]
    fn a_title_joined_to_the_name_by_de_is_a_post() {
        for (text, name, title, org) in [
            ("黃志強表示，業績理想。時任北辰集團總經理的黃志強曾推動改革。", "黃志強", "總經理", "北辰集團"),
            ("黄志强表示，业绩理想。时任北辰集团总经理的黄志强曾推动改革。", "黄志强", "总经理", "北辰集团"),
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts, vec![(name.into(), title.into(), Some(org.into()))], "{text}");
        }
        // 的 before something else than a name, or no title before 的: no post.
        for text in ["黃志強表示，業績理想。總經理的辦公室在三樓。", "黃志強表示，業績理想。公司的黃志強曾推動改革。"]
        {
            let (_, posts) = people(text);
            assert!(posts.is_empty(), "{text}: {posts:?}");
        }
    }

    #[test]
    fn a_unit_fused_with_a_title_is_part_of_it() {
        // No body before the title: the unit nouns are the title's (外交部長, not 部長).
        for (text, name, title) in [
            ("北辰國外交部長龐巴頓抵港。外交部長黃志強出席。", "黃志強", "外交部長"),
            ("北辰国外交部长庞巴顿抵港。外交部长黄志强出席。", "黄志强", "外交部长"),
            ("會上，刑事檢控專員黃志強發言。", "黃志強", "刑事檢控專員"),
            ("会上，刑事检控专员黄志强发言。", "黄志强", "刑事检控专员"),
        ] {
            let (_, posts) = people(text);
            assert!(posts.iter().any(|p| p.0 == name && p.1 == title && p.2.is_none()), "{text}: {posts:?}");
        }
        // A pronoun, verb or office before the title is no unit.
        for (text, name, title) in [
            ("本報記者黃志強報道。", "黃志強", "記者"),
            ("本报记者黄志强报道。", "黄志强", "记者"),
            ("退休法官黃志強出席。", "黃志強", "法官"),
            ("退休法官黄志强出席。", "黄志强", "法官"),
            ("議員要求調查特首黃志強。", "黃志強", "特首"),
            ("议员要求调查特首黄志强。", "黄志强", "特首"),
            ("本館館長黃志強昨日宣布新計劃。", "黃志強", "館長"),
            ("该馆馆长黄志强昨日宣布新计划。", "黄志强", "馆长"),
        ] {
            let (_, posts) = people(text);
            assert!(posts.iter().any(|p| p.0 == name && p.1 == title), "{text}: {posts:?}");
        }
    }

    #[test]
    fn the_descriptor_between_a_body_and_its_title_is_part_of_the_title() {
        for (text, title, org) in [
            ("北辰集團亞太區總裁黃志強表示，業績理想。", "亞太區總裁", "北辰集團"),
            ("北辰集团亚太区总裁黄志强表示，业绩理想。", "亚太区总裁", "北辰集团"),
            ("北辰集團公共事務總監黃志強表示，業績理想。", "公共事務總監", "北辰集團"),
            ("北辰集团公共事务总监黄志强表示，业绩理想。", "公共事务总监", "北辰集团"),
        ] {
            let (_, posts) = people(text);
            assert!(posts.iter().any(|p| p.1 == title && p.2.as_deref() == Some(org)), "{text}: {posts:?}");
        }
    }

    #[test]
    fn an_appointing_verb_is_no_sub_body_of_a_chain() {
        for text in
            ["李明表示滿意。資深記者、後來擔任副局長的李明出席。", "李明表示满意。资深记者、后来担任副局长的李明出席。"]
        {
            let (_, posts) = people(text);
            assert!(posts.iter().all(|p| p.1.chars().count() <= 3), "{text}: {posts:?}");
        }
    }

    #[test]
    fn a_credit_joined_before_a_title_is_not_its_body() {
        for (text, country) in [
            ("標題\n\n一名官員在會場外，向記者揮手。美聯社\n\n美國總統龐巴頓在白宮講述計劃。", "美國"),
            ("标题\n\n一名官员在会场外，向记者挥手。美联社\n\n美国总统庞巴顿在白宫讲述计划。", "美国"),
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts.len(), 1, "{posts:?}");
            assert_eq!(posts[0].2.as_deref(), Some(country), "{text}");
        }
    }

    #[test]
    fn a_head_written_on_its_bodys_last_character_is_a_post_in_that_body() {
        for (text, name, title, body) in [
            ("教育局長陳大文今日出席活動。", "陳大文", "局長", "教育局"),
            ("教育局长陈大文今日出席活动。", "陈大文", "局长", "教育局"),
            ("深圳市長王小明表示，工程順利。", "王小明", "市長", "深圳市"),
            ("深圳市长王小明表示，工程顺利。", "王小明", "市长", "深圳市"),
            ("法援署長李強表示，申請增加。", "李強", "署長", "法援署"),
            // A ministry after a country is that country's: the country stays the body, the
            // ministry's unit stays in the title.
            ("南韓外交部長金明浩表示，會研究。", "金明浩", "外交部長", "南韓"),
            ("南韩外交部长金明浩表示，会研究。", "金明浩", "外交部长", "南韩"),
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts, vec![(name.into(), title.into(), Some(body.into()))], "{text}");
        }
        // An appointment to a contracted title.
        let (_, posts) = people("李志明將出任教育局長。");
        assert_eq!(posts, vec![("李志明".into(), "局長".into(), Some("教育局".into()))]);
        // A title that is no head of a body (記者) does not keep a name it crosses.
        let (names, posts) = people("局長陳大文表示，他和記者會面。");
        assert_eq!(names, vec!["陳大文"]);
        assert_eq!(posts, vec![("陳大文".into(), "局長".into(), None)]);
    }

    #[test]
    fn a_publication_in_title_marks_is_the_body_of_the_title_after_it() {
        for (text, name, title, paper) in [
            ("《明報》總編輯陳大文表示，報紙會繼續出版。", "陳大文", "總編輯", "明報"),
            ("《明报》总编辑陈大文表示，报纸会继续出版。", "陈大文", "总编辑", "明报"),
        ] {
            let (_, posts) = people(text);
            assert_eq!(posts, vec![(name.into(), title.into(), Some(paper.into()))], "{text}");
        }
        // A document in the marks is no body.
        let (_, posts) = people("《北辰條例》委員李強表示，條文清晰。");
        assert!(posts.iter().all(|p| p.2.as_deref() != Some("北辰條例")), "{posts:?}");
    }

    #[test]
    fn a_transliteration_after_a_title_ends_before_an_ordinary_word() {
        for (text, name) in [
            ("美國總統德拉米爾再次表示，關稅將調整。", "德拉米爾"),
            ("美国总统德拉米尔再次表示，关税将调整。", "德拉米尔"),
            ("英國首相韋斯頓周一簽署文件。", "韋斯頓"),
            ("英国首相韦斯顿周一签署文件。", "韦斯顿"),
            ("北辰國總統阿卡維斯在會上發言。", "阿卡維斯"),
            ("北辰国总统阿卡维斯在会上发言。", "阿卡维斯"),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, vec![name], "{text}");
        }
        // An ordinary word after the title is no name, though its characters transliterate.
        for text in ["局長依然迴避問題。", "局长依然回避问题。", "議員多達百人。", "议员多达百人。"]
        {
            let (names, _) = people(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn a_chinese_reading_inside_a_transliteration_gives_way_to_it() {
        for (text, name) in
            [("司法部副部長羅維斯坦，以及兩名官員。", "羅維斯坦"), ("司法部副部长罗维斯坦，以及两名官员。", "罗维斯坦")]
        {
            let (names, _) = people(text);
            assert_eq!(names, vec![name], "{text}");
        }
    }

    #[test]
    fn a_weekday_after_a_title_is_no_name() {
        for text in ["美國總統周四表示，關稅將調整。", "美国总统周四表示，关税将调整。", "財政司司長周五見傳媒。"]
        {
            let (names, _) = people(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn a_transliteration_glossed_with_a_latin_name_is_a_person() {
        for (text, name) in [
            ("英國學者韋斯頓（Peter Weston）指出，市場疲弱。", "韋斯頓"),
            ("英国学者韦斯顿（Peter Weston）指出，市场疲弱。", "韦斯顿"),
            ("球隊中堅卡羅維（Mark A. Carlow）受傷。", "卡羅維"),
            ("球队中坚卡罗维(Mark A. Carlow)受伤。", "卡罗维"),
            ("改由保羅韋斯頓（Paul Weston）上陣。", "保羅韋斯頓"),
            ("改由保罗韦斯顿（Paul Weston）上阵。", "保罗韦斯顿"),
        ] {
            let (names, _) = people(text);
            assert_eq!(names, vec![name], "{text}");
        }
        // A single word or an acronym in the brackets, or no transliteration before: no person.
        for text in ["英國學者韋斯頓（Weston）指出。", "該組織（WHO Europe）指出。", "英國大學（Peter Weston）指出。"]
        {
            let (names, _) = people(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn dotted_theme_in_quotes_is_not_a_person() {
        let (names, _) = people("大會以「開放·共贏」為主題。");
        assert!(names.is_empty());
    }
}
