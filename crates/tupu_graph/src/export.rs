//! RDF export through oxigraph's own serializers, sorted so the same graph always gives the same
//! bytes (snapshot tests, diffs between runs, reproducible corpora).

use std::cmp::Ordering;
use std::hash::Hash;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, Quad, TermRef};
use rustc_hash::FxHashMap;

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
        if matches!(self.format, ExportFormat::NQuads | ExportFormat::NTriples) {
            return write_graph_lines(graph, self.format.keeps_graphs(), writer);
        }
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

/// Writes one article's graph as N-Quads (in its named graph) or N-Triples, in the order and
/// with the bytes [`RdfExport::write_quads`] gives its quads, straight from the graph's numbered
/// terms: each distinct term is ranked once, the triples are sorted and deduplicated as numbers,
/// and no quad is made.
fn write_graph_lines<W: Write>(graph: &ArticleGraph, named: bool, mut writer: W) -> Result<W, ExportError> {
    let (terms, triples) = graph.triples();
    // One order for every position: terms by their [`TermKey`], as [`sort_quads`] orders them,
    // with `rdf:type` first among predicates ([`predicate_key`]), given the rank 0.
    // Each term's sort key is made once (natural comparison of IRIs that share fifty-byte prefixes
    // was most of the sorting's instructions), then compared as bytes.
    // Each key is preceded in the arena by its kind, so that one comparison of bytes orders by
    // kind and key ([`TermKey::cmp`]); the datatype and language only break ties.
    let mut arena = Vec::new();
    let document = DocumentKey::new(graph.document().as_str());
    let mut firsts = Vec::with_capacity(terms.len());
    let keys: Vec<TermKey<'_>> = (0..terms.len())
        .map(|id| {
            let first = arena.len();
            arena.push(0);
            let key = match terms.get(id as u32).as_ref() {
                TermRef::NamedNode(n) => TermKey::of_iri(n.as_str(), &document, &mut arena),
                term => TermKey::new(term, &mut arena),
            };
            arena[first] = key.kind;
            firsts.push(first);
            key
        })
        .collect();
    let mut order: Vec<(&[u8], u32)> = keys
        .iter()
        .zip(&firsts)
        .enumerate()
        .map(|(id, (key, &first))| (&arena[first..key.end], u32::try_from(id).unwrap_or(u32::MAX)))
        .collect();
    order.sort_unstable_by(|a, b| {
        a.0.cmp(b.0).then_with(|| {
            let (ka, kb) = (&keys[a.1 as usize], &keys[b.1 as usize]);
            ka.datatype.cmp(kb.datatype).then_with(|| ka.language.cmp(&kb.language))
        })
    });
    let mut rank = vec![0u64; order.len()];
    for (r, &(_, id)) in order.iter().enumerate() {
        rank[id as usize] = r as u64 + 1;
    }
    let type_id = terms.find(rdf::TYPE.into());
    // The triples in the order of their (subject, predicate, object) ranks. Ranks are dense (one
    // to the number of terms), so a counting sort places them by subject, then each subject's few
    // triples (six for a phrase) are sorted by predicate and object: a general sort of the whole
    // article's triples was a fifth of the writing's instructions.
    let mut starts = vec![0usize; rank.len() + 2];
    for t in triples {
        starts[rank[t[0] as usize] as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut placed = vec![(0u64, 0u32); triples.len()];
    for (i, &[s, p, o]) in triples.iter().enumerate() {
        let p = if Some(p) == type_id { 0 } else { rank[p as usize] };
        let slot = &mut next[rank[s as usize] as usize];
        placed[*slot] = (p << 32 | rank[o as usize], u32::try_from(i).unwrap_or(u32::MAX));
        *slot += 1;
    }
    let mut keyed = Vec::with_capacity(triples.len());
    for bucket in starts.windows(2) {
        let bucket = &mut placed[bucket[0]..bucket[1]];
        bucket.sort_unstable();
        // The same triple twice: the same subject, so the same bucket, and the same key.
        let mut last = None;
        for &(key, i) in bucket.iter() {
            if last != Some(key) {
                keyed.push(i as usize);
                last = Some(key);
            }
        }
    }
    // Each term spelled once, as [`push_term`] writes it (a term is in four or five lines on
    // average, the phrases' IRIs in six): a line is then three copies.
    let mut spelled = Vec::with_capacity(arena.len() + 4 * terms.len());
    let mut ends = Vec::with_capacity(terms.len() + 1);
    ends.push(0);
    for id in 0..terms.len() {
        push_term(&mut spelled, terms.get(id as u32).as_ref());
        ends.push(spelled.len());
    }
    let term = |id: u32| &spelled[ends[id as usize]..ends[id as usize + 1]];
    let mut graph_name = Vec::new();
    if named {
        graph_name.push(b' ');
        push_iri(&mut graph_name, graph.document().as_str());
    }
    // Lines gathered into blocks: one write per block rather than per line.
    let mut block = Vec::with_capacity(BLOCK + 4096);
    for &i in &keyed {
        let [s, p, o] = triples[i];
        block.extend_from_slice(term(s));
        block.push(b' ');
        block.extend_from_slice(term(p));
        block.push(b' ');
        block.extend_from_slice(term(o));
        block.extend_from_slice(&graph_name);
        block.extend_from_slice(b" .\n");
        if block.len() >= BLOCK {
            writer.write_all(&block)?;
            block.clear();
        }
    }
    writer.write_all(&block)?;
    Ok(writer)
}

/// How many bytes of lines [`write_graph_lines`] gathers before writing them.
const BLOCK: usize = 1 << 16;

/// The article's IRI and its [`natural_key`]: most IRIs of an article's graph begin with it (its
/// phrases, its context), and its hexadecimal hash has several runs of digits to encode.
struct DocumentKey<'d> {
    iri: &'d str,
    key: Vec<u8>,
}

impl<'d> DocumentKey<'d> {
    fn new(iri: &'d str) -> Self {
        let mut key = Vec::new();
        natural_key(iri, &mut key);
        Self { iri, key }
    }

    /// Appends the natural key of `s`, reusing the article IRI's key when `s` begins with it and
    /// no run of digits spans the joint (the key of a concatenation is then the concatenation
    /// of the keys).
    fn natural_key(&self, s: &str, out: &mut Vec<u8>) {
        let joint_in_digits = |rest: &str| {
            self.iri.as_bytes().last().is_some_and(u8::is_ascii_digit)
                && rest.as_bytes().first().is_some_and(u8::is_ascii_digit)
        };
        match s.strip_prefix(self.iri) {
            Some(rest) if !joint_in_digits(rest) => {
                out.extend_from_slice(&self.key);
                natural_key(rest, out);
            }
            _ => natural_key(s, out),
        }
    }
}

/// What the export order compares of a term: its kind (IRIs, then literals, then blank nodes),
/// its string as a [`natural_key`] in a shared buffer, a literal's datatype and language.
struct TermKey<'t> {
    /// Named nodes, literals, blank nodes.
    kind: u8,
    start: usize,
    end: usize,
    datatype: &'t str,
    language: Option<&'t str>,
}

