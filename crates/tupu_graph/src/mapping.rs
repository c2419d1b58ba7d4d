//! One article's extraction as RDF quads in the article's named graph, per `docs/CONTRACT.md`.
//!
//! The mapping is total and never panics: an id or a span that does not fit the text (a
//! hand-built or corrupted [`Extraction`]) drops the statement that needs it rather than writing
//! an offset that would break the invariant `SUBSTR(?text, ?b + 1, ?e - ?b) = ?anchor`.

use std::collections::HashSet;
use std::sync::OnceLock;

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use rustc_hash::{FxHashMap, FxHashSet};
use tupu_extract::model::{Entity, EntityKind, Extraction, FigureKind, Qualifier};
use tupu_extract::normalize::{fold, to_simplified, to_traditional};
use tupu_extract::{Article, PartialDate, Span};

use crate::government::government_of;
use crate::iri;
use crate::terms::{TermArg, Terms};
use crate::vocab::{itsrdf, nif, org, prov, rdf, rdfs, schema, skos, tp, xsd};

/// How many things of each kind one article contributed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ArticleSummary {
    /// Entities (people, organisations, places, events, initiatives).
    pub entities: usize,
    /// Posts held by people.
    pub posts: usize,
    /// Events with details.
    pub events: usize,
    /// Figures of every kind (quantities, years, dates, ordinals, durations).
    pub figures: usize,
    /// Reported statements.
    pub statements: usize,
    /// Numbered proposals.
    pub proposals: usize,
    /// Relations between entities.
    pub relations: usize,
    /// NIF phrases (distinct spans of the text).
    pub mentions: usize,
    /// Quads written.
    pub quads: usize,
}

impl std::ops::AddAssign for ArticleSummary {
    fn add_assign(&mut self, o: Self) {
        self.entities += o.entities;
        self.posts += o.posts;
        self.events += o.events;
        self.figures += o.figures;
        self.statements += o.statements;
        self.proposals += o.proposals;
        self.relations += o.relations;
        self.mentions += o.mentions;
        self.quads += o.quads;
    }
}

/// The RDF graph of one article: its quads, all in the named graph of the article's IRI.
///
/// Held as numbered terms and triples of numbers (see [`crate::terms`]): the line formats are
/// written from them directly; oxigraph's quads are made only when asked for.
#[derive(Debug, Clone)]
pub struct ArticleGraph {
    document: NamedNode,
    terms: Terms,
    /// Subject, predicate and object, as numbers of `terms`, in the order built, each once.
    triples: Vec<[u32; 3]>,
    /// The triples as quads in the article's graph, made when first asked for.
    quads: OnceLock<Vec<Quad>>,
    summary: ArticleSummary,
}

impl ArticleGraph {
    /// Maps an extraction of `article`.
    #[must_use]
    pub fn from_article(article: &Article, extraction: &Extraction) -> Self {
        Self::new(article.text().original(), extraction)
    }

    /// Maps an extraction of the article whose original text is `text` (spans in the
    /// extraction count code points of `text`).
    #[must_use]
    pub fn new(text: &str, extraction: &Extraction) -> Self {
        let mut b = Builder::new(text, extraction);
        b.article();
        b.entities();
        b.posts();
        b.events();
        b.figures();
        b.statements();
        b.proposals();
        b.relations();
        b.summary.quads = b.triples.len();
        Self { document: b.doc, terms: b.terms, triples: b.triples, quads: OnceLock::new(), summary: b.summary }
    }

    /// The article's IRI, which is also the name of its graph.
    #[must_use]
    pub fn document(&self) -> &NamedNode {
        &self.document
    }

    /// The quads, in the order they were built (made on the first call).
    #[must_use]
    pub fn quads(&self) -> &[Quad] {
        self.quads.get_or_init(|| make_quads(&self.document, &self.terms, &self.triples))
    }

    /// Takes the quads.
    #[must_use]
    pub fn into_quads(self) -> Vec<Quad> {
        match self.quads.into_inner() {
            Some(quads) => quads,
            None => make_quads(&self.document, &self.terms, &self.triples),
        }
    }

    /// The terms and the triples (numbers of the terms, each triple once), for the writers.
    pub(crate) fn triples(&self) -> (&Terms, &[[u32; 3]]) {
        (&self.terms, &self.triples)
    }

    /// What the article contributed.
    #[must_use]
    pub fn summary(&self) -> ArticleSummary {
        self.summary
    }

    /// The objects of the triples about `subject` through `predicate`, in the order built (for a
    /// sibling module, provenance).
    pub(crate) fn objects(&self, subject: &NamedNode, predicate: NamedNodeRef<'_>) -> Vec<&Term> {
        let (Some(s), Some(p)) = (self.terms.find(subject.as_ref().into()), self.terms.find(predicate.into())) else {
            return Vec::new();
        };
        self.triples.iter().filter(|t| t[0] == s && t[1] == p).map(|t| self.terms.get(t[2])).collect()
    }

    /// Adds a triple (even one already there); the summary keeps the count.
    pub(crate) fn push<'t>(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<TermArg<'t>>) {
        let triple = [self.terms.id(s), self.terms.id(p), self.terms.id(o)];
        self.triples.push(triple);
        self.changed();
    }

    /// Removes the triples about `subject` through `predicate`.
    pub(crate) fn remove(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>) {
        if let (Some(s), Some(p)) = (self.terms.find(subject.as_ref().into()), self.terms.find(predicate.into())) {
            self.triples.retain(|t| t[0] != s || t[1] != p);
        }
        self.changed();
    }

    fn changed(&mut self) {
        self.quads = OnceLock::new();
        self.summary.quads = self.triples.len();
    }
}

