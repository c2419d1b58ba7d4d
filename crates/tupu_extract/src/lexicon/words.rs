//! Word classes: `data/function_words.tsv` (conjunctions, prepositions, adverbs, edition and time
//! words, endings of documents and programmes…), one [`WordSet`] per [`Role`], and the lookup
//! table every word list of the extractor is kept in ([`WordMap`]: longest word at the start or
//! the end of a folded string, without allocating).
//!
//! A rule asks for its class by role — `lex.words.of(Role::Conjunction).has_char(c)` — and never
//! spells the words out: adding a conjunction is one line of data.

use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;
use crate::text::DASHES;
use rustc_hash::{FxHashMap, FxHashSet};

/// Longest word a lookup considers; lexicon words are far shorter.
const MAX_WORD_CHARS: usize = 16;

/// Words with values, looked up by longest prefix or suffix of a folded string.
#[derive(Debug)]
pub(crate) struct WordMap<V> {
    words: FxHashMap<String, V>,
    /// Every proper prefix of a word: a lookup by prefix stops at the first prefix of the string
    /// that begins no word, instead of hashing every length up to the longest word's.
    prefixes: FxHashSet<String>,
    /// Every proper suffix of a word, likewise for lookups by suffix.
    suffixes: FxHashSet<String>,
    /// Length of the longest word, in code points (bounds every lookup).
    max_chars: usize,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        Self {
            words: FxHashMap::default(),
            prefixes: FxHashSet::default(),
            suffixes: FxHashSet::default(),
            max_chars: 0,
        }
    }
}

impl<V> WordMap<V> {
    /// Adds a word (folded here); false when it was there already or is empty or too long.
    pub(crate) fn insert(&mut self, word: &str, value: V) -> bool {
        let key = fold(word);
        let n = key.chars().count();
        if n == 0 || n > MAX_WORD_CHARS {
            return false;
        }
        self.max_chars = self.max_chars.max(n);
        for (i, _) in key.char_indices().skip(1) {
            self.prefixes.insert(key[..i].to_owned());
            self.suffixes.insert(key[i..].to_owned());
        }
        self.words.insert(key, value).is_none()
    }

    /// The longest word that `s` starts with: its length in bytes and its value. The prefixes
    /// are tried shortest first, up to the first that begins no word.
    pub(crate) fn prefix_of(&self, s: &str) -> Option<(usize, &V)> {
        let mut best = None;
        for (i, c) in s.char_indices().take(self.max_chars) {
            let prefix = &s[..i + c.len_utf8()];
            if let Some(v) = self.words.get(prefix) {
                best = Some((prefix.len(), v));
            }
            if !self.prefixes.contains(prefix) {
                break;
            }
        }
        best
    }

    /// The longest word that `s` ends with: its length in bytes and its value. The suffixes are
    /// tried shortest first, up to the first that ends no word.
    pub(crate) fn suffix_of(&self, s: &str) -> Option<(usize, &V)> {
        let mut best = None;
        for (i, _) in s.char_indices().rev().take(self.max_chars) {
            let suffix = &s[i..];
            if let Some(v) = self.words.get(suffix) {
                best = Some((suffix.len(), v));
            }
            if !self.suffixes.contains(suffix) {
                break;
            }
        }
        best
    }

    /// Whether `s` (folded) is exactly a word.
    pub(crate) fn contains(&self, s: &str) -> bool {
        self.words.contains_key(s)
    }
}

/// A set of characters that answers "no" for most characters without hashing: rules ask it for
/// every character of a text (is this a pronoun? an adverb?), and nearly all answers are no.
#[derive(Debug, Default)]
pub(crate) struct CharSet {
    /// One bit per bucket of code points: clear means the character is not in the set.
    filter: [u64; 4],
    chars: FxHashSet<char>,
}

impl CharSet {
    fn bucket(c: char) -> (usize, u64) {
        let h = (c as u32).wrapping_mul(0x9E37_79B9) >> 24;
        ((h >> 6) as usize, 1 << (h & 63))
    }

    pub(crate) fn insert(&mut self, c: char) {
        let (word, bit) = Self::bucket(c);
        self.filter[word] |= bit;
        self.chars.insert(c);
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        let (word, bit) = Self::bucket(c);
        self.filter[word] & bit != 0 && self.chars.contains(&c)
    }
}

/// The words of one role, folded.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    map: WordMap<()>,
    /// The words of one character.
    chars: CharSet,
    /// The first character of every word.
    first_chars: CharSet,
    /// Every word, longest first (then in file order): the order a regex alternation needs.
    words: Vec<String>,
}

impl WordSet {
    fn insert(&mut self, word: &str) -> bool {
        let folded = fold(word);
        let mut chars = folded.chars();
        let first = chars.next();
        if let (Some(c), None) = (first, chars.next()) {
            self.chars.insert(c);
        }
        if let Some(c) = first {
            self.first_chars.insert(c);
        }
        let fresh = self.map.insert(&folded, ());
        if fresh {
            self.words.push(folded);
        }
        fresh
    }

    /// Whether the (folded) character is a word of one character of the set.
    pub(crate) fn has_char(&self, c: char) -> bool {
        self.chars.contains(c)
    }

    /// Whether the (folded) text is a word of the set.
    pub(crate) fn contains(&self, s: &str) -> bool {
        self.map.contains(s)
    }

