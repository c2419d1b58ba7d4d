use super::*;
use crate::analysis::testing::analysis_with;
use crate::model::EntityKind::{self, Event, Initiative, Organization, Person, Place};
use crate::model::EventDetails;

/// Every relation in `text` as (subject, property, object) names, sorted.
pub(super) fn relations(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, String, String)> {
    let mut a = analysis_with(text, None, names);
    Relations.run(&mut a);
    let name = |id: EntityId| a.entities.get(id).full_names.keys().next().cloned().unwrap_or_default();
    let mut out: Vec<(String, String, String)> =
        a.relations.iter().map(|r| (name(r.subject), r.property.clone(), name(r.object))).collect();
    out.sort();
    out.dedup();
    out
}

pub(super) fn triple(s: &str, p: &str, o: &str) -> (String, String, String) {
    (s.to_owned(), p.to_owned(), o.to_owned())
}

#[test]
fn parties_to_an_agreement_signed_with_each_other() {
    let names = [("甲大學", Organization), ("乙科技有限公司", Organization), ("乙科技", Organization)];
    let got = relations("甲大學與乙科技有限公司（下稱「乙科技」）簽署合作備忘錄。", &names);
    assert_eq!(
        got,
        [triple("乙科技有限公司", "signedWith", "甲大學"), triple("甲大學", "signedWith", "乙科技有限公司")]
    );
}

#[test]
fn three_parties_sign_and_found_together() {
    let names =
        [("甲大学", Organization), ("乙大学", Organization), ("丙公司", Organization), ("丁实验室", Organization)];
    let got = relations("其后，甲大学、乙大学与丙公司签署三方合作备忘录，共同成立“丁实验室”。", &names);
    for (x, y) in [("甲大学", "乙大学"), ("甲大学", "丙公司"), ("乙大学", "丙公司")] {
        assert!(got.contains(&triple(x, "signedWith", y)) && got.contains(&triple(y, "signedWith", x)), "{got:?}");
    }
    for x in ["甲大学", "乙大学", "丙公司"] {
        assert!(got.contains(&triple(x, "founded", "丁实验室")), "{got:?}");
    }
}

#[test]
fn a_person_proposes_an_initiative() {
    let got =
        relations("陳國強主席提出了構建網絡命運共同體的理念。", &[("陳國強", Person), ("網絡命運共同體", Initiative)]);
    assert_eq!(got, [triple("陳國強", "proposed", "網絡命運共同體")]);
}

#[test]
fn organisers_of_an_event_named_earlier_by_a_generic_noun() {
    let names = [
        ("甲論壇", Event),
        ("乙局", Organization),
        ("丙局", Organization),
        ("丁公會", Organization),
        ("戊大學", Organization),
    ];
    let text = "第二屆甲論壇昨日舉行。論壇由乙局和丙局聯合主辦，丁公會及戊大學協辦。";
    let mut a = analysis_with(text, None, &names);
    let event = a.entities.named("甲论坛").expect("event");
    a.events.push(EventDetails { event, ..EventDetails::default() });
    Relations.run(&mut a);
    assert_eq!(a.events[0].organisers.len(), 4);
    let got = relations(text, &names);
    assert!(got.contains(&triple("乙局", "organizerOf", "甲論壇")));
    assert!(got.contains(&triple("丙局", "partnerOf", "乙局")));
    assert!(got.contains(&triple("戊大學", "coOrganizerOf", "甲論壇")));
}

#[test]
fn a_lead_investor_and_a_headquarters_in_simplified() {
    let names = [
        ("甲资本公司", Organization),
        ("乙科技股份有限公司", Organization),
        ("乙科技", Organization),
        ("杭州市", Place),
        ("余杭区", Place),
    ];
    let got = relations("甲资本公司日前领投乙科技股份有限公司（以下简称“乙科技”）新一轮融资。", &names);
    assert_eq!(got, [triple("甲资本公司", "ledInvestmentIn", "乙科技股份有限公司")]);
    let got = relations("乙科技成立于2019年，总部位于杭州市余杭区。", &names);
    // The district written right after its city is in it.
    assert_eq!(
        got,
        [
            triple("乙科技", "locatedIn", "余杭区"),
            triple("乙科技", "locatedIn", "杭州市"),
            triple("余杭区", "locatedIn", "杭州市")
        ]
    );
}

#[test]
fn joint_publishers_and_working_partners() {
    let names = [("甲研究院", Organization), ("乙联盟", Organization), ("《丙白皮书（2025年）》", Initiative)];
    let got = relations("同日，甲研究院与乙联盟联合发布《丙白皮书（2025年）》。", &names);
    assert!(got.contains(&triple("甲研究院", "partnerOf", "乙联盟")), "{got:?}");
    assert!(got.contains(&triple("乙联盟", "published", "《丙白皮书（2025年）》")), "{got:?}");
    let got =
        relations("創科局將聯同投資推廣署，預留土地。", &[("創科局", Organization), ("投資推廣署", Organization)]);
    assert_eq!(got, [triple("創科局", "partnerOf", "投資推廣署"), triple("投資推廣署", "partnerOf", "創科局")]);
}

#[test]
fn entities_the_verb_does_not_link_are_not_related() {
    let names = [
        ("甲公司", Organization),
        ("乙公司", Organization),
        ("丙局", Organization),
        ("丁局", Organization),
        ("澳門", Place),
    ];
    for text in [
        "甲公司的代表與乙公司簽署協議。",
        "丙局、丁局和甲公司的代表出席了儀式，乙公司簽署了協議。",
        "甲公司表示，公司將在澳門設立總部。",
    ] {
        assert!(relations(text, &names).is_empty(), "{text}: {:?}", relations(text, &names));
    }
}

