//! Stage: relation (to be written).

use crate::analysis::{Analysis, Stage};

/// Pipeline stage.
pub(crate) struct Relations;

impl Stage for Relations {
    fn name(&self) -> &'static str {
        "relation"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}
