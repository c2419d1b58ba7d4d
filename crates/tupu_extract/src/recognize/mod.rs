//! Entity recognition: the stages that find names in the text.
//!
//! Order matters and is the pipeline's (see `PIPELINE` in lib.rs): known names first (the
//! lexicons know best), then names by pattern (endings, quotes, Latin script), then people,
//! whose posts point at the organisations already found, then the people the name tagger
//! proposes where no rule contradicts it, then the posts written at every person's mentions.

mod captioned_people;
mod clause_names;
pub(crate) mod known;
mod listed_people;
mod names;
pub(crate) mod person;
mod tagged_people;

use crate::analysis::{Analysis, Stage};

/// Lexicon names: public bodies, organisations, places, concepts.
pub(crate) struct KnownNames;
/// Names by pattern: organisations, events, initiatives, places by their endings and quotes.
pub(crate) struct PatternNames;
/// People and their posts.
pub(crate) struct People;
/// People the name tagger proposes and no rule contradicts (names in lists, captions, subjects),
/// then the people a photo caption places (陳志明（左二）), then the names listed beside any person
/// (陳志明、黃美玲、李國強); last, the name spans that turn out to be clauses headed by one of
/// them (陳大文今早抵達法院).
pub(crate) struct TaggedPeople;
/// The posts written at every person's mentions, whichever stage found the person.
pub(crate) struct Posts;

impl Stage for KnownNames {
    fn name(&self) -> &'static str {
        "known names"
    }

    fn run(&self, analysis: &mut Analysis<'_>) {
        known::recognise(analysis);
    }
}

impl Stage for PatternNames {
    fn name(&self) -> &'static str {
        "pattern names"
    }

    fn run(&self, analysis: &mut Analysis<'_>) {
        names::recognise(analysis);
    }
}

impl Stage for People {
    fn name(&self) -> &'static str {
        "people"
    }

    fn run(&self, analysis: &mut Analysis<'_>) {
        person::recognise(analysis);
    }
}

impl Stage for TaggedPeople {
    fn name(&self) -> &'static str {
        "tagged people"
    }

    fn run(&self, analysis: &mut Analysis<'_>) {
        tagged_people::recognise(analysis);
        captioned_people::recognise(analysis);
        listed_people::recognise(analysis);
        clause_names::recognise(analysis);
        person::settle_readings_one_character_apart(analysis);
        person::drop_surname_alone_people(analysis);
    }
}

impl Stage for Posts {
    fn name(&self) -> &'static str {
        "posts"
    }

    fn run(&self, analysis: &mut Analysis<'_>) {
        person::posts(analysis);
    }
}
