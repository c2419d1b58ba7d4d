//! The extractor's data: every file under `data/`, loaded by one type, [`Lexicons`], which every
//! stage reaches the same way (`analysis.lex`).
//!
//! Each file holds one category (see `data/README.md` for the columns). The files are embedded in
//! the binary ([`EMBEDDED`]) and parsed once; [`Lexicons::from_dir`] reads replacements from a
//! directory at run time (any file missing there keeps its embedded version). Every word is folded
//! to the matching key ([`crate::normalize::fold`]) when it loads, so a line written in either
//! script matches both.
//!
//! The parts: the name lexicons, parsed here (known entities, titles, endings, surnames,
//! boundary and plain words, speech verbs: all of them in one automaton, the [`Vocabulary`] that
//! gives each article its word lattice); the figure stage's words, the proposal words and the
//! relation verbs, each parsed by its stage's module from the same [`Sources`].
//!
//! **Adding a data resource** (a file or a set of files, e.g. a general word list or a model's
//! weights): its files go in [`EMBEDDED`], its parsed form becomes a field of [`Lexicons`], and one
//! line of [`Lexicons::from_sources`] builds it from [`Sources`] (a `load(&Sources)` function next
//! to the stage that reads it); stages then read it as `analysis.lex.<field>`, and `from_dir` and
//! its test cover it with no more work.
//!
//! Nothing here names a particular article's people: names of people are found by pattern.

mod funds;
pub mod general;
mod patterns;
pub(crate) use patterns::PARENTHESISED_SHORT_FORM_MAX;
mod regions;
pub(crate) mod tsv;
mod vocabulary;
pub(crate) mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;
#[cfg(test)]
use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

pub use general::{GeneralLexicon, PartOfSpeech};
pub(crate) use patterns::Patterns;
pub(crate) use regions::RegionMarkers;
pub(crate) use tsv::parse as parse_tsv;
pub use tsv::{LexiconError, Row};
pub(crate) use vocabulary::{Lattice, Vocabulary, WordClass};
pub(crate) use words::{FunctionWords, Role, WordMap, WordSet};

use crate::article::Region;
use crate::figure::FigureLexicon;
use crate::model::EntityKind;
use crate::normalize::fold;
use crate::proposal::ProposalWords;
use crate::relation::RelationVerbs;
use rustc_hash::{FxHashMap, FxHashSet};

/// Every data file, embedded: (name under `data/`, contents).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("surnames.tsv", include_str!("../../data/surnames.tsv")),
    ("titles.tsv", include_str!("../../data/titles.tsv")),
    ("title_modifiers.tsv", include_str!("../../data/title_modifiers.tsv")),
    ("suffixes.tsv", include_str!("../../data/suffixes.tsv")),
    ("boundaries.tsv", include_str!("../../data/boundaries.tsv")),
    ("generic.tsv", include_str!("../../data/generic.tsv")),
    ("words.tsv", include_str!("../../data/words.tsv")),
    ("transliteration.tsv", include_str!("../../data/transliteration.tsv")),
    ("speech_verbs.tsv", include_str!("../../data/speech_verbs.tsv")),
    ("public_bodies.tsv", include_str!("../../data/public_bodies.tsv")),
    ("organisations.tsv", include_str!("../../data/organisations.tsv")),
    ("places.tsv", include_str!("../../data/places.tsv")),
    ("concepts.tsv", include_str!("../../data/concepts.tsv")),
    // Word classes every stage reads (lexicon/words.rs), and region markers (lexicon/regions.rs).
    ("function_words.tsv", include_str!("../../data/function_words.tsv")),
    ("region_markers.tsv", include_str!("../../data/region_markers.tsv")),
    // The figure stage's (figure/lexicon.rs).
    ("measure_words.tsv", include_str!("../../data/measure_words.tsv")),
    ("currencies.tsv", include_str!("../../data/currencies.tsv")),
    ("qualifiers.tsv", include_str!("../../data/qualifiers.tsv")),
    ("non_figures.tsv", include_str!("../../data/non_figures.tsv")),
    ("counted_nouns.tsv", include_str!("../../data/counted_nouns.tsv")),
    ("number_links.tsv", include_str!("../../data/number_links.tsv")),
    ("about_references.tsv", include_str!("../../data/about_references.tsv")),
    ("clause_openers.tsv", include_str!("../../data/clause_openers.tsv")),
    ("attendance.tsv", include_str!("../../data/attendance.tsv")),
    // The proposal stage's (proposal/words.rs) and the relation stage's (relation/verbs.rs).
    ("proposal_words.tsv", include_str!("../../data/proposal_words.tsv")),
    ("relation_verbs.tsv", include_str!("../../data/relation_verbs.tsv")),
];

