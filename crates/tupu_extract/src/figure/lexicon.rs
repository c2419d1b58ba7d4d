//! The figure stage's lexicons (`data/measure_words.tsv`, `currencies.tsv`, …), a part of
//! [`crate::Lexicons`].
//!
//! Every word is folded when it loads ([`crate::normalize::fold`]), so one line serves Traditional
//! and Simplified text alike; lookups run on the folded analysis view without allocating.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::{KnownClass, LexiconError, Row, Sources, WordMap};
use crate::model::Qualifier;
use crate::normalize::fold;

/// What a number followed by a measure word or unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitClass {
    /// A measure word: the figure counts things (84間).
    Count,
    /// A unit of measurement (50公頃, 280EFLOPS).
    Measure,
    /// A unit of time: the figure is a duration (3年, 兩日).
    Duration,
    /// Counts nothing by itself; an ordinal after 第 or 首 (第四期, 首站).
    OrdinalOnly,
    /// The number and this word are no figure (80年代, 9時).
    Skip,
}

/// A measure word or unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub(crate) class: UnitClass,
    /// 首 + this word is an ordinal (首批, 首位).
    pub(crate) first: bool,
    /// The word is itself what is counted (120萬人).
    pub(crate) noun: bool,
    /// For a unit of time, its `xsd:duration` designator code (`Y`, `D`, `H`, `MIN`…).
    pub(crate) xsd: Option<String>,
}

/// What a currency word stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CurrencyCode {
    /// The article's own currency (a bare 元).
    Local,
    /// An ISO 4217 code.
    Iso(String),
}

/// A currency name or sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CurrencyWord {
    pub(crate) code: CurrencyCode,
    /// Written before the number (人民幣3.6億元, HK$10億).
    pub(crate) before: bool,
    /// Written after the number (500億港元).
    pub(crate) after: bool,
}

/// How a referring word finds its entity (see `data/about_references.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reference {
    /// The entity with this folded name (我國 → 中国).
    Name(String),
    /// The nearest known place of this lexicon class before it (全省 → a province).
    Class(KnownClass),
    /// The nearest entity before it whose name ends in the word; `event`: else the main event.
    Ending { event: bool },
}

/// A word at the start of a clause that is not its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    /// Passed over to find the subject (其中, 目前).
    Skip,
    /// Opens a prepositional phrase: the clause's first name is not its subject (在, 根據).
    Preposition,
}

/// Every figure lexicon, parsed and folded.
#[derive(Debug)]
pub(crate) struct FigureLexicon {
    /// Measure words and units.
    pub(crate) units: WordMap<Unit>,
    /// Currency names and signs.
    pub(crate) currencies: WordMap<CurrencyWord>,
    /// Qualifiers written before the number.
    pub(crate) qualifiers_before: WordMap<Qualifier>,
    /// Qualifiers written after the number or its measure word.
    pub(crate) qualifiers_after: WordMap<Qualifier>,
    /// Words that end like a qualifier but are none (簽約, 最近).
    pub(crate) not_qualifiers: WordMap<()>,
    /// Idioms and names with numerals that are no figures.
    pub(crate) non_figures: Option<AhoCorasick>,
    /// Head nouns of counted things.
    pub(crate) nouns: WordMap<()>,
    /// Words that may stand between a number and its qualifier or noun.
    pub(crate) links: WordMap<()>,
    /// Words that refer to an entity without naming it.
    pub(crate) references: WordMap<Reference>,
    /// Words at a clause start that are not its subject.
    pub(crate) openers: WordMap<Opener>,
    /// Nouns and verbs of attending an event (嘉賓, 吸引).
    pub(crate) attendance: WordMap<()>,
}

