//! The gold test: each gold article is extracted, mapped to RDF and scored over the graph with
//! SPARQL — a port of `../shared/eval/score.py` (the rules of `GOLD.md`), so CI needs neither
//! Python nor the shared folder. Each article's overall score must stay at or above its floor,
//! and every part of the score that is still zero must be a known miss, listed with why.
//! The table is printed with `cargo test --release gold -- --nocapture`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;
use tupu_extract::Date;
use tupu_graph::GraphStore;
use tupu_graph::oxigraph::model::Term;

use crate::util::{gold_fixtures, lexical, select, store_of};

/// Overall score each article must keep (measured when the floor was set; raise it as the
/// extractor improves, never lower it without saying why in the commit).
const FLOORS: &[(&str, f64)] = &[
    ("wic-asia-pacific-summit-2025.zh-Hant.txt", 1.0),
    ("dev-01-industrial-fund.zh-Hant.txt", 1.0),
    ("dev-02-digital-economy.zh-Hans.txt", 1.0),
    ("dev-03-gba-fintech-mou.zh-Hant.txt", 1.0),
    ("dev-04-ai-press-conference.zh-Hans.txt", 1.0),
];

/// Gold items missed today, or found with a wrong attribute, and why. A miss not listed here
/// fails the test (a regression); a listed one that is found again is reported so its line can go.
const KNOWN_MISSES: &[(&str, &str, &str)] = &[
    (
        "dev-01-industrial-fund.zh-Hant.txt",
        "figure about 九成",
        // 以元朗創新園為例，園內先進製造業中心的出租率已達九成: the share is about the centre named
        // inside the 以X為例 frame; the figure stage falls back to the speaker's government.
        "attachment does not look inside 以…為例",
    ),
    (
        "dev-02-digital-economy.zh-Hans.txt",
        "figure about 不少于50亿元",
        // 省财政将…安排不少于50亿元专项资金: 省财政 (the province's finance department) is not an
        // entity, so the amount falls back to the article's event instead of 浙江.
        "a bare 省财政 is not resolved to the province",
    ),
    (
        "dev-02-digital-economy.zh-Hans.txt",
        "figure about 约6万平方米",
        // 记者在杭州国博中心看到，约6万平方米的展区内…: the area is the venue's, named in the clause
        // before; the figure stage attaches it to the event.
        "a venue in the preceding clause is not preferred over the event",
    ),
    (
        "dev-03-gba-fintech-mou.zh-Hant.txt",
        "figure about 逾三萬六千宗跨境數據驗證申請",
        // 數鏈科技自主研發的跨境數據驗證平台試運行至今，已處理逾三萬六千宗…: the subject is the
        // company's platform; the figure stage attaches it to the forum.
        "a possessive subject (X自主研發的平台) is not followed to its owner",
    ),
    (
        "dev-04-ai-press-conference.zh-Hans.txt",
        "figure about 智算集群十余个",
        // 八大国家算力枢纽节点已建成万卡级智算集群十余个: gold says 东数西算 (whose hubs they are),
        // the figure stage says 中国; the hubs are not named as the initiative in the sentence.
        "the 东数西算 hubs are described, not named, in the sentence",
    ),
];

const TYPES: [(&str, &str); 5] = [
    ("Person", "https://schema.org/Person"),
    ("Organization", "https://schema.org/Organization"),
    ("Place", "https://schema.org/Place"),
    ("Event", "https://schema.org/Event"),
    ("Initiative", "https://w3id.org/tupu/ns#Initiative"),
];
const SCHEMA: &str = "https://schema.org/";
const TP: &str = "https://w3id.org/tupu/ns#";

/// `round(x, 3)` as score.py prints it.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| round3(a as f64 / b as f64))
}

fn f1(p: Option<f64>, r: Option<f64>) -> Option<f64> {
    let (p, r) = (p?, r?);
    Some(if p + r == 0.0 { 0.0 } else { round3(2.0 * p * r / (p + r)) })
}

/// Removes all white space (score.py's `squash`).
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

fn required(gold: &Value, kind: &str) -> Vec<Value> {
    gold[kind].as_array().map(|a| a.iter().filter(|x| !optional(x)).cloned().collect()).unwrap_or_default()
}

