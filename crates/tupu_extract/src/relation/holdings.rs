//! Units an organisation holds, written with 旗下 ("under its banner"): 甲集團旗下(的)乙公司 →
//! 乙公司 subOrganizationOf 甲集團; 甲基金公司旗下乙基金 (a fund, an initiative) → 甲基金公司
//! relatedTo 乙基金, predicate text 旗下 (the ontology has no "holds" property for a fund or
//! programme, and subOrganizationOf is for organisations only).
//!
//! The parent must be written right before 旗下, nothing between: when it is left out as the
//! subject of an earlier clause (甲公司公告稱，旗下…) no link is made. The unit is the first
//! organisation or initiative after 旗下 in the same clause, with at most a few words and no verb
//! between (旗下公司乙 as well as 旗下乙), and a list of them joined by 、/及/和/與 (旗下甲、乙及丙).

use crate::analysis::Analysis;
use crate::model::{EntityId, EntityKind, Relation};
use crate::span::Span;
use crate::text::{CLAUSE_END, SENTENCE_END};

/// The word that links a holder to its units.
const HOLDS: [char; 2] = ['旗', '下'];

/// The property of an organisation held by another.
const UNIT_OF_BODY: &str = "subOrganizationOf";
/// The property of a holder to an initiative (a fund, a programme) it holds.
const RELATED: &str = "relatedTo";

/// The most characters between 旗下 and the first unit (旗下的子公司乙: a generic head noun).
const UNIT_GAP: usize = 6;

/// Whether `c` closes the parent's clause (the text's clause and sentence marks, or a line
/// break): the unit must be in that clause.
fn closes_clause(c: char) -> bool {
    CLAUSE_END.contains(&c) || SENTENCE_END.contains(&c) || c == '\n'
}

/// What may stand between two units of one list after 旗下, once quotation marks are left out.
const LIST_JOINS: &[&str] = &["、", "及", "和", "與", "与", "以及", "、以及", "、及"];

/// The characters of [`LIST_JOINS`]: none may stand before the first unit.
const LIST_JOIN_CHARS: &[char] = &['、', '及', '和', '與', '与'];

/// Quotation marks around a unit's name (旗下《乙報》), left out when reading the text between.
const QUOTES: &[char] = &['《', '》', '「', '」', '『', '』', '“', '”', '"', '〈', '〉'];

