//! `data/region_markers.tsv`: the words that place a report in a region, and the rule that reads
//! the region of a text from them.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::article::{Region, Script};
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

/// What Simplified script weighs for the mainland: Hong Kong, Macao and Taiwan papers write
/// Traditional, so a Simplified report that names 香港 or 台灣 once or twice (a fund's Hong Kong
/// shares, an earthquake in Taiwan reported by Xinhua) is still the mainland's, and its bare 元 is
/// CNY; one that speaks as Hong Kong (本港, 港府, 港元…) outweighs it. In the corpus' 773
/// mainland articles, 69 were read as Hong Kong, Taiwan or Macao without it, 19 with it (reports
/// datelined there); a weight of 3 left 26, among them a Guangzhou report naming 香港 four times.
const SIMPLIFIED_IS_MAINLAND: usize = 5;

/// The region markers, in one automaton: a text is read once.
#[derive(Debug)]
pub(crate) struct RegionMarkers {
    automaton: Option<AhoCorasick>,
    /// For each pattern of the automaton: its region and weight.
    markers: Vec<(Region, usize)>,
}

impl RegionMarkers {
    /// Parses `region_markers.tsv`.
    ///
    /// # Errors
    /// A malformed line, an unknown region or a weight that is no number.
    pub(crate) fn load(sources: &Sources) -> Result<Self, LexiconError> {
        let mut words = Vec::new();
        let mut markers = Vec::new();
        for row in sources.rows("region_markers.tsv", 3)? {
            let region = row.one_of(1, "region", &Region::ALL.map(|r| (r.code(), r)))?;
            let weight = row.get(2).parse().map_err(|_| row.error("the weight must be a number".into()))?;
            words.push(fold(row.get(0)));
            markers.push((region, weight));
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .ok();
        Ok(Self { automaton, markers })
    }

    /// The region whose markers the folded text uses most (by weight); ties, and a text with no
    /// marker, go by script (Traditional → Hong Kong, Simplified → the mainland). Simplified
    /// script is itself a marker of the mainland, worth [`SIMPLIFIED_IS_MAINLAND`].
    pub(crate) fn region_of(&self, folded: &str, script: Script) -> Region {
        let mut scores = [0usize; Region::ALL.len()];
        if script == Script::Simplified {
            scores[Region::Mainland as usize] += SIMPLIFIED_IS_MAINLAND;
        }
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(folded) {
                let (region, weight) = self.markers[m.pattern().as_usize()];
                scores[region as usize] += weight;
            }
        }
        let by_script = match script {
            Script::Traditional => Region::HongKong,
            Script::Simplified => Region::Mainland,
        };
        let mut best = (scores[by_script as usize], by_script);
        for region in Region::ALL {
            if scores[region as usize] > best.0 {
                best = (scores[region as usize], region);
            }
        }
        best.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(text: &str, script: Script) -> Region {
        crate::Lexicons::embedded().regions.region_of(&fold(text), script)
    }

    #[test]
    fn the_region_with_most_markers_wins() {
        assert_eq!(region("本港經濟穩步增長，香港政府撥款。", Script::Traditional), Region::HongKong);
        assert_eq!(region("本澳經濟穩步增長，香港遊客增加。", Script::Traditional), Region::Macau);
        assert_eq!(region("新华社北京电 国务院安排资金。", Script::Simplified), Region::Mainland);
        assert_eq!(region("经济稳步增长。", Script::Simplified), Region::Mainland);
        assert_eq!(region("經濟穩步增長。", Script::Traditional), Region::HongKong);
    }

    #[test]
    fn simplified_script_counts_for_the_mainland() {
        // A mainland report naming Hong Kong or Taiwan in passing stays the mainland's…
        assert_eq!(region("基金投资香港股市，收益上升。", Script::Simplified), Region::Mainland);
        assert_eq!(region("台湾台北发生地震，台湾多地有震感。", Script::Simplified), Region::Mainland);
        // …the same words in Traditional are Hong Kong's and Taiwan's…
        assert_eq!(region("基金投資香港股市，收益上升。", Script::Traditional), Region::HongKong);
        assert_eq!(region("台灣台北發生地震，台灣多地有震感。", Script::Traditional), Region::Taiwan);
        // …and a Simplified report that speaks as Hong Kong is Hong Kong's.
        assert_eq!(region("本港经济增长，港府拨款十亿港元。", Script::Simplified), Region::HongKong);
    }
}
