//! Fund houses' short names: 北辰 of the lexicon's fund house 北辰基金管理有限公司 (alias 北辰基金),
//! the brand that opens the names of its funds (北辰成長, 北辰穩健精選;
//! `recognize::names::funds`). Read from the lexicon's fund houses (class `fund-house` of
//! `organisations.tsv`): each alias stripped of its brand ending (北辰基金 → 北辰), or an alias
//! without one as written (北辰). One home for each house: no separate list of short names.

use crate::lexicon::words::{CharSet, FunctionWords, Role, WordMap};
use crate::lexicon::{KnownClass, KnownEntity};
use crate::normalize::fold;

/// The short names of the fund houses, each with its lexicon entry.
#[derive(Debug, Default)]
pub(crate) struct FundBrands {
    brands: WordMap<usize>,
    /// First characters of the brands (most positions of a text are passed over at once).
    first: CharSet,
}

impl FundBrands {
    /// The brands of every fund house among `known`.
    pub(crate) fn build(known: &[KnownEntity], words: &FunctionWords) -> Self {
        let mut out = Self::default();
        let endings = words.of(Role::BrandEnding);
        for (i, k) in known.iter().enumerate().filter(|(_, k)| k.class == KnownClass::FundHouse) {
            for alias in &k.aliases {
                let folded = fold(alias);
                let brand = endings.suffix_of(&folded).map_or(folded.as_str(), |len| &folded[..folded.len() - len]);
                if brand.chars().count() >= 2 {
                    out.brands.insert(brand, i);
                    if let Some(c) = brand.chars().next() {
                        out.first.insert(c);
                    }
                }
            }
        }
        out
    }

    /// The longest brand `folded` starts with: its length in bytes and the house's lexicon entry.
    pub(crate) fn prefix_of(&self, folded: &str) -> Option<(usize, usize)> {
        if !self.first.contains(folded.chars().next()?) {
            return None;
        }
        self.brands.prefix_of(folded).map(|(len, &entry)| (len, entry))
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicons;

    #[test]
    fn brands_are_the_fund_houses_aliases_without_their_ending() {
        let lex = Lexicons::embedded();
        let (len, entry) = lex.fund_brands.prefix_of("博时主题").expect("a house's alias is its brand");
        assert_eq!(len, "博时".len());
        assert!(lex.known[entry].name.starts_with("博時基金"));
        // 華夏基金 → 華夏, in either script.
        assert!(lex.fund_brands.prefix_of(&crate::normalize::fold("華夏大盤")).is_some());
        assert!(lex.fund_brands.prefix_of("华夏大盘").is_some());
        // A company that is no fund house has no brand here.
        assert!(lex.fund_brands.prefix_of(&crate::normalize::fold("友邦保險")).is_none());
    }
}