#[test]
fn a_wire_dateline_is_not_the_subject() {
    for (text, agency, office, plan) in [
        (
            "新華社長沙3月2日電（記者甲、乙）甲省新聞辦公室2日舉行發布會，正式發布《丙行動方案》。",
            "新華社",
            "甲省新聞辦公室",
            "丙行動方案",
        ),
        (
            "新华社长沙3月2日电（记者甲、乙）甲省新闻办公室2日举行发布会，正式发布《丙行动方案》。",
            "新华社",
            "甲省新闻办公室",
            "丙行动方案",
        ),
    ] {
        let names = [(agency, Organization), (office, Organization), (plan, Initiative)];
        let got = relations(text, &names);
        assert!(got.iter().all(|(s, _, _)| s != agency), "{got:?}");
        assert!(got.contains(&triple(office, "published", plan)), "{got:?}");
    }
}

#[test]
fn people_chair_attend_meet_and_visit() {
    for (text, names, want) in [
        (
            "陳大文主持甲論壇開幕禮，王小華出席甲論壇。",
            vec![("陳大文", Person), ("王小華", Person), ("甲論壇", Event)],
            vec![triple("王小華", "attended", "甲論壇"), triple("陳大文", "chaired", "甲論壇")],
        ),
        (
            "陈大文主持甲论坛开幕礼，王小华出席甲论坛。",
            vec![("陈大文", Person), ("王小华", Person), ("甲论坛", Event)],
            vec![triple("王小华", "attended", "甲论坛"), triple("陈大文", "chaired", "甲论坛")],
        ),
        (
            "局長陳大文昨日會見乙國部長王小華。",
            vec![("陳大文", Person), ("王小華", Person), ("乙國", Place)],
            vec![triple("王小華", "metWith", "陳大文"), triple("陳大文", "metWith", "王小華")],
        ),
        (
            "局长陈大文昨日会见乙国部长王小华。",
            vec![("陈大文", Person), ("王小华", Person), ("乙国", Place)],
            vec![triple("王小华", "metWith", "陈大文"), triple("陈大文", "metWith", "王小华")],
        ),
        ("陳大文下月訪問乙國。", vec![("陳大文", Person), ("乙國", Place)], vec![triple("陳大文", "visited", "乙國")]),
        ("陈大文下月访问乙国。", vec![("陈大文", Person), ("乙国", Place)], vec![triple("陈大文", "visited", "乙国")]),
        ("陳大文昨日前往乙國。", vec![("陳大文", Person), ("乙國", Place)], vec![triple("陳大文", "visited", "乙國")]),
        ("陈大文昨日抵达乙国。", vec![("陈大文", Person), ("乙国", Place)], vec![triple("陈大文", "visited", "乙国")]),
    ] {
        assert_eq!(relations(text, &names), want, "{text}");
    }
    // An interview (接受訪問) visits nothing.
    // (The clause rule reads 接受 as a plain link to the paper.)
    let got = relations("陳大文接受丙報訪問時表示滿意。", &[("陳大文", Person), ("丙報", Organization)]);
    assert!(got.iter().all(|(_, p, _)| p != "visited"), "{got:?}");
}

#[test]
fn a_passive_chain_of_organisers_and_a_host_place() {
    for (text, host, co, event) in [
        ("由甲會主辦、乙局承辦及丙署協辦的丁論壇今日開幕。", "乙局", "丙署", "丁論壇"),
        ("由甲会主办、乙局承办及丙署协办的丁论坛今日开幕。", "乙局", "丙署", "丁论坛"),
    ] {
        let first = if text.contains('會') { "甲會" } else { "甲会" };
        let names = [(first, Organization), (host, Organization), (co, Organization), (event, Event)];
        let got = relations(text, &names);
        assert!(got.contains(&triple(first, "organizerOf", event)), "{got:?}");
        assert!(got.contains(&triple(host, "organizerOf", event)), "{got:?}");
        assert!(got.contains(&triple(co, "coOrganizerOf", event)), "{got:?}");
    }
    for (text, place, event) in
        [("澳門下月將主辦第三屆丁論壇。", "澳門", "丁論壇"), ("澳门下月将主办第三届丁论坛。", "澳门", "丁论坛")]
    {
        let names = [(place, Place), (event, Event)];
        let mut a = analysis_with(text, None, &names);
        let id = a.entities.named(&crate::normalize::fold(event)).expect("event");
        a.events.push(EventDetails { event: id, ..EventDetails::default() });
        Relations.run(&mut a);
        assert_eq!(a.events[0].locations.len(), 1, "{text}");
        assert_eq!(relations(text, &names), [triple(place, "organizerOf", event)]);
    }
}

#[test]
fn the_parties_named_in_an_agreement_title_sign_with_each_other() {
    for (text, x, y) in [
        ("雙方簽署了《甲研究院與乙大學學術交流合作協議書》等文件。", "甲研究院", "乙大學"),
        ("双方签署了《甲研究院与乙大学学术交流合作协议书》等文件。", "甲研究院", "乙大学"),
    ] {
        let names = [(x, Organization), (y, Organization)];
        let got = relations(text, &names);
        assert!(got.contains(&triple(x, "signedWith", y)) && got.contains(&triple(y, "signedWith", x)), "{got:?}");
    }
    // A report about two bodies is no agreement; a body named inside, not at the start, signs nothing.
    let names = [("甲研究院", Organization), ("乙大學", Organization)];
    assert!(relations("他引用《甲研究院與乙大學研究報告》。", &names).is_empty());
    assert!(relations("他提到《深化甲研究院與乙大學合作備忘錄》。", &names).is_empty());
}

#[test]
fn a_verb_reads_its_sentence_only_within_reach() {
    let sentence = Span::new(0, 10_000);
    assert_eq!(within_reach(Span::new(5_000, 5_002), sentence), Span::new(4_800, 5_202));
    // A sentence shorter than the reach is read whole.
    assert_eq!(within_reach(Span::new(10, 12), Span::new(0, 40)), Span::new(0, 40));
}

/// A run without punctuation (issue 13: 12,000 characters took 88 s, every verb rereading every
/// mention of one endless sentence) is read verb by verb within reach: the extraction finishes
/// and still links what stands next to each verb.
#[test]
fn an_endless_sentence_is_read_within_reach() {
    for unit in ["香港投資", "香港投资"] {
        let text = unit.repeat(3_000);
        let article = crate::Article::parse(&text, crate::ArticleOptions::default()).unwrap();
        let extraction = crate::Extractor::new().extract(&article);
        assert!(extraction.relations.iter().all(|r| r.span.len() <= 2 * SENTENCE_REACH + 2), "{unit}");
    }
}