    /// The longest word `s` starts with: its length in bytes.
    pub(crate) fn prefix_of(&self, s: &str) -> Option<usize> {
        if !self.first_chars.contains(s.chars().next()?) {
            return None;
        }
        self.map.prefix_of(s).map(|(len, ())| len)
    }

    /// The longest word `s` ends with: its length in bytes.
    pub(crate) fn suffix_of(&self, s: &str) -> Option<usize> {
        self.map.suffix_of(s).map(|(len, ())| len)
    }

    /// The longest word the folded characters start with: its length in characters.
    pub(crate) fn prefix_of_chars(&self, chars: &[char]) -> Option<usize> {
        if !self.first_chars.contains(*chars.first()?) {
            return None;
        }
        // The candidate prefixes are spelled into a buffer on the stack: no allocation per call.
        let mut buf = [0u8; 4 * MAX_WORD_CHARS];
        let mut len = 0;
        let mut best = None;
        for (n, c) in chars.iter().take(self.map.max_chars).enumerate() {
            len += c.encode_utf8(&mut buf[len..]).len();
            if std::str::from_utf8(&buf[..len]).is_ok_and(|s| self.map.contains(s)) {
                best = Some(n + 1);
            }
        }
        best
    }

    /// Whether `s` starts with a word of the set.
    pub(crate) fn starts(&self, s: &str) -> bool {
        self.prefix_of(s).is_some()
    }

    /// Whether `s` ends with a word of the set.
    pub(crate) fn ends(&self, s: &str) -> bool {
        self.suffix_of(s).is_some()
    }

    /// Whether a word of the set occurs anywhere in `s` (a substring search per word: the
    /// classes asked this are small, and the search is memchr-fast).
    pub(crate) fn occurs_in(&self, s: &str) -> bool {
        self.words.iter().any(|w| s.contains(w.as_str()))
    }

    /// Whether some word of the set starts with the (folded) character: a cheap test before
    /// [`Self::prefix_of_chars`].
    pub(crate) fn may_start_with(&self, c: char) -> bool {
        self.first_chars.contains(c)
    }

    /// The words, longest first.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// The words as a regex alternation (`a|b|c`, escaped, longest first).
    pub(crate) fn alternation(&self) -> String {
        self.words().map(regex::escape).collect::<Vec<_>>().join("|")
    }
}

/// Declares the roles: the variant, its name in the data file, and what it is for.
macro_rules! roles {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// What a word of `function_words.tsv` does: one class per role, each read by the rule
        /// its line names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Role {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Role {
            /// Every role, in the order of the enum.
            pub(crate) const ALL: &'static [Role] = &[$(Role::$variant,)*];

            /// The role's name in the data file.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Role::$variant => $name,)*
                }
            }
        }
    };
}

