//! Stage: event details (to be written).

use crate::analysis::{Analysis, Stage};

/// Pipeline stage.
pub(crate) struct EventDetailsStage;

impl Stage for EventDetailsStage {
    fn name(&self) -> &'static str {
        "event"
    }

    fn run(&self, _analysis: &mut Analysis<'_>) {}
}