#[test]
fn a_person_accepts_an_interview_from_a_news_body() {
    for (text, person, paper) in [
        ("局長陳大文昨日接受《丙報》記者專訪時表示滿意。", "陳大文", "丙報"),
        ("局长陈大文昨日接受《丙报》记者专访时表示满意。", "陈大文", "丙报"),
        ("總理陳大文，就明年經濟問題接受了丙社獨家專訪。", "陳大文", "丙社"),
        ("总理陈大文，就明年经济问题接受了丙社独家专访。", "陈大文", "丙社"),
        ("丙報記者日前專訪陳大文，談及明年計劃。", "陳大文", "丙報"),
        ("丙报记者日前专访陈大文，谈及明年计划。", "陈大文", "丙报"),
    ] {
        let got = relations(text, &[(person, Person), (paper, Organization)]);
        assert_eq!(got, [triple(person, "interviewedBy", paper)], "{text}");
    }
    // An interview whose interviewer stands far from it, or is not named, links nothing.
    let names = [("陳大文", Person), ("丙報", Organization)];
    assert!(relations("陳大文接受採訪時引述丙報的報道。", &names).is_empty());
    assert!(relations("丙報指陳大文拒絕接受採訪。", &names).is_empty());
}

#[test]
fn people_meet_and_call_each_other_across_their_with() {
    for (text, x, y, z, property) in [
        ("甲黨主席陳大文昨日與乙局局長王小華及副局長李小明會面。", "陳大文", "王小華", "李小明", "metWith"),
        ("甲党主席陈大文昨日与乙局局长王小华及副局长李小明会面。", "陈大文", "王小华", "李小明", "metWith"),
        ("陳大文當日與王小華、李小明通電話。", "陳大文", "王小華", "李小明", "spokeWith"),
        ("陈大文当日与王小华、李小明通电话。", "陈大文", "王小华", "李小明", "spokeWith"),
    ] {
        let (party, bureau) = if text.contains('黨') { ("甲黨", "乙局") } else { ("甲党", "乙局") };
        let names = [(x, Person), (y, Person), (z, Person), (party, Organization), (bureau, Organization)];
        let got = relations(text, &names);
        for other in [y, z] {
            assert!(got.contains(&triple(x, property, other)) && got.contains(&triple(other, property, x)), "{got:?}");
        }
        // The two on the far side of 與 came together; they did not meet each other.
        assert!(!got.contains(&triple(y, property, z)), "{text}: {got:?}");
    }
    // Invited with 與 by someone unnamed: the ones named did not meet each other.
    let names = [("王小華", Person), ("李小明", Person)];
    assert!(relations("他要求與王小華、李小明會面。", &names).is_empty());
    // Talks between two bodies are a meeting (and no event was held).
    let names = [("丙局", Organization), ("丁局", Organization)];
    assert_eq!(
        relations("丙局與丁局舉行會談。", &names),
        [triple("丁局", "metWith", "丙局"), triple("丙局", "metWith", "丁局")]
    );
}

#[test]
fn a_person_graduates_from_a_university() {
    for (text, person, school) in
        [("陳大文2005年畢業於甲大學。", "陳大文", "甲大學"), ("陈大文2005年毕业于甲大学。", "陈大文", "甲大学")]
    {
        let got = relations(text, &[(person, Person), (school, Organization)]);
        assert_eq!(got, [triple(person, "graduatedFrom", school)], "{text}");
    }
}

#[test]
fn an_attributive_location_places_what_follows_its_de() {
    for (text, place, thing) in [
        ("部長參觀了位於甲區的乙中學。", "甲區", "乙中學"),
        ("部长参观了位于甲区的乙中学。", "甲区", "乙中学"),
        ("他到訪總部設於甲市東部的乙公司，", "甲市", "乙公司"),
        ("他到访总部设于甲市东部的乙公司，", "甲市", "乙公司"),
    ] {
        let got = relations(text, &[(place, Place), (thing, Organization)]);
        assert_eq!(got, [triple(thing, "locatedIn", place)], "{text}");
    }
    // A place name opening an unnamed building is not what is located there.
    let got = relations("位於甲區的乙市博物館今日開放。", &[("甲區", Place), ("乙市", Place)]);
    assert!(got.is_empty(), "{got:?}");
    // A body named before 位於: its office is there, and so is it.
    let names = [("丙公司", Organization), ("甲區", Place)];
    assert_eq!(relations("丙公司位於甲區的辦公室。", &names), [triple("丙公司", "locatedIn", "甲區")]);
}

#[test]
fn relatives_and_friends_named_by_apposition() {
    for (text, x, y, property) in [
        ("陳大文的妻子王小華今日到場。", "陳大文", "王小華", "relativeOf"),
        ("陈大文的妻子王小华今日到场。", "陈大文", "王小华", "relativeOf"),
        ("陳大文胞兄陳大武表示。", "陳大文", "陳大武", "relativeOf"),
        ("陈大文胞兄陈大武表示。", "陈大文", "陈大武", "relativeOf"),
        ("陳大文生前好友李小明批評。", "陳大文", "李小明", "friendOf"),
        ("陈大文生前好友李小明批评。", "陈大文", "李小明", "friendOf"),
    ] {
        let got = relations(text, &[(x, Person), (y, Person)]);
        let mut want = vec![triple(x, property, y), triple(y, property, x)];
        want.sort();
        assert_eq!(got, want, "{text}");
    }
    // Other words between two people relate nothing.
    let names = [("陳大文", Person), ("王小華", Person)];
    assert!(relations("陳大文的助手王小華今日到場。", &names).is_empty());
    assert!(relations("陳大文、王小華今日到場。", &names).is_empty());
}

#[test]
fn counsel_represents_the_party_named_after_dai_biao() {
    for (text, party, counsel) in [
        ("代表被告陳大文的大律師王小華指出，", "陳大文", "王小華"),
        ("代表被告陈大文的大律师王小华指出，", "陈大文", "王小华"),
    ] {
        let got = relations(text, &[(party, Person), (counsel, Person)]);
        assert_eq!(got, [triple(counsel, "represents", party)], "{text}");
    }
    // Without 代表, a title after 的 says nothing of whom the person acts for.
    let names = [("陳大文", Person), ("王小華", Person)];
    assert!(relations("陳大文的大律師王小華指出，", &names).is_empty());
}

