//! Script normalisation: one matching key for Traditional and Simplified text.
//!
//! Matching runs on a *folded* copy of the text in which every character is replaced, one for one,
//! by its Simplified form (OpenCC's Hong Kong → Simplified character table) and full-width
//! letters and digits by ASCII. Folding character by character keeps the code-point count, so an
//! offset found in the folded text is an offset in the text as written; phrase-level conversion
//! (which may change length: 「乾貨」, 「計程車」) is used only to produce the other script's label.
//!
//! Lexicons are folded the same way when they load, so one lexicon line serves both scripts.

use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// The block of CJK characters the fold table covers densely (Extension A through the URO).
const TABLE_START: u32 = 0x3400;
const TABLE_END: u32 = 0xA000;

/// Character → folded character for `TABLE_START..TABLE_END`; other characters fold by rule.
static FOLD_TABLE: LazyLock<Vec<char>> = LazyLock::new(build_fold_table);

static TO_SIMPLIFIED: LazyLock<Option<OpenCC>> = LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).ok());
static TO_TRADITIONAL: LazyLock<Option<OpenCC>> = LazyLock::new(|| OpenCC::from_config(BuiltinConfig::S2t).ok());

/// The characters of the table's block that OpenCC's Hong Kong → Simplified conversion changes,
/// one `character<TAB>folded` a line, precomputed from OpenCC: converting all 27,000 characters
/// at start-up took 114 M instructions, a quarter of `tupu extract`'s start-up on one article.
/// The unit test `fold_table_is_opencc_hk2s` recomputes it from the linked OpenCC and fails when
/// the file differs (`TUPU_WRITE_FOLD_TABLE=1` rewrites it).
const FOLD_PAIRS: &str = include_str!("../data/fold/hk2s.tsv");

fn build_fold_table() -> Vec<char> {
    let mut table: Vec<char> = (TABLE_START..TABLE_END).map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
    for line in FOLD_PAIRS.lines().filter(|l| !l.starts_with('#')) {
        let mut chars = line.chars();
        if let (Some(from), Some('\t'), Some(to), None) = (chars.next(), chars.next(), chars.next(), chars.next())
            && let Some(slot) = table.get_mut((from as u32).wrapping_sub(TABLE_START) as usize)
        {
            *slot = to;
        }
    }
    table
}

/// Folds one character to its matching key: Simplified form, ASCII for full-width forms.
#[must_use]
pub fn fold_char(c: char) -> char {
    fold_with(&FOLD_TABLE, c)
}

/// A folding function with the table looked up once (for folding whole texts).
pub(crate) fn folder() -> impl Fn(char) -> char {
    let table: &'static [char] = &FOLD_TABLE;
    move |c| fold_with(table, c)
}

#[inline]
fn fold_with(table: &[char], c: char) -> char {
    let u = c as u32;
    if (TABLE_START..TABLE_END).contains(&u) {
        return table[(u - TABLE_START) as usize];
    }
    match u {
        // Full-width digits, letters, %, +, -, . (as used in numbers such as １２．５％).
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF05 | 0xFF0B | 0xFF0D | 0xFF0E => {
            char::from_u32(u - 0xFEE0).unwrap_or(c)
        }
        // Ideographic space and no-break space behave as spaces.
        0x3000 | 0x00A0 => ' ',
        // Middle dots used in transliterated names: one form.
        0x30FB | 0x2027 | 0xFF65 | 0x2022 | 0x2219 => '·',
        _ => c,
    }
}

/// Folds a string character by character (same number of code points).
#[must_use]
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

thread_local! {
    /// Names converted before, per direction: news repeats its names across articles, and a
    /// phrase conversion costs far more than a lookup.
    static CONVERTED: std::cell::RefCell<[std::collections::HashMap<String, String>; 2]> =
        std::cell::RefCell::new([std::collections::HashMap::new(), std::collections::HashMap::new()]);
}

