//! The figure stage on sentences written for these tests, each form in both scripts, positive and
//! negative; a property test on random text; snapshots of the fixtures in `tests/fixtures/figures`.

use super::find;
use crate::analysis::Analysis;
use crate::analysis::testing::analysis_with;
use crate::article::{Article, ArticleOptions};
use crate::date::Date;
use crate::lexicon::Lexicons;
use crate::model::{EntityKind, Figure, FigureKind, Qualifier};

const PUBLISHED: &str = "2025-04-15";

/// Every figure of `text` (published on [`PUBLISHED`], no entities).
fn figures(text: &str) -> Vec<Figure> {
    find(&analysis_with(text, Some(PUBLISHED), &[]))
}

/// The money, counts, measures and shares of `text`.
fn quantities(text: &str) -> Vec<Figure> {
    figures(text).into_iter().filter(|f| f.kind.is_quantity()).collect()
}

/// The one quantity of `text`.
fn only(text: &str) -> Figure {
    let q = quantities(text);
    assert_eq!(q.len(), 1, "{text}: {q:#?}");
    q.into_iter().next().unwrap()
}

/// (kind, value) of every figure.
fn kinds_and_values(text: &str) -> Vec<(FigureKind, String)> {
    figures(text).iter().map(|f| (f.kind, f.value.to_string())).collect()
}

#[test]
fn arabic_numerals_with_separators_decimals_and_full_width_digits() {
    for text in ["全年共有1,250名旅客入境", "全年共有1,250名旅客入境"] {
        let f = only(text);
        assert_eq!((f.kind, f.value.to_string(), f.unit.as_deref()), (FigureKind::Count, "1250".into(), Some("名")));
        assert_eq!(f.counts.as_deref(), Some("旅客"));
    }
    let f = only("增幅達１２．５％");
    assert_eq!((f.kind, f.value.to_string(), f.text.as_str()), (FigureKind::Percent, "12.5".into(), "１２．５％"));
}

#[test]
fn chinese_numerals_in_both_scripts() {
    for (text, value) in [
        ("已建成三十五間學校", "35"),
        ("已建成三十五间学校", "35"),
        ("共有一百零五名醫生", "105"),
        ("共有一百零五名医生", "105"),
        ("招聘兩千名員工", "2000"),
        ("招聘两千名员工", "2000"),
        ("處理三萬六千宗申請", "36000"),
        ("处理三万六千宗申请", "36000"),
    ] {
        assert_eq!(only(text).value.to_string(), value, "{text}");
    }
    assert_eq!(kinds_and_values("於二〇二七年完工"), vec![(FigureKind::Year, "2027".into())]);
}

#[test]
fn magnitudes_are_exact() {
    for (text, value) in [
        ("培訓1.2萬名學員", "12000"),
        ("培训1.2万名学员", "12000"),
        ("惠及20萬個家庭", "200000"),
        ("總投資500億元", "50000000000"),
        ("总投资500亿元", "50000000000"),
        ("經濟總量達3.5萬億元", "3500000000000"),
        ("经济总量达3.5万亿元", "3500000000000"),
        ("撥款兩億元", "200000000"),
    ] {
        assert_eq!(only(text).value.to_string(), value, "{text}");
    }
}