#[test]
fn countries_hold_an_event_at_a_venue_named_between_them_and_the_verb() {
    let names = [("甲國", Place), ("乙國", Place), ("丙國", Place), ("丁灣", Place), ("戊演習", Event)];
    let got = relations("甲國、乙國及丙國三國在丁灣舉行戊演習。", &names);
    assert_eq!(
        got,
        [
            triple("丙國", "organizerOf", "戊演習"),
            triple("乙國", "organizerOf", "戊演習"),
            triple("甲國", "organizerOf", "戊演習")
        ]
    );
    let names = [("甲市", Place), ("乙区", Place), ("丙协会", Organization), ("丁论坛", Event)];
    let got = relations("丙协会昨日在甲市乙区举行丁论坛。", &names);
    assert_eq!(got, [triple("丙协会", "organizerOf", "丁论坛"), triple("乙区", "locatedIn", "甲市")]);
}

#[test]
fn a_person_holds_a_rally_at_a_venue() {
    let names = [("陳大文", Person), ("丁公園", Place), ("戊集會", Event)];
    let got = relations("陳大文周五於丁公園舉行戊集會。", &names);
    assert_eq!(got, [triple("陳大文", "organizerOf", "戊集會")]);
}

#[test]
fn an_event_verb_without_object_attends_the_articles_one_event() {
    let names = [("甲論壇", Event), ("乙大學", Organization), ("丙大學", Organization)];
    let got = relations("第三屆甲論壇昨日開幕。乙大學、丙大學均有代表參加本屆論壇。", &names);
    assert_eq!(got, [triple("丙大學", "attended", "甲論壇"), triple("乙大學", "attended", "甲論壇")]);
    let names = [("甲论坛", Event), ("乙公司", Organization)];
    let got = relations("甲论坛昨日开幕。乙公司出席了此次论坛。", &names);
    assert_eq!(got, [triple("乙公司", "attended", "甲论坛")]);
}

#[test]
fn another_kind_of_event_or_two_events_are_not_the_articles_event() {
    let names = [("甲論壇", Event), ("乙公司", Organization)];
    assert!(relations("甲論壇昨日開幕。乙公司出席了發布會。", &names).is_empty());
    assert!(relations("甲論壇昨日開幕。乙公司出席了此次發布會。", &names).is_empty());
    assert!(relations("甲論壇昨日開幕。乙公司沒有參與。", &names).is_empty());
    let names = [("甲論壇", Event), ("丙博覽會", Event), ("乙公司", Organization)];
    assert!(relations("甲論壇和丙博覽會昨日開幕。乙公司參加了此次論壇。", &names).is_empty());
}

#[test]
fn a_place_opening_the_sentence_does_not_hold_a_later_clauses_event() {
    let names = [("甲國", Place), ("乙市", Place), ("丙論壇", Event)];
    assert!(relations("甲國通訊社報道，丙論壇周四在乙市舉行。", &names).is_empty());
    assert!(relations("甲国通讯社报道，周四在乙市举行丙论坛。", &names).is_empty());
}

#[test]
fn an_event_verb_with_an_unnamed_object_does_not_hold_the_event_named_before() {
    let names = [("甲峰會", Event), ("陳大文", Person), ("李小明", Person)];
    // The talks are a meeting of the two (metWith), not the summit held by them.
    let got = relations("甲峰會期間，陳大文和李小明舉行雙邊會談。", &names);
    assert!(!got.iter().any(|t| t.0 == "甲峰會" || t.2 == "甲峰會"), "{got:?}");
    let names = [("甲峰会", Event), ("乙协会", Organization), ("丙市", Place)];
    assert_eq!(relations("甲峰会周五在丙市举行，乙协会主办。", &names), [triple("乙协会", "organizerOf", "甲峰会")]);
}

#[test]
fn a_party_that_attends_an_event_held_at_a_venue_does_not_hold_it() {
    let names = [("乙國", Place), ("丙市", Place), ("丁年會", Event)];
    assert!(relations("乙國也將出席在丙市舉行的丁年會。", &names).iter().all(|t| t.1 != "organizerOf"));
    assert!(relations("乙國時間明早八時在丙市舉行丁年會。", &names).is_empty());
}

#[test]
fn a_body_or_place_belongs_to_a_larger_one_unless_denied() {
    let names = [("甲中心", Organization), ("乙署", Organization)];
    assert_eq!(relations("甲中心屬於乙署，負責檢疫。", &names), [triple("甲中心", "partOf", "乙署")]);
    let names = [("甲中心", Organization), ("乙署", Organization)];
    assert_eq!(relations("甲中心属于乙署，负责检疫。", &names), [triple("甲中心", "partOf", "乙署")]);
    assert!(relations("甲中心並不屬於乙署。", &names).is_empty());
    assert!(relations("甲中心并不属于乙署。", &names).is_empty());
}

#[test]
fn a_negated_verb_states_no_link() {
    let names = [("張三", Person), ("甲論壇", Event)];
    assert!(relations("張三未有出席甲論壇。", &names).is_empty());
    assert!(relations("张三没有出席甲论坛。", &[("张三", Person), ("甲论坛", Event)]).is_empty());
    assert_eq!(relations("張三出席甲論壇。", &names), [triple("張三", "attended", "甲論壇")]);
}

#[test]
fn only_a_part_written_right_before_belongs() {
    let names = [("甲報", Organization), ("乙院", Organization), ("丙區", Place), ("丁市", Place)];
    assert!(relations("甲報翻查資料，該停車場屬於乙院範圍。", &names).is_empty());
    assert!(
        relations("甲报翻查资料，该停车场属于乙院范围。", &[("甲报", Organization), ("乙院", Organization)]).is_empty()
    );
    assert_eq!(relations("丙區仍然屬於丁市。", &names), [triple("丙區", "partOf", "丁市")]);
}

