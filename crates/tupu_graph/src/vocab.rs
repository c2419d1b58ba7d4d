//! The RDF terms tupu writes, as `const` IRIs (like `oxrdf::vocab`).
//!
//! `tp:` is tupu's own namespace (declared in `ontology/tupu.ttl`); the others are the W3C and
//! schema.org vocabularies that `docs/CONTRACT.md` fixes. Every module has an `ALL` slice so tests can
//! check that the ontology declares every term the code can emit.

pub use oxigraph::model::vocab::{rdf, rdfs, xsd};

/// Declares one `const` per term and an `ALL` slice listing them.
macro_rules! terms {
    ($ns:literal; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        /// The namespace IRI.
        pub const NAMESPACE: &str = $ns;
        $(
            $(#[$doc])*
            pub const $name: oxigraph::model::NamedNodeRef<'static> =
                oxigraph::model::NamedNodeRef::new_unchecked(concat!($ns, $local));
        )*
        /// Every term of this module.
        pub const ALL: &[oxigraph::model::NamedNodeRef<'static>] = &[$($name),*];
    };
}

/// tupu's own terms: `https://w3id.org/tupu/ns#`.
pub mod tp {
    terms! { "https://w3id.org/tupu/ns#";
        /// A named policy, plan, programme, fund, concept or campaign.
        INITIATIVE = "Initiative";
        /// Any number the text states (every figure has this type besides its specific one).
        FIGURE = "Figure";
        /// A calendar year written in the text (2022年): not a quantity.
        YEAR_FIGURE = "YearFigure";
        /// A date or day written in the text (14日): not a quantity.
        DATE_FIGURE = "DateFigure";
        /// A rank or ordinal (第四批, 排第二): not a quantity.
        ORDINAL_FIGURE = "OrdinalFigure";
        /// A length of time (為期三天, 連續五年): not a quantity.
        DURATION_FIGURE = "DurationFigure";
        /// Reported speech: someone said something.
        STATEMENT = "Statement";
        /// A statement that lists numbered points.
        PROPOSAL = "Proposal";
        /// One numbered point of a proposal.
        PROPOSAL_ITEM = "ProposalItem";
        /// A relation between two entities, reified with the sentence it came from.
        RELATION = "Relation";
        /// The class of the qualifier individuals.
        QUALIFIER_CLASS = "Qualifier";
        /// 超過, 逾, 多: strictly more than the value.
        MORE_THAN = "MoreThan";
        /// 約, 近, 左右: about the value.
        APPROXIMATELY = "Approximately";
        /// 至少, 不少於, 以上: the value or more.
        AT_LEAST = "AtLeast";
        /// 最多, 不超過, 以下: the value or less.
        AT_MOST = "AtMost";
        /// 不足, 少於: strictly less than the value.
        LESS_THAN = "LessThan";
        /// Part of a larger whole, when neither ORG nor schema.org has a better property.
        PART_OF = "partOf";
        /// The theme of an event (以「…」為主題).
        THEME = "theme";
        /// Who spoke at an event, or who made a statement.
        SPEAKER = "speaker";
        /// What a figure counts (重點企業).
        COUNTS = "counts";
        /// How a figure relates to its value (tp:MoreThan …).
        QUALIFIER = "qualifier";
        /// The entity a figure is about.
        ABOUT = "about";
        /// The date a year or date figure stands for.
        DATE = "date";
        /// The speech verb as written (表示, 指出).
        VERB = "verb";
        /// A direct quotation inside a statement.
        QUOTE = "quote";
        /// Number of points a proposal announces.
        ITEM_COUNT = "itemCount";
        /// A point of a proposal.
        ITEM = "item";
        /// 1-based position of a proposal point.
        POSITION = "position";
        /// Subject of a reified relation.
        SUBJECT = "subject";
        /// Object of a reified relation.
        OBJECT = "object";
        /// The verb of a relation as written (提出, 簽署).
        PREDICATE_TEXT = "predicateText";
        /// The `tp:` property a reified relation stands for.
        PROPERTY = "property";
        /// A relation whose verb maps to no more specific property.
        RELATED_TO = "relatedTo";
        /// The place a post's or a government's authority covers (上海 for 上海市長).
        JURISDICTION = "jurisdiction";
    }
}

/// schema.org: `https://schema.org/`.
pub mod schema {
    terms! { "https://schema.org/";
        /// A news article.
        NEWS_ARTICLE = "NewsArticle";
        /// A person.
        PERSON = "Person";
        /// An organisation.
        ORGANIZATION = "Organization";
        /// A place.
        PLACE = "Place";
        /// An event.
        EVENT = "Event";
        /// An amount of money.
        MONETARY_AMOUNT = "MonetaryAmount";
        /// A count or a measure.
        QUANTITATIVE_VALUE = "QuantitativeValue";
        /// Headline of an article.
        HEADLINE = "headline";
        /// Publication date of an article.
        DATE_PUBLISHED = "datePublished";
        /// The id a corpus gives an article.
        IDENTIFIER = "identifier";
        /// Where an article was published.
        URL = "url";
        /// Language of an article (BCP 47).
        IN_LANGUAGE = "inLanguage";
        /// An entity an article mentions.
        MENTIONS = "mentions";
        /// A text: the sentence of a statement, the clause of a proposal point.
        TEXT = "text";
        /// The value of a figure.
        VALUE = "value";
        /// Lower bound of a range.
        MIN_VALUE = "minValue";
        /// Upper bound of a range.
        MAX_VALUE = "maxValue";
        /// ISO 4217 currency of money.
        CURRENCY = "currency";
        /// The measure word or unit.
        UNIT_TEXT = "unitText";
        /// Where an event takes place.
        LOCATION = "location";
        /// When an event starts.
        START_DATE = "startDate";
        /// How long an event lasts.
        DURATION = "duration";
        /// Who organises an event.
        ORGANIZER = "organizer";
        /// The larger place a place lies in.
        CONTAINED_IN_PLACE = "containedInPlace";
    }
}

/// The W3C Organization Ontology: `http://www.w3.org/ns/org#`.
pub mod org {
    terms! { "http://www.w3.org/ns/org#";
        /// An organisation (every `schema:Organization` is also one, as `org:postIn` expects).
        ORGANIZATION = "Organization";
        /// A position in an organisation.
        POST = "Post";
        /// A person holds a post.
        HOLDS = "holds";
        /// A post is held by a person.
        HELD_BY = "heldBy";
        /// The organisation of a post.
        POST_IN = "postIn";
        /// The larger organisation an organisation belongs to.
        SUB_ORGANIZATION_OF = "subOrganizationOf";
        /// A person belongs to an organisation (in tupu's graphs: the holder of a post in it).
        MEMBER_OF = "memberOf";
    }
}

/// NIF 2.0 core: `http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#`.
pub mod nif {
    terms! { "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
        /// The whole text of an article.
        CONTEXT = "Context";
        /// A span of the text.
        PHRASE = "Phrase";
        /// The text of a context.
        IS_STRING = "isString";
        /// First code point of a span.
        BEGIN_INDEX = "beginIndex";
        /// One past the last code point of a span.
        END_INDEX = "endIndex";
        /// The text of a span, exactly.
        ANCHOR_OF = "anchorOf";
        /// The context a span lies in.
        REFERENCE_CONTEXT = "referenceContext";
    }
}

/// ITS 2.0 RDF: `http://www.w3.org/2005/11/its/rdf#`.
pub mod itsrdf {
    terms! { "http://www.w3.org/2005/11/its/rdf#";
        /// The thing a span refers to.
        TA_IDENT_REF = "taIdentRef";
    }
}

/// SKOS: `http://www.w3.org/2004/02/skos/core#`.
pub mod skos {
    terms! { "http://www.w3.org/2004/02/skos/core#";
        /// Another name of an entity.
        ALT_LABEL = "altLabel";
    }
}

/// PROV-O: `http://www.w3.org/ns/prov#`.
pub mod prov {
    terms! { "http://www.w3.org/ns/prov#";
        /// Where a context's text came from.
        WAS_DERIVED_FROM = "wasDerivedFrom";
    }
}

/// Prefixes used in Turtle and TriG output and in SPARQL examples, in that order.
pub const PREFIXES: &[(&str, &str)] = &[
    ("tp", tp::NAMESPACE),
    ("schema", schema::NAMESPACE),
    ("org", org::NAMESPACE),
    ("nif", nif::NAMESPACE),
    ("itsrdf", itsrdf::NAMESPACE),
    ("skos", skos::NAMESPACE),
    ("prov", prov::NAMESPACE),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// Prefixes of tupu's own instance IRIs: `id:` for entities and posts, `doc:` for articles and
/// everything an article states. Declared for SPARQL and used when printing IRIs, so what a table
/// shows can be pasted back into a query.
pub const INSTANCE_PREFIXES: &[(&str, &str)] = &[("id", crate::iri::ID_BASE), ("doc", crate::iri::DOC_BASE)];

/// Every prefix a query may use without declaring it: the vocabularies' [`PREFIXES`], then the
/// [`INSTANCE_PREFIXES`].
pub fn sparql_prefixes() -> impl Iterator<Item = (&'static str, &'static str)> {
    PREFIXES.iter().chain(INSTANCE_PREFIXES).copied()
}

/// A SPARQL evaluator that knows the [`sparql_prefixes`]: built once, cloned for each query (a
/// query's own `PREFIX` lines take precedence).
pub fn evaluator() -> oxigraph::sparql::SparqlEvaluator {
    static EVALUATOR: std::sync::LazyLock<oxigraph::sparql::SparqlEvaluator> = std::sync::LazyLock::new(|| {
        sparql_prefixes().fold(oxigraph::sparql::SparqlEvaluator::new(), |evaluator, (prefix, namespace)| {
            #[expect(clippy::expect_used, reason = "constant namespaces, checked by a unit test")]
            evaluator.with_prefix(prefix, namespace).expect("tupu's namespaces are valid IRIs")
        })
    });
    EVALUATOR.clone()
}

/// The IRI as a SPARQL (and Turtle) prefixed name with one of the [`sparql_prefixes`]
/// (`tp:MoreThan`, `id:person\/王勇`), or `None` when no prefix fits or the rest cannot be a
/// local name. Characters a local name cannot hold as they are (`/ # , =` …) are escaped with a
/// backslash, as the grammar allows, so the result can be pasted into a query as it is.
#[must_use]
pub fn prefixed_name(iri: &str) -> Option<String> {
    sparql_prefixes()
        .filter_map(|(prefix, namespace)| Some((prefix, iri.strip_prefix(namespace)?)))
        .find_map(|(prefix, local)| Some(format!("{prefix}:{}", local_name(local)?)))
}

/// Escapes a local name per SPARQL 1.1's `PN_LOCAL`, or `None` when it holds a character that
/// can be neither written nor escaped there.
fn local_name(local: &str) -> Option<String> {
    let chars: Vec<char> = local.chars().collect();
    let mut out = String::with_capacity(local.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let (first, last) = (i == 0, i + 1 == chars.len());
        let hex = |j: usize| chars.get(j).is_some_and(char::is_ascii_hexdigit);
        if c == '%' && hex(i + 1) && hex(i + 2) {
            // PLX: a percent-encoded octet stands as it is.
            out.extend(&chars[i..i + 3]);
            i += 3;
            continue;
        }
        let plain = is_pn_chars_u(c)
            || c == ':'
            || c.is_ascii_digit()
            || (!first && (c == '-' || c == '\u{B7}' || matches!(c, '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')))
            || (!first && !last && c == '.');
        if plain {
            out.push(c);
        } else if "_~.-!$&'()*+,;=/?#@%".contains(c) {
            out.push('\\');
            out.push(c);
        } else {
            return None;
        }
        i += 1;
    }
    (!out.is_empty()).then_some(out)
}

/// SPARQL's `PN_CHARS_U`: letters of every script and `_`.
fn is_pn_chars_u(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == '_'
        || matches!(c,
            '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}'
            | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}'
            | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}'
            | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_valid_iris_in_their_namespace() {
        for (module, all) in [
            (tp::NAMESPACE, tp::ALL),
            (schema::NAMESPACE, schema::ALL),
            (org::NAMESPACE, org::ALL),
            (nif::NAMESPACE, nif::ALL),
        ] {
            for term in all {
                assert!(term.as_str().starts_with(module));
                assert!(oxigraph::model::NamedNode::new(term.as_str()).is_ok(), "{term}");
            }
        }
        assert_eq!(tp::MORE_THAN.as_str(), "https://w3id.org/tupu/ns#MoreThan");
    }

    #[test]
    fn prefixes_match_the_standard_vocabularies() {
        assert!(PREFIXES.contains(&("rdfs", rdfs::LABEL.as_str().trim_end_matches("label"))));
        assert!(PREFIXES.contains(&("xsd", xsd::DATE.as_str().trim_end_matches("date"))));
        assert!(evaluator().parse_query("SELECT ?f WHERE { ?f a tp:Figure ; schema:value ?v }").is_ok());
        assert!(
            evaluator().parse_query("SELECT ?p WHERE { ?p org:holds ?post . ?post org:postIn id:org\\/政府 }").is_ok()
        );
    }

    #[test]
    fn prefixed_names_parse_back_to_the_same_iri() {
        let doc = crate::iri::document("短文。");
        for (iri, expected) in [
            ("https://w3id.org/tupu/ns#MoreThan", Some("tp:MoreThan")),
            ("https://w3id.org/tupu/id/person/王勇", Some("id:person\\/王勇")),
            ("https://w3id.org/tupu/id/org/a%2Fb.", Some("id:org\\/a%2Fb\\.")),
            ("https://w3id.org/tupu/id/initiative/「一國兩制」", Some("id:initiative\\/「一國兩制」")),
            ("https://w3id.org/tupu/id/initiative/數智融合—未來", None),
            ("http://example.com/x", None),
        ] {
            assert_eq!(prefixed_name(iri).as_deref(), expected, "{iri}");
        }
        let figure = crate::iri::span(&doc, tupu_extract::Span::new(3, 12));
        for iri in [doc.as_str(), figure.as_str(), "https://w3id.org/tupu/id/post/org/发展局/局长"] {
            let name = prefixed_name(iri).unwrap();
            let query = format!("SELECT ?x WHERE {{ BIND({name} AS ?x) }}");
            let prepared = evaluator().parse_query(&query).unwrap_or_else(|e| panic!("{query}: {e}"));
            let store = oxigraph::store::Store::new().unwrap();
            let oxigraph::sparql::QueryResults::Solutions(mut rows) = prepared.on_store(&store).execute().unwrap()
            else {
                panic!()
            };
            let row = rows.next().unwrap().unwrap();
            assert_eq!(row.get("x").unwrap().to_string(), format!("<{iri}>"), "{name}");
        }
    }
}
