//! A readable, sorted, deterministic rendering of an extraction: one line per fact, with the
//! text it came from. Snapshot tests compare this, and `tupu extract --format text` prints it.

use std::fmt::Write;

use crate::model::{EntityId, Extraction, FigureKind};

impl Extraction {
    /// Renders the extraction, one fact per line, grouped and sorted.
    ///
    /// `original` is the article's text; excerpts are cut from it.
    #[must_use]
    pub fn render(&self, original: &str) -> String {
        let chars: Vec<char> = original.chars().collect();
        let excerpt = |s: crate::Span| -> String {
            chars[s.start.min(chars.len())..s.end.min(chars.len())].iter().collect::<String>().replace('\n', "⏎")
        };
        let name = |id: EntityId| self.entities.get(id).map_or_else(|| format!("#{id}"), |e| e.label.clone());
        let names = |ids: &[EntityId]| ids.iter().map(|&i| name(i)).collect::<Vec<_>>().join("、");
        let mut out = String::new();
        let _ = writeln!(
            out,
            "ARTICLE script={} region={:?} published={} headline={}",
            self.script.tag(),
            self.region,
            self.published.map_or_else(|| "-".to_owned(), |d| d.to_string()),
            self.headline.as_deref().unwrap_or("-")
        );
        let mut lines: Vec<String> = self
            .entities
            .iter()
            .map(|e| {
                let mut l = format!("{} {} mentions={}", e.kind.slug().to_uppercase(), e.label, e.mentions.len());
                if let Some(first) = e.mentions.first() {
                    let _ = write!(l, " first={first}");
                }
                if !e.aliases.is_empty() {
                    let _ = write!(l, " aliases={}", e.aliases.iter().cloned().collect::<Vec<_>>().join("|"));
                }
                if let Some(p) = e.part_of {
                    let _ = write!(l, " part_of={}", name(p));
                }
                if let Some(en) = &e.english {
                    let _ = write!(l, " en={en}");
                }
                l
            })
            .collect();
        lines.sort();
        out.extend(lines.into_iter().map(|l| l + "\n"));

        let mut lines: Vec<String> = self
            .posts
            .iter()
            .map(|p| {
                format!("POST {} title={} org={}", name(p.holder), p.title, p.org.map_or_else(|| "-".to_owned(), name))
            })
            .collect();
        lines.sort();
        out.extend(lines.into_iter().map(|l| l + "\n"));

        for e in &self.events {
            let _ = writeln!(
                out,
                "EVENT {} at={} start={} duration={} theme={} speakers={} organisers={}",
                name(e.event),
                names(&e.locations),
                e.start.map_or_else(|| "-".to_owned(), |d| d.lexical()),
                e.duration.as_deref().unwrap_or("-"),
                e.theme.as_deref().unwrap_or("-"),
                names(&e.speakers),
                names(&e.organisers),
            );
        }

        for f in &self.figures {
            let mut l = format!("FIGURE {:?} {} value={}", f.kind, excerpt(f.span), f.value);
            if let (Some(a), Some(b)) = (f.min, f.max) {
                let _ = write!(l, " range={a}..{b}");
            }
            if let Some(c) = &f.currency {
                let _ = write!(l, " currency={c}");
            }
            if let Some(u) = &f.unit {
                let _ = write!(l, " unit={u}");
            }
            if let Some(c) = &f.counts {
                let _ = write!(l, " counts={c}");
            }
            if let Some(q) = f.qualifier {
                let _ = write!(l, " qualifier={}", q.name());
            }
            if let Some(a) = f.about {
                let _ = write!(l, " about={}", name(a));
            }
            if let (Some(d), FigureKind::Date | FigureKind::Year) = (f.date, f.kind) {
                let _ = write!(l, " date={}", d.lexical());
            }
            let _ = writeln!(out, "{l} {}", f.span);
        }

        for s in &self.statements {
            let _ =
                writeln!(out, "STATEMENT {} {} «{}»", s.speaker.map_or_else(|| "?".to_owned(), name), s.verb, s.text);
        }
        for p in &self.proposals {
            let _ = writeln!(
                out,
                "PROPOSAL {} count={} «{}»",
                p.speaker.map_or_else(|| "?".to_owned(), name),
                p.count,
                p.text
            );
            for i in &p.items {
                let _ = writeln!(out, "  ITEM {} «{}»", i.position, i.text);
            }
        }
        let mut lines: Vec<String> = self
            .relations
            .iter()
            .map(|r| format!("RELATION {} {} {} ({})", name(r.subject), r.property, name(r.object), r.predicate_text))
            .collect();
        lines.sort();
        out.extend(lines.into_iter().map(|l| l + "\n"));
        out
    }
}
