//! The regular expressions the rules match, built when the lexicons load: each one's grammar is
//! written here, its words come from word classes of `function_words.tsv` (a new programme word
//! or holding verb is one line of data, never an edit of a pattern).

use regex::Regex;

use super::words::{FunctionWords, Role};
use crate::lexicon::LexiconError;

/// Every pattern, compiled.
#[derive(Debug)]
pub(crate) struct Patterns {
    /// The edition words an event's name starts with: 第二屆, 本次, 今年 (`^`-anchored).
    pub(crate) edition: Regex,
    /// 《title》 of a document ending with a document word (法, 白皮書): group 1 is the title.
    pub(crate) document: Regex,
    /// A quoted term followed by a programme word: “东数西算”工程; group 1 is the term.
    pub(crate) quoted_programme: Regex,
    /// A quoted name followed by a happening or incident word: 「X」集會, 《X》論壇, 「X」聯合軍事演習,
    /// 「X」事件; group 1 is the name.
    pub(crate) quoted_event: Regex,
    /// A platform named by its count: 五大訴求; group 1 is the whole name (not after another
    /// numeral: 十五大 is a congress).
    pub(crate) counted_platform: Regex,
    /// A quoted name after an organisation's class noun: 極端組織「X」, 政黨“X”; group 1 is the
    /// name (spaces inside the quotes left out).
    pub(crate) quoted_organisation: Regex,
    /// 《title》 of a publication ending with a publication word (報, 週刊): group 1 is the title.
    pub(crate) publication: Regex,
    /// 據《title》, 接受《title》: a medium as the source of a report or the outlet that interviews;
    /// group 1 is the title (not after 根 or 依: 根據《X條例》 cites a law).
    pub(crate) media_before: Regex,
    /// 《title》報道, 《title》記者: a medium by what it does or has; group 1 is the title.
    pub(crate) media_after: Regex,
    /// A Latin-script name followed by a company word: DeepSeek等企业; group 1 is the name.
    pub(crate) latin_company: Regex,
    /// 在X舉行, 於X隆重開幕, 在X閉幕: group 1 is where the event is held.
    pub(crate) venue: Regex,
    /// 在X出席, 於X參加, 在X主持: group 1 is where someone attends or convenes (the venue of the
    /// event attended or convened).
    pub(crate) attended_venue: Regex,
    /// A parenthesis after a name giving its short form: （下稱「X」）, （WHO）; group 1 is it
    /// (`^`-anchored).
    pub(crate) parenthetical: Regex,
    /// A hearing named by a headline's topic tag: 【X死因研訊】, 【X聆訊】; group 1 is the name.
    pub(crate) bracketed_hearing: Regex,
    /// A wire dateline at a sentence's start: 新华社北京3月2日电（记者…） (`^`-anchored).
    pub(crate) dateline: Regex,
}

impl Patterns {
    /// Builds every pattern from the word classes.
    ///
    /// # Errors
    /// A pattern that does not compile (a word class made it too large).
    pub(crate) fn build(words: &FunctionWords) -> Result<Self, LexiconError> {
        let any = |role: Role| words.of(role).alternation();
        let editions = {
            let mut all: Vec<&str> =
                words.of(Role::ThisEdition).words().chain(words.of(Role::OtherEdition).words()).collect();
            all.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            all.into_iter().map(regex::escape).collect::<Vec<_>>().join("|")
        };
        Ok(Self {
            edition: compile(&format!("^(?:第[0-9一二三四五六七八九十百]+届|{editions})"))?,
            document: compile(&format!(
                "《([^《》\\n]{{2,40}}?(?:{})(?:（[^（）]{{1,12}}）)?)》",
                any(Role::DocumentEnding)
            ))?,
            quoted_programme: compile(&format!(
                "[「“『]([^」”』「“『\\n]{{2,16}})[」”』]({})",
                any(Role::ProgrammeWord)
            ))?,
            quoted_event: compile(&format!(
                "[「“『《]([^」”』》「“『《\\n]{{2,20}})[」”』》](?:{})*(?:{}|{})",
                any(Role::HappeningModifier),
                any(Role::HappeningWord),
                any(Role::IncidentWord)
            ))?,
            counted_platform: compile(&format!(
                "(?:^|[^0-9一二三四五六七八九十百千])([一二三四五六七八九十]大(?:{}))",
                any(Role::CountedPlatform)
            ))?,
            quoted_organisation: compile(&format!(
                "(?:{})[「“『]\\s*([^」”』「“『，。、；：！？\\s]{{2,14}})\\s*[」”』]",
                any(Role::OrganisationClass)
            ))?,
            publication: compile(&format!("《([^《》，。、\\s]{{1,16}}?(?:{}))》", any(Role::PublicationEnding)))?,
            media_before: compile(&format!(
                "(?:^|[^根依])(?:{})《([^《》，。、\\s]{{1,16}})》",
                any(Role::MediaSource)
            ))?,
            media_after: compile(&format!("《([^《》，。、\\s]{{1,16}})》(?:{})", any(Role::MediaReport)))?,
            latin_company: compile(&format!(
                r"([A-Za-z][A-Za-z0-9&.\-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9&.\-]*)*)(?:{})?(?:{})",
                any(Role::Etc),
                any(Role::CompanyWord)
            ))?,
            venue: compile(&format!(
                "(?:{})([^，。；：、\\n]{{2,24}}?)(?:{})?(?:{}|{})",
                any(Role::LocativePreposition),
                any(Role::CeremonyAdverb),
                any(Role::HoldingVerb),
                any(Role::ClosingVerb)
            ))?,
            // 、 may stand inside the place's description (在狹小、凌亂的辦公室主持記者會).
            attended_venue: compile(&format!(
                "(?:{})([^，。；：\\n]{{2,16}}?)(?:{}|{})",
                any(Role::LocativePreposition),
                any(Role::AttendingVerb),
                any(Role::ConveningVerb)
            ))?,
            // A name in Latin letters runs longer than a Chinese short form (World Justice
            // Project): up to [`PARENTHESISED_LATIN_MAX`] characters.
            parenthetical: compile(&format!(
                r#"^[（(](?:{})?[「“"『《]?([A-Za-z][A-Za-z .'&\-]{{{},{}}}[A-Za-z.]|[^（）()「」“”"『』《》，。、\n]{{2,{}}}?) ?[」”"』》]?[）)]"#,
                any(Role::AbbreviationMarker),
                PARENTHESISED_SHORT_FORM_MAX - 1,
                PARENTHESISED_LATIN_MAX - 2,
                PARENTHESISED_SHORT_FORM_MAX
            ))?,
            bracketed_hearing: compile(&format!("【([^【】\\n]{{1,14}}?(?:{}))】", any(Role::HearingWord)))?,
            dateline: compile(&format!(
                r"^[^，。（(]{{0,20}}?[0-9０-９一二三四五六七八九十]{{1,3}}月[0-9０-９一二三四五六七八九十]{{1,3}}日(?:{})(?:[（(][^）)]{{0,40}}[）)])?\s*",
                any(Role::DatelineEnd)
            ))?,
        })
    }
}

