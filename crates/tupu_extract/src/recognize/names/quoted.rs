//! Quoted programmes and documents: 「X」行動 / “X”工程 → initiative X; 《X白皮書》 → initiative
//! X — the quoted or bracketed form kept as an alias.

use crate::analysis::Analysis;
use crate::model::EntityKind;

use super::Candidate;

/// 「X」行動, “X”工程: initiative X, the quoted form an alias.
pub(super) fn quoted_programmes(a: &Analysis<'_>) -> Vec<Candidate> {
    let text = a.text();
    a.lex
        .patterns
        .quoted_programme
        .captures_iter(text.folded())
        .filter_map(|c| {
            let inner = c.get(1)?;
            let whole = c.get(0)?;
            let span = text.span_of_folded_bytes(inner.start(), inner.end());
            (!a.lex.is_all_generic(inner.as_str())).then_some(Candidate {
                span,
                kind: EntityKind::Initiative,
                quoted_alias: Some(text.span_of_folded_bytes(whole.start(), whole.end())),
            })
        })
        .collect()
}

/// 《X白皮書》: initiative X, the bracketed form an alias.
pub(super) fn documents(a: &Analysis<'_>) -> Vec<Candidate> {
    let text = a.text();
    a.lex
        .patterns
        .document
        .captures_iter(text.folded())
        .filter_map(|c| {
            let inner = c.get(1)?;
            let whole = c.get(0)?;
            Some(Candidate {
                span: text.span_of_folded_bytes(inner.start(), inner.end()),
                kind: EntityKind::Initiative,
                quoted_alias: Some(text.span_of_folded_bytes(whole.start(), whole.end())),
            })
        })
        .collect()
}
