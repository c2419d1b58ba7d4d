//! The distinct terms of one article's graph, each stored once and numbered in the order first
//! used, so that its triples are three numbers each.
//!
//! An article's graph repeats few terms many times (a phrase's IRI is the subject of six triples,
//! `rdf:type` the predicate of a fifth of them). Building every quad from owned terms cloned four
//! strings per quad, hashed all four to drop repeats, hashed them again to sort, and freed them
//! after writing: half of what `tupu extract` spent on an article beyond the extraction itself.
//! Here a term is looked up by reference (no allocation when it is already known), triples are
//! compared, deduplicated and sorted as numbers, and each term is freed once.

use std::hash::{BuildHasherDefault, Hash, Hasher};

use indexmap::{Equivalent, IndexSet};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Term, TermRef};
use rustc_hash::FxHasher;

/// A term as stored, hashed through [`TermRef`] so that it can be looked up by reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stored(pub(crate) Term);

impl Hash for Stored {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_term(self.0.as_ref(), state);
    }
}

/// A term looked up by reference.
struct Lookup<'a>(TermRef<'a>);

impl Hash for Lookup<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_term(self.0, state);
    }
}

impl Equivalent<Stored> for Lookup<'_> {
    fn equivalent(&self, key: &Stored) -> bool {
        key.0.as_ref() == self.0
    }
}

/// The one hash of a term, owned or borrowed: its kind and its strings.
fn hash_term<H: Hasher>(term: TermRef<'_>, state: &mut H) {
    match term {
        TermRef::NamedNode(n) => {
            state.write_u8(0);
            state.write(n.as_str().as_bytes());
        }
        TermRef::BlankNode(b) => {
            state.write_u8(1);
            state.write(b.as_str().as_bytes());
        }
        TermRef::Literal(l) => {
            state.write_u8(2);
            state.write(l.value().as_bytes());
            state.write_u8(0xff);
            state.write(l.datatype().as_str().as_bytes());
            if let Some(language) = l.language() {
                state.write(language.as_bytes());
            }
        }
        #[allow(unreachable_patterns)]
        other => state.write(other.to_string().as_bytes()),
    }
}

/// Numbered terms.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terms {
    set: IndexSet<Stored, BuildHasherDefault<FxHasher>>,
}

impl Terms {
    /// The number of a term, stored on first use.
    pub(crate) fn id<'a>(&mut self, term: impl Into<TermArg<'a>>) -> u32 {
        let index = match term.into() {
            TermArg::Id(id) => return id,
            TermArg::Owned(term) => self.set.insert_full(Stored(term)).0,
            TermArg::Node(node) => match self.set.get_index_of(&Lookup(node.into())) {
                Some(i) => i,
                None => self.set.insert_full(Stored(node.into_owned().into())).0,
            },
        };
        u32::try_from(index).unwrap_or(u32::MAX)
    }

    /// The number of a term when it is one of these.
    pub(crate) fn find(&self, term: TermRef<'_>) -> Option<u32> {
        self.set.get_index_of(&Lookup(term)).and_then(|i| u32::try_from(i).ok())
    }

    /// The term numbered `id`.
    ///
    /// # Panics
    /// When no term has that number (numbers come from [`Terms::id`] of the same table).
    pub(crate) fn get(&self, id: u32) -> &Term {
        &self.set[id as usize].0
    }

    /// How many terms there are.
    pub(crate) fn len(&self) -> usize {
        self.set.len()
    }
}

/// A term to number: one numbered already, an owned one (stored as it is when new), or a named
/// node by reference (copied only when new).
pub(crate) enum TermArg<'a> {
    Id(u32),
    Owned(Term),
    Node(NamedNodeRef<'a>),
}

impl From<u32> for TermArg<'_> {
    fn from(id: u32) -> Self {
        Self::Id(id)
    }
}

impl<'a> From<NamedNodeRef<'a>> for TermArg<'a> {
    fn from(n: NamedNodeRef<'a>) -> Self {
        Self::Node(n)
    }
}

impl<'a> From<&'a NamedNode> for TermArg<'a> {
    fn from(n: &'a NamedNode) -> Self {
        Self::Node(n.as_ref())
    }
}

impl From<Term> for TermArg<'_> {
    fn from(t: Term) -> Self {
        Self::Owned(t)
    }
}

impl From<NamedNode> for TermArg<'_> {
    fn from(n: NamedNode) -> Self {
        Self::Owned(n.into())
    }
}

impl From<Literal> for TermArg<'_> {
    fn from(l: Literal) -> Self {
        Self::Owned(l.into())
    }
}