static EMBEDDED_LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    #[expect(clippy::expect_used, reason = "the embedded files are validated by unit tests; a bad one cannot pass CI")]
    Lexicons::from_sources(&Sources::embedded()).expect("embedded lexicons are valid")
});

/// The text of every data file, by its name under `data/`: what each part of [`Lexicons`] is
/// built from.
#[derive(Debug)]
pub(crate) struct Sources {
    files: BTreeMap<&'static str, Cow<'static, str>>,
}

impl Sources {
    /// The embedded files.
    fn embedded() -> Self {
        Self { files: EMBEDDED.iter().map(|(name, text)| (*name, Cow::Borrowed(*text))).collect() }
    }

    /// Only these files (the others read as empty): for testing one part's parser.
    #[cfg(test)]
    pub(crate) fn of(files: &[(&'static str, &'static str)]) -> Self {
        Self { files: files.iter().map(|(name, text)| (*name, Cow::Borrowed(*text))).collect() }
    }

    /// The lines of file `name` (none when there is no such file), each with at least
    /// `min_columns` columns.
    ///
    /// # Errors
    /// The first malformed line.
    pub(crate) fn rows(&self, name: &'static str, min_columns: usize) -> Result<Vec<Row>, LexiconError> {
        tsv::parse(name, self.files.get(name).map_or("", |t| t.as_ref()), min_columns)
    }
}

/// The finer class of a known entity (column 3 of the entity lexicons).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KnownClass {
    /// A sovereign country (中國, 日本).
    Country,
    /// A world region (東盟, 中東, 亞太區).
    Region,
    /// A province or autonomous region.
    Province,
    /// A prefecture-level division.
    Prefecture,
    /// A city.
    City,
    /// A municipality directly under the central government.
    Municipality,
    /// A county.
    County,
    /// A district.
    District,
    /// A special administrative region (香港, 澳門).
    Sar,
    /// An area or neighbourhood.
    Area,
    /// A venue (香港會議展覽中心).
    Venue,
    /// A development or trade zone.
    Zone,
    /// A railway line (廣深港高鐵).
    Railway,
    /// A tunnel, bridge or other piece of infrastructure (港珠澳大橋).
    Infrastructure,
    /// A government (香港特區政府).
    Government,
    /// A ministry.
    Ministry,
    /// A department.
    Department,
    /// A bureau.
    Bureau,
    /// A regulator.
    Regulator,
    /// A central bank.
    CentralBank,
    /// A statutory body.
    Statutory,
    /// A legislature.
    Legislature,
    /// A court.
    Court,
    /// An advisory body.
    Advisory,
    /// A political party or one of its committees.
    Party,
    /// A military body.
    Military,
    /// A hospital.
    Hospital,
    /// A university.
    University,
    /// An academy.
    Academy,
    /// A research institute.
    Institute,
    /// A company.
    Company,
    /// A fund management company: its short name opens the names of its funds (北辰 of
    /// 北辰基金管理有限公司 in 北辰成長; `recognize::names::funds`).
    FundHouse,
    /// A bank.
    Bank,
    /// A news organisation.
    Media,
    /// An association.
    Association,
    /// A chamber of commerce.
    Chamber,
    /// An international organisation.
    International,
    /// A programme.
    Programme,
    /// A plan.
    Plan,
    /// An initiative.
    Initiative,
    /// An agreement.
    Agreement,
    /// A law or ordinance that news names by a short form without its ending (國安法).
    Law,
    /// A fixed concept.
    Concept,
    /// A principle.
    Principle,
    /// A movement or upheaval news names without an ending that says so (雨傘運動, 文革): an
    /// event.
    Movement,
}

