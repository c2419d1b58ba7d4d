//! Reading articles from files, directories and standard input, with the checks the design
//! card asks for: a directory given where a file is expected, a file too large to be one
//! article, bytes that are not UTF-8 text.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tupu_extract::article::MAX_ARTICLE_BYTES;
use tupu_extract::{Article, ArticleError, ArticleOptions};

/// One input: a path, or standard input for `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub(crate) fn from_arg(path: &Path) -> Self {
        if path.as_os_str() == "-" { Self::Stdin } else { Self::File(path.to_path_buf()) }
    }

    /// How messages name it.
    pub(crate) fn name(&self) -> String {
        match self {
            Self::Stdin => "standard input".to_owned(),
            Self::File(p) => p.display().to_string(),
        }
    }

    /// Reads the bytes, refusing directories and anything larger than one article can be.
    pub(crate) fn read(&self) -> Result<Vec<u8>> {
        let too_large = |bytes: usize| ArticleError::TooLarge { bytes, limit: MAX_ARTICLE_BYTES };
        match self {
            Self::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin().lock().take(MAX_ARTICLE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
                if bytes.len() > MAX_ARTICLE_BYTES {
                    return Err(too_large(bytes.len()).into());
                }
                Ok(bytes)
            }
            Self::File(path) => {
                let meta = fs::metadata(path)?;
                if meta.is_dir() {
                    bail!("it is a directory, not an article file (`tupu load` reads directories)");
                }
                let len = usize::try_from(meta.len()).unwrap_or(usize::MAX);
                if len > MAX_ARTICLE_BYTES {
                    return Err(too_large(len).into());
                }
                Ok(fs::read(path)?)
            }
        }
    }

    /// Reads and checks an article.
    pub(crate) fn article(&self, options: &ArticleOptions) -> Result<Article> {
        let read = || -> Result<Article> { Ok(Article::from_bytes(&self.read()?, options.clone())?) };
        read().with_context(|| format!("cannot read {} as an article", self.name()))
    }
}

/// The articles that `tupu load` arguments name: files as given, directories searched (depth
/// first, sorted) for `*.txt`.
pub(crate) fn expand(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if path.is_dir() {
            let before = out.len();
            walk(path, &mut out).with_context(|| format!("cannot list {}", path.display()))?;
            if out.len() == before {
                bail!("{} holds no .txt articles", path.display());
            }
        } else {
            out.push(Source::File(path.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(Source::File(path));
        }
    }
    Ok(())
}