/// The triples as quads in the graph named `document`.
fn make_quads(document: &NamedNode, terms: &Terms, triples: &[[u32; 3]]) -> Vec<Quad> {
    let graph = GraphName::NamedNode(document.clone());
    triples
        .iter()
        .filter_map(|&[s, p, o]| {
            // The builder's subjects and predicates are named nodes.
            let subject: NamedOrBlankNode = match terms.get(s) {
                Term::NamedNode(n) => n.clone().into(),
                Term::BlankNode(b) => b.clone().into(),
                _ => return None,
            };
            let Term::NamedNode(predicate) = terms.get(p) else { return None };
            Some(Quad::new(subject, predicate.clone(), terms.get(o).clone(), graph.clone()))
        })
        .collect()
}

struct Builder<'a> {
    text: &'a str,
    /// Byte offset of every code point of `text`, plus one past the end.
    char_bytes: Vec<usize>,
    x: &'a Extraction,
    doc: NamedNode,
    context: NamedNode,
    /// Lowercase BCP 47 tag of the article's script (oxigraph stores tags in lowercase).
    tag: &'static str,
    entity_iris: Vec<NamedNode>,
    /// Keys of the governments described so far (see [`Builder::government`]).
    governments: HashSet<String>,
    phrases: FxHashSet<Span>,
    terms: Terms,
    /// The triples so far, each once (a span can name the same thing twice: an entity's mention
    /// that is also a statement's speaker), so counts are counts of distinct facts.
    triples: Vec<[u32; 3]>,
    seen: FxHashSet<[u32; 3]>,
    /// Numbers of vocabulary terms by their address and length (see [`Builder::vocabulary`]).
    vocabulary: FxHashMap<(usize, usize), u32>,
    /// The number of the context's IRI, once used.
    context_id: Option<u32>,
    summary: ArticleSummary,
}

