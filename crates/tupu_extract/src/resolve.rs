//! Stage: resolution (to be written).

use crate::analysis::{Analysis, Stage};

/// Pipeline stage.
pub(crate) struct Abbreviations;
/// Pipeline stage.
pub(crate) struct Coreference;

impl Stage for Abbreviations {
    fn name(&self) -> &'static str {
        "abbreviations"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}

impl Stage for Coreference {
    fn name(&self) -> &'static str {
        "coreference"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}
