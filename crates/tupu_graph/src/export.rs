//! RDF export through oxigraph's own serializers, sorted so the same graph always gives the same
//! bytes (snapshot tests, diffs between runs, reproducible corpora).

use std::cmp::Ordering;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};

use crate::error::ExportError;
use crate::mapping::ArticleGraph;
use crate::store::GraphStore;
use crate::vocab::{self, rdf};

/// The RDF formats tupu writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Turtle: triples only (the union of the article graphs), with prefixes.
    Turtle,
    /// TriG: Turtle with one named graph per article.
    TriG,
    /// N-Quads: one quad per line, graph names kept.
    NQuads,
    /// N-Triples: one triple per line.
    NTriples,
    /// JSON-LD (expanded, full IRIs): one named graph per article.
    JsonLd,
}

impl ExportFormat {
    /// The format a file extension stands for (`ttl`, `trig`, `nq`, `nt`).
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Some(Self::Turtle),
            "trig" => Some(Self::TriG),
            "nq" | "nquads" => Some(Self::NQuads),
            "nt" | "ntriples" => Some(Self::NTriples),
            "jsonld" => Some(Self::JsonLd),
            _ => None,
        }
    }

    /// The oxigraph format.
    #[must_use]
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::TriG => RdfFormat::TriG,
            Self::NQuads => RdfFormat::NQuads,
            Self::NTriples => RdfFormat::NTriples,
            Self::JsonLd => RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
        }
    }

    /// Whether the format keeps graph names.
    #[must_use]
    pub fn keeps_graphs(self) -> bool {
        matches!(self, Self::TriG | Self::NQuads | Self::JsonLd)
    }
}

/// Writes graphs in one RDF format, sorted: by graph, subject, predicate (`rdf:type` first) and
/// object, comparing runs of digits as numbers (`figure/2` before `figure/10`).
#[derive(Debug, Clone, Copy)]
#[must_use]
pub struct RdfExport {
    format: ExportFormat,
    prefixes: bool,
}

impl RdfExport {
    /// An export to `format`, with tupu's prefixes where the format has them.
    pub fn new(format: ExportFormat) -> Self {
        Self { format, prefixes: true }
    }

    /// Writes full IRIs even in Turtle and TriG.
    pub fn without_prefixes(mut self) -> Self {
        self.prefixes = false;
        self
    }

    /// Writes everything in a store.
    ///
    /// # Errors
    /// When the store cannot be read or the output cannot be written.
    pub fn write_store<W: Write>(&self, store: &GraphStore, writer: W) -> Result<W, ExportError> {
        self.write_quads(store.quads()?, writer)
    }

    /// Writes one article's graph.
    ///
    /// # Errors
    /// When the output cannot be written.
    pub fn write_graph<W: Write>(&self, graph: &ArticleGraph, writer: W) -> Result<W, ExportError> {
        self.write_quads(graph.quads().to_vec(), writer)
    }

    /// Writes quads, sorted and without duplicates. Formats without graphs get the union of all
    /// graphs (a triple stated by two articles is written once).
    ///
    /// # Errors
    /// When the output cannot be written.
    pub fn write_quads<W: Write>(&self, mut quads: Vec<Quad>, writer: W) -> Result<W, ExportError> {
        if !self.format.keeps_graphs() {
            for q in &mut quads {
                q.graph_name = GraphName::DefaultGraph;
            }
        }
        sort_quads(&mut quads);
        if matches!(self.format, ExportFormat::NQuads | ExportFormat::NTriples) {
            return write_lines(&quads, writer);
        }
        let mut serializer = RdfSerializer::from_format(self.format.rdf_format());
        if self.prefixes {
            for (prefix, namespace) in vocab::PREFIXES {
                serializer =
                    serializer.with_prefix(*prefix, *namespace).map_err(|e| std::io::Error::other(e.to_string()))?;
            }
        }
        let mut out = serializer.for_writer(writer);
        for quad in &quads {
            out.serialize_quad(quad)?;
        }
        Ok(out.finish()?)
    }
}

/// Writes quads as N-Quads (N-Triples when they are in the default graph), one line each, byte
/// for byte as oxigraph's serializer writes them but without its per-term formatting machinery:
/// the line formats are how a corpus is exported, and this is their hot path.
fn write_lines<W: Write>(quads: &[Quad], mut writer: W) -> Result<W, ExportError> {
    let mut line = Vec::with_capacity(512);
    for quad in quads {
        line.clear();
        push_line(&mut line, quad);
        writer.write_all(&line)?;
    }
    Ok(writer)
}