fn text_of(t: &Option<Term>) -> Option<String> {
    t.as_ref().map(lexical)
}

/// The scores of one article.
#[derive(Debug, Default)]
struct Scores {
    entity_f1: Option<f64>,
    entity_precision: Option<f64>,
    entity_recall: Option<f64>,
    aliases: Option<f64>,
    offsets: Option<f64>,
    context_is_input: bool,
    posts_f1: Option<f64>,
    figures_f1: Option<f64>,
    figure_attributes: BTreeMap<&'static str, Option<f64>>,
    event: Option<f64>,
    statements: Option<f64>,
    proposals: Option<f64>,
    relations: Option<f64>,
    /// The parts that count toward the overall score, in score.py's order.
    parts: Vec<(&'static str, f64)>,
    overall: f64,
    /// Every gold item not found, or found with a wrong attribute (`figure about 84間重點企業`).
    misses: Vec<String>,
}

struct Scorer<'a> {
    gold: &'a Value,
    store: &'a GraphStore,
    text: &'a str,
    gold_entities: HashMap<String, Value>,
    name_to_keys: HashMap<String, BTreeSet<String>>,
    /// Extracted entity IRI → (types, labels).
    entities: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>,
    /// Extracted entity IRI → gold keys whose names it carries and whose types fit.
    iri_keys: HashMap<String, BTreeSet<String>>,
}

impl<'a> Scorer<'a> {
    fn new(gold: &'a Value, store: &'a GraphStore, text: &'a str) -> Self {
        let mut gold_entities = HashMap::new();
        let mut name_to_keys: HashMap<String, BTreeSet<String>> = HashMap::new();
        for e in gold["entities"].as_array().into_iter().flatten() {
            let key = e["key"].as_str().unwrap_or_default().to_owned();
            for n in strings(&e["names"]) {
                name_to_keys.entry(n).or_default().insert(key.clone());
            }
            gold_entities.insert(key, e.clone());
        }
        let mut entities: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
        let values: String = TYPES.iter().map(|(_, iri)| format!("<{iri}> ")).collect();
        for row in select(store, &format!("SELECT ?e ?t WHERE {{ ?e a ?t VALUES ?t {{ {values} }} }}")) {
            let (Some(e), Some(t)) = (text_of(&row[0]), text_of(&row[1])) else { continue };
            let name = TYPES.iter().find(|(_, iri)| *iri == t).map(|(n, _)| (*n).to_owned()).unwrap_or_default();
            entities.entry(e).or_default().0.insert(name);
        }
        for row in select(store, "SELECT ?e ?l WHERE { { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l } }") {
            let (Some(e), Some(l)) = (text_of(&row[0]), text_of(&row[1])) else { continue };
            if let Some(info) = entities.get_mut(&e) {
                info.1.insert(l);
            }
        }
        let mut iri_keys = HashMap::new();
        for (iri, (types, labels)) in &entities {
            let mut keys = BTreeSet::new();
            for label in labels {
                for k in name_to_keys.get(label).into_iter().flatten() {
                    if strings(&gold_entities[k]["types"]).iter().any(|t| types.contains(t)) {
                        keys.insert(k.clone());
                    }
                }
            }
            iri_keys.insert(iri.clone(), keys);
        }
        Self { gold, store, text, gold_entities, name_to_keys, entities, iri_keys }
    }

    fn keys_of(&self, node: &Option<Term>) -> BTreeSet<String> {
        node.as_ref().and_then(|t| self.iri_keys.get(&lexical(t)).cloned()).unwrap_or_default()
    }

