//! Latin-script names before a company word: DeepSeek等企業 → organisation DeepSeek.

use crate::analysis::Analysis;
use crate::model::EntityKind;

use super::{Candidate, captured};

/// DeepSeek等企業 → organisation DeepSeek.
pub(super) fn latin_companies(a: &Analysis<'_>) -> Vec<Candidate> {
    captured(a, &a.lex.patterns.latin_company)
        .filter(|c| {
            // Not the tail of a longer Latin word.
            let before = c.name.start.checked_sub(1).map(|p| a.char_at(p));
            c.folded.len() >= 2 && !before.is_some_and(|b| b.is_ascii_alphanumeric())
        })
        .map(|c| c.candidate(EntityKind::Organization, false))
        .collect()
}