roles! {
    /// 和, 及, 與, 以及: joins two names or nouns (names: two names or one; counted nouns;
    /// parties of a relation; a short alias standing as a word).
    Conjunction = "conjunction",
    /// 同, 並, 跟: "with, and" — joins two names as a conjunction does, but is a preposition or
    /// an adverb too, so it never joins two counted nouns (企業同場設置: not 企業 and 場).
    Comitative = "comitative",
    /// 聯同, 偕同, 攜手: "together with" (relations: a co-party; statements: not the speaker).
    Accompanying = "accompanying",
    /// 代表: "on behalf of" (statements: the body after it does not speak).
    OnBehalfOf = "on-behalf-of",
    /// 等: "and others" after a list (people: ends a name; Latin companies: DeepSeek等企業).
    Etc = "etc",
    /// 兼: joins two titles of one person (董事長兼總裁).
    TitleJoiner = "title-joiner",
    /// 在, 於, 假: "at" (events: the venue after it; people: an adverbial after a name).
    LocativePreposition = "locative-preposition",
    /// 在, 向, 把, 被: a name after it is the preposition's object, not a relation's subject.
    Preposition = "preposition",
    /// 向, 對, 由: a name after it is spoken to or about, not the speaker.
    ObjectMarker = "object-marker",
    /// 向, 對: "to" before whom one speaks (甲向乙表示: 乙 is spoken to, 甲 speaks).
    AddresseeMarker = "addressee-marker",
    /// 對, 至, 給, 按: a preposition that, written as a word of its own inside a span before an
    /// organisation's, programme's or event's ending, opens the clause the name stands in; the
    /// name starts after it (甲局對乙委員會 → 乙委員會;
    /// `recognize::names::start::name_after_a_clause_preposition`).
    ClausePreposition = "clause-preposition",
    /// 對於, 至於, 被問到: opens a sentence's first clause as its topic (對於甲的說法，他指: 甲 is
    /// spoken of, and a pronoun after the clause is not 甲).
    TopicFrame = "topic-frame",
    /// 該, 此, 這: "this, that": no name ends with it (該公司 is a reference).
    Demonstrative = "demonstrative",
    /// 該: before an ending it refers to the body named before (該公司, 該局); 這 and 此 open
    /// other words there (這部分 is "this part").
    Anaphoric = "anaphoric",
    /// 其, 各: "its, each": no name ends with it.
    Determiner = "determiner",
    /// 本, 我: "our, this" (本澳 + generic words describe, they do not name).
    Deictic = "deictic",
    /// 他, 她: a pronoun that continues the last person named.
    PersonalPronoun = "personal-pronoun",
    /// 警方: a body the text names by its role alone (statements: 警方表示 is the statement of
    /// the police body named last before it, a [`Role::PoliceEnding`] name; with none, of one
    /// body of the article named by the word).
    SpeakingBody = "speaking-body",
    /// 控方, 辯方: a side of a court case named by its role alone (statements: 控方指 is the
    /// statement of one body of the article named by the word; it refers to no body named before).
    CourtParty = "court-party",
    /// 警務處, 公安局: endings of the names of police bodies (not 警署: a station is a place) (the body 警方 refers to).
    PoliceEnding = "police-ending",
    /// 局方, 該公司: a word that refers to the organisation named last before it whose name ends
    /// in the word without its 該 or its last character (局方 → a 局, 該公司 → a 公司); with
    /// none, nobody (statements: 局方表示 is that body's statement).
    BodyReference = "body-reference",
    /// 校方, 該校: refers to the school named last before it (a [`Role::SchoolEnding`] name).
    SchoolReference = "school-reference",
    /// 學, 學院, 校: endings of the names of schools and universities.
    SchoolEnding = "school-ending",
    /// 當局, 官方: refers to the government body named last before it (an
    /// [`Role::AuthorityEnding`] name: 政府, a 局, a 署…).
    GovernmentReference = "government-reference",
    /// 府, 局, 署, 處: endings of the names of the bodies 當局 may refer to (wider than
    /// [`Role::GovernmentEnding`], which keeps a foreign ministry's country).
    AuthorityEnding = "authority-ending",
    /// 政府 standing alone: the government, unnamed (a 當局 after it refers to it, not to a body
    /// named before it; statements: 政府表示 is the statement of the government named just
    /// before it, else of the article's region's one government).
    UnnamedGovernment = "unnamed-government",
    /// 發言人 standing without its body (statements: speaks for the body whose spokesman spoke
    /// last: 外交部發言人表示…。發言人又指).
    Spokesman = "spokesman",
    /// 職員, 工作人員, 有關負責人 right after a body's name (statements: 某酒店職員表示 is the
    /// body's statement, as its spokesman's is).
    Staff = "staff",
    /// 報道 standing without its outlet (statements: speaks for the outlet whose report was named
    /// last: 新華社報道…。報道又指; annotators attribute such statements to the outlet).
    Report = "report",
    /// 聲明, 報告 standing without the body that issued it (statements: speaks for the body whose
    /// statement or report was named last: 某會發表聲明…。聲明又指). Unlike a 報道 it does not
    /// speak before a bare pause: 索取學校報告， is a noun of the sentence, not an attribution.
    Document = "document",
    /// 發表, 發出, 公布: issues a statement or report (statements: 某會昨日發表聲明 is 某會's; a
    /// document issued by no one named is nobody's).
    IssuingVerb = "issuing-verb",
    /// 們, 人, 國: after 他/她 it is another word (他們, 他人), not a pronoun.
    NotPronounAfter = "not-pronoun-after",
    /// 其, 吉, 利: before 他 it is another word (其他, 吉他), not a pronoun.
    NotPronounBefore = "not-pronoun-before",
    /// 雙方, 各方: the parties of the agreement just named.
    PartyWord = "party-word",
    /// 暨: joins two event names into the name of one event (甲論壇暨乙洽談會 is one event;
    /// `resolve::joined_events`).
    EventJoiner = "event-joiner",
    /// 本屆, 是次, 該: this edition of an event (dropped from its name; 本次峰會 is the event).
    ThisEdition = "this-edition",
    /// 首屆, 上屆, 今年: another edition or a year before an event's name (dropped from it).
    OtherEdition = "other-edition",
    /// 阿: the familiar prefix of a nickname — 阿 and one character name a person the tagger
    /// proposes without a surname (阿明; `tagged_people::familiar_name`).
    FamiliarPrefix = "familiar-prefix",
    /// 姨, 伯, 婆, 太: after the familiar prefix a kinship word of address, no nickname (阿姨, 阿伯:
    /// the general lexicon tags most of them as names; `tagged_people::familiar_name`); after a
    /// surname, a person addressed so (陳太, 黃伯), not the surname and an adverb
    /// (`person::read::surname_alone_before_predicate`).
    KinAddress = "kin-address",
    /// 狄, 奚, 容: a real Chinese surname left out of `surnames.tsv` because it is rare or its
    /// character is mostly an ordinary word (容易, 利用, 回應); a name the tagger proposes with
    /// it is a person only at a transliteration's margin (`tagged_people::rare_surname_name`).
    RareSurname = "rare-surname",
    /// 等, 的, 在: a given name does not end with it (王勇等 is 王勇).
    NotInGivenName = "not-in-given-name",
    /// 在, 表, 指: often follows a name (a verb or preposition starts).
    AfterName = "after-name",
    /// 攝: "photographed by", after a name closing a caption's line (「…合照。陳大文攝」).
    PhotoCredit = "photo-credit",
    /// 左, 右, 中: where a person stands in a photo, in brackets after the name, perhaps with
    /// an ordinal (陳大文（左二）; `recognize::captioned_people`).
    CaptionPosition = "caption-position",
    /// 前排, 後排: the row of a photo before a caption position (李明（前排右三）).
    CaptionRow = "caption-row",
    /// 的, 將, 是: after a two-character alias it stands as a word (城大的…).
    AfterShortAlias = "after-short-alias",
    /// 擔任, 出任: a person takes a post (由陳大文擔任主任).
    AppointingVerb = "appointing-verb",
    /// 將, 已, 正式, 今年: between a person and the verb of an appointment (陳大文將於明年正式出任).
    AppointmentGap = "appointment-gap",
    /// 年, 月, 日: after a number, a date's unit (passed over in an appointment's gap: 於2025年1月).
    DateUnit = "date-unit",
    /// 前, 前任, 候任: a post held before or to be held, written before the post's title or its
    /// body (前立法會議員, 候任特首): part of the post (a former post is 前議員), and a chain of
    /// titles runs on past it (前甲會主席、乙會會長陳大文).
    PostTense = "post-tense",
    /// 時任, 現任: the post held then or now, before a title or its body: a chain of titles runs
    /// on past it (甲會前主席、現任乙會會長陳大文), but the post is the same post.
    PostTime = "post-time",
    /// 接替, 接棒: "succeeding" — the person after it is the predecessor (甲接替乙出任主席).
    SucceedingVerb = "succeeding-verb",
    /// 委, 部, 辦: a unit of the body named before it, between two chained titles (市委常委、
    /// 政法委書記: the political-legal committee of the city's party committee).
    SubBodyEnding = "sub-body-ending",
    /// 市長, 省長: a title that heads the government of a place.
    HeadOfGovernment = "head-of-government",
    /// 副主席: ends like a head of government but is none.
    NotHeadOfGovernment = "not-head-of-government",
    /// 法官, 裁判官: a judge's or magistrate's title; written without a court it is a post in the
    /// court the report names (`judges_in_their_court` in recognize/person/posts.rs).
    JudicialTitle = "judicial-title",
    /// 裁判: in a title (裁判官) and in a court's name (裁判法院) it marks the magistracy, whose
    /// bench (裁判官) sits only in a magistrates' court (`judges_in_their_court`).
    Magistracy = "magistracy",
    /// 副: a title cut right after it is another rank, not a short form of the same post (主席
    /// of 副主席; `drop_bodiless_repeats` in lib.rs).
    DeputyPrefix = "deputy-prefix",
    /// 局長, 市長: a head's title that may be written on the last character of its body's name,
    /// the character shared (教育局長 = 教育局 + 局長; `recognize::known::crossed_by_title` keeps the
    /// body, `person::posts::org_before` gives it the post).
    ContractedTitle = "contracted-title",
    /// 部, 局, 委員會: a government body's ending (a foreign ministry keeps its country).
    GovernmentEnding = "government-ending",
    /// 使館, 領事館: a country's mission abroad, which keeps the country it is named with
    /// (英國駐港總領事館 is Britain's, not a consulate 駐港總領事館 in Britain).
    Mission = "mission",
    /// 駐: "stationed in", between a mission's country and where it is (中國駐英國大使館).
    Stationed = "stationed",
    /// 市, 省, 縣: an administrative unit after a place's name (鹽城市人民政府).
    AdministrativeUnit = "administrative-unit",
    /// 國家, 全國, 國際: words of scope, which open proper names (not generic modifiers).
    Scope = "scope",
    /// 國家, 中國, 中央: a prefix that only says where a body is.
    NationalPrefix = "national-prefix",
    /// 中心: a venue's ending (a place before it locates the venue).
    VenueEnding = "venue-ending",
    /// 港: a port after a known place (天津港), else Hong Kong.
    PortEnding = "port-ending",
    /// 站, 港鐵站: a station, named by the place it serves (紅磡站); other stations are common
    /// nouns (網站, 票站, 監測站, 地鐵站).
    StationEnding = "station-ending",
    /// 大廈, 商場, 體育館, 水塘, 苑: a building, estate or venue's ending, which names one only
    /// with a known place at its start or right before it (觀塘金豪工業大廈, 紅磡體育館).
    BuildingEnding = "building-ending",
    /// 道, 街, 路: a road's ending, read only in an address (`names::roads`: 報道, 上街, 馬路 are
    /// ordinary words).
    RoadEnding = "road-ending",
    /// 交界, 一帶, 近: after a road, words of an address that say it is a road's name.
    RoadAddress = "road-address",
    /// 樓, 閣: a block's ending after an estate's (某某邨松風樓).
    BlockEnding = "block-ending",
    /// 邨, 苑, 花園: an estate's ending, before which a block's name is read.
    EstateEnding = "estate-ending",
    /// 澳, 元, 股: after 港 it is a word (港澳, 港元), not a port.
    HongKongCompound = "hong-kong-compound",
    /// 有限公司: a registered company's ending (a full name, never another's short form).
    RegisteredCompanyEnding = "registered-company-ending",
    /// 當局: "the authorities" after a place or a party (北京當局, 中共當局): the place or party
    /// itself, named as the power there (`resolve::authorities_named_by`).
    Authorities = "authorities",
    /// 集團, 公司, 基金, 大學: the ending of a body whose name proper, a brand of two or three
    /// characters, names it alone (順豐集團 … 順豐; `resolve::brand_stems`).
    BrandEnding = "brand-ending",
    /// 公司, 有限公司, 集團: the word for the company itself, written after a company's name
    /// without making it another body (甲乙 … 甲乙公司; `resolve::company_named_with_its_form`).
    CompanyForm = "company-form",
    /// 官, 大狀, 生: written after a surname, the way Hong Kong reporting addresses a judge, a
    /// barrister, a man (陳官, 陳大狀; `resolve::surname_and_honorific`).
    Honorific = "honorific",
    /// 成長, 精選, 紅利, 債券: a word that ends (or continues) the name of a fund product after its
    /// house's short name (北辰成長, 北辰穩健精選; `recognize::names::funds::fund_products`).
    FundProduct = "fund-product",
    /// ETF, LOF: a fund traded on an exchange; after a stock index, a fund's name (上證50ETF).
    ExchangeFund = "exchange-fund",
    /// 偏股, 公募, 次新, 國內: a word that, with product words, says which kind of fund a text
    /// means (偏股基金, 國內債券基金 are kinds, no fund's name;
    /// `recognize::names::ending::kind_of_fund`).
    FundKind = "fund-kind",
    /// 旗下: "under", after an owner (北辰旗下的基金): a fund house's short name before it names the
    /// house (`recognize::names::funds::houses_by_short_name`).
    OwnerMarker = "owner-marker",
    /// A, B, C, QDII: a share class or series written after a fund product's name (北辰債券C).
    FundClass = "fund-class",
    /// 滬深300, 上證50, 中小板: a stock index a fund tracks; with ETF or LOF after it, a fund's
    /// name (上證50ETF), and a product word after a house's name (北辰滬深300).
    StockIndex = "stock-index",
    /// 型, 式, 類: the last character of a type word (股票型, 封閉式); a few ordinary words ending
    /// in one before an ending name a kind of thing (`recognize::names::ending::generic_type`).
    TypeMorpheme = "type-morpheme",
    /// 第: opens an ordinal (第二輪), an edition of one thing, not a count of many
    /// (`recognize::names::ending::brand_opens_with_an_ordinary_word`).
    OrdinalPrefix = "ordinal-prefix",
    /// 個, 家, 項: after a numeral, a count (30個…試驗區 is a class of things, not a name).
    CountingMeasure = "counting-measure",
    /// 餘, 多, 幾: count words that stand among numerals (二十餘個).
    CountWord = "count-word",
    /// 條例, 白皮書, 報告: the last word of a document's title (《X白皮書》 is an initiative).
    DocumentEnding = "document-ending",
    /// 協議書, 備忘錄, 意向書: the last word of an agreement's title (《甲與乙合作備忘錄》: 甲 and
    /// 乙 signed with each other; `relation::agreement_parties`).
    AgreementEnding = "agreement-ending",
    /// 行動, 工程, 計劃: after a quoted term, a programme (「X」行動).
    ProgrammeWord = "programme-word",
    /// 集會, 論壇, 演習: after a quoted name, a happening named by it (「X」集會 is the event X;
    /// `recognize::names::quoted::quoted_events`).
    HappeningWord = "happening-word",
    /// 訴求, 綱領: after N大, a platform named by its count (五大訴求 is an initiative;
    /// `recognize::names::quoted::counted_platforms`).
    CountedPlatform = "counted-platform",
    /// 事件, 示威, 活動: after a quoted name, an incident or campaign named by it (「X」事件 is the
    /// event X; `recognize::names::quoted::quoted_events`), not a meeting held
    /// (`resolve::announced_meeting` still reads the article's press conference beside it).
    IncidentWord = "incident-word",
    /// 衝突, 暴動, 事件, 遊行: after a place or a day, the word that makes them the name of an
    /// incident (旺角衝突, 六四事件; `recognize::names::incident`), which is told of, not held
    /// (`resolve::is_told_of`).
    IncidentEnding = "incident-ending",
    /// 遊行, 集會, 示威: incident words that are verbs too; after a place a preposition governs
    /// they say where people marched (在中環遊行), no name (`recognize::names::incident`).
    IncidentVerb = "incident-verb",
    /// 大: between an incident's place or day and its word, part of the name (七一大遊行).
    IncidentIntensifier = "incident-intensifier",
    /// 者, 人士: after an incident word, the people taking part (集會者), no incident.
    IncidentParticipant = "incident-participant",
    /// 六四, 七一: a day known by its date, which names the incidents of that day (六四事件,
    /// 七一遊行; `recognize::names::incident`).
    NamedDay = "named-day",
    /// 死因研訊, 聆訊: a hearing; a headline's topic tag ending with one names it (【X死因研訊】;
    /// `recognize::names::quoted::bracketed_hearings`).
    HearingWord = "hearing-word",
    /// 事件: after a named day, the incident the day alone names too (六四事件 … 平反六四;
    /// `resolve::incident_days`), unlike a march or a rally of that day (七一遊行: 七一 is the day).
    DayIncident = "day-incident",
    /// 選舉, 補選, 初選, 大選: the ending of an election's name (2016年立法會選舉, 美國總統大選):
    /// an election is named by where and for what it is held, not by the clause that mentions
    /// it (`recognize::names::start::election_starts_after_its_clause`), and it is told of, not
    /// a meeting with speakers (`resolve::is_told_of`).
    ElectionWord = "election-word",
    /// 換屆, 中期: says which election of a body it is, inside its name (立法會換屆選舉, 共和黨中期
    /// 選舉), though the general lexicon reads it as a verb or a time word
    /// (`recognize::names::start::election_starts_after_its_clause`).
    ElectionQualifier = "election-qualifier",
    /// 年, 年度: after a year's digits, written with the name of the event of that year
    /// (2016年立法會選舉, 2008年度…發布會; `recognize::names::ending::event_name`).
    YearMark = "year-mark",
    /// 制度, 條例, 程序: after an election word, a rule of elections (香港選舉制度), not an
    /// election held (`recognize::names::ending::election_word_of_something_else`).
    ElectoralRule = "electoral-rule",
    /// 聯合, 軍事: between a quoted name and its happening word (「X」聯合軍事演習).
    HappeningModifier = "happening-modifier",
    /// 團: after a title or verb, a group of people (代表團, 主席團), inside a name
    /// (`recognize::names::start::makes_a_group`).
    GroupEnding = "group-ending",
    /// 記者會, 簡介會, 會議: a meeting named by what it is; announced in an article that names
    /// no event, it is the article's event (`resolve::announced_meeting`).
    GenericMeeting = "generic-meeting",
    /// 會員大會, 股東大會: a body's general meeting, one kind of generic meeting that is not
    /// another name of the press conference held beside it (`resolve::announced_meeting`).
    GeneralMeeting = "general-meeting",
    /// 見記者: a generic meeting named by its own verb and audience (林大文今日見記者); it needs no
    /// verb before it to be held (`resolve::announced_meeting`).
    SelfConvenedMeeting = "self-convened-meeting",
    /// 上, 後, 期間: after a generic meeting word, the meeting as the setting of what is said or
    /// done (在記者會上表示, 記者會後稱, 發布會期間): a meeting that took place
    /// (`resolve::announced_meeting`).
    MeetingSetting = "meeting-setting",
    /// 開, 主持: convenes a meeting (開記招), besides the holding and attending verbs.
    ConveningVerb = "convening-verb",
    /// 企業, 公司: after a Latin name, a company (DeepSeek等企業).
    CompanyWord = "company-word",
    /// 組織, 政黨, 團體: before a quoted name, the class of an organisation named by it
    /// (極端組織「X」; `recognize::names::quoted::quoted_organisations`).
    OrganisationClass = "organisation-class",
    /// 報, 週刊, 雜誌: the last word of a publication's title (《X日報》 is a newspaper, an
    /// organisation; `recognize::names::quoted::publications`).
    PublicationEnding = "publication-ending",
    /// 據, 接受: before a title in book marks, the source of a report or the outlet that
    /// interviews (據《X》, 接受《X》訪問): the title names a medium, an organisation
    /// (`recognize::names::quoted::reported_media`).
    /// 證券, 燒味, 茶餐廳, 書院: an ending of a firm, shop or school that is also the word for
    /// what it sells or is (securities, roast meat): its name needs the tagger's or a place's
    /// confirmation, and starts where the tagger starts it (`recognize::names::marker`,
    /// `recognize::names::start`).
    TradeEnding = "trade-ending",
    MediaSource = "media-source",
    /// 報道, 引述, 記者, 網站: after a title in book marks, what a medium does or has
    /// (《X》報道, 《X》記者): the title names a medium (`recognize::names::quoted::reported_media`).
    MediaReport = "media-report",
    /// 以下簡稱, 下稱: introduces an abbreviation in parentheses.
    AbbreviationMarker = "abbreviation-marker",
    /// 次, 場: counts occasions; a count before an event's name is no part of it (舉行一次升旗
    /// 儀式; `recognize::names::ending::event_name`).
    OccasionMeasure = "occasion-measure",
    /// 儀式, 典禮: a ceremony, a happening one attends or holds; held or attended, the words
    /// before it name it (`recognize::names::marker::attended_or_held`).
    CeremonyWord = "ceremony-word",
    /// 隆重, 盛大: an adverb between an event's venue and its verb.
    CeremonyAdverb = "ceremony-adverb",
    /// 舉行, 開幕, 召開: an event is held (在X舉行: X is the venue).
    HoldingVerb = "holding-verb",
    /// 開幕式, 閉幕式: the opening or closing of an event; attended bare (出席了閉幕式), it is the
    /// event the text tells of (`relation::Analysis::ceremony_of_event_told`).
    EventCeremony = "event-ceremony",
    /// 閉幕, 落幕: an event closes (在X閉幕: X is the venue; the day it closes is not its start).
    ClosingVerb = "closing-verb",
    /// 致辭, 發言, 主持: the people in the sentence address the event.
    AddressingWord = "addressing-word",
    /// 採訪, 日前: what someone said was said elsewhere than at the event.
    ElsewhereWord = "elsewhere-word",
    /// 出席: attending (the attendance sentence names the event's speakers).
    AttendingVerb = "attending-verb",
    /// 電: ends a wire dateline (新華社北京5月3日電).
    DatelineEnd = "dateline-end",
    /// 電, 訊, 消息: closes the source line a reporters' byline in brackets follows
    /// (新華社北京5月3日電（記者…）, 北辰報訊（記者…）, 北辰網北京5月3日消息（記者…）).
    BylineSourceEnd = "byline-source-end",
    /// 又, 也, 亦: an adverb between a speaker and the speech verb.
    Adverb = "adverb",
    /// 在, 對, 接: opens a frame between a speaker and the verb (在致辭中表示).
    FrameOpener = "frame-opener",
    /// 中, 上, 時: closes a frame (在聲明中表示, 在記者會上說, 回覆查詢時指); a body's frame that
    /// holds 的 must end with one (在周二發表的聲明中說, not 在會上介紹的情況表示).
    FrameCloser = "frame-closer",
    /// 作出, 給予: takes a verb for its object (作出回應); the verb after it is no act of saying.
    LightVerb = "light-verb",
    /// 進行: carries the verb written a few characters after it, whose objects stand after a
    /// [`Role::CarriedTarget`] before it (對乙國進行國事訪問): `relation::arguments::objects_through_dui`.
    CarrierVerb = "carrier-verb",
    /// 對: names the objects of a verb a [`Role::CarrierVerb`] carries (對乙國、丙國進行訪問).
    CarriedTarget = "carried-target",
    /// 引述, 援引: a body citing someone (某報引述官員稱): the one cited speaks, not the body.
    CitingVerb = "citing-verb",
    /// 被, 遭, 獲: the passive (某公司被團體批評, 某會獲商戶回覆稱): the one before it is spoken of, not speaking.
    PassiveMarker = "passive-marker",
    /// 受到, 飽受, 的: right before an against-verb (受到批評, 回應他的批評), the verb is a noun or
    /// a passive with nobody named doing it (`relation::against`).
    UnnamedAgent = "unnamed-agent",
    /// 由, 改由, 交由: names who does what the verb after the name says (甲改由乙管轄: 乙 does;
    /// `relation::predicate`).
    AgentMarker = "agent-marker",
    /// 當日, 亦, 正式: passed over between two parties of a relation.
    Transparent = "transparent",
    /// 接受: before an interviewer and an interview noun (X接受Y專訪; `relation::clause`).
    AcceptingVerb = "accepting-verb",
    /// 妻子, 兒子, 胞兄: a relative, between two people (甲的妻子乙; `relation::clause`).
    Kin = "kin",
    /// 好友, 同學: a friend, between two people (甲生前好友乙; `relation::clause`).
    Acquaintance = "acquaintance",
    /// 生前, 已故: before a word of kin or friendship (甲生前好友乙).
    KinModifier = "kin-modifier",
    /// 保鑣, 拍檔, 司機: a person who works beside the one named before (甲的保鑣乙 → 乙
    /// relatedTo 甲; `relation::clause`).
    Aide = "aide",
    /// 不, 未, 並非: right before a relation verb, the sentence denies the link (甲不屬於乙;
    /// `relation::negated`).
    Negation = "negation",
    /// 首都, 東北部: between a place and a place inside it (甲國首都乙市; `relation::adjacent`).
    PlaceWithin = "place-within",
    /// 內地, 本港, 當地: a place named from where the writer stands; written before or after
    /// another place it states no containment (香港內地, 內地口岸區; `relation::adjacent`).
    RelativePlace = "relative-place",
    /// 線, 鐵: ends the name of a railway line, which the stations after it are on, not in
    /// (甲線乙站; `relation::adjacent`).
    RouteEnding = "route-ending",
    /// 委員會, 學院, 秘書處: ends a unit of a body named right before it (甲大學醫學院, 甲會秘書處;
    /// `relation::adjacent`), besides the endings of [`Role::SubBodyEnding`].
    UnitEnding = "unit-ending",
    /// 與, 同, 跟: before a companion who does what the verb after it says with the clause's topic
    /// (甲昨日與乙會面, 甲與乙斷交; `relation::party`).
    Companion = "companion",
    /// 到, 往, 赴: before the body or place a verb after it is done at, the doer having gone
    /// there (甲到乙處投訴, 甲赴乙院申請; `relation::party`).
    Destination = "destination",
    /// 向, 對, 為, 替, 給: before the party a verb after it is done to or for (甲向乙提出…,
    /// 甲對乙宣判, 甲為乙做手術; `relation::party`).
    Addressee = "addressee",
    /// 對, 為: the party after it may open a whole clause the preposition takes (甲對乙加入感到
    /// 意外, 甲為乙不可分離的一部分): when another verb follows in the clause, the verb right after
    /// the party is the party's own (`relation::party`).
    ClauseTaking = "clause-taking",
    /// 都, 均, 分別, 也, 同日: after two names joined by 與 or 和, each does the verb on its own
    /// (甲與乙都表示…, 甲與乙同日發布…), not with the other (`relation::party`).
    Distributive = "distributive",
    /// 是, 有, 表示, 透過: a verb that states no link between its subject and the name after it
    /// (a copula, a modal, a verb of saying or a preposition-like verb; `relation::predicate`).
    NonRelatingVerb = "non-relating-verb",
    /// 了, 過, 回: after a verb, before its object (引渡回, 派遣了; `relation::predicate`).
    VerbComplement = "verb-complement",
    /// 至, 到: joins the two ends of a range (3至5年, 9日至10日).
    RangeWord = "range-word",
    /// 立, 員: after 成 it is a word (成立, 成員), not tenths.
    NotTenthsAfter = "not-tenths-after",
    /// 瓦, 米: after 千 a unit (千瓦), not a thousand.
    ThousandUnit = "thousand-unit",
    /// 成立, 設立: money before it funds what follows (斥資10億元成立的Y).
    FoundingVerb = "founding-verb",
    /// 以來, 起, 底: after a year at a clause start, still the time phrase (2022年以來).
    TimeTail = "time-tail",
    /// 幾, 若干: a count that does not say how many (提出幾點建議).
    IndefiniteCount = "indefinite-count",
    /// 如下: "as follows" after an announced list.
    AsFollows = "as-follows",
    /// 上午, 晚: a time of day before a clock time.
    TimeOfDay = "time-of-day",
    /// 為期, 連續: before a number of days it is a length of time (為期3日).
    DurationBefore = "duration-before",
    /// 內, 以來: after a number of days it is a length of time (30日內).
    DurationAfter = "duration-after",
    /// 年代, 年級: after a number, no year.
    NotAYear = "not-a-year",
    /// 月份: after a number, no date.
    NotAMonth = "not-a-month",
    /// 本月: the month of publication.
    ThisMonth = "this-month",
    /// 上月: the month before publication.
    LastMonth = "last-month",
    /// 下月: the month after publication.
    NextMonth = "next-month",
    /// 昨日, 昨晚: the day before publication.
    Yesterday = "yesterday",
    /// 今日, 今早: the day of publication.
    Today = "today",
    /// 前日, 前晚: two days before publication.
    DayBeforeYesterday = "day-before-yesterday",
    /// 明日, 明早: the day after publication.
    Tomorrow = "tomorrow",
    /// 周, 星期: before 一…六 or a Sunday word, a day of the week (`date::read::weekday_at`).
    WeekWord = "week-word",
    /// 日, 天: after a week word, Sunday (周日, 星期天).
    SundayWord = "sunday-word",
    /// 上, 上個: before a week word, the week before publication's (上周五).
    LastWeek = "last-week",
    /// 下, 下個: before a week word, the week after publication's (下周一).
    NextWeek = "next-week",
    /// 本, 這: before a week word, the week of publication (本周三).
    ThisWeek = "this-week",
    /// 每: before a week word, every such day, no date (每周一).
    EveryWeek = "every-week",
    /// 將於, 即將: a bare day around it is on or after publication.
    ComingMarker = "coming-marker",
    /// 已於: a bare day after it is on or before publication.
    PastMarker = "past-marker",
}

