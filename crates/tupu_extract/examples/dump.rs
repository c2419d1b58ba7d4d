//! Prints an article's extraction: `cargo run -p tupu_extract --example dump -- FILE [YYYY-MM-DD] [--json]`;
//! `--profile` prints the mean time of each pipeline stage over 50 runs instead.

use tupu_extract::{Article, ArticleOptions, Date, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: dump FILE [YYYY-MM-DD] [--json]")?;
    let published =
        args.get(1).filter(|a| a.contains('-') && !a.starts_with("--")).map(|d| Date::parse(d)).transpose()?;
    let bytes = std::fs::read(path)?;
    let article = Article::from_bytes(&bytes, ArticleOptions { published, ..ArticleOptions::default() })?;
    let extractor = Extractor::new();
    if let Some(n) =
        args.iter().position(|a| a == "--time").and_then(|i| args.get(i + 1)).and_then(|n| n.parse::<u32>().ok())
    {
        let start = std::time::Instant::now();
        for _ in 0..n {
            // Reading the article is part of extracting it.
            let article = Article::from_bytes(&bytes, ArticleOptions { published, ..ArticleOptions::default() })?;
            std::hint::black_box(extractor.extract(&article));
        }
        let secs = start.elapsed().as_secs_f64();
        #[expect(clippy::print_stderr, reason = "an example reports its timing")]
        {
            eprintln!(
                "{:.2} MB/s ({:.3} ms per run)",
                bytes.len() as f64 * f64::from(n) / secs / 1e6,
                secs * 1e3 / f64::from(n)
            );
        }
    }
    if args.iter().any(|a| a == "--profile") {
        let mut totals: Vec<(&str, f64)> = Vec::new();
        for _ in 0..50 {
            let (_, timings) = extractor.profile(&article);
            for (i, (name, d)) in timings.into_iter().enumerate() {
                if totals.len() <= i {
                    totals.push((name, 0.0));
                }
                totals[i].1 += d.as_secs_f64() * 1e3 / 50.0;
            }
        }
        #[expect(clippy::print_stderr, reason = "an example reports its timing")]
        for (name, ms) in totals {
            eprintln!("{name:>16} {ms:.3} ms");
        }
    }
    let extraction = extractor.extract(&article);
    let out = if args.iter().any(|a| a == "--json") {
        serde_json::to_string_pretty(&extraction)?
    } else {
        extraction.render(article.text().original())
    };
    #[expect(clippy::print_stdout, reason = "an example prints its result")]
    {
        println!("{out}");
    }
    Ok(())
}