impl KnownClass {
    /// Every class.
    pub const ALL: &'static [KnownClass] = &[
        Self::Country,
        Self::Region,
        Self::Province,
        Self::Prefecture,
        Self::City,
        Self::Municipality,
        Self::County,
        Self::District,
        Self::Sar,
        Self::Area,
        Self::Venue,
        Self::Zone,
        Self::Railway,
        Self::Infrastructure,
        Self::Government,
        Self::Ministry,
        Self::Department,
        Self::Bureau,
        Self::Regulator,
        Self::CentralBank,
        Self::Statutory,
        Self::Legislature,
        Self::Court,
        Self::Advisory,
        Self::Party,
        Self::Military,
        Self::Hospital,
        Self::University,
        Self::Academy,
        Self::Institute,
        Self::Company,
        Self::FundHouse,
        Self::Bank,
        Self::Media,
        Self::Association,
        Self::Chamber,
        Self::International,
        Self::Programme,
        Self::Plan,
        Self::Initiative,
        Self::Agreement,
        Self::Law,
        Self::Concept,
        Self::Principle,
        Self::Movement,
    ];

    /// The class's name in the lexicons.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Region => "region",
            Self::Province => "province",
            Self::Prefecture => "prefecture",
            Self::City => "city",
            Self::Municipality => "municipality",
            Self::County => "county",
            Self::District => "district",
            Self::Sar => "sar",
            Self::Area => "area",
            Self::Venue => "venue",
            Self::Zone => "zone",
            Self::Railway => "railway",
            Self::Infrastructure => "infrastructure",
            Self::Government => "government",
            Self::Ministry => "ministry",
            Self::Department => "department",
            Self::Bureau => "bureau",
            Self::Regulator => "regulator",
            Self::CentralBank => "central-bank",
            Self::Statutory => "statutory",
            Self::Legislature => "legislature",
            Self::Court => "court",
            Self::Advisory => "advisory",
            Self::Party => "party",
            Self::Military => "military",
            Self::Hospital => "hospital",
            Self::University => "university",
            Self::Academy => "academy",
            Self::Institute => "institute",
            Self::Company => "company",
            Self::FundHouse => "fund-house",
            Self::Bank => "bank",
            Self::Media => "media",
            Self::Association => "association",
            Self::Chamber => "chamber",
            Self::International => "international",
            Self::Programme => "programme",
            Self::Plan => "plan",
            Self::Initiative => "initiative",
            Self::Agreement => "agreement",
            Self::Law => "law",
            Self::Concept => "concept",
            Self::Principle => "principle",
            Self::Movement => "movement",
        }
    }

    /// The class named `name` in the lexicons.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }
}

/// A known entity: a public body, organisation, place or fixed concept, with its other names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownEntity {
    /// Canonical name (the full official name), as written in the lexicon.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Other names: abbreviations, short forms, former names.
    pub aliases: Vec<String>,
    /// English name.
    pub english: Option<String>,
    /// Finer class from the lexicon (`country`, `city`, `district`, `venue`, `ministry`…).
    pub class: KnownClass,
    /// The Chinese region it belongs to (column `HK`, `MO`, `TW`, `CN`, or empty): decides a
    /// shared alias (特區政府).
    pub region: Option<Region>,
    /// Matching key of the canonical name.
    pub key: String,
}

impl KnownEntity {
    /// Whether this is a foreign country (its name before an organisation is a modifier:
    /// 德國X協會 is X協會 of Germany, while 中國X研究院 is one name).
    #[must_use]
    pub fn is_foreign_country(&self) -> bool {
        self.class == KnownClass::Country && self.region.is_none()
    }
}

/// What a title word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// A post in an organisation (主任, 局長, 行政總裁).
    Post,
    /// An academic rank or honour held in an institution (教授, 院士).
    Academic,
    /// A newsroom role (記者, 通訊員): bylines.
    Reporter,
    /// A post that is a whole office by itself (行政長官, 財政司司長, 國家主席).
    Office,
}