/// A triple's predicate: a term of the vocabulary (numbered through [`Builder::vocabulary`]) or
/// another IRI (a relation's property).
enum Predicate<'t> {
    Vocabulary(NamedNodeRef<'static>),
    Other(&'t NamedNode),
}

impl From<NamedNodeRef<'static>> for Predicate<'_> {
    fn from(p: NamedNodeRef<'static>) -> Self {
        Self::Vocabulary(p)
    }
}

impl<'t> From<&'t NamedNode> for Predicate<'t> {
    fn from(p: &'t NamedNode) -> Self {
        Self::Other(p)
    }
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, x: &'a Extraction) -> Self {
        let doc = iri::document(text);
        let mut char_bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        char_bytes.push(text.len());
        let context = iri::span(&doc, Span::new(0, char_bytes.len() - 1));
        let tag = match x.script {
            tupu_extract::Script::Traditional => "zh-hant",
            tupu_extract::Script::Simplified => "zh-hans",
        };
        let entity_iris = x.entities.iter().map(|e| iri::entity(e.kind, &e.key)).collect();
        Self {
            text,
            char_bytes,
            x,
            doc,
            context,
            tag,
            entity_iris,
            governments: HashSet::new(),
            phrases: FxHashSet::default(),
            terms: Terms::default(),
            triples: Vec::new(),
            seen: FxHashSet::default(),
            vocabulary: FxHashMap::default(),
            context_id: None,
            summary: ArticleSummary::default(),
        }
    }

    /// Adds a triple unless it is there already.
    fn add<'t>(&mut self, s: impl Into<TermArg<'t>>, p: impl Into<Predicate<'t>>, o: impl Into<TermArg<'t>>) {
        let p = match p.into() {
            Predicate::Vocabulary(p) => self.vocabulary(p),
            Predicate::Other(p) => self.terms.id(p),
        };
        let triple = [self.terms.id(s), p, self.terms.id(o)];
        if self.seen.insert(triple) {
            self.triples.push(triple);
        }
    }

    /// The number of a term of the vocabulary, looked up by its address after its first use: a
    /// predicate is in every triple, and hashing its fifty bytes each time was a fifth of the
    /// mapping's instructions. A `'static` string's address is never reused, and the same IRI
    /// at two addresses gets the same number through [`Terms::id`].
    fn vocabulary(&mut self, term: NamedNodeRef<'static>) -> u32 {
        let address = (term.as_str().as_ptr() as usize, term.as_str().len());
        if let Some(&id) = self.vocabulary.get(&address) {
            return id;
        }
        let id = self.terms.id(term);
        self.vocabulary.insert(address, id);
        id
    }

    /// The number of the context's IRI (the object of every phrase's `nif:referenceContext`).
    fn context_id(&mut self) -> u32 {
        match self.context_id {
            Some(id) => id,
            None => {
                let id = self.terms.id(&self.context);
                self.context_id = Some(id);
                id
            }
        }
    }

    fn tagged(&self, value: &str) -> Literal {
        Literal::new_language_tagged_literal_unchecked(value, self.tag)
    }

    fn entity(&self, id: usize) -> Option<NamedNode> {
        self.entity_iris.get(id).cloned()
    }

    /// The text of a span, when the span lies inside the text and is not empty.
    fn anchor(&self, span: Span) -> Option<&'a str> {
        if span.start >= span.end || span.end >= self.char_bytes.len() {
            return None;
        }
        Some(&self.text[self.char_bytes[span.start]..self.char_bytes[span.end]])
    }

    /// A NIF phrase for `span` that refers to `thing`. Several things may share one phrase.
    fn mention(&mut self, span: Span, thing: &NamedNode) {
        let Some(anchor) = self.anchor(span) else { return };
        let phrase = self.terms.id(iri::span(&self.doc, span));
        if self.phrases.insert(span) {
            let context = self.context_id();
            let class = self.vocabulary(nif::PHRASE);
            self.add(phrase, rdf::TYPE, class);
            self.add(phrase, nif::REFERENCE_CONTEXT, context);
            self.add(phrase, nif::BEGIN_INDEX, integer(span.start));
            self.add(phrase, nif::END_INDEX, integer(span.end));
            self.add(phrase, nif::ANCHOR_OF, Literal::new_simple_literal(anchor));
            self.summary.mentions += 1;
        }
        self.add(phrase, itsrdf::TA_IDENT_REF, thing);
    }

    fn article(&mut self) {
        let doc = self.doc.clone();
        self.add(&doc, rdf::TYPE, schema::NEWS_ARTICLE);
        if let Some(h) = &self.x.headline {
            let headline = self.tagged(h);
            self.add(&doc, schema::HEADLINE, headline);
        }
        if let Some(d) = self.x.published {
            self.add(&doc, schema::DATE_PUBLISHED, Literal::new_typed_literal(d.to_string(), xsd::DATE));
        }
        self.add(&doc, schema::IN_LANGUAGE, Literal::new_simple_literal(self.x.script.tag()));
        let ctx = self.context.clone();
        self.add(&ctx, rdf::TYPE, nif::CONTEXT);
        self.add(&ctx, nif::IS_STRING, Literal::new_simple_literal(self.text));
        self.add(&ctx, nif::BEGIN_INDEX, integer(0));
        self.add(&ctx, nif::END_INDEX, integer(self.char_bytes.len() - 1));
        self.add(&ctx, prov::WAS_DERIVED_FROM, doc);
    }

    fn entities(&mut self) {
        let x = self.x;
        for (id, e) in x.entities.iter().enumerate() {
            let me = self.entity_iris[id].clone();
            let doc = self.doc.clone();
            self.add(&doc, schema::MENTIONS, me.clone());
            self.add(&me, rdf::TYPE, class_of(e.kind));
            if e.kind == EntityKind::Organization {
                // W3C ORG's class too, so ORG-aware tools see what org:postIn points to.
                self.add(&me, rdf::TYPE, org::ORGANIZATION);
            }
            let label = self.tagged(&e.label);
            self.add(&me, rdfs::LABEL, label);
            for alias in e.aliases.iter().filter(|a| **a != e.label) {
                let alias = self.tagged(alias);
                self.add(&me, skos::ALT_LABEL, alias);
            }
            for name in e.other_names.iter().filter(|n| **n != e.label && !e.aliases.contains(*n)) {
                let tag = script_tag_of(name, &e.label, self.tag);
                self.add(&me, skos::ALT_LABEL, Literal::new_language_tagged_literal_unchecked(name, tag));
            }
            if let Some(en) = &e.english {
                self.add(&me, rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(en, "en"));
            }
            if let Some(parent) = e.part_of.filter(|&p| p != id) {
                if let (Some(parent_iri), Some(parent_entity)) = (self.entity(parent), x.entities.get(parent)) {
                    self.add(&me, part_of_property(e, parent_entity), parent_iri);
                }
            }
            for &m in &e.mentions {
                self.mention(m, &me);
            }
            self.summary.entities += 1;
        }
    }

    fn posts(&mut self) {
        let x = self.x;
        for p in &x.posts {
            let Some(holder) = self.entity(p.holder) else { continue };
            let org = p.org.and_then(|o| Some((o, x.entities.get(o)?)));
            // A place named as the organisation (上海市長) stands for its government: the post is
            // in the government and has the place as its jurisdiction (see `government`).
            let (org_iri, org_key, jurisdiction) = match org {
                Some((id, place)) if place.kind == EntityKind::Place => {
                    let government = self.government(id, place, p.span);
                    (Some(government.0), Some((EntityKind::Organization, government.1)), self.entity(id))
                }
                Some((id, e)) if e.kind == EntityKind::Organization => {
                    (self.entity(id), Some((e.kind, e.key.clone())), None)
                }
                // A person, event or initiative is no organisation to hold a post in.
                Some(_) | None => (None, None, None),
            };
            let title_key = fold(&p.title);
            let post = iri::post(&title_key, org_key.as_ref().map(|(k, key)| (*k, key.as_str())), &holder);
            self.add(&holder, org::HOLDS, post.clone());
            self.add(&post, rdf::TYPE, org::POST);
            let title = self.tagged(&p.title);
            self.add(&post, rdfs::LABEL, title);
            self.add(&post, org::HELD_BY, &holder);
            if let Some(org_iri) = org_iri {
                // Holding a post in an organisation makes its holder a member of it: written as a
                // direct triple too, so that a query (or a reader of the graph) that asks who
                // belongs to a body need not go through the post.
                self.add(&holder, org::MEMBER_OF, org_iri.clone());
                self.add(&post, org::POST_IN, org_iri);
            }
            if let Some(place) = jurisdiction {
                self.add(&post, tp::JURISDICTION, place);
            }
            self.mention(p.span, &post);
            self.summary.posts += 1;
        }
    }

    /// The government of `place` (entity `id`), named in a post whose title is at `title`: the
    /// article's own entity when it names that government, otherwise a node described here once
    /// per article. Returns its IRI and key.
    fn government(&mut self, id: usize, place: &Entity, title: Span) -> (NamedNode, String) {
        let government = government_of(&place.key, &place.label);
        let me = iri::entity(EntityKind::Organization, &government.key);
        let named_here = self.x.entities.iter().any(|e| e.kind == EntityKind::Organization && e.key == government.key);
        if named_here || !self.governments.insert(government.key.clone()) {
            return (me, government.key);
        }
        let doc = self.doc.clone();
        self.add(&doc, schema::MENTIONS, me.clone());
        self.add(&me, rdf::TYPE, schema::ORGANIZATION);
        self.add(&me, rdf::TYPE, org::ORGANIZATION);
        let name = match self.x.script {
            tupu_extract::Script::Traditional => government.name.clone(),
            tupu_extract::Script::Simplified => to_simplified(&government.name),
        };
        let label = self.tagged(&name);
        self.add(&me, rdfs::LABEL, label);
        if let Some(english) = &government.english {
            self.add(&me, rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(english, "en"));
        }
        // In 上海市長 the place's name stands for its government: it is a name of it here.
        if place.label != name {
            let alias = self.tagged(&place.label);
            self.add(&me, skos::ALT_LABEL, alias);
        }
        if let Some(place_iri) = self.entity(id) {
            self.add(&me, tp::JURISDICTION, place_iri);
        }
        // The mention of the place written right before the title (上海 in 上海市長) is where the
        // government is named.
        let before_title =
            place.mentions.iter().filter(|m| m.end <= title.start && title.start - m.end <= 1).max_by_key(|m| m.end);
        if let Some(&span) = before_title {
            self.mention(span, &me);
        }
        self.summary.entities += 1;
        (me, government.key)
    }

    fn events(&mut self) {
        let x = self.x;
        for e in &x.events {
            let Some(event) = self.entity(e.event) else { continue };
            for &place in &e.locations {
                if let Some(place) = self.entity(place) {
                    self.add(&event, schema::LOCATION, place);
                }
            }
            if let Some(start) = e.start {
                self.add(&event, schema::START_DATE, date_literal(start));
            }
            if let Some(d) = &e.duration {
                self.add(&event, schema::DURATION, Literal::new_typed_literal(d, xsd::DURATION));
            }
            if let Some(theme) = &e.theme {
                self.add(&event, tp::THEME, Literal::new_simple_literal(theme));
            }
            for &s in &e.speakers {
                if let Some(s) = self.entity(s) {
                    self.add(&event, tp::SPEAKER, s);
                }
            }
            for &o in &e.organisers {
                if let Some(o) = self.entity(o) {
                    self.add(&event, schema::ORGANIZER, o);
                }
            }
            self.summary.events += 1;
        }
    }

    fn figures(&mut self) {
        let x = self.x;
        for (n, f) in x.figures.iter().enumerate() {
            let me = iri::part(&self.doc, "figure", n + 1);
            self.add(&me, rdf::TYPE, tp::FIGURE);
            self.add(&me, rdf::TYPE, figure_class(f.kind));
            self.add(&me, schema::VALUE, decimal(f.value));
            if let Some(v) = f.min {
                self.add(&me, schema::MIN_VALUE, decimal(v));
            }
            if let Some(v) = f.max {
                self.add(&me, schema::MAX_VALUE, decimal(v));
            }
            if let Some(c) = &f.currency {
                self.add(&me, schema::CURRENCY, Literal::new_simple_literal(c));
            }
            if let Some(u) = &f.unit {
                self.add(&me, schema::UNIT_TEXT, Literal::new_simple_literal(u));
            }
            if let Some(c) = &f.counts {
                self.add(&me, tp::COUNTS, Literal::new_simple_literal(c));
            }
            if let Some(q) = f.qualifier {
                self.add(&me, tp::QUALIFIER, qualifier(q));
            }
            if let Some(about) = f.about.and_then(|a| self.entity(a)) {
                self.add(&me, tp::ABOUT, about);
            }
            if let Some(d) = f.date {
                self.add(&me, tp::DATE, date_literal(d));
            }
            self.mention(f.span, &me);
            self.summary.figures += 1;
        }
    }

    fn statements(&mut self) {
        let x = self.x;
        for (n, s) in x.statements.iter().enumerate() {
            let me = iri::part(&self.doc, "statement", n + 1);
            self.add(&me, rdf::TYPE, tp::STATEMENT);
            let speaker = s.speaker.and_then(|id| self.entity(id));
            if let Some(speaker) = &speaker {
                self.add(&me, tp::SPEAKER, speaker.clone());
                if let Some(at) = s.speaker_span {
                    // The name, pronoun or surname + title that stands for the speaker here.
                    self.mention(at, speaker);
                }
            }
            self.add(&me, tp::VERB, Literal::new_simple_literal(&s.verb));
            self.add(&me, schema::TEXT, Literal::new_simple_literal(&s.text));
            if let Some(q) = &s.quote {
                self.add(&me, tp::QUOTE, Literal::new_simple_literal(q));
            }
            self.mention(s.span, &me);
            self.summary.statements += 1;
        }
    }

    fn proposals(&mut self) {
        let x = self.x;
        for (n, p) in x.proposals.iter().enumerate() {
            let me = iri::part(&self.doc, "proposal", n + 1);
            self.add(&me, rdf::TYPE, tp::PROPOSAL);
            self.add(&me, rdf::TYPE, tp::STATEMENT);
            if let Some(speaker) = p.speaker.and_then(|id| self.entity(id)) {
                self.add(&me, tp::SPEAKER, speaker);
            }
            if let Some(v) = &p.verb {
                self.add(&me, tp::VERB, Literal::new_simple_literal(v));
            }
            self.add(&me, schema::TEXT, Literal::new_simple_literal(&p.text));
            self.add(&me, tp::ITEM_COUNT, integer(p.count));
            for i in &p.items {
                let item = iri::item(&me, i.position);
                self.add(&me, tp::ITEM, item.clone());
                self.add(&item, rdf::TYPE, tp::PROPOSAL_ITEM);
                self.add(&item, tp::POSITION, integer(i.position));
                self.add(&item, schema::TEXT, Literal::new_simple_literal(&i.text));
                self.mention(i.span, &item);
            }
            self.mention(p.span, &me);
            self.summary.proposals += 1;
        }
    }

    fn relations(&mut self) {
        let x = self.x;
        for (n, r) in x.relations.iter().enumerate() {
            let (Some(s), Some(o)) = (self.entity(r.subject), self.entity(r.object)) else { continue };
            let property = relation_property(&r.property);
            self.add(&s, &property, &o);
            let me = iri::part(&self.doc, "relation", n + 1);
            self.add(&me, rdf::TYPE, tp::RELATION);
            self.add(&me, tp::SUBJECT, s);
            self.add(&me, tp::OBJECT, o);
            self.add(&me, tp::PREDICATE_TEXT, Literal::new_simple_literal(&r.predicate_text));
            self.add(&me, tp::PROPERTY, property);
            self.mention(r.span, &me);
            self.summary.relations += 1;
        }
    }
}