impl<'t> TermKey<'t> {
    fn new(term: TermRef<'t>, arena: &mut Vec<u8>) -> Self {
        let start = arena.len();
        let (kind, datatype, language) = match term {
            TermRef::NamedNode(n) => {
                natural_key(n.as_str(), arena);
                (0, "", None)
            }
            TermRef::Literal(l) => {
                natural_key(l.value(), arena);
                (1, l.datatype().as_str(), l.language())
            }
            // Blank node ids compare as bytes.
            TermRef::BlankNode(b) => {
                arena.extend_from_slice(b.as_str().as_bytes());
                (2, "", None)
            }
            #[allow(unreachable_patterns)]
            other => {
                arena.extend_from_slice(other.to_string().as_bytes());
                (3, "", None)
            }
        };
        Self { kind, start, end: arena.len(), datatype, language }
    }

    /// The key of an IRI, the article's part of it copied (see [`DocumentKey`]): the same as
    /// [`TermKey::new`] gives it.
    fn of_iri(iri: &'t str, document: &DocumentKey<'_>, arena: &mut Vec<u8>) -> Self {
        let start = arena.len();
        document.natural_key(iri, arena);
        Self { kind: 0, start, end: arena.len(), datatype: "", language: None }
    }

    /// A key before every key [`TermKey::new`] makes once [`TermKey::after_first`] moves them:
    /// the default graph among graph names, `rdf:type` among predicates.
    fn first(arena: &[u8]) -> Self {
        Self { kind: 0, start: arena.len(), end: arena.len(), datatype: "", language: None }
    }