/// The longest short form a parenthesis after a name holds in any script (WHO, 沙中線); longer
/// content is a name in Latin letters ([`PARENTHESISED_LATIN_MAX`]).
pub(crate) const PARENTHESISED_SHORT_FORM_MAX: usize = 14;

/// The longest name in Latin letters a parenthesis after a name is read as (Foreign Corrupt
/// Practices Act, Sir Michael David Kadoorie): longer is a sentence.
const PARENTHESISED_LATIN_MAX: usize = 48;

fn compile(pattern: &str) -> Result<Regex, LexiconError> {
    Regex::new(pattern).map_err(|e| LexiconError {
        path: "function_words.tsv".into(),
        line: 0,
        message: format!("a pattern built from the word classes does not compile: {e}"),
    })
}

#[cfg(test)]
mod tests {
    fn patterns() -> &'static super::Patterns {
        &crate::Lexicons::embedded().patterns
    }

    #[test]
    fn patterns_read_their_words_from_the_classes() {
        let p = patterns();
        assert_eq!(p.edition.find("第二届南海论坛").map(|m| m.as_str()), Some("第二届"));
        assert_eq!(p.edition.find("本次论坛").map(|m| m.as_str()), Some("本次"));
        let c = p.document.captures("发布《数字经济发展白皮书（2026年）》").unwrap();
        assert_eq!(&c[1], "数字经济发展白皮书（2026年）");
        assert_eq!(&p.quoted_programme.captures("实施“数据强基”工程").unwrap()[1], "数据强基");
        assert_eq!(&p.quoted_event.captures("举行“海风同行”联合集会").unwrap()[1], "海风同行");
        assert_eq!(&p.quoted_organisation.captures("环保组织“ 绿野先锋 ”指").unwrap()[1], "绿野先锋");
        assert_eq!(&p.publication.captures("据《北方晨报》报道").unwrap()[1], "北方晨报");
        assert_eq!(&p.media_before.captures("据《北方之声》称").unwrap()[1], "北方之声");
        assert!(p.media_before.captures("根据《北方条例》").is_none());
        assert_eq!(&p.media_after.captures("美国《北方观察》报道").unwrap()[1], "北方观察");
        assert_eq!(&p.latin_company.captures("MiniMax等企业").unwrap()[1], "MiniMax");
        assert_eq!(&p.venue.captures("在香港会展中心隆重开幕").unwrap()[1], "香港会展中心");
        assert_eq!(&p.venue.captures("上午在南海市闭幕").unwrap()[1], "南海市");
        assert_eq!(&p.attended_venue.captures("今日在南海市出席论坛").unwrap()[1], "南海市");
        assert_eq!(&p.parenthetical.captures("（以下简称“云擎”）").unwrap()[1], "云擎");
        assert_eq!(&p.parenthetical.captures("（Northern Harbour Trust ）").unwrap()[1], "Northern Harbour Trust");
        assert_eq!(
            p.dateline.find("新华社北京3月2日电（记者周明）国家").map(|m| m.as_str()),
            Some("新华社北京3月2日电（记者周明）")
        );
    }
}
