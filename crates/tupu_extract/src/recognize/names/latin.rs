//! Latin-script names before a company word: DeepSeek等企業 → organisation DeepSeek.

use crate::analysis::Analysis;
use crate::model::EntityKind;

use super::Candidate;

/// DeepSeek等企業 → organisation DeepSeek.
pub(super) fn latin_companies(a: &Analysis<'_>) -> Vec<Candidate> {
    let text = a.text();
    a.lex
        .patterns
        .latin_company
        .captures_iter(text.folded())
        .filter_map(|c| {
            let name = c.get(1)?;
            let span = text.span_of_folded_bytes(name.start(), name.end());
            // Not the tail of a longer Latin word.
            let before = span.start.checked_sub(1).map(|p| a.char_at(p));
            (name.as_str().len() >= 2 && !before.is_some_and(|b| b.is_ascii_alphanumeric())).then_some(Candidate {
                span,
                kind: EntityKind::Organization,
                quoted_alias: None,
            })
        })
        .collect()
}
