//! Checks on a query's text before the parser sees it.
//!
//! oxigraph's parser and evaluator recurse once per nested bracket and once per link of an
//! operator chain (`1+1+…`, `p/p/…`, `{…} UNION {…} UNION …`): 5,000 nested parentheses or
//! 30,000 chained `+` overflow the stack and abort the process, whatever catches errors around
//! it. So the text is scanned first — strings, IRIs and comments skipped, as the grammar says —
//! and a query nested deeper or chained longer than any real question needs is refused with a
//! message, before anything recursive runs. The scan is linear in the query's length.
//!
//! The same scan tells two more things the parser's own errors say badly: whether the text asks
//! for a remote `SERVICE` (tupu's evaluator never calls out), and whether it is an update (the
//! parser's "expected CONSTRUCT" says nothing useful to someone who sent `INSERT DATA`).

/// What the scan refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GuardError {
    /// Brackets nested deeper than the limit.
    #[error(
        "the query nests brackets {depth} deep (at line {line}); tupu accepts at most {limit} (real queries rarely need 20)"
    )]
    TooDeep {
        /// How deep the query went (the scan stops counting past the limit).
        depth: usize,
        /// The line where the limit was passed.
        line: usize,
        /// The limit.
        limit: usize,
    },
    /// More operators than the limit: each one is a level of recursion in the evaluator.
    #[error(
        "the query chains {count} operators (+ - * / | || && comparisons UNION MINUS OPTIONAL); tupu accepts at most {limit}"
    )]
    TooManyOperators {
        /// How many the query has.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// Longer than the limit, in bytes.
    #[error("the query is {length} bytes long; tupu accepts at most {limit}")]
    TooLong {
        /// The query's length in bytes.
        length: usize,
        /// The limit.
        limit: usize,
    },
}

/// Bounds on a query's shape, checked before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapeLimits {
    /// Deepest nesting of `(`, `[` and `{`.
    pub max_depth: usize,
    /// Most binary operators and `UNION`/`MINUS`/`OPTIONAL` keywords in one query.
    pub max_operators: usize,
    /// Longest query, in bytes.
    pub max_length: usize,
}

impl Default for ShapeLimits {
    /// 100 levels, 2,000 operators, 1 MiB: a hundredth of what overflows the 8 MiB main stack
    /// (5,000 parentheses; 8,000 path steps), far more than hand-written or generated queries use.
    fn default() -> Self {
        Self { max_depth: 100, max_operators: 2_000, max_length: 1 << 20 }
    }
}

/// What the scan found in a query that passed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    /// The deepest bracket nesting.
    pub depth: usize,
    /// Binary operators and `UNION`/`MINUS`/`OPTIONAL`.
    pub operators: usize,
    /// Whether the keyword `SERVICE` appears (outside strings, IRIs and comments).
    pub service: bool,
    /// The operation's keyword after the prologue, upper-cased, when it is one SPARQL knows:
    /// `SELECT`, `ASK`, `CONSTRUCT`, `DESCRIBE`, or an update's (`INSERT`, `DELETE`, `LOAD`…).
    pub operation: Option<&'static str>,
}

impl Shape {
    /// The update keyword the text starts with, if it is an update.
    #[must_use]
    pub fn update_keyword(&self) -> Option<&'static str> {
        self.operation.filter(|k| UPDATE_KEYWORDS.contains(k))
    }

    /// Whether the query's results are triples (CONSTRUCT, DESCRIBE).
    #[must_use]
    pub fn gives_triples(&self) -> bool {
        matches!(self.operation, Some("CONSTRUCT" | "DESCRIBE"))
    }
}

/// Keywords that start a SPARQL query.
const QUERY_KEYWORDS: &[&str] = &["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"];
/// Keywords that start a SPARQL update.
const UPDATE_KEYWORDS: &[&str] =
    &["INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"];