/// Most names a thread remembers per direction before it starts afresh.
const CACHE_LIMIT: usize = 100_000;

fn converted(direction: usize, s: &str, convert: impl FnOnce(&str) -> String) -> String {
    CONVERTED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(hit) = cache[direction].get(s) {
            return hit.clone();
        }
        let out = convert(s);
        if cache[direction].len() >= CACHE_LIMIT {
            cache[direction].clear();
        }
        cache[direction].insert(s.to_owned(), out.clone());
        out
    })
}

/// The Simplified form of a name (phrase-level conversion; may change length).
#[must_use]
pub fn to_simplified(s: &str) -> String {
    // Nothing to convert when every character is already in its folded (Simplified) form.
    if s.chars().all(|c| fold_char(c) == c) {
        return s.to_owned();
    }
    converted(0, s, |s| TO_SIMPLIFIED.as_ref().map_or_else(|| fold(s), |c| c.convert(s)))
}

/// The Traditional form of a name (phrase-level conversion; may change length).
#[must_use]
pub fn to_traditional(s: &str) -> String {
    converted(1, s, |s| TO_TRADITIONAL.as_ref().map_or_else(|| s.to_owned(), |c| c.convert(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_to_simplified_one_for_one() {
        assert_eq!(fold("國家發展和改革委員會"), "国家发展和改革委员会");
        assert_eq!(fold("国家发展和改革委员会"), "国家发展和改革委员会");
        let t = "灣仔會議展覽中心";
        assert_eq!(fold(t).chars().count(), t.chars().count());
    }

    #[test]
    fn folds_full_width_digits_and_percent() {
        assert_eq!(fold("１２．５％"), "12.5%");
        assert_eq!(fold("ＡＩ研究"), "AI研究");
    }

    /// The fold table as OpenCC computes it: every character of the block converted on a line of
    /// its own (phrases never span a line break, so each converts alone).
    fn opencc_fold_table() -> Vec<char> {
        let identity: Vec<char> = (TABLE_START..TABLE_END).map(|c| char::from_u32(c).unwrap_or('\u{FFFD}')).collect();
        let converter = OpenCC::from_config(BuiltinConfig::Hk2s).unwrap();
        let joined: String = identity.iter().flat_map(|&c| [c, '\n']).collect();
        let converted = converter.convert(&joined);
        let lines: Vec<&str> = converted.split('\n').collect();
        assert_eq!(lines.len(), identity.len() + 1, "a line of the conversion split or merged");
        let mut table = identity;
        for (slot, line) in table.iter_mut().zip(lines) {
            let mut chars = line.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                *slot = c;
            }
        }
        table
    }

    #[test]
    fn fold_table_is_opencc_hk2s() {
        let expected = opencc_fold_table();
        if std::env::var_os("TUPU_WRITE_FOLD_TABLE").is_some() {
            let mut out = String::from(
                "# OpenCC's Hong Kong → Simplified conversion (HKVariants reversed, then TSCharacters) of\n\
                 # each character of U+3400..U+9FFF that it changes, as converted on its own. Generated by\n\
                 # TUPU_WRITE_FOLD_TABLE=1 cargo test -p tupu_extract --lib normalize; do not edit.\n\
                 # columns: character\tfolded\n",
            );
            for (u, &to) in (TABLE_START..).zip(&expected) {
                let from = char::from_u32(u).unwrap_or('\u{FFFD}');
                if from != to {
                    out.push_str(&format!("{from}\t{to}\n"));
                }
            }
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/data/fold/hk2s.tsv"), out).unwrap();
        }
        assert!(
            build_fold_table() == expected,
            "data/fold/hk2s.tsv differs from OpenCC's table: rewrite it with TUPU_WRITE_FOLD_TABLE=1"
        );
    }

    #[test]
    fn converts_names_between_scripts() {
        assert_eq!(to_simplified("財政司司長"), "财政司司长");
        assert_eq!(to_traditional("财政司司长"), "財政司司長");
    }
}