    /// This key, after [`TermKey::first`].
    fn after_first(self) -> Self {
        Self { kind: self.kind + 1, ..self }
    }

    fn cmp(&self, other: &Self, arena: &[u8]) -> Ordering {
        self.kind
            .cmp(&other.kind)
            .then_with(|| arena[self.start..self.end].cmp(&arena[other.start..other.end]))
            .then_with(|| self.datatype.cmp(other.datatype))
            .then_with(|| self.language.cmp(&other.language))
    }
}

/// Appends a string's natural sort key, bytes that compare (as bytes) with runs of ASCII digits
/// compared as numbers: each run becomes `0`, the number of its digits without leading zeros
/// (four bytes, big endian), those digits, and the run's length (four bytes); other bytes stay.
/// The `0` sorts against a byte that follows as the run's first digit would.
fn natural_key(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = first_digit(bytes, i);
        out.extend_from_slice(&bytes[i..run]);
        if run == bytes.len() {
            break;
        }
        let end = bytes[run..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |n| run + n);
        let digits = trim_zeros(&bytes[run..end]);
        let len = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_be_bytes();
        out.push(b'0');
        out.extend_from_slice(&len(digits.len()));
        out.extend_from_slice(digits);
        out.extend_from_slice(&len(end - run));
        i = end;
    }
}