#[test]
fn percentages_fractions_and_tenths() {
    for (text, value, qualifier) in [
        ("出口增長15%", "15", None),
        ("出口增长15%", "15", None),
        ("百分之十五來自東盟", "15", None),
        ("百分之十五来自东盟", "15", None),
        ("兩成來自內地", "20", None),
        ("两成来自内地", "20", None),
        ("近五成為中小企", "50", Some(Qualifier::Approximately)),
        ("近五成为中小企", "50", Some(Qualifier::Approximately)),
        ("出租率已達九成", "90", None),
        ("約三分之一來自內地", "33.333333", Some(Qualifier::Approximately)),
        ("约三分之一来自内地", "33.333333", Some(Qualifier::Approximately)),
        ("千分之五的樣本", "0.5", None),
        // A digit after 成 is the hundredths, 半 half a tenth, a decimal count of tenths its tenth.
        ("六成四受訪者反對", "64", None),
        ("六成四受访者反对", "64", None),
        ("約三成半市民中立", "35", Some(Qualifier::Approximately)),
        ("约三成半市民中立", "35", Some(Qualifier::Approximately)),
        ("支持率為7.2成", "72", None),
        ("一成六來自外地", "16", None),
    ] {
        let f = only(text);
        assert_eq!(
            (f.kind, f.value.to_string(), f.qualifier),
            (FigureKind::Percent, value.into(), qualifier),
            "{text}"
        );
        assert_eq!(f.unit.as_deref(), Some("%"), "{text}");
    }
    let f = only("失業率下降0.3個百分點");
    assert_eq!((f.value.to_string(), f.unit.as_deref()), ("0.3".into(), Some("百分点")));
    // 成 starting a word is no share.
    assert!(quantities("該會一成立便廣受歡迎").is_empty());
    // A digit that starts a number of its own after 成 is not its hundredths.
    for text in ["七成五十歲以上居民支持", "七成五十岁以上居民支持"] {
        let got: Vec<String> = quantities(text).iter().map(|f| f.value.to_string()).collect();
        assert_eq!(got.first().map(String::as_str), Some("70"), "{text}");
    }
}

#[test]
fn ranges_have_bounds() {
    for text in ["容納30到40間初創企業", "容纳30到40间初创企业"] {
        let f = only(text);
        assert_eq!(
            (f.min.map(|d| d.to_string()), f.max.map(|d| d.to_string())),
            (Some("30".into()), Some("40".into()))
        );
        assert_eq!(f.value.to_string(), "30", "a range's value is its lower bound");
    }
    for text in ["工程需時3至5年", "工程需时三至五年"] {
        let f = figures(text).pop().unwrap();
        assert_eq!(
            (f.kind, f.min.map(|d| d.to_string()), f.max.map(|d| d.to_string())),
            (FigureKind::Duration, Some("3".into()), Some("5".into()))
        );
    }
    assert!(quantities("查詢電話2345-6789").is_empty(), "a phone number is no range");
}

#[test]
fn idioms_and_names_with_numerals_are_no_figures() {
    for text in [
        "堅持一國兩制，發揮一河兩岸優勢",
        "坚持一国两制，推动一带一路",
        "摒棄零和博弈，推出一系列措施，迎接新一輪機遇",
        "一是加強合作，二是擴大開放，三是共享成果",
        "有关部门会第一时间跟进，对接十五五规划，十四五期间",
        "提供一站式服務，以一比一形式配對，扶持專精特新企業",
        "一名男子在場協助，一家企業表示",
        "打通最后一公里，零部件供应",
        "第一，加強合作；第二，擴大開放",
        "爭取一人一票選出議員，反對一票否決",
        "在各票站排隊，候選人的票源流失",
    ] {
        assert!(figures(text).iter().all(|f| !f.kind.is_quantity()), "{text}: {:#?}", figures(text));
    }
}

/// Votes are counts, and 票 is itself what is counted (no noun is looked for after it).
#[test]
fn votes_are_counts_in_both_scripts() {
    for (text, value) in
        [("議案以42票贊成通過", "42"), ("该候选人以2,305票当选", "2305"), ("對手只得約3.5萬票", "35000")]
    {
        let f = only(text);
        assert_eq!(
            (f.kind, f.value.to_string(), f.unit.as_deref()),
            (FigureKind::Count, value.to_owned(), Some("票")),
            "{text}"
        );
    }
}

#[test]
fn currencies_before_and_after_the_number() {
    let cases = [
        ("投資500億港元", "HKD"),
        ("投資500億港幣", "HKD"),
        ("投资人民币3.6亿元", "CNY"),
        ("投資人民幣3.6億元", "CNY"),
        ("增加值達33.6萬億元人民幣", "CNY"),
        ("設立5億澳門元基金", "MOP"),
        ("投资逾1.5亿美元", "USD"),
        ("營業額2,000萬新台幣", "TWD"),
        ("支出300萬歐元", "EUR"),
        ("支出80萬英鎊", "GBP"),
        ("支出1億日圓", "JPY"),
        ("集資HK$8億", "HKD"),
        ("集資US$2,000萬", "USD"),
        ("融资RMB 500万", "CNY"),
    ];
    for (text, currency) in cases {
        let f = only(text);
        assert_eq!((f.kind, f.currency.as_deref()), (FigureKind::Money, Some(currency)), "{text}");
    }
}