/// A title word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The title as written in the lexicon.
    pub title: String,
    /// What it means.
    pub kind: TitleKind,
    /// For an office: the governments it may belong to (lexicon names), the one the article
    /// mentions being the post's organisation.
    pub governments: Vec<String>,
}

/// A name ending: what kind of name ends with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suffix {
    /// The ending as written in the lexicon (委員會, 峰會, 倡議).
    pub suffix: String,
    /// Its matching key.
    pub folded: String,
    /// Its length in characters.
    pub chars: usize,
    /// The kind of entity a name with this ending is.
    pub kind: EntityKind,
    /// Fewest characters a name needs before the ending (局 needs 2: 警務處 yes, 該局 no).
    pub min_stem: usize,
    /// Whether the ending alone makes a name; a weak one (中心, 計劃) needs a proper-name marker.
    pub strong: bool,
    /// Characters that fold to the same key but, as written, are other words and end no name:
    /// the Cantonese copula 係 ('is') and 繫 ('tie') fold to the department ending 系.
    pub other_words: Vec<String>,
}

/// A speech verb (表示, 指出).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeechVerb {
    /// The verb as written in the lexicon.
    pub verb: String,
    /// Whether it speaks only when a pause or a quote follows it (指，but not 指導).
    pub needs_pause: bool,
    /// Whether a quote after it names what it acts on rather than what was said (公布「某計劃」):
    /// such a verb speaks only before a pause of the clause (公布，…). Mark `clause`.
    pub quote_is_object: bool,
}

/// All lexicons, parsed and indexed.
#[derive(Debug)]
pub struct Lexicons {
    /// Known entities.
    pub known: Vec<KnownEntity>,
    /// Title words.
    pub titles: Vec<Title>,
    /// Name endings.
    pub suffixes: Vec<Suffix>,
    /// Speech verbs.
    pub speech_verbs: Vec<SpeechVerb>,
    /// Folded surnames (single and compound).
    pub(crate) surnames: FxHashSet<String>,
    /// Folded words that never belong to a name (verbs, prepositions, time words, pronouns).
    pub(crate) boundaries: FxHashSet<String>,
    /// Folded characters of transliterated foreign names.
    pub(crate) transliteration: FxHashSet<char>,
    /// Folded ordinary words that neutralise a boundary character inside them (自由 for 由).
    pub(crate) plain_words: FxHashSet<String>,
    /// Folded words that alone do not make a name (相關, 主, 專題, 聯合).
    pub(crate) generic: FxHashSet<String>,
    /// Folded name or alias → known entities with that name.
    pub(crate) known_by_name: FxHashMap<String, Vec<usize>>,
    /// Every word above in one matcher.
    pub(crate) vocabulary: Vocabulary,
    /// The figure stage's words: measure words, currencies, qualifiers, counted nouns…
    pub(crate) figures: FigureLexicon,
    /// The words of numbered proposals: list nouns, measure words, announcing and sequence words.
    pub(crate) proposals: ProposalWords,
    /// Verbs that relate two entities, with their property and frame.
    pub(crate) relations: RelationVerbs,
    /// Word classes: conjunctions, prepositions, edition and time words… (by [`Role`]).
    pub(crate) words: FunctionWords,
    /// The regular expressions built from the word classes.
    pub(crate) patterns: Patterns,
    /// The words that place a report in a region.
    pub(crate) regions: RegionMarkers,
    /// The fund houses' short names, which open the names of their funds.
    pub(crate) fund_brands: funds::FundBrands,
}

