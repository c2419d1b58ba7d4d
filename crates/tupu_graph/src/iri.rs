//! IRIs for what tupu extracts: stable across runs, articles and scripts, and never blank nodes.
//!
//! - an entity: `https://w3id.org/tupu/id/{kind}/{key}`, where the key is the extractor's
//!   script-normalised canonical name, so 國家網信辦 in a Traditional article and 国家网信办 in a
//!   Simplified one are the same node;
//! - a post: `https://w3id.org/tupu/id/post/{org-kind}/{org-key}/{title}` (or under the person
//!   when no organisation is named), so the same post is one node across articles;
//! - an article: `https://w3id.org/tupu/doc/{hash}` where the hash is FNV-1a (64 bits) of its
//!   bytes: loading the same text again gives the same IRI and so replaces its graph;
//! - everything said in one article lives under its IRI (`{doc}/figure/3`), and a span of its text
//!   is `{doc}#char=b,e` (RFC 5147 fragment, as NIF does).

use oxigraph::model::NamedNode;
use tupu_extract::{EntityKind, Span};

/// Where entity and post IRIs live.
pub const ID_BASE: &str = "https://w3id.org/tupu/id/";
/// Where article IRIs live.
pub const DOC_BASE: &str = "https://w3id.org/tupu/doc/";

/// FNV-1a, 64 bits: tiny, stable across platforms and releases (unlike `std`'s `DefaultHasher`),
/// and good enough to tell articles apart (collisions are astronomically unlikely at corpus sizes).
#[must_use]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    bytes.iter().fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The IRI of the article whose text is `text`.
#[must_use]
pub fn document(text: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DOC_BASE}{:016x}", fnv1a64(text.as_bytes())))
}

/// The IRI of an entity of `kind` whose normalised name is `key`.
#[must_use]
pub fn entity(kind: EntityKind, key: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID_BASE}{}/{}", kind.slug(), encode_segment(key)))
}

/// The IRI of a post: the title (script-normalised) in an organisation, or held by a person when
/// no organisation is named.
#[must_use]
pub fn post(title_key: &str, org: Option<(EntityKind, &str)>, holder: &NamedNode) -> NamedNode {
    match org {
        Some((kind, key)) => NamedNode::new_unchecked(format!(
            "{ID_BASE}post/{}/{}/{}",
            kind.slug(),
            encode_segment(key),
            encode_segment(title_key)
        )),
        None => NamedNode::new_unchecked(format!("{}/post/{}", holder.as_str(), encode_segment(title_key))),
    }
}

/// The IRI of the `n`th thing of a kind in an article (`{doc}/figure/3`).
#[must_use]
pub fn part(doc: &NamedNode, kind: &str, n: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/{kind}/{n}", doc.as_str()))
}

/// The IRI of the `k`th point of a proposal.
#[must_use]
pub fn item(proposal: &NamedNode, k: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/item/{k}", proposal.as_str()))
}

/// The IRI of a span of an article's text, in code points (`{doc}#char=12,15`).
#[must_use]
pub fn span(doc: &NamedNode, span: Span) -> NamedNode {
    NamedNode::new_unchecked(format!("{}#char={},{}", doc.as_str(), span.start, span.end))
}

/// Percent-encodes everything but RFC 3986 unreserved ASCII, so any name (Chinese, with spaces,
/// slashes or quotes) is one valid path segment. Readers see `%E5%9C%8B` in the IRI and the name
/// itself in `rdfs:label`.
#[must_use]
pub fn encode_segment(s: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    if out.is_empty() {
        // An empty key would make `…/person/` name the whole collection.
        out.push('_');
    }
    out
}

/// Percent-encodes a file path for a `file://` IRI: like [`encode_segment`] but keeping `/`.
#[must_use]
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|segment| if segment.is_empty() { String::new() } else { encode_segment(segment) })
        .collect::<Vec<_>>()
        .join("/")
}

/// Decodes `%XX` escapes (the inverse of [`encode_segment`]); a malformed escape stays as written,
/// and bytes that do not decode to UTF-8 leave the input unchanged.
#[must_use]
pub fn decode_segment(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |c: u8| char::from(c).to_digit(16);
        if let (b'%', Some(h), Some(l)) =
            (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex))
        {
            out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn document_iris_are_stable_and_sixteen_hex_digits() {
        let a = document("陳大文表示，會議順利。");
        assert_eq!(a, document("陳大文表示，會議順利。"));
        assert_ne!(a, document("陳大文表示，會議順利"));
        let hash = a.as_str().strip_prefix(DOC_BASE).unwrap();
        assert_eq!(hash.len(), 16);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn entity_iris_encode_names_as_one_segment() {
        let e = entity(EntityKind::Organization, "发展局");
        assert_eq!(e.as_str(), "https://w3id.org/tupu/id/org/%E5%8F%91%E5%B1%95%E5%B1%80");
        assert!(NamedNode::new(entity(EntityKind::Person, "a/b c\"d>").as_str()).is_ok());
        assert_eq!(entity(EntityKind::Place, "").as_str(), "https://w3id.org/tupu/id/place/_");
    }

    #[test]
    fn decoding_inverts_encoding() {
        for name in ["發展局", "a/b c", "", "100%"] {
            let encoded = encode_segment(name);
            assert_eq!(decode_segment(&encoded), if name.is_empty() { "_" } else { name });
        }
        assert_eq!(decode_segment("%zz%E5"), "%zz%E5");
    }

    #[test]
    fn posts_live_under_their_organisation_or_their_holder() {
        let person = entity(EntityKind::Person, "陈大文");
        let with_org = post("局长", Some((EntityKind::Organization, "发展局")), &person);
        assert!(with_org.as_str().starts_with("https://w3id.org/tupu/id/post/org/"));
        let bare = post("局长", None, &person);
        assert!(bare.as_str().starts_with(person.as_str()));
    }

    #[test]
    fn spans_and_parts_hang_off_the_document() {
        let doc = document("x");
        assert_eq!(span(&doc, Span::new(3, 7)).as_str(), format!("{}#char=3,7", doc.as_str()));
        let p = part(&doc, "proposal", 1);
        assert_eq!(item(&p, 2).as_str(), format!("{}/proposal/1/item/2", doc.as_str()));
    }
}
