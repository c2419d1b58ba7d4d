//! The entity network: who and what the articles are about and how they are linked, as plain
//! nodes and edges — the projection of the RDF graph that DOT, GraphML and CSV draw or hand to
//! graph tools (Gephi, Neo4j, NetworkX).
//!
//! Nodes are people, organisations, places, events and initiatives. Edges are one per relation:
//! a post (person → organisation, one edge per post), a stated relation (one edge per subject,
//! object and property however many articles or scripts state it; symmetric properties such as
//! `tp:signedWith` have no direction), an event's venue, speakers and organisers, part-of links
//! and a government's jurisdiction. Labels are kept in every script the graph has them in, and a
//! [`Script`] picks one for display (converting a name the graph has only in the other script).
//!
//! [`Network::from_store`] builds it with SPARQL over the whole store or one article's graph;
//! everything after that ([`Network::neighbourhood`], the writers) is pure.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::LazyLock;

use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QuerySolution;
use tupu_extract::normalize::{fold, to_simplified, to_traditional};

use crate::error::StoreError;
use crate::store::{GraphStore, literal};
use crate::vocab::{org, rdfs, schema, skos, tp};

/// The script labels are written in (the extractor's: Traditional or Simplified).
pub use tupu_extract::Script;

/// The lowercase BCP 47 tag labels in `script` carry in the store (`zh-hant`, `zh-hans`).
fn tag(script: Script) -> &'static str {
    match script {
        Script::Traditional => "zh-hant",
        Script::Simplified => "zh-hans",
    }
}

/// `name` written in `script`.
fn convert(script: Script, name: &str) -> String {
    match script {
        Script::Traditional => to_traditional(name),
        Script::Simplified => to_simplified(name),
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// `schema:Person`.
    Person,
    /// `schema:Organization`.
    Organization,
    /// `schema:Place`.
    Place,
    /// `schema:Event`.
    Event,
    /// `tp:Initiative`.
    Initiative,
}

impl Kind {
    /// Every kind, in drawing order.
    pub const ALL: [Self; 5] = [Self::Person, Self::Organization, Self::Place, Self::Event, Self::Initiative];

    /// The kind of an RDF class, if it is one of the five.
    #[must_use]
    pub fn of_class(class: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.class().as_str() == class)
    }

    /// Its RDF class.
    #[must_use]
    pub fn class(self) -> oxigraph::model::NamedNodeRef<'static> {
        match self {
            Self::Person => schema::PERSON,
            Self::Organization => schema::ORGANIZATION,
            Self::Place => schema::PLACE,
            Self::Event => schema::EVENT,
            Self::Initiative => tp::INITIATIVE,
        }
    }

    /// Its name as a graph-tool label (Neo4j node label, GraphML `kind`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Person => "Person",
            Self::Organization => "Organization",
            Self::Place => "Place",
            Self::Event => "Event",
            Self::Initiative => "Initiative",
        }
    }
}

/// What an edge is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Link {
    /// A person holds a post in an organisation (`org:holds` / `org:postIn`); labelled with the title.
    Post,
    /// A relation a sentence states (`tp:proposed`, `tp:signedWith` …); labelled with the verb.
    Relation,
    /// An event's venue (event → place).
    Location,
    /// A person who spoke at an event (person → event).
    Speaker,
    /// An organiser of an event (organisation → event).
    Organizer,
    /// Part of a larger whole (`org:subOrganizationOf`, `schema:containedInPlace`, `tp:partOf`).
    PartOf,
    /// The place a government's authority covers (`tp:jurisdiction`).
    Jurisdiction,
}

impl Link {
    /// Every kind of link, in drawing order.
    pub const ALL: [Self; 7] =
        [Self::Post, Self::Relation, Self::Location, Self::Speaker, Self::Organizer, Self::PartOf, Self::Jurisdiction];

    /// What the link is called in a legend and, for links without a label of their own, on the edge.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Post => "post",
            Self::Relation => "relation",
            Self::Location => "location",
            Self::Speaker => "speaker",
            Self::Organizer => "organizer",
            Self::PartOf => "part of",
            Self::Jurisdiction => "jurisdiction",
        }
    }
}

/// Labels in each language the graph has them in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// `rdfs:label` values by lowercase language tag (`zh-hant`, `zh-hans`, `en`, or `""`).
    pub by_language: BTreeMap<String, BTreeSet<String>>,
}