impl Lexicons {
    /// The lexicons embedded in the crate.
    #[must_use]
    pub fn embedded() -> &'static Lexicons {
        &EMBEDDED_LEXICONS
    }

    /// The embedded lexicons with any file present in `dir` replacing its embedded version.
    ///
    /// # Errors
    /// A file that cannot be read or has a malformed line.
    pub fn from_dir(dir: &Path) -> Result<Self, LexiconError> {
        let mut sources = Sources::embedded();
        for (name, text) in &mut sources.files {
            let path = dir.join(name);
            if path.exists() {
                *text = Cow::Owned(std::fs::read_to_string(&path).map_err(|e| LexiconError {
                    path: path.clone(),
                    line: 0,
                    message: e.to_string(),
                })?);
            }
        }
        Self::from_sources(&sources)
    }

    /// Builds every part from its files.
    fn from_sources(sources: &Sources) -> Result<Self, LexiconError> {
        let words = FunctionWords::load(sources)?;
        let patterns = Patterns::build(&words)?;
        let mut lex = Self {
            known: Vec::new(),
            titles: Vec::new(),
            suffixes: Vec::new(),
            speech_verbs: Vec::new(),
            surnames: FxHashSet::default(),
            boundaries: FxHashSet::default(),
            generic: FxHashSet::default(),
            plain_words: FxHashSet::default(),
            transliteration: FxHashSet::default(),
            known_by_name: FxHashMap::default(),
            vocabulary: Vocabulary::default(),
            figures: FigureLexicon::load(sources)?,
            proposals: ProposalWords::load(sources)?,
            relations: RelationVerbs::load(sources)?,
            words,
            patterns,
            regions: RegionMarkers::load(sources)?,
            fund_brands: funds::FundBrands::default(),
        };
        for row in sources.rows("surnames.tsv", 1)? {
            lex.surnames.insert(fold(row.get(0)));
        }
        for row in sources.rows("boundaries.tsv", 1)? {
            lex.boundaries.insert(fold(row.get(0)));
        }
        for row in sources.rows("transliteration.tsv", 1)? {
            lex.transliteration.extend(fold(row.get(0)).chars());
        }
        for row in sources.rows("words.tsv", 1)? {
            lex.plain_words.insert(fold(row.get(0)));
        }
        for row in sources.rows("generic.tsv", 1)? {
            lex.generic.insert(fold(row.get(0)));
        }
        for row in sources.rows("titles.tsv", 2)? {
            let kind = row.one_of(
                1,
                "title kind",
                &[
                    ("post", TitleKind::Post),
                    ("academic", TitleKind::Academic),
                    ("reporter", TitleKind::Reporter),
                    ("office", TitleKind::Office),
                ],
            )?;
            let governments = row.list(2).into_iter().map(str::to_owned).collect();
            lex.titles.push(Title { title: row.get(0).to_owned(), kind, governments });
        }
        for row in sources.rows("suffixes.tsv", 4)? {
            let kind = entity_kind(&row, 1)?;
            let min_stem = row.get(2).parse().map_err(|_| row.error("min_stem must be a number".into()))?;
            let strong = row.one_of(3, "strength", &[("strong", true), ("weak", false)])?;
            lex.suffixes.push(Suffix {
                suffix: row.get(0).to_owned(),
                folded: fold(row.get(0)),
                chars: row.get(0).chars().count(),
                kind,
                min_stem,
                strong,
                other_words: row.list(4).into_iter().map(str::to_owned).collect(),
            });
        }
        let modifiers = sources.rows("title_modifiers.tsv", 2)?;
        let generated = modified_titles(&lex.titles, &lex.suffixes, &modifiers)?;
        lex.titles.extend(generated);
        for row in sources.rows("speech_verbs.tsv", 1)? {
            let (needs_pause, quote_is_object) =
                row.one_of(1, "mark", &[("", (false, false)), ("pause", (true, false)), ("clause", (true, true))])?;
            lex.speech_verbs.push(SpeechVerb { verb: row.get(0).to_owned(), needs_pause, quote_is_object });
        }
        for file in ["public_bodies.tsv", "organisations.tsv", "places.tsv", "concepts.tsv"] {
            for row in sources.rows(file, 3)? {
                let kind = entity_kind(&row, 1)?;
                let name = row.get(0).to_owned();
                lex.known.push(KnownEntity {
                    key: fold(&name),
                    name,
                    kind,
                    class: KnownClass::from_name(row.get(2))
                        .ok_or_else(|| row.error(format!("unknown class '{}'", row.get(2))))?,
                    aliases: row.list(3).into_iter().map(str::to_owned).collect(),
                    english: Some(row.get(4)).filter(|s| !s.is_empty()).map(str::to_owned),
                    region: match row.get(5) {
                        "" => None,
                        _ => Some(row.one_of(5, "region", &Region::ALL.map(|r| (r.code(), r)))?),
                    },
                });
            }
        }
        for (i, k) in lex.known.iter().enumerate() {
            for n in std::iter::once(&k.name).chain(&k.aliases) {
                let ids = lex.known_by_name.entry(fold(n)).or_default();
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
        lex.vocabulary = Vocabulary::build(&lex);
        lex.fund_brands = funds::FundBrands::build(&lex.known, &lex.words);
        Ok(lex)
    }

    /// Known entities one of whose names folds to `folded`.
    #[must_use]
    pub fn known_named(&self, folded: &str) -> &[usize] {
        self.known_by_name.get(folded).map_or(&[], Vec::as_slice)
    }

    /// Whether a folded word is a surname.
    #[must_use]
    pub fn is_surname(&self, folded: &str) -> bool {
        self.surnames.contains(folded)
    }

    /// Whether a folded text is made only of generic words (so it is no name by itself).
    #[must_use]
    pub fn is_all_generic(&self, folded: &str) -> bool {
        // Greedy cover from the left with the longest generic word (up to four characters) at
        // each step, looked up by slice: no allocation.
        let mut rest = folded;
        'outer: while !rest.is_empty() {
            // Byte ends of the first one to four characters.
            let mut ends = [0usize; 4];
            let mut n = 0;
            for end in rest.char_indices().skip(1).map(|(b, _)| b).chain(std::iter::once(rest.len())).take(4) {
                ends[n] = end;
                n += 1;
            }
            for &end in ends[..n].iter().rev() {
                if self.generic.contains(&rest[..end]) {
                    rest = &rest[end..];
                    continue 'outer;
                }
            }
            return false;
        }
        true
    }

    /// Whether a folded word can never be part of a name.
    #[must_use]
    pub fn is_boundary(&self, folded: &str) -> bool {
        self.boundaries.contains(folded)
    }
}

