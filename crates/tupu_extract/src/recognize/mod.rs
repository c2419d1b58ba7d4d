//! Stage: entity recognition (to be written).

use crate::analysis::{Analysis, Stage};

/// Pipeline stage.
pub(crate) struct KnownNames;
/// Pipeline stage.
pub(crate) struct PatternNames;
/// Pipeline stage.
pub(crate) struct People;

impl Stage for KnownNames {
    fn name(&self) -> &'static str {
        "known"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}

impl Stage for PatternNames {
    fn name(&self) -> &'static str {
        "pattern"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}

impl Stage for People {
    fn name(&self) -> &'static str {
        "people"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}
