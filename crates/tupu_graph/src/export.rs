//! RDF export through oxigraph's own serializers, sorted so the same graph always gives the same
//! bytes (snapshot tests, diffs between runs, reproducible corpora).

use std::cmp::Ordering;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Quad};

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
}

impl ExportFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Self; 4] = [Self::Turtle, Self::TriG, Self::NQuads, Self::NTriples];

    /// The format's name on the command line (`turtle`, `trig`, `nquads`, `ntriples`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Turtle => "turtle",
            Self::TriG => "trig",
            Self::NQuads => "nquads",
            Self::NTriples => "ntriples",
        }
    }

    /// Parses [`Self::name`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format a file extension stands for (`ttl`, `trig`, `nq`, `nt`).
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Some(Self::Turtle),
            "trig" => Some(Self::TriG),
            "nq" | "nquads" => Some(Self::NQuads),
            "nt" | "ntriples" => Some(Self::NTriples),
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
        }
    }

    /// Whether the format keeps graph names.
    #[must_use]
    pub fn keeps_graphs(self) -> bool {
        matches!(self, Self::TriG | Self::NQuads)
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

/// Sorts quads into export order and removes duplicates.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    let mut keyed: Vec<(QuadKey, Quad)> = quads.drain(..).map(|q| (QuadKey::of(&q), q)).collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    quads.extend(keyed.into_iter().map(|(_, q)| q));
}

/// The N-Triples forms of a quad's terms, compared naturally.
#[derive(PartialEq, Eq)]
struct QuadKey {
    graph: String,
    subject: String,
    /// `rdf:type` sorts before every other predicate, so each subject starts with what it is.
    not_type: bool,
    predicate: String,
    object: String,
}

impl QuadKey {
    fn of(q: &Quad) -> Self {
        Self {
            graph: match &q.graph_name {
                GraphName::DefaultGraph => String::new(),
                g => g.to_string(),
            },
            subject: q.subject.to_string(),
            not_type: q.predicate != rdf::TYPE,
            predicate: q.predicate.to_string(),
            object: q.object.to_string(),
        }
    }
}

impl Ord for QuadKey {
    fn cmp(&self, o: &Self) -> Ordering {
        natural_cmp(&self.graph, &o.graph)
            .then_with(|| natural_cmp(&self.subject, &o.subject))
            .then_with(|| self.not_type.cmp(&o.not_type))
            .then_with(|| self.predicate.cmp(&o.predicate))
            .then_with(|| natural_cmp(&self.object, &o.object))
    }
}

impl PartialOrd for QuadKey {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// Compares strings with runs of ASCII digits compared as numbers (`char=9,12` before
/// `char=10,11`); other bytes compare as bytes, which for UTF-8 is code point order. A total
/// order consistent with equality: equal numbers with different leading zeros compare by length.
#[must_use]
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let la = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let lb = b.iter().take_while(|c| c.is_ascii_digit()).count();
                let (da, db) = (trim_zeros(&a[..la]), trim_zeros(&b[..lb]));
                let ord = da.len().cmp(&db.len()).then_with(|| da.cmp(db)).then_with(|| la.cmp(&lb));
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[la..];
                b = &b[lb..];
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
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
    }

    #[test]
    fn formats_round_trip_their_names_and_extensions() {
        for f in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(f.name()), Some(f));
        }
        assert_eq!(ExportFormat::from_extension("TTL"), Some(ExportFormat::Turtle));
        assert_eq!(ExportFormat::from_extension("nq"), Some(ExportFormat::NQuads));
        assert_eq!(ExportFormat::from_extension("json"), None);
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