/// One N-Quads line: subject, predicate, object, graph (unless default), ` .` and a newline.
fn push_line(out: &mut Vec<u8>, quad: &Quad) {
    match &quad.subject {
        NamedOrBlankNode::NamedNode(n) => push_iri(out, n.as_str()),
        NamedOrBlankNode::BlankNode(b) => push_blank(out, b.as_str()),
    }
    out.push(b' ');
    push_iri(out, quad.predicate.as_str());
    out.push(b' ');
    match &quad.object {
        Term::NamedNode(n) => push_iri(out, n.as_str()),
        Term::BlankNode(b) => push_blank(out, b.as_str()),
        Term::Literal(l) => {
            push_quoted(out, l.value());
            if let Some(language) = l.language() {
                out.push(b'@');
                out.extend_from_slice(language.as_bytes());
            } else if l.datatype() != vocab::xsd::STRING {
                out.extend_from_slice(b"^^");
                push_iri(out, l.datatype().as_str());
            }
        }
        #[allow(unreachable_patterns)]
        other => out.extend_from_slice(other.to_string().as_bytes()),
    }
    match &quad.graph_name {
        GraphName::DefaultGraph => {}
        GraphName::NamedNode(n) => {
            out.push(b' ');
            push_iri(out, n.as_str());
        }
        GraphName::BlankNode(b) => {
            out.push(b' ');
            push_blank(out, b.as_str());
        }
    }
    out.extend_from_slice(b" .\n");
}

/// `<iri>`: a valid IRI has nothing N-Triples escapes.
fn push_iri(out: &mut Vec<u8>, iri: &str) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn push_blank(out: &mut Vec<u8>, id: &str) {
    out.extend_from_slice(b"_:");
    out.extend_from_slice(id.as_bytes());
}

/// A quoted string, escaped as oxigraph's `print_quoted_str` does: `\b \t \n \f \r \" \\`, other
/// C0 controls, DEL and the noncharacters U+FFFE and U+FFFF as `\uXXXX`. Runs of other bytes
/// are copied whole.
fn push_quoted(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    let bytes = value.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escape: Option<(&[u8], usize)> = match b {
            0x08 => Some((b"\\b", 1)),
            b'\t' => Some((b"\\t", 1)),
            b'\n' => Some((b"\\n", 1)),
            0x0c => Some((b"\\f", 1)),
            b'\r' => Some((b"\\r", 1)),
            b'"' => Some((b"\\\"", 1)),
            b'\\' => Some((b"\\\\", 1)),
            0x00..=0x1f | 0x7f => Some((b"", 1)),
            0xef if bytes.get(i + 1) == Some(&0xbf) && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)) => Some((b"", 3)),
            _ => None,
        };
        let Some((text, len)) = escape else {
            i += 1;
            continue;
        };
        out.extend_from_slice(&bytes[run..i]);
        if text.is_empty() {
            let code = value[i..].chars().next().map_or(0, u32::from);
            out.extend_from_slice(format!("\\u{code:04X}").as_bytes());
        } else {
            out.extend_from_slice(text);
        }
        i += len;
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// Sorts quads into export order and removes duplicates. Terms are compared in place (no
/// string is built per quad), which keeps sorting a corpus of a thousand articles cheap.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    quads.sort_unstable_by(cmp_quads);
    quads.dedup();
}

/// Export order: graph, subject, predicate (`rdf:type` first, so each subject starts with what
/// it is), object; IRIs and literal values compared naturally.
#[must_use]
pub fn cmp_quads(a: &Quad, b: &Quad) -> Ordering {
    cmp_graph(&a.graph_name, &b.graph_name)
        .then_with(|| cmp_subject(&a.subject, &b.subject))
        .then_with(|| (a.predicate != rdf::TYPE).cmp(&(b.predicate != rdf::TYPE)))
        .then_with(|| natural_cmp(a.predicate.as_str(), b.predicate.as_str()))
        .then_with(|| cmp_term(&a.object, &b.object))
}

fn cmp_graph(a: &GraphName, b: &GraphName) -> Ordering {
    let (ra, sa) = graph_rank(a);
    let (rb, sb) = graph_rank(b);
    ra.cmp(&rb).then_with(|| natural_cmp(sa, sb))
}

fn graph_rank(g: &GraphName) -> (u8, &str) {
    match g {
        GraphName::DefaultGraph => (0, ""),
        GraphName::NamedNode(n) => (1, n.as_str()),
        GraphName::BlankNode(b) => (2, b.as_str()),
    }
}

