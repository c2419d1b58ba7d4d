//! The government of a place: the organisation a post is in when the text names a place as the
//! post's organisation (上海市長, 香港特區行政長官, 日本首相).
//!
//! W3C ORG's `org:postIn` points to an `org:Organization`; a place is not one. A mayor of Shanghai
//! holds a post in Shanghai's government, whose authority covers Shanghai. So the post is
//! `org:postIn` the government and `tp:jurisdiction` the place. The government is the one the
//! lexicon knows (上海 → 上海市人民政府, 廣西 → 廣西壯族自治區人民政府), so it is one node with the
//! government other articles name; for a place whose government the lexicon does not list, it is
//! named after the place's administrative name (杭州 → 杭州市政府, 日本 → 日本政府), which is also
//! what such an article would call it.

use tupu_extract::lexicon::{KnownClass, KnownEntity};
use tupu_extract::normalize::fold;
use tupu_extract::{EntityKind, Lexicons};

/// Endings that make a government's name from a place's name, most official first.
const GOVERNMENT_ENDINGS: &[&str] = &["人民政府", "政府"];

/// Endings of a place's administrative name (杭州 → 杭州市), tried in this order.
const ADMINISTRATIVE_ENDINGS: &[&str] = &["特別行政區", "自治區", "省", "市", "縣", "區"];

/// The government of a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Government {
    /// Its name, in Traditional script as the lexicon writes it (or in the script of the place's
    /// name when the lexicon does not know the place).
    pub name: String,
    /// Its script-normalised key (the IRI's last segment).
    pub key: String,
    /// English name: the lexicon's, or "Government of …" after the place's.
    pub english: Option<String>,
    /// Whether the lexicon lists this government (rather than the name being made from the place's).
    pub listed: bool,
}

/// The government of the place whose key is `place_key` and whose name in the article is
/// `place_label`.
#[must_use]
pub fn government_of(place_key: &str, place_label: &str) -> Government {
    government_in(Lexicons::embedded(), place_key, place_label)
}

/// [`government_of`] with other lexicons.
#[must_use]
pub fn government_in(lexicons: &Lexicons, place_key: &str, place_label: &str) -> Government {
    let places: Vec<&KnownEntity> = lexicons
        .known_named(place_key)
        .iter()
        .filter_map(|&i| lexicons.known.get(i))
        .filter(|k| k.kind == EntityKind::Place)
        .collect();
    for place in &places {
        for name in std::iter::once(&place.name).chain(&place.aliases) {
            for ending in GOVERNMENT_ENDINGS {
                let candidate = fold(&format!("{name}{ending}"));
                let listed = lexicons
                    .known_named(&candidate)
                    .iter()
                    .filter_map(|&i| lexicons.known.get(i))
                    .find(|k| k.kind == EntityKind::Organization && k.class == KnownClass::Government);
                if let Some(government) = listed {
                    return Government {
                        name: government.name.clone(),
                        key: government.key.clone(),
                        english: government.english.clone(),
                        listed: true,
                    };
                }
            }
        }
    }
    let administrative = places
        .iter()
        .flat_map(|place| {
            ADMINISTRATIVE_ENDINGS.iter().enumerate().filter_map(move |(rank, ending)| {
                let full = format!("{}{ending}", place.name);
                place.aliases.contains(&full).then_some((rank, full))
            })
        })
        .min()
        .map(|(_, name)| name);
    let name = format!("{}政府", administrative.unwrap_or_else(|| place_label.to_owned()));
    let english = places.iter().find_map(|p| p.english.as_deref()).map(|e| format!("Government of {e}"));
    Government { key: fold(&name), name, english, listed: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_governments_are_found_from_any_name_of_the_place_in_either_script() {
        let shanghai = government_of("上海", "上海");
        assert_eq!((shanghai.name.as_str(), shanghai.listed), ("上海市人民政府", true));
        assert_eq!(shanghai.key, "上海市人民政府");
        let hong_kong = government_of(&fold("香港"), "香港");
        assert_eq!(hong_kong.name, "香港特別行政區政府");
        assert_eq!(hong_kong.key, "香港特别行政区政府");
        assert_eq!(government_of("广西壮族自治区", "广西壮族自治区").name, "廣西壯族自治區人民政府");
        assert_eq!(government_of("浙江", "浙江").english.as_deref(), Some("People's Government of Zhejiang Province"));
    }

    #[test]
    fn other_governments_are_named_after_the_administrative_name_of_the_place() {
        let hangzhou = government_of("杭州", "杭州");
        assert_eq!((hangzhou.name.as_str(), hangzhou.listed), ("杭州市政府", false));
        assert_eq!(hangzhou.english.as_deref(), Some("Government of Hangzhou"));
        assert_eq!(government_of("日本", "日本").name, "日本政府");
        // A place the lexicon does not know: its name as the article writes it.
        let unknown = government_of("青云镇", "青雲鎮");
        assert_eq!((unknown.name.as_str(), unknown.key.as_str(), unknown.english), ("青雲鎮政府", "青云镇政府", None));
    }
}