#[test]
fn a_bare_yuan_takes_the_article_currency() {
    let currency = |text: &str, forced: Option<&str>| {
        let options = ArticleOptions { currency: forced.map(str::to_owned), ..ArticleOptions::default() };
        let article = Article::parse(text, options).unwrap();
        find(&Analysis::new(&article, Lexicons::embedded())).pop().and_then(|f| f.currency)
    };
    assert_eq!(currency("本港政府撥款10億元。", None).as_deref(), Some("HKD"));
    assert_eq!(currency("本澳特區政府撥款10億元。", None).as_deref(), Some("MOP"));
    assert_eq!(currency("新华社北京电 国务院安排资金10亿元。", None).as_deref(), Some("CNY"));
    assert_eq!(currency("本港政府撥款10億元。", Some("USD")).as_deref(), Some("USD"));
}

#[test]
fn qualifiers_before_the_number() {
    use Qualifier::*;
    for (text, q) in [
        ("超過300家企業參展", MoreThan),
        ("超过300家企业参展", MoreThan),
        ("逾千名觀眾到場", MoreThan),
        ("多於20間學校", MoreThan),
        ("約20個國家參與", Approximately),
        ("约20个国家参与", Approximately),
        ("劃出近50公頃土地", Approximately),
        ("大約三百名學生", Approximately),
        ("簽署至少8項協議", AtLeast),
        ("投入不少於5億元", AtLeast),
        ("投入不少于5亿元", AtLeast),
        ("資助額不超過兩億港元", AtMost),
        ("每項最多可獲一千萬元資助", AtMost),
        ("每项最多可获一千万元资助", AtMost),
        ("佔比不足百分之二", LessThan),
        ("少於10個項目", LessThan),
    ] {
        assert_eq!(only(text).qualifier, Some(q), "{text}");
    }
    assert_eq!(only("共有300家企業參展").qualifier, None);
}

#[test]
fn qualifiers_after_the_number() {
    use Qualifier::*;
    for (text, q, value) in [
        ("1000多名代表出席", MoreThan, "1000"),
        ("五千餘名嘉賓", MoreThan, "5000"),
        ("五千余名嘉宾", MoreThan, "5000"),
        ("三十多間企業", MoreThan, "30"),
        ("十多萬人受惠", MoreThan, "100000"),
        ("創造600個以上職位", AtLeast, "600"),
        ("创造600个以上职位", AtLeast, "600"),
        ("50歲以下人士", AtMost, "50"),
        ("智算集群十余个", MoreThan, "10"),
        ("約有20個左右國家", Approximately, "20"),
    ] {
        let f = only(text);
        assert_eq!((f.qualifier, f.value.to_string()), (Some(q), value.into()), "{text}");
    }
}

#[test]
fn counted_nouns_skip_modifiers() {
    for (text, counts) in [
        ("科學園匯聚超過200間專注研發機械人和新材料的初創企業", "初創企業"),
        ("科学园汇聚超过200间专注研发机器人和新材料的初创企业", "初创企业"),
        ("吸引逾900名來自海外及本地的學界代表參與", "學界代表"),
        ("引進了40間重點企業落戶", "重點企業"),
        ("来自12个国家和地区的代表", "国家和地区"),
        ("帶來80億港元的投資", "投資"),
        ("安排不少于50亿元专项资金", "专项资金"),
    ] {
        assert_eq!(only(text).counts.as_deref(), Some(counts), "{text}");
    }
    assert_eq!(only("斥資3億元成立研究所").counts, None);
    assert_eq!(only("吸納就業近120萬人").counts, None, "人 is itself what is counted");
}