#[test]
fn a_place_written_before_a_place_or_a_body_holds_it() {
    let names = [("甲國", Place), ("乙市", Place), ("丙通訊社", Organization)];
    let got = relations("代表團周五抵達甲國首都乙市。甲國丙通訊社報道此事。", &names);
    assert_eq!(got, [triple("丙通訊社", "partOf", "甲國"), triple("乙市", "locatedIn", "甲國")]);
    let got = relations("代表团抵达甲国乙市。", &[("甲国", Place), ("乙市", Place)]);
    assert_eq!(got, [triple("乙市", "locatedIn", "甲国")]);
}

#[test]
fn a_place_named_from_the_writer_or_a_line_holds_nothing() {
    let names = [("甲港", Place), ("內地", Place), ("甲線", Place), ("乙站", Place)];
    assert!(relations("旅客在甲港內地口岸區過關，再乘甲線乙站的列車。", &names).is_empty());
    let names = [("甲国", Place), ("其他机构", Organization)];
    assert!(relations("甲国其他机构也表示关注。", &names).is_empty());
}

#[test]
fn a_clause_topic_is_related_to_what_its_verb_takes() {
    let names = [("甲局", Organization), ("乙會", Organization)];
    let got = relations("甲局昨日約見乙會，商討安排。", &names);
    assert_eq!(got, [triple("甲局", "relatedTo", "乙會")]);
    let got = relations("甲局昨日约见乙会，商讨安排。", &[("甲局", Organization), ("乙会", Organization)]);
    assert_eq!(got, [triple("甲局", "relatedTo", "乙会")]);
}

#[test]
fn saying_denying_or_modifying_relates_nothing_by_the_clause_rule() {
    let names = [("甲局", Organization), ("乙會", Organization)];
    for text in ["甲局表示乙會會再商討。", "甲局沒有約見乙會。", "甲局約見乙會的代表。", "據甲局約見乙會。"]
    {
        assert!(relations(text, &names).is_empty(), "{text}");
    }
}

#[test]
fn a_unit_named_by_its_body_and_a_unit_word_belongs_to_it() {
    let names = [("甲大學", Organization), ("甲大學醫學院", Organization)];
    let got = relations("甲大學醫學院今日開放日，甲大學校長亦出席。", &names);
    assert_eq!(got, [triple("甲大學醫學院", "subOrganizationOf", "甲大學")]);
    let names = [("乙会", Organization), ("乙会秘书处", Organization)];
    let got = relations("乙会秘书处今日发出通告，乙会亦有回应。", &names);
    assert_eq!(got, [triple("乙会秘书处", "subOrganizationOf", "乙会")]);
    // A legal form of the same body is no unit of it.
    let names = [("丙基金", Organization), ("丙基金公司", Organization)];
    assert!(relations("丙基金公司今日公布業績，丙基金表現平穩。", &names).is_empty());
}

#[test]
fn the_agent_of_a_passive_clause_is_related_to_its_topic() {
    let names = [("甲隊", Organization), ("乙會", Organization), ("丙公司", Organization)];
    let got = relations("甲隊昨日改由乙會管轄。", &names);
    assert_eq!(got, [triple("乙會", "relatedTo", "甲隊")]);
    let got = relations("丙公司被乙會起訴，引起爭議。", &names);
    assert_eq!(got, [triple("乙會", "relatedTo", "丙公司")]);
    let got = relations("甲队昨日获乙会邀请。", &[("甲队", Organization), ("乙会", Organization)]);
    assert_eq!(got, [triple("乙会", "relatedTo", "甲队")]);
}

#[test]
fn a_marker_of_where_or_a_noun_after_the_name_makes_no_agent() {
    let names = [("甲隊", Organization), ("乙市", Place), ("乙會", Organization)];
    for text in ["甲隊由乙市出發。", "甲隊由乙會會長帶領。", "甲隊沒有被乙會收購。"] {
        assert_eq!(relations(text, &names), [], "{text}");
    }
}

#[test]
fn a_place_written_before_the_topic_leaves_it_the_topic() {
    let names = [("丁國", Place), ("甲隊", Organization), ("乙會", Organization)];
    let got = relations("丁國甲隊改由乙會管轄。", &names);
    assert!(got.contains(&triple("乙會", "relatedTo", "甲隊")), "{got:?}");
}

#[test]
fn a_companion_does_the_verb_after_it_with_the_clause_topic() {
    let names = [("甲國", Place), ("乙國", Place), ("丙會", Organization), ("丁局", Organization)];
    let got = relations("甲國周一與乙國斷交，改與他國建交。", &names);
    assert_eq!(got, [triple("甲國", "relatedTo", "乙國")]);
    let got = relations("丙會今日跟丁局開會，商討安排。", &names);
    assert_eq!(got, [triple("丙會", "relatedTo", "丁局")]);
    let got = relations("甲國今年已和乙國建交。", &names);
    assert_eq!(got, [triple("甲國", "relatedTo", "乙國")]);
    let names = [("甲国", Place), ("乙国", Place), ("丙会", Organization), ("丁局", Organization)];
    let got = relations("丙会昨日与丁局沟通。", &names);
    assert_eq!(got, [triple("丙会", "relatedTo", "丁局")]);
    let got = relations("甲国与乙国谈判。", &names);
    assert_eq!(got, [triple("甲国", "relatedTo", "乙国")]);
}

#[test]
fn two_subjects_each_on_their_own_or_a_denied_link_have_no_companion() {
    let names = [("甲國", Place), ("乙國", Place), ("丙會", Organization), ("丁局", Organization)];
    for text in [
        "甲國與乙國都表示歡迎。",
        "丙會和丁局回覆查詢。",
        "丙會與丁局分別回覆查詢。",
        "丙會與丁局並沒有聯繫。",
        "丙會與丁局的關係良好。",
        "甲國表示與乙國合作。",
    ] {
        assert_eq!(relations(text, &names), [], "{text}");
    }
    let names = [("甲国", Place), ("乙国", Place)];
    assert_eq!(relations("甲国和乙国均表示欢迎。", &names), []);
}