impl Analysis<'_> {
    /// The units each organisation written right before 旗下 holds ([`Self::units_after`]).
    /// One pass over the text for 旗下 and one look-up of the mentions per occurrence.
    pub(super) fn holding_links(&self) -> Vec<Relation> {
        let mut out = Vec::new();
        let n = self.chars.len();
        for at in 0..n.saturating_sub(1) {
            if self.chars[at..at + 2] != HOLDS {
                continue;
            }
            let Some(index) = self.text().sentence_at(at) else { continue };
            let sentence = self.text().sentences()[index].span;
            let mentions = self.outer_mentions_in(sentence);
            let Some(&(x, a)) = mentions.iter().rev().find(|(_, m)| m.end <= at) else { continue };
            if a.end != at
                || self.entities.kind(x) != EntityKind::Organization
                || !self.opens_like_a_name(a)
                || self.ordinary_word(a)
            {
                continue;
            }
            for (y, _) in self.units_after(at + 2, &mentions) {
                if self.entities.resolve(x) == self.entities.resolve(y) {
                    continue;
                }
                let predicate_text = self.surface(Span::new(at, at + 2)).to_owned();
                out.push(match self.entities.kind(y) {
                    EntityKind::Organization => Relation {
                        subject: y,
                        object: x,
                        property: UNIT_OF_BODY.to_owned(),
                        predicate_text,
                        span: sentence,
                    },
                    _ => {
                        Relation { subject: x, object: y, property: RELATED.to_owned(), predicate_text, span: sentence }
                    }
                });
            }
        }
        out
    }

    /// The organisations and initiatives held after 旗下 ending at `from`: the first one in the
    /// clause, at most [`UNIT_GAP`] characters on and no verb or clause mark between, then each
    /// one joined to it by a word of [`LIST_JOINS`]. Any other kind of name ends the list.
    fn units_after(&self, from: usize, mentions: &[(EntityId, Span)]) -> Vec<(EntityId, Span)> {
        let mut out = Vec::new();
        let mut last = from;
        for &(y, b) in mentions.iter().filter(|(_, m)| m.start >= from) {
            let between = Span::new(last, b.start);
            let text: String = self.folded(between).chars().filter(|c| !QUOTES.contains(c)).collect();
            if text.chars().any(closes_clause) {
                break;
            }
            let first = out.is_empty();
            // A join word before the first unit found lists a unit no name was read for (旗下的
            // 基金甲和乙基金: 乙基金 may be another holder); a name followed by 旗下 holds its own.
            let joined = if first {
                text.chars().count() <= UNIT_GAP
                    && !text.chars().any(|c| LIST_JOIN_CHARS.contains(&c))
                    && !self.verb_between(between)
            } else {
                LIST_JOINS.contains(&text.as_str())
            };
            if !joined
                || self.chars.get(b.end..b.end + 2).is_some_and(|w| w == HOLDS)
                || !matches!(self.entities.kind(y), EntityKind::Organization | EntityKind::Initiative)
            {
                break;
            }
            out.push((y, b));
            last = b.end;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{relations, triple};
    use crate::model::EntityKind::{Initiative, Organization, Person};

    #[test]
    fn a_group_holds_a_company_written_after_qixia() {
        let names = [("甲集團", Organization), ("乙出版社", Organization)];
        let got = relations("甲集團旗下的乙出版社今年出版新書。", &names);
        assert!(got.contains(&triple("乙出版社", "subOrganizationOf", "甲集團")), "{got:?}");
        let names = [("丙集团", Organization), ("丁书局", Organization)];
        let got = relations("丙集团旗下丁书局今年出版新书。", &names);
        assert!(got.contains(&triple("丁书局", "subOrganizationOf", "丙集团")), "{got:?}");
    }

    #[test]
    fn a_list_of_units_and_a_held_fund() {
        let names =
            [("甲控股", Organization), ("乙銀行", Organization), ("丙保險", Organization), ("丁基金", Initiative)];
        let got = relations("甲控股旗下乙銀行、丙保險及丁基金均錄得盈利。", &names);
        assert!(got.contains(&triple("乙銀行", "subOrganizationOf", "甲控股")), "{got:?}");
        assert!(got.contains(&triple("丙保險", "subOrganizationOf", "甲控股")), "{got:?}");
        assert!(got.contains(&triple("甲控股", "relatedTo", "丁基金")), "{got:?}");
        let names = [("戊基金公司", Organization), ("己基金", Initiative), ("庚基金", Initiative)];
        let got = relations("戊基金公司旗下之己基金与庚基金将分红。", &names);
        assert!(got.contains(&triple("戊基金公司", "relatedTo", "己基金")), "{got:?}");
        assert!(got.contains(&triple("戊基金公司", "relatedTo", "庚基金")), "{got:?}");
    }

    #[test]
    fn no_link_across_a_clause_a_verb_or_without_a_written_parent() {
        let names = [("甲公司", Organization), ("乙公司", Organization), ("丙某", Person)];
        // The parent left out: 旗下 opens the clause.
        let got = relations("甲公司公告稱，旗下乙公司將上市。", &names);
        assert!(!got.iter().any(|t| t.0 == "乙公司" && t.2 == "甲公司"), "{got:?}");
        // A verb between: what follows is the object of the held units' action.
        let got = relations("甲公司旗下基金增持乙公司股份。", &names);
        assert!(!got.iter().any(|t| t.0 == "乙公司" && t.2 == "甲公司"), "{got:?}");
        // The unit in the next clause.
        let got = relations("甲公司旗下業務眾多，乙公司亦然。", &names);
        assert!(!got.iter().any(|t| t.0 == "乙公司" && t.2 == "甲公司"), "{got:?}");
        // A second holder in the list holds its own unit.
        let names = [("甲公司", Organization), ("乙公司", Organization), ("丙公司", Organization)];
        let got = relations("甲公司旗下丙公司、乙公司旗下丁部門均獲獎。", &names);
        assert!(got.contains(&triple("丙公司", "subOrganizationOf", "甲公司")), "{got:?}");
        assert!(!got.iter().any(|t| t.0 == "乙公司" && t.2 == "甲公司"), "{got:?}");
        let got = relations("甲公司旗下的產品丁和乙公司的產品均獲獎。", &names);
        assert!(!got.iter().any(|t| t.0 == "乙公司" && t.2 == "甲公司"), "{got:?}");
        // A person after 旗下 is no unit.
        let got = relations("甲公司旗下丙某表示滿意。", &names);
        assert!(!got.iter().any(|t| t.2 == "甲公司" && t.0 == "丙某"), "{got:?}");
    }
}