/// The titles that modifiers make of posts and academic titles (助理秘書長, 部長助理), except
/// those already listed, and except of a title that is the start of a name ending (委員 of
/// 委員會: 執行委員會 is a committee, not 執行委員 + 會).
fn modified_titles(titles: &[Title], suffixes: &[Suffix], modifiers: &[Row]) -> Result<Vec<Title>, LexiconError> {
    let mut seen: FxHashSet<String> = titles.iter().map(|t| fold(&t.title)).collect();
    let starts_an_ending = |t: &Title| {
        let folded = fold(&t.title);
        suffixes.iter().any(|s| s.folded.len() > folded.len() && s.folded.starts_with(&folded))
    };
    let mut out = Vec::new();
    for row in modifiers {
        let word = row.get(0);
        let before = row.one_of(1, "position", &[("before", true), ("after", false)])?;
        for t in
            titles.iter().filter(|t| matches!(t.kind, TitleKind::Post | TitleKind::Academic) && !starts_an_ending(t))
        {
            let title = if before { format!("{word}{}", t.title) } else { format!("{}{word}", t.title) };
            if seen.insert(fold(&title)) {
                // 前界議員 is still a seat of the government 界議員 belongs to.
                out.push(Title { title, kind: t.kind, governments: t.governments.clone() });
            }
        }
    }
    Ok(out)
}

