//! The relation verb table (`data/relation_verbs.tsv`), a part of [`crate::Lexicons`], and its
//! matcher: one Aho-Corasick pass over the folded text finds every verb, longest first.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lexicon::{LexiconError, Row, Sources};
use crate::model::EntityKind;
use crate::normalize::fold;
use crate::span::Span;
use crate::text::Text;

/// How a verb's parties are arranged around it (see the lexicon's header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Subjects before the verb, objects after it (or the topic).
    Svo,
    /// As [`Frame::Svo`], holding both ways.
    With,
    /// The parties before the verb, with each other.
    Mutual,
    /// As [`Frame::Svo`], and the parties with each other by the pair property.
    Joint,
    /// An interview noun: the parties before an accepting verb were interviewed by the one
    /// named between it and the noun (X接受Y專訪); else the one before the noun interviewed the
    /// person right after it (Y記者專訪X). Read by `clause::interview_links`.
    Interview,
    /// As [`Frame::Svo`], done against someone (批評, 控告): only the heads named right after the
    /// verb are its objects, and nobody does it when the verb is a noun or an agentless passive
    /// (受到批評). Read by `relation::against`.
    Against,
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RelationVerb {
    /// The `tp:` property from subject to object.
    pub(crate) property: String,
    pub(crate) frame: Frame,
    pub(crate) subjects: Vec<EntityKind>,
    pub(crate) objects: Vec<EntityKind>,
    /// For [`Frame::Joint`]: the property between the parties.
    pub(crate) pair: Option<String>,
}

/// The table and its matcher.
#[derive(Debug)]
pub(crate) struct RelationVerbs {
    verbs: Vec<RelationVerb>,
    automaton: AhoCorasick,
}

/// The kinds listed in column `column` (`org|place`).
fn kinds(row: &Row, column: usize) -> Result<Vec<EntityKind>, LexiconError> {
    row.list(column)
        .into_iter()
        .map(|k| EntityKind::from_name(k).ok_or_else(|| row.error(format!("unknown kind '{k}'"))))
        .collect()
}

impl RelationVerbs {
    /// Parses `relation_verbs.tsv`.
    ///
    /// # Errors
    /// A malformed line, an unknown frame or kind, a pair property on the wrong frame.
    pub(crate) fn load(sources: &Sources) -> Result<Self, LexiconError> {
        let mut patterns = Vec::new();
        let mut verbs = Vec::new();
        for row in sources.rows("relation_verbs.tsv", 5)? {
            let frame = row.one_of(
                2,
                "frame",
                &[
                    ("svo", Frame::Svo),
                    ("with", Frame::With),
                    ("mutual", Frame::Mutual),
                    ("joint", Frame::Joint),
                    ("interview", Frame::Interview),
                    ("against", Frame::Against),
                ],
            )?;
            let pair = Some(row.get(5)).filter(|p| !p.is_empty()).map(str::to_owned);
            if (frame == Frame::Joint) != pair.is_some() {
                return Err(row.error("a joint verb, and only a joint verb, names a pair property".into()));
            }
            patterns.push(fold(row.get(0)));
            verbs.push(RelationVerb {
                property: row.get(1).to_owned(),
                frame,
                subjects: kinds(&row, 3)?,
                objects: kinds(&row, 4)?,
                pair,
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| LexiconError { path: "relation_verbs.tsv".into(), line: 0, message: e.to_string() })?;
        Ok(Self { verbs, automaton })
    }

    /// Every verb in the text (leftmost-longest, not overlapping), with its table line.
    pub(crate) fn find<'v>(&'v self, text: &Text) -> Vec<(Span, &'v RelationVerb)> {
        self.automaton
            .find_iter(text.folded())
            .map(|m| (text.span_of_folded_bytes(m.start(), m.end()), &self.verbs[m.pattern().as_usize()]))
            .collect()
    }

    /// Whether `folded` is, as a whole, a verb of the table done against someone
    /// ([`Frame::Against`]: 批評, 起訴). The table reads those in the active voice only (甲起訴乙);
    /// in the passive (乙被甲起訴) the clause rule links the agent to the topic.
    pub(crate) fn is_against(&self, folded: &str) -> bool {
        self.automaton.find(folded).is_some_and(|m| {
            m.start() == 0 && m.end() == folded.len() && self.verbs[m.pattern().as_usize()].frame == Frame::Against
        })
    }

    /// Whether a verb of the table occurs in `folded` (a folded stretch of text): the table's
    /// frames read that stretch, so the general clause rule leaves it to them.
    pub(crate) fn occurs_in(&self, folded: &str) -> bool {
        self.automaton.is_match(folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads_and_rejects_bad_lines() {
        assert!(crate::Lexicons::embedded().relations.verbs.len() > 30);
        let parse = |text: &'static str| RelationVerbs::load(&Sources::of(&[("relation_verbs.tsv", text)]));
        assert!(parse("簽署\tsignedWith\tsideways\torg\torg\n").is_err());
        assert!(parse("簽署\tsignedWith\tmutual\torg\tbuilding\n").is_err());
        assert!(parse("聯合發布\tpublished\tjoint\torg\tinitiative\n").is_err());
    }

    #[test]
    fn the_longest_verb_wins_in_either_script() {
        let text = Text::new("由甲共同主辦，總部位于乙。");
        let found: Vec<(&str, &str)> = crate::Lexicons::embedded()
            .relations
            .find(&text)
            .into_iter()
            .map(|(s, v)| (text.slice(s), v.property.as_str()))
            .collect();
        assert_eq!(found, [("共同主辦", "organizerOf"), ("總部位于", "locatedIn")]);
    }
}
