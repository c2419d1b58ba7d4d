//! The counted noun: what a figure counts or measures (tp:counts).
//!
//! Chinese writes it after the measure word, modifiers first (超過330間專注研發人工智能和大數據的
//! 初創企業 → 初創企業), or, in lists and headlines, before the number (重大項目112個, 企業數量超過
//! 4500家). Without a segmenter the phrase is anchored on a lexicon of head nouns
//! (`data/counted_nouns.tsv`): the first head after the number, joined with heads coordinated to it
//! (國家和地區, 金融機構及科技企業), keeping its modifiers but not a relative clause ending in 的.

use super::lexicon::FigureLexicon;
use crate::lexicon::WordSet;
use crate::numeral::is_numeral_char;

/// How far after the number a counted noun may start, in code points.
const AFTER_WINDOW: usize = 16;
/// How far a coordinated head may be from the previous one (和 + modifiers + head).
const COORDINATION_WINDOW: usize = 10;
/// How many modifier characters are kept before a head found left of the number.
const MODIFIERS_BEFORE: usize = 4;

/// Characters that end a noun phrase.
fn is_stop(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_digit()
        || matches!(
            c,
            '，' | '。'
                | '；'
                | '：'
                | '！'
                | '？'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '.'
                | '('
                | ')'
                | '（'
                | '）'
                | '「'
                | '」'
                | '『'
                | '』'
                | '“'
                | '”'
                | '《'
                | '》'
                | '【'
                | '】'
                | '—'
                | '…'
        )
}

/// The counted noun after byte `from` (where the number, its unit and qualifiers end): its byte range.
/// `conjunctions` join heads (國家和地區).
pub(super) fn after(folded: &str, from: usize, lex: &FigureLexicon, conjunctions: &WordSet) -> Option<(usize, usize)> {
    let region_end = folded[from..].char_indices().find(|&(_, c)| is_stop(c)).map_or(folded.len(), |(i, _)| from + i);
    let mut start = from;
    if folded[start..region_end].starts_with('的') {
        start += '的'.len_utf8();
    }
    let region = &folded[start..region_end];
    let mut phrase_start = start;
    for (seen, (i, c)) in region.char_indices().enumerate() {
        if seen >= AFTER_WINDOW {
            return None;
        }
        if c == '的' {
            // 的 before another number ends the phrase (30個國家和地區的1000多名…); before words it
            // closes a relative clause, and the head comes after it.
            phrase_start = start + i + c.len_utf8();
            continue;
        }
        if let Some((len, ())) = lex.nouns.prefix_of(&region[i..]) {
            let head_end = start + i + len;
            return Some((phrase_start, coordinated(folded, head_end, region_end, lex, conjunctions)));
        }
    }
    None
}

/// Extends a head over the heads joined to it (企業用戶, 國家和地區): the end of the last one.
fn coordinated(folded: &str, mut end: usize, limit: usize, lex: &FigureLexicon, conjunctions: &WordSet) -> usize {
    loop {
        let rest = &folded[end..limit];
        if let Some((len, ())) = lex.nouns.prefix_of(rest) {
            end += len;
            continue;
        }
        let Some(conj) = conjunctions.prefix_of(rest).or_else(|| rest.starts_with('、').then_some('、'.len_utf8()))
        else {
            return end;
        };
        let after = &rest[conj..];
        // A number in between starts another figure (1000多名代表、五千餘名嘉賓).
        let next = after
            .char_indices()
            .take(COORDINATION_WINDOW)
            .take_while(|&(_, c)| c != '的' && !is_numeral_char(c))
            .find_map(|(i, _)| lex.nouns.prefix_of(&after[i..]).map(|(len, ())| i + len));
        match next {
            Some(len) => end += conj + len,
            None => return end,
        }
    }
}

/// Whether a numeral and its unit end at byte `end` (四個月, 3年).
fn figure_ends_at(folded: &str, end: usize, lex: &FigureLexicon) -> bool {
    lex.units
        .suffix_of(&folded[..end])
        .is_some_and(|(len, _)| folded[..end - len].chars().next_back().is_some_and(is_numeral_char))
}

