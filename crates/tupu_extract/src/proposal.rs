//! Stage: proposal (to be written).

use crate::analysis::{Analysis, Stage};

/// Pipeline stage.
pub(crate) struct Proposals;

impl Stage for Proposals {
    fn name(&self) -> &'static str {
        "proposal"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}