/// Column `i` as an entity kind (`org`, `place`…).
pub(crate) fn entity_kind(row: &Row, i: usize) -> Result<EntityKind, LexiconError> {
    EntityKind::from_name(row.get(i)).ok_or_else(|| row.error(format!("unknown kind '{}'", row.get(i))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_cover_uses_words_of_up_to_four_characters() {
        let lex = Lexicons::embedded();
        assert!(lex.is_all_generic("全国重点"));
        assert!(lex.is_all_generic("基础设施"));
        assert!(lex.is_all_generic("基础设施重点"));
        assert!(!lex.is_all_generic("海洋数据"));
        assert!(!lex.is_all_generic("重点海洋"));
    }

    #[test]
    fn embedded_lexicons_load() {
        let lex = Lexicons::embedded();
        assert!(lex.surnames.len() > 300, "surnames: {}", lex.surnames.len());
        assert!(!lex.titles.is_empty());
        assert!(!lex.known.is_empty());
    }

    /// A lexicon line must not repeat another, nor differ from it only by script.
    #[test]
    fn no_duplicate_entries_across_scripts() {
        for (file, text) in EMBEDDED {
            let rows = tsv::parse(file, text, 1).unwrap();
            let mut seen = FxHashSet::default();
            for row in rows {
                let key = (fold(row.get(0)), row.get(1).to_owned());
                assert!(
                    seen.insert(key.clone()),
                    "{file}:{}: '{}' repeats an earlier line (or differs only in script)",
                    row.line,
                    row.get(0)
                );
            }
        }
    }

    /// A known entity's alias must not be the canonical name of another entity of the same kind
    /// (that would silently merge two bodies).
    #[test]
    fn aliases_do_not_shadow_other_canonical_names() {
        let lex = Lexicons::embedded();
        let canon: HashMap<(String, EntityKind), &str> =
            lex.known.iter().map(|k| ((k.key.clone(), k.kind), k.name.as_str())).collect();
        for k in &lex.known {
            for a in &k.aliases {
                if let Some(other) = canon.get(&(fold(a), k.kind)) {
                    assert_eq!(*other, k.name, "alias '{a}' of '{}' is the name of '{other}'", k.name);
                }
            }
        }
    }

    #[test]
    fn classes_and_regions_are_closed_sets() {
        let china = Lexicons::embedded().known.iter().find(|k| k.name == "中國").unwrap();
        assert_eq!((china.class, china.region), (KnownClass::Country, Some(Region::Mainland)));
        assert!(!china.is_foreign_country());
        let load = |text: &'static str| Lexicons::from_sources(&Sources::of(&[("places.tsv", text)]));
        assert!(load("火星\tplace\tcountry\t\tMars\t\n").is_ok());
        assert!(load("火星\tplace\tplanet\t\tMars\t\n").unwrap_err().message.contains("unknown class 'planet'"));
        assert!(load("火星\tplace\tcountry\t\tMars\tXX\n").unwrap_err().message.contains("unknown region 'XX'"));
    }

    #[test]
    fn modifiers_make_titles_but_not_of_the_start_of_a_name_ending() {
        let lex = Lexicons::embedded();
        let has = |t: &str| lex.titles.iter().any(|x| x.title == t);
        assert!(has("助理秘書長") && has("執行副總裁") && has("部長助理") && has("副關長"));
        // 委員 starts 委員會: 執行委員會 stays a committee.
        assert!(!has("執行委員"));
    }

    #[test]
    fn from_dir_overrides_one_file() {
        let dir = std::env::temp_dir().join(format!("tupu-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("titles.tsv"), "# title\tkind\n總幹事\tpost\n").unwrap();
        let lex = Lexicons::from_dir(&dir).unwrap();
        // The one title, and what the embedded modifiers make of it (副總幹事, 總幹事助理…).
        assert_eq!(lex.titles[0].title, "總幹事");
        assert!(lex.titles.iter().all(|t| t.title.contains("總幹事")), "{:?}", lex.titles);
        assert!(lex.titles.iter().any(|t| t.title == "助理總幹事"));
        assert!(lex.known.len() > 10);
        std::fs::write(dir.join("titles.tsv"), "總幹事\tboss\n").unwrap();
        let err = Lexicons::from_dir(&dir).unwrap_err();
        assert_eq!(err.line, 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Every file under `data/` is embedded, and `from_dir` reads each of them: a malformed
    /// replacement of any one is reported with its name.
    #[test]
    fn from_dir_reads_every_data_file() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut on_disk: Vec<String> = std::fs::read_dir(&data)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tsv"))
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = EMBEDDED.iter().map(|(n, _)| (*n).to_owned()).collect();
        embedded.sort();
        assert_eq!(embedded, on_disk, "every data file is embedded, once");
        let dir = std::env::temp_dir().join(format!("tupu-lex-all-{}", std::process::id()));
        for (name, _) in EMBEDDED {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(name), "# a header\n\tno first column\n").unwrap();
            let err = Lexicons::from_dir(&dir).unwrap_err();
            assert_eq!((err.path.to_string_lossy().as_ref(), err.line), (*name, 2), "{name}: {err}");
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
}