/// The class of an entity kind.
#[must_use]
pub fn class_of(kind: EntityKind) -> NamedNodeRef<'static> {
    match kind {
        EntityKind::Person => schema::PERSON,
        EntityKind::Organization => schema::ORGANIZATION,
        EntityKind::Place => schema::PLACE,
        EntityKind::Event => schema::EVENT,
        EntityKind::Initiative => tp::INITIATIVE,
    }
}

/// The specific class of a figure. Only money, counts, measures and shares are schema.org
/// quantities: a year or a rank is a number in the text but not an amount of anything, and
/// typing it `schema:QuantitativeValue` would make queries over amounts (and the scorer) count it.
#[must_use]
pub fn figure_class(kind: FigureKind) -> NamedNodeRef<'static> {
    match kind {
        FigureKind::Money => schema::MONETARY_AMOUNT,
        FigureKind::Count | FigureKind::Measure | FigureKind::Percent => schema::QUANTITATIVE_VALUE,
        FigureKind::Year => tp::YEAR_FIGURE,
        FigureKind::Date => tp::DATE_FIGURE,
        FigureKind::Ordinal => tp::ORDINAL_FIGURE,
        FigureKind::Duration => tp::DURATION_FIGURE,
    }
}

/// The `tp:` individual of a qualifier.
#[must_use]
pub fn qualifier(q: Qualifier) -> NamedNodeRef<'static> {
    match q {
        Qualifier::MoreThan => tp::MORE_THAN,
        Qualifier::Approximately => tp::APPROXIMATELY,
        Qualifier::AtLeast => tp::AT_LEAST,
        Qualifier::AtMost => tp::AT_MOST,
        Qualifier::LessThan => tp::LESS_THAN,
    }
}