impl FigureLexicon {
    /// Parses its files.
    ///
    /// # Errors
    /// A malformed line, an unknown class or qualifier, or a word listed twice.
    pub(crate) fn load(sources: &Sources) -> Result<Self, LexiconError> {
        let mut lex = Self {
            units: WordMap::default(),
            currencies: WordMap::default(),
            qualifiers_before: WordMap::default(),
            qualifiers_after: WordMap::default(),
            not_qualifiers: WordMap::default(),
            non_figures: None,
            nouns: WordMap::default(),
            links: WordMap::default(),
            references: WordMap::default(),
            openers: WordMap::default(),
            attendance: WordMap::default(),
        };
        let file = "measure_words.tsv";
        for row in sources.rows(file, 2)? {
            let class = row.one_of(
                1,
                "class",
                &[
                    ("count", UnitClass::Count),
                    ("measure", UnitClass::Measure),
                    ("duration", UnitClass::Duration),
                    ("ordinal-only", UnitClass::OrdinalOnly),
                    ("skip", UnitClass::Skip),
                ],
            )?;
            if class == UnitClass::Duration && duration_designator(row.get(2)).is_none() {
                return Err(row.error(format!("unknown xsd designator '{}'", row.get(2))));
            }
            let flags = row.list(3);
            let unit = Unit {
                class,
                first: flags.contains(&"first"),
                noun: flags.contains(&"noun"),
                xsd: (class == UnitClass::Duration).then(|| row.get(2).to_owned()),
            };
            unique(&row, lex.units.insert(row.get(0), unit))?;
        }
        let file = "currencies.tsv";
        for row in sources.rows(file, 3)? {
            let code = match row.get(1) {
                "local" => CurrencyCode::Local,
                iso if iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_uppercase()) => {
                    CurrencyCode::Iso(iso.to_owned())
                }
                other => return Err(row.error(format!("'{other}' is neither `local` nor an ISO 4217 code"))),
            };
            let (before, after) = row.one_of(
                2,
                "position",
                &[("before", (true, false)), ("after", (false, true)), ("both", (true, true))],
            )?;
            unique(&row, lex.currencies.insert(row.get(0), CurrencyWord { code, before, after }))?;
        }
        let file = "qualifiers.tsv";
        for row in sources.rows(file, 3)? {
            if row.get(2) == "not" {
                let fresh = lex.not_qualifiers.insert(row.get(0), ());
                unique(&row, fresh)?;
                continue;
            }
            let q = Qualifier::from_name(row.get(1))
                .ok_or_else(|| row.error(format!("unknown qualifier '{}'", row.get(1))))?;
            let fresh = if row.one_of(2, "position", &[("before", true), ("after", false)])? {
                lex.qualifiers_before.insert(row.get(0), q)
            } else {
                lex.qualifiers_after.insert(row.get(0), q)
            };
            unique(&row, fresh)?;
        }
        let file = "non_figures.tsv";
        let mut idioms = Vec::new();
        for row in sources.rows(file, 1)? {
            let word = fold(row.get(0));
            if idioms.contains(&word) {
                return Err(row.error(format!("'{}' is listed twice", row.get(0))));
            }
            idioms.push(word);
        }
        lex.non_figures = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&idioms).ok();
        for (file, map) in [
            ("counted_nouns.tsv", &mut lex.nouns),
            ("number_links.tsv", &mut lex.links),
            ("attendance.tsv", &mut lex.attendance),
        ] {
            for row in sources.rows(file, 1)? {
                unique(&row, map.insert(row.get(0), ()))?;
            }
        }
        let file = "about_references.tsv";
        for row in sources.rows(file, 2)? {
            let reference = match row.get(1) {
                "name" if !row.get(2).is_empty() => Reference::Name(fold(row.get(2))),
                "class" if !row.get(2).is_empty() => Reference::Class(
                    KnownClass::from_name(row.get(2))
                        .ok_or_else(|| row.error(format!("unknown class '{}'", row.get(2))))?,
                ),
                "ending" => Reference::Ending { event: row.get(2) == "event" },
                other => return Err(row.error(format!("'{other}' needs a target, or is not name, class or ending"))),
            };
            unique(&row, lex.references.insert(row.get(0), reference))?;
        }
        let file = "clause_openers.tsv";
        for row in sources.rows(file, 2)? {
            let opener = row.one_of(1, "role", &[("skip", Opener::Skip), ("preposition", Opener::Preposition)])?;
            unique(&row, lex.openers.insert(row.get(0), opener))?;
        }
        Ok(lex)
    }
}

/// The `xsd:duration` designator of a duration unit's lexicon code: (date part?, letter).
pub(crate) fn duration_designator(code: &str) -> Option<(bool, char)> {
    Some(match code {
        "Y" => (true, 'Y'),
        "M" => (true, 'M'),
        "W" => (true, 'W'),
        "D" => (true, 'D'),
        "H" => (false, 'H'),
        "MIN" => (false, 'M'),
        "S" => (false, 'S'),
        _ => return None,
    })
}

fn unique(row: &Row, fresh: bool) -> Result<(), LexiconError> {
    if fresh { Ok(()) } else { Err(row.error(format!("'{}' is listed twice (or differs only in script)", row.get(0)))) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> &'static FigureLexicon {
        &crate::Lexicons::embedded().figures
    }

    #[test]
    fn embedded_lexicons_load_and_fold() {
        let lex = lexicon();
        // A Traditional line serves Simplified text and the other way round.
        assert!(lex.units.contains("个"));
        assert!(lex.units.contains("间"));
        assert!(lex.currencies.contains("澳门元"));
        assert!(lex.nouns.contains("企业"));
        assert!(lex.non_figures.is_some());
    }

    #[test]
    fn longest_prefix_and_suffix_win() {
        let lex = lexicon();
        let (len, unit) = lex.units.prefix_of("个月内完成").unwrap();
        assert_eq!((len, unit.class), ("个月".len(), UnitClass::Duration));
        let (len, q) = lex.qualifiers_before.suffix_of("资助额不超过").unwrap();
        assert_eq!((len, *q), ("不超过".len(), Qualifier::AtMost));
        assert!(lex.units.prefix_of("").is_none());
        assert!(lex.qualifiers_before.suffix_of("").is_none());
    }

    #[test]
    fn rejects_bad_lines() {
        let err = FigureLexicon::load(&Sources::of(&[("measure_words.tsv", "個\tcount\n个\tcount\n")])).unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        let err = FigureLexicon::load(&Sources::of(&[("currencies.tsv", "元\tyuan\tafter\n")])).unwrap_err();
        assert!(err.message.contains("ISO 4217"), "{err}");
        let err = FigureLexicon::load(&Sources::of(&[("qualifiers.tsv", "約\tAbout\tbefore\n")])).unwrap_err();
        assert!(err.message.contains("qualifier"), "{err}");
        let err = FigureLexicon::load(&Sources::of(&[("measure_words.tsv", "年\tduration\tX\n")])).unwrap_err();
        assert!(err.message.contains("designator"), "{err}");
    }
}