/// The index of the first ASCII digit of `bytes` at or after `from` (`bytes.len()` if none),
/// eight bytes at a time: the keys of a graph's terms include its article's whole text (the
/// context's `nif:isString`), long and mostly without digits.
fn first_digit(bytes: &[u8], from: usize) -> usize {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let w = u64::from_le_bytes(eight);
        // Per byte, its low seven bits x (≤ 0x7F, so no sum carries into the next byte): the high
        // bit of x + 0x50 says x ≥ '0', that of x + 0x46 says x > '9'; the byte's own high bit
        // must be clear (UTF-8 continuation bytes such as 0xB0 are no digits).
        let x = w & LOW;
        let at_least_zero = x.wrapping_add(0x5050_5050_5050_5050);
        let past_nine = x.wrapping_add(0x4646_4646_4646_4646);
        let digits = at_least_zero & !past_nine & !w & HIGH;
        if digits != 0 {
            return i + (digits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..].iter().position(u8::is_ascii_digit).map_or(bytes.len(), |n| i + n)
}

/// One N-Quads line: subject, predicate, object, graph (unless default), ` .` and a newline.
fn push_line(out: &mut Vec<u8>, quad: &Quad) {
    let subject = match &quad.subject {
        NamedOrBlankNode::NamedNode(n) => TermRef::NamedNode(n.as_ref()),
        NamedOrBlankNode::BlankNode(b) => TermRef::BlankNode(b.as_ref()),
    };
    let terms = [subject, TermRef::NamedNode(quad.predicate.as_ref()), quad.object.as_ref()];
    push_terms_line(out, terms, quad.graph_name.as_ref());
}

/// The line of [`push_line`] from the terms of a triple and its graph.
fn push_terms_line(out: &mut Vec<u8>, [subject, predicate, object]: [TermRef<'_>; 3], graph: GraphNameRef<'_>) {
    push_term(out, subject);
    out.push(b' ');
    push_term(out, predicate);
    out.push(b' ');
    push_term(out, object);
    match graph {
        GraphNameRef::DefaultGraph => {}
        GraphNameRef::NamedNode(n) => {
            out.push(b' ');
            push_iri(out, n.as_str());
        }
        GraphNameRef::BlankNode(b) => {
            out.push(b' ');
            push_blank(out, b.as_str());
        }
    }
    out.extend_from_slice(b" .\n");
}

/// A term as N-Triples writes it.
fn push_term(out: &mut Vec<u8>, term: TermRef<'_>) {
    match term {
        TermRef::NamedNode(n) => push_iri(out, n.as_str()),
        TermRef::BlankNode(b) => push_blank(out, b.as_str()),
        TermRef::Literal(l) => {
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

/// The bytes [`push_quoted`] looks at: C0 controls, `"`, `\\`, DEL, and 0xEF (which begins
/// U+FFFE and U+FFFF).
const MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[0x7f] = true;
    table[0xef] = true;
    table
};

/// Whether any of eight bytes may be one [`MAY_ESCAPE`] marks (false positives allowed, no false
/// negatives): a byte below 0x20, or equal to `"`, `\\`, DEL or 0xEF.
fn may_escape_any(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of a byte of `x - ONES * n` & !x is set where x's byte is below n (n ≤ 0x80),
    // and at worst in a byte above one that is: each test only says "somewhere in these eight".
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let zero_at = |b: u64| below(w ^ (ONES * b), 1);
    below(w, 0x20) | zero_at(u64::from(b'"')) | zero_at(u64::from(b'\\')) | zero_at(0x7f) | zero_at(0xef) != 0
}

/// A quoted string, escaped as oxigraph's `print_quoted_str` does: `\b \t \n \f \r \" \\`, other
/// C0 controls, DEL and the noncharacters U+FFFE and U+FFFF as `\uXXXX`. Runs of other bytes
/// are copied whole.
fn push_quoted(out: &mut Vec<u8>, value: &str) {
    // One table look-up for the bytes of ordinary text (most of a Chinese literal) instead of the
    // match below.
    out.push(b'"');
    let bytes = value.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while none of them may need escaping.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            if !may_escape_any(u64::from_le_bytes(eight)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if !MAY_ESCAPE[usize::from(b)] {
            i += 1;
            continue;
        }
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

/// Sorts quads into export order and removes duplicates: graph, subject, predicate (`rdf:type`
/// first, so each subject starts with what it is), object; IRIs and literal values compared
/// naturally ([`natural_key`]). The one order every export writes, shared with the numbered-term
/// writer above through [`TermKey`].
///
/// Each distinct term gets its sort key once and is ranked among the others once (an article has
/// a few hundred distinct terms for some six hundred quads); the quads are then sorted by their
/// four ranks. Comparing the terms of every pair of quads instead (IRIs that share fifty-byte
/// prefixes, up to four natural comparisons per pair) was a fifth of the instructions
/// `tupu extract` spent on an article of the corpus. Equal keys mean equal terms, so equal ranks
/// mean equal quads.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    let n = quads.len();
    let (mut graphs, mut subjects, mut predicates, mut objects) =
        (Ranks::new(n), Ranks::new(n), Ranks::new(n), Ranks::new(n));
    let ids: Vec<[u32; 4]> = quads
        .iter()
        .map(|q| {
            [
                graphs.id(q.graph_name.as_ref()),
                subjects.id(q.subject.as_ref()),
                predicates.id(q.predicate.as_ref()),
                objects.id(q.object.as_ref()),
            ]
        })
        .collect();
    let (graphs, subjects, predicates, objects) = (
        graphs.ranks(graph_key),
        subjects.ranks(|s, arena| TermKey::new(s.into(), arena)),
        predicates.ranks(predicate_key),
        objects.ranks(TermKey::new),
    );
    // The four ranks in one number, most significant first: one integer comparison per pair.
    let mut keyed: Vec<(u128, usize)> = ids
        .iter()
        .enumerate()
        .map(|(i, [g, s, p, o])| {
            let rank = |ranks: &[u32], id: &u32| u128::from(ranks[*id as usize]);
            let key =
                rank(&graphs, g) << 96 | rank(&subjects, s) << 64 | rank(&predicates, p) << 32 | rank(&objects, o);
            (key, i)
        })
        .collect();
    keyed.sort_unstable();
    keyed.dedup_by_key(|(key, _)| *key);
    let mut slots: Vec<Option<Quad>> = std::mem::take(quads).into_iter().map(Some).collect();
    quads.reserve(keyed.len());
    quads.extend(keyed.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// A graph name's key: the default graph before every named graph.
fn graph_key<'t>(graph: GraphNameRef<'t>, arena: &mut Vec<u8>) -> TermKey<'t> {
    match graph {
        GraphNameRef::DefaultGraph => TermKey::first(arena),
        GraphNameRef::NamedNode(n) => TermKey::new(n.into(), arena).after_first(),
        GraphNameRef::BlankNode(b) => TermKey::new(b.into(), arena).after_first(),
    }
}

/// A predicate's key: `rdf:type` before every other predicate.
fn predicate_key<'t>(predicate: NamedNodeRef<'t>, arena: &mut Vec<u8>) -> TermKey<'t> {
    if predicate == rdf::TYPE { TermKey::first(arena) } else { TermKey::new(predicate.into(), arena).after_first() }
}

/// The distinct terms of one position of the quads, numbered as they come, then ranked.
struct Ranks<T> {
    ids: FxHashMap<T, u32>,
    terms: Vec<T>,
    /// The last term numbered: quads come in runs of one subject (and one graph), which then
    /// need no hashing.
    last: Option<(T, u32)>,
}

impl<T: Copy + Eq + Hash> Ranks<T> {
    fn new(capacity: usize) -> Self {
        Self { ids: FxHashMap::with_capacity_and_hasher(capacity, Default::default()), terms: Vec::new(), last: None }
    }

    /// The number of `term` (a new one for a term not seen before).
    fn id(&mut self, term: T) -> u32 {
        if let Some((_, id)) = self.last.filter(|(last, _)| *last == term) {
            return id;
        }
        let next = u32::try_from(self.terms.len()).unwrap_or(u32::MAX);
        let id = *self.ids.entry(term).or_insert(next);
        if id == next {
            self.terms.push(term);
        }
        self.last = Some((term, id));
        id
    }

    /// For each number, the rank of its term among all the terms, ordered by their keys.
    fn ranks<'t>(self, key: impl Fn(T, &mut Vec<u8>) -> TermKey<'t>) -> Vec<u32> {
        let mut arena = Vec::new();
        let keys: Vec<TermKey<'t>> = self.terms.iter().map(|&term| key(term, &mut arena)).collect();
        let mut order: Vec<u32> = (0..u32::try_from(keys.len()).unwrap_or(u32::MAX)).collect();
        order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize], &arena));
        let mut ranks = vec![0; keys.len()];
        for (rank, &id) in order.iter().enumerate() {
            ranks[id as usize] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        ranks
    }
}

