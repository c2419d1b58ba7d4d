//! Names found by pattern: organisations, events, initiatives and places that no lexicon lists.
//!
//! - **By ending** (`suffixes.tsv`): 「香港生產力促進局總裁…」 → 香港生產力促進局. The name runs left
//!   from its ending until punctuation, a boundary word (在, 由, 舉行…), a title, a measure phrase,
//!   or a conjunction after a complete name (…研究院與…聯盟: two names). A weak ending (中心, 計劃)
//!   needs a proper-name marker: quotes, a known place or body at its start, a title right after,
//!   or an abbreviation introduced for it.
//! - **Quoted programmes**: 「X」行動 / “X”工程 → initiative X (the quoted form kept as an alias);
//!   《X白皮書》 → initiative X; **quoted happenings**: 「X」集會 → event X; **publications**:
//!   《X日報》, 《X週刊》 → organisation.
//! - **Funds** by their house's short name and product words (北辰穩健成長) and index funds
//!   (上證50ETF): [`funds`], before the others, which leave their spans alone.
//! - **Incidents** named by their place or day: 旺角衝突, 元朗721事件, 六四事件 → event
//!   ([`incident`]).
//! - **Latin names** before a company word: DeepSeek等企業 → organisation DeepSeek.
//!
//! The modules: [`ending`] (names before an ending, and the rules that reject them), [`start`]
//! (where such a name starts), [`marker`] (what makes a name of a weak ending), [`quoted`],
//! [`latin`], and [`accept`] (settling overlaps with each other and with known names).
//!
//! Overlaps are settled longest first; a known name inside a found name stays a mention only
//! when it is an organisation (國新辦 in 國新辦新聞局, which is then part of it), and a foreign
//! country at the start is split off (德國X協會 → 德國 + X協會).

use crate::analysis::Analysis;
use crate::lexicon::Role;
use crate::model::EntityKind;
use crate::numeral::is_numeral_char;
use crate::span::Span;
use regex::Regex;

mod accept;
mod ending;
mod funds;
mod incident;
mod latin;
mod marker;
mod quoted;
mod roads;
mod start;

use crate::text::{CLOSE_QUOTES, OPEN_QUOTES};

/// A name candidate.
#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    kind: EntityKind,
    /// The quoted surface to keep as an alias («“东数西算”工程»), when the label is inside quotes.
    quoted_alias: Option<Span>,
}

pub(crate) fn recognise(a: &mut Analysis<'_>) {
    funds::fund_products(a);
    let mut candidates = ending::by_ending(a);
    candidates.extend(quoted::quoted_programmes(a));
    candidates.extend(quoted::documents(a));
    candidates.extend(quoted::quoted_events(a));
    candidates.extend(incident::named_incidents(a));
    candidates.extend(quoted::bracketed_hearings(a));
    candidates.extend(quoted::quoted_organisations(a));
    candidates.extend(quoted::counted_platforms(a));
    candidates.extend(quoted::publications(a));
    candidates.extend(quoted::reported_media(a));
    candidates.extend(latin::latin_companies(a));
    candidates.extend(roads::named_roads(a));
    candidates.extend(roads::estate_blocks(a));
    accept::accept(a, candidates);
}

/// A match of one of the name patterns: where its name (group 1) and the whole match stand, in
/// characters, and the name's folded text.
struct Captured<'t> {
    name: Span,
    whole: Span,
    folded: &'t str,
}

impl Captured<'_> {
    /// The candidate the match names, with the whole match as an alias when `keep_whole`
    /// (「X」行動 for X).
    fn candidate(&self, kind: EntityKind, keep_whole: bool) -> Candidate {
        Candidate { span: self.name, kind, quoted_alias: keep_whole.then_some(self.whole) }
    }
}

/// Every match of `pattern` in the folded text that has a group 1.
fn captured<'t>(a: &'t Analysis<'_>, pattern: &'t Regex) -> impl Iterator<Item = Captured<'t>> + 't {
    let text = a.text();
    pattern.captures_iter(text.folded()).filter_map(move |c| {
        let name = c.get(1)?;
        let whole = c.get(0)?;
        Some(Captured {
            name: text.span_of_folded_bytes(name.start(), name.end()),
            whole: text.span_of_folded_bytes(whole.start(), whole.end()),
            folded: name.as_str(),
        })
    })
}