fn cmp_subject(a: &NamedOrBlankNode, b: &NamedOrBlankNode) -> Ordering {
    let (ra, sa) = subject_rank(a);
    let (rb, sb) = subject_rank(b);
    ra.cmp(&rb).then_with(|| natural_cmp(sa, sb))
}

fn subject_rank(s: &NamedOrBlankNode) -> (u8, &str) {
    match s {
        NamedOrBlankNode::NamedNode(n) => (0, n.as_str()),
        NamedOrBlankNode::BlankNode(b) => (1, b.as_str()),
    }
}

/// IRIs, then literals (by value, datatype, language), then blank nodes.
fn cmp_term(a: &Term, b: &Term) -> Ordering {
    match (a, b) {
        (Term::NamedNode(x), Term::NamedNode(y)) => natural_cmp(x.as_str(), y.as_str()),
        (Term::Literal(x), Term::Literal(y)) => natural_cmp(x.value(), y.value())
            .then_with(|| x.datatype().as_str().cmp(y.datatype().as_str()))
            .then_with(|| x.language().cmp(&y.language())),
        (Term::BlankNode(x), Term::BlankNode(y)) => x.as_str().cmp(y.as_str()),
        _ => term_rank(a).cmp(&term_rank(b)).then_with(|| a.to_string().cmp(&b.to_string())),
    }
}

fn term_rank(t: &Term) -> u8 {
    match t {
        Term::NamedNode(_) => 0,
        Term::Literal(_) => 1,
        Term::BlankNode(_) => 2,
        #[allow(unreachable_patterns)]
        _ => 3,
    }
}

/// Compares strings with runs of ASCII digits compared as numbers (`char=9,12` before
/// `char=10,11`); other bytes compare as bytes, which for UTF-8 is code point order. A total
/// order consistent with equality: equal numbers with different leading zeros compare by length.
#[must_use]
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // The shared prefix (IRIs share long ones) is skipped at memcmp speed, then the comparison
    // backs up to the start of a digit run the difference falls in.
    let common = common_prefix(a, b);
    if common == a.len() && common == b.len() {
        return Ordering::Equal;
    }
    let mut start = common;
    while start > 0 && a[start - 1].is_ascii_digit() {
        start -= 1;
    }
    let digit = |s: &[u8], i: usize| s.get(i).is_some_and(u8::is_ascii_digit);
    if start < common || (digit(a, common) && digit(b, common)) {
        let la = a[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        let lb = b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
        let (da, db) = (trim_zeros(&a[start..start + la]), trim_zeros(&b[start..start + lb]));
        let ord = da.len().cmp(&db.len()).then_with(|| da.cmp(db)).then_with(|| la.cmp(&lb));
        if ord != Ordering::Equal {
            return ord;
        }
        // Same number, written the same: compare what follows it.
        return natural_cmp_bytes(&a[start + la..], &b[start + lb..]);
    }
    a.get(common).cmp(&b.get(common))
}

/// Length of the longest common prefix, sixteen bytes at a time while they match.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 16 <= n && a[i..i + 16] == b[i..i + 16] {
        i += 16;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

fn natural_cmp_bytes(a: &[u8], b: &[u8]) -> Ordering {
    match (std::str::from_utf8(a), std::str::from_utf8(b)) {
        (Ok(a), Ok(b)) => natural_cmp(a, b),
        _ => a.cmp(b),
    }
}