    fn score(&self) -> Scores {
        let mut s = Scores::default();
        self.entities(&mut s);
        self.mentions(&mut s);
        self.posts(&mut s);
        self.events(&mut s);
        self.figures(&mut s);
        self.statements(&mut s);
        self.proposals(&mut s);
        self.relations(&mut s);
        let g = self.gold;
        let has = |kind: &str| g[kind].as_array().is_some_and(|a| !a.is_empty());
        let multi = required(g, "entities").iter().filter(|e| strings(&e["names"]).len() > 1).count() > 0;
        let parts: [(&str, bool, Option<f64>); 9] = [
            ("entities", true, s.entity_f1),
            ("aliases", multi, s.aliases),
            ("offsets", true, s.offsets),
            ("posts", !required(g, "posts").is_empty(), s.posts_f1),
            ("figures", !required(g, "figures").is_empty(), s.figures_f1),
            ("events", has("events"), s.event),
            ("statements", has("statements"), s.statements),
            ("proposals", has("proposals"), s.proposals),
            ("relations", !required(g, "relations").is_empty(), s.relations),
        ];
        s.parts = parts.iter().filter(|(_, counted, _)| *counted).map(|(n, _, v)| (*n, v.unwrap_or(0.0))).collect();
        s.overall = round3(s.parts.iter().map(|(_, v)| v).sum::<f64>() / s.parts.len() as f64);
        s
    }

    fn entities(&self, s: &mut Scores) {
        let required = required(self.gold, "entities");
        let found: BTreeSet<&String> = self.iri_keys.values().flatten().collect();
        let missed: Vec<String> = required
            .iter()
            .filter_map(|e| e["key"].as_str())
            .filter(|k| !found.contains(&(*k).to_owned()))
            .map(str::to_owned)
            .collect();
        let correct = self.iri_keys.values().filter(|k| !k.is_empty()).count();
        let p = ratio(correct, self.entities.len());
        let r = ratio(required.len() - missed.len(), required.len());
        s.entity_precision = p;
        s.entity_recall = r;
        s.entity_f1 = f1(p, r);
        s.misses.extend(missed.iter().map(|k| format!("entity {k}")));
        let multi: Vec<&Value> = required.iter().filter(|e| strings(&e["names"]).len() > 1).collect();
        let mut merged = 0;
        for e in &multi {
            let names: BTreeSet<String> =
                strings(&e["names"]).into_iter().filter(|n| self.text.contains(n.as_str())).collect();
            if self.entities.values().any(|(_, labels)| names.is_subset(labels)) {
                merged += 1;
            } else {
                s.misses.push(format!("aliases {}", e["key"].as_str().unwrap_or_default()));
            }
        }
        s.aliases = ratio(merged, multi.len());
        let _ = &self.name_to_keys;
        let _ = &self.gold_entities;
    }

