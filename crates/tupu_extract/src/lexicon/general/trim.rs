//! Trimming a candidate name's start to a word boundary. The recogniser of names by ending uses
//! [`trim_name_start`] (policy [`RestRule::MustName`], without descriptors) as its rule «a word
//! that cannot begin a name» (`recognize/names/start.rs`) and [`fused_ending`] as its rejection
//! «two places fused at the ending» (`recognize/names/ending.rs`); `examples/trim_survey.rs`
//! measures what they do to the names tupu finds.
//!
//! A name found by its ending runs left until something stops it; with 181 listed words, a verb,
//! adverb or descriptor before the name is swallowed (发挥X集团, 减少医保基金, 一方面X,
//! 金融科技企业X有限公司). Segmented with the general lexicon, the stem shows its first word's
//! part of speech, and a leading word that cannot begin a name goes while two characters stay
//! before the ending. Two policies for what must stay ([`RestRule`]): any stem, or only a stem
//! that names something on its own — at least one word that is not a common word (a proper
//! name, an abbreviation, a character the dictionary lacks), so that 创新科技署 keeps 创新 (科技
//! alone is a common noun) but 要求医管局 keeps 要求 too (医管 is two common characters).

use super::segment::Segment;
use super::{GeneralLexicon, PartOfSpeech};
use crate::span::Span;

/// Fewest characters a trimmed name keeps before its ending.
const MIN_STEM: usize = 2;

/// What must stay of a candidate after its leading words go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestRule {
    /// Two characters or more before the ending.
    AnyStem,
    /// Two characters or more before the ending, one of its words not a common word.
    MustName,
}

/// Why the start of a candidate moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrimReason {
    /// A word of this category cannot begin a name (发挥 verb, 一方面 quantity, 也 adverb).
    CannotBegin(PartOfSpeech),
    /// Common words ending in a type noun describe the name that follows (金融科技企业 + X有限公司).
    Descriptor,
}

/// A candidate after trimming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameTrim {
    /// The name that stays.
    pub span: Span,
    /// What was dropped from its start, in text order.
    pub dropped: Vec<(Span, TrimReason)>,
}

/// Trims the start of the candidate name `span` of `chars` (folded characters) whose last
/// `ending` characters are its name ending (集团, 有限公司): drops leading words that cannot begin
/// a name, then a descriptor of common words ending in a type noun (`is_type_noun`: 企业, 公司,
/// 机构 — the caller's list of organisation words). A descriptor goes only before a stem that
/// names something on its own, whatever `rest`.
#[must_use]
pub fn trim_name_start(
    lex: &GeneralLexicon,
    chars: &[char],
    span: Span,
    ending: usize,
    rest: RestRule,
    is_type_noun: impl Fn(&str) -> bool,
) -> NameTrim {
    let mut trim = NameTrim { span, dropped: Vec::new() };
    let stem_end = span.end.saturating_sub(ending).max(span.start);
    if stem_end - span.start <= MIN_STEM {
        return trim;
    }
    // Most candidates open with words that can begin a name and are too short for a descriptor
    // (two characters, a type noun, a name of two): one walk from the start decides them
    // without segmenting the stem.
    let opens_badly =
        lex.words_starting_at(chars, span.start).any(|w| w.span.end <= stem_end && !w.entry.pos.can_begin_name());
    if !opens_badly && stem_end - span.start < 2 * MIN_STEM + 2 {
        return trim;
    }
    let segments = lex.segment(chars, Span::new(span.start, stem_end));
    let mut first = 0;
    // Leading words that cannot begin a name.
    while let Some(pos) = segments.get(first).and_then(|s| s.entry).map(|e| e.pos) {
        let after = &segments[first + 1..];
        let stays = match rest {
            RestRule::AnyStem => after.iter().map(|s| s.span.len()).sum::<usize>() >= MIN_STEM,
            RestRule::MustName => names_on_its_own(after),
        };
        if pos.can_begin_name() || !stays {
            break;
        }
        // One character that is a verb, measure word or pronoun by itself is as often the first
        // character of a name (申万, 安永, 修咸顿, 张X中学, 何X公司): it goes only before a
        // proper name the dictionary knows (遭 | 立法会, 任 | 哈佛大学). A one-character verb
        // after a dropped word goes too (不 | 愿 | 接受); a measure word or pronoun never does
        // (接任 | 张X中学: 张 is a surname).
        let one_character_name = segments[first].span.len() == 1
            && match pos {
                PartOfSpeech::Verb => first == 0,
                PartOfSpeech::Measure | PartOfSpeech::Pronoun => true,
                _ => false,
            };
        // Nor does it hold when the next word cannot begin a name either: two such words in a
        // row open a clause (带 | 返 | 秀茂坪警署, 入 | 读 | 港大医学院).
        if one_character_name
            && !segments.get(first + 1).is_some_and(is_known_proper_name)
            && !opens_a_clause(&segments[first..])
        {
            break;
        }
        trim.dropped.push((segments[first].span, TrimReason::CannotBegin(pos)));
        first += 1;
    }
    // A descriptor: common words up to a type noun, then a name of its own.
    let left = &segments[first..];
    let descriptor_end = (0..left.len()).rev().find(|&k| {
        let word: String = chars[left[k].span.start..left[k].span.end].iter().collect();
        is_type_noun(&word) && left[..=k].iter().all(is_common) && names_on_its_own(&left[k + 1..])
    });
    if let Some(k) = descriptor_end {
        trim.dropped.push((Span::new(left[0].span.start, left[k].span.end), TrimReason::Descriptor));
        first += k + 1;
    }
    if let Some(s) = segments.get(first) {
        trim.span.start = s.span.start;
    }
    trim
}

