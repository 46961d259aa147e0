//! Renderers at the edge: diagnostics as text (spec §8), everything as JSON (spec §5.4,
//! §8), and the summary of a validation run.

pub mod json;
pub mod summary;
pub mod text;
