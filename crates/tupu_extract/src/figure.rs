//! Stage: figure (to be written).

use crate::analysis::{Analysis, Stage};

/// Pipeline stage.
pub(crate) struct Figures;

impl Stage for Figures {
    fn name(&self) -> &'static str {
        "figure"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}
