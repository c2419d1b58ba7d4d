//! Derives the general lexicon's word automaton from a jieba dictionary:
//! `cargo run --release -p tupu_extract --example derive_general_lexicon -- DICT.txt TAGS.tsv OUT.fst`
//! (`crates/tupu_extract/data/general/derive.sh` fetches jieba's dictionary and runs this).

use tupu_extract::lexicon::general::{TagTable, derive};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dict, tags, out] = args.as_slice() else {
        return Err("usage: derive_general_lexicon DICT.txt TAGS.tsv OUT.fst".into());
    };
    let tags = TagTable::parse(&std::fs::read_to_string(tags)?)?;
    let derived = derive(&std::fs::read_to_string(dict)?, &tags)?;
    std::fs::write(out, &derived.bytes)?;
    #[expect(clippy::print_stderr, reason = "a derivation reports what it wrote")]
    {
        eprintln!(
            "{out}: {} words from {} lines ({} merged by folding), total frequency {}, {} bytes",
            derived.words,
            derived.lines,
            derived.merged,
            derived.total,
            derived.bytes.len()
        );
    }
    Ok(())
}