/// The counted noun written before byte `to` (where the figure's qualifier or number starts),
/// past words such as 數量, 已有, 達到: its byte range. `cut` tells where a boundary word ends
/// (簽約重大項目 keeps 重大項目).
pub(super) fn before(
    folded: &str,
    to: usize,
    lex: &FigureLexicon,
    cut: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let mut end = to;
    for _ in 0..3 {
        let left = folded[..end].trim_end();
        end = left.len();
        match lex.links.suffix_of(left) {
            Some((len, ())) if lex.nouns.suffix_of(left).is_none_or(|(n, ())| n < len) => end -= len,
            _ => break,
        }
    }
    let (len, ()) = lex.nouns.suffix_of(&folded[..end])?;
    let head_start = end - len;
    let mut start = head_start;
    for (taken, (i, c)) in folded[..head_start].char_indices().rev().enumerate() {
        if taken >= MODIFIERS_BEFORE || is_stop(c) || c == '的' || cut(i + c.len_utf8()) {
            break;
        }
        // 首四個月入境旅客: another figure (四個月) ends here; it is no modifier of the noun.
        if figure_ends_at(folded, i + c.len_utf8(), lex) {
            break;
        }
        start = i;
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> &'static FigureLexicon {
        &crate::Lexicons::embedded().figures
    }
    use crate::normalize::fold;

    /// The counted noun after the first occurrence of `marker` in `s`.
    fn noun_after(s: &str, marker: &str) -> Option<String> {
        let f = fold(s);
        let from = f.find(&fold(marker))? + fold(marker).len();
        let conjunctions = crate::Lexicons::embedded().words.of(crate::lexicon::Role::Conjunction);
        after(&f, from, lexicon(), conjunctions).map(|(a, b)| f[a..b].to_owned())
    }

    fn noun_before(s: &str, marker: &str) -> Option<String> {
        let f = fold(s);
        let to = f.find(&fold(marker))?;
        before(&f, to, lexicon(), |_| false).map(|(a, b)| f[a..b].to_owned())
    }

    #[test]
    fn skips_modifiers_and_relative_clauses() {
        assert_eq!(noun_after("匯聚超過80間專門製造機械人和無人機的初創企業", "80間").as_deref(), Some("初创企业"));
        assert_eq!(noun_after("吸引逾900名來自海外及本地的學界代表參與", "900名").as_deref(), Some("学界代表"));
        assert_eq!(noun_after("引进了40家重点企业落户", "40家").as_deref(), Some("重点企业"));
        assert_eq!(noun_after("已有二十多間海外企業向政府查詢", "二十多間").as_deref(), Some("海外企业"));
    }

    #[test]
    fn joins_coordinated_heads() {
        assert_eq!(noun_after("來自12個國家和地區的代表", "12個").as_deref(), Some("国家和地区"));
        assert_eq!(noun_after("逾50家金融機構及科技企業參展", "50家").as_deref(), Some("金融机构及科技企业"));
        assert_eq!(noun_after("服务超过9000家企业用户", "9000家").as_deref(), Some("企业用户"));
    }

    #[test]
    fn stops_at_another_number_and_punctuation() {
        assert_eq!(noun_after("約15個城市的3000名", "15個").as_deref(), Some("城市"));
        assert_eq!(noun_after("共有7個，分別是", "7個"), None);
        assert_eq!(noun_after("斥資3億元成立的研究所", "3億元"), None);
        assert_eq!(noun_after("帶來80億港元的投資", "80億港元").as_deref(), Some("投资"));
    }

    #[test]
    fn finds_the_noun_before_the_number() {
        assert_eq!(noun_before("現場簽約重大項目56個", "56個").as_deref(), Some("签约重大项目"));
        assert_eq!(noun_before("全国人工智能企业数量超过800家", "超过").as_deref(), Some("人工智能企业"));
        assert_eq!(noun_before("完成备案的服务已有两百余款", "两百").as_deref(), Some("服务"));
        assert_eq!(noun_before("總投資超過90億元", "超過").as_deref(), Some("总投资"));
        assert_eq!(noun_before("他表示將會增加3000個", "3000"), None);
    }
}