/// Every word class of `function_words.tsv`.
#[derive(Debug)]
pub(crate) struct FunctionWords {
    sets: Vec<WordSet>,
}

impl FunctionWords {
    /// Parses `function_words.tsv`.
    ///
    /// # Errors
    /// A malformed line, an unknown role, or a word listed twice in one role.
    pub(crate) fn load(sources: &Sources) -> Result<Self, LexiconError> {
        let mut sets: Vec<WordSet> = Role::ALL.iter().map(|_| WordSet::default()).collect();
        let choices: Vec<(&str, Role)> = Role::ALL.iter().map(|r| (r.name(), *r)).collect();
        for row in sources.rows("function_words.tsv", 2)? {
            let role = row.one_of(1, "role", &choices)?;
            if !sets[role as usize].insert(row.get(0)) {
                return Err(row.error(format!("'{}' is listed twice as {}", row.get(0), role.name())));
            }
        }
        for set in &mut sets {
            // Longest first; the sort is stable, so words of one length keep the file's order.
            set.words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        }
        Ok(Self { sets })
    }

    /// The words of a role.
    pub(crate) fn of(&self, role: Role) -> &WordSet {
        &self.sets[role as usize]
    }

    /// The length in bytes of what `s` starts with if it joins the two ends of a range: a range
    /// word (至, 到) or a dash (3-5, 9日～10日).
    pub(crate) fn range_separator(&self, s: &str) -> Option<usize> {
        self.of(Role::RangeWord)
            .prefix_of(s)
            .or_else(|| s.chars().next().filter(|c| DASHES.contains(c)).map(char::len_utf8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> &'static FunctionWords {
        &crate::Lexicons::embedded().words
    }

    #[test]
    fn longest_prefix_and_suffix_stop_where_no_word_goes_on() {
        let mut map: WordMap<u8> = WordMap::default();
        for (w, v) in [("委員", 1), ("委員會", 2), ("常務委員會", 3), ("會", 4)] {
            map.insert(w, v);
        }
        // Either script: the words are folded.
        assert_eq!(map.prefix_of("委员会主席"), Some(("委员会".len(), &2)));
        assert_eq!(map.prefix_of("委员们"), Some(("委员".len(), &1)));
        assert_eq!(map.prefix_of("委"), None);
        assert_eq!(map.prefix_of("主席"), None);
        assert_eq!(map.suffix_of("北辰常务委员会"), Some(("常务委员会".len(), &3)));
        assert_eq!(map.suffix_of("北辰理事会"), Some(("会".len(), &4)));
        assert_eq!(map.suffix_of("务委"), None);
        assert_eq!(map.suffix_of(""), None);
    }

    #[test]
    fn every_role_has_words_and_lookups_fold() {
        for role in Role::ALL {
            assert!(words().of(*role).words().next().is_some(), "no words for {}", role.name());
        }
        let conjunctions = words().of(Role::Conjunction);
        assert!(conjunctions.has_char('与') && conjunctions.contains("以及") && !conjunctions.has_char('以'));
        assert_eq!(words().of(Role::AbbreviationMarker).prefix_of("以下简称「X」"), Some("以下简称".len()));
        assert_eq!(words().of(Role::ComingMarker).suffix_of("峰会将于"), Some("将于".len()));
        assert!(words().of(Role::ElsewhereWord).occurs_in("他日前接受访问"));
    }

    #[test]
    fn alternations_put_longer_words_first() {
        let alternation = words().of(Role::AbbreviationMarker).alternation();
        assert!(alternation.starts_with("以下简称为|"), "{alternation}");
        assert!(alternation.find("以下简称|") < alternation.find("简称|"), "{alternation}");
    }

    #[test]
    fn unknown_roles_and_repeats_are_errors() {
        let load = |text: &'static str| FunctionWords::load(&Sources::of(&[("function_words.tsv", text)]));
        assert!(load("和\tconjunction\n").is_ok());
        assert!(load("和\tglue\n").unwrap_err().message.contains("unknown role 'glue'"));
        assert_eq!(load("和\tconjunction\n和\tconjunction\n").unwrap_err().line, 2);
        assert_eq!(load("與\tconjunction\n与\tconjunction\n").unwrap_err().line, 2, "the same word in two scripts");
    }
}