/// `tp:{name}` for a relation's property name; a name that is not a plain identifier (the
/// extractor's vocabulary is open) becomes `tp:relatedTo` rather than an invalid or odd IRI.
#[must_use]
pub fn relation_property(name: &str) -> NamedNode {
    let plain =
        name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) && name.chars().all(|c| c.is_ascii_alphanumeric());
    if plain { NamedNode::new_unchecked(format!("{}{name}", tp::NAMESPACE)) } else { tp::RELATED_TO.into_owned() }
}

/// The property linking an entity to what it is part of: ORG for organisations, schema.org for
/// places, `tp:partOf` otherwise (an organisation inside a place, a zone inside a plan).
fn part_of_property(child: &Entity, parent: &Entity) -> NamedNodeRef<'static> {
    match (child.kind, parent.kind) {
        (EntityKind::Organization, EntityKind::Organization) => org::SUB_ORGANIZATION_OF,
        (EntityKind::Place, EntityKind::Place) => schema::CONTAINED_IN_PLACE,
        _ => tp::PART_OF,
    }
}

/// The language tag of a name given in `other_names`: Traditional when it has characters that
/// fold to others (character-level, cheap), Simplified when it is the folded form of the label
/// or when phrase-level conversion to Traditional changes it, else the article's own tag.
fn script_tag_of(name: &str, label: &str, article_tag: &'static str) -> &'static str {
    let folded = fold(name);
    if folded != name {
        "zh-hant"
    } else if (fold(label) == name && label != name) || to_traditional(name) != name {
        "zh-hans"
    } else if to_simplified(name) != name {
        "zh-hant"
    } else {
        article_tag
    }
}

/// An `xsd:integer`: counts, positions and the NIF offsets (which NIF ranges over
/// `xsd:nonNegativeInteger`, a subset of its values; oxigraph stores every integer type as
/// `xsd:integer`, so writing that keeps `extract`'s graph and the store's the same).
fn integer(n: usize) -> Literal {
    let mut value = String::with_capacity(8);
    iri::push_decimal(&mut value, n);
    Literal::new_typed_literal(value, xsd::INTEGER)
}

fn decimal(d: tupu_extract::Decimal) -> Literal {
    Literal::new_typed_literal(d.to_string(), xsd::DECIMAL)
}

/// A date typed as far as it is known: `xsd:date`, `xsd:gYearMonth`, `xsd:gMonthDay`, `xsd:gDay`
/// or `xsd:gYear`.
fn date_literal(d: PartialDate) -> Literal {
    let datatype = NamedNode::new_unchecked(format!("http://www.w3.org/2001/XMLSchema#{}", d.xsd_type()));
    Literal::new_typed_literal(d.lexical(), datatype)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TEXT, extraction};
    use oxigraph::model::{NamedOrBlankNode as Subject, TermRef};
    use tupu_extract::Script;

    fn has(quads: &[Quad], s: &str, p: NamedNodeRef<'_>, o: impl Into<Term>) -> bool {
        let o = o.into();
        quads.iter().any(|q| {
            matches!(&q.subject, Subject::NamedNode(n) if n.as_str() == s) && q.predicate == p && q.object == o
        })
    }

    fn objects<'q>(quads: &'q [Quad], s: &str, p: NamedNodeRef<'_>) -> Vec<&'q Term> {
        quads
            .iter()
            .filter(|q| matches!(&q.subject, Subject::NamedNode(n) if n.as_str() == s) && q.predicate == p)
            .map(|q| &q.object)
            .collect()
    }

    #[test]
    fn every_quad_is_in_the_article_graph_and_none_uses_blank_nodes() {
        let g = ArticleGraph::new(TEXT, &extraction());
        assert_eq!(g.document(), &iri::document(TEXT));
        for q in g.quads() {
            assert_eq!(q.graph_name, GraphName::NamedNode(g.document().clone()));
            assert!(matches!(q.subject, Subject::NamedNode(_)), "{q}");
            assert!(!matches!(q.object, Term::BlankNode(_)), "{q}");
        }
        assert_eq!(g.summary().quads, g.quads().len());
        let distinct: HashSet<&Quad> = g.quads().iter().collect();
        assert_eq!(distinct.len(), g.quads().len(), "no quad twice");
    }

    #[test]
    fn article_and_context_follow_the_contract() {
        let g = ArticleGraph::new(TEXT, &extraction());
        let (q, doc) = (g.quads(), g.document().as_str());
        assert!(has(q, doc, rdf::TYPE, schema::NEWS_ARTICLE));
        assert!(has(q, doc, schema::IN_LANGUAGE, Literal::new_simple_literal("zh-Hant")));
        assert!(has(q, doc, schema::DATE_PUBLISHED, Literal::new_typed_literal("2025-04-15", xsd::DATE)));
        let ctx = format!("{doc}#char=0,48");
        assert!(has(q, &ctx, rdf::TYPE, nif::CONTEXT));
        assert!(has(q, &ctx, nif::IS_STRING, Literal::new_simple_literal(TEXT)));
        assert!(has(q, &ctx, prov::WAS_DERIVED_FROM, g.document().clone()));
    }

    #[test]
    fn every_phrase_anchors_exactly_its_code_points() {
        let g = ArticleGraph::new(TEXT, &extraction());
        let chars: Vec<char> = TEXT.chars().collect();
        let phrases: Vec<String> = g
            .quads()
            .iter()
            .filter(|q| q.predicate == rdf::TYPE && q.object == Term::from(nif::PHRASE))
            .map(|q| q.subject.to_string().trim_matches(['<', '>']).to_owned())
            .collect();
        assert_eq!(phrases.len(), g.summary().mentions);
        assert!(phrases.len() >= 10);
        for p in &phrases {
            let num = |prop| match objects(g.quads(), p, prop).as_slice() {
                [Term::Literal(l)] => {
                    assert_eq!(l.datatype(), xsd::INTEGER);
                    l.value().parse::<usize>().unwrap()
                }
                other => panic!("{p}: {other:?}"),
            };
            let (b, e) = (num(nif::BEGIN_INDEX), num(nif::END_INDEX));
            let anchor: String = chars[b..e].iter().collect();
            assert_eq!(objects(g.quads(), p, nif::ANCHOR_OF), [&Term::from(Literal::new_simple_literal(anchor))]);
            assert!(p.ends_with(&format!("#char={b},{e}")));
            assert!(!objects(g.quads(), p, itsrdf::TA_IDENT_REF).is_empty());
        }
        // The mention at [40,50) lies past the end of the text: dropped, not clamped.
        assert!(!phrases.iter().any(|p| p.ends_with("#char=40,50")));
    }

    #[test]
    fn entities_have_their_class_labels_and_other_names() {
        let g = ArticleGraph::new(TEXT, &extraction());
        let q = g.quads();
        let bureau = iri::entity(EntityKind::Organization, "发展局");
        let b = bureau.as_str();
        assert_eq!(objects(q, b, rdf::TYPE), [&Term::from(schema::ORGANIZATION), &Term::from(org::ORGANIZATION)]);
        let person = iri::entity(EntityKind::Person, "陈大文");
        assert_eq!(objects(q, person.as_str(), rdf::TYPE), [&Term::from(schema::PERSON)], "one type for the others");
        assert!(has(q, b, rdfs::LABEL, Literal::new_language_tagged_literal_unchecked("發展局", "zh-hant")));
        assert!(has(q, b, rdfs::LABEL, Literal::new_language_tagged_literal_unchecked("Development Bureau", "en")));
        assert!(has(q, b, skos::ALT_LABEL, Literal::new_language_tagged_literal_unchecked("發局", "zh-hant")));
        assert!(has(q, b, skos::ALT_LABEL, Literal::new_language_tagged_literal_unchecked("发展局", "zh-hans")));
        let government = iri::entity(EntityKind::Organization, "政府");
        assert!(has(q, b, org::SUB_ORGANIZATION_OF, government));
        assert!(has(q, g.document().as_str(), schema::MENTIONS, bureau.clone()));
        // The same entity in a Simplified article is the same node.
        let mut simplified = extraction();
        simplified.script = Script::Simplified;
        simplified.entities[1].label = "发展局".to_owned();
        let g2 = ArticleGraph::new("发展局局长陈大文表示。", &simplified);
        assert!(has(g2.quads(), b, rdfs::LABEL, Literal::new_language_tagged_literal_unchecked("发展局", "zh-hans")));
    }

    #[test]
    fn posts_are_w3c_org_posts_and_bad_holders_are_dropped() {
        let g = ArticleGraph::new(TEXT, &extraction());
        let q = g.quads();
        let person = iri::entity(EntityKind::Person, "陈大文");
        let post = iri::post("局长", Some((EntityKind::Organization, "发展局")), &person);
        assert!(has(q, person.as_str(), org::HOLDS, post.clone()));
        assert!(has(q, post.as_str(), rdf::TYPE, org::POST));
        assert!(has(q, post.as_str(), rdfs::LABEL, Literal::new_language_tagged_literal_unchecked("局長", "zh-hant")));
        assert!(has(q, post.as_str(), org::POST_IN, iri::entity(EntityKind::Organization, "发展局")));
        assert!(has(q, post.as_str(), org::HELD_BY, person.clone()));
        // The holder of a post in a body is a member of it, stated directly.
        assert!(has(q, person.as_str(), org::MEMBER_OF, iri::entity(EntityKind::Organization, "发展局")));
        assert_eq!(g.summary().posts, 1, "the post of entity 99 is dropped");
    }

    #[test]
    fn a_place_named_as_a_posts_organisation_stands_for_its_government() {
        // 上海市長 in a Simplified article: the post is in Shanghai's government, over Shanghai.
        let text = "上海市长陈大文表示，上海市长会见发展局局长。";
        let mut x = extraction();
        x.script = Script::Simplified;
        let mut shanghai = x.entities[2].clone();
        (shanghai.label, shanghai.key, shanghai.mentions) = ("上海".into(), "上海".into(), vec![Span::new(0, 2)]);
        x.entities.push(shanghai);
        let place = x.entities.len() - 1;
        x.posts = vec![
            tupu_extract::model::Post { holder: 0, title: "市长".into(), org: Some(place), span: Span::new(2, 4) },
            tupu_extract::model::Post { holder: 0, title: "局長".into(), org: Some(1), span: Span::new(3, 5) },
        ];
        let g = ArticleGraph::new(text, &x);
        let q = g.quads();
        let government = iri::entity(EntityKind::Organization, "上海市人民政府");
        let shanghai = iri::entity(EntityKind::Place, "上海");
        let post = iri::post(
            "市长",
            Some((EntityKind::Organization, "上海市人民政府")),
            &iri::entity(EntityKind::Person, "陈大文"),
        );
        assert_eq!(objects(q, post.as_str(), org::POST_IN), [&Term::from(government.clone())], "never the place");
        assert!(has(q, post.as_str(), tp::JURISDICTION, shanghai.clone()));
        let g_iri = government.as_str();
        assert_eq!(objects(q, g_iri, rdf::TYPE), [&Term::from(schema::ORGANIZATION), &Term::from(org::ORGANIZATION)]);
        assert!(has(
            q,
            g_iri,
            rdfs::LABEL,
            Literal::new_language_tagged_literal_unchecked("上海市人民政府", "zh-hans")
        ));
        assert!(has(q, g_iri, skos::ALT_LABEL, Literal::new_language_tagged_literal_unchecked("上海", "zh-hans")));
        assert!(has(q, g_iri, tp::JURISDICTION, shanghai.clone()));
        // The mayor is a member of the government, never of the place.
        let mayor = iri::entity(EntityKind::Person, "陈大文");
        assert!(has(q, mayor.as_str(), org::MEMBER_OF, government.clone()));
        assert!(!has(q, mayor.as_str(), org::MEMBER_OF, shanghai));
        assert!(has(q, iri::span(g.document(), Span::new(0, 2)).as_str(), itsrdf::TA_IDENT_REF, government));
        // Every org:postIn points to an organisation.
        for target in q.iter().filter(|q| q.predicate == org::POST_IN).map(|q| q.object.clone()) {
            let Term::NamedNode(n) = target else { panic!() };
            assert!(has(q, n.as_str(), rdf::TYPE, org::ORGANIZATION), "{n}");
        }
    }

    #[test]
    fn events_get_typed_dates_durations_and_people() {
        let g = ArticleGraph::new(TEXT, &extraction());
        let q = g.quads();
        let e = iri::entity(EntityKind::Event, "发展峰会");
        let gday = NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#gDay");
        assert!(has(q, e.as_str(), schema::START_DATE, Literal::new_typed_literal("---14", gday)));
        assert!(has(q, e.as_str(), schema::DURATION, Literal::new_typed_literal("P2D", xsd::DURATION)));
        assert!(has(q, e.as_str(), schema::LOCATION, iri::entity(EntityKind::Place, "北都")));
        assert!(has(q, e.as_str(), tp::SPEAKER, iri::entity(EntityKind::Person, "陈大文")));
        assert!(has(q, e.as_str(), schema::ORGANIZER, iri::entity(EntityKind::Organization, "政府")));
        assert!(has(q, e.as_str(), tp::THEME, Literal::new_simple_literal("數智融合")));
    }

    #[test]
    fn figures_are_typed_by_kind_and_only_quantities_are_schema_quantities() {
        let g = ArticleGraph::new(TEXT, &extraction());
        let q = g.quads();
        let money = iri::part(g.document(), "figure", 1);
        let m = money.as_str();
        assert!(has(q, m, rdf::TYPE, schema::MONETARY_AMOUNT));
        assert!(has(q, m, rdf::TYPE, tp::FIGURE));
        assert!(has(q, m, schema::VALUE, Literal::new_typed_literal("1000000000", xsd::DECIMAL)));
        assert!(has(q, m, schema::CURRENCY, Literal::new_simple_literal("HKD")));
        assert!(has(q, m, tp::QUALIFIER, tp::MORE_THAN));
        assert!(has(q, m, tp::ABOUT, iri::entity(EntityKind::Place, "北都")));
        let year = iri::part(g.document(), "figure", 2);
        let types = objects(q, year.as_str(), rdf::TYPE);
        assert!(types.contains(&&Term::from(tp::YEAR_FIGURE)));
        assert!(!types.contains(&&Term::from(schema::QUANTITATIVE_VALUE)));
        assert!(!types.contains(&&Term::from(schema::MONETARY_AMOUNT)));
        let gyear = NamedNode::new_unchecked("http://www.w3.org/2001/XMLSchema#gYear");
        assert!(has(q, year.as_str(), tp::DATE, Literal::new_typed_literal("2025", gyear)));
    }

    #[test]
    fn statements_proposals_and_relations_keep_their_sentences() {
        let g = ArticleGraph::new(TEXT, &extraction());
        let q = g.quads();
        let doc = g.document();
        let s = iri::part(doc, "statement", 1);
        assert!(has(q, s.as_str(), tp::VERB, Literal::new_simple_literal("表示")));
        assert!(has(q, s.as_str(), tp::SPEAKER, iri::entity(EntityKind::Person, "陈大文")));
        let sentence = iri::span(doc, Span::new(0, 25));
        assert!(has(q, sentence.as_str(), itsrdf::TA_IDENT_REF, s));
        let p = iri::part(doc, "proposal", 1);
        assert!(has(q, p.as_str(), rdf::TYPE, tp::PROPOSAL));
        assert!(has(q, p.as_str(), rdf::TYPE, tp::STATEMENT));
        assert!(has(q, p.as_str(), tp::ITEM_COUNT, Literal::new_typed_literal("2", xsd::INTEGER)));
        let item = iri::item(&p, 2);
        assert!(has(q, p.as_str(), tp::ITEM, item.clone()));
        assert!(has(q, item.as_str(), tp::POSITION, Literal::new_typed_literal("2", xsd::INTEGER)));
        assert!(has(q, item.as_str(), schema::TEXT, Literal::new_simple_literal("吸引人才")));
        let (gov, place) = (iri::entity(EntityKind::Organization, "政府"), iri::entity(EntityKind::Place, "北都"));
        let funds = NamedNode::new_unchecked("https://w3id.org/tupu/ns#funds");
        assert!(has(q, gov.as_str(), funds.as_ref(), place.clone()));
        let r = iri::part(doc, "relation", 1);
        assert!(has(q, r.as_str(), tp::SUBJECT, gov));
        assert!(has(q, r.as_str(), tp::PROPERTY, funds));
        assert!(has(q, r.as_str(), tp::PREDICATE_TEXT, Literal::new_simple_literal("撥款")));
        // A property that is not an identifier falls back to tp:relatedTo.
        let person = iri::entity(EntityKind::Person, "陈大文");
        assert!(has(q, person.as_str(), tp::RELATED_TO, place));
        assert!(q.iter().all(|q| !q.predicate.as_str().contains(' ')));
        let _ = TermRef::from(tp::RELATED_TO);
    }

    #[test]
    fn an_empty_extraction_still_describes_the_article() {
        let mut x = extraction();
        x.entities.clear();
        x.posts.clear();
        x.events.clear();
        x.figures.clear();
        x.statements.clear();
        x.proposals.clear();
        x.relations.clear();
        x.headline = None;
        let g = ArticleGraph::new("短文。", &x);
        assert_eq!(g.summary().entities, 0);
        assert!(has(g.quads(), g.document().as_str(), rdf::TYPE, schema::NEWS_ARTICLE));
    }

    #[test]
    fn other_names_are_tagged_with_their_script() {
        assert_eq!(script_tag_of("发展局", "發展局", "zh-hant"), "zh-hans");
        assert_eq!(script_tag_of("發展局", "发展局", "zh-hans"), "zh-hant");
        assert_eq!(script_tag_of("国家发展和改革委员会", "國家發改委", "zh-hant"), "zh-hans");
        assert_eq!(script_tag_of("王勇", "王勇", "zh-hans"), "zh-hans");
    }

    #[test]
    fn relation_properties_must_be_plain_names() {
        assert_eq!(relation_property("proposed").as_str(), "https://w3id.org/tupu/ns#proposed");
        assert_eq!(relation_property("signedWith").as_str(), "https://w3id.org/tupu/ns#signedWith");
        assert_eq!(relation_property("Proposed"), tp::RELATED_TO.into_owned());
        assert_eq!(relation_property(""), tp::RELATED_TO.into_owned());
        assert_eq!(relation_property("提出"), tp::RELATED_TO.into_owned());
    }
}
