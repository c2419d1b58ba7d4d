//! IRIs for what tupu extracts: stable across runs, articles and scripts, and never blank nodes.
//!
//! - an entity: `https://w3id.org/tupu/id/{kind}/{key}`, where the key is the extractor's
//!   script-normalised canonical name, so 國家網信辦 in a Traditional article and 国家网信办 in a
//!   Simplified one are the same node;
//! - names are written into IRIs as the characters they are (RFC 3987 IRIs, not percent-encoded
//!   URIs): `https://w3id.org/tupu/id/org/发展局` is what is stored, printed and pasted back into a
//!   query. Only what cannot stand in one IRI path segment is percent-encoded (see
//!   [`encode_segment`]);
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

/// The article IRI a user wrote: the full IRI (with or without `<>`), `doc:HASH`, or the bare
/// sixteen-digit hash. `None` when it is none of these.
#[must_use]
pub fn document_from_id(id: &str) -> Option<NamedNode> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let hash = id.strip_prefix(DOC_BASE).or_else(|| id.strip_prefix("doc:")).unwrap_or(id);
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| NamedNode::new_unchecked(format!("{DOC_BASE}{}", hash.to_ascii_lowercase())))
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
    // Written by hand rather than with `format!`: an article has a phrase IRI per mention, and
    // the formatting machinery was most of what making one cost.
    let mut iri = String::with_capacity(doc.as_str().len() + 28);
    iri.push_str(doc.as_str());
    iri.push_str("#char=");
    push_decimal(&mut iri, span.start);
    iri.push(',');
    push_decimal(&mut iri, span.end);
    NamedNode::new_unchecked(iri)
}

/// Appends `n` in decimal digits, as `n.to_string()` writes it.
pub(crate) fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[i..].iter().map(|&d| char::from(d)));
}

/// Writes a name as one IRI path segment: letters of every script stay as they are (RFC 3987
/// `ucschar`), so the IRI reads like the name and a printed IRI can be pasted back into a query;
/// ASCII other than RFC 3986 unreserved characters (`/ ? # % " < >` and spaces among them),
/// whitespace and control characters of any script, and code points outside `ucschar` (private use,
/// noncharacters) are percent-encoded as UTF-8.
#[must_use]
pub fn encode_segment(s: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~') || is_iri_letter(c) {
            out.push(c);
        } else {
            let mut bytes = [0u8; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    if out.is_empty() {
        // An empty key would make `…/person/` name the whole collection.
        out.push('_');
    }
    out
}

/// Whether a non-ASCII character may stand unencoded in an IRI: RFC 3987 `ucschar`, minus
/// whitespace and invisible formatting characters that would make two IRIs look alike.
fn is_iri_letter(c: char) -> bool {
    let u = u32::from(c);
    let ucschar = matches!(u,
        0xA0..=0xD7FF | 0xF900..=0xFDCF | 0xFDF0..=0xFFEF
        | 0x1_0000..=0x1_FFFD | 0x2_0000..=0x2_FFFD | 0x3_0000..=0x3_FFFD | 0x4_0000..=0x4_FFFD
        | 0x5_0000..=0x5_FFFD | 0x6_0000..=0x6_FFFD | 0x7_0000..=0x7_FFFD | 0x8_0000..=0x8_FFFD
        | 0x9_0000..=0x9_FFFD | 0xA_0000..=0xA_FFFD | 0xB_0000..=0xB_FFFD | 0xC_0000..=0xC_FFFD
        | 0xD_0000..=0xD_FFFD | 0xE_1000..=0xE_FFFD);
    ucschar && !c.is_whitespace() && !matches!(u, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF)
}

/// Percent-encodes a file path for a `file://` IRI: like [`encode_segment`] but keeping `/`.
#[must_use]
pub fn encode_path(path: &str) -> String {
    path.split('/')
        .map(|segment| if segment.is_empty() { String::new() } else { encode_segment(segment) })
        .collect::<Vec<_>>()
        .join("/")
}

/// Decodes `%XX` escapes (the inverse of [`encode_segment`], and of the percent-encoding of IRIs
/// minted before names were written as themselves); a malformed escape stays as written, and bytes
/// that do not decode to UTF-8 leave the input unchanged.
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
    fn decimals_and_span_iris_are_written_as_formatting_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            let mut s = String::from("x");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
        let doc = document("陳大文表示，會議順利。");
        assert_eq!(span(&doc, Span::new(12, 105)).as_str(), format!("{}#char=12,105", doc.as_str()));
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
    fn article_ids_are_read_in_every_form_tupu_prints() {
        let doc = document("短文。");
        let hash = doc.as_str().strip_prefix(DOC_BASE).unwrap().to_owned();
        for id in [
            doc.as_str().to_owned(),
            format!("<{}>", doc.as_str()),
            format!("doc:{hash}"),
            hash.clone(),
            hash.to_uppercase(),
        ] {
            assert_eq!(document_from_id(&id).as_ref(), Some(&doc), "{id}");
        }
        assert_eq!(document_from_id("seed.txt"), None);
        assert_eq!(document_from_id("doc:123"), None);
    }

    #[test]
    fn entity_iris_write_names_as_themselves_in_one_segment() {
        let e = entity(EntityKind::Organization, "发展局");
        assert_eq!(e.as_str(), "https://w3id.org/tupu/id/org/发展局");
        assert_eq!(
            entity(EntityKind::Initiative, "「一國兩制」（香港）").as_str(),
            "https://w3id.org/tupu/id/initiative/「一國兩制」（香港）"
        );
        let odd = entity(EntityKind::Person, "a/b c\"d>%\u{3000}e\u{200B}f\u{E000}");
        assert_eq!(odd.as_str(), "https://w3id.org/tupu/id/person/a%2Fb%20c%22d%3E%25%E3%80%80e%E2%80%8Bf%EE%80%80");
        assert!(NamedNode::new(odd.as_str()).is_ok());
        assert_eq!(entity(EntityKind::Place, "").as_str(), "https://w3id.org/tupu/id/place/_");
    }

    #[test]
    fn every_minted_iri_is_a_valid_iri() {
        for name in ["王勇", "Deep Seek", "𠀀字", "ａｂｃ", "#?/", "\u{FDD0}", "\u{FFFE}"] {
            let iri = entity(EntityKind::Organization, name);
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
            assert_eq!(decode_segment(iri.as_str().rsplit('/').next().unwrap()), name);
        }
    }

    #[test]
    fn decoding_inverts_encoding() {
        for name in ["發展局", "a/b c", "", "100%", "a\u{3000}b"] {
            let encoded = encode_segment(name);
            assert_eq!(decode_segment(&encoded), if name.is_empty() { "_" } else { name });
        }
        assert_eq!(decode_segment("%zz%E5"), "%zz%E5");
        assert_eq!(decode_segment("%E5%8F%91%E5%B1%95%E5%B1%80"), "发展局", "IRIs minted by earlier versions");
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