    fn mentions(&self, s: &mut Scores) {
        let rows = select(
            self.store,
            "SELECT ?m ?s ?b ?e ?a ?x WHERE { ?m nif:referenceContext ?c ; nif:beginIndex ?b ;
               nif:endIndex ?e ; nif:anchorOf ?a . ?c nif:isString ?s . OPTIONAL { ?m itsrdf:taIdentRef ?x } }",
        );
        let mut valid = 0;
        for row in &rows {
            let text = text_of(&row[1]).unwrap_or_default();
            let b: usize = text_of(&row[2]).and_then(|v| v.parse().ok()).unwrap_or(0);
            let e: usize = text_of(&row[3]).and_then(|v| v.parse().ok()).unwrap_or(0);
            let slice: String = text.chars().skip(b).take(e.saturating_sub(b)).collect();
            if Some(slice) == text_of(&row[4]) {
                valid += 1;
            }
        }
        s.offsets = ratio(valid, rows.len());
        let contexts = select(self.store, "SELECT ?s WHERE { ?c a nif:Context ; nif:isString ?s }");
        s.context_is_input = contexts.iter().any(|r| text_of(&r[0]).as_deref() == Some(self.text));
    }

    fn posts(&self, s: &mut Scores) {
        #[derive(Default)]
        struct P {
            persons: BTreeSet<String>,
            titles: BTreeSet<String>,
            orgs: BTreeSet<String>,
        }
        let mut posts: BTreeMap<(String, String), P> = BTreeMap::new();
        for row in select(
            self.store,
            "SELECT ?p ?post ?t ?o WHERE { ?p org:holds ?post . ?post rdfs:label ?t . OPTIONAL { ?post org:postIn ?o } }",
        ) {
            let d =
                posts.entry((text_of(&row[0]).unwrap_or_default(), text_of(&row[1]).unwrap_or_default())).or_default();
            d.persons.extend(self.keys_of(&row[0]));
            d.titles.extend(text_of(&row[2]));
            if row[3].is_some() {
                d.orgs.extend(self.keys_of(&row[3]));
            }
        }
        let fits = |g: &Value, d: &P| {
            let orgs = strings(&g["org"]);
            g["person"].as_str().is_some_and(|p| d.persons.contains(p))
                && d.titles.iter().any(|t| g["title"].as_str().is_some_and(|title| t.ends_with(title)))
                && (orgs.is_empty() || orgs.iter().any(|o| d.orgs.contains(o)))
        };
        let gold = self.gold["posts"].as_array().cloned().unwrap_or_default();
        let required = required(self.gold, "posts");
        let hit = required.iter().filter(|g| posts.values().any(|d| fits(g, d))).count();
        for g in required.iter().filter(|g| !posts.values().any(|d| fits(g, d))) {
            let (person, title) = (g["person"].as_str().unwrap_or_default(), g["title"].as_str().unwrap_or_default());
            s.misses.push(format!("post {person}:{title}"));
        }
        let ok = posts.values().filter(|d| gold.iter().any(|g| fits(g, d))).count();
        s.posts_f1 = f1(ratio(ok, posts.len()), ratio(hit, required.len()));
    }

    fn events(&self, s: &mut Scores) {
        let mut scores = Vec::new();
        for ge in self.gold["events"].as_array().into_iter().flatten() {
            let key = ge["event"].as_str().unwrap_or_default();
            let iris: Vec<&String> = self.iri_keys.iter().filter(|(_, k)| k.contains(key)).map(|(i, _)| i).collect();
            let mut props: HashMap<String, Vec<Option<Term>>> = HashMap::new();
            for iri in &iris {
                for row in select(self.store, &format!("SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}")) {
                    props.entry(text_of(&row[0]).unwrap_or_default()).or_default().push(row[1].clone());
                }
            }
            let values =
                |p: &str| props.get(&format!("{SCHEMA}{p}")).or_else(|| props.get(p)).cloned().unwrap_or_default();
            let mut checks: Vec<f64> = vec![if iris.is_empty() { 0.0 } else { 1.0 }];
            let yes = |b: bool| if b { 1.0 } else { 0.0 };
            if ge.get("location").is_some() {
                let want = strings(&ge["location"]);
                checks.push(yes(values("location").iter().any(|o| self.keys_of(o).iter().any(|k| want.contains(k)))));
            }
            for (field, property) in [("start", "startDate"), ("duration", "duration")] {
                if let Some(want) = ge.get(field).and_then(Value::as_str) {
                    checks.push(yes(values(property).iter().any(|o| text_of(o).as_deref() == Some(want))));
                }
            }
            if let Some(theme) = ge.get("theme").and_then(Value::as_str) {
                let norm = |t: &str| squash(t).replace('─', "—");
                let themes = props.get(&format!("{TP}theme")).cloned().unwrap_or_default();
                checks.push(yes(themes.iter().any(|o| text_of(o).is_some_and(|t| norm(&t) == norm(theme)))));
            }
            if ge.get("speakers").is_some() {
                let want = strings(&ge["speakers"]);
                let have: BTreeSet<String> =
                    props.get(&format!("{TP}speaker")).into_iter().flatten().flat_map(|o| self.keys_of(o)).collect();
                checks.push(ratio(want.iter().filter(|k| have.contains(*k)).count(), want.len()).unwrap_or(0.0));
            }
            if checks.iter().any(|c| *c < 1.0) {
                s.misses.push(format!("event {key}: {checks:?}"));
            }
            scores.push(round3(checks.iter().sum::<f64>() / checks.len() as f64));
        }
        s.event = (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64);
    }

    fn figures(&self, s: &mut Scores) {
        #[derive(Default, Clone)]
        struct F {
            value: Option<f64>,
            currency: BTreeSet<String>,
            counts: BTreeSet<String>,
            qualifier: BTreeSet<String>,
            about: BTreeSet<String>,
            anchors: BTreeSet<String>,
        }
        let rows = select(
            self.store,
            "SELECT ?f ?v ?cur ?unit ?counts ?q ?about ?anchor WHERE {
               ?f a ?type . VALUES ?type { schema:QuantitativeValue schema:MonetaryAmount }
               ?f schema:value ?v .
               OPTIONAL { ?f schema:currency ?cur } OPTIONAL { ?f schema:unitText ?unit }
               OPTIONAL { ?f tp:counts ?counts } OPTIONAL { ?f tp:qualifier ?q }
               OPTIONAL { ?f tp:about ?about }
               OPTIONAL { ?m itsrdf:taIdentRef ?f ; nif:anchorOf ?anchor } }",
        );
        let mut order: Vec<String> = Vec::new();
        let mut figs: HashMap<String, F> = HashMap::new();
        for row in &rows {
            let key = text_of(&row[0]).unwrap_or_default();
            if !figs.contains_key(&key) {
                order.push(key.clone());
            }
            let d = figs.entry(key).or_default();
            if let Some(v) = text_of(&row[1]).and_then(|v| v.parse::<f64>().ok()) {
                d.value = Some(v);
            }
            d.currency.extend(text_of(&row[2]));
            d.counts.extend(text_of(&row[4]));
            d.qualifier.extend(text_of(&row[5]).map(|q| q.rsplit('#').next().unwrap_or_default().to_owned()));
            if row[6].is_some() {
                d.about.extend(self.keys_of(&row[6]));
            }
            d.anchors.extend(text_of(&row[7]));
        }
        let mut free: Vec<(String, F)> = order.iter().map(|k| (k.clone(), figs[k].clone())).collect();
        let mut gold: Vec<Value> = self.gold["figures"].as_array().cloned().unwrap_or_default();
        gold.sort_by_key(optional);
        let mut matches: Vec<(Value, F)> = Vec::new();
        for g in &gold {
            let gv = g["value"].as_f64().unwrap_or(f64::NAN);
            let gtext = g["text"].as_str().unwrap_or_default();
            let currency = g.get("currency").and_then(Value::as_str);
            let mut cands: Vec<usize> = (0..free.len())
                .filter(|&i| {
                    let d = &free[i].1;
                    d.value.is_some_and(|v| (v - gv).abs() < 1e-6 * gv.abs().max(1.0))
                        && currency.is_none_or(|c| d.currency.contains(c))
                })
                .collect();
            cands.sort_by_key(|&i| !free[i].1.anchors.iter().any(|a| gtext.contains(a.as_str()) || a.contains(gtext)));
            if let Some(&i) = cands.first() {
                let (_, d) = free.remove(i);
                matches.push((g.clone(), d));
            }
        }
        let required = required(self.gold, "figures");
        let hit: Vec<&(Value, F)> = matches.iter().filter(|(g, _)| !optional(g)).collect();
        s.figures_f1 = f1(ratio(matches.len(), figs.len()), ratio(hit.len(), required.len()));
        for g in required.iter().filter(|g| !hit.iter().any(|(h, _)| h == *g)) {
            s.misses.push(format!("figure {}", g["text"].as_str().unwrap_or_default()));
        }
        let mut wrong = Vec::new();
        let mut attr = |name: &str, test: &dyn Fn(&Value, &F) -> bool| {
            let relevant: Vec<&&(Value, F)> =
                hit.iter().filter(|(g, _)| g.get(name).is_some_and(|v| !v.is_null() || name == "qualifier")).collect();
            for (g, _) in relevant.iter().filter(|(g, d)| !test(g, d)) {
                wrong.push(format!("figure {name} {}", g["text"].as_str().unwrap_or_default()));
            }
            ratio(relevant.iter().filter(|(g, d)| test(g, d)).count(), relevant.len())
        };
        let qualifier = attr("qualifier", &|g, d| match g["qualifier"].as_str() {
            Some(q) => d.qualifier.contains(q),
            None => d.qualifier.is_empty(),
        });
        let currency = attr("currency", &|g, d| g["currency"].as_str().is_some_and(|c| d.currency.contains(c)));
        let counts =
            attr("counts", &|g, d| d.counts.iter().any(|c| g["counts"].as_str().is_some_and(|w| c.ends_with(w))));
        let about = attr("about", &|g, d| strings(&g["about"]).iter().any(|k| d.about.contains(k)));
        s.figure_attributes =
            BTreeMap::from([("qualifier", qualifier), ("currency", currency), ("counts", counts), ("about", about)]);
        s.misses.extend(wrong);
    }

    fn statements(&self, s: &mut Scores) {
        let rows = select(
            self.store,
            "SELECT ?s ?sp ?t WHERE { ?s a ?c . VALUES ?c { tp:Statement tp:Proposal } ?s tp:speaker ?sp ; schema:text ?t }",
        );
        let gold = self.gold["statements"].as_array().cloned().unwrap_or_default();
        let mut hit = 0;
        for g in &gold {
            let speaker = g["speaker"].as_str().unwrap_or_default();
            let contains = squash(g["contains"].as_str().unwrap_or_default());
            let said = |r: &Vec<Option<Term>>| text_of(&r[2]).is_some_and(|t| squash(&t).contains(&contains));
            if rows.iter().any(|r| self.keys_of(&r[1]).contains(speaker) && said(r)) {
                hit += 1;
            } else {
                s.misses.push(format!("statement {speaker}:{contains}"));
            }
        }
        s.statements = ratio(hit, gold.len());
    }

    fn proposals(&self, s: &mut Scores) {
        #[derive(Default)]
        struct P {
            speakers: BTreeSet<String>,
            count: Option<usize>,
            items: BTreeMap<usize, String>,
        }
        let mut props: BTreeMap<String, P> = BTreeMap::new();
        for row in select(
            self.store,
            "SELECT ?p ?sp ?n ?pos ?t WHERE { ?p a tp:Proposal ; tp:speaker ?sp .
               OPTIONAL { ?p tp:itemCount ?n } OPTIONAL { ?p tp:item ?i . ?i tp:position ?pos ; schema:text ?t } }",
        ) {
            let d = props.entry(text_of(&row[0]).unwrap_or_default()).or_default();
            d.speakers.extend(self.keys_of(&row[1]));
            if let Some(n) = text_of(&row[2]).and_then(|n| n.parse().ok()) {
                d.count = Some(n);
            }
            if let (Some(pos), Some(t)) = (text_of(&row[3]).and_then(|p| p.parse().ok()), text_of(&row[4])) {
                d.items.insert(pos, squash(&t));
            }
        }
        let gold = self.gold["proposals"].as_array().cloned().unwrap_or_default();
        let mut full = 0;
        for g in &gold {
            let (by, count, items) =
                (g["by"].as_str().unwrap_or_default(), g["count"].as_u64().map(|c| c as usize), strings(&g["items"]));
            let (mut best, mut best_full) = (0, false);
            for d in props.values().filter(|d| d.speakers.contains(by)) {
                let n = items
                    .iter()
                    .enumerate()
                    .filter(|(i, phrase)| d.items.get(&(i + 1)).is_some_and(|t| t.contains(&squash(phrase))))
                    .count();
                if n > best || (n == best && d.count == count) {
                    best = n;
                    best_full = n == items.len() && d.count == count && Some(d.items.len()) == count;
                }
            }
            full += usize::from(best_full);
            if !best_full {
                s.misses.push(format!("proposal {by}:{}", count.unwrap_or(0)));
            }
        }
        s.proposals = ratio(full, gold.len());
    }

    fn relations(&self, s: &mut Scores) {
        let mut links = BTreeSet::new();
        for row in select(
            self.store,
            "SELECT ?s ?o WHERE { { ?s ?p ?o . FILTER(isIRI(?o) && ?p != rdf:type) }
               UNION { ?r a tp:Relation ; tp:subject ?s ; tp:object ?o } }",
        ) {
            for a in self.keys_of(&row[0]) {
                for b in self.keys_of(&row[1]) {
                    links.insert((a.clone(), b.clone()));
                    links.insert((b, a.clone()));
                }
            }
        }
        let gold = required(self.gold, "relations");
        let mut hit = 0;
        for g in &gold {
            let pair = (
                g["subject"].as_str().unwrap_or_default().to_owned(),
                g["object"].as_str().unwrap_or_default().to_owned(),
            );
            if links.contains(&pair) {
                hit += 1;
            } else {
                s.misses.push(format!("relation {}->{}", pair.0, pair.1));
            }
        }
        s.relations = ratio(hit, gold.len());
    }
}