#[test]
fn counted_nouns_written_before_the_number() {
    for (text, ends) in [
        ("現場簽約重大項目56個", "項目"),
        ("现场签约重大项目56个", "项目"),
        ("全國人工智能企業數量超過800家", "人工智能企業"),
        ("完成備案的服務已有兩百餘款", "服務"),
        ("總投資超過90億元", "投資"),
        ("算力总规模达到120EFLOPS", "规模"),
        ("確診個案新增1,234宗", "個案"),
    ] {
        let f = only(text);
        assert!(f.counts.as_deref().is_some_and(|c| c.ends_with(ends)), "{text}: {f:#?}");
    }
}

#[test]
fn years_dates_ordinals_and_durations_are_typed_as_such() {
    use FigureKind::*;
    for (text, kind, value) in [
        ("香港自2022年以來", Year, "2022"),
        ("昨日（14日）開幕", Date, "14"),
        ("7月2日上午舉行", Date, "2"),
        ("第四批重點企業", Ordinal, "4"),
        ("第四批重点企业", Ordinal, "4"),
        ("連續五年排名", Duration, "5"),
        ("连续五年排名", Duration, "5"),
        ("會議為期三天", Duration, "3"),
        ("一連兩日的峰會", Duration, "2"),
        ("历时约两个小时", Duration, "2"),
        ("位居首位", Ordinal, "1"),
    ] {
        assert_eq!(kinds_and_values(text), vec![(kind, value.into())], "{text}");
    }
    assert_eq!(kinds_and_values("連續五年排第二"), vec![(Duration, "5".into()), (Ordinal, "2".into())]);
    let f = figures("历时约两个小时").pop().unwrap();
    assert_eq!((f.qualifier, f.unit.as_deref()), (Some(Qualifier::Approximately), Some("个小时")));
    assert!(figures("上午9時30分舉行儀式").is_empty(), "a clock time is no figure");
    let dated = figures("昨日（14日）開幕").pop().unwrap();
    assert_eq!(dated.date.map(|d| d.lexical()).as_deref(), Some("2025-04-14"));
}

#[test]
fn durations_as_xsd() {
    let xsd =
        |text: &str| figures(text).iter().find_map(|f| super::xsd_duration(&crate::Lexicons::embedded().figures, f));
    assert_eq!(xsd("一連兩日的峰會").as_deref(), Some("P2D"));
    assert_eq!(xsd("为期三天").as_deref(), Some("P3D"));
    assert_eq!(xsd("歷時約兩個小時").as_deref(), Some("PT2H"));
    assert_eq!(xsd("連續五年").as_deref(), Some("P5Y"));
    assert_eq!(xsd("3個月內").as_deref(), Some("P3M"));
    assert_eq!(xsd("超過300家企業"), None);
}

#[test]
fn a_fact_repeated_in_headline_and_body_is_one_figure() {
    let text = "本港企業超過4500家\n\n統計顯示，本港企業數量超過4500家。另有4500名學生。";
    let q = quantities(text);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(q[0].span.start, 4, "the first statement (in the headline) is kept");
}

/// (figure text, label of its subject) for `text` with the named entities seeded.
fn subjects(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, Option<String>)> {
    let a = analysis_with(text, Some(PUBLISHED), names);
    find(&a)
        .into_iter()
        .filter(|f| f.kind.is_quantity())
        .map(|f| {
            let about = f
                .about
                .and_then(|id| {
                    a.entities
                        .mentions_in(crate::span::Span::new(0, a.text().len()))
                        .into_iter()
                        .find(|(e, _)| *e == id)
                })
                .map(|(_, s)| a.surface(s).to_owned());
            (f.text, about)
        })
        .collect()
}

#[test]
fn about_is_the_subject_of_the_clause() {
    use EntityKind::*;
    let got = subjects("其中科學園更匯聚超過200間初創企業。", &[("科學園", Place)]);
    assert_eq!(got[0].1.as_deref(), Some("科學園"));
    let got = subjects(
        "陳局長表示，香港自2020年以來，已吸納超過5萬名人才，也引進了30間重點企業。",
        &[("陳局長", Person), ("香港", Place)],
    );
    assert_eq!(got.iter().map(|(_, a)| a.as_deref()).collect::<Vec<_>>(), vec![Some("香港"), Some("香港")]);
    let got = subjects("他透露，工信部将在北部预留近50公顷土地。", &[("工信部", Organization)]);
    assert_eq!(got[0].1.as_deref(), Some("工信部"));
    // A clause opening with a preposition has no subject: the earlier clause's holds.
    let got = subjects("生產力局表示，在北區預留近30公頃土地。", &[("生產力局", Organization), ("北區", Place)]);
    assert_eq!(got[0].1.as_deref(), Some("北區"), "a name inside the figure's own clause comes first");
    let got = subjects(
        "貿發局將聯同投資推廣署，在北區預留近30公頃土地。",
        &[("貿發局", Organization), ("投資推廣署", Organization)],
    );
    assert_eq!(got[0].1.as_deref(), Some("貿發局"));
}