/// Scans `query` and refuses it when it passes `limits`.
///
/// # Errors
/// [`GuardError`] saying which limit the query passed.
pub fn check(query: &str, limits: ShapeLimits) -> Result<Shape, GuardError> {
    if query.len() > limits.max_length {
        return Err(GuardError::TooLong { length: query.len(), limit: limits.max_length });
    }
    let bytes = query.as_bytes();
    let mut shape = Shape::default();
    let mut depth = 0usize;
    let mut line = 1usize;
    // Until the operation's keyword: only `PREFIX`/`BASE`, prefixes and IRIs come before it.
    let mut expect_operation = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' | b'\'' => {
                let end = skip_string(bytes, i);
                line += bytes[i..end].iter().filter(|&&c| c == b'\n').count();
                i = end;
            }
            b'<' => match iri_end(bytes, i) {
                Some(end) => i = end,
                None => {
                    shape.operators += 1;
                    i += if bytes.get(i + 1) == Some(&b'=') { 2 } else { 1 };
                }
            },
            b'(' | b'[' | b'{' => {
                depth += 1;
                shape.depth = shape.depth.max(depth);
                if depth > limits.max_depth {
                    return Err(GuardError::TooDeep { depth, line, limit: limits.max_depth });
                }
                expect_operation = false;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'+' | b'*' | b'/' | b'|' | b'>' | b'=' | b'^' => {
                shape.operators += 1;
                // `||`, `>=`, `^^`: one operator.
                i += if matches!((b, bytes.get(i + 1)), (b'|', Some(b'|')) | (b'>', Some(b'=')) | (b'^', Some(b'^'))) {
                    2
                } else {
                    1
                };
            }
            b'-' if !bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                shape.operators += 1;
                i += 1;
            }
            b'!' | b'&' => {
                if bytes.get(i + 1) == Some(&b'=') || (b == b'&' && bytes.get(i + 1) == Some(&b'&')) {
                    shape.operators += 1;
                    i += 2;
                } else {
                    i += 1;
                }
            }
            b'?' | b'$' => {
                // A variable: its name is not a keyword.
                i += 1;
                while i < bytes.len() && is_name_byte(bytes[i]) {
                    i += 1;
                }
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let start = i;
                while i < bytes.len() && (is_name_byte(bytes[i]) || bytes[i] == b':' || bytes[i] == b'.') {
                    i += 1;
                }
                // A prefixed name's trailing dot ends the triple, it is not part of the name.
                let word = query[start..i].trim_end_matches('.');
                if word.contains(':') {
                    continue;
                }
                let upper = word.to_ascii_uppercase();
                match upper.as_str() {
                    "UNION" | "MINUS" | "OPTIONAL" => shape.operators += 1,
                    "SERVICE" => shape.service = true,
                    _ => {}
                }
                if expect_operation && upper != "PREFIX" && upper != "BASE" {
                    shape.operation = QUERY_KEYWORDS.iter().chain(UPDATE_KEYWORDS).copied().find(|k| *k == upper);
                    expect_operation = false;
                }
            }
            _ => i += 1,
        }
        if shape.operators > limits.max_operators {
            return Err(GuardError::TooManyOperators { count: shape.operators, limit: limits.max_operators });
        }
    }
    Ok(shape)
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b >= 0x80
}