fn trim_zeros(digits: &[u8]) -> &[u8] {
    let zeros = digits.iter().take_while(|&&c| c == b'0').count();
    &digits[zeros..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn natural_order_compares_numbers_by_value() {
        assert_eq!(natural_cmp("figure/2", "figure/10"), Ordering::Less);
        assert_eq!(natural_cmp("char=9,12", "char=10,11"), Ordering::Less);
        assert_eq!(natural_cmp("char=10,11", "char=10,9"), Ordering::Greater);
        assert_eq!(natural_cmp("a", "a"), Ordering::Equal);
        assert_eq!(natural_cmp("a01", "a1"), Ordering::Greater);
        assert_eq!(natural_cmp("國", "国"), "國".cmp("国"));
        assert_eq!(natural_cmp("x12a", "x12b"), Ordering::Less);
        assert_eq!(natural_cmp("x1", "x12"), Ordering::Less);
        assert_eq!(natural_cmp("x12b", "x1b"), Ordering::Greater);
        assert_eq!(natural_cmp("xa", "x1"), Ordering::Greater);
        assert_eq!(natural_cmp("x", "x1"), Ordering::Less);
        assert_eq!(natural_cmp("", ""), Ordering::Equal);
    }

    #[test]
    fn natural_order_is_a_total_order_on_samples() {
        let samples = [
            "",
            "a",
            "a0",
            "a00",
            "a01",
            "a1",
            "a1b",
            "a2",
            "a10",
            "a10b",
            "a9z",
            "b",
            "#char=0,12",
            "#char=10,2",
            "數9",
            "數10",
        ];
        for x in samples {
            assert_eq!(natural_cmp(x, x), Ordering::Equal);
            for y in samples {
                assert_eq!(natural_cmp(x, y), natural_cmp(y, x).reverse(), "{x} {y}");
                for z in samples {
                    if natural_cmp(x, y) == Ordering::Less && natural_cmp(y, z) == Ordering::Less {
                        assert_eq!(natural_cmp(x, z), Ordering::Less, "{x} {y} {z}");
                    }
                }
            }
        }
    }

    #[test]
    fn line_formats_are_written_as_oxigraph_writes_them() {
        let s = NamedNode::new_unchecked("https://w3id.org/tupu/id/person/%E9%99%B3");
        let g = NamedNode::new_unchecked("https://w3id.org/tupu/doc/1");
        let tricky = "引號\"反斜\\換行\n\r\t\u{8}\u{c}\0\u{1f}\u{7f}\u{fffe}\u{ffff}\u{fffd}😀";
        let quads = vec![
            Quad::new(s.clone(), vocab::rdfs::LABEL, Literal::new_simple_literal(tricky), g.clone()),
            Quad::new(
                s.clone(),
                vocab::rdfs::LABEL,
                Literal::new_language_tagged_literal_unchecked("陳", "zh-hant"),
                g.clone(),
            ),
            Quad::new(
                s.clone(),
                vocab::schema::VALUE,
                Literal::new_typed_literal("12", vocab::xsd::INTEGER),
                g.clone(),
            ),
            Quad::new(s.clone(), vocab::schema::VALUE, Literal::new_typed_literal("x", vocab::xsd::STRING), g),
            Quad::new(s, rdf::TYPE, vocab::schema::PERSON, GraphName::DefaultGraph),
        ];
        for format in [ExportFormat::NQuads, ExportFormat::NTriples] {
            let ours = RdfExport::new(format).write_quads(quads.clone(), Vec::new()).unwrap();
            let mut sorted = quads.clone();
            if format == ExportFormat::NTriples {
                sorted.iter_mut().for_each(|q| q.graph_name = GraphName::DefaultGraph);
            }
            sort_quads(&mut sorted);
            let mut theirs = RdfSerializer::from_format(format.rdf_format()).for_writer(Vec::new());
            sorted.iter().for_each(|q| theirs.serialize_quad(q).unwrap());
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs.finish().unwrap()).unwrap(),
                "{format:?}"
            );
        }
    }

    #[test]
    fn formats_follow_their_extensions() {
        assert_eq!(ExportFormat::from_extension("TTL"), Some(ExportFormat::Turtle));
        assert_eq!(ExportFormat::from_extension("nq"), Some(ExportFormat::NQuads));
        assert_eq!(ExportFormat::from_extension("json"), None);
        assert_eq!(ExportFormat::from_extension("jsonld"), Some(ExportFormat::JsonLd));
    }

    #[test]
    fn turtle_is_sorted_deduplicated_and_prefixed() {
        let s = NamedNode::new_unchecked("https://w3id.org/tupu/id/person/x");
        let g = NamedNode::new_unchecked("https://w3id.org/tupu/doc/1");
        let h = NamedNode::new_unchecked("https://w3id.org/tupu/doc/2");
        let label = Literal::new_simple_literal("x");
        let quads = vec![
            Quad::new(s.clone(), vocab::rdfs::LABEL, label.clone(), g.clone()),
            Quad::new(s.clone(), rdf::TYPE, vocab::schema::PERSON, g.clone()),
            Quad::new(s.clone(), vocab::rdfs::LABEL, label, h),
        ];
        let out = RdfExport::new(ExportFormat::Turtle).write_quads(quads.clone(), Vec::new()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("@prefix schema: <https://schema.org/> ."), "{text}");
        let body: Vec<&str> = text.lines().filter(|l| !l.starts_with("@prefix")).collect();
        assert_eq!(body, ["<https://w3id.org/tupu/id/person/x> a schema:Person ;", "\trdfs:label \"x\" ."]);
        let nq = RdfExport::new(ExportFormat::NQuads).write_quads(quads, Vec::new()).unwrap();
        assert_eq!(String::from_utf8(nq).unwrap().lines().count(), 3);
    }
}