fn show(v: Option<f64>) -> String {
    v.map_or_else(|| "   -  ".to_owned(), |v| format!("{v:6.3}"))
}

#[test]
fn scores_stay_above_their_floors() {
    let mut failures = Vec::new();
    let mut report = format!("{:44} overall  ent-F1 alias  posts  figs   event  stmt   props  rels\n", "article");
    for (gold_path, text_path) in gold_fixtures() {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let name = gold["document"].as_str().unwrap_or_default().to_owned();
        let published = gold["published"].as_str().and_then(|d| Date::parse(d).ok());
        let text = std::fs::read_to_string(&text_path).unwrap();
        let store = store_of(&[(text_path.clone(), published)]);
        let s = Scorer::new(&gold, &store, &text).score();
        report += &format!(
            "{name:44} {} {} {} {} {} {} {} {} {}\n",
            show(Some(s.overall)),
            show(s.entity_f1),
            show(s.aliases),
            show(s.posts_f1),
            show(s.figures_f1),
            show(s.event),
            show(s.statements),
            show(s.proposals),
            show(s.relations)
        );
        report += &format!(
            "    entities P/R {}/{}  figure attributes {:?}\n",
            show(s.entity_precision),
            show(s.entity_recall),
            s.figure_attributes,
        );
        // What the mapping guarantees whatever the extractor finds.
        if s.offsets.is_some_and(|o| o < 1.0) {
            failures.push(format!("{name}: offsets_valid {} < 1", show(s.offsets)));
        }
        if !s.context_is_input {
            failures.push(format!("{name}: the nif:Context is not the text as read"));
        }
        let floor = FLOORS.iter().find(|(a, _)| *a == name).map(|(_, f)| *f);
        match floor {
            Some(f) if s.overall + 1e-9 < f => {
                failures.push(format!("{name}: overall {} below its floor {f}", s.overall))
            }
            Some(_) => {}
            None => failures.push(format!("{name}: no floor recorded in FLOORS")),
        }
        for miss in &s.misses {
            if KNOWN_MISSES.iter().any(|(a, m, _)| *a == name && m == miss) {
                report += &format!("    known miss: {miss}\n");
            } else {
                failures.push(format!("{name}: new miss: {miss}"));
            }
        }
        for (_, miss, _) in KNOWN_MISSES.iter().filter(|(a, m, _)| *a == name && !s.misses.iter().any(|x| x == m)) {
            report += &format!("    fixed: {miss}; remove it from KNOWN_MISSES\n");
        }
    }
    eprintln!("{report}");
    assert!(failures.is_empty(), "{}\n{report}", failures.join("\n"));
}

