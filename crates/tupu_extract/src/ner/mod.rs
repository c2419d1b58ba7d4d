//! A trained name recogniser: proposes person, place and organisation names the rules may accept.
//!
//! A character-level sequence tagger: an averaged perceptron over the characters and pairs of
//! characters in a ±2 window, their types and a surname flag ([`features`]), BIO tags for
//! people, places and organisations, Viterbi decoding ([`NameTagger`]). It reads text folded to
//! Simplified ([`crate::text::Text::folded_chars`]), so Traditional text is tagged with the same
//! weights and the same offsets. Its weights are `data/ner/tagger.bin` (what they were trained
//! on, on what terms and how to retrain them: `data/ner/README.md`).
//!
//! It proposes; it does not decide. Each candidate carries two margins, in perceptron units:
//! how much better the tagger found this exact span and kind than the nearest alternatives
//! (a character shorter or longer at either end, another kind, no name), and than no name at
//! all. The rules that accept candidates read them.

mod decode;
pub mod features;
mod tagger;
pub mod train;
pub mod weights;

use thiserror::Error;

pub use tagger::NameTagger;
pub use weights::{Weights, WeightsError};

use crate::lexicon::LexiconError;
use crate::model::EntityKind;
use crate::span::Span;

/// A name the tagger proposes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NameCandidate {
    /// Where, in characters of the tagged text.
    pub span: Span,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// How much better this exact span and kind scored than the nearest alternative (≥ 0).
    pub margin: f32,
    /// How much better it scored than no name there at all (≥ `margin`).
    pub presence: f32,
}

/// A tagger that cannot be built.
#[derive(Debug, Error)]
pub enum TaggerError {
    /// The weights file.
    #[error("cannot read the name-tagger weights")]
    Weights(#[from] WeightsError),
    /// The surnames lexicon.
    #[error("cannot read the surnames for the name tagger")]
    Surnames(#[from] LexiconError),
}