/// Whether a character is a conjunction or a comitative (和, 及, 與, 同, 並).
fn joins(a: &Analysis<'_>, c: char) -> bool {
    a.class(Role::Conjunction).has_char(c) || a.class(Role::Comitative).has_char(c)
}

/// Whether a character stands in a count: a numeral character or a count word (二十餘個).
fn counts_char(a: &Analysis<'_>, c: char) -> bool {
    is_numeral_char(c) || a.class(Role::CountWord).has_char(c)
}

/// Whether the span is exactly the content of a quotation.
fn is_quoted(a: &Analysis<'_>, span: Span) -> bool {
    span.start > 0 && OPEN_QUOTES.contains(&a.char_at(span.start - 1)) && CLOSE_QUOTES.contains(&a.char_at(span.end))
}

#[cfg(test)]
mod tests {
    use crate::analysis::testing::analysis_with;
    use crate::model::EntityKind;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let mut a = analysis_with(text, None, &[]);
        super::super::known::recognise(&mut a);
        super::recognise(&mut a);
        let (entities, _) = a.entities.finish(false);
        entities.into_iter().map(|e| (e.label, e.kind)).collect()
    }

    fn has(found: &[(String, EntityKind)], label: &str, kind: EntityKind) -> bool {
        found.iter().any(|(l, k)| l == label && *k == kind)
    }

    #[test]
    fn organisation_by_ending_starts_after_punctuation_and_boundaries() {
        let f = names("會上，東華三院總監陳大文表示，活動由香港青年協進會主辦。");
        assert!(has(&f, "香港青年協進會", EntityKind::Organization), "{f:?}");
        let f = names("该项目由海南省旅游和文化广电体育厅牵头。");
        assert!(has(&f, "海南省旅游和文化广电体育厅", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn conjunction_after_a_complete_name_splits_two_names() {
        let f = names("南方科技研究院與東海數碼產業聯盟聯合發布報告。");
        assert!(has(&f, "南方科技研究院", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "東海數碼產業聯盟", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn a_clause_word_before_a_tagged_organisation_goes() {
        for (text, name, glued) in [
            ("當局決定暫緩西山科技有限公司的申請。", "西山科技有限公司", "當局決定暫緩西山科技有限公司"),
            ("当局决定暂缓西山科技有限公司的申请。", "西山科技有限公司", "当局决定暂缓西山科技有限公司"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
            assert!(f.iter().all(|(l, _)| l != glued), "{text}: {f:?}");
        }
        for (text, name) in [("運輸及房屋局局長表示。", "運輸及房屋局"), ("运输及房屋局局长表示。", "运输及房屋局")]
        {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: a conjunction inside stays: {f:?}");
        }
    }

    #[test]
    fn police_stations_prisons_and_museums_named_by_a_place_are_places() {
        for (text, name) in [
            ("示威者昨晚包圍旺角警署。", "旺角警署"),
            ("示威者昨晚包围旺角警署。", "旺角警署"),
            ("他其後被送往赤柱監獄服刑。", "赤柱監獄"),
            ("他其后被送往赤柱监狱服刑。", "赤柱监狱"),
            ("市民周日到沙田博物館參觀。", "沙田博物館"),
            ("市民周日到沙田博物馆参观。", "沙田博物馆"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Place), "{text}: {f:?}");
            assert!(f.iter().all(|(l, k)| l != name || *k == EntityKind::Place), "{text}: {f:?}");
        }
        // A clause that ends in 警署 names no station.
        for text in ["他被帶返警署扣查。", "他被带返警署扣查。", "警員隨即押他入警署。"] {
            let f = names(text);
            assert!(f.iter().all(|(l, _)| !l.ends_with("警署")), "{text}: {f:?}");
        }
    }

    #[test]
    fn conjunction_inside_a_name_stays() {
        let f = names("會議由文化和旅遊發展局召開。");
        assert!(has(&f, "文化和旅遊發展局", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn generic_and_counted_descriptions_are_not_names() {
        let f = names("相關部門已在全國設立了二十多個重點實驗室，並舉行主論壇和專題分論壇。");
        assert!(f.iter().all(|(_, k)| *k != EntityKind::Organization && *k != EntityKind::Event), "{f:?}");
    }

    #[test]
    fn a_quoted_name_before_a_happening_word_is_an_event() {
        for (text, name) in [
            ("市民周五在公園舉行「海風同行」集會。", "海風同行"),
            ("市民周五在公园举行“海风同行”集会。", "海风同行"),
            ("三國海軍舉行「南洋」聯合軍事演習。", "南洋"),
            ("三国海军举行“南洋”联合军事演习。", "南洋"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Event), "{text}: {f:?}");
        }
        // A quoted law, a known body or generic words name no happening.
        for text in ["議員就《公司條例》會議提問。", "议员就《公司条例》会议提问。", "市民舉行「大型」集會。"]
        {
            let f = names(text);
            assert!(f.iter().all(|(_, k)| *k != EntityKind::Event), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_headline_tag_ending_with_a_hearing_word_names_the_hearing() {
        for (text, name) in [
            ("【南灣貨倉死因研訊】消防員供稱火勢猛烈\n\n研訊明日續。", "南灣貨倉死因研訊"),
            ("【南湾货仓死因研讯】消防员供称火势猛烈\n\n研讯明日续。", "南湾货仓死因研讯"),
            ("【東線工程聆訊】工程師作供", "東線工程聆訊"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Event), "{text}: {f:?}");
        }
        // A tag with no name before the hearing word, or a hearing word in running text, names none.
        for text in ["【研訊第九天】證人作供", "法官決定召開死因研訊。"] {
            let f = names(text);
            assert!(f.iter().all(|(_, k)| *k != EntityKind::Event), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_title_that_begins_a_longer_word_does_not_start_the_name() {
        let f = names("南海省代表團新聞發布會今日舉行。");
        assert!(has(&f, "南海省代表團新聞發布會", EntityKind::Event), "{f:?}");
        let f = names("南海省代表团新闻发布会今日举行。");
        assert!(has(&f, "南海省代表团新闻发布会", EntityKind::Event), "{f:?}");
    }

    #[test]
    fn weak_endings_need_a_marker() {
        let f = names("公司將設立研發中心。");
        assert!(f.is_empty(), "{f:?}");
        let f = names("雙方成立「海洋數據聯合實驗室」。");
        assert!(has(&f, "海洋數據聯合實驗室", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn events_drop_the_edition_and_keep_a_year() {
        let f = names("第三屆南海經貿合作論壇昨日開幕。");
        assert!(has(&f, "南海經貿合作論壇", EntityKind::Event), "{f:?}");
        let f = names("以“开放共赢”为主题的2026西部数字经济发展大会在成都举行。");
        assert!(has(&f, "2026西部数字经济发展大会", EntityKind::Event), "{f:?}");
    }

    /// A ceremony held or attended is named by the words before it; a count of occasions is no
    /// part of the name; a ceremony nobody holds or attends names nothing.
    #[test]
    fn ceremonies_held_or_attended() {
        for (text, name) in [
            ("局長昨日出席南灣商會落戶儀式並致辭。", Some("南灣商會落戶儀式")),
            ("局长昨日出席南湾商会落户仪式并致辞。", Some("南湾商会落户仪式")),
            ("南灣書院開學典禮將於下周一上午在書院禮堂舉行。", Some("南灣書院開學典禮")),
            ("南湾书院开学典礼将于下周一上午在书院礼堂举行。", Some("南湾书院开学典礼")),
            ("書院每周舉行一次升旗儀式。", None),
            ("书院每周举行一次升旗仪式。", None),
            ("南灣書院開學典禮的安排尚未公布。", None),
            ("南湾书院开学典礼的安排尚未公布。", None),
            ("局長昨日主持南灣商會落戶儀式並致辭。", Some("南灣商會落戶儀式")),
            ("局长昨日主持南湾商会落户仪式并致辞。", Some("南湾商会落户仪式")),
            ("學生離開南灣書院開學典禮後回家。", None),
            ("学生离开南湾书院开学典礼后回家。", None),
        ] {
            let f = names(text);
            let events: Vec<&str> =
                f.iter().filter(|(_, k)| *k == EntityKind::Event).map(|(n, _)| n.as_str()).collect();
            assert_eq!(events, name.into_iter().collect::<Vec<_>>(), "{text}: {f:?}");
        }
    }

    #[test]
    fn foreign_country_is_split_from_an_organisation() {
        let f = names("法國巴斯德研究所代表出席。");
        assert!(has(&f, "巴斯德研究所", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "法國", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn quoted_programmes_and_documents() {
        let f = names("深入实施“数据强基”工程，并发布《数字经济发展白皮书（2026年）》。");
        assert!(has(&f, "数据强基", EntityKind::Initiative), "{f:?}");
        assert!(has(&f, "数字经济发展白皮书（2026年）", EntityKind::Initiative), "{f:?}");
    }

    #[test]
    fn quoted_movements_incidents_slogans_and_counted_platforms() {
        for (text, name, kind) in [
            ("他們發起「青石守護」運動，反對填海。", "青石守護", EntityKind::Initiative),
            ("他们发起“青石守护”运动，反对填海。", "青石守护", EntityKind::Initiative),
            ("學校推出「星橋研修」項目。", "星橋研修", EntityKind::Initiative),
            ("学校推出“星桥研修”项目。", "星桥研修", EntityKind::Initiative),
            ("示威者高喊「還我綠洲」口號。", "還我綠洲", EntityKind::Initiative),
            ("示威者高喊“还我绿洲”口号。", "还我绿洲", EntityKind::Initiative),
            ("雙方重申「南北共治」原則。", "南北共治", EntityKind::Initiative),
            ("他談及「九一七」事件的經過。", "九一七", EntityKind::Event),
            ("他谈及“九一七”事件的经过。", "九一七", EntityKind::Event),
            ("網民發起「銀杏快行」活動。", "銀杏快行", EntityKind::Event),
            // A platform named by its count.
            ("他們促請政府回應三大訴求。", "三大訴求", EntityKind::Initiative),
            ("他们促请政府回应三大诉求。", "三大诉求", EntityKind::Initiative),
            ("該會一直堅持四大綱領。", "四大綱領", EntityKind::Initiative),
        ] {
            let f = names(text);
            assert!(has(&f, name, kind), "{text}: {f:?}");
        }
        // An ordinary word in quotes describes (scare quotes); a quoted sentence is speech.
        for (text, word) in [
            ("市民參與「和平」示威。", "和平"),
            ("市民参与“和平”示威。", "和平"),
            ("雙方堅持「循序漸進」原則。", "循序漸進"),
            ("双方坚持“循序渐进”原则。", "循序渐进"),
            ("他提到「我已經簽了名。」事件。", "我已經簽了名。"),
            // After another numeral the count is part of a number (十五大 is a congress).
            ("十五大訴求文件", "五大訴求"),
        ] {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l == word), "{text}: {f:?}");
        }
    }

    #[test]
    fn publications_in_book_marks() {
        for (text, name) in [
            ("據《北嶺晚報》報道，事件引起關注。", "北嶺晚報"),
            ("据《南川商报》报道，事件引起关注。", "南川商报"),
            ("他接受《星河週刊》訪問時表示。", "星河週刊"),
            ("他接受《星河周刊》访问时表示。", "星河周刊"),
            ("《松報》引述消息指出。", "松報"),
            ("《青禾杂志》刊登了文章。", "青禾杂志"),
            // Any title as the source of a report, the outlet interviewing, or with its reporter.
            ("據美國《北嶺觀察》報道，事件引起關注。", "北嶺觀察"),
            ("据美国《北岭观察》报道，事件引起关注。", "北岭观察"),
            ("他接受《星河之聲》訪問時表示。", "星河之聲"),
            ("他接受《星河之声》访问时表示。", "星河之声"),
            ("《東嶺》記者昨日到場。", "東嶺"),
            ("《东岭》记者昨日到场。", "东岭"),
            // A country at the start of a title in marks is part of it.
            ("據《日本晨星報》報道。", "日本晨星報"),
            ("据《日本晨星报》报道。", "日本晨星报"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
        // A report's title is no outlet; a bare word before a publication word is no title.
        for (text, name) in
            [("世界銀行發表《東區經濟季報》。", "東區經濟季報"), ("世界银行发表《东区经济季报》。", "东区经济季报")]
        {
            let f = names(text);
            assert!(!has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
        assert!(names("有關報道指出。").is_empty());
        // A law or report cited by its title stays a document.
        for (text, name) in [
            ("根據《南灣管理條例》，當局可拒絕申請。", "南灣管理條例"),
            ("根据《南湾管理条例》，当局可拒绝申请。", "南湾管理条例"),
            ("據《東區經濟報告》稱，增長放緩。", "東區經濟報告"),
            ("据《东区经济报告》称，增长放缓。", "东区经济报告"),
        ] {
            let f = names(text);
            assert!(!has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
    }

    #[test]
    fn quoted_organisations_after_their_class_noun() {
        for (text, name) in [
            ("人權組織「青松守望」發表報告。", "青松守望"),
            ("环保团体“ 绿野先锋 ”昨日指出。", "绿野先锋"),
            ("新成立的政黨「晨曦陣線」宣布參選。", "晨曦陣線"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
        // Generic words in quotes after the class noun name nothing.
        let f = names("當地組織「民間機構」表示關注。");
        assert!(!f.iter().any(|(l, _)| l == "民間機構"), "{f:?}");
    }

    #[test]
    fn hotels_estates_and_markets_after_a_place_are_places() {
        // A venue keeps the city it is named with.
        for (text, name) in [
            ("簽約儀式在香港翠松酒店舉行。", "香港翠松酒店"),
            ("签约仪式在北京翠松酒店举行。", "北京翠松酒店"),
            ("居民在屯門翠林花園外聚集。", "屯門翠林花園"),
            ("记者走访广州东山农贸市场。", "广州东山农贸市场"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Place), "{text}: {f:?}");
        }
        // A weak ending without a place or another mark before it names nothing.
        let f = names("他們返回酒店休息。");
        assert!(!f.iter().any(|(l, _)| l.ends_with("酒店")), "{f:?}");
    }

    #[test]
    fn a_diplomatic_mission_keeps_its_country_and_starts_at_it() {
        for (text, name) in [
            ("英國駐東山總領事館發言人表示關注。", "英國駐東山總領事館"),
            ("英国驻东山总领事馆发言人表示关注。", "英国驻东山总领事馆"),
            ("示威者抗議英國大使館的決定。", "英國大使館"),
            ("示威者抗议英国大使馆的决定。", "英国大使馆"),
            ("要求中國駐英國大使館回應。", "中國駐英國大使館"),
            ("要求中国驻英国大使馆回应。", "中国驻英国大使馆"),
            ("學生可向西班牙駐華使館教育處查詢。", "西班牙駐華使館教育處"),
            ("学生可向西班牙驻华使馆教育处查询。", "西班牙驻华使馆教育处"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
        // Without a country the mission is no name.
        for text in ["示威者在大使館外集會。", "示威者在大使馆外集会。"] {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l.contains("使館") || l.contains("使馆")), "{text}: {f:?}");
        }
    }

    #[test]
    fn a_law_firm_needs_a_place_or_a_title_after_it() {
        for (text, name) in [
            ("南海市東山律師事務所律師出席。", "南海市東山律師事務所"),
            ("南海市东山律师事务所律师出席。", "南海市东山律师事务所"),
            ("文件由東山律師行合夥人簽署。", "東山律師行"),
            ("文件由东山律师行合伙人签署。", "东山律师行"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
        // A verb and a name before a law firm without a mark make no name; nor does the trade.
        for text in ["他委託東山律師行發信。", "他委托东山律师行发信。", "律師行業受影響。", "律师行业受影响。"]
        {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l.contains("律師") || l.contains("律师")), "{text}: {f:?}");
        }
        // An ownership descriptor names no firm.
        for text in ["美資律師事務所律師出席。", "美资律师事务所律师出席。"] {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l.contains("資") || l.contains("资")), "{text}: {f:?}");
        }
    }

    /// A firm, shop or school whose ending is also the word for what it sells needs a mark: a
    /// title after it, or the place it is in before it (which stays a place of its own).
    #[test]
    fn trades_named_with_a_title_or_a_place() {
        for (text, name) in [
            ("東嶺證券分析師陳大文表示，後市看好。", "東嶺證券"),
            ("东岭证券分析师陈大文表示，后市看好。", "东岭证券"),
            ("確診者曾到旺角南記燒味購物。", "南記燒味"),
            ("确诊者曾到旺角南记烧味购物。", "南记烧味"),
            ("確診者曾到翠林工業村南記燒味購物。", "南記燒味"),
            ("确诊者曾到翠林工业村南记烧味购物。", "南记烧味"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
            assert!(!f.iter().any(|(l, _)| l.len() > name.len() && l.ends_with(name)), "{text}: {f:?}");
        }
        let f = names("確診者曾到旺角南記燒味購物。");
        assert!(has(&f, "旺角", EntityKind::Place), "{f:?}");
        // The trade's word alone, or after a description, names nothing.
        for text in ["投資者買賣證券須小心。", "投资者买卖证券须小心。", "市民到茶餐廳用膳。", "他們經營燒味生意。"]
        {
            let f = names(text);
            assert!(f.iter().all(|(_, k)| *k != EntityKind::Organization), "{text}: {f:?}");
        }
    }

    #[test]
    fn the_hong_kong_police_by_its_other_names() {
        for text in ["香港警隊表示，警隊會嚴正執法。", "香港警队表示，警队会严正执法。"] {
            let f = names(text);
            assert!(
                has(&f, "香港警務處", EntityKind::Organization) || f.iter().any(|(l, _)| l.starts_with("香港警")),
                "{text}: {f:?}"
            );
        }
    }

    #[test]
    fn latin_company_names() {
        let f = names("MiniMax等企業推出新模型。");
        assert!(has(&f, "MiniMax", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn place_inside_a_place() {
        let f = names("總部位於杭州市西湖區。");
        assert!(has(&f, "西湖區", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn dashes_join_places_inside_a_name() {
        let f = names("中國—東盟中心秘書長出席，2026中國—東盟數字經濟合作論壇開幕。");
        assert!(has(&f, "中國—東盟中心", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "2026中國—東盟數字經濟合作論壇", EntityKind::Event), "{f:?}");
        let f = names("成本—效益分析中心");
        assert!(!f.iter().any(|(l, _)| l.contains('—')), "{f:?}");
        // A name never starts at the dash, even when a place ends before it.
        for text in ["推動中國—東盟自貿區建設。", "推动中国—东盟自贸区建设。"] {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l.starts_with('—')), "{f:?}");
        }
    }

    #[test]
    fn a_foreign_country_before_a_local_short_name_is_its_own_body() {
        for (text, foreign, local) in [
            ("澳門特區政府旅遊局與葡萄牙旅遊局簽署備忘錄，旅遊局將設立基金。", "葡萄牙旅遊局", "澳門特區政府旅遊局"),
            ("澳门特区政府旅游局与葡萄牙旅游局签署备忘录，旅游局将设立基金。", "葡萄牙旅游局", "澳门特区政府旅游局"),
        ] {
            let mut a = analysis_with(text, None, &[]);
            super::super::known::recognise(&mut a);
            super::recognise(&mut a);
            let (entities, _) = a.entities.finish(false);
            let org = |label: &str| {
                entities.iter().find(|e| e.label == label).unwrap_or_else(|| panic!("{label}: {entities:?}"))
            };
            // The foreign body is new: no lexicon identity, one mention.
            assert!(org(foreign).english.is_none(), "{entities:?}");
            // The government's body written in full is the known body, with the short name.
            assert_eq!(org(local).mentions.len(), 2, "{entities:?}");
        }
    }

    #[test]
    fn a_foreign_ministry_keeps_its_country_and_is_also_named_without_it() {
        for (text, full, short) in [
            ("沙特阿拉伯能源部副大臣出席。", "沙特阿拉伯能源部", "能源部"),
            ("老撾技術與通信部部長出席。", "老撾技術與通信部", "技術與通信部"),
            ("老挝技术与通信部部长出席。", "老挝技术与通信部", "技术与通信部"),
        ] {
            let mut a = analysis_with(text, None, &[]);
            super::super::known::recognise(&mut a);
            super::recognise(&mut a);
            let (entities, _) = a.entities.finish(false);
            let ministry = entities.iter().find(|e| e.label == full).unwrap_or_else(|| panic!("{entities:?}"));
            assert!(ministry.aliases.contains(short), "{:?}", ministry.aliases);
        }
        // A company or society of a country is named without it.
        let f = names("德國弗勞恩霍夫協會代表出席。");
        assert!(has(&f, "弗勞恩霍夫協會", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn a_place_in_parentheses_stays_inside_the_name_and_counted_classes_are_no_names() {
        let f = names("各地已有30個跨境電子商務綜合試驗區，中國（長沙）跨境電子商務綜合試驗區位居前列。");
        assert!(has(&f, "中國（長沙）跨境電子商務綜合試驗區", EntityKind::Place), "{f:?}");
        assert!(!has(&f, "跨境電子商務綜合試驗區", EntityKind::Place), "{f:?}");
        let f = names("各地已有30个跨境电子商务综合试验区，中国（长沙）跨境电子商务综合试验区位居前列。");
        assert!(has(&f, "中国（长沙）跨境电子商务综合试验区", EntityKind::Place), "{f:?}");
        assert!(!has(&f, "跨境电子商务综合试验区", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn a_port_is_a_known_place_and_gang() {
        let f = names("天津港上半年貨物吞吐量創新高。");
        assert!(has(&f, "天津港", EntityKind::Place), "{f:?}");
        let f = names("天津港上半年货物吞吐量创新高。");
        assert!(has(&f, "天津港", EntityKind::Place), "{f:?}");
        // 來港, 經港: Hong Kong after a verb; 港澳: a word of its own.
        for text in ["龍頭企業計劃來港發展。", "企業經港進入內地。", "深化南沙港澳合作。"]
        {
            let f = names(text);
            assert!(!f.iter().any(|(l, _)| l.ends_with('港')), "{f:?}");
        }
    }

    #[test]
    fn a_named_part_of_a_known_programme_is_a_programme() {
        let f = names("南水北調東中線一期工程全面通水。");
        assert!(has(&f, "南水北調東中線一期工程", EntityKind::Initiative), "{f:?}");
        let f = names("南水北调东中线一期工程全面通水。");
        assert!(has(&f, "南水北调东中线一期工程", EntityKind::Initiative), "{f:?}");
        // The programme word alone after it names the programme itself, not a part.
        let f = names("共建一帶一路倡議，推進一帶一路重點工程。");
        assert!(f.iter().all(|(l, _)| l == "一帶一路"), "{f:?}");
    }

    #[test]
    fn a_version_number_is_part_of_a_name() {
        let f = names("雙方簽署中國—東盟自由貿易區3.0版升級議定書。");
        assert!(has(&f, "中國—東盟自由貿易區3.0版升級議定書", EntityKind::Initiative), "{f:?}");
        let f = names("双方签署中国—东盟自由贸易区3.0版升级议定书。");
        assert!(has(&f, "中国—东盟自由贸易区3.0版升级议定书", EntityKind::Initiative), "{f:?}");
        // A number that is no version stops the name: 50億元 is an amount.
        let f = names("設立50億元專項資金。");
        assert!(!f.iter().any(|(l, _)| l.contains('5')), "{f:?}");
    }

    #[test]
    fn a_verb_after_a_university_is_not_a_society() {
        let f = names("澳門旅遊大學今年成立。旅遊大學會把課堂延伸到橫琴。");
        assert!(!f.iter().any(|(l, _)| l.ends_with("大學會")), "{f:?}");
    }

    #[test]
    fn a_venue_loses_its_locating_place_but_a_company_keeps_it() {
        let f = names("論壇在广西南宁国际会展中心举行。珠海橫琴數鏈科技有限公司亦有參加。");
        assert!(has(&f, "南宁国际会展中心", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "珠海橫琴數鏈科技有限公司", EntityKind::Organization), "{f:?}");
        // An exhibition centre is a place, and keeps the city it is named with.
        let f = names("論壇在广西南宁国际展览中心举行。");
        assert!(has(&f, "南宁国际展览中心", EntityKind::Place), "{f:?}");
        let f = names("論壇在廣西南寧國際展覽中心舉行。");
        assert!(has(&f, "南寧國際展覽中心", EntityKind::Place), "{f:?}");
    }

    #[test]
    fn descriptions_of_a_region_or_of_this_place_are_not_names() {
        let f = names("吸引中東主權基金投資，並與本澳公立醫院合作，瑞銀亞洲區主管表示。");
        assert!(!f.iter().any(|(l, _)| l == "中東主權基金" || l == "本澳公立醫院" || l.ends_with("亞洲區")), "{f:?}");
        let f = names("香港青年協進會主辦。");
        assert!(has(&f, "香港青年協進會", EntityKind::Organization), "{f:?}");
    }

    #[test]
    fn a_city_government_and_its_party_committee() {
        let f = names("推介會由鹽城市人民政府主辦，中共鹽城市委副書記出席。市委市政府高度重視。");
        assert!(has(&f, "鹽城市人民政府", EntityKind::Organization), "{f:?}");
        assert!(has(&f, "中共鹽城市委", EntityKind::Organization), "{f:?}");
        assert!(!f.iter().any(|(l, _)| l == "市委市政府"), "{f:?}");
    }

    #[test]
    fn a_verb_adverb_or_quantity_before_a_name_is_no_part_of_it() {
        for (text, name) in [
            ("公司將發揮東海創科集團的優勢。", "東海創科集團"),
            ("公司将发挥东海创科集团的优势。", "东海创科集团"),
            ("一方面東海創科集團擴大投資。", "東海創科集團"),
            ("一方面东海创科集团扩大投资。", "东海创科集团"),
        ] {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
        // A name that opens with a verbal noun keeps it (創新 is a verb, 科技署 names nothing).
        let f = names("創新科技署今日公布。");
        assert!(f.iter().all(|(l, _)| !l.starts_with("科技")), "{f:?}");
    }

    #[test]
    fn a_clause_before_an_ending_names_nothing_but_a_name_after_it_stays() {
        // A function word and a verb open a clause: what follows names nothing on its own here.
        for text in ["我見公司的人都走了。", "我见公司的人都走了。", "他再叫銀行跟進。", "他再叫银行跟进。"]
        {
            let f = names(text);
            assert!(f.is_empty(), "{text}: {f:?}");
        }
        // …and here it names a body, which stays without the clause.
        for (text, name) in [("他們再叫東海署跟進。", "東海署"), ("他们再叫东海署跟进。", "东海署")]
        {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
            assert!(!f.iter().any(|(l, _)| l.contains('叫')), "{text}: {f:?}");
        }
        // A title after it marks a name that opens like a clause (再 is an adverb, 出發 a verb).
        for (text, name) in [("再出發聯盟召集人表示。", "再出發聯盟"), ("再出发联盟召集人表示。", "再出发联盟")]
        {
            let f = names(text);
            assert!(has(&f, name, EntityKind::Organization), "{text}: {f:?}");
        }
    }

    #[test]
    fn ending_inside_an_ordinary_word_is_ignored() {
        let f = names("雙方簽署協議，優化產業布局，開拓市場。");
        assert!(f.is_empty(), "{f:?}");
    }
}