#[test]
fn a_person_written_right_after_a_party_is_its_member() {
    let names = [("甲黨", Organization), ("乙某", Person), ("丙證券", Organization), ("丁某", Person)];
    assert_eq!(relations("甲黨乙某擔心安排不足。", &names), [triple("乙某", "memberOf", "甲黨")]);
    let names = [("丙证券", Organization), ("丁某", Person)];
    assert_eq!(relations("丙证券丁某指出，市场仍然波动。", &names), [triple("丁某", "memberOf", "丙证券")]);
}

#[test]
fn a_title_or_a_word_between_makes_no_membership_link() {
    let names = [("甲黨", Organization), ("乙某", Person)];
    assert_eq!(relations("甲黨主席乙某擔心安排不足。", &names), []);
    assert_eq!(relations("甲黨和乙某都表示歡迎。", &names), []);
    assert_eq!(relations("乙某甲黨", &names), []);
    // A verb taken for a person's name is nobody's member.
    assert_eq!(relations("甲黨解釋，安排已經足夠。", &[("甲黨", Organization), ("解釋", Person)]), []);
    assert_eq!(relations("甲党文件显示，安排已经足够。", &[("甲党", Organization), ("文件", Person)]), []);
}

#[test]
fn a_person_who_joins_or_works_at_a_body_is_its_member() {
    let names = [("甲黨", Organization), ("乙某", Person), ("丙局", Organization), ("丁國", Place)];
    assert_eq!(relations("乙某去年加入甲黨。", &names), [triple("乙某", "memberOf", "甲黨")]);
    assert_eq!(relations("乙某曾任職於丙局。", &names), [triple("乙某", "memberOf", "丙局")]);
    assert_eq!(relations("乙某2010年加入甲党，", &names), [triple("乙某", "memberOf", "甲黨")]);
    // A country that joins a body is no person; nor is a joined place a body.
    assert_eq!(relations("丁國加入甲黨。", &names), []);
    assert_eq!(relations("乙某加入丁國。", &names), []);
    // The one who invites is not the one who joins; nor is the sentence's topic.
    let names = [("甲會", Organization), ("乙某", Person), ("丙某", Person)];
    let got = relations("丙某獲乙某邀請加入甲會。", &names);
    assert!(!got.contains(&triple("乙某", "memberOf", "甲會")), "{got:?}");
    assert_eq!(relations("乙某表示，她想加入甲會。", &names), []);
}