impl Labels {
    fn add(&mut self, language: &str, value: &str) {
        self.by_language.entry(language.to_ascii_lowercase()).or_default().insert(value.to_owned());
    }

    /// The label in `script`: one written in it, else one in the other script (or untagged)
    /// converted to it; `None` when there is no Chinese label.
    #[must_use]
    pub fn in_script(&self, script: Script) -> Option<String> {
        if let Some(first) = self.by_language.get(tag(script)).and_then(|s| s.first()) {
            return Some(first.clone());
        }
        let other = match script {
            Script::Traditional => Script::Simplified,
            Script::Simplified => Script::Traditional,
        };
        [tag(other), ""]
            .iter()
            .find_map(|t| self.by_language.get(*t).and_then(|s| s.first()))
            .map(|l| convert(script, l))
    }

    /// The English label, if any.
    #[must_use]
    pub fn english(&self) -> Option<&str> {
        self.by_language.get("en").and_then(|s| s.first()).map(String::as_str)
    }
}

/// A node of the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its IRI.
    pub iri: String,
    /// What it is.
    pub kind: Kind,
    /// Its `rdfs:label`s.
    pub labels: Labels,
    /// Its other names (`skos:altLabel`), every script.
    pub other_names: BTreeSet<String>,
    /// Titles of posts it holds in no named organisation (drawn under a person's name).
    pub bare_titles: Labels,
    /// How many articles mention it.
    pub articles: usize,
}

impl Node {
    /// The name to show in `script`: its label, else the last segment of its IRI.
    #[must_use]
    pub fn label(&self, script: Script) -> String {
        self.labels
            .in_script(script)
            .unwrap_or_else(|| crate::iri::decode_segment(self.iri.rsplit('/').next().unwrap_or(&self.iri)))
    }
}

/// An edge of the network: one relation, however many articles state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Index of the source node.
    pub source: usize,
    /// Index of the target node.
    pub target: usize,
    /// What kind of link it is.
    pub link: Link,
    /// The RDF property it stands for (`org:holds` for posts).
    pub property: String,
    /// Whether it has no direction (a symmetric property such as `tp:signedWith`).
    pub symmetric: bool,
    /// Its label: the post's title or the relation's verb as written, in every script found.
    pub labels: Labels,
    /// How many statements give it (articles for posts and event links, sentences for relations).
    pub weight: usize,
}

impl Edge {
    /// The label to show in `script`: the title or verb, else what the link is.
    #[must_use]
    pub fn label(&self, script: Script) -> String {
        self.labels.in_script(script).unwrap_or_else(|| self.link.describe().to_owned())
    }

    /// A stable relationship type for graph tools (`HOLDS_POST`, `PROPOSED`, `SIGNED_WITH`,
    /// `LOCATION` …): the property's local name in upper snake case.
    #[must_use]
    pub fn relationship_type(&self) -> String {
        if self.link == Link::Post {
            return "HOLDS_POST".to_owned();
        }
        let local = self.property.rsplit(['#', '/']).next().unwrap_or(&self.property);
        let mut out = String::with_capacity(local.len() + 4);
        for (i, c) in local.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_uppercase());
        }
        out
    }
}

/// Which graphs of the store the network is built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every article (the union of the named graphs).
    All,
    /// One article's graph.
    Article(NamedNode),
}

impl Scope {
    /// A SPARQL filter keeping `?doc` to the scope.
    fn doc_filter(&self) -> String {
        match self {
            Self::All => String::new(),
            Self::Article(doc) => format!("FILTER(?doc = <{}>)", doc.as_str()),
        }
    }
}

/// People, organisations, places, events and initiatives, and the links between them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    /// The nodes, ordered by kind, label and IRI.
    pub nodes: Vec<Node>,
    /// The edges, ordered by their ends, kind and property.
    pub edges: Vec<Edge>,
    /// The script most of the articles are written in (`None` when there are none).
    pub majority_script: Option<Script>,
}