#[test]
fn the_port_agrees_with_score_py_on_a_hand_made_graph() {
    // A tiny gold and graph whose scores are worked out by hand from score.py's rules.
    let gold: Value = serde_json::json!({
        "document": "x.txt", "script": "zh-Hant", "published": null,
        "entities": [
            {"key": "chan", "types": ["Person"], "names": ["陳大文"]},
            {"key": "devb", "types": ["Organization"], "names": ["發展局", "發局"]},
            {"key": "nowhere", "types": ["Place"], "names": ["某地"]}
        ],
        "posts": [{"person": "chan", "title": "局長", "org": ["devb"]}],
        "figures": [{"text": "10億元", "value": 1000000000, "currency": "HKD", "qualifier": "MoreThan"}],
        "statements": [{"speaker": "chan", "contains": "推動北都"}]
    });
    let store = GraphStore::in_memory().unwrap();
    let text = "發展局局長陳大文表示，政府撥款超過10億元推動北都。";
    let doc = "https://w3id.org/tupu/doc/1";
    let nq = format!(
        "<https://w3id.org/tupu/id/person/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person> <{doc}> .
<https://w3id.org/tupu/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> \"陳大文\" <{doc}> .
<https://w3id.org/tupu/id/org/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Organization> <{doc}> .
<https://w3id.org/tupu/id/org/b> <http://www.w3.org/2000/01/rdf-schema#label> \"發展局\" <{doc}> .
<https://w3id.org/tupu/id/org/c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Organization> <{doc}> .
<https://w3id.org/tupu/id/org/c> <http://www.w3.org/2000/01/rdf-schema#label> \"政府\" <{doc}> .
<https://w3id.org/tupu/id/person/a> <http://www.w3.org/ns/org#holds> <{doc}/post> <{doc}> .
<{doc}/post> <http://www.w3.org/2000/01/rdf-schema#label> \"局長\" <{doc}> .
<{doc}/post> <http://www.w3.org/ns/org#postIn> <https://w3id.org/tupu/id/org/b> <{doc}> .
<{doc}/f> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/MonetaryAmount> <{doc}> .
<{doc}/f> <https://schema.org/value> \"1000000000\"^^<http://www.w3.org/2001/XMLSchema#decimal> <{doc}> .
<{doc}/f> <https://schema.org/currency> \"HKD\" <{doc}> .
<{doc}/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/tupu/ns#Statement> <{doc}> .
<{doc}/s> <https://w3id.org/tupu/ns#speaker> <https://w3id.org/tupu/id/person/a> <{doc}> .
<{doc}/s> <https://schema.org/text> \"政府撥款超過10億元推動北都\" <{doc}> .
<{doc}#c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context> <{doc}> .
<{doc}#c> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> \"{text}\" <{doc}> .
<{doc}#m> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> <{doc}#c> <{doc}> .
<{doc}#m> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> \"5\" <{doc}> .
<{doc}#m> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> \"8\" <{doc}> .
<{doc}#m> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"陳大文\" <{doc}> .
<{doc}#n> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> <{doc}#c> <{doc}> .
<{doc}#n> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> \"0\" <{doc}> .
<{doc}#n> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> \"2\" <{doc}> .
<{doc}#n> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"發展局\" <{doc}> .
"
    );
    store
        .load_rdf(
            nq.as_bytes(),
            tupu_graph::oxigraph::io::RdfFormat::NQuads,
            &tupu_graph::oxigraph::model::NamedNode::new_unchecked("urn:x"),
        )
        .unwrap();
    let s = Scorer::new(&gold, &store, text).score();
    // Entities: 2 of 3 extracted match (政府 is spurious): P = 0.667; 2 of 3 gold found: R = 0.667.
    assert_eq!((s.entity_precision, s.entity_recall, s.entity_f1), (Some(0.667), Some(0.667), Some(0.667)));
    // 發局 is not in the text, so 發展局 alone completes the alias set.
    assert_eq!(s.aliases, Some(1.0));
    // One of two mentions has a wrong anchor.
    assert_eq!(s.offsets, Some(0.5));
    assert!(s.context_is_input);
    assert_eq!(s.posts_f1, Some(1.0));
    assert_eq!(s.figures_f1, Some(1.0));
    assert_eq!(s.figure_attributes["qualifier"], Some(0.0), "MoreThan was not stated");
    assert_eq!(s.figure_attributes["currency"], Some(1.0));
    assert_eq!(s.statements, Some(1.0));
    // Parts: entities .667, aliases 1, offsets .5, posts 1, figures 1, statements 1 → 5.167 / 6.
    assert_eq!(s.overall, 0.861);
}

#[test]
fn a_perfect_extraction_scores_perfectly() {
    // The gold annotations themselves, mapped to RDF and scored: checks the mapping and this
    // scorer on real articles. What stops a part short of 1 is listed with why.
    for (gold_path, text_path) in gold_fixtures() {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let text = std::fs::read_to_string(&text_path).unwrap();
        let store = GraphStore::in_memory().unwrap();
        store.insert_graph(&tupu_graph::ArticleGraph::new(&text, &crate::oracle::extraction(&gold, &text))).unwrap();
        let s = Scorer::new(&gold, &store, &text).score();
        let name = gold["document"].as_str().unwrap_or_default();
        eprintln!("{name}: {:?} overall {}", s.parts, s.overall);
        assert_eq!(s.offsets, Some(1.0), "{name}");
        assert!(s.context_is_input, "{name}");
        for (part, value) in &s.parts {
            // Entity precision: gold entities whose names are not in the text have no mention but
            // are still extracted (as a lexicon entity would be), so all of them count.
            assert!(*value >= 0.9, "{name}: {part} = {value}");
        }
    }
}