#[test]
fn about_is_what_the_money_founds() {
    use EntityKind::*;
    let got = subjects(
        "政府另斥資5億元成立的智能研究院，將推動研發。",
        &[("政府", Organization), ("智能研究院", Organization)],
    );
    assert_eq!(got[0].1.as_deref(), Some("智能研究院"));
    let got = subjects("而30亿元「绿色转型基金」也将投入运作。", &[("绿色转型基金", Initiative)]);
    assert_eq!(got[0].1.as_deref(), Some("绿色转型基金"));
    let got = subjects(
        "特區政府宣布注資80億港元成立「創新發展基金」。",
        &[("特區政府", Organization), ("創新發展基金", Initiative)],
    );
    assert_eq!(got[0].1.as_deref(), Some("創新發展基金"));
}

#[test]
fn attendance_is_about_the_event() {
    use EntityKind::*;
    let text = "第三屆灣區論壇昨日在會展中心開幕。論壇由貿發局主辦，商會協辦，吸引超過800名嘉賓出席。";
    let got =
        subjects(text, &[("灣區論壇", Event), ("會展中心", Place), ("貿發局", Organization), ("商會", Organization)]);
    assert_eq!(got[0].1.as_deref(), Some("灣區論壇"));
}

#[test]
fn referring_words_find_their_entity() {
    use EntityKind::*;
    let got = subjects("中國經濟穩步增長。目前，我國已有近600所高校開設課程。", &[("中國", Place)]);
    assert_eq!(got[0].1.as_deref(), Some("中國"));
    let got = subjects("浙江省發布數據。今年以來全省新增企業1.2萬家以上。", &[("浙江省", Place)]);
    assert_eq!(got[0].1.as_deref(), Some("浙江省"));
    let got = subjects(
        "恒星科技有限公司今日簽約。董事長表示，公司決定斥資8億元興建基地。",
        &[("恒星科技有限公司", Organization)],
    );
    assert_eq!(got[0].1.as_deref(), Some("恒星科技有限公司"));
}

#[test]
fn a_figure_with_no_subject_in_its_sentence_is_about_the_headline_subject() {
    use EntityKind::*;
    let text = "國家數據局：數據產業規模超過兩萬億元\n\n標準體系建設同步提速，累計發布國家標準逾百項。";
    let got = subjects(text, &[("國家數據局", Organization)]);
    assert!(got.iter().all(|(_, a)| a.as_deref() == Some("國家數據局")), "{got:?}");
}

#[test]
fn people_are_never_what_a_figure_is_about() {
    use EntityKind::*;
    let got = subjects("李明表示，將投入3億元。", &[("李明", Person)]);
    assert_eq!(got[0].1, None);
}

/// A tiny deterministic generator (xorshift64*): the same strings on every run, no dependency.
struct Strings(u64);

