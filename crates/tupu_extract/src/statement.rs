//! Stage: statement (to be written).

use crate::analysis::{Analysis, Stage};

/// Pipeline stage.
pub(crate) struct Statements;

impl Stage for Statements {
    fn name(&self) -> &'static str {
        "statement"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}