/// Properties the ontology declares `owl:SymmetricProperty` (read from `ontology/tupu.ttl`, the one
/// place that says so).
static SYMMETRIC: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    use oxigraph::io::{RdfFormat, RdfParser};
    const ONTOLOGY: &str = include_str!("../../../ontology/tupu.ttl");
    let symmetric = "http://www.w3.org/2002/07/owl#SymmetricProperty";
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ONTOLOGY)
        .filter_map(Result::ok)
        .filter(|q| {
            q.predicate == crate::vocab::rdf::TYPE && matches!(&q.object, Term::NamedNode(n) if n.as_str() == symmetric)
        })
        .map(|q| q.subject.to_string().trim_matches(['<', '>']).to_owned())
        .collect()
});

/// Whether a property has no direction.
#[must_use]
pub fn is_symmetric(property: &str) -> bool {
    SYMMETRIC.contains(property)
}

impl Network {
    /// Builds the network of `scope` from a store.
    ///
    /// # Errors
    /// When the store cannot be queried.
    pub fn from_store(store: &GraphStore, scope: &Scope) -> Result<Self, StoreError> {
        let within = |body: &str| match scope {
            Scope::All => body.to_owned(),
            Scope::Article(doc) => format!("GRAPH <{}> {{ {body} }}", doc.as_str()),
        };
        let select = |body: &str, head: &str| store.select(&format!("SELECT {head} WHERE {{ {} }}", within(body)));
        let classes = Kind::ALL.iter().map(|k| format!("<{}>", k.class().as_str())).collect::<Vec<_>>().join(" ");

        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        for row in select(&format!("?e a ?type VALUES ?type {{ {classes} }}"), "DISTINCT ?e ?type")? {
            let (Some(e), Some(kind)) = (iri(&row, "e"), iri(&row, "type").and_then(|t| Kind::of_class(&t))) else {
                continue;
            };
            let node = nodes.entry(e.clone()).or_insert_with(|| Node {
                iri: e,
                kind,
                labels: Labels::default(),
                other_names: BTreeSet::new(),
                bare_titles: Labels::default(),
                articles: 0,
            });
            // An IRI typed twice keeps the first kind in drawing order.
            node.kind = node.kind.min(kind);
        }
        for row in select(
            &format!(
                "?e a ?type ; ?p ?l VALUES ?type {{ {classes} }} VALUES ?p {{ <{}> <{}> }}",
                rdfs::LABEL.as_str(),
                skos::ALT_LABEL.as_str()
            ),
            "DISTINCT ?e ?p ?l",
        )? {
            let (Some(e), Some(p), Some(Term::Literal(l))) = (iri(&row, "e"), iri(&row, "p"), row.get("l")) else {
                continue;
            };
            if let Some(node) = nodes.get_mut(&e) {
                if p == rdfs::LABEL.as_str() {
                    node.labels.add(l.language().unwrap_or(""), l.value());
                } else {
                    node.other_names.insert(l.value().to_owned());
                }
            }
        }
        let mentioned = store.select(&format!(
            "SELECT ?e (COUNT(DISTINCT ?doc) AS ?n) WHERE {{ GRAPH ?doc {{ ?doc <{}> ?e }} {} }} GROUP BY ?e",
            schema::MENTIONS.as_str(),
            scope.doc_filter()
        ))?;
        for row in mentioned {
            if let (Some(e), Some(n)) = (iri(&row, "e"), literal(row.get("n"))) {
                if let Some(node) = nodes.get_mut(&e) {
                    node.articles = n.parse().unwrap_or(0);
                }
            }
        }
        for row in select(
            &format!(
                "?p <{}> ?post . ?post <{}> ?t FILTER NOT EXISTS {{ ?post <{}> ?o }}",
                org::HOLDS.as_str(),
                rdfs::LABEL.as_str(),
                org::POST_IN.as_str()
            ),
            "DISTINCT ?p ?t",
        )? {
            if let (Some(p), Some(Term::Literal(t))) = (iri(&row, "p"), row.get("t")) {
                if let Some(node) = nodes.get_mut(&p) {
                    node.bare_titles.add(t.language().unwrap_or(""), t.value());
                }
            }
        }

        // Edges, keyed by what makes a relation one relation.
        let mut edges: BTreeMap<(String, String, Link, String), Edge> = BTreeMap::new();
        let mut add = |a: String,
                       b: String,
                       link: Link,
                       property: String,
                       identity: String,
                       label: Option<(&str, &str)>,
                       weight: usize| {
            let symmetric = is_symmetric(&property);
            let (a, b) = if symmetric && b < a { (b, a) } else { (a, b) };
            let edge = edges.entry((a, b, link, identity)).or_insert_with(|| Edge {
                source: 0,
                target: 0,
                link,
                property,
                symmetric,
                labels: Labels::default(),
                weight: 0,
            });
            if let Some((language, text)) = label {
                edge.labels.add(language, text);
            }
            edge.weight += weight;
        };
        for row in select(
            &format!(
                "?a <{}> ?post . ?post <{}> ?b ; <{}> ?t",
                org::HOLDS.as_str(),
                org::POST_IN.as_str(),
                rdfs::LABEL.as_str()
            ),
            "DISTINCT ?a ?b ?post ?t",
        )? {
            if let (Some(a), Some(b), Some(post), Some(Term::Literal(t))) =
                (iri(&row, "a"), iri(&row, "b"), iri(&row, "post"), row.get("t"))
            {
                add(
                    a,
                    b,
                    Link::Post,
                    org::HOLDS.as_str().to_owned(),
                    post,
                    Some((t.language().unwrap_or(""), t.value())),
                    0,
                );
            }
        }
        for row in select(
            &format!(
                "?r a <{}> ; <{}> ?a ; <{}> ?b ; <{}> ?p ; <{}> ?t",
                tp::RELATION.as_str(),
                tp::SUBJECT.as_str(),
                tp::OBJECT.as_str(),
                tp::PROPERTY.as_str(),
                tp::PREDICATE_TEXT.as_str()
            ),
            "DISTINCT ?r ?a ?b ?p ?t",
        )? {
            if let (Some(a), Some(b), Some(p), Some(Term::Literal(t))) =
                (iri(&row, "a"), iri(&row, "b"), iri(&row, "p"), row.get("t"))
            {
                add(a, b, Link::Relation, p.clone(), p, Some(("", t.value())), 1);
            }
        }
        let links = [
            (schema::LOCATION, Link::Location, false),
            (tp::SPEAKER, Link::Speaker, true),
            (schema::ORGANIZER, Link::Organizer, true),
            (org::SUB_ORGANIZATION_OF, Link::PartOf, false),
            (schema::CONTAINED_IN_PLACE, Link::PartOf, false),
            (tp::PART_OF, Link::PartOf, false),
            (tp::JURISDICTION, Link::Jurisdiction, false),
        ];
        for (property, link, reversed) in links {
            for row in select(&format!("?x <{}> ?y", property.as_str()), "DISTINCT ?x ?y")? {
                if let (Some(x), Some(y)) = (iri(&row, "x"), iri(&row, "y")) {
                    let (a, b) = if reversed { (y, x) } else { (x, y) };
                    let p = property.as_str().to_owned();
                    add(a, b, link, p.clone(), p, None, 1);
                }
            }
        }

        let mut ordered: Vec<Node> = nodes.into_values().collect();
        let script_for_order = Script::Traditional;
        ordered.sort_by_cached_key(|n| (n.kind, n.label(script_for_order), n.iri.clone()));
        let index: HashMap<String, usize> = ordered.iter().enumerate().map(|(i, n)| (n.iri.clone(), i)).collect();
        let edges = edges
            .into_iter()
            .filter_map(|((a, b, _, _), mut e)| {
                // Only links between drawn nodes (a statement's speaker that is no entity is left out).
                let (Some(&s), Some(&t)) = (index.get(&a), index.get(&b)) else { return None };
                e.source = s;
                e.target = t;
                e.weight = e.weight.max(1);
                Some(e)
            })
            .collect::<Vec<_>>();
        let majority_script = majority_script(store, scope)?;
        let mut network = Self { nodes: ordered, edges, majority_script };
        network.edges.sort_by(|a, b| {
            (a.source, a.target, a.link, &a.property, a.labels.by_language.first_key_value()).cmp(&(
                b.source,
                b.target,
                b.link,
                &b.property,
                b.labels.by_language.first_key_value(),
            ))
        });
        Ok(network)
    }

