//! HTTP authentication answers: Basic (RFC 7617) and Digest with MD5 (RFC 7616, the variant
//! Virtuoso's `/sparql-graph-crud-auth` asks for).

use std::fmt::Write as _;

/// What a server asked for in its `WWW-Authenticate` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Challenge {
    /// `Basic realm="…"`.
    Basic,
    /// `Digest realm="…", nonce="…", qop="auth", opaque="…"`.
    Digest { realm: String, nonce: String, opaque: Option<String>, qop_auth: bool },
}

impl Challenge {
    /// Reads the challenges of a `WWW-Authenticate` header, preferring Digest to Basic (Digest
    /// does not send the password); `None` for a scheme tupu does not speak.
    pub(crate) fn parse(header: &str) -> Option<Self> {
        let trimmed = header.trim();
        let (scheme, rest) = trimmed.split_once(char::is_whitespace).unwrap_or((trimmed, ""));
        if scheme.eq_ignore_ascii_case("digest") {
            let params = parameters(rest);
            let get = |k: &str| params.iter().find(|(key, _)| key.eq_ignore_ascii_case(k)).map(|(_, v)| v.clone());
            let algorithm = get("algorithm").unwrap_or_else(|| "MD5".to_owned());
            if !algorithm.eq_ignore_ascii_case("MD5") {
                return None;
            }
            let qop_auth = get("qop").is_some_and(|q| q.split(',').any(|q| q.trim().eq_ignore_ascii_case("auth")));
            return Some(Self::Digest { realm: get("realm")?, nonce: get("nonce")?, opaque: get("opaque"), qop_auth });
        }
        scheme.eq_ignore_ascii_case("basic").then_some(Self::Basic)
    }

    /// The `Authorization` header answering this challenge for a request; `count` numbers the
    /// requests made with one nonce and `cnonce` is the client's own nonce.
    pub(crate) fn answer(
        &self,
        user: &str,
        password: &str,
        method: &str,
        uri: &str,
        count: u32,
        cnonce: &str,
    ) -> String {
        match self {
            Self::Basic => format!("Basic {}", base64(format!("{user}:{password}").as_bytes())),
            Self::Digest { realm, nonce, opaque, qop_auth } => {
                let ha1 = hex_md5(&format!("{user}:{realm}:{password}"));
                let ha2 = hex_md5(&format!("{method}:{uri}"));
                let nc = format!("{count:08x}");
                let response = if *qop_auth {
                    hex_md5(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"))
                } else {
                    hex_md5(&format!("{ha1}:{nonce}:{ha2}"))
                };
                let mut header = format!(
                    "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm=MD5, response=\"{response}\"",
                    quote(user),
                    quote(realm),
                    quote(nonce),
                    quote(uri)
                );
                if *qop_auth {
                    let _ = write!(header, ", qop=auth, nc={nc}, cnonce=\"{cnonce}\"");
                }
                if let Some(opaque) = opaque {
                    let _ = write!(header, ", opaque=\"{}\"", quote(opaque));
                }
                header
            }
        }
    }
}

/// `key=value` and `key="quoted, value"` pairs, comma-separated.
fn parameters(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let key: String = chars.by_ref().take_while(|c| *c != '=').collect::<String>().trim().to_owned();
        if key.is_empty() {
            return out;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
        } else {
            while let Some(c) = chars.next_if(|c| *c != ',') {
                value.push(c);
            }
            value = value.trim().to_owned();
        }
        out.push((key, value));
    }
}

fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn hex_md5(s: &str) -> String {
    format!("{:x}", md5::compute(s.as_bytes()))
}

/// Standard base64 with padding.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, expected) in
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE=")]
        {
            assert_eq!(base64(input.as_bytes()), expected);
        }
        assert_eq!(
            Challenge::Basic.answer("Aladdin", "open sesame", "PUT", "/", 1, ""),
            "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
    }

    #[test]
    fn digest_answers_the_rfc_2617_example() {
        // RFC 2617 §3.5: the worked example, whose response is 6629fae49393a05397450978507c4ef1.
        let challenge = Challenge::parse(
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        )
        .unwrap();
        let header = challenge.answer("Mufasa", "Circle Of Life", "GET", "/dir/index.html", 1, "0a4f113b");
        assert!(header.contains(r#"response="6629fae49393a05397450978507c4ef1""#), "{header}");
        assert!(header.contains("nc=00000001") && header.contains(r#"opaque="5ccc069c403ebaf9f0171e9517f40e41""#));
    }

    #[test]
    fn challenges_are_read_case_insensitively_and_unknown_ones_refused() {
        assert_eq!(Challenge::parse(r#"basic realm="x""#), Some(Challenge::Basic));
        assert!(matches!(Challenge::parse("DIGEST realm=r, nonce=n"), Some(Challenge::Digest { qop_auth: false, .. })));
        assert_eq!(Challenge::parse(r#"Digest realm="r", nonce="n", algorithm=SHA-256"#), None);
        assert_eq!(Challenge::parse("Bearer"), None);
    }
}
