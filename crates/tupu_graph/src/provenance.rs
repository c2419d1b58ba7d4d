//! What a corpus says about where an article came from, in the article's graph: its id
//! (`schema:identifier`), where it was published (`schema:url`), and its title
//! (`schema:headline`, in place of the first line the mapping takes as the headline).
//!
//! The article's IRI stays the hash of its text, so the same text is one graph whatever its
//! source; the id lets `tupu remove` and a reload with a corrected text find the article.

use oxigraph::model::{IriParseError, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::mapping::ArticleGraph;
use crate::vocab::schema;

/// Where an article came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    id: Option<String>,
    url: Option<NamedNode>,
    title: Option<String>,
}

impl Provenance {
    /// An id, a url and a title, each optional.
    ///
    /// # Errors
    /// When the url is not an absolute IRI.
    pub fn new(id: Option<String>, url: Option<&str>, title: Option<String>) -> Result<Self, IriParseError> {
        Ok(Self { id, url: url.map(NamedNode::new).transpose()?, title })
    }

    /// The corpus's id for the article.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Whether it says nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.id.is_none() && self.url.is_none() && self.title.is_none()
    }
}

impl ArticleGraph {
    /// Adds what `provenance` says to the article's graph.
    #[must_use]
    pub fn with_provenance(mut self, provenance: &Provenance) -> Self {
        if provenance.is_empty() {
            return self;
        }
        let doc = self.document().clone();
        if let Some(id) = &provenance.id {
            self.push(&doc, schema::IDENTIFIER, Literal::new_simple_literal(id));
        }
        if let Some(url) = &provenance.url {
            self.push(&doc, schema::URL, url);
        }
        if let Some(title) = &provenance.title {
            // The title is in the article's language, tagged as the first-line headline is.
            let tag = self.objects(&doc, schema::HEADLINE).first().and_then(|o| match o {
                Term::Literal(l) => l.language().map(str::to_owned),
                _ => None,
            });
            self.remove(&doc, schema::HEADLINE);
            let title = match tag {
                Some(tag) => Literal::new_language_tagged_literal_unchecked(title, tag),
                None => Literal::new_simple_literal(title),
            };
            self.push(&doc, schema::HEADLINE, title);
        }
        self
    }
}

/// Whether the quad's subject is `doc`.
pub(crate) fn is_about(quad: &Quad, doc: &NamedNode) -> bool {
    matches!(&quad.subject, NamedOrBlankNode::NamedNode(s) if s == doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TEXT, extraction};

    fn objects(graph: &ArticleGraph, p: oxigraph::model::NamedNodeRef<'_>) -> Vec<String> {
        graph
            .quads()
            .iter()
            .filter(|q| is_about(q, graph.document()) && q.predicate == p)
            .map(|q| q.object.to_string())
            .collect()
    }

    #[test]
    fn id_url_and_title_join_the_article_graph() {
        let plain = ArticleGraph::new(TEXT, &extraction());
        let p =
            Provenance::new(Some("n-1".into()), Some("https://example.org/新聞/1"), Some("另一個標題".into())).unwrap();
        let graph = plain.clone().with_provenance(&p);
        assert_eq!(graph.document(), plain.document(), "the IRI is still the text's");
        assert_eq!(objects(&graph, schema::IDENTIFIER), ["\"n-1\""]);
        assert_eq!(objects(&graph, schema::URL), ["<https://example.org/新聞/1>"]);
        assert_eq!(objects(&graph, schema::HEADLINE), ["\"另一個標題\"@zh-hant"]);
        assert_eq!(graph.summary().quads, graph.quads().len());
        assert_eq!(graph.quads().len(), plain.quads().len() + 2, "the title replaces the first line");
        assert!(Provenance::new(None, Some("not a url"), None).is_err());
        assert_eq!(
            ArticleGraph::new(TEXT, &extraction()).with_provenance(&Provenance::default()).quads(),
            plain.quads()
        );
    }
}