/// Compares strings with runs of ASCII digits compared as numbers (`char=9,12` before
/// `char=10,11`); other bytes compare as bytes, which for UTF-8 is code point order. A total
/// order consistent with equality: equal numbers with different leading zeros compare by length.
/// The order of [`natural_key`]s, for callers that compare a few strings once.
#[must_use]
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut ka, mut kb) = (Vec::with_capacity(a.len() + 8), Vec::with_capacity(b.len() + 8));
    natural_key(a, &mut ka);
    natural_key(b, &mut kb);
    ka.cmp(&kb)
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
    fn an_iri_in_the_article_has_the_key_it_would_have_alone() {
        for doc in ["https://example.org/doc/1fc904fe5ddc79ed", "https://example.org/doc/ab12", "d7"] {
            let document = DocumentKey::new(doc);
            for rest in ["", "#char=0,1200", "#char=12,15", "12", "/figure/3", "x", "7#char=1,2"] {
                let iri = format!("{doc}{rest}");
                let (mut alone, mut reused) = (Vec::new(), Vec::new());
                natural_key(&iri, &mut alone);
                document.natural_key(&iri, &mut reused);
                assert_eq!(alone, reused, "{iri}");
            }
            let (mut alone, mut reused) = (Vec::new(), Vec::new());
            natural_key("https://example.org/other", &mut alone);
            document.natural_key("https://example.org/other", &mut reused);
            assert_eq!(alone, reused);
        }
    }

    #[test]
    fn eight_bytes_that_may_need_escaping_are_all_seen() {
        // Every byte that may need escaping, at every position among ordinary bytes, is seen.
        for b in (0..=255u8).filter(|&b| MAY_ESCAPE[usize::from(b)]) {
            for at in 0..8 {
                let mut eight = *b"abc\xe4\xb8\xad12";
                eight[at] = b;
                assert!(may_escape_any(u64::from_le_bytes(eight)), "byte {b:#x} at {at}");
            }
        }
        // Chinese text without full-width punctuation, and ASCII words, are skipped whole.
        for text in ["中文新聞標題", "香港特區政府", "plain words"] {
            for chunk in text.as_bytes().windows(8) {
                let mut eight = [0u8; 8];
                eight.copy_from_slice(chunk);
                assert!(!may_escape_any(u64::from_le_bytes(eight)), "{text}");
            }
        }
    }

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

    /// The natural order written the plain way, digit run by digit run: the oracle the keys are
    /// checked against.
    fn plain_natural_cmp(a: &str, b: &str) -> Ordering {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
                let la = a[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                let lb = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
                let (da, db) = (trim_zeros(&a[i..i + la]), trim_zeros(&b[j..j + lb]));
                let ord = da.len().cmp(&db.len()).then_with(|| da.cmp(db)).then_with(|| la.cmp(&lb));
                if ord != Ordering::Equal {
                    return ord;
                }
                (i, j) = (i + la, j + lb);
            } else if a[i] != b[j] {
                return a[i].cmp(&b[j]);
            } else {
                (i, j) = (i + 1, j + 1);
            }
        }
        (a.len() - i).cmp(&(b.len() - j))
    }

    /// The export order written the plain way, quad against quad.
    fn plain_cmp_quads(a: &Quad, b: &Quad) -> Ordering {
        fn graph(g: &GraphName) -> (u8, String) {
            match g {
                GraphName::DefaultGraph => (0, String::new()),
                GraphName::NamedNode(n) => (1, n.as_str().to_owned()),
                GraphName::BlankNode(b) => (2, b.as_str().to_owned()),
            }
        }
        fn term(t: &oxigraph::model::Term) -> (u8, String, String, Option<String>) {
            match t {
                oxigraph::model::Term::NamedNode(n) => (0, n.as_str().to_owned(), String::new(), None),
                oxigraph::model::Term::Literal(l) => {
                    (1, l.value().to_owned(), l.datatype().as_str().to_owned(), l.language().map(str::to_owned))
                }
                other => (2, other.to_string(), String::new(), None),
            }
        }
        let terms = |x: &(u8, String, String, Option<String>), y: &(u8, String, String, Option<String>)| {
            x.0.cmp(&y.0).then_with(|| plain_natural_cmp(&x.1, &y.1)).then_with(|| (&x.2, &x.3).cmp(&(&y.2, &y.3)))
        };
        let (ga, gb) = (graph(&a.graph_name), graph(&b.graph_name));
        ga.0.cmp(&gb.0)
            .then_with(|| plain_natural_cmp(&ga.1, &gb.1))
            .then_with(|| terms(&term(&a.subject.clone().into()), &term(&b.subject.clone().into())))
            .then_with(|| (a.predicate != rdf::TYPE).cmp(&(b.predicate != rdf::TYPE)))
            .then_with(|| plain_natural_cmp(a.predicate.as_str(), b.predicate.as_str()))
            .then_with(|| terms(&term(&a.object), &term(&b.object)))
    }

    #[test]
    fn natural_keys_order_as_the_plain_comparison_and_totally() {
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
            "a/",
            "a:",
            "b",
            "#char=0,12",
            "#char=10,2",
            "數9",
            "數10",
        ];
        for x in samples {
            for y in samples {
                assert_eq!(natural_cmp(x, y), plain_natural_cmp(x, y), "{x} {y}");
            }
        }
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
    fn the_first_digit_is_found_eight_bytes_at_a_time_as_one_by_one() {
        let texts = [
            "",
            "7",
            "abcdefgh",
            "abcdefg9",
            "abcdefgh9",
            "/:;@`~\u{7f}09",
            "https://w3id.org/tupu/doc/8bc3#char=12,15",
            "溫度為攝氏°度，約二十五度。記者攝影：〇至九０１２",
            "文字文字文字文字文字文字文字文字3文字",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let expected = bytes[from..].iter().position(u8::is_ascii_digit).map_or(bytes.len(), |n| from + n);
                assert_eq!(first_digit(bytes, from), expected, "{text} from {from}");
            }
        }
        // Every byte value at every offset of a chunk.
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = vec![b'x'; 12];
                bytes[at] = b;
                let expected = if b.is_ascii_digit() { at } else { bytes.len() };
                assert_eq!(first_digit(&bytes, 0), expected, "byte {b:#x} at {at}");
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
    fn an_article_graph_is_written_as_its_quads_are() {
        let p = crate::Provenance::new(Some("n-1".into()), Some("https://example.org/1"), Some("標題".into())).unwrap();
        let graph = ArticleGraph::new(crate::testing::TEXT, &crate::testing::extraction()).with_provenance(&p);
        for format in [ExportFormat::NQuads, ExportFormat::NTriples] {
            let export = RdfExport::new(format);
            let direct = export.write_graph(&graph, Vec::new()).unwrap();
            let through_quads = export.write_quads(graph.quads().to_vec(), Vec::new()).unwrap();
            assert!(direct.len() > 1000);
            assert_eq!(String::from_utf8(direct).unwrap(), String::from_utf8(through_quads).unwrap(), "{format:?}");
        }
    }

    #[test]
    fn sorting_by_ranks_is_sorting_by_the_export_order() {
        let doc = |n: u32| NamedNode::new_unchecked(format!("https://w3id.org/tupu/doc/{n}"));
        let part = |n: u32, k: u32| NamedNode::new_unchecked(format!("https://w3id.org/tupu/doc/{n}/figure/{k}"));
        let mut quads = Vec::new();
        for n in [3, 1, 10, 2] {
            for k in [12, 2, 1, 10] {
                let s = part(n, k);
                quads.push(Quad::new(
                    s.clone(),
                    vocab::schema::VALUE,
                    Literal::new_typed_literal(format!("{k}"), vocab::xsd::INTEGER),
                    doc(n),
                ));
                quads.push(Quad::new(s.clone(), rdf::TYPE, vocab::schema::PERSON, doc(n)));
                quads.push(Quad::new(
                    s.clone(),
                    vocab::rdfs::LABEL,
                    Literal::new_simple_literal(format!("數{k}")),
                    GraphName::DefaultGraph,
                ));
                quads.push(Quad::new(
                    s.clone(),
                    vocab::rdfs::LABEL,
                    Literal::new_language_tagged_literal_unchecked(format!("數{k}"), "zh-hant"),
                    doc(n),
                ));
                quads.push(Quad::new(
                    s,
                    vocab::schema::VALUE,
                    Literal::new_typed_literal(format!("{k}"), vocab::xsd::INTEGER),
                    doc(n),
                ));
                quads.push(Quad::new(doc(n), vocab::schema::MENTIONS, part(k, n), doc(n)));
            }
        }
        let mut expected = quads.clone();
        expected.sort_by(plain_cmp_quads);
        expected.dedup();
        assert!(expected.len() < quads.len(), "the sample has duplicates");
        sort_quads(&mut quads);
        assert_eq!(quads, expected);
        let mut none = Vec::new();
        sort_quads(&mut none);
        assert!(none.is_empty());
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
