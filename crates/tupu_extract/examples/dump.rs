//! Prints an article's extraction: `cargo run -p tupu_extract --example dump -- FILE [YYYY-MM-DD] [--json]`.

use tupu_extract::{Article, ArticleOptions, Date, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: dump FILE [YYYY-MM-DD] [--json]")?;
    let published = args.get(1).filter(|a| !a.starts_with("--")).map(|d| Date::parse(d)).transpose()?;
    let bytes = std::fs::read(path)?;
    let article = Article::from_bytes(&bytes, ArticleOptions { published, ..ArticleOptions::default() })?;
    let extraction = Extractor::new().extract(&article);
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