/// Two names fused at the ending. When the candidate's stem is a proper name that
/// carries an ending of its own (`is_ending`: 黄石市 ends with 市) and a common word joins that
/// ending to the candidate's (市县), the candidate is the name and a word of ordinary text (黄石市 +
/// 市县两级): the name is the stem. Only for a one-character ending: 金门县政府 and 沙田区议会
/// are names whatever 县政府 and 区议会 are. 香港特别行政区 stays whole (香港特别行政 is no
/// name), and so does 卢湾区 (卢湾 has no ending of its own, 湾区 notwithstanding).
#[must_use]
pub fn fused_ending(
    lex: &GeneralLexicon,
    chars: &[char],
    span: Span,
    ending: usize,
    is_ending: impl Fn(&str) -> bool,
) -> Option<Span> {
    let stem = Span::new(span.start, span.end.checked_sub(ending)?);
    if ending != 1 || stem.len() <= MIN_STEM {
        return None;
    }
    let own_ending: String = chars[stem.end - 1..stem.end].iter().collect();
    let stem_is_name = lex.word_at(chars, stem).is_some_and(|e| e.pos.is_proper_name());
    let joined = lex.word_at(chars, Span::new(stem.end - 1, span.end)).is_some_and(|e| !e.pos.is_proper_name());
    (is_ending(&own_ending) && stem_is_name && joined).then_some(stem)
}

/// Whether the words of a stem name something by themselves: two characters or more, and one of
/// them not a common word (a proper name, an abbreviation, Latin letters, a character the
/// dictionary lacks): 创新科技 does not, 北辰科技 does.
#[must_use]
pub fn names_on_its_own(stem: &[Segment]) -> bool {
    let chars: usize = stem.iter().map(|s| s.span.len()).sum();
    chars >= MIN_STEM && stem.iter().any(|s| !is_common(s))
}

/// Whether the words open a clause: the first two cannot begin a name and one of them is a
/// function word (an adverb, preposition, particle, pronoun or conjunction): 我 | 见, 再 | 叫,
/// 送 | 至, 做 | 过, 辞 | 任. Two verbs or a measure word do not: one-character verbs and
/// measure words stand at the start of transliterated and shop names (通乾, 戴蒙德, 天治), and
/// so do two-character verbs (大成优选).
#[must_use]
pub fn opens_a_clause(segments: &[Segment]) -> bool {
    let [first, second, ..] = segments else { return false };
    let pos = |s: &Segment| s.entry.map(|e| e.pos);
    let cannot_begin = |s: &Segment| pos(s).is_some_and(|p| !p.can_begin_name());
    cannot_begin(first)
        && cannot_begin(second)
        && pos(first) != Some(PartOfSpeech::Measure)
        && [first, second].iter().any(|s| pos(s).is_some_and(PartOfSpeech::is_function_word))
}