impl Strings {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A string of up to 60 characters drawn from numerals, units, currencies, qualifiers,
    /// punctuation, line breaks, Latin letters and odd code points: what a numeric parser trips on.
    fn string(&mut self) -> String {
        const ALPHABET: &[&str] = &[
            "0",
            "1",
            "9",
            ",",
            ".",
            "%",
            "％",
            "１",
            "．",
            "一",
            "二",
            "兩",
            "两",
            "十",
            "百",
            "千",
            "萬",
            "万",
            "億",
            "亿",
            "零",
            "〇",
            "多",
            "餘",
            "余",
            "第",
            "首",
            "分之",
            "成",
            "元",
            "港元",
            "美元",
            "人民幣",
            "HK$",
            "$",
            "RMB",
            " ",
            "間",
            "名",
            "個",
            "年",
            "月",
            "日",
            "時",
            "分",
            "至",
            "到",
            "-",
            "超過",
            "約",
            "近",
            "以上",
            "左右",
            "不足",
            "最多可獲",
            "的",
            "企業",
            "人才",
            "，",
            "。",
            "、",
            "「",
            "」",
            "\n",
            "\n\n",
            "A",
            "G",
            "EFLOPS",
            "昨日",
            "本月",
            "一國兩制",
            "峰會",
            "公司",
            "\u{FEFF}",
            "é",
            "𠀀",
        ];
        let len = (self.next() % 60) as usize;
        (0..len).map(|_| ALPHABET[(self.next() % ALPHABET.len() as u64) as usize]).collect()
    }
}

#[test]
fn any_text_parses_without_panic_and_every_span_is_its_text() {
    let mut strings = Strings(0x9E37_79B9_7F4A_7C15);
    let published = Date::parse(PUBLISHED).ok();
    for _ in 0..3000 {
        let s = strings.string();
        let Ok(article) = Article::parse(&s, ArticleOptions { published, ..ArticleOptions::default() }) else {
            continue;
        };
        let analysis = Analysis::new(&article, Lexicons::embedded());
        for f in find(&analysis) {
            let text = article.text();
            assert!(f.span.start < f.span.end && f.span.end <= text.len(), "{s:?}: {f:?}");
            assert_eq!(text.slice(f.span), f.text, "{s:?}");
            if let (Some(min), Some(max)) = (f.min, f.max) {
                assert!(min < max, "{s:?}: {f:?}");
            }
        }
        // Through the whole pipeline, spans point into the original text.
        let extraction = crate::Extractor::new().extract(&article);
        let n = s.chars().count();
        assert!(extraction.figures.iter().all(|f| f.span.start < f.span.end && f.span.end <= n), "{s:?}");
    }
}

