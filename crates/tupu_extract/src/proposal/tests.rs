use super::*;
use crate::analysis::testing::analysis_with;
use crate::model::EntityKind::Person;
use crate::statement::Statements;

/// (speaker's first name, count, item headings) of every proposal in `text`.
fn proposals(text: &str, people: &[&str]) -> Vec<(String, usize, Vec<String>)> {
    let names: Vec<(&str, crate::model::EntityKind)> = people.iter().map(|p| (*p, Person)).collect();
    let mut a = analysis_with(text, None, &names);
    Statements.run(&mut a);
    Proposals.run(&mut a);
    a.proposals
        .iter()
        .map(|p| {
            let who = p.speaker.map_or_else(
                || "?".to_owned(),
                |id| a.entities.get(id).full_names.keys().next().cloned().unwrap_or_default(),
            );
            (who, p.count, p.items.iter().map(|i| i.text.clone()).collect())
        })
        .collect()
}

fn expect(who: &str, items: &[&str]) -> Vec<(String, usize, Vec<String>)> {
    vec![(who.to_owned(), items.len(), items.iter().map(|s| (*s).to_owned()).collect())]
}

#[test]
fn points_in_one_sentence_separated_by_semicolons() {
    let text = "就深化合作，李明提出三点建议：一是强化成果转化，鼓励高校共建基地；二是推动产业协同布局，共同开拓市场；三是加强标准和规则衔接。他表示，双方会保持沟通。";
    assert_eq!(proposals(text, &["李明"]), expect("李明", &["强化成果转化", "推动产业协同布局", "加强标准和规则衔接"]));
}

#[test]
fn points_in_their_own_paragraphs_after_first_comma_is() {
    let text = "為此，陳志明提出三點建議，第一，是順應時代的大勢，促進共同發展。堅持開放合作。\n\n第二，應聚焦普惠包容，形成更多成果。\n\n第三，堅持安全與共，打造安全空間。";
    assert_eq!(proposals(text, &["陳志明"]), expect("陳志明", &["順應時代的大勢", "應聚焦普惠包容", "堅持安全與共"]));
}

#[test]
fn a_pronoun_announces_and_the_list_starts_paragraphs_later() {
    let text = "黃美玲出席論壇。\n\n為此，她分享兩點倡議。\n\n與會者反應熱烈。\n\n一是堅持創新驅動，做增長的推動者。\n\n二是強化安全合作，做和平的維護者。";
    assert_eq!(proposals(text, &["黃美玲"]), expect("黃美玲", &["堅持創新驅動", "強化安全合作"]));
}

#[test]
fn the_speaker_of_the_statement_announces_what_their_body_will_do() {
    let text = "谈及下一步，孟立新表示，部里将重点做好两方面工作：一是夯实产业根基，加快攻关；二是深化“人工智能+制造”，打造场景。";
    assert_eq!(proposals(text, &["孟立新"]), expect("孟立新", &["夯实产业根基", "深化“人工智能+制造”"]));
}

#[test]
fn an_unannounced_list_right_after_a_statement_is_its_speakers() {
    let text = "周子健指出，香港是先行地區。\n\n一是發揮創科優勢，引領融合發展。\n\n二是發揮制度優勢，促進機制創新。";
    assert_eq!(proposals(text, &["周子健"]), expect("周子健", &["發揮創科優勢", "發揮制度優勢"]));
}

#[test]
fn sequence_words_and_bracketed_numbers_number_points() {
    let text = "梁振華表示，首先，簡化申請程序；其次，加快用地供應；最後，降低營運成本。";
    assert_eq!(proposals(text, &["梁振華"]), expect("梁振華", &["簡化申請程序", "加快用地供應", "降低營運成本"]));
    let text = "梁振华提出两点意见：\n（一）完善规则衔接，逐步互认\n（二）推动监管联动";
    assert_eq!(proposals(text, &["梁振华"]), expect("梁振华", &["完善规则衔接", "推动监管联动"]));
}

#[test]
fn an_announced_count_is_kept_when_fewer_points_are_found() {
    let text = "林可欣提出三點建議：一是加強合作；二是擴大開放。";
    let got = proposals(text, &["林可欣"]);
    assert_eq!(got[0].1, 3);
    assert_eq!(got[0].2.len(), 2);
}

#[test]
fn narration_and_counts_that_announce_nothing_are_not_proposals() {
    for text in [
        // A reporter's sequence of events, not a speaker's points (其後 is not 其次).
        "王家豪表示，會議順利。\n\n論壇期間舉行簽署儀式。首先，甲方與乙方簽署備忘錄。其後，丙方簽署協議。最後，丁方簽署協議。",
        // Earlier proposals named, none listed.
        "王家豪指出，國家先後提出四項原則、五點主張和三個倡導的重要理念。",
        // A list nobody said.
        "報告列出重點。\n\n一是加強合作。\n\n二是推動發展。",
    ] {
        assert!(proposals(text, &["王家豪"]).is_empty(), "{text}: {:?}", proposals(text, &["王家豪"]));
    }
}

#[test]
fn a_list_announced_with_including_numbers_on_from_its_second_point() {
    for (text, name, items) in [
        (
            "黃家明稱，今年活動有三項新安排，包括首次設立青年論壇，聚焦創業；第二，首次舉辦夜市；第三，延長開放時間。",
            "黃家明",
            ["首次設立青年論壇", "首次舉辦夜市", "延長開放時間"],
        ),
        (
            "黄家明称，今年活动有三项新安排，包括首次设立青年论坛，聚焦创业；第二，首次举办夜市；第三，延长开放时间。",
            "黄家明",
            ["首次设立青年论坛", "首次举办夜市", "延长开放时间"],
        ),
    ] {
        assert_eq!(proposals(text, &[name]), expect(name, &items), "{text}");
    }
}

#[test]
fn a_list_opened_by_first_of_all_may_go_on_with_ordinals() {
    for (text, name, items) in [
        (
            "林美華解釋說，首先，學費較低；第二，簽證容易；第三，生活舒適。",
            "林美華",
            ["學費較低", "簽證容易", "生活舒適"],
        ),
        (
            "林美华解释说，首先，学费较低；第二，签证容易；第三，生活舒适。",
            "林美华",
            ["学费较低", "签证容易", "生活舒适"],
        ),
    ] {
        assert_eq!(proposals(text, &[name]), expect(name, &items), "{text}");
    }
}

#[test]
fn sequence_words_with_a_modal_number_points_and_go_on_with_ordinals() {
    for (text, name, items) in [
        (
            "陳美玲認為，投資者首先要留意基金的折價率；其次要考慮分紅機會，不宜追高；第三是選擇業績穩定的基金；最後，分散投資。",
            "陳美玲",
            ["留意基金的折價率", "考慮分紅機會", "選擇業績穩定的基金", "分散投資"],
        ),
        (
            "陈美玲认为，投资者首先要留意基金的折价率；其次要考虑分红机会，不宜追高；第三是选择业绩稳定的基金；最后，分散投资。",
            "陈美玲",
            ["留意基金的折价率", "考虑分红机会", "选择业绩稳定的基金", "分散投资"],
        ),
    ] {
        assert_eq!(proposals(text, &[name]), expect(name, &items), "{text}");
    }
}

#[test]
fn a_lone_first_of_all_with_a_modal_numbers_nothing() {
    for text in
        ["王家豪表示，會議順利。他首先要感謝主辦方，然後離開。", "王家豪表示，会议顺利。他首先要感谢主办方，然后离开。"]
    {
        assert!(proposals(text, &["王家豪"]).is_empty(), "{text}: {:?}", proposals(text, &["王家豪"]));
    }
}