    /// Indices of the nodes whose label, other name or IRI is `name`: a label in either script
    /// (folded, so 發展局 finds 发展局), a full IRI (with or without `<>`), or a prefixed name
    /// (`id:person\/王勇`, also written `id:person/王勇`).
    #[must_use]
    pub fn find(&self, name: &str) -> Vec<usize> {
        let name = name.trim();
        let as_iri = resolve_iri(name);
        let folded = fold(name);
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| {
                as_iri.as_deref() == Some(n.iri.as_str())
                    || n.labels.by_language.values().flatten().chain(&n.other_names).any(|l| fold(l) == folded)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The part of the network within `depth` links of the `centres` (links followed either way),
    /// with the edges among those nodes.
    #[must_use]
    pub fn neighbourhood(&self, centres: &[usize], depth: usize) -> Self {
        let mut adjacent: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for e in &self.edges {
            adjacent[e.source].push(e.target);
            adjacent[e.target].push(e.source);
        }
        let mut distance: Vec<Option<usize>> = vec![None; self.nodes.len()];
        let mut queue: VecDeque<usize> = VecDeque::new();
        for &c in centres.iter().filter(|&&c| c < self.nodes.len()) {
            distance[c] = Some(0);
            queue.push_back(c);
        }
        while let Some(n) = queue.pop_front() {
            let d = distance[n].unwrap_or(0);
            if d == depth {
                continue;
            }
            for &m in &adjacent[n] {
                if distance[m].is_none() {
                    distance[m] = Some(d + 1);
                    queue.push_back(m);
                }
            }
        }
        self.keep(|i| distance[i].is_some())
    }

    /// The network without nodes that have no edge.
    #[must_use]
    pub fn without_isolated(&self) -> Self {
        let mut linked = vec![false; self.nodes.len()];
        for e in &self.edges {
            linked[e.source] = true;
            linked[e.target] = true;
        }
        self.keep(|i| linked[i])
    }

    /// The nodes for which `keep` holds and the edges between them.
    fn keep(&self, keep: impl Fn(usize) -> bool) -> Self {
        let mut new_index = vec![None; self.nodes.len()];
        let mut nodes = Vec::new();
        for (i, n) in self.nodes.iter().enumerate() {
            if keep(i) {
                new_index[i] = Some(nodes.len());
                nodes.push(n.clone());
            }
        }
        let edges = self
            .edges
            .iter()
            .filter_map(|e| Some(Edge { source: new_index[e.source]?, target: new_index[e.target]?, ..e.clone() }))
            .collect();
        Self { nodes, edges, majority_script: self.majority_script }
    }

    /// Nodes that no edge touches.
    #[must_use]
    pub fn isolated(&self) -> usize {
        self.nodes.len() - self.without_isolated().nodes.len()
    }
}

/// The IRI a user wrote: `<…>`, a full IRI, or a prefixed name (its escapes removed).
fn resolve_iri(name: &str) -> Option<String> {
    let name = name.trim_start_matches('<').trim_end_matches('>');
    if name.contains("://") {
        return Some(name.to_owned());
    }
    let (prefix, local) = name.split_once(':')?;
    let namespace = crate::vocab::sparql_prefixes().find(|(p, _)| *p == prefix)?.1;
    let mut unescaped = String::with_capacity(local.len());
    let mut chars = local.chars();
    while let Some(c) = chars.next() {
        unescaped.push(if c == '\\' { chars.next().unwrap_or('\\') } else { c });
    }
    Some(format!("{namespace}{unescaped}"))
}

fn iri(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var) {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// The script most articles in scope are written in.
fn majority_script(store: &GraphStore, scope: &Scope) -> Result<Option<Script>, StoreError> {
    let filter = scope.doc_filter();
    let rows = store.select(&format!(
        "SELECT ?l (COUNT(DISTINCT ?doc) AS ?n) WHERE {{ ?doc <{}> ?l {filter} }} GROUP BY ?l",
        schema::IN_LANGUAGE.as_str()
    ))?;
    let mut counts = [(0usize, Script::Traditional), (0, Script::Simplified)];
    for row in rows {
        let (Some(l), Some(n)) = (literal(row.get("l")), literal(row.get("n"))) else { continue };
        let n: usize = n.parse().unwrap_or(0);
        match l.to_ascii_lowercase().as_str() {
            "zh-hant" => counts[0].0 += n,
            "zh-hans" => counts[1].0 += n,
            _ => {}
        }
    }
    Ok(match counts {
        [(0, _), (0, _)] => None,
        [(t, _), (s, _)] if s > t => Some(Script::Simplified),
        _ => Some(Script::Traditional),
    })
}