#[test]
fn fixtures() {
    insta::glob!("../../../../tests/fixtures/figures", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let mut out = String::new();
        for f in figures(&text) {
            let mut line = format!("{:?} «{}» value={}", f.kind, f.text, f.value);
            for (name, v) in [
                ("min", f.min.map(|d| d.to_string())),
                ("max", f.max.map(|d| d.to_string())),
                ("currency", f.currency.clone()),
                ("unit", f.unit.clone()),
                ("counts", f.counts.clone()),
                ("qualifier", f.qualifier.map(|q| q.name().to_owned())),
                ("date", f.date.map(|d| d.lexical())),
            ] {
                if let Some(v) = v {
                    line.push_str(&format!(" {name}={v}"));
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn words_that_end_like_a_qualifier_are_none() {
    let f = only("現場共簽約28個項目。");
    assert_eq!(f.value.to_string(), "28");
    assert_eq!(f.qualifier, None);
    let f = only("现场签约28个项目。");
    assert_eq!(f.qualifier, None);
    assert_eq!(only("約28個項目").qualifier, Some(Qualifier::Approximately));
}

#[test]
fn chinese_decimal_point_and_units_that_start_with_a_magnitude() {
    let f = only("佔比已升至百分之八點五。");
    assert_eq!(f.value.to_string(), "8.5");
    let f = only("装机规模超过1600万千瓦。");
    assert_eq!(f.value.to_string(), "16000000");
    assert_eq!(f.unit.as_deref(), Some("千瓦"));
    let f = only("裝機容量200萬千瓦。");
    assert_eq!(f.value.to_string(), "2000000");
}

#[test]
fn a_half_after_the_measure_word_of_a_duration() {
    let xsd =
        |text: &str| figures(text).iter().find_map(|f| super::xsd_duration(&crate::Lexicons::embedded().figures, f));
    assert_eq!(xsd("历时约一个半小时").as_deref(), Some("PT1.5H"));
    assert_eq!(xsd("歷時兩年半").as_deref(), Some("P2.5Y"));
}

#[test]
fn an_indefinite_digit_is_more_than_its_place() {
    for (text, value, counts) in [
        ("她還欠銀行十幾萬元貸款", "100000", Some("貸款")),
        ("她还欠银行十几万元贷款", "100000", Some("贷款")),
        ("區內有二十幾間學校", "20", Some("學校")),
        ("区内有二十几间学校", "20", Some("学校")),
        ("每日有幾十名旅客入境", "10", Some("旅客")),
        ("每日有几十名旅客入境", "10", Some("旅客")),
    ] {
        let f = only(text);
        assert_eq!(
            (f.value.to_string(), f.qualifier, f.counts.as_deref()),
            (value.into(), Some(Qualifier::MoreThan), counts),
            "{text}"
        );
    }
    // 幾乎 (almost) and 這幾天 count nothing.
    assert!(quantities("這幾天幾乎每人都到場").is_empty());
}

#[test]
fn half_of_a_whole_is_fifty_percent() {
    for (text, qualifier) in [
        ("全市一半以上家庭已接種疫苗", Some(Qualifier::AtLeast)),
        ("全市一半以上家庭已接种疫苗", Some(Qualifier::AtLeast)),
        ("近一半的會員反對", Some(Qualifier::Approximately)),
        ("近一半的会员反对", Some(Qualifier::Approximately)),
        ("成本減至原來的一半", None),
        ("成本减至原来的一半", None),
    ] {
        let f = only(text);
        assert_eq!((f.kind, f.value.to_string(), f.qualifier), (FigureKind::Percent, "50".into(), qualifier), "{text}");
    }
    // the other half (a partner), 一半半 (so-so), and half an hour read as a length of time.
    for text in ["他和另一半去旅行", "他和另一半去旅行", "成績一半半", "等了一個半小時", "一半時間在家", "一半时间在家"]
    {
        assert!(quantities(text).is_empty(), "{text}");
    }
}

#[test]
fn digits_grouped_by_magnitudes_or_spaces() {
    for (text, value) in [
        ("項目投資3億5000萬元", "350000000"),
        ("项目投资3亿5000万元", "350000000"),
        ("今年有6萬2千多名考生", "62000"),
        ("今年有6万2千多名考生", "62000"),
        ("為3 000名員工接種", "3000"),
        ("为12 500名员工接种", "12500"),
    ] {
        assert_eq!(only(text).value.to_string(), value, "{text}");
    }
    // A telephone number is a run of digits, not a number grouped by spaces.
    assert!(quantities("查詢請致電2345 6789").is_empty());
    assert!(quantities("查询请致电2345 6789").is_empty());
}

#[test]
fn casualties_are_counts_of_the_dead_and_injured() {
    for text in ["貨車翻側，釀成至少2死15傷。", "货车翻侧，酿成至少2死15伤。"] {
        let got: Vec<(String, Option<Qualifier>)> =
            quantities(text).iter().map(|f| (f.value.to_string(), f.qualifier)).collect();
        assert_eq!(got, [("2".into(), Some(Qualifier::AtLeast)), ("15".into(), None)], "{text}");
    }
    // 死難 (the victims of a date), 死刑 (a sentence), an idiom: no count.
    for text in ["紀念八九死難者", "判處三死刑", "判处三死刑", "可謂九死一生", "可谓九死一生"]
    {
        assert!(quantities(text).is_empty(), "{text}");
    }
}

#[test]
fn one_listed_with_a_count_is_a_count() {
    for text in ["他被裁定兩項盜竊罪、一項傷人罪成立", "他被裁定两项盗窃罪、一项伤人罪成立"]
    {
        let got: Vec<String> = quantities(text).iter().map(|f| f.value.to_string()).collect();
        assert_eq!(got, ["2", "1"], "{text}");
    }
    let got: Vec<String> = quantities("委員會有三名教師及一名學生").iter().map(|f| f.value.to_string()).collect();
    assert_eq!(got, ["3", "1"]);
    // Alone, or after a count of another measure word, 一 is an article.
    assert!(quantities("一名男子被捕").is_empty());
    assert!(quantities("這是一個城市、一個港口").is_empty());
    assert!(quantities("这是一个城市、一个港口").is_empty());
    assert_eq!(quantities("兩間學校及一名校長").len(), 1);
}