#[test]
fn criticised_links_the_critic_to_the_name_right_after_the_verb() {
    for (text, names, want) in [
        (
            "陳大文批評李小明的說法不合理。",
            vec![("陳大文", Person), ("李小明", Person)],
            vec![triple("陳大文", "criticised", "李小明")],
        ),
        (
            "陈大文批评李小明的说法不合理。",
            vec![("陈大文", Person), ("李小明", Person)],
            vec![triple("陈大文", "criticised", "李小明")],
        ),
        // The head of the phrase, not the party that modifies it.
        (
            "甲會昨日發表聲明，譴責乙黨議員李小明。",
            vec![("甲會", Organization), ("乙黨", Organization), ("李小明", Person)],
            vec![triple("甲會", "criticised", "李小明")],
        ),
        (
            "甲会昨日发表声明，谴责乙党议员李小明。",
            vec![("甲会", Organization), ("乙党", Organization), ("李小明", Person)],
            vec![triple("甲会", "criticised", "李小明")],
        ),
    ] {
        let got: Vec<_> = relations(text, &names).into_iter().filter(|(_, p, _)| p == "criticised").collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn criticised_needs_a_named_critic_and_a_target_right_after_the_verb() {
    for (text, names) in [
        // A noun or an agentless passive: nobody named criticised.
        ("甲會受到批評。", vec![("甲會", Organization)]),
        ("甲会受到批评。", vec![("甲会", Organization)]),
        ("陳大文回應李小明的批評。", vec![("陳大文", Person), ("李小明", Person)]),
        ("陈大文回应李小明的批评。", vec![("陈大文", Person), ("李小明", Person)]),
        // Someone left unnamed, not the sentence's topic.
        ("甲會當中，有人斥責李小明。", vec![("甲會", Organization), ("李小明", Person)]),
        ("甲会当中，有人斥责李小明。", vec![("甲会", Organization), ("李小明", Person)]),
        // Denied.
        ("陳大文沒有明文指責乙國。", vec![("陳大文", Person), ("乙國", Place)]),
        ("陈大文没有明文指责乙国。", vec![("陈大文", Person), ("乙国", Place)]),
        // The target inside a longer phrase.
        ("陳大文批評有人指責乙國。", vec![("陳大文", Person), ("乙國", Place)]),
        ("陈大文批评有人指责乙国。", vec![("陈大文", Person), ("乙国", Place)]),
    ] {
        let got = relations(text, &names);
        assert!(got.iter().all(|(_, p, _)| p != "criticised"), "{text}: {got:?}");
    }
    // The body of a title nobody is named after did not criticise.
    let got =
        relations("陳大文任甲會議員時批評李小明。", &[("陳大文", Person), ("甲會", Organization), ("李小明", Person)]);
    assert!(!got.contains(&triple("甲會", "criticised", "李小明")), "{got:?}");
    let got =
        relations("陈大文任甲会议员时批评李小明。", &[("陈大文", Person), ("甲会", Organization), ("李小明", Person)]);
    assert!(!got.contains(&triple("甲会", "criticised", "李小明")), "{got:?}");
}

#[test]
fn a_party_written_before_the_body_of_a_post_is_the_holders_party() {
    for (text, party, body, person) in [
        ("甲黨立法會議員李小明今日表示反對。", "甲黨", "立法會", "李小明"),
        ("甲党立法会议员李小明今日表示反对。", "甲党", "立法会", "李小明"),
    ] {
        let names = [(party, Organization), (body, Organization), (person, Person)];
        let got = relations(text, &names);
        assert!(got.contains(&triple(person, "memberOf", party)), "{text}: {got:?}");
    }
    // No title between the body and the person: the plain 甲黨乙某 rule, not this one.
    let got =
        relations("甲黨與乙會李小明會面。", &[("甲黨", Organization), ("乙會", Organization), ("李小明", Person)]);
    assert!(!got.contains(&triple("李小明", "memberOf", "甲黨")), "{got:?}");
}

#[test]
fn a_place_that_opens_a_name_locates_it() {
    let names = [("甲區", Place), ("甲區乙丙茶餐廳", Organization)];
    assert_eq!(relations("兩人曾到甲區乙丙茶餐廳用膳。", &names), [triple("甲區乙丙茶餐廳", "locatedIn", "甲區")]);
    let names = [("甲区", Place), ("甲区乙丙茶餐厅", Organization)];
    assert_eq!(relations("两人曾到甲区乙丙茶餐厅用膳。", &names), [triple("甲区乙丙茶餐厅", "locatedIn", "甲区")]);
    // A place inside, not at the start, locates nothing.
    let names = [("乙丙", Place), ("甲乙丙中心", Organization)];
    assert!(relations("兩人曾到甲乙丙中心。", &names).is_empty());
}

#[test]
fn aides_and_relatives_named_by_a_copula() {
    let names = [("甲某", Person), ("乙某", Person), ("丙會", Organization)];
    let got = relations("昨日有人襲擊甲某的保鑣乙某。", &names);
    assert_eq!(got, [triple("乙某", "relatedTo", "甲某")]);
    let got = relations("甲某的拍档乙某作供。", &names);
    assert_eq!(got, [triple("乙某", "relatedTo", "甲某")]);
    let got = relations("甲某是前丙會主席乙某的兒子。", &names);
    assert!(got.contains(&triple("甲某", "relativeOf", "乙某")), "{got:?}");
    let got = relations("甲某是乙某的女儿，", &names);
    assert!(got.contains(&triple("乙某", "relativeOf", "甲某")), "{got:?}");
    // The kin word does not end the clause: it names what the relative did.
    let got = relations("甲某是乙某的兒子所開的店。", &names);
    assert!(!got.iter().any(|t| t.1 == "relativeOf"), "{got:?}");
}

#[test]
fn legal_action_links_who_acts_to_the_name_right_after_the_verb() {
    for (text, names, want) in [
        (
            "甲署昨日拘捕李小明。",
            vec![("甲署", Organization), ("李小明", Person)],
            vec![triple("甲署", "arrested", "李小明")],
        ),
        (
            "甲署昨日逮捕李小明。",
            vec![("甲署", Organization), ("李小明", Person)],
            vec![triple("甲署", "arrested", "李小明")],
        ),
        (
            "甲司决定起诉陈大文。",
            vec![("甲司", Organization), ("陈大文", Person)],
            vec![triple("甲司", "prosecuted", "陈大文")],
        ),
        (
            "陳大文控告李小明誹謗。",
            vec![("陳大文", Person), ("李小明", Person)],
            vec![triple("陳大文", "sued", "李小明")],
        ),
    ] {
        let got: Vec<_> = relations(text, &names)
            .into_iter()
            .filter(|(_, p, _)| ["arrested", "prosecuted", "sued"].contains(&p.as_str()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn legal_action_in_the_passive_names_nobody_who_acted() {
    for (text, names) in [
        ("李小明昨日遭拘捕。", vec![("李小明", Person)]),
        ("李小明昨日遭逮捕。", vec![("李小明", Person)]),
        ("甲會曾受到起訴，陳大文回應。", vec![("甲會", Organization), ("陳大文", Person)]),
        ("甲会曾受到起诉，陈大文回应。", vec![("甲会", Organization), ("陈大文", Person)]),
    ] {
        let got = relations(text, &names);
        assert!(got.iter().all(|(_, p, _)| p != "arrested" && p != "prosecuted"), "{text}: {got:?}");
    }
}

#[test]
fn a_venue_between_the_doer_and_the_verb_is_passed_over() {
    for (text, a, b) in
        [("陳大文昨日在甲市會見李小明。", "陳大文", "李小明"), ("陈大文昨日在甲市会见李小明。", "陈大文", "李小明")]
    {
        let names = [(a, Person), (b, Person), ("甲市", Place)];
        let got = relations(text, &names);
        assert!(got.contains(&triple(a, "metWith", b)), "{text}: {got:?}");
        assert!(!got.iter().any(|(s, _, o)| s == "甲市" || o == "甲市"), "{text}: {got:?}");
    }
    // A verb that places its subject takes the name right before it.
    let names = [("甲會", Organization), ("乙區", Place), ("丙市", Place)];
    let got = relations("甲會在乙區位於丙市。", &names);
    assert!(!got.contains(&triple("甲會", "locatedIn", "丙市")), "{got:?}");
}

/// Relations in `text`, the names given known to the lexicon (their entry's class decides).
fn relations_known(text: &str, names: &[&str]) -> Vec<(String, String, String)> {
    let with_kinds: Vec<(&str, EntityKind)> = names.iter().map(|n| (*n, Place)).collect();
    let mut a = analysis_with(text, None, &with_kinds);
    for id in a.entities.ids().collect::<Vec<_>>() {
        let name = a.entities.get(id).full_names.keys().next().cloned().unwrap_or_default();
        if let Some(&k) = a.lex.known_named(&crate::normalize::fold(&name)).first() {
            a.entities.set_known(id, k);
            a.entities.get_mut(id).known = Some(k);
        }
    }
    Relations.run(&mut a);
    let name = |id: EntityId| a.entities.get(id).full_names.keys().next().cloned().unwrap_or_default();
    a.relations.iter().map(|r| (name(r.subject), r.property.clone(), name(r.object))).collect()
}

#[test]
fn places_of_one_rank_side_by_side_are_a_list() {
    // A city in its country, a city in its province: held.
    assert!(relations_known("他去過日本大阪。", &["日本", "大阪"]).contains(&triple("大阪", "locatedIn", "日本")));
    assert!(relations_known("他去过日本大阪。", &["日本", "大阪"]).contains(&triple("大阪", "locatedIn", "日本")));
    // Two countries, two provinces: a list written without a comma.
    for (text, names) in [
        ("法國德國等國家都有代表。", ["法國", "德國"]),
        ("法国德国等国家都有代表。", ["法国", "德国"]),
        ("浙江福建等省份都有代表。", ["浙江", "福建"]),
        ("大阪法國都有代表。", ["大阪", "法國"]),
    ] {
        let got = relations_known(text, &names);
        assert!(got.iter().all(|(_, p, _)| p != "locatedIn"), "{text}: {got:?}");
    }
}

/// Standing in an election named after the verb (參選, 出戰) links the candidate, or the party
/// that fields one, to the election; 參選 before another kind of event (參選後出席甲論壇) contests
/// nothing named.
#[test]
fn a_candidate_competes_in_the_election_named_after_the_verb() {
    for (text, election) in [
        ("陳大文昨日宣布參選南海區補選。", "南海區補選"),
        ("陈大文昨日宣布参选南海区补选。", "南海区补选"),
        ("甲黨派陳大文出戰北海區議會選舉。", "北海區議會選舉"),
        ("甲党派陈大文出战北海区议会选举。", "北海区议会选举"),
    ] {
        let names =
            [("陳大文", Person), ("陈大文", Person), ("甲黨", Organization), ("甲党", Organization), (election, Event)];
        let got = relations(text, &names);
        assert!(
            got.iter().any(|(s, p, o)| s.contains("大文") && p == "competedIn" && o == election),
            "{text}: {got:?}"
        );
    }
    for (text, forum) in
        [("陳大文參選後首次出席南海論壇。", "南海論壇"), ("陈大文参选后首次出席南海论坛。", "南海论坛")]
    {
        let got = relations(text, &[("陳大文", Person), ("陈大文", Person), (forum, Event)]);
        assert!(got.iter().all(|(_, p, _)| p != "competedIn"), "{text}: {got:?}");
        assert!(got.iter().any(|(_, p, o)| p == "attended" && o == forum), "{text}: {got:?}");
    }
}

#[test]
fn a_place_holds_a_quoted_body_and_a_quoted_initiative_is_its_owners() {
    for (text, paper) in [("甲國《乙日報》周五報道此事。", "乙日報"), ("甲国《乙日报》周五报道此事。", "乙日报")]
    {
        let got = relations(text, &[(&text[..6], Place), (paper, Organization)]);
        assert_eq!(got, [triple(paper, "partOf", &text[..6])], "{text}");
    }
    for (text, names) in [
        (
            "丙會的「丁計劃」今年擴大，甲國《戊法》亦已生效。",
            [("丙會", Organization), ("丁計劃", Initiative), ("甲國", Place), ("戊法", Initiative)],
        ),
        (
            "丙会的“丁计划”今年扩大，甲国《戊法》亦已生效。",
            [("丙会", Organization), ("丁计划", Initiative), ("甲国", Place), ("戊法", Initiative)],
        ),
    ] {
        let got = relations(text, &names);
        assert!(got.contains(&triple(names[1].0, "relatedTo", names[0].0)), "{text}: {got:?}");
        assert!(got.contains(&triple(names[3].0, "relatedTo", names[2].0)), "{text}: {got:?}");
    }
    // Unquoted, or with more than a mark between: nothing.
    let got = relations("丙會推動丁計劃。", &[("丙會", Organization), ("丁計劃", Initiative)]);
    assert!(!got.contains(&triple("丁計劃", "relatedTo", "丙會")), "{got:?}");
}

#[test]
fn a_verb_carried_by_jinxing_is_done_to_every_name_after_dui() {
    for (text, names) in [
        ("之後，甲某還將對乙國、丙國進行國事訪問。", [("甲某", Person), ("乙國", Place), ("丙國", Place)]),
        ("之后，甲某还将对乙国、丙国进行国事访问。", [("甲某", Person), ("乙国", Place), ("丙国", Place)]),
    ] {
        let got = relations(text, &names);
        assert!(got.contains(&triple(names[0].0, "visited", names[1].0)), "{text}: {got:?}");
        assert!(got.contains(&triple(names[0].0, "visited", names[2].0)), "{text}: {got:?}");
    }
}

/// Who attends the bare opening or closing of an event (出席了閉幕式) attends the event the
/// text named before; not an election, which opens nothing.
#[test]
fn who_attends_the_opening_attends_the_event_named_before() {
    for (text, forum, people) in [
        ("南海論壇今日在東京閉幕。陳大文、王小華等出席了閉幕式。", "南海論壇", ["陳大文", "王小華"]),
        ("南海论坛今日在东京闭幕。陈大文、王小华等出席了闭幕式。", "南海论坛", ["陈大文", "王小华"]),
        ("第三屆南海論壇昨日開幕，局長陳大文與王小華出席開幕式並致辭。", "南海論壇", ["陳大文", "王小華"]),
        ("第三届南海论坛昨日开幕，局长陈大文与王小华出席开幕式并致辞。", "南海论坛", ["陈大文", "王小华"]),
    ] {
        let names = [(people[0], Person), (people[1], Person), (forum, Event)];
        let got = relations(text, &names);
        for p in people {
            assert!(got.contains(&triple(p, "attended", forum)), "{text}: {got:?}");
        }
    }
    for (text, election) in [
        ("南海區補選下月舉行。陳大文出席了開幕式。", "南海區補選"),
        ("南海区补选下月举行。陈大文出席了开幕式。", "南海区补选"),
    ] {
        let got = relations(text, &[("陳大文", Person), ("陈大文", Person), (election, Event)]);
        assert!(got.iter().all(|(_, p, _)| p != "attended"), "{text}: {got:?}");
    }
}

#[test]
fn the_words_of_a_link_to_a_quoted_name_keep_its_closing_mark() {
    for (text, place, paper, written) in [
        ("甲國《乙日報》周五報道此事。", "甲國", "乙日報", "甲國《乙日報》"),
        ("甲国《乙日报》周五报道此事。", "甲国", "乙日报", "甲国《乙日报》"),
    ] {
        let mut a = analysis_with(text, None, &[(place, Place), (paper, Organization)]);
        Relations.run(&mut a);
        let texts: Vec<&str> = a.relations.iter().map(|r| r.predicate_text.as_str()).collect();
        assert_eq!(texts, [written], "{text}");
    }
}