/// The index just past the string literal starting at `start` (short or long form, with
/// backslash escapes); the end of the text when it is not closed (the parser reports that).
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let long = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    let mut i = start + if long { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            q if q == quote => {
                if !long {
                    return i + 1;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    return i + 3;
                }
                i += 1;
            }
            b'\n' if !long => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// When `<` at `start` opens an IRI (`<` then no `<>"{}|^`\` or space up to `>`), the index
/// just past its `>`; otherwise it is the less-than operator.
fn iri_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return Some(i + 1),
            b'<' | b'"' | b'{' | b'}' | b'|' | b'^' | b'`' | b'\\' => return None,
            c if c <= b' ' => return None,
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(q: &str) -> Shape {
        check(q, ShapeLimits::default()).unwrap_or_else(|e| panic!("{q:.80}: {e}"))
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let q = format!("SELECT ({}1{} AS ?x) {{}}", "(".repeat(5000), ")".repeat(5000));
        let err = check(&q, ShapeLimits::default()).unwrap_err();
        assert_eq!(err, GuardError::TooDeep { depth: 101, line: 1, limit: 100 });
        assert!(err.to_string().contains("at most 100"), "{err}");
        for open in ["{", "["] {
            let q = format!("SELECT * WHERE {}", open.repeat(200));
            assert!(matches!(check(&q, ShapeLimits::default()), Err(GuardError::TooDeep { .. })));
        }
    }

    #[test]
    fn long_operator_chains_are_refused() {
        for q in [
            format!("SELECT ({} AS ?x) {{}}", vec!["1"; 30_000].join("+")),
            format!("SELECT * {{ ?a {} ?b }}", vec!["rdfs:label"; 8_000].join("/")),
            format!("SELECT * {{ {} }}", vec!["{ BIND(1 AS ?x) }"; 5_000].join(" UNION ")),
            format!("ASK {{ FILTER({}) }}", vec!["true"; 5_000].join(" || ")),
        ] {
            assert!(matches!(check(&q, ShapeLimits::default()), Err(GuardError::TooManyOperators { .. })), "{q:.60}");
        }
    }

    #[test]
    fn brackets_and_operators_in_strings_iris_and_comments_do_not_count() {
        let q = "SELECT ?x WHERE { # ((((( ||||| \n ?x rdfs:label \"((((+++\" , '''{{{\n\"\"'''\
                 , 'a\\'(' . ?x <http://example.com/a/b?c=d#e> ?y FILTER(?y < 3) }";
        let s = shape(q);
        assert_eq!(s.depth, 2);
        assert_eq!(s.operators, 1, "only the < comparison");
    }

    #[test]
    fn large_values_blocks_pass() {
        let values: String = (0..20_000).map(|i| format!("<https://w3id.org/tupu/id/person/{i}> ")).collect();
        let q = format!("SELECT * WHERE {{ VALUES ?p {{ {values} }} ?p rdfs:label ?l }}");
        assert_eq!(shape(&q).depth, 2);
        let negatives: String = (0..5_000).map(|i| format!("-{i} ")).collect();
        assert_eq!(shape(&format!("SELECT ?n {{ VALUES ?n {{ {negatives} }} }}")).operators, 0);
    }

    #[test]
    fn service_and_updates_are_recognised() {
        assert!(shape("SELECT * { SERVICE <http://example.com/sparql> { ?s ?p ?o } }").service);
        assert!(shape("select * { service silent <http://x/> { ?s ?p ?o } }").service);
        assert!(!shape("SELECT * { ?s tp:SERVICE ?o . ?service ?p \"SERVICE\" }").service);
        assert_eq!(shape("INSERT DATA { <a:b> <a:c> <a:d> }").update_keyword(), Some("INSERT"));
        assert_eq!(
            shape("PREFIX ex: <http://example.com/>\nBASE <http://b/> delete where { ?s ?p ?o }").update_keyword(),
            Some("DELETE")
        );
        assert!(shape("PREFIX a: <http://a/> construct WHERE { ?s ?p ?o }").gives_triples());
        assert!(shape("DESCRIBE <http://a/>").gives_triples());
        assert!(!shape("SELECT * { ?s ?p ?o }").gives_triples());
        assert_eq!(shape("# drop\nSELECT * { ?s ?p ?o }").update_keyword(), None);
        assert_eq!(shape("CLEAR ALL").update_keyword(), Some("CLEAR"));
        assert_eq!(shape("SELECT * { ?s ?p ?o } # INSERT").update_keyword(), None);
    }

    #[test]
    fn length_is_bounded() {
        let limits = ShapeLimits { max_length: 10, ..ShapeLimits::default() };
        assert_eq!(check("SELECT * {}", limits), Err(GuardError::TooLong { length: 11, limit: 10 }));
    }
}
