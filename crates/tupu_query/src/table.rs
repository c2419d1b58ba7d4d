//! Query results as a table for the terminal: columns aligned by display width (a Chinese
//! character takes two columns), IRIs written as prefixed names that can be pasted back into a query
//! (`id:person\/王勇`), long cells cut with `…` (use `--format csv` or `json` for whole values).

use std::io::Write;

use oxigraph::model::Term;
use oxigraph::sparql::QuerySolutionIter;
use tupu_graph::vocab::prefixed_name;

use crate::QueryError;

/// Widest a cell is printed, in terminal columns.
const MAX_CELL_WIDTH: usize = 60;

/// Writes solutions as an aligned table followed by a row count.
///
/// # Errors
/// When evaluation fails while streaming, or the output cannot be written.
pub fn write_table<W: Write>(solutions: QuerySolutionIter<'_>, writer: W) -> Result<W, QueryError> {
    let header: Vec<String> = solutions.variables().iter().map(|v| format!("?{}", v.as_str())).collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for solution in solutions {
        let solution = solution?;
        rows.push(solution.values().iter().map(|t| t.as_ref().map(display_term).unwrap_or_default()).collect());
    }
    Ok(write_rows(&header, &rows, "row", writer)?)
}

/// Writes rows of cells (each row as long as the header) as an aligned table followed by a count
/// of `noun`s (`(3 rows)`). Cells are written as they are: cut them with [`display_term`] first.
///
/// # Errors
/// When the output cannot be written.
pub fn write_rows<W: Write>(header: &[String], rows: &[Vec<String>], noun: &str, mut writer: W) -> std::io::Result<W> {
    let widths: Vec<usize> = (0..header.len())
        .map(|i| rows.iter().map(|r| width(&r[i])).chain([width(&header[i])]).max().unwrap_or(0))
        .collect();
    let rule = |w: &mut W| -> std::io::Result<()> {
        let parts: Vec<String> = widths.iter().map(|&n| "─".repeat(n + 2)).collect();
        writeln!(w, "{}", parts.join("┼").trim_end())
    };
    write_row(&mut writer, header, &widths)?;
    rule(&mut writer)?;
    for row in rows {
        write_row(&mut writer, row, &widths)?;
    }
    writeln!(writer, "({} {noun}{})", rows.len(), if rows.len() == 1 { "" } else { "s" })?;
    Ok(writer)
}

fn write_row<W: Write>(w: &mut W, cells: &[String], widths: &[usize]) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, (cell, &w)) in cells.iter().zip(widths).enumerate() {
        if i > 0 {
            line.push('│');
        }
        line.push(' ');
        line.push_str(cell);
        line.push_str(&" ".repeat(w - width(cell) + 1));
    }
    writeln!(w, "{}", line.trim_end())
}

/// A term as a person reads it: `tp:MoreThan`, `id:person\/王勇`, `84`, `副主席`. IRIs are valid
/// SPARQL (a prefixed name, escaped where the grammar needs it, or `<…>`), so a cell can be pasted
/// into the next query.
#[must_use]
pub fn display_term(term: &Term) -> String {
    let text = match term {
        Term::NamedNode(n) => shorten(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().replace('\n', "⏎"),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    };
    cut(&text)
}

fn shorten(iri: &str) -> String {
    prefixed_name(iri).unwrap_or_else(|| format!("<{iri}>"))
}

/// `s`, cut with `…` to the widest a cell is printed.
#[must_use]
pub fn cut(s: &str) -> String {
    if width(s) <= MAX_CELL_WIDTH {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw > MAX_CELL_WIDTH - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Columns a string takes in a terminal.
#[must_use]
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// East Asian Wide and Fullwidth characters take two columns (the ranges of UAX #11 that Chinese
/// text uses); combining marks and zero-width characters none; everything else one.
fn char_width(c: char) -> usize {
    match u32::from(c) {
        0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn widths_count_chinese_as_two_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("副主席"), 6);
        assert_eq!(width("，（）"), 6);
    }

    #[test]
    fn iris_are_shortened_and_decoded() {
        let t = Term::from(NamedNode::new_unchecked("https://w3id.org/tupu/id/org/发展局"));
        assert_eq!(display_term(&t), "id:org\\/发展局");
        assert_eq!(
            display_term(&Term::from(NamedNode::new_unchecked("https://w3id.org/tupu/ns#MoreThan"))),
            "tp:MoreThan"
        );
        assert_eq!(
            display_term(&Term::from(NamedNode::new_unchecked("http://example.com/a b"))),
            "<http://example.com/a b>"
        );
        assert_eq!(display_term(&Term::from(Literal::new_simple_literal("a\nb"))), "a⏎b");
    }

    #[test]
    fn long_cells_are_cut_to_the_maximum_width() {
        let long = "數".repeat(100);
        let cut = cut(&long);
        assert!(width(&cut) <= MAX_CELL_WIDTH);
        assert!(cut.ends_with('…'));
    }
}