/// Whether a segment is a proper name or abbreviation of two characters or more.
fn is_known_proper_name(segment: &Segment) -> bool {
    segment.span.len() >= 2
        && segment.entry.is_some_and(|e| e.pos.is_proper_name() || e.pos == PartOfSpeech::Abbreviation)
}

/// Whether a word is an ordinary word of the language (not a proper name, an abbreviation, or
/// a character the dictionary lacks).
fn is_common(segment: &Segment) -> bool {
    segment.entry.is_some_and(|e| {
        !e.pos.is_proper_name()
            && !matches!(e.pos, PartOfSpeech::Abbreviation | PartOfSpeech::Morpheme | PartOfSpeech::Other)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::chars;
    use super::*;

    const TYPE_NOUNS: &[&str] = &["企业", "公司", "机构", "集团", "银行"];

    /// Trims the candidate that ends `text` (its last `ending` characters are the ending); returns
    /// the name that stays and the categories dropped.
    fn trimmed(text: &str, from: usize, ending: usize) -> (String, Vec<TrimReason>) {
        trimmed_with(RestRule::MustName, text, from, ending)
    }

    fn trimmed_with(rest: RestRule, text: &str, from: usize, ending: usize) -> (String, Vec<TrimReason>) {
        let chars = chars(text);
        let lex = GeneralLexicon::embedded();
        let span = Span::new(from, chars.len());
        let trim = trim_name_start(lex, &chars, span, ending, rest, |w| TYPE_NOUNS.contains(&w));
        let name = text.chars().skip(trim.span.start).collect();
        (name, trim.dropped.iter().map(|(_, r)| *r).collect())
    }

    /// Trims the same candidate written in both scripts: `[Simplified, Traditional]`.
    fn assert_trims(texts: [&str; 2], from: usize, ending: usize, names: [&str; 2], reasons: &[TrimReason]) {
        for (text, name) in texts.into_iter().zip(names) {
            assert_eq!(trimmed(text, from, ending), (name.to_owned(), reasons.to_vec()), "{text}");
        }
    }

    #[test]
    fn a_verb_before_a_company_is_dropped() {
        let verb = TrimReason::CannotBegin(PartOfSpeech::Verb);
        assert_trims(["要充分发挥华润集团", "要充分發揮華潤集團"], 3, 2, ["华润集团", "華潤集團"], &[verb]);
    }

    #[test]
    fn an_adverb_and_a_verb_before_a_fund_are_dropped() {
        // 将 | 大幅 | 减少: two adverbs and a verb.
        let adverb = TrimReason::CannotBegin(PartOfSpeech::Adverb);
        let verb = TrimReason::CannotBegin(PartOfSpeech::Verb);
        let texts = ["今年将大幅减少医保基金", "今年將大幅減少醫保基金"];
        assert_trims(texts, 2, 2, ["医保基金", "醫保基金"], &[adverb, adverb, verb]);
    }

    #[test]
    fn a_function_word_and_a_verb_before_a_name_are_dropped() {
        // 我 | 见, 做 | 过, 送 | 至: a pronoun, particle or preposition beside a one-character verb
        // opens a clause; both go.
        let pronoun = TrimReason::CannotBegin(PartOfSpeech::Pronoun);
        let verb = TrimReason::CannotBegin(PartOfSpeech::Verb);
        let particle = TrimReason::CannotBegin(PartOfSpeech::Particle);
        let preposition = TrimReason::CannotBegin(PartOfSpeech::Preposition);
        assert_trims(["我见东山公司", "我見東山公司"], 0, 2, ["东山公司", "東山公司"], &[pronoun, verb]);
        assert_trims(["做过东山公司", "做過東山公司"], 0, 2, ["东山公司", "東山公司"], &[verb, particle]);
        assert_trims(["送至东山医院", "送至東山醫院"], 0, 2, ["东山医院", "東山醫院"], &[verb, preposition]);
        // Two one-character verbs may be the start of a name: nothing goes.
        assert_eq!(trimmed("带返东山警署", 0, 2), ("带返东山警署".to_owned(), vec![]));
        assert_eq!(trimmed("帶返東山警署", 0, 2), ("帶返東山警署".to_owned(), vec![]));
    }

    #[test]
    fn a_quantity_opening_a_clause_is_dropped() {
        let quantity = TrimReason::CannotBegin(PartOfSpeech::Quantity);
        assert_trims(["一方面中信集团", "一方面中信集團"], 0, 2, ["中信集团", "中信集團"], &[quantity]);
    }

    #[test]
    fn a_descriptor_before_a_registered_company_is_dropped() {
        let texts = ["金融科技企业瑞丰达有限公司", "金融科技企業瑞豐達有限公司"];
        assert_trims(texts, 0, 4, ["瑞丰达有限公司", "瑞豐達有限公司"], &[TrimReason::Descriptor]);
    }

    #[test]
    fn names_that_open_with_a_verbal_noun_or_a_place_stay_whole() {
        // 创新 is a verb, but 科技 alone is a common noun: no name of its own, nothing dropped.
        assert_eq!(trimmed("創新科技署", 0, 1), ("創新科技署".to_owned(), vec![]));
        assert_eq!(trimmed("投资推广署", 0, 1), ("投资推广署".to_owned(), vec![]));
        assert_eq!(trimmed("中國建設銀行", 0, 2), ("中國建設銀行".to_owned(), vec![]));
        // 中国 is a place: the descriptor needs common words only.
        assert_eq!(trimmed("中国科技企业瑞丰达有限公司", 0, 4), ("中国科技企业瑞丰达有限公司".to_owned(), vec![]));
        // Too short to trim.
        assert_eq!(trimmed("发挥集团", 0, 2), ("发挥集团".to_owned(), vec![]));
    }

    #[test]
    fn any_stem_drops_a_verb_before_common_words_too() {
        let verb = vec![TrimReason::CannotBegin(PartOfSpeech::Verb)];
        assert_eq!(trimmed("要求醫管局", 0, 1), ("要求醫管局".to_owned(), vec![]));
        assert_eq!(trimmed_with(RestRule::AnyStem, "要求醫管局", 0, 1), ("醫管局".to_owned(), verb.clone()));
        assert_eq!(trimmed_with(RestRule::AnyStem, "要求医管局", 0, 1), ("医管局".to_owned(), verb.clone()));
        // …and so cuts a known name that opens with a verb: the recogniser never trims those.
        assert_eq!(trimmed_with(RestRule::AnyStem, "创新科技署", 0, 1), ("科技署".to_owned(), verb));
    }

    #[test]
    fn two_places_fused_at_the_ending_part_at_the_stem() {
        let lex = GeneralLexicon::embedded();
        let is_ending = |w: &str| ["市", "县", "区", "省"].contains(&w);
        for text in ["黄石市县两级", "黃石市縣兩級"] {
            let chars = chars(text);
            assert_eq!(fused_ending(lex, &chars, Span::new(0, 4), 1, is_ending), Some(Span::new(0, 3)), "{text}");
        }
        for text in ["香港特别行政区", "香港特別行政區"] {
            let chars = chars(text);
            assert_eq!(fused_ending(lex, &chars, Span::new(0, 7), 1, is_ending), None, "{text}");
        }
        // 县政府 is a word, but 政府 is an ending of two characters: the county's government.
        let government = chars("金門縣政府");
        assert_eq!(fused_ending(lex, &government, Span::new(0, 5), 2, |w| w == "县" || w == "政府"), None);
        // 湾区 is a word, but 卢湾 carries no ending of its own.
        let chars = chars("卢湾区");
        assert_eq!(fused_ending(lex, &chars, Span::new(0, 3), 1, is_ending), None);
    }

    #[test]
    fn one_character_goes_only_before_a_known_proper_name() {
        // 安 is a verb, but 安X会计师事务所 is a firm's name: nothing the dictionary knows follows.
        assert_eq!(trimmed("安永达会计师事务所", 0, 5), ("安永达会计师事务所".to_owned(), vec![]));
        assert_eq!(trimmed("安永達會計師事務所", 0, 5), ("安永達會計師事務所".to_owned(), vec![]));
        // 遭 before 立法会 goes.
        let verb = vec![TrimReason::CannotBegin(PartOfSpeech::Verb)];
        assert_eq!(trimmed("遭立法会财经事务委员会", 0, 3), ("立法会财经事务委员会".to_owned(), verb.clone()));
        assert_eq!(trimmed("遭立法會財經事務委員會", 0, 3), ("立法會財經事務委員會".to_owned(), verb));
    }
}
